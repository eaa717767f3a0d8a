"""People: each person named with an office, with the title and the country they speak for.

The shapes come from how readouts and news name officials: a title before the name
("Vice Minister for Political Affairs Chung Byung-won", "Japanese Foreign Minister
Kamikawa Yoko"), an apposition after it ("Weldon Epp, Canada's Assistant Deputy Minister
for the Indo-Pacific at Global Affairs Canada"), and later short mentions ("Minister Joly",
"Chung urged") that refer back to a person already named.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from accord.extractors._drafts import (
    PersonDraft,
    add_known_officials,
    assign_sentence_countries,
    assign_venue_countries,
    assign_visited_countries,
    carry_companion_countries,
    carry_list_countries,
    fill_from_known_officials,
    fill_home_country,
    fill_national_titles,
    home_country,
    inside_place_names,
    link_bare_surnames,
    merge_mentions,
    span_evidence,
    unqualified_side,
)
from accord.extractors._names import (
    INITIAL_OR_SUFFIX,
    INSTITUTION_WORDS,
    NAME_PARTICLES,
    POST_NOMINALS,
    name_after,
    name_before,
    skip_honorifics,
)
from accord.kb import KnowledgeBase
from accord.nlp.components import GAZETTEER_KEY
from accord.records import Person

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_TITLE_LINKS = frozenset({"for", "of"})
# Words between a country and an office that change neither: "Canada's new prime minister".
_TITLE_ADJECTIVES = frozenset(
    {
        "new",
        "former",
        "then",
        "outgoing",
        "incoming",
        "acting",
        "top",
        "current",
        "newly-appointed",
        "newly",
        "recently",
        "appointed",
        "elected",
        "sworn",
        "visiting",
    }
)


def _skip_adjectives(doc: Doc, i: int) -> int:
    """The index left of the words before an office that change nothing, from `i` down:
    "the newly sworn-in", "the new"."""
    while i >= 0:
        if doc[i].lower_ in _TITLE_ADJECTIVES:
            i -= 1
        elif i >= 2 and doc[i].lower_ == "in" and doc[i - 1].text == "-":
            i -= 2  # "sworn-in"
        else:
            return i
    return i


# Heads of an office that a portfolio may precede: "Foreign Affairs Secretary", "Commerce
# and Industry Minister".
_PORTFOLIO_HEADS = frozenset(
    {"minister", "secretary", "commissioner", "envoy", "adviser", "advisor"}
)
# Words that begin a clause or a new noun phrase, never part of a name.


def _split_title_country(
    doc: Doc, title: Span, kb: KnowledgeBase
) -> tuple[int, str | None, str | None]:
    """ "U.S. Deputy Secretary of State", "Chinese Premier", "UN Secretary-General": where
    the office's own words start, and the country or the body (its id) inside the title."""
    for size in (3, 2, 1):
        if title.end - title.start > size:
            prefix = doc[title.start : title.start + size].text
            country = kb.country(prefix)
            if country is not None:
                return title.start + size, country.iso3, None
            body = kb.organization(prefix)
            if body is not None:
                return title.start + size, None, body.id
    return title.start, None, None


# Words of a state's formal name before the name itself: "the Republic of India",
# "the People's Republic of China", "the Kingdom of Thailand".
_STATE_FORM_WORDS = frozenset(
    {
        "the",
        "republic",
        "federal",
        "people",
        "people's",
        "'s",
        "’s",
        "kingdom",
        "state",
        "islamic",
        "democratic",
        "socialist",
        "united",
        "commonwealth",
        "sultanate",
        "arab",
        "federative",
        "of",
    }
)


def _of_country(doc: Doc, index: int, kb: KnowledgeBase) -> tuple[str | None, int]:
    """ "of India" / "of the Federal Republic of Germany" right after a title."""
    country, _, end = _of_affiliation(doc, index)
    return country, end if country else index


