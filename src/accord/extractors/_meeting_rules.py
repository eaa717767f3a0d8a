"""Context rules of meeting reports: officials named by office or pronoun, and relative days.

Real readouts name the host once and then write "The Secretary and the External Affairs
Minister discussed ...", "He also met ...", "The day before, ...", "On that occasion, ...",
"The TTC held ..."; these rules tie such sentences back to the officials, dates and
formats the text gave earlier, or to the side a readout that never names its principal
speaks for.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter

from spacy.tokens import Doc, Span

from accord.kb import KnowledgeBase
from accord.records import Annotations, CountryMention, Evidence, Person, Place

__all__ = [
    "body_offices",
    "day_offset",
    "format_acronyms",
    "headline_report",
    "home_country",
    "issuer_country",
    "names_an_office",
    "occasion",
    "office_subject",
    "pronoun_subject",
    "statement_author",
    "text_speaker",
    "title_references",
    "unnamed_side",
]

# Days counted from the date the text gave last: "The following day, Ishiba met ...".
_DAY_OFFSETS = (
    (
        re.compile(
            r"\b(?:the (?:following|next) (?:day|morning|evening)|a day later)\b", re.IGNORECASE
        ),
        1,
    ),
    (
        re.compile(r"\b(?:the (?:previous|preceding) day|the day before|a day earlier)\b", re.I),
        -1,
    ),
)


# "two days earlier", "three days later", "two days before." (not "two days after the
# Chancellor took office": counted from something else)
_DAYS_APART = re.compile(
    r"\b(two|three|four|five|six|[2-6])\s+days\s+(?:(earlier|later)\b|(before|after)(?=\s*[,.;]))",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def day_offset(sentence: str) -> int:
    """+1 for "the following day", -1 for "the day before", -2 for "two days earlier", else
    0."""
    for pattern, offset in _DAY_OFFSETS:
        if pattern.search(sentence):
            return offset
    apart = _DAYS_APART.search(sentence)
    if apart is None:
        return 0
    count = apart.group(1).lower()
    days = _NUMBER_WORDS[count] if count in _NUMBER_WORDS else int(count)
    return days if (apart.group(2) or apart.group(3)).lower() in ("later", "after") else -days


# "an EU-India Trade and Technology Council (TTC)": a two-party format and its short name.
_PAIR_FORMAT = re.compile(
    r"\b[A-Z][\w.]*[-–][A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:\s+(?:[A-Z][\w&+-]*|and|of|on|for))"
    r"{1,8}\s+\(([A-Z][A-Z0-9+]{1,7})\)"
)


def format_acronyms(
    text: str, annotations: Annotations, kb: KnowledgeBase
) -> dict[str, frozenset[str]]:
    """The short names a text gives two-party formats, with the parties they are named
    after: {"TTC": {"EUU", "IND"}} from "an EU-India Trade and Technology Council (TTC)"."""
    found: dict[str, frozenset[str]] = {}
    for match in _PAIR_FORMAT.finditer(text):
        start, end = match.start(), match.start(1)
        parties = {c.iso3 for c in annotations.countries if start <= c.evidence.start < end}
        parties |= {
            party
            for o in annotations.organizations
            if start <= o.evidence.start < end
            for party in [kb.body_party(o.org_id)]
            if party
        }
        if len(parties) == 2:
            found.setdefault(match.group(1), frozenset(parties))
    return found


def _title_keys(title: str) -> set[str]:
    """ "Secretary of State" is also "the Secretary"; "Minister for Foreign Affairs" is
    also "the Minister"; each of two offices held together is one."""
    title = title.lower().strip()
    # "Ambassador Extraordinary and Plenipotentiary to Việt Nam" is "the ambassador".
    title = re.sub(r"\s+extraordinary and plenipotentiary\b", "", title)
    keys = {title, re.sub(r"\s+to\s+.*$", "", title)}
    if title.startswith("federal "):
        keys.add(title.removeprefix("federal "))  # "Federal Foreign Minister" (Germany's)
    # "Crown Prince and Prime Minister" is "the Crown Prince" and "the Prime Minister".
    # ("Minister of Trade and Industry" is one office: its "and" comes after "of".)
    for key in list(keys):
        head = re.split(r" (?:of|for) ", key)[0]
        if " and " in head:
            keys.update(part.strip() for part in key.split(" and ", 1))
    for joint in (" of ", " for "):
        for key in list(keys):
            if joint in key:
                keys.add(key.split(joint)[0])
    return {k for k in keys if k}


# "The President arrived in Doha that evening and, the following day, met the Emir": a
# first verb of the same subject before the meeting verb, joined by "and".
_COORDINATED = re.compile(
    r"\s+(?:arrived|landed|travelled|traveled|flew|went|continued|moved|"
    # "The Prime Minister was accorded a ceremonial welcome at Rashtrapati Bhavan and paid a
    # courtesy call on ...": a passive first predicate
    r"(?:was|were)\s+(?:accorded|given|welcomed|greeted|received|met|honoured|honored))\b"
    r"[^,;:]{0,60}?\s+and,?\s+(?:[^,;:]{0,40},\s+)?(?:(?:also|then|later)\s+)?"
)


# "the President and the Foreign Minister met ...", "The Prime Minister and Premier Li had
# also met": a second office or official joined to the first.
_AND_OFFICE = re.compile(
    r"\s+and\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:(?:also|had|have)\s+)*"
)


def title_references(
    sent: Span,
    annotations: Annotations,
    kb: KnowledgeBase,
    *,
    cue: int,
    home: str | None = None,
    issuer: str | None = None,
) -> list[Person]:
    """Officials the sentence names by their office alone as the subject of its meeting
    verb (at offset `cue`): "The Secretary hosted ...", "the chancellor also held talks".
    An office several officials of the text hold is the one named first (a readout names
    its own principal first), or, among several, the one of the text's own country `home`
    (its dateline's). In a text its government `issuer` put out, an office no official of
    that government is named with is its own, never named: "The Prime Minister welcomed
    Taoiseach Simon Harris" on a Downing Street page that named Prime Minister Meloni."""
    text = sent.text
    lowered = text.lower()
    here = [p for p in annotations.people if any(_within(m.start, sent) for m in p.mentions)]
    named_here = {p.name for p in here}
    countries_here = {p.country for p in here if p.country} | {
        c.iso3 for c in annotations.countries if _within(c.evidence.start, sent)
    }
    found: dict[str, tuple[int, Person]] = {}  # by name: where the sentence refers to them
    holders: dict[str, list[Person]] = {}
    # (in the order the body names them: a headline names the guest in full, "President
    # El-Sisi Holds Talks with French President Macron", the host in a form not linked)
    body_start = _first_line_end(sent.doc)
    whole = sent.doc.text  # (spaCy builds it from the tokens on every access)
    first_in_body = {id(p): _first_mention(p, body_start) for p in annotations.people}
    for person in sorted(annotations.people, key=lambda p: first_in_body[id(p)]):
        if not person.title or not person.country:
            continue
        if _first_mention(person) >= sent.start_char:
            continue  # an office refers back to an official named before, not ahead
        known = kb.title(person.title)
        # "Minister of Foreign Affairs" is also "the Foreign Minister" (the canonical form)
        canonical = _title_keys(known.canonical) if known is not None else set()
        for key in _title_keys(person.title) | canonical:
            holders.setdefault(key, []).append(person)
        for short in _abbreviations(person.title, kb):
            holders.setdefault(short, []).append(person)
        if {"president", "king", "queen", "emir", "amir", "sultan"} & _title_keys(person.title):
            # "The Head of State held talks ..." on the Akorda's page: its President
            holders.setdefault("head of state", []).append(person)
        first = first_in_body[id(person)]
        style = _ROYAL_STYLE.search(whole, max(0, first - 40), first)
        if style is not None:
            # "On Monday, His Highness met separately with ...": the royal the text first
            # named with that style ("President His Highness Sheikh Mohamed bin Zayed")
            holders.setdefault(style.group(1).lower(), []).append(person)
    for key, holding in holders.items():
        # "the Prime Minister met", or PIB's bare "Prime Minister also met" opening a sentence;
        # an abbreviated office stands bare anywhere: "EAM thereafter called on ..."
        # ("the Malaysian prime minister hosted": a nationality between, checked below)
        pattern = (
            rf"(?<![\w.]){re.escape(key)}\b"
            if key.isupper()
            else rf"\b{re.escape(key)}\b"
            if key.startswith(("his ", "her "))  # (a style holds its own determiner)
            else rf"(?:\bthe (?:(\w[\w-]*) )?|^\s*){re.escape(key)}\b"
        )
        for match in re.finditer(pattern, text if key.isupper() else lowered):
            people = holding
            national = False
            if match.lastindex and match.group(1):
                nationality = sent.start_char + match.start(1)
                of = {c.iso3 for c in annotations.countries if c.evidence.start == nationality}
                if not of or len({p.country for p in people} & of) != 1:
                    continue  # "the new prime minister", or another country's
                people = [p for p in people if p.country in of]
                national = len(people) == 1
            after = text[match.end() :]
            # "the Prime Minister of Japan", "the President Joe Biden": the office of
            # someone the sentence names, not the text's own official.
            if re.match(r"\s+(?:of|for)\b|\s+[A-Z]|'s?\s+[A-Z]", after):
                continue
            if national and match.start() > cue - sent.start_char:
                # "had also met the Pakistani Prime Minister in Makkah": the one holder of
                # that country's office, whom the meeting verb met.
                if people[0].name not in named_here and people[0].name not in found:
                    found[people[0].name] = (match.start(), people[0])
                continue
            if issuer is not None and all(p.country != issuer for p in people):
                continue
            between = text[match.end() : cue - sent.start_char]
            # ("The King, who was abroad during the visit, spoke to Sánchez")
            between = _ASIDE.sub(" ", between)
            if not (
                re.fullmatch(
                    r"\s+(?:(?:also|then|later|first|thereafter|subsequently|had|has|was|were)"
                    r"\s+)*",
                    between,
                )
                or _COORDINATED.fullmatch(between)
                or _AND_OFFICE.fullmatch(between)
            ):
                continue  # not the one who met: "told the President", "the President's plan"
            # (not one the sentence names: "The Head of State held talks with President
            # Japarov", both presidents named in the headline)
            people = [p for p in people if p.name not in named_here] or people
            if len(people) > 1:
                # Several presidents in a readout from Lima: "the President" is Peru's; "the
                # Foreign Minister met Wang Yi" after both ministers were named: the one
                # not of Wang Yi's side.
                own = [p for p in people if p.country == home] if home else []
                if own and own[0].country in countries_here:
                    # (a release dated in the host's capital: "the President also met the
                    # Speaker of the Seimas" is the visitor, not the host the Speaker serves)
                    own = []
                if len(own) != 1 and countries_here:
                    own = [p for p in people if p.country not in countries_here]
                    # "the President held meetings with the Prime Minister of Italy, ... and
                    # the President of Cyprus": the text's principal, the one named first.
                    if len(own) > 1 and own[0] is people[0]:
                        own = own[:1]
                if len(own) != 1:
                    continue
                people = own
            person = people[0]
            if person.name not in named_here and person.name not in found:
                found[person.name] = (match.start(), person)
    # in the sentence's order: "the President and the Foreign Minister met" puts the
    # President first, the one who holds the meeting
    return [person for _, person in sorted(found.values(), key=lambda item: item[0])]


# A royal style right before a name: "His Highness Sheikh Mohamed bin Zayed", "His Majesty
# King Abdullah II" (the style, group 1, then refers to him alone).
_ROYAL_STYLE = re.compile(
    r"\b((?:His|Her)\s+(?:Royal\s+)?(?:Highness|Majesty))\s+"
    r"(?:(?:Sheikh|Sheikha|Prince|Princess|Sultan|King|Queen|Emir|Amir)\s+)?$"
)


# A relative clause set off by commas right after the office: ", who was abroad, ".
_ASIDE = re.compile(r"^,\s+(?:who|whose)\b[^,;]*,\s*")


def _abbreviations(title: str, kb: KnowledgeBase) -> list[str]:
    """The capital-letter short forms the title list gives an office: India's "EAM" for the
    External Affairs Minister. Readouts write them bare, with no article."""
    known = kb.title(title)
    if known is None:
        return []
    return [v for v in known.variants if v.isupper() and v.isalpha() and len(v) <= 5]


def _first_line_end(doc: Doc) -> int:
    """Where the text's second line starts (0 for a text of one line): found from the
    tokens, as `doc.text` would build the whole text on each call."""
    for token in doc:
        if "\n" in token.text_with_ws:
            return token.idx + token.text_with_ws.index("\n") + 1
    return 0


def _first_mention(person: Person, after: int = 0) -> int:
    """Where the text first names the person from `after` on (else anywhere)."""
    starts = [m.start for m in person.mentions]
    return min((s for s in starts if s >= after), default=min(starts, default=0))


def _within(offset: int, sent: Span) -> bool:
    return sent.start_char <= offset < sent.end_char


# ("HE" in capitals is the style "His Excellency": "HE Prime Minister ... took a call")
_PRONOUN_START = re.compile(
    r"^\s*(?:[A-Z][\w ,]{0,30},\s*|"
    # "On Tuesday in San José he held talks ...": a time or place opening with no comma
    r"(?-i:On|In|At|Later|Earlier|Then|After|Before)\s+(?:[A-Z\d][\w.'’-]*\s+|"
    r"(?:in|at|on|the|of|that|same|day|morning|afternoon|evening)\s+){0,5})?"
    r"(?!(?-i:HE)\b)(?:he|she)\b",
    re.IGNORECASE,
)


def pronoun_subject(sent: Span) -> bool:
    """The sentence's subject is "he" or "she": "He also met ...", "Later, she called ..."."""
    return bool(_PRONOUN_START.match(sent.text))


# "Statement by Prime Minister Carney on his call with President Trump".
_STATEMENT_BY = re.compile(
    r"^(?:joint\s+)?(?:statement|remarks|readout|message|op-ed|article)\b[^\n]*?\bby\s+",
    re.IGNORECASE,
)


def statement_author(line: str, offset: int, annotations: Annotations) -> Person | None:
    """The official a header line says the text is by: "Statement by Prime Minister X ..."."""
    match = _STATEMENT_BY.match(line)
    if match is None:
        return None
    start = offset + match.end()
    authors = [
        (m.start, p)
        for p in annotations.people
        if p.country
        for m in p.mentions
        if start <= m.start < start + 40 and m.start < offset + len(line)
    ]
    return min(authors, key=lambda pair: pair[0])[1] if authors else None


# A header ends at the first line that reads as a sentence of the body.
_BODY_LINE = re.compile(r"[.!?\"”’)]\s*$")


def text_speaker(text: str, annotations: Annotations) -> Person | None:
    """The official a first-person text speaks as: the one its header names.

    A ministerial media release opens with its author ("Senator the Hon Penny Wong /
    Minister for Foreign Affairs") before the body says "Today I spoke with ...".
    """
    offset = 0
    for line in text.split("\n"):
        if _BODY_LINE.search(line) and len(line.split()) > 6:
            return None
        end = offset + len(line)
        author = statement_author(line, offset, annotations)
        if author is not None:
            return author
        for person in annotations.people:
            byline = any(offset <= m.start < end for m in person.mentions)
            # The line is the name with at most an honorific or two, not a headline.
            if byline and person.country and len(line.split()) - len(person.name.split()) <= 3:
                return person
        offset = end + 1
    return None


# "The Prime Minister spoke to ...": an office as the subject, with no name anywhere.
_OFFICE_SUBJECT = re.compile(
    r"^(?:[^,]{0,40},\s*)?the\s+(?:prime\s+minister|president|chancellor|premier|"
    r"(?:foreign\s+)?secretary(?:\s+of\s+state)?|foreign\s+minister|minister)"
    r"(?:\s+(?:also|then|later|first))*\s*$",
    re.IGNORECASE,
)


def office_subject(sent: Span, *, cue: int) -> bool:
    """The meeting verb's subject is an office alone: "The Prime Minister spoke to ..."."""
    return bool(_OFFICE_SUBJECT.match(sent.text[: cue - sent.start_char]))


# A sentence whose subject is an unnamed office: "The Prime Minister reiterated ...".
_OFFICE_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:[^,.\n]{0,40},\s*)?the\s+(?:prime\s+minister|president|chancellor|"
    r"premier|(?:foreign\s+)?secretary(?:\s+of\s+state)?|foreign\s+minister)\s+[a-z]",
    re.IGNORECASE,
)


