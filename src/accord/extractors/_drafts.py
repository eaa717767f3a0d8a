"""People drafts: short mentions folded into full names, and the countries a text leaves
unsaid filled in from known officials, the list a title stands in, and the sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord.extractors._names import proper_noun_follows
from accord.extractors.entities import dateline_place
from accord.kb import KnowledgeBase, load_kb, load_non_state_words
from accord.kb.people import KnownPerson, PeopleIndex, load_people
from accord.nlp.components import GAZETTEER_KEY
from accord.records import Evidence


@dataclass
class PersonDraft:
    name: str
    title: str | None = None
    country: str | None = None
    body: str | None = None
    mentions: list[Evidence] = field(default_factory=list)

    def name_tokens(self) -> set[str]:
        return {t.strip(".,").casefold() for t in self.name.split() if len(t) > 1}


def span_evidence(doc: Doc, start: int, end: int) -> Evidence:
    span = doc[start:end]
    return Evidence(span.start_char, span.end_char, span.text)


# Surnames that are also pronouns: "He" (何) is a mention only before the given name.
_PRONOUNS = frozenset({"he", "she", "i", "we", "it", "you"})


def inside_place_names(doc: Doc) -> set[int]:
    """The tokens of place names of two words or more ("San José", "Santo Domingo"): a word
    of theirs is no short mention of a person."""
    return {
        i
        for span in doc.spans[GAZETTEER_KEY]
        if span.label_ in ("CITY", "GPE") and len(span) >= 2
        for i in range(span.start, span.end)
    }


# Entity types the model gives a lone surname it does not know: "Muizzu" and "Lula" read as
# works or products, "Iwaya" as a location. Places the gazetteer knows are claimed already.
_NAME_LIKE_ENTITIES = frozenset(
    ("", "PERSON", "ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LOC", "FAC")
)


def _names_only(token: Token) -> bool:
    """An entity the model mislabels that holds nothing but names joined by "and": "Aliyev
    and Pashinyan" read as a law."""
    if token.ent_type_ not in ("LAW", "EVENT"):
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and all(
        t.lower_ == "and" or (t.text[:1].isupper() and t.pos_ == "PROPN") for t in entity
    )


def link_bare_surnames(doc: Doc, drafts: Sequence[PersonDraft], claimed: set[int]) -> None:
    """ "Ishiba held talks", "hosted Modi": a lone surname of a person already named in full."""
    surnames: dict[str, PersonDraft | None] = {}
    for draft in drafts:
        words = draft.name.split()
        if len(words) < 2:
            continue
        known = load_people().lookup(draft.name)
        # The name a known official goes by alone, where it is neither end of the full name:
        # "Lula" of "Luiz Inácio Lula da Silva".
        single = [n for n in known.surnames if " " not in n] if known is not None else []
        for word in (words[0], words[-1], *single):
            key = word.strip(".,")
            # A surname two people share ("Kim") names neither.
            surnames[key] = None if key in surnames and surnames[key] is not draft else draft
    for token in doc:
        named = surnames.get(token.text)
        if named is None or token.i in claimed or not token.text[:1].isupper():
            continue
        if token.lower_ in _PRONOUNS and not proper_noun_follows(token):
            continue  # "He said" is no mention of He Wei; "He Wei said" is
        if token.ent_type_ not in _NAME_LIKE_ENTITIES and not _names_only(token):
            continue
        if _names_a_place_after(token):
            continue
        evidence = span_evidence(doc, token.i, token.i + 1)
        if evidence not in named.mentions and not any(
            m.start <= evidence.start < m.end for m in named.mentions
        ):
            named.mentions.append(evidence)