def _of_affiliation(doc: Doc, index: int) -> tuple[str | None, str | None, int]:
    """(country, international body, end) of "of India", "of the Republic of India",
    "of ASEAN", "of the New Development Bank" at `index`; (None, None, index) otherwise."""
    if index >= len(doc) or doc[index].lower_ != "of":
        return None, None, index
    j = index + 1
    while j < min(len(doc), index + 7) and doc[j].lower_ in _STATE_FORM_WORDS:
        j += 1
    for span in doc.spans[GAZETTEER_KEY]:
        if span.label_ == "CITY" and span.start == index + 1 and "|" in span.kb_id_:
            # "Party Secretary of Shanghai", "Mayor of Lviv": the city's country
            return span.kb_id_.split("|", 1)[0], None, span.end
        if span.label_ in ("GPE", "ORG_INTL") and index < span.start <= j:
            if span.start == index + 2 and doc[index + 1].lower_ != "the":
                continue
            if span.start > index + 2 and (
                span.label_ != "GPE" or doc[span.start - 1].lower_ != "of"
            ):
                continue
            if span.label_ == "GPE":
                return span.kb_id_, None, span.end
            return None, span.kb_id_, span.end
    return None, None, index


def _city_organ(doc: Doc, index: int) -> tuple[str | None, int]:
    """(the city's country, end) of "of the Ho Chi Minh City Party Committee", "of the
    Hanoi People's Committee" at `index`: a city's organ, part of the office; (None, index)
    otherwise."""
    if index + 2 >= len(doc) or doc[index].lower_ != "of" or doc[index + 1].lower_ != "the":
        return None, index
    for span in doc.spans[GAZETTEER_KEY]:
        if span.label_ == "CITY" and span.start == index + 2 and "|" in span.kb_id_:
            end = _organ_end(doc, span.end, len(doc))
            return (span.kb_id_.split("|", 1)[0], end) if end > span.end else (None, index)
    return None, index


def _posting_end(doc: Doc, index: int, title: Span, kb: KnowledgeBase) -> int:
    """The end of an envoy's posting, "to [the] COUNTRY" or "for COUNTRY" ("Special
    Representative for Afghanistan"), at `index` (or `index`)."""
    if index >= len(doc) or doc[index].lower_ not in ("to", "for"):
        return index
    found = kb.title(title.text)
    if found is None or found.kind != "diplomat":
        return index
    start = index + 1 + (index + 1 < len(doc) and doc[index + 1].lower_ == "the")
    for span in doc.spans[GAZETTEER_KEY]:
        if span.start == start and span.label_ == "GPE":
            return span.end
    return index


