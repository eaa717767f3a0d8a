"""People: each person named with an office, with the title and the country they speak for.

The shapes come from how readouts and news name officials: a title before the name
("Vice Minister for Political Affairs Chung Byung-won", "Japanese Foreign Minister
Kamikawa Yoko"), an apposition after it ("Weldon Epp, Canada's Assistant Deputy Minister
for the Indo-Pacific at Global Affairs Canada"), and later short mentions ("Minister Joly",
"Chung urged") that refer back to a person already named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord.kb import KnowledgeBase, load_kb
from accord.kb.people import load_people
from accord.nlp.components import GAZETTEER_KEY
from accord.records import Evidence, Person

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "da", "di", "du", "del", "la", "le", "bin", "al", "el"}
)
_TITLE_LINKS = frozenset({"for", "of"})
# Words between a country and an office that change neither: "Canada's new prime minister".
_TITLE_ADJECTIVES = frozenset(
    {"new", "former", "then", "outgoing", "incoming", "acting", "top", "current", "newly-appointed"}
)
# Heads of an office that a portfolio may precede: "Foreign Affairs Secretary", "Commerce
# and Industry Minister".
_PORTFOLIO_HEADS = frozenset(
    {"minister", "secretary", "commissioner", "envoy", "adviser", "advisor"}
)
# Words that begin a clause or a new noun phrase, never part of a name.
_NAME_STOP_LOWER = frozenset({"and", "met", "said", "held", "on", "in", "at", "with", "who", "the"})


@dataclass
class _PersonDraft:
    name: str
    title: str | None = None
    country: str | None = None
    body: str | None = None
    mentions: list[Evidence] = field(default_factory=list)

    def name_tokens(self) -> set[str]:
        return {t.strip(".,").casefold() for t in self.name.split() if len(t) > 1}


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    span = doc[start:end]
    return Evidence(span.start_char, span.end_char, span.text)


_LOOSE_ENT_TYPES = frozenset(
    {"", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"}
)
_INITIAL_OR_SUFFIX = frozenset({"Jr.", "Jr", "Sr.", "III", "II", "MP"})


# Heads of institutional names, never part of a person's name ("General Agreement for ...").
_INSTITUTION_WORDS = frozenset(
    {
        "Agreement",
        "Treaty",
        "Accord",
        "Convention",
        "Pact",
        "Dialogue",
        "Summit",
        "Meeting",
        "Forum",
        "Partnership",
        "Statement",
        "Declaration",
        "Ministry",
        "Department",
        "Office",
        "Council",
        "Committee",
        "Commission",
        "Government",
        "Embassy",
        "Talks",
        "Cooperation",
    }
)


def _is_name_token(token: Token) -> bool:
    """A token that can stand in a name: capitalized, not a reference-data entity, not a verb."""
    text = token.text
    if text in _INSTITUTION_WORDS:
        return False
    if (
        token.ent_kb_id_ and token.ent_type_ != "PERSON"
    ) or token.ent_type_ not in _LOOSE_ENT_TYPES:
        return False
    if text in _INITIAL_OR_SUFFIX or token.lower_ in _NAME_PARTICLES:
        return True
    if token.lower_ in _NAME_STOP_LOWER or token.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON"):
        return text[:1].isupper() and token.pos_ == "VERB" and token.ent_type_ == "PERSON"
    return bool(text[:1].isupper()) and any(c.isalpha() for c in text)


def _skip_honorifics(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> int:
    """Move past "the Honourable", "Senator the Hon", "H.E. Mr." at the start of a name."""
    honorific_words = {w.casefold() for h in kb.honorifics for w in h.split()}
    while start < end - 1 and doc[start].text.casefold() in honorific_words:
        start += 1
    return start


def _with_suffix(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in a generational suffix set off by a comma: "Joseph R. Biden, Jr."."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text in ("Jr.", "Jr", "Sr."):
        return start, end + 2
    return start, end


def _trim_name(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop what cannot end a name: particles, "MP", lower-case words the model ran on into.

    A lower-case part joined by a hyphen ("Cho Tae-yul") belongs to the name.
    """

    def loose_tail(i: int) -> bool:
        token = doc[i]
        if token.lower_ in _NAME_PARTICLES or token.text == "MP":
            return True
        if not any(c.isalnum() for c in token.text):
            return True  # the full stop the model ran on into: "Minister Lai Mohammed."
        detached = i > start and bool(doc[i - 1].whitespace_)
        return detached and not token.text[:1].isupper() and token.text not in _INITIAL_OR_SUFFIX

    while end > start and loose_tail(end - 1):
        end -= 1
    if end == start or not doc[start].text[:1].isupper():
        return None
    return start, end