# The header line of a government page that names who issued it.
_ISSUED_BY = re.compile(r"\s*(?:from|issued by|published by|released by)\s*:?\s*(?:the\s+)?$", re.I)


def issuer_country(text: str, annotations: Annotations) -> str | None:
    """The government the text says issued it: the body whose spokesperson speaks ("A
    Downing Street spokesperson said:") or a page header ("From: Prime Minister's Office,
    10 Downing Street")."""
    for body in annotations.bodies:
        following = text[body.evidence.end : body.evidence.end + 12].lower()
        if body.country and "spokes" in following:
            return body.country
        line_start = text.rfind("\n", 0, body.evidence.start) + 1
        if body.country and _ISSUED_BY.match(text, line_start, body.evidence.start):
            return body.country
    return None


def home_country(text: str, annotations: Annotations) -> str | None:
    """The government that issues the text, whose officials it names by office alone.

    Either the body whose spokesperson speaks ("A Downing Street spokesperson said:"), or
    the country an unnamed office speaks for in its own sentence, in the possessive: "The
    Prime Minister set out the UK's support ..." in a No.10 readout, "The Secretary
    reaffirmed the United States' commitment ..." in a State Department one.
    """
    issuer = issuer_country(text, annotations)
    if issuer is not None:
        return issuer
    named = {p.country for p in annotations.people if p.country}
    for country in annotations.countries:
        end = country.evidence.end
        if country.iso3 in named or text[end : end + 2] not in ("'s", "’s", "' ", "’ "):
            continue
        start = max(text.rfind(". ", 0, country.evidence.start), text.rfind("\n", 0, end))
        if _OFFICE_SENTENCE.match(text, max(start, 0)):
            return country.iso3
    return None