def _legislatures(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """(start, end, country) of the legislatures the text names after "the", which a title
    may hold: "Speaker of the Seimas" (not a portfolio that reads like a body's name:
    "Secretary of National Defense")."""
    found = []
    for span in doc.spans[GAZETTEER_KEY]:
        if span.label_ != "GOV_BODY" or span.start == 0 or doc[span.start - 1].lower_ != "the":
            continue
        body = kb.body(span.text)
        if body is not None and body.country and body.kind == "legislature":
            found.append((span.start, span.end, body.country))
    return found


def _inside_span(doc: Doc, index: int) -> bool:
    """Whether a cut at `index` falls inside a reference-data span ("the Chinese | foreign
    ministry")."""
    return any(s.start < index < s.end for s in doc.spans[GAZETTEER_KEY])


def _extend_title(doc: Doc, title: Span, stop: int, kb: KnowledgeBase) -> int:
    """Extend a title over "for the Indo-Pacific" / "of Foreign Affairs" up to `stop`, and
    over the rest of an organ's name ("Member of the Politburo" + "Standing Committee")."""
    end = _extend_links(doc, title.end, stop)
    organ = _organ_end(doc, end, stop)
    return _extend_links(doc, organ, stop) if organ > end else end


# Heads that end the name of an organ an office belongs to.
_ORGAN_HEADS = frozenset({"Committee", "Council", "Commission", "Bureau", "Secretariat"})


def _organ_end(doc: Doc, start: int, stop: int) -> int:
    """The end of "Standing Committee" right after a title: up to two capitalized words and
    an organ's head; `start` when none follows."""
    for end in range(start + 1, min(start + 4, stop + 1)):
        if doc[end - 1].text in _ORGAN_HEADS:
            run = doc[start : end - 1]
            # ("People's Committee")
            if all((t.is_title or t.text in ("'s", "’s")) and t.ent_type_ != "PERSON" for t in run):
                return end
            return start
    return start


def _extend_links(doc: Doc, end: int, stop: int) -> int:
    """The end of the portfolio links ("for the Indo-Pacific", "of Foreign Affairs") from
    `end`."""
    while end < stop and doc[end].lower_ in _TITLE_LINKS:
        if _of_affiliation(doc, end)[2] > end:
            break  # "Prime Minister of the Republic of India", "Secretary-General of ASEAN"
        j = end + 1
        if j < stop and doc[j].lower_ == "the":
            j += 1
        k = j
        while k < stop and (
            _portfolio_word(doc[k])
            or (doc[k].lower_ in ("and", "-") and k + 1 < stop and doc[k + 1].text[:1].isupper())
            # "for Culture and the Media"
            or (
                doc[k].lower_ == "and"
                and k + 2 < stop
                and doc[k + 1].lower_ == "the"
                and _portfolio_word(doc[k + 2])
            )
        ):
            k += 1 + (doc[k].lower_ == "and" and doc[k + 1].lower_ == "the")
        if k == j or _inside_span(doc, k):
            break  # "a spokesperson for the Chinese foreign ministry": not a portfolio
        end = k
    return end


def _portfolio_word(token: Token) -> bool:
    """A capitalized word of a portfolio: not a person, not a country the gazetteer knows
    (the model's guesses of a place, "the Media", are portfolio words)."""
    if token.ent_type_ == "NORP" and token.ent_kb_id_:
        # "for East Asian and Pacific Affairs" is a portfolio; "for the Chinese foreign
        # ministry" is not (a nationality ends the capitalized run).
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and (following.text[:1].isupper() or following.lower_ == "and")
    return (
        token.text[:1].isupper()
        and token.ent_type_ != "PERSON"
        and not (token.ent_type_ == "GPE" and token.ent_kb_id_)
    )


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
            and token.text not in INSTITUTION_WORDS
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
    i = _skip_adjectives(doc, index - 1)
    if i >= 0 and doc[i].lower_ == "its":
        # "Kazakhstan then offered a venue. ... its foreign minister, Murat Nurtleu": the
        # country the sentence or the one before names last (unless a body came after it:
        # "the EU and its High Representative").
        start = doc[i].sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        named = [
            s
            for s in doc.spans[GAZETTEER_KEY]
            if s.label_ in ("GPE", "ORG_INTL", "GOV_BODY") and start <= s.start and s.end <= i
        ]
        if named and named[-1].label_ == "GPE":
            return named[-1].kb_id_, None, i
        return None, None, index
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


def _comma_name(
    doc: Doc, start: int, person_starts: dict[int, Span], kb: KnowledgeBase
) -> tuple[int, int] | None:
    """ "Canada's prime minister, Mark Carney": a name after the title's comma, an NER person
    or two or more name words closed by punctuation (the model may take it for a place)."""
    name = name_after(doc, start, person_starts, kb)
    if name is None or start in person_starts:
        return name
    after = name[1]
    while after < len(doc) and doc[after].text in POST_NOMINALS:
        after += 1  # "the Hon Feleti Teo OBE,"
    closed = after >= len(doc) or doc[after].is_punct or doc[after].is_space
    return name if name[1] - name[0] >= 2 and closed else None


def _bridge_particles(doc: Doc, start: int, kb: KnowledgeBase) -> int:
    """Where a name begins that the model split at a particle: "Mohammed bin | Salman bin
    Abdulaziz Al Saud" is one name (styles before it are dropped)."""
    begin = start
    while (
        begin >= 2
        and doc[begin - 1].lower_ in NAME_PARTICLES
        and doc[begin - 2].is_title
        and doc[begin - 2].is_alpha
    ):
        begin -= 2
    if begin == start:
        return start
    return skip_honorifics(doc, begin, start, kb)


def _portfolio_pair_end(doc: Doc, end: int) -> int:
    """ "Minister of the Environment and Climate Change, Marina Silva": a second portfolio
    joined by "and", in capitals up to the comma before the name, belongs to the office."""
    if end >= len(doc) or doc[end].lower_ != "and":
        return end
    i = end + 1
    while i < len(doc) and i - end <= 4 and doc[i].is_title and doc[i].ent_type_ != "PERSON":
        i += 1
    return i if i > end + 1 and i < len(doc) and doc[i].text == "," else end


def _title_text(doc: Doc, start: int, end: int) -> str:
    """The office as written, in title case when news wrote it in lower case."""
    while end > start + 1 and doc[end - 1].lower_ in ("and", ",", "&"):
        end -= 1  # "... Commission and China's top diplomat": the office ends before "and"
    text = doc[start:end].text
    text = text[4:] if text.lower().startswith("the ") else text
    if text.islower():
        text = " ".join(
            w if w in _HEADLINE_SMALL_WORDS else w[:1].upper() + w[1:] for w in text.split()
        )
    return text


def _give_back_name(
    doc: Doc,
    title: Span,
    title_end: int,
    after: int,
    person_starts: dict[int, Span],
    kb: KnowledgeBase,
) -> tuple[int, int]:
    """ "Minister for the Indo-Pacific Catherine West": the model read the portfolio and the
    name as one organization, so the title ran over the name. When nothing that could be a
    name follows, the last two words of a portfolio of three or more are the name."""
    if after != title_end or title_end <= title.end or name_after(doc, after, person_starts, kb):
        return title_end, after
    if after < len(doc) and doc[after].is_alpha and doc[after].text[:1].isupper():
        return title_end, after  # more capitalized words follow: not a name's end
    if (
        after < len(doc)
        and doc[after].text == ","
        and _comma_name(doc, after + 1, person_starts, kb)
    ):
        return title_end, after  # "Envoy for International Climate Action, Jennifer Morgan"
    link = max(
        (
            i
            for i in range(title.start, title_end)
            if doc[i].lower_ in _TITLE_LINKS | {"and", "the"}
        ),
        default=None,
    )
    if link is None:
        return title_end, after  # "Politburo Standing Committee": an organ, no portfolio
    units = [
        t
        for t in doc[link + 1 : title_end]
        if t.is_alpha and not (t.i > 0 and doc[t.i - 1].text == "-")
    ]
    name = doc[title_end - 2 : title_end]
    if (
        len(units) < 3
        or any(t.text in INSTITUTION_WORDS or not t.is_alpha or t.ent_kb_id_ for t in name)
        or doc[title_end - 3].text == "-"
        or not all(t.ent_type_ in ("ORG", "PERSON", "") for t in name)
    ):
        return title_end, after
    return title_end - 2, title_end - 2


def find_people(doc: Doc, *, kb: KnowledgeBase, on: dt.date | None = None) -> list[Person]:
    """Every person named with an office, their short mentions linked to them."""
    person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
    titles = [
        s for s in doc.spans[GAZETTEER_KEY] if s.label_ == "TITLE" and not _clock_time(doc, s)
    ]
    titles = sorted(titles + _role_titles(doc, person_ents, kb), key=lambda t: t.start)
    # "Special Assistant to the Prime Minister, Tariq Bajwa": the office served is part of
    # the aide's title (the aide's, first, claims the name). After a name, in apposition,
    # the aide keeps the bare title: taking in the office there lost meetings on held-out
    # texts.
    served = _served_offices(doc, titles, kb)
    legislatures = _legislatures(doc, kb)
    person_starts = {e.start: e for e in person_ents}
    person_ends = {e.end: e for e in person_ents}
    found: list[tuple[int, int, str | None, str | None, str | None]] = []
    claimed: set[int] = set()
    title_by_start = {t.start: t for t in titles}
    # name start -> (where its title phrase begins, the country word heading it, if any)
    heads: dict[int, tuple[int, str | None]] = {}
    # title start -> the international body an "of ASEAN" after it names
    title_bodies: dict[int, str | None] = {}

    def title_parts(
        title: Span, stop: int, *, served_office: bool = True
    ) -> tuple[str, str | None, int]:
        """(title text, country inside or right after it, index after it); an aide's title
        before a name takes in the office it serves (`served_office`)."""
        text_start, inner_country, inner_body = _split_title_country(doc, title, kb)
        text_start = _extend_portfolio_left(doc, text_start, title)
        title_end = _extend_title(doc, title, stop, kb)
        if (
            title_end + 1 < stop
            and doc[title_end].text in ("-", "–")
            and doc[title_end + 1].lower_ in ("designate", "elect")
        ):
            title_end += 2  # "Prime Minister-designate", "President-elect"
        if served_office and title_end == title.end and title.start in served:
            title_end = _extend_title(doc, title_by_start[served[title.start]], stop, kb)
        for i in range(title.start + 1, title_end):
            # A variant that ran into a state's name: "Prime Minister of the Republic" + "of India".
            if doc[i].lower_ == "of" and _of_country(doc, i, kb)[1] > title_end:
                title_end = i
                break
        # "Deputy Prime Minister and Minister for Defence", "Deputy Prime Minister – Minister
        # of Foreign Affairs": one person, two offices.
        if (
            title_end + 1 < stop
            and doc[title_end].lower_ in ("and", "–", "—")
            and title_end + 1 in title_by_start
        ):
            title_end = _extend_title(doc, title_by_start[title_end + 1], stop, kb)
        else:
            title_end = _portfolio_pair_end(doc, title_end)
        city_country, organ_end = _city_organ(doc, title_end)
        title_end = organ_end
        after_country, after_body, after = _of_affiliation(doc, title_end)
        after_country = after_country or city_country
        title_end, after = _give_back_name(doc, title, title_end, after, person_starts, kb)
        title_bodies[title.start] = after_body or inner_body
        text = _title_text(doc, text_start, title_end)
        posted = _posting_end(doc, after, title, kb)
        if posted > after:
            # "Ambassador of Brazil to Germany": the posting is part of the office, and its
            # country is where the envoy serves, not whose envoy they are.
            text = f"{text} {doc[after:posted].text}"
            after = posted
        # ("Speaker of the Seimas": the legislature inside the title is the country's)
        held = next((c for a, b, c in legislatures if title.end < a and b <= after), None)
        return text, inner_country or after_country or held, after

    # Title before the name: "Prime Minister of India Narendra Modi", "Minister Joly".
    introduced: dict[int, tuple[tuple[int, int], str, str | None]] = {}
    for title in titles:
        stop = min(
            [e.start for e in person_ents if title.end <= e.start <= title.end + 8] or [len(doc)]
        )
        title_text, country, after = title_parts(title, stop)
        name = name_after(doc, after, person_starts, kb)
        if name is None and after in title_by_start:
            # "Deputy Prime Minister and Foreign Minister Senator Mohammad Ishaq Dar": a rank
            # right before the name is a style; the office before it is the title.
            name = name_after(doc, title_by_start[after].end, person_starts, kb)
        if name is None and after < len(doc) and doc[after].text == ",":
            name = _comma_name(doc, after + 1, person_starts, kb)
            if name is None and after + 1 in title_by_start:
                # "The Acting Minister of Foreign Affairs, Ambassador Maria Laura da Rocha,":
                # the rank after the comma is a style; the office before it is the title.
                name = _comma_name(doc, title_by_start[after + 1].end, person_starts, kb)
        if name is not None:
            introduced[title.start] = (name, title_text, country)
    appositive_starts = {t.start for t in titles if t.start not in introduced}
    for title in titles:
        if title.start not in introduced:
            continue
        name, title_text, country = introduced[title.start]
        if name[0] in claimed:
            continue  # "Minister for Foreign Affairs, Senator Penny Wong": the first office
        if _apposition_follows(doc, name[1], appositive_starts):
            continue  # "Senator the Hon Penny Wong, Minister for Foreign Affairs": the office wins
        before_country, body, head = _country_before(doc, title.start, kb)
        body = title_bodies.get(title.start) or body
        # "Prime Minister Robert Golob of Slovenia": the country after the name.
        after_name = _of_country(doc, name[1], kb)[0]
        found.append((name[0], name[1], title_text, country or before_country or after_name, body))
        heads[name[0]] = (head, before_country if not country else None)
        claimed.update(range(name[0], name[1]))

    # Apposition: "NAME, [the] [Country's] TITLE [for ...] [of COUNTRY | at BODY]".
    for title in titles:
        if title.start in introduced:
            continue  # a list ("Biden, South Korean President Yoon ..."), not an apposition
        if title.end < len(doc) and doc[title.end].lower_ in ("'s", "’s"):
            continue  # "Maximos Mansion, the prime minister's office": the office's, no one's
        i = title.start
        modifier_country, body, i = _country_before(doc, i, kb)
        i = _skip_adjectives(doc, i - 1) + 1
        if i > 0 and doc[i - 1].lower_ in ("the", "a"):
            i -= 1
        name_end = _name_end_before_apposition(doc, i)
        if name_end is None:
            continue
        ent_before = person_ends.get(name_end)
        if ent_before is None and name_end > 0 and doc[name_end - 1].text in INITIAL_OR_SUFFIX:
            ent_before = person_ends.get(name_end - 1)  # "The Hon Richard Marles MP, Deputy ..."
        name = (
            (
                skip_honorifics(doc, _bridge_particles(doc, ent_before.start, kb), name_end, kb),
                ent_before.end,
            )
            if ent_before
            else name_before(doc, name_end, kb)
        )
        if name is None or name[0] in claimed:
            continue
        title_text, country, after = title_parts(title, len(doc), served_office=False)
        after_country, after_body = _affiliation_after(doc, after, kb)
        after_body = title_bodies.get(title.start) or after_body
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
    headline = [f for f in found if _is_headline(doc[f[0]].sent)]
    found = [f for f in found if f not in headline]
    for f in headline:  # its names may still be short mentions of people the body names
        claimed.difference_update(range(f[0], f[1]))
    drafts = merge_mentions(doc, sorted(found), kb)
    # Later bare mentions of someone already named ("Chung urged", "Blinken said").
    in_places = inside_place_names(doc)
    for ent in person_ents:
        if ent.start in claimed or ent.start in in_places:
            continue
        tokens = {t.text.strip(".,").casefold() for t in ent}
        for draft in drafts:
            if tokens <= draft.name_tokens():
                draft.mentions.append(span_evidence(doc, ent.start, ent.end))
                break

    text = doc.text  # (spaCy builds it from the tokens on every access)
    qualified = {id(d) for d in drafts if d.country}
    add_known_officials(doc, drafts, claimed, on=on, skip=_is_headline)
    # ("San José" is no mention of José Raúl Mulino)
    link_bare_surnames(doc, drafts, claimed | in_places)
    fill_from_known_officials(drafts, on=on)
    fill_national_titles(drafts, kb)
    carry_list_countries(drafts, _list_countries(doc, found, heads))
    carry_companion_countries(doc, drafts)
    assign_venue_countries(doc, drafts)
    assign_visited_countries(doc, drafts)
    assign_sentence_countries(doc, drafts)
    home = home_country(doc, kb, drafts) or unqualified_side(drafts, qualified)
    fill_home_country(drafts, home)
    return [
        Person(
            d.name,
            d.title,
            d.country,
            d.body,
            tuple(sorted(set(d.mentions), key=lambda e: e.start)),
        )
        for d in drafts
        if d.title and not _heads_an_institution(text, d) and not _names_a_place(d.name)
    ]


def _names_a_place(name: str) -> bool:
    """ "King Khalid International Airport", "Governor of Riyadh Region": a title before a
    place's name, not an official."""
    from accord.kb import load_non_state_words

    return name.rsplit(None, 1)[-1].lower() in load_non_state_words().place_heads


@functools.cache
def _institution_pattern() -> re.Pattern[str]:
    from accord.kb import load_non_state_words

    heads = "|".join(sorted(re.escape(h) for h in load_non_state_words().institution_heads))
    return re.compile(
        rf"\s*,?\s*(?:[a-z]+\s+)?(?:of|on behalf of|at)\s+(?:the\s+)?"
        rf"(?:[A-Z][\w'’-]*\s+){{0,4}}(?:{heads})\b",
        re.IGNORECASE,
    )


def _heads_an_institution(text: str, draft: PersonDraft) -> bool:
    """ "President Juichi Yamagiwa signed on behalf of Kyoto University", "Chairman X of
    Samsung Group": the office is a university's or a company's, not a state's."""
    pattern = _institution_pattern()
    return any(pattern.match(text, m.end) for m in draft.mentions)


_LIST_JOINS = frozenset({",", "and", "the"})


def _list_countries(
    doc: Doc,
    found: Sequence[tuple[int, int, str | None, str | None, str | None]],
    heads: dict[int, tuple[int, str | None]],
) -> dict[int, str]:
    """Where each later item of a list of titled officials starts (in characters) and the
    country word heading the list: "Nigeria's Minister A and Minister of State B"."""
    carried: dict[int, str] = {}
    ordered = sorted(f for f in found if f[0] in heads)
    for previous, current in itertools.pairwise(ordered):
        head_country = heads[previous[0]][1] or carried.get(doc[previous[0]].idx)
        title_start = heads[current[0]][0]
        joint = doc[previous[1] : title_start]
        if (
            head_country is None
            or current[3] is not None
            or not 0 < len(joint) <= 3
            or any(t.lower_ not in _LIST_JOINS for t in joint)
            or not any(t.lower_ in (",", "and") for t in joint)
            or doc[previous[0]].sent.start != doc[current[0]].sent.start
        ):
            continue
        carried[doc[current[0]].idx] = head_country
    return carried


# Offices news writes in lower case with no capitalized title around them: "Chinese foreign
# ministry spokesperson Lin Jian", "said Mao Ning, a spokesperson for the ministry".
_ROLE_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman"})


def _clock_time(doc: Doc, title: Span) -> bool:
    """ "1:41 PM": the afternoon, not a prime minister."""
    return title.text == "PM" and title.start > 0 and doc[title.start - 1].text[:1].isdigit()


def _role_titles(doc: Doc, person_ents: Sequence[Span], kb: KnowledgeBase) -> list[Span]:
    """Titles the gazetteer leaves out: a role noun it did not cover, and a title the model
    read into a name ("King Abdullah II" as one person)."""
    covered = {
        i for s in doc.spans[GAZETTEER_KEY] if s.label_ != "PERSON" for i in range(s.start, s.end)
    }
    extra = [
        Span(doc, t.i, t.i + 1, label="TITLE")
        for t in doc
        if t.lower_ in _ROLE_NOUNS and t.i not in covered
    ]
    for ent in person_ents:
        first = ent[0]
        if (
            len(ent) >= 2
            and first.i not in covered
            and first.text[:1].isupper()
            and kb.title(first.text) is not None
        ):
            extra.append(Span(doc, first.i, first.i + 1, label="TITLE"))
    return extra


# Offices that serve another office named after "to the".
_AIDES = frozenset({"Adviser"})


def _served_offices(doc: Doc, titles: Sequence[Span], kb: KnowledgeBase) -> dict[int, int]:
    """{start of an aide's title: start of the office it serves} for "Special Assistant to
    the Prime Minister", "Adviser to the President" (not "a letter from the Prime Minister
    to the President")."""
    ends = {t.end: t for t in titles}
    starts = {t.start for t in titles}
    served = {}
    for end, title in ends.items():
        known = kb.title(title.text)
        if (
            known is not None
            and known.canonical in _AIDES
            and end + 2 < len(doc)
            and doc[end].lower_ == "to"
            and doc[end + 1].lower_ == "the"
            and end + 2 in starts
        ):
            served[title.start] = end + 2
    return served


def _is_headline(sent: Span) -> bool:
    """A line in title case with no closing punctuation (an item of a list of attendees
    ends with ";"). A page's issuer line ("From: Prime Minister's Office, 10 Downing Street
    and The Rt Hon Sir Keir Starmer KCB KC MP") is none: it names the text's own official."""
    if sent.text.lstrip().startswith("From:"):
        return False
    words = [t for t in sent if t.is_alpha]
    if len(words) < 6 or sent.text.rstrip()[-1:] in (".", "!", "?", '"', "”", ")", ":", ";", ","):
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
        from_country = None
        if doc[start].lower_ in ("from", "of"):  # "her counterpart from Vietnam, Bui Thanh Son"
            place = next(
                (
                    sp
                    for sp in doc.spans[GAZETTEER_KEY]
                    if sp.label_ == "GPE" and sp.start in (start + 1, start + 2)
                ),
                None,
            )
            if place is None:
                continue
            from_country = place.kb_id_
            start = place.end + (place.end < len(doc) and doc[place.end].text == ",")
        name = name_after(doc, start, person_starts, kb)
        if name is None or name[0] in claimed:
            continue
        sent = token.sent
        earlier = [f for f in found if sent.start <= f[0] < token.i and f[2]]
        if not earlier:
            continue
        country, _, _ = _country_before(doc, token.i, kb)
        extra.append((name[0], name[1], earlier[-1][2], country or from_country, None))
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
    if not separated or (index + 1 < len(doc) and doc[index + 1].lower_ == "and"):
        return False  # "Jennifer Morgan, and the Ambassador ...": the next person of a list
    return any(i in appositive_starts for i in range(index + 1, min(index + 5, len(doc))))