def _name_after(
    doc: Doc, start: int, person_starts: dict[int, Span], kb: KnowledgeBase
) -> tuple[int, int] | None:
    """The name that follows a title at `start`: an NER PERSON there, else capitalized tokens."""
    if start >= len(doc):
        return None
    start = _skip_honorifics(doc, start, min(len(doc), start + 5), kb)
    if start in person_starts:
        ent = person_starts[start]
        return _with_suffix(doc, *(_trim_name(doc, ent.start, ent.end) or (ent.start, ent.end)))
    end = start
    while end < len(doc) and end - start < 5 and _is_name_token(doc[end]):
        end += 1
    return _trim_name(doc, start, end)


def _name_before(doc: Doc, end: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """The name that ends right before `end` (a comma before an apposition)."""
    start = end
    while start > 0 and end - start < 5 and _is_name_token(doc[start - 1]):
        start -= 1
    start = _skip_honorifics(doc, start, end, kb)
    trimmed = _trim_name(doc, start, end)
    if trimmed is None or trimmed[1] - trimmed[0] < 2:
        return None  # a lone capitalized word before a comma is too weak to be a name
    return trimmed


def _split_title_country(doc: Doc, title: Span, kb: KnowledgeBase) -> tuple[int, str | None]:
    """ "U.S. Deputy Secretary of State", "Chinese Premier": the country inside a title."""
    for size in (3, 2, 1):
        if title.end - title.start > size:
            prefix = doc[title.start : title.start + size].text
            country = kb.country(prefix)
            if country is not None:
                return title.start + size, country.iso3
            if kb.organization(prefix) is not None:  # "UN Secretary-General"
                return title.start + size, None
    return title.start, None


def _of_country(doc: Doc, index: int, kb: KnowledgeBase) -> tuple[str | None, int]:
    """ "of India" / "of the Federal Republic of Germany" right after a title."""
    if index >= len(doc) or doc[index].lower_ != "of":
        return None, index
    for span in doc.spans[GAZETTEER_KEY]:
        if span.label_ == "GPE" and span.start in (index + 1, index + 2):
            if span.start == index + 2 and doc[index + 1].lower_ != "the":
                continue
            return span.kb_id_, span.end
    return None, index


def _extend_title(doc: Doc, title: Span, stop: int) -> int:
    """Extend a title over "for the Indo-Pacific" / "of Foreign Affairs" up to `stop`."""
    end = title.end
    while end < stop and doc[end].lower_ in _TITLE_LINKS:
        j = end + 1
        if j < stop and doc[j].lower_ == "the":
            j += 1
        k = j
        while k < stop and (
            (doc[k].text[:1].isupper() and doc[k].ent_type_ not in ("GPE", "PERSON"))
            or (doc[k].lower_ in ("and", "-") and k + 1 < stop and doc[k + 1].text[:1].isupper())
        ):
            k += 1
        if k == j:
            break
        end = k
    return end


def _extend_portfolio_left(doc: Doc, start: int, title: Span) -> int:
    """Take in a portfolio written before the office: "Foreign Affairs" + "Secretary",
    "Commerce and Industry" + "Minister". An "and" joins two portfolio words only; a title
    chain ("CPC Central Committee and Foreign Minister") is not a portfolio."""
    if doc[title.end - 1].lower_ not in _PORTFOLIO_HEADS:
        return start

    def portfolio_word(token: Token) -> bool:
        return (
            token.text[:1].isupper()
            and token.ent_type_ in ("", "ORG", "TITLE")
            and not token.ent_kb_id_
            and token.pos_ in ("PROPN", "NOUN", "ADJ")
            and token.text not in _INSTITUTION_WORDS
        )

    i = start
    while i > 0 and portfolio_word(doc[i - 1]):
        i -= 1
    # "Commerce and Industry Minister": one more word across "and", then stop.
    if (
        i > 1
        and doc[i - 1].lower_ == "and"
        and portfolio_word(doc[i - 2])
        and (i < 3 or not portfolio_word(doc[i - 3]))
    ):
        i -= 2
    return i


def _country_before(doc: Doc, index: int, kb: KnowledgeBase) -> tuple[str | None, str | None, int]:
    """A country adjective, a "Country's" or a "Body's" right before a title at `index`.

    Returns (country, body, start of the modifier).
    """
    i = index - 1
    while i >= 0 and doc[i].lower_ in _TITLE_ADJECTIVES:
        i -= 1
    if i >= 0 and doc[i].text in _POSSESSIVES:
        i -= 1
    if i < 0:
        return None, None, index
    for span in doc.spans[GAZETTEER_KEY]:
        if span.end - 1 == i or span.end == i + 1:
            if span.label_ in ("GPE", "NORP"):
                return span.kb_id_, None, span.start
            if span.label_ == "GOV_BODY":
                body = kb.body(span.text)
                return (body.country if body else None), span.text, span.start
    return None, None, index


def _affiliation_after(doc: Doc, index: int, kb: KnowledgeBase) -> tuple[str | None, str | None]:
    """ "at Global Affairs Canada", "of Canada", "of the Republic of Korea" right after a title."""
    if index >= len(doc) or doc[index].lower_ not in ("at", "of", "in"):
        return None, None
    for span in doc.spans[GAZETTEER_KEY]:
        if span.start in (index + 1, index + 2) and span.label_ in ("GPE", "GOV_BODY", "ORG_INTL"):
            if span.label_ == "GPE":
                return span.kb_id_, None
            if span.label_ == "ORG_INTL":
                return None, span.kb_id_  # "President of the New Development Bank"
            body = kb.body(span.text)
            return (body.country if body else None), span.text
    return None, None


def _title_text(doc: Doc, start: int, end: int) -> str:
    text = doc[start:end].text
    return text[4:] if text.lower().startswith("the ") else text


def find_people(doc: Doc, *, kb: KnowledgeBase, on: dt.date | None = None) -> list[Person]:
    """Every person named with an office, their short mentions linked to them."""
    titles = [s for s in doc.spans[GAZETTEER_KEY] if s.label_ == "TITLE"]
    person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
    person_starts = {e.start: e for e in person_ents}
    person_ends = {e.end: e for e in person_ents}
    found: list[tuple[int, int, str | None, str | None, str | None]] = []
    claimed: set[int] = set()
    title_by_start = {t.start: t for t in titles}

    def title_parts(title: Span, stop: int) -> tuple[str, str | None, int]:
        """(title text, country inside or right after it, index after it)."""
        text_start, inner_country = _split_title_country(doc, title, kb)
        text_start = _extend_portfolio_left(doc, text_start, title)
        title_end = _extend_title(doc, title, stop)
        # "Deputy Prime Minister and Minister for Defence": one person, two offices.
        if (
            title_end + 1 < stop
            and doc[title_end].lower_ == "and"
            and title_end + 1 in title_by_start
        ):
            title_end = _extend_title(doc, title_by_start[title_end + 1], stop)
        after_country, after = _of_country(doc, title_end, kb)
        return _title_text(doc, text_start, title_end), inner_country or after_country, after

    # Title before the name: "Prime Minister of India Narendra Modi", "Minister Joly".
    introduced: dict[int, tuple[tuple[int, int], str, str | None]] = {}
    for title in titles:
        stop = min(
            [e.start for e in person_ents if title.end <= e.start <= title.end + 8] or [len(doc)]
        )
        title_text, country, after = title_parts(title, stop)
        name = _name_after(doc, after, person_starts, kb)
        if (
            name is None
            and after < len(doc)
            and doc[after].text == ","
            and after + 1 in person_starts
        ):
            name = _name_after(
                doc, after + 1, person_starts, kb
            )  # "Canada's prime minister, Mark Carney"
        if name is not None:
            introduced[title.start] = (name, title_text, country)
    appositive_starts = {t.start for t in titles if t.start not in introduced}
    for title in titles:
        if title.start not in introduced:
            continue
        name, title_text, country = introduced[title.start]
        if _apposition_follows(doc, name[1], appositive_starts):
            continue  # "Senator the Hon Penny Wong, Minister for Foreign Affairs": the office wins
        before_country, body, _ = _country_before(doc, title.start, kb)
        found.append((name[0], name[1], title_text, country or before_country, body))
        claimed.update(range(name[0], name[1]))

    # Apposition: "NAME, [the] [Country's] TITLE [for ...] [of COUNTRY | at BODY]".
    for title in titles:
        if title.start in introduced:
            continue  # a list ("Biden, South Korean President Yoon ..."), not an apposition
        i = title.start
        modifier_country, body, i = _country_before(doc, i, kb)
        if i > 0 and doc[i - 1].lower_ in ("the", "a"):
            i -= 1
        name_end = _name_end_before_apposition(doc, i)
        if name_end is None:
            continue
        ent_before = person_ends.get(name_end)
        name = (ent_before.start, ent_before.end) if ent_before else _name_before(doc, name_end, kb)
        if name is None or name[0] in claimed:
            continue
        title_text, country, after = title_parts(title, len(doc))
        after_country, after_body = _affiliation_after(doc, after, kb)
        found.append(
            (
                name[0],
                name[1],
                title_text,
                modifier_country or country or after_country,
                body or after_body,
            )
        )
        claimed.update(range(name[0], name[1]))

    found.extend(_counterparts(doc, found, claimed, person_starts, kb))
    # A headline ("First Vice Foreign Minister Holds Talks with ...") capitalizes every word,
    # so its capitalized runs are not names; the body names the same people properly.
    found = [f for f in found if not _is_headline(doc[f[0]].sent)]
    drafts = _merge_mentions(doc, sorted(found), kb)
    # Later bare mentions of someone already named ("Chung urged", "Blinken said").
    for ent in person_ents:
        if ent.start in claimed:
            continue
        tokens = {t.text.strip(".,").casefold() for t in ent}
        for draft in drafts:
            if tokens <= draft.name_tokens():
                draft.mentions.append(_evidence(doc, ent.start, ent.end))
                break

    _link_bare_surnames(doc, drafts, claimed)
    _fill_from_known_officials(drafts, on=on)
    _assign_sentence_countries(doc, drafts)
    return [
        Person(
            d.name,
            d.title,
            d.country,
            d.body,
            tuple(sorted(set(d.mentions), key=lambda e: e.start)),
        )
        for d in drafts
        if d.title
    ]


def _is_headline(sent: Span) -> bool:
    """A line in title case with no closing punctuation."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < 6 or sent.text.rstrip()[-1:] in (".", "!", "?", '"', "”", ")"):
        return False
    capitalized = sum(1 for t in words if t.text[:1].isupper() or t.lower_ in _HEADLINE_SMALL_WORDS)
    return capitalized / len(words) >= 0.9


_HEADLINE_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "for", "in", "of", "on", "the", "to", "with"}
)


def _counterparts(
    doc: Doc,
    found: Sequence[tuple[int, int, str | None, str | None, str | None]],
    claimed: set[int],
    person_starts: dict[int, Span],
    kb: KnowledgeBase,
) -> list[tuple[int, int, str | None, str | None, str | None]]:
    """ "his Australian counterpart Scott Morrison": the office of the person named before."""
    extra: list[tuple[int, int, str | None, str | None, str | None]] = []
    for token in doc:
        if token.lemma_.lower() != "counterpart" or token.i + 1 >= len(doc):
            continue
        start = token.i + 1 + (doc[token.i + 1].text == ",")
        name = _name_after(doc, start, person_starts, kb)
        if name is None or name[0] in claimed:
            continue
        sent = token.sent
        earlier = [f for f in found if sent.start <= f[0] < token.i and f[2]]
        if not earlier:
            continue
        country, _, _ = _country_before(doc, token.i, kb)
        extra.append((name[0], name[1], earlier[-1][2], country, None))
        claimed.update(range(name[0], name[1]))
    return extra


def _name_end_before_apposition(doc: Doc, title_start: int) -> int | None:
    """Where the name before an apposition ends: before its comma, or at the end of the line
    above (a byline: "Senator the Hon Penny Wong" over "Minister for Foreign Affairs")."""
    if title_start == 0:
        return None
    previous = doc[title_start - 1]
    if previous.text == ",":
        return title_start - 1
    if previous.is_space and "\n" in previous.text:
        return title_start - 1 if title_start > 1 else None
    if "\n" in previous.whitespace_:
        return title_start
    return None


def _apposition_follows(doc: Doc, index: int, appositive_starts: set[int]) -> bool:
    """Whether ", [the] TITLE" (a title that introduces no name of its own) follows `index`,
    on the same line after a comma or on the next line."""
    if index >= len(doc):
        return False
    separated = doc[index].text == "," or (doc[index].is_space and "\n" in doc[index].text)
    if not separated and "\n" in doc[index - 1].whitespace_:
        return index in appositive_starts
    if not separated:
        return False
    return any(i in appositive_starts for i in range(index + 1, min(index + 5, len(doc))))


def _link_bare_surnames(doc: Doc, drafts: Sequence[_PersonDraft], claimed: set[int]) -> None:
    """ "Ishiba held talks", "hosted Modi": a lone surname of a person already named in full."""
    surnames: dict[str, _PersonDraft | None] = {}
    for draft in drafts:
        words = draft.name.split()
        if len(words) < 2:
            continue
        for word in (words[0], words[-1]):
            key = word.strip(".,")
            # A surname two people share ("Kim") names neither.
            surnames[key] = None if key in surnames and surnames[key] is not draft else draft
    for token in doc:
        draft = surnames.get(token.text)
        if draft is None or token.i in claimed or not token.text[:1].isupper():
            continue
        if token.ent_type_ not in ("", "PERSON", "ORG", "GPE", "NORP"):
            continue
        evidence = _evidence(doc, token.i, token.i + 1)
        if evidence not in draft.mentions and not any(
            m.start <= evidence.start < m.end for m in draft.mentions
        ):
            draft.mentions.append(evidence)


def _merge_mentions(
    doc: Doc,
    found: Sequence[tuple[int, int, str | None, str | None, str | None]],
    kb: KnowledgeBase,
) -> list[_PersonDraft]:
    """One draft per person: full names first, then short mentions folded into them."""
    drafts: list[_PersonDraft] = []
    ordered = sorted(found, key=lambda f: -(f[1] - f[0]))  # longest names first
    for start, end, title, country, body in ordered:
        name = doc[start:end].text
        evidence = _evidence(doc, start, end)
        tokens = {t.text.strip(".,").casefold() for t in doc[start:end]}
        target = next(
            (
                d
                for d in drafts
                if d.name == name or (len(tokens) == 1 and tokens <= d.name_tokens())
            ),
            None,
        )
        if target is None:
            drafts.append(_PersonDraft(name, title, country, body, [evidence]))
            continue
        target.mentions.append(evidence)
        target.title = target.title or title
        target.country = target.country or country
        target.body = target.body or body
    drafts.sort(key=lambda d: min(m.start for m in d.mentions))
    return drafts


def _fill_from_known_officials(drafts: Sequence[_PersonDraft], *, on: dt.date | None) -> None:
    """The country (or body) of a well-known official the text leaves unsaid.

    "President Yoon Suk Yeol" says no country; the officials table does. A one-word name
    counts only when it is the surname of exactly one known official.
    """
    people = load_people()
    kb = load_kb()
    for draft in drafts:
        if draft.country is not None or (draft.body and kb.organization(draft.body)):
            continue  # known, or speaking for an international body
        known = people.lookup(draft.name)
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


def _assign_sentence_countries(doc: Doc, drafts: Sequence[_PersonDraft]) -> None:
    """Give a person with no country the one country of their sentence no one else holds.

    In "A statement from South Korea's ministry: Vice Minister Chung met Weldon Epp,
    Canada's ...", Canada is Epp's, so the sentence's other country is Chung's.
    """
    for draft in drafts:
        if draft.country is not None or not draft.mentions:
            continue
        first = draft.mentions[0]
        sentence = doc.char_span(first.start, first.end, alignment_mode="expand")
        if sentence is None:
            continue
        sent = sentence.sent
        countries = {
            s.kb_id_
            for s in doc.spans[GAZETTEER_KEY]
            if s.label_ in ("GPE", "NORP") and sent.start <= s.start < sent.end
        }
        taken = {
            d.country
            for d in drafts
            if d.country and any(sent.start_char <= m.start < sent.end_char for m in d.mentions)
        }
        free = countries - taken
        if len(free) == 1:
            draft.country = free.pop()