def _body_paragraph(text: str, after: int) -> tuple[int, int]:
    """The first paragraph after `after` that reads as prose (a sentence of some length)."""
    offset = after
    for line in text[after:].split("\n"):
        if len(line.split()) > 6 and line.rstrip()[-1:] in '.!?"”':
            return offset, offset + len(line)
        offset += len(line) + 1
    return after, after


def headline_report(
    headline: Span, annotations: Annotations, *, located: set[str]
) -> tuple[set[str], dt.date | None, Place | None]:
    """A meeting told by the headline alone: "Wang Yi Holds Talks with German Foreign
    Minister Annalena Baerbock" over a body that dates and places it but names no meeting.

    The parties are the headline's; when it names one side only, the first body paragraph
    names the other ("China and Germany are ..."), if it names exactly one more. The day and
    the place ("in Beijing") are the first the text gives after the headline.
    """
    start, end = headline.start_char, headline.end_char
    text = headline.doc.text
    # "visits troops in Estonia": a country one is in is no party to a meeting.
    located = located | {
        c.iso3
        for c in annotations.countries
        if text[max(0, c.evidence.start - 3) : c.evidence.start].lower() in ("in ", "to ")
    }
    parties = _countries_between(annotations, start, end) - located
    first, last = _body_paragraph(headline.doc.text, end)
    if len(parties) < 2:
        body = _countries_between(annotations, first, last) - located
        parties = parties | body if len(parties | body) == 2 else set()
    days = [
        t.start
        for t in annotations.times
        if t.precision == "day" and t.start is not None and end <= t.evidence.start < last
    ]
    places = [
        p
        for p in annotations.places
        if first <= p.evidence.start < last
        and text[max(0, p.evidence.start - 3) : p.evidence.start].lower() in ("in ", "at ")
    ]
    return parties, (days[0] if days else None), (places[0] if places else None)


