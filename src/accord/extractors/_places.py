"""Places of a report: where a story was filed (its dateline) and where a meeting was held."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Span

from accord.extractors._meeting_cues import CALL
from accord.extractors._meeting_drafts import Draft
from accord.extractors.entities import DATELINE_LINES
from accord.kb import load_kb
from accord.kb.loaders import read_landmarks
from accord.records import Annotations, Evidence, Place

__all__ = [
    "TOPIC_BEFORE",
    "dateline_end",
    "dateline_place",
    "landmark_place",
    "located_countries",
    "places_nearby",
    "venue_of",
    "venues_in",
    "visited_country",
]

# "SAN FRANCISCO, Nov. 16, 2023 —": a dateline's date is when the story was filed, not
# when the meeting it reports took place.
_DATELINE_END = re.compile(r"^[^\n]{0,120}?\s[—–-]{1,2}\s")
# "ISLAMABAD, March 6 (APP):", "RABAT, March 6 (MAP) -": an agency's dateline closed by a colon.
_AGENCY_DATELINE_END = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'’-]+,[^\n]{0,40}?\([A-Za-z.]{2,12}\)\s*:\s")


def _line_dateline_end(text: str) -> int:
    match = _DATELINE_END.match(text) or _AGENCY_DATELINE_END.match(text)
    return match.end() if match and match.group(0)[:1].isupper() else 0


def dateline_place(text: str, annotations: Annotations) -> Place | None:
    """The place of the dateline, when the document has one in its first lines: "OSLO —",
    or a line of a place and a date alone ("Washington, D.C., April 11, 2024"); failing
    that, a release's sign-off of a place over a date as its last lines: "New Delhi" over
    "July 24, 2024", as the Indian and Singaporean ministries close theirs. (A sign-off
    is where the release was issued: it stands for the dateline only when the text tells
    of no travel to another country.)"""
    end = dateline_end(text)
    if end:
        return next((p for p in annotations.places if p.evidence.start < end), None)
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    for start, line_end in lines[:DATELINE_LINES]:
        place, dated, rest = _line_parts(text, annotations, start, line_end)
        if place is not None and dated and not rest:
            return place
    closing = [(start, line_end) for start, line_end in lines if text[start:line_end].strip()]
    if len(closing) >= 2:
        place, dated, rest = _line_parts(text, annotations, *closing[-2])
        under, dated_under, rest_under = _line_parts(text, annotations, *closing[-1])
        dated_alone = under is None and dated_under and not rest_under
        if place is not None and not dated and not rest and dated_alone:
            return place if _destinations(text, annotations) <= {place.country} else None
    return None


def visited_country(
    text: str, annotations: Annotations, *, before: int, outside: Collection[str]
) -> set[str]:
    """The country the text last said a visit went to before `before` ("concluded his visit
    to Jakarta", "arrived in Indonesia"), unless one of the `outside` parties."""
    went = [
        (p.evidence.start, p.country) for p in _places_arrived_in(text, annotations) if p.country
    ] + [
        (c.evidence.start, c.iso3)
        for c in annotations.countries
        if _ARRIVED_IN.search(text, max(0, c.evidence.start - 24), c.evidence.start)
    ]
    told = [country for start, country in sorted(went) if start < before]
    return {told[-1]} - set(outside) if told else set()


def _places_arrived_in(text: str, annotations: Annotations) -> list[Place]:
    """The cities the text says a visitor arrived in or visited ("arrived in Colombo",
    "concluded his visit to Jakarta"), in the text's order."""
    return [
        p
        for p in annotations.places
        if _ARRIVED_IN.search(text, max(0, p.evidence.start - 24), p.evidence.start)
    ]


# What may follow a section's place on its line: the region or country, "Ontario".
_REGION = re.compile(r"(?:[A-Z][\w.'’-]*\s*){0,3}")


def section_place(text: str, annotations: Annotations, *, before: int) -> Place | None:
    """The place of the readout `before` falls in, on a page of several each headed by its
    date and place on lines of their own ("September 23, 2025" over "New York, New York"),
    after the page's first lines (the page's own dateline)."""
    first_lines_end = sum(len(line) + 1 for line in text.split("\n")[:DATELINE_LINES])
    lines: list[tuple[int, int]] = []  # the non-blank lines before, nearest first
    line_end = text.rfind("\n", 0, before)
    while line_end > first_lines_end:
        line_start = text.rfind("\n", 0, line_end) + 1
        if text[line_start:line_end].strip():
            lines.append((line_start, line_end))
        line_end = line_start - 1
    for index, (start, end) in enumerate(lines):
        place, dated, rest = _line_parts(text, annotations, start, end)
        if place is None or place.evidence.start != start or not _REGION.fullmatch(rest):
            continue
        if dated:
            return place  # "New York, September 23, 2025"
        if index + 1 < len(lines):
            above, above_dated, above_rest = _line_parts(text, annotations, *lines[index + 1])
            if above is None and above_dated and not above_rest:
                return place
    return None


# "Visit of External Affairs Minister to the Philippines", "travelled to Malaysia".
_TRAVEL_TO = re.compile(
    r"\b(?:visits?|travell?ed|trip|tour|leg)\b[^.;\n]{0,50}\bto\s+(?:the\s+)?$", re.IGNORECASE
)


def _destinations(text: str, annotations: Annotations) -> set[str | None]:
    """The countries the text tells of travel to, by name or by a city of theirs."""
    mentions = [(c.evidence.start, c.iso3) for c in annotations.countries] + [
        (p.evidence.start, p.country) for p in annotations.places
    ]
    return {
        country for start, country in mentions if _TRAVEL_TO.search(text, max(0, start - 70), start)
    }


def _line_parts(
    text: str, annotations: Annotations, start: int, end: int
) -> tuple[Place | None, bool, str]:
    """A line's first place (with a country), whether it holds dates, and what else it
    holds besides them and punctuation."""
    place = next(
        (p for p in annotations.places if start <= p.evidence.start < end and p.country), None
    )
    rest = text[start:end]
    if place is not None:
        rest = text[start : place.evidence.start] + text[place.evidence.end : end]
    dated = [t for t in annotations.times if start <= t.evidence.start and t.evidence.end <= end]
    for t in dated:
        rest = rest.replace(t.evidence.text, "")
    return place, bool(dated), rest.strip(" ,.;:—–-()")


def dateline_end(text: str) -> int:
    """Where a dateline ("OSLO —", "DUBAI, March 10 (Wire) -") in the first lines ends, or 0."""
    offset = 0
    for line in text.split("\n")[:DATELINE_LINES]:
        end = _line_dateline_end(line)
        if end:
            return offset + end
        offset += len(line) + 1
    return 0


# A place inside the subject of the talks ("called for a ceasefire in Gaza", "the war in
# Ukraine") is not where the officials met.
TOPIC_BEFORE = re.compile(
    r"\b(?:war|conflict|situation|crisis|ceasefire|cease-fire|truce|violence|fighting|peace|"
    r"attacks?|elections?|bombings?|strikes?|protests?|unrest|hostages?|tensions|"
    r"investments?|operations?|presence|deployment)\s+in\s*$",
    re.IGNORECASE,
)

# A place one travels to or speaks of is not where the officials met: "weeks after Blinken's
# visit to Beijing", "before flying back to Berlin".
_TRAVEL_BEFORE = re.compile(
    r"(?:\b(?:fly|flying|flew|flies|head(?:ed|ing)?|travel\w*)\s+back|"
    r"\b(?:after|since)\s+[^.]{0,40}\b(?:visit|trip))\s+to\s*$",
    re.IGNORECASE,
)


def venues_in(sent: Span, annotations: Annotations) -> list[Place]:
    """The places of the sentence that may be where the meeting was held."""
    text = sent.doc.text
    found = []
    for place in annotations.places:
        if not _inside(place.evidence, sent):
            continue
        before = text[max(0, place.evidence.start - 40) : place.evidence.start]
        after = text[place.evidence.end : place.evidence.end + 2]
        if TOPIC_BEFORE.search(before) or _TRAVEL_BEFORE.search(before):
            continue
        if after in ("'s", "’s"):
            continue  # "criticised Tokyo's plan": the government, not the place
        if _government_named(text, place, sent):
            continue  # "who urged Beijing to use its influence": the government
        found.append(place)
    # ("MEXICO CITY, March 6 - ..., when they held a working dinner in the capital": the
    # dateline is no venue the sentence tells of)
    if found:
        told_from = dateline_end(text)
        if any(p.evidence.start >= told_from for p in found):
            return found
    return found + _capital_named(sent, annotations, text)


# Verbs whose object is a government, which a capital's name then stands for: "urged
# Beijing to use its influence", "told Moscow", "called on Tehran".
_ADDRESSED = re.compile(
    r"\b(?:urg|tell|told|ask|press|warn|accus|criticis|criticiz|blam|assur|reassur|"
    r"call(?:ed|s|ing)?\s+on)\w*\s+$",
    re.IGNORECASE,
)


def _government_named(text: str, place: Place, sent: Span) -> bool:
    """A capital that stands for its government as a verb's object: "who urged Beijing to
    use its influence with Moscow" (and so "Moscow", its influence's object)."""
    if load_kb().capital_metonym(place.evidence.text) is None:
        return False
    before = text[max(sent.start_char, place.evidence.start - 40) : place.evidence.start]
    return bool(
        _ADDRESSED.search(before) or re.search(r"\binfluence\s+(?:with|on|over)\s+$", before)
    )


# "signed ... in the Rwandan capital": the capital stands in for its name.
_CAPITAL_AFTER = re.compile(r"\s+capital\b")


def _capital_named(sent: Span, annotations: Annotations, text: str) -> list[Place]:
    """The capital a sentence names by its country alone ("in the Rwandan capital", "in
    Singapore")."""
    for mention in annotations.countries:
        if not _inside(mention.evidence, sent):
            continue
        country = load_kb().countries.get(mention.iso3)
        if country is None or not country.capital:
            continue
        before = text[max(0, mention.evidence.start - 8) : mention.evidence.start]
        capital = _CAPITAL_AFTER.match(text, mention.evidence.end)
        named_capital = capital and before.endswith(("in the ", "at the "))
        # "in Singapore", "in Luxembourg": a state whose capital bears its name.
        city_state = before.endswith(" in ") and mention.evidence.text == country.capital
        if named_capital or city_state:
            return [Place(country.capital, country.iso3, mention.evidence)]
    # "held a working dinner in the capital" in a release datelined from a capital
    bare = _BARE_CAPITAL.search(sent.text)
    dateline = dateline_place(text, annotations) if bare else None
    if bare and dateline is not None and dateline.city:
        city = load_kb().city(dateline.city)
        if city is not None and city.is_capital:
            start = sent.start_char + bare.start(1)
            return [replace(dateline, evidence=Evidence(start, start + 7, "capital"))]
    return []


_BARE_CAPITAL = re.compile(r"\b(?:in|at)\s+the\s+(capital)\b(?!\s+of\b)")


def located_countries(sent: Span, annotations: Annotations, places: list[Place]) -> set[str]:
    """Countries the sentence names only to place something: "Apulia, Italy", "the
    Indonesian capital"."""
    text = sent.doc.text
    return {
        c.iso3
        for c in annotations.countries
        if _inside(c.evidence, sent)
        and (
            any(0 < c.evidence.start - p.evidence.end <= 2 for p in places)
            or re.match(r"\s+(?:capital|city|resort|port)\b", text[c.evidence.end :])
        )
    }


def venue_of(sent: Span, places: list[Place]) -> Place:
    """The place the meeting was held: one travelled to "for talks", else one introduced by
    "in" or "at", else the first named."""
    text = sent.doc.text
    for place in places:
        if _FOR_TALKS_AFTER.match(text, place.evidence.end):
            return place  # "after Yoon traveled to Tokyo for talks with Kishida"
    starts = {p.evidence.start for p in places}
    for place in places:
        before = text[max(0, place.evidence.start - 4) : place.evidence.start].lower()
        within = place.evidence.end + len(" in ")
        if text[place.evidence.end : within] == " in " and within in starts:
            continue  # "at Tuynhuys in Cape Town": the city the venue is in
        if before.endswith(("in ", "at ")):
            return place
    return places[0]


_FOR_TALKS_AFTER = re.compile(
    r"\s+for\s+(?:talks|(?:a\s+)?(?:meetings?|summit|bilateral\s+(?:talks|meeting)))\b"
)


def _inside(evidence: Evidence, sent: Span) -> bool:
    return sent.start_char <= evidence.start < sent.end_char


# Words before a city that put the officials there: "in Tokyo", "travelled to Tokyo".
_ARRIVED_BEFORE = re.compile(
    r"(?:\bin|\b(?:travel\w*|arriv\w*|flew|came|went)\s+to|\bvisit\w*(?:\s+to)?)\s+\Z",
    re.IGNORECASE,
)
_ARRIVED_IN = re.compile(r"\b(?:arriv\w*\s+in|visit\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_SIDELINES = re.compile(r"\b(?:on|in) the (?:sidelines|margins|fringes)\b", re.IGNORECASE)


def places_nearby(
    sent: Span,
    annotations: Annotations,
    drafts: list[Draft],
    *,
    date: dt.date | None,
    dateline: Place | None,
    published: dt.date | None,
    parties: frozenset[str] = frozenset(),
) -> list[Place]:
    """Where a meeting was held when its own sentence names no place.

    In order: a city introduced by "in" (or travelled to) earlier in the same paragraph, or
    in the paragraph before for a meeting "on the sidelines"; the city of an earlier meeting
    the same day; the dateline, when the meeting is within three days of the report or
    was held at the seat of the dateline's own government, one of the `parties`.
    """
    text = sent.doc.text
    if _DURING_THAT_VISIT.match(sent.text):
        visited = _visited_city(sent, annotations)
        if visited is not None:
            return [visited]
    paragraph_start = text.rfind("\n", 0, sent.start_char) + 1
    if _SIDELINES.search(sent.text) and paragraph_start > 1:
        # "On the sidelines, Wong met Wang Yi": the summit was placed in the paragraph before.
        paragraph_start = text.rfind("\n", 0, len(text[:paragraph_start].rstrip())) + 1
    earlier = [
        p
        for p in annotations.places
        if paragraph_start <= p.evidence.start < sent.start_char
        and _introduces_venue(text, p)
        and not _earlier_meetings_city(p, drafts, date)
    ]
    if earlier:
        return earlier[-1:]
    section = section_place(text, annotations, before=sent.start_char) if date else None
    if section is not None:
        return [section]
    same_day = [d for d in drafts if d.date == date and d.city]
    if same_day:
        return [_city_of(same_day[-1])]
    # "On Saturday, the Foreign Minister met Wang Yi" the day after talks in Beijing, "The day
    # before, Collins called on the Senate President": a visitor still in the city of a
    # meeting of the same parties a day away.
    day_away = [
        d
        for d in drafts
        if d.city
        and d.cameo != CALL
        and d.parties == parties
        and d.date is not None
        and date is not None
        and abs((d.date - date).days) == 1
    ]
    if day_away:
        return [_city_of(day_away[-1])]
    if _SIDELINES.search(sent.text):
        # "In the margins of the meeting" paragraphs after "a meeting of the European
        # Council in Brussels": the gathering the report opened with.
        lead = _lead_venue(sent, annotations, drafts, date)
        if lead is not None:
            return [lead]
    # "He arrived in Colombo ..." (or "concluded his visit to Jakarta") paragraphs before
    # "On the evening of 19 January, EAM held delegation-level talks with Foreign Minister
    # Sabry": the city the visitor arrived in, of the host's country.
    arrived = [
        p
        for p in _places_arrived_in(text, annotations)
        if p.evidence.start < sent.start_char and p.country in parties
    ]
    if arrived and not (dateline is not None and dateline.country == arrived[-1].country):
        return arrived[-1:]
    near_report = date is not None and published is not None and abs((published - date).days) <= 3
    if date is not None and date == published and dateline is None:
        # "... today accompanied the President in Stockholm" opens a release with no dateline:
        # the day's meetings are in the city its lead places them.
        lead = _lead_venue(sent, annotations, drafts, date)
        if lead is not None:
            return [lead]
    # "received ... at the Government Palace" in a readout from Lima: the seat of the
    # dateline's own government, whatever the day.
    at_home_seat = (
        dateline is not None
        and dateline.country in parties
        and bool(_SEAT_OF_GOVERNMENT.search(sent.text))
    )
    return [dateline] if dateline is not None and (near_report or at_home_seat) else []


# "During that visit, the envoy called on ...": the visit the text told just before.
_DURING_THAT_VISIT = re.compile(
    r"\W*(?:during|in the course of)\s+(?:that|this|the|his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:visit|trip|stay)\b",
    re.IGNORECASE,
)
_VISIT_TO = re.compile(r"\b(?:visit|trip)\b[^.;]{0,80}?\bto\s+$", re.IGNORECASE)


def _visited_city(sent: Span, annotations: Annotations) -> Place | None:
    """The city of the visit the sentence before told ("the visit of the Special
    Representative to Kabul from 21 to 23 March")."""
    text = sent.doc.text
    start = text.rfind(".", 0, max(0, sent.start_char - 2)) + 1
    told = [
        p
        for p in annotations.places
        if p.city
        and start <= p.evidence.start < sent.start_char
        and _VISIT_TO.search(text[max(0, p.evidence.start - 100) : p.evidence.start])
    ]
    return told[-1] if told else None


def _city_of(draft: Draft) -> Place:
    """The city of an earlier meeting, as the place of another (no words of its own)."""
    return Place(draft.city, draft.country, Evidence(0, 0, ""))


def _earlier_meetings_city(place: Place, drafts: list[Draft], date: dt.date | None) -> bool:
    """ "The two leaders, who last met in Hiroshima in May, ...": the city of a meeting of
    another day is no venue for today's."""
    return any(d.city == place.city and d.date != date for d in drafts)


def _lead_venue(
    sent: Span, annotations: Annotations, drafts: list[Draft], date: dt.date | None
) -> Place | None:
    """The city the report's first paragraph to name one places its gathering in."""
    text = sent.doc.text
    dateline = dateline_end(text)
    for place in annotations.places:
        if place.evidence.start >= sent.start_char:
            return None
        if place.evidence.start < dateline or _earlier_meetings_city(place, drafts, date):
            continue
        if _introduces_venue(text, place):
            return place
    return None


def _introduces_venue(text: str, place: Place) -> bool:
    """Whether the words before a city put officials there ("in", "arrived in"), not speak of
    it as a topic ("a ground operation in") or a trip elsewhere ("flew back to")."""
    before = text[max(0, place.evidence.start - 40) : place.evidence.start]
    return bool(
        _ARRIVED_BEFORE.search(before[-24:])
        and not _TRAVEL_BEFORE.search(before)
        and not TOPIC_BEFORE.search(before)
        and not _TO_COME_BEFORE.search(before)
    )


# A gathering to come is held nowhere yet: "COP28, which the UAE will host in Dubai".
_TO_COME_BEFORE = re.compile(
    r"\b(?:will|is\s+to|are\s+to)\s+(?:\w+\s+)?(?:host|hold|be\s+held|take\s+place)\b"
    r"[^.]{0,20}$",
    re.IGNORECASE,
)


_SEAT_OF_GOVERNMENT = re.compile(
    r"\bat the (?:Government|Presidential|National|Royal|Imperial|State)\s+"
    r"(?:Palace|House|Mansion|Residence|Hall)\b|\bat the (?:Foreign|Defen[cs]e) Ministry\b"
)


LANDMARKS_PATH = Path(__file__).resolve().parents[1] / "kb" / "data" / "landmarks.csv"


@functools.cache
def _landmarks() -> tuple[dict[str, tuple[str | None, str]], re.Pattern[str]]:
    """Seats of government and state venues a readout names instead of their city ("at
    the White House" is in Washington), from `kb/data/landmarks.csv`."""
    table = read_landmarks(LANDMARKS_PATH)
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(
        r"\b(?:at|in|to)\s+(?:the\s+)?(?:[A-Z]\w+\s+)?(" + "|".join(map(re.escape, names)) + r")\b",
        re.I,
    )
    return table, pattern


def landmark_place(sent: Span) -> Place | None:
    """The city of a seat of government the sentence puts the meeting at ("at the White
    House" is in Washington), or None."""
    table, pattern = _landmarks()
    match = pattern.search(sent.text)
    if match is None:
        return None
    city, country = table[match.group(1).lower()]
    return Place(city, country, Evidence(0, 0, ""))