def _names_a_place_after(token: Token) -> bool:
    """A surname in the name of a place named after someone: "Jomo Kenyatta International
    Airport" is no mention of Uhuru Kenyatta."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        after is not None
        and after.is_title
        and after.lower_ in load_non_state_words().named_after_heads
    )


def merge_mentions(
    doc: Doc,
    found: Sequence[tuple[int, int, str | None, str | None, str | None]],
    kb: KnowledgeBase,
) -> list[PersonDraft]:
    """One draft per person: full names first, then short mentions folded into them."""
    drafts: list[PersonDraft] = []
    ordered = sorted(found, key=lambda f: -(f[1] - f[0]))  # longest names first
    for start, end, title, country, body in ordered:
        name = doc[start:end].text
        evidence = span_evidence(doc, start, end)
        tokens = {t.text.strip(".,").casefold() for t in doc[start:end]}
        target = next(
            (
                d
                for d in drafts
                if d.name == name
                or (tokens <= d.name_tokens() and len(tokens) < len(d.name_tokens()))
            ),
            None,
        )
        if target is None:
            drafts.append(PersonDraft(name, title, country, body, [evidence]))
            continue
        target.mentions.append(evidence)
        target.title = target.title or title
        target.country = target.country or country
        target.body = target.body or body
    drafts.sort(key=lambda d: min(m.start for m in d.mentions))
    return drafts


def fill_from_known_officials(drafts: Sequence[PersonDraft], *, on: dt.date | None) -> None:
    """The country (or body) of a well-known official the text leaves unsaid.

    "President Yoon Suk Yeol" says no country; the officials table does. A one-word name
    counts only when it is the surname of exactly one known official.
    """
    people = load_people()
    kb = load_kb()
    for draft in drafts:
        if draft.country is not None or (draft.body and kb.organization(draft.body)):
            continue  # known, or speaking for an international body
        known = people.lookup(draft.name) or _by_lineage(draft.name, people)
        if known is None and " " not in draft.name:
            candidates = people.by_surname(draft.name)
            known = candidates[0] if len(candidates) == 1 else None
        if known is None:
            continue
        country, body = people.affiliation_on(known, on) if on else (known.country, known.body)
        draft.country = country
        draft.body = draft.body or body
        if " " not in draft.name:
            draft.name = known.name


def add_known_officials(
    doc: Doc,
    drafts: list[PersonDraft],
    claimed: set[int],
    *,
    on: dt.date | None,
    skip: Callable[[Span], bool],
) -> None:
    """Well-known officials the text names without an office ("Wang Yi said", "talks between
    Rajnath Singh and Richard Marles"), with the office the officials table says they held
    on the document's day; a later mention of someone already named joins them instead.

    Only full names from the table count (one-word forms tag too much), and only when the
    table knows an office for that day: a name with no office then is not an official.
    """
    people = load_people()
    kb = load_kb()
    for span in doc.spans[GAZETTEER_KEY]:
        if span.label_ != "PERSON" or span.start in claimed or skip(span.sent):
            continue
        evidence = span_evidence(doc, span.start, span.end)
        name = kb.strip_honorifics(span.text)  # an alias may carry a style: "Prince Faisal"
        tokens = {t.strip(".,").casefold() for t in name.split() if len(t) > 1}
        known = people.lookup(span.kb_id_)
        target = next(
            (
                d
                for d in drafts
                if tokens <= d.name_tokens() or (known is not None and d.name == known.name)
            ),
            None,
        )
        if target is None and known is not None and on is not None:
            office = people.office_on(known, on)
            if office is None:
                continue
            country, body = people.affiliation_on(known, on)
            target = PersonDraft(name, office.title, country, body)
            drafts.append(target)
        if target is not None and all(m.start != evidence.start for m in target.mentions):
            target.mentions.append(evidence)
        claimed.update(range(span.start, span.end))
    drafts.sort(key=lambda d: min(m.start for m in d.mentions))


_LINEAGE = frozenset({"bin", "bint", "ibn", "ben", "bent"})


def _by_lineage(name: str, people: PeopleIndex) -> KnownPerson | None:
    """A known official named with more of their lineage than the table holds: "Faisal bin
    Farhan bin Abdullah" is "Faisal bin Farhan"."""
    words = name.split()
    if not _LINEAGE & {w.lower() for w in words}:
        return None
    for end in range(len(words) - 1, 2, -1):
        if words[end - 1].lower() in _LINEAGE:
            continue
        known = people.lookup(" ".join(words[:end]))
        if known is not None:
            return known
    return None


# "Secretary Blinken was joined by the Secretary of Homeland Security, Alejandro Mayorkas":
# the companions are of the side of the official they joined.
_COMPANIONS = re.compile(r"\b(?:was|were|is|are)\s+(?:joined|accompanied|flanked)\s+by\b")


def carry_companion_countries(doc: Doc, drafts: Sequence[PersonDraft]) -> None:
    """Give the officials who joined or accompanied an official that official's country."""

    def told(draft: PersonDraft, start: int, end: int) -> bool:
        return any(start <= m.start < end for m in draft.mentions)

    read: set[int] = set()  # sentences read: the first "joined by" of each tells its side
    for match in _COMPANIONS.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or span.sent.start in read:
            continue
        sent = span.sent
        read.add(sent.start)
        hosts = {d.country for d in drafts if d.country and told(d, sent.start_char, match.start())}
        if len(hosts) != 1:
            continue
        side = hosts.pop()
        for draft in drafts:
            if draft.country is None and not draft.body and told(draft, match.end(), sent.end_char):
                draft.country = side


def assign_sentence_countries(doc: Doc, drafts: Sequence[PersonDraft]) -> None:
    """Give a person with no country the one country of their sentence no one else holds.

    In "A statement from South Korea's ministry: Vice Minister Chung met Weldon Epp,
    Canada's ...", Canada is Epp's, so the sentence's other country is Chung's.
    """
    kb = load_kb()
    titles = {t.start: t for t in doc.spans[GAZETTEER_KEY] if t.label_ == "TITLE"}
    title_ends = {t.end for t in titles.values()}
    for draft in drafts:
        if draft.country is not None or not draft.mentions:
            continue
        body = kb.organization(draft.body) if draft.body else None
        if body is not None and kb.body_party(body.id):
            continue  # (an official of the EU speaks for it, not for a country)
        first = draft.mentions[0]
        sentence = doc.char_span(first.start, first.end, alignment_mode="expand")
        if sentence is None:
            continue
        sent = sentence.sent
        countries = {
            s.kb_id_
            for s in doc.spans[GAZETTEER_KEY]
            if s.label_ in ("GPE", "NORP")
            and sent.start <= s.start < sent.end
            and not _names_a_topic(doc, s)
            and not _qualifies_another_office(doc, s, first.start, titles)
            and not _posting(doc, s, title_ends)
        }
        taken = {
            d.country
            for d in drafts
            if d.country and any(sent.start_char <= m.start < sent.end_char for m in d.mentions)
        }
        free = countries - taken
        if len(free) == 1:
            draft.country = free.pop()


def assign_venue_countries(doc: Doc, drafts: Sequence[PersonDraft]) -> None:
    """Give an official with no country the country of the city their sentence opens in,
    when someone else is named first or a verb comes between: "In Avarua, Mr Peters held
    talks with Prime Minister Mark Brown" (the visitor is named first; whom he met is the
    host)."""
    cities = [s for s in doc.spans[GAZETTEER_KEY] if s.label_ == "CITY"]
    if not cities:
        return
    for draft in drafts:
        if draft.country is not None or draft.body or not draft.mentions:
            continue
        first = draft.mentions[0]
        token = doc.char_span(first.start, first.end, alignment_mode="expand")
        if token is None:
            continue
        sent = token.sent
        named = [
            m.start
            for d in drafts
            for m in d.mentions
            if sent.start_char <= m.start < sent.end_char
        ]
        venue = next(
            (
                c
                for c in cities
                # (opening the sentence: "In Avarua, ...", "Today in Apia, ...")
                if sent.start < c.start <= sent.start + 3
                and c.start_char < min(named)
                and doc[c.start - 1].lower_ == "in"
            ),
            None,
        )
        if venue is None:
            continue
        # (named first, right after the city, is the visitor: "In Avarua, Foreign Minister X
        # held talks"; not so after a verb: "In Nuku'alofa, the Ministers held talks with X")
        verb_before = any(t.pos_ == "VERB" for t in doc[venue.end : token.start])
        if min(named) < first.start or verb_before:
            draft.country = venue.kb_id_.split("|", 1)[0]


# Whom a visitor calls on is a host: "EAM also called on Prime Minister Dinesh Gunawardena",
# "was received by Deputy President Rigathi Gachagua".
_HOST_BEFORE = re.compile(
    r"\b(?:called\s+on|calls\s+on|call\s+on|courtesy\s+calls?\s+on|(?:was|were)\s+"
    r"(?:received|welcomed|hosted)\s+by)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,4}$"
)
# Where the visit went: "paid an official visit to Sri Lanka", "arrived in Colombo".
_VISITED_BEFORE = re.compile(
    r"\b(?:visit(?:ing|ed|s)?(?:\s+to)?|arrived\s+in|arriving\s+in|travell?ed\s+to|"
    r"trip\s+to|tour\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def assign_visited_countries(doc: Doc, drafts: Sequence[PersonDraft]) -> None:
    """Give an official with no country whom a visitor called on, or was received by, the
    country the text last said the visit went to: "paid an official visit to Sri Lanka ...
    EAM also called on Prime Minister Dinesh Gunawardena"."""
    text = doc.text
    visited = [
        (s.start_char, s.kb_id_.split("|", 1)[0])
        for s in doc.spans[GAZETTEER_KEY]
        if s.label_ in ("GPE", "CITY")
        and s.kb_id_
        and _VISITED_BEFORE.search(text, max(0, s.start_char - 30), s.start_char)
    ]
    if not visited:
        return
    for draft in drafts:
        if draft.country is not None or draft.body or not draft.mentions:
            continue
        first = draft.mentions[0].start
        if not _HOST_BEFORE.search(text, max(0, first - 80), first):
            continue
        before = [country for start, country in visited if start < first]
        if before and len(before[-1]) == 3:
            draft.country = before[-1]


def _posting(doc: Doc, span: Span, title_ends: set[int]) -> bool:
    """ "Special Representative for Afghanistan", "Ambassador to Japan": the country an
    envoy is posted to, not one whose official anyone in the sentence is."""
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in ("to", "for") and i in title_ends


def _qualifies_another_office(
    doc: Doc, span: Span, name_start: int, titles: dict[int, Span]
) -> bool:
    """ "held official talks with the Indian Prime Minister": a country heading an office
    whose holder is not the person named at `name_start`. `titles` maps where each title
    span starts to it."""
    after = span.end + (1 if span.end < len(doc) and doc[span.end].text in ("'s", "’s") else 0)
    title = titles.get(after)
    if title is None:
        return False
    return not (0 <= name_start - title.end_char <= 2)


def _names_a_topic(doc: Doc, span: Span) -> bool:
    """A country name that modifies a noun names a topic, not a side: "the Benin Bronzes",
    "the Ukraine war". An adjective ("Nigerian partners") or a title ("Japan Foreign
    Minister") after it still speaks for the country."""
    if span.label_ != "GPE" or span.end >= len(doc):
        return False
    after = doc[span.end]
    if after.pos_ not in ("NOUN", "PROPN") or after.ent_type_ in ("PERSON", "TITLE"):
        return False
    return not any(
        s.start == span.end and s.label_ in ("TITLE", "GOV_BODY", "PERSON")
        for s in doc.spans[GAZETTEER_KEY]
    )


def carry_list_countries(drafts: Sequence[PersonDraft], carried: dict[int, str]) -> None:
    """The country a list of officials opens with, for those its later items leave unsaid
    ("Nigeria's Minister of Information Lai Mohammed and Minister of State Zubairu Dada").
    `carried` maps where a name starts (in characters) to the country it inherits."""
    for draft in drafts:
        if draft.country is None and not draft.body:
            draft.country = next(
                (carried[m.start] for m in draft.mentions if m.start in carried), None
            )


def home_country(doc: Doc, kb: KnowledgeBase, drafts: Sequence[PersonDraft]) -> str | None:
    """The country a text speaks from: its dateline's city, a government body in its first
    line ("German Bundestag - Written Questions"), or the host a readout's title names
    before "with" ("Secretary Blinken's Meeting with ...")."""
    place = dateline_place(doc.text, kb=kb)
    if place is not None and place.country:
        return place.country
    first_line = doc.text.split("\n", 1)[0]
    for span in doc.spans[GAZETTEER_KEY]:
        if span.start_char >= len(first_line):
            break
        if span.label_ == "GOV_BODY":
            body = kb.body(span.text)
            if body is not None and body.country:
                return body.country
    with_at = first_line.find(" with ")
    if with_at < 0:
        return None
    hosts = [d for d in drafts if d.country and any(m.start < with_at for m in d.mentions)]
    return hosts[0].country if len(hosts) == 1 else None


def fill_national_titles(drafts: Sequence[PersonDraft], kb: KnowledgeBase) -> None:
    """An official the text places nowhere, named by an office only one country has
    ("Home Secretary Priti Patel", "Taoiseach Leo Varadkar"), speaks for that country."""
    for draft in drafts:
        if draft.country is None and not draft.body and draft.title:
            title = kb.title(draft.title)
            if title is not None and title.country is not None:
                draft.country = title.country


def unqualified_side(drafts: Sequence[PersonDraft], qualified: set[int]) -> str | None:
    """The side a release names its own officials for without a country ("President Bola
    Ahmed Tinubu ... President Luiz Inácio Lula da Silva of Brazil"), among the officials the
    reference data places: the one side the text never gives a country for, else the side
    most of them serve, when the text gives another side's country. `qualified` holds the
    ids of the drafts whose country the text gave."""
    own = Counter(d.country for d in drafts if id(d) not in qualified and d.country)
    others = {d.country for d in drafts if id(d) in qualified and d.country}
    never_qualified = [c for c in own if c not in others]
    if len(never_qualified) == 1 and others:
        return never_qualified[0]  # the one side the text never names a country for
    ranked = own.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None  # (most of them, not a tie: "Vice President Alckmin" may be left bare)
    side = ranked[0][0]
    return side if others - {side} else None


def fill_home_country(drafts: Sequence[PersonDraft], home: str | None) -> None:
    """A national official the text places nowhere speaks for the side the text speaks from
    (the minister answering for the government, the spokesperson of a readout)."""
    if home is None:
        return
    for draft in drafts:
        if draft.country is None and not draft.body:
            draft.country = home