def _countries_between(annotations: Annotations, start: int, end: int) -> set[str]:
    """The countries named, or of the officials mentioned, in the text span [start, end)."""
    return {
        p.country
        for p in annotations.people
        if p.country and any(start <= m.start < end for m in p.mentions)
    } | {c.iso3 for c in annotations.countries if start <= c.evidence.start < end}


# A grouping's meeting named before its head word: "the 57th ASEAN Foreign Ministers'
# Meeting", "the Quad Leaders' Summit", matched from the end of the grouping's name.
GROUPING_MEETING = re.compile(
    r"[\w'’+ -]{0,40}?\b(?:Meeting|Summit|Ministerial|Conference|Council|Dialogue)\b"
)
_CONVENED = re.compile(
    r"^(?:\s*\([^)]*\))?\s*(?:was|were)\s+(?:held|convened|hosted|opened)\b|^(?:\s*\([^)]*\))?"
    r"\s+(?:took place|convened|opened|met)\b"
)


def grouping_members(
    sent: Span, annotations: Annotations, kb: KnowledgeBase, *, on: dt.date | None
) -> set[str]:
    """The member states of a grouping whose meeting the sentence says took place: "The
    57th ASEAN Foreign Ministers' Meeting (AMM) was held in Vientiane ..." speaks for every
    member that day, named or not."""
    inside = [
        o for o in annotations.organizations if sent.start_char <= o.evidence.start < sent.end_char
    ]
    if not inside:
        return set()
    text = sent.doc.text  # (built from the tokens on each call: only when a body is named)
    for org in inside:
        head = GROUPING_MEETING.match(text, org.evidence.end)
        if head is None or not _CONVENED.match(text[head.end() : sent.end_char]):
            continue
        return set(kb.member_states(org.org_id, on=on))
    return set()


