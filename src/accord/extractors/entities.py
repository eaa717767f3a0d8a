"""Countries, international bodies, government bodies, agreements and places in a parsed text."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from spacy.tokens import Doc, Span

from accord.kb import KnowledgeBase
from accord.nlp.components import GAZETTEER_KEY
from accord.records import (
    Agreement,
    BodyMention,
    CountryMention,
    Evidence,
    OrganizationMention,
    Place,
)


def _evidence(span: Span) -> Evidence:
    return Evidence(span.start_char, span.end_char, span.text)


def find_countries(doc: Doc) -> list[CountryMention]:
    """Every country named, by name, alias or adjective ("Canadian" is Canada)."""
    return [
        CountryMention(s.kb_id_, _evidence(s))
        for s in doc.spans[GAZETTEER_KEY]
        if s.label_ in ("GPE", "NORP")
    ]


def find_organizations(doc: Doc, *, kb: KnowledgeBase) -> list[OrganizationMention]:
    """Every international body named, also where its name opens an office or an instrument
    ("UN Secretary-General", "United Nations Convention on the Law of the Sea")."""
    found: list[OrganizationMention] = []
    for s in doc.spans[GAZETTEER_KEY]:
        if s.label_ == "ORG_INTL":
            found.append(OrganizationMention(s.kb_id_, _evidence(s)))
        elif s.label_ in ("TITLE", "AGREEMENT"):
            for size in (4, 3, 2, 1):
                if len(s) > size:
                    org = kb.organization(doc[s.start : s.start + size].text)
                    if org is not None:
                        found.append(
                            OrganizationMention(org.id, _evidence(doc[s.start : s.start + size]))
                        )
                        break
    return sorted(found, key=lambda m: m.evidence.start)


def find_bodies(
    doc: Doc, *, kb: KnowledgeBase, context_countries: Collection[str]
) -> list[BodyMention]:
    found: list[BodyMention] = []
    for s in doc.spans[GAZETTEER_KEY]:
        if s.label_ != "GOV_BODY":
            continue
        body = kb.body(s.text, context_countries=context_countries)
        found.append(
            BodyMention(body.name if body else s.text, body.country if body else None, _evidence(s))
        )
    return found


# A named instrument: capitalized words (with "of", "on", "and" ... between them) ending in
# the kind of instrument, perhaps followed by its acronym: "Reciprocal Access Agreement (RAA)".
_AGREEMENT_HEADS = (
    "Agreement",
    "Treaty",
    "Accord",
    "Convention",
    "Pact",
    "Arrangement",
    "Protocol",
    "Memorandum of Understanding",
)
_NAMED_AGREEMENT = re.compile(
    r"\b(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|on|for|and|the|between|in|to|concerning))*?"
    rf"\s+(?:{'|'.join(_AGREEMENT_HEADS)}))\b(?:\s+\((?P<short>[A-Z][A-Za-z0-9-]{{1,11}})\))?"
)
# Words that open a sentence or a name without belonging to an instrument's name.
_AGREEMENT_LEAD_WORDS = frozenset(
    {"The", "A", "An", "This", "That", "Its", "Their", "Under", "Both"}
)


def find_agreements(doc: Doc, *, kb: KnowledgeBase) -> list[Agreement]:
    """Agreements in the reference data, and any other instrument named in full.

    An instrument not in the reference data is recognised by its shape ("... Agreement",
    "... Treaty", "... Accord") and keeps the acronym the text gives it in parentheses.
    """
    found: list[Agreement] = []
    for s in doc.spans[GAZETTEER_KEY]:
        if s.label_ != "AGREEMENT":
            continue
        info = kb.agreement(s.kb_id_) or kb.agreement(s.text)
        if info is not None:
            found.append(Agreement(info.name, info.short, _evidence(s)))
    covered = [(a.evidence.start, a.evidence.end) for a in found if a.evidence]
    text = doc.text  # (spaCy builds it from the tokens on every access)
    for match in _NAMED_AGREEMENT.finditer(text):
        start, end = match.span("name")
        words = match.group("name").split()
        while words and words[0] in _AGREEMENT_LEAD_WORDS:
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or any(a <= start < b or a < end <= b for a, b in covered):
            continue
        name = " ".join(words)
        info = kb.agreement(name)
        if info is not None:
            found.append(Agreement(info.name, info.short, Evidence(start, end, text[start:end])))
        else:
            found.append(
                Agreement(name, match.group("short"), Evidence(start, end, text[start:end]))
            )
    return found


# "BRASÍLIA —", "RIO DE JANEIRO (Reuters) -", "OTTAWA, ON, Nov. 1, 2024 —": an upper-case city
# opening the text, perhaps with a region after a comma.
_DATELINE_CITY = re.compile(
    r"^(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]*[A-ZÀ-Þ.])"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*))?"
    r"\s*(?:—|–|-|,|\()"
)


# A dateline stands in the first lines, after a headline and perhaps a date line.
DATELINE_LINES = 6


def dateline_place(text: str, *, kb: KnowledgeBase) -> Place | None:
    """The city of a dateline in upper case in the first lines of the text, if there is one."""
    offset = 0
    for line in text.split("\n")[:DATELINE_LINES]:
        place = _dateline_in_line(line, offset, kb=kb)
        if place is not None:
            return place
        offset += len(line) + 1
    return None


def _dateline_in_line(line: str, offset: int, *, kb: KnowledgeBase) -> Place | None:
    match = _DATELINE_CITY.match(line)
    if match is None:
        return None
    raw = match.group("city")
    region = match.group("region")
    evidence = Evidence(offset + match.start("city"), offset + match.end("city"), raw)
    city = kb.city(raw.title(), region=region) if region else kb.city(raw.title())
    if city is not None:
        return Place(city.name, city.iso3, evidence)
    # A town too small for the city table, placed by its region: "WILMINGTON, Delaware —".
    country = _region_country(region, kb=kb) if region else None
    if country is None:
        return None
    # ("BALI, Indonesia —": a province of the country, no city)
    if raw.casefold() in _regions_by_name(kb) and _region_country(raw, kb=kb) == country:
        return Place(None, country, evidence)
    return Place(raw.title(), country, evidence)


def _after_in(doc: Doc, ent: Span) -> bool:
    return ent.start > 0 and doc[ent.start - 1].lower_ in ("in", "at")


def _is_unknown_town(name: str, kb: KnowledgeBase) -> bool:
    """A place name that is neither a country nor a region (a town the city table lacks)."""
    return kb.country(name) is None and name.casefold() not in _regions_by_name(kb)


def _region_country(region: str, *, kb: KnowledgeBase) -> str | None:
    country = kb.country(region)
    if country is not None:
        return country.iso3
    iso2 = _regions_by_name(kb).get(region.casefold())
    return next((c.iso3 for c in kb.countries.values() if c.iso2 == iso2), None) if iso2 else None


@functools.lru_cache(maxsize=1)
def _regions_by_name(kb: KnowledgeBase) -> dict[str, str]:
    names: dict[str, str] = {}
    for region in kb.regions:
        for name in (region.name, *region.aliases):
            names.setdefault(name.casefold(), region.iso2)
    return names


# "the Indonesian island of Bali", "the province of Quebec": the name that follows is not a
# city, whatever town of that name the city table holds.
_NOT_A_CITY_BEFORE = re.compile(
    r"\b(?:island|islands|province|state|region|prefecture|county|territory) of\s*$",
    re.IGNORECASE,
)


# "at Hyderabad House in New Delhi", "at Lancaster House": a building named after a city.
_BUILDING_AFTER = re.compile(
    r"\s+(?:House|Palace|Hall|Hotel|Castle|Gardens|Stadium|Airport|Centre|Center)\b"
)


def _named_as_region(text: str, start_char: int) -> bool:
    return bool(_NOT_A_CITY_BEFORE.search(text, max(0, start_char - 30), start_char))


def _names_a_building(text: str, end_char: int) -> bool:
    return bool(_BUILDING_AFTER.match(text, end_char))


# Past this size a city is what its name means, whatever region shares it.
_MAJOR_CITY = 1_000_000


def _another_countrys_region(name: str, kb: KnowledgeBase) -> bool:
    """ "in Bali": the name of another country's region is not a town of that name (Bāli,
    West Bengal), unless the town is a capital or a major city."""
    iso2 = _regions_by_name(kb).get(name.casefold())
    city = kb.city(name)
    if iso2 is None or city is None or city.is_capital or city.population >= _MAJOR_CITY:
        return False
    return kb.countries[city.iso3].iso2 != iso2


def find_places(doc: Doc, *, kb: KnowledgeBase) -> list[Place]:
    """Cities named in the text, with their country ("Ottawa, Ontario" -> Ottawa, CAN).

    A GPE entity that is not a country and is found in the city table is a place; the
    region after a comma, when there is one, picks among cities of the same name.
    """
    places: list[Place] = []
    text = doc.text  # (spaCy builds it from the tokens on every access)
    opening = dateline_place(text, kb=kb)
    if opening is not None:
        places.append(opening)
    for span in doc.spans[GAZETTEER_KEY]:
        if _named_as_region(text, span.start_char) or _names_a_building(text, span.end_char):
            continue
        if span.label_ == "CITY" and not (opening and span.start_char < opening.evidence.end):
            if _another_countrys_region(span.text, kb):
                continue
            iso3, _, name = span.kb_id_.partition("|")
            places.append(Place(name, iso3, _evidence(span)))
    known = {p.evidence.start for p in places}
    ents = list(doc.ents)
    for index, ent in enumerate(ents):
        if ent.label_ != "GPE" or ent.kb_id_ or ent.start_char in known:
            continue
        if _named_as_region(text, ent.start_char) or _names_a_building(text, ent.end_char):
            continue
        region = None
        end_span = ent
        if index + 1 < len(ents):
            nxt = ents[index + 1]
            if nxt.start == ent.end + 1 and doc[ent.end].text == "," and nxt.label_ == "GPE":
                region = nxt.text
                end_span = nxt
        if opening is not None and opening.evidence.start <= ent.start_char < opening.evidence.end:
            continue
        city = kb.city(ent.text, region=region)
        if city is not None and region is None and _another_countrys_region(ent.text, kb):
            continue
        if (
            city is None
            and region is None
            and _after_in(doc, ent)
            and _is_unknown_town(ent.text, kb)
        ):
            places.append(Place(ent.text, None, _evidence(ent)))  # "In Putrajaya on Friday"
            continue
        if city is None and region is not None:
            city = kb.city(f"{ent.text}, {region}")
        if city is not None:
            span = doc[ent.start : end_span.end] if region else ent
            places.append(Place(city.name, city.iso3, _evidence(span)))
            continue
        # A town too small for the city table, placed by what follows it: "Wilmington, Delaware".
        # A district of a known city ("Yongsan, Seoul") is not a town: the city is the place.
        if region is not None and kb.city(region) is not None:
            continue
        country = _region_country(region, kb=kb) if region else None
        if country is not None and kb.country(ent.text) is None:
            places.append(Place(ent.text, country, _evidence(doc[ent.start : end_span.end])))
    # In the text's order, which readers of "the city named last" rely on (the passes above
    # find them out of it).
    return sorted(places, key=lambda p: p.evidence.start)