# "On that occasion, President X received ...": back to the day named last.
_THAT_OCCASION = re.compile(r"\s*(?:On|At|During) that (?:occasion|day|visit|meeting)\b")


def occasion(
    sent: Span, annotations: Annotations, *, skip_before: int
) -> tuple[dt.date, Place | None] | None:
    """The day (and the city written right after it) a sentence opening "On that occasion"
    goes back to: "the commitments adopted on December 27, 2023 in Mexico City"."""
    if not _THAT_OCCASION.match(sent.text):
        return None
    text = sent.doc.text
    days = [
        (t.evidence, t.start)
        for t in annotations.times
        if t.precision == "day"
        and t.start is not None
        and skip_before <= t.evidence.start < sent.start_char
    ]
    if not days:
        return None
    evidence, date = max(days, key=lambda pair: pair[0].start)
    place = next(
        (
            p
            for p in annotations.places
            if 0 <= p.evidence.start - evidence.end <= 5
            and text[evidence.end : p.evidence.start].strip() in ("in", ", in", "at")
        ),
        None,
    )
    return date, place


_OFFICE_WORDS = r"(?:prime\s+minister|president|chancellor|premier|king|emir|foreign\s+minister)"
_OFFICE_BEFORE = re.compile(rf"\b{_OFFICE_WORDS}\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_OFFICE_AFTER = re.compile(rf"\s+{_OFFICE_WORDS}\b", re.IGNORECASE)


_BODY_OFFICE = re.compile(
    rf"\b{_OFFICE_WORDS}\s+of\s+the\s+((?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*)", re.IGNORECASE
)


def body_offices(text: str, kb: KnowledgeBase) -> list[CountryMention]:
    """The offices of a body that is a party beside states, as mentions of that party: "the
    President of the European Commission" stands for the EU as "the Prime Minister of Italy"
    does for Italy."""
    found = []
    for match in _BODY_OFFICE.finditer(text):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            org = kb.organization(" ".join(words[:size]))
            party = kb.body_party(org.id) if org is not None else None
            if party is not None:
                end = match.start(1) + len(" ".join(words[:size]))
                evidence = Evidence(match.start(1), end, text[match.start(1) : end])
                found.append(CountryMention(iso3=party, evidence=evidence))
                break
    return found


def names_an_office(country: CountryMention, text: str) -> bool:
    """The country names an office's holder: "the Prime Minister of Italy", "the Italian
    Prime Minister"."""
    before = text[max(0, country.evidence.start - 30) : country.evidence.start]
    return bool(_OFFICE_BEFORE.search(before) or _OFFICE_AFTER.match(text, country.evidence.end))


def unnamed_side(text: str, annotations: Annotations, parties: set[str]) -> str | None:
    """The country a readout that never names its own principal speaks for: the one it
    names most, at least twice, and as a pair with the counterpart's ("between the UK and
    India", "India-UK"), in a text whose named officials are all the counterpart's (a No.10
    readout of a call with Modi)."""
    named = {p.country for p in annotations.people}
    if not named <= parties:
        return None
    counts = Counter(
        c.iso3 for c in annotations.countries if c.iso3 not in parties and c.iso3 not in named
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    own = ranked[0][0]
    mentions = sorted(annotations.countries, key=lambda c: c.evidence.start)
    paired = any(
        {a.iso3, b.iso3} == {own, *parties}
        and _JOINS.fullmatch(text[a.evidence.end : b.evidence.start])
        for a, b in itertools.pairwise(mentions)
    )
    return own if paired else None


# What joins two countries named as a pair: "the UK and India", "India-UK".
_JOINS = re.compile(r"\s*(?:and(?:\s+the)?|[-–/])\s*")
