"""The knowledge base: reference data loaded once, indexed for dictionary lookups by alias."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from accord.errors import ReferenceDataError
from accord.kb import loaders
from accord.kb.entries import (
    AgreementInfo,
    Area,
    Body,
    City,
    Country,
    Organization,
    Region,
    Title,
    TitleMatch,
)
from accord.kb.normalize import (
    acronym_key,
    clean,
    fold,
    is_acronym,
    needs_capital,
    spelling_variants,
    starts_with_capital,
    strip_possessive,
)

logger = logging.getLogger("accord")

DATA_DIR = Path(__file__).resolve().parent / "data"

T = TypeVar("T")

# A city that is a capital wins a shared name unless another is this many times larger,
# so that a territory's village capital ("Hamilton", Bermuda) does not beat a large city.
_CAPITAL_POPULATION_RATIO = 20
_TITLE_PREPOSITIONS = frozenset({"for", "of", "to", "on", "in"})
_MAX_TITLE_TOKENS = 12


@dataclass
class _AliasIndex(Generic[T]):
    """Aliases to values: acronyms by a case-sensitive key, other names by a folded key.

    With `unique`, one key may lead to one value only; a second value raises
    `ReferenceDataError` naming both (two countries both called "Congo").
    """

    source: Path
    unique: bool = True
    _exact: dict[str, list[T]] = field(default_factory=dict)
    _folded: dict[str, list[T]] = field(default_factory=dict)
    _lenient: set[str] = field(default_factory=set)  # folded keys matched in any case
    _labels: dict[tuple[bool, str], str] = field(default_factory=dict)

    def add(self, alias: str, value: T, *, label: str) -> None:
        alias = clean(alias)
        if not alias:
            return
        acronym = is_acronym(alias)
        key = acronym_key(alias) if acronym else fold(alias)
        if not key:
            return
        table = self._exact if acronym else self._folded
        values = table.setdefault(key, [])
        if self.unique and values and values[0] != value:
            first = self._labels[(acronym, key)]
            raise loaders.fail(
                self.source, label, f"alias {alias!r} is already used by {first}; remove one"
            )
        if value not in values:
            values.append(value)
            self._labels.setdefault((acronym, key), label)
        if not acronym and not needs_capital(alias):
            self._lenient.add(key)

    def get(self, text: str) -> list[T]:
        text = clean(text)
        if not text:
            return []
        if is_acronym(text):
            found = self._exact.get(acronym_key(text))
            if found:
                return found
        key = fold(text)
        found = self._folded.get(key)
        if not found:
            return []
        if key not in self._lenient and not starts_with_capital(text):
            return []
        return found

    def first(self, text: str) -> T | None:
        found = self.get(text)
        return found[0] if found else None


@dataclass(frozen=True, slots=True)
class _BodyClaim:
    body: Body
    ambiguous: bool


class KnowledgeBase:
    """Countries, organizations, bodies, agreements, titles, areas and cities with lookups.

    Build it with `load_kb()` (cached) or `build_kb()`; every lookup is a dictionary access.
    """

    def __init__(
        self,
        *,
        countries: Iterable[Country],
        organizations: Iterable[Organization],
        bodies: Iterable[Body],
        agreements: Iterable[AgreementInfo],
        titles: Iterable[Title],
        honorifics: Iterable[str],
        areas: Iterable[Area],
        cities: Iterable[City],
        regions: Iterable[Region],
        sources: dict[str, Path],
    ) -> None:
        self.countries: dict[str, Country] = {c.iso3: c for c in countries}
        self.organizations: dict[str, Organization] = {o.id: o for o in organizations}
        self.bodies: dict[str, Body] = {b.name: b for b in bodies}
        self.agreements: dict[str, AgreementInfo] = {a.key: a for a in agreements}
        self.titles: dict[str, Title] = {t.canonical: t for t in titles}
        self.honorifics: frozenset[str] = frozenset(honorifics)
        self.areas: dict[str, Area] = {a.id: a for a in areas}
        self.cities: tuple[City, ...] = tuple(cities)
        self.regions: tuple[Region, ...] = tuple(regions)
        self._sources = sources
        self._iso3_by_iso2 = {c.iso2: c.iso3 for c in self.countries.values()}
        self._check_references()
        self._index_countries()
        self._index_organizations()
        self._index_bodies()
        self._index_agreements()
        self._index_titles()

    # --- building -------------------------------------------------------------------------

    def _check_references(self) -> None:
        known = set(self.countries) | set(self.organizations)
        for org in self.organizations.values():
            for member in org.members:
                if member not in known:
                    raise loaders.fail(
                        self._sources["organizations"],
                        f"entry {org.id}",
                        f"member {member!r} is neither a country code nor an organization id",
                    )
            if org.party is not None and org.party in self.countries:
                raise loaders.fail(
                    self._sources["organizations"],
                    f"entry {org.id}",
                    f"party code {org.party!r} is already a country's code",
                )
            if org.parent is not None and org.parent not in self.organizations:
                raise loaders.fail(
                    self._sources["organizations"],
                    f"entry {org.id}",
                    f"parent {org.parent!r} is not an organization id",
                )
        for title in self.titles.values():
            if title.country is not None and title.country not in self.countries:
                raise loaders.fail(
                    self._sources["titles"],
                    f"title {title.canonical!r}",
                    f"country {title.country!r} is not in countries.csv",
                )
        for body in self.bodies.values():
            if body.country not in self.countries:
                raise loaders.fail(
                    self._sources["bodies"],
                    f"entry {body.name!r}",
                    f"country {body.country!r} is not in countries.csv",
                )
        for agreement in self.agreements.values():
            for party in agreement.parties:
                if party not in known:
                    raise loaders.fail(
                        self._sources["agreements"],
                        f"entry {agreement.name!r}",
                        f"party {party!r} is neither a country code nor an organization id",
                    )
        for city in self.cities:
            if city.iso3 not in self.countries:
                raise loaders.fail(
                    self._sources["cities"], f"city {city.name!r}", f"unknown iso3 {city.iso3}"
                )

    def _index_countries(self) -> None:
        source = self._sources["countries"]
        self._country_index: _AliasIndex[Country] = _AliasIndex(source)
        self._adjective_index: _AliasIndex[Country] = _AliasIndex(source)
        self._ambiguous_country_index: _AliasIndex[Country] = _AliasIndex(source)
        for country in self.countries.values():
            label = f"country {country.iso3}"
            for alias in (country.name, *country.aliases, *country.ambiguous_aliases):
                self._country_index.add(alias, country, label=label)
            for word in (*country.adjectives, *country.demonyms):
                self._country_index.add(word, country, label=label)
                self._adjective_index.add(word, country, label=label)
            for alias in country.ambiguous_aliases:
                self._ambiguous_country_index.add(alias, country, label=label)

    def _index_organizations(self) -> None:
        self._party_bodies = {o.party: o for o in self.organizations.values() if o.party}
        self._org_index: _AliasIndex[Organization] = _AliasIndex(self._sources["organizations"])
        for org in self.organizations.values():
            for alias in (org.id, org.name, *org.aliases):
                if alias == org.id and "_" in alias:
                    continue  # ids such as WORLD_BANK are keys, not words in texts
                self._org_index.add(alias, org, label=f"organization {org.id}")

    def _index_bodies(self) -> None:
        self._body_index: _AliasIndex[_BodyClaim] = _AliasIndex(
            self._sources["bodies"], unique=False
        )
        for body in self.bodies.values():
            for alias in (body.name, *body.aliases):
                self._body_index.add(alias, _BodyClaim(body, False), label=body.name)
            for alias in body.ambiguous_aliases:
                self._body_index.add(alias, _BodyClaim(body, True), label=body.name)

    def _index_agreements(self) -> None:
        self._agreement_index: _AliasIndex[AgreementInfo] = _AliasIndex(self._sources["agreements"])
        for agreement in self.agreements.values():
            label = f"agreement {agreement.name!r}"
            names = (agreement.name, agreement.short or "", *agreement.aliases)
            for alias in names:
                self._agreement_index.add(alias, agreement, label=label)

    def _index_titles(self) -> None:
        self._title_index: _AliasIndex[Title] = _AliasIndex(self._sources["titles"])
        for title in self.titles.values():
            for variant in (title.canonical, *title.variants):
                self._title_index.add(variant, title, label=f"title {title.canonical!r}")
        self._honorific_keys = {fold(h) for h in self.honorifics}
        self._honorific_max_tokens = max((len(h.split()) for h in self.honorifics), default=0)

    @functools.cached_property
    def _places(self) -> tuple[_AliasIndex[City], _AliasIndex[Region], _AliasIndex[Country]]:
        # Built on first use: six thousand cities are most of the load time, and many
        # callers never look a city up.
        city_index: _AliasIndex[City] = _AliasIndex(self._sources["cities"], unique=False)
        # A city whose name only its accents tell from another country's province is not
        # found by that name (the index folds accents): "Bali" is Indonesia's island, not
        # "Bāli" in West Bengal.
        region_countries: dict[str, set[str | None]] = {}
        for region in self.regions:
            region_countries.setdefault(fold(region.name), set()).add(
                self._iso3_by_iso2.get(region.iso2)
            )
        for city in self.cities:
            plain = city.ascii_name or ""
            shadowed = bool(plain) and bool(region_countries.get(fold(plain), set()) - {city.iso3})
            names = () if shadowed and not city.is_capital else (city.name, plain)
            for alias in (*names, *city.aliases):
                city_index.add(alias, city, label=f"city {city.name!r}")
        region_index: _AliasIndex[Region] = _AliasIndex(self._sources["regions"], unique=False)
        for region in self.regions:
            for alias in (region.name, *region.aliases):
                region_index.add(alias, region, label=f"region {region.name!r}")
        metonym_index: _AliasIndex[Country] = _AliasIndex(self._sources["countries"])
        capitals = {(c.iso3, c.name): c for c in self.cities if c.is_capital}
        for country in self.countries.values():
            if not (country.capital_metonym and country.capital):
                continue
            label = f"capital of {country.iso3}"
            metonym_index.add(country.capital, country, label=label)
            capital_city = capitals.get((country.iso3, country.capital))
            for alias in capital_city.aliases if capital_city else ():
                if not is_acronym(alias):
                    metonym_index.add(alias, country, label=label)
        return city_index, region_index, metonym_index

    # --- countries ------------------------------------------------------------------------

    def country(self, alias: str) -> Country | None:
        """The country a name, alias, adjective or demonym means ("ROK", "Canadian", "Korea's")."""
        text = strip_possessive(alias)
        found = self._country_index.first(text)
        if found is None and len(text) > 3 and text.endswith("s"):
            # plural demonyms: "Canadians", "Koreans", "Pakistanis"
            found = self._adjective_index.first(text[:-1])
        return found

    def country_is_ambiguous(self, alias: str) -> bool:
        """True when `alias` may mean more than its country ("Korea", "Georgia", "Congo")."""
        return bool(self._ambiguous_country_index.get(strip_possessive(alias)))

    def capital_metonym(self, name: str) -> Country | None:
        """The country whose government a capital's name commonly stands for ("Ottawa")."""
        return self._places[2].first(strip_possessive(name))

    # --- organizations, bodies, agreements ---------------------------------------------------

    def organization(self, alias: str) -> Organization | None:
        """The international organization a name or alias means ("OECD", "Security Council")."""
        return self._org_index.first(strip_possessive(alias))

    def body_party(self, org_id: str | None) -> str | None:
        """The party code of an international body that acts beside states (the EU: "EUU"),
        also for its institutions (the European Commission speaks for the EU)."""
        org = self.organizations.get(org_id or "")
        seen: set[str] = set()
        while org is not None and org.party is None and org.parent and org.id not in seen:
            seen.add(org.id)
            org = self.organizations.get(org.parent)
        return org.party if org is not None else None

    def is_party(self, code: str) -> bool:
        """Whether `code` can name a party: a country's ISO3, or a body's party code."""
        return code in self.countries or code in self._party_bodies

    def party_name(self, code: str) -> str | None:
        """The name of a party: a country's, or a body's that is a party in its own right."""
        country = self.countries.get(code)
        if country is not None:
            return country.name
        body = self._party_bodies.get(code)
        return body.name if body is not None else None

    def member_states(self, org_id: str, *, on: dt.date | None = None) -> tuple[str, ...]:
        """The states that belong to an organization (on a day, when given), sorted.

        A forum built on its parent body and partners (ASEAN Plus Three: ASEAN, China, Japan,
        Korea) counts the parent's states; other bodies among the members (the EU and the AU
        in the G20) are members in their own right and are not states.
        """
        org = self.organizations.get(org_id)
        if org is None:
            return ()
        joined = dict(org.joined)
        states: set[str] = set()
        for member in org.members:
            if on is not None and member in joined and joined[member] > on.isoformat()[:7]:
                continue
            if member in self.countries:
                states.add(member)
            elif member == org.parent:
                states.update(self.member_states(member, on=on))
        return tuple(sorted(states))

    def body(self, alias: str, *, context_countries: Collection[str] = ()) -> Body | None:
        """The government body `alias` names, using the document's countries where it is ambiguous.

        A name shared by several countries' bodies ("National Assembly", "MOFA") resolves to
        the body of the one context country that has one; when several do, an ordered
        `context_countries` (a list, most relevant first) picks the earliest, while an
        unordered set gives nothing rather than an arbitrary pick. Without such context the
        name resolves only if a single body claims it without flagging it ambiguous.
        A country in the phrase itself decides: "Japan's Foreign Ministry", "Korean Coast
        Guard", "Ministry of Foreign Affairs of Viet Nam".
        """
        text = strip_possessive(alias)
        ordered = isinstance(context_countries, Sequence) and not isinstance(context_countries, str)
        context = list(context_countries) if ordered else sorted(context_countries)
        found = self._resolve_body(text, context, strict=False, ordered=ordered)
        if found is not None:
            return found
        for iso3, rest in self._country_splits(text):
            found = self._resolve_body(rest, [iso3], strict=True, ordered=True)
            if found is not None:
                return found
        return None

    def _resolve_body(
        self, text: str, context: list[str], *, strict: bool, ordered: bool
    ) -> Body | None:
        claims: dict[str, _BodyClaim] = {}
        for claim in self._body_index.get(text):
            previous = claims.get(claim.body.name)
            ambiguous = claim.ambiguous and (previous is None or previous.ambiguous)
            claims[claim.body.name] = _BodyClaim(claim.body, ambiguous)
        if not claims:
            return None
        in_context = [c for c in claims.values() if c.body.country in context]
        if len(in_context) == 1 or (in_context and ordered):
            return min(in_context, key=lambda c: context.index(c.body.country)).body
        if in_context:
            return None
        if strict:
            return None
        primary = [c.body for c in claims.values() if not c.ambiguous]
        return primary[0] if len(primary) == 1 else None

    def _country_splits(self, text: str) -> Iterator[tuple[str, str]]:
        """(iso3, rest) for "<country> rest", "<country>'s rest" and "rest of <country>"."""
        tokens = text.split(" ")
        for i in range(1, min(4, len(tokens))):
            country = self.country(" ".join(tokens[:i]))
            if country is not None:
                yield country.iso3, " ".join(tokens[i:])
        match = re.match(r"^(?P<rest>.+) (?:of|in) (?:the )?(?P<country>.+)$", text)
        if match:
            country = self.country(match["country"])
            if country is not None:
                yield country.iso3, match["rest"]
        match = re.match(r"^(?P<rest>.+) \((?P<country>[^)]+)\)$", text)
        if match:
            country = self.country(match["country"])
            if country is not None:
                yield country.iso3, match["rest"]

    def agreement(self, alias: str) -> AgreementInfo | None:
        """The agreement a name, short name or alias means ("CKFTA", "Paris Agreement")."""
        return self._agreement_index.first(strip_possessive(alias))

    # --- titles --------------------------------------------------------------------------------

    def title(self, text: str) -> Title | None:
        """The canonical title of a phrase ("Minister of National Defence" -> Defence Minister)."""
        match = self.parse_title(text)
        return match.title if match else None

    def strip_honorifics(self, text: str) -> str:
        """`text` without leading honorifics ("the Honourable", "H.E.", "Dr.")."""
        tokens = clean(text).split(" ")
        changed = True
        while changed and tokens:
            changed = False
            for n in range(min(self._honorific_max_tokens, len(tokens) - 1), 0, -1):
                if fold(" ".join(tokens[:n])) in self._honorific_keys:
                    tokens = tokens[n:]
                    changed = True
                    break
        return " ".join(tokens)

    def parse_title(
        self, text: str, *, context_countries: Collection[str] = ()
    ) -> TitleMatch | None:
        """The title in a phrase, with its portfolio ("for the Indo-Pacific"), body and country.

        Accepts a leading country ("Canada's", "South Korean"), honorifics, a portfolio after
        "for/of/to/on/in", and a body after "at" (resolved with `context_countries` where its
        name is shared). Words after the title that are none of these (a name) are ignored.
        """
        text = self.strip_honorifics(text)
        if not text:
            return None
        direct = self._title_index.first(text)
        if direct is not None:
            return TitleMatch(direct)
        body_text: str | None = None
        head, sep, tail = text.rpartition(" at ")
        if sep and head:
            text, body_text = head, tail.strip()
        tokens = text.split(" ")
        for skip in range(0, min(4, len(tokens))):
            country = self.country(" ".join(tokens[:skip])) if skip else None
            if skip and country is None:
                continue
            found = self._longest_title(tokens[skip:])
            if found is None:
                continue
            title, used = found
            rest = tokens[skip + used :]
            portfolio = None
            if rest and rest[0].casefold() in _TITLE_PREPOSITIONS:
                portfolio = " ".join(rest)
                of_country = self.country(" ".join(rest[1:])) if rest[0] in ("of", "in") else None
                if of_country is not None:
                    country, portfolio = of_country, None
            return self._title_match(
                title, portfolio, body_text, country, context=list(context_countries)
            )
        return None

    def _longest_title(self, tokens: list[str]) -> tuple[Title, int] | None:
        for n in range(min(len(tokens), _MAX_TITLE_TOKENS), 0, -1):
            title = self._title_index.first(" ".join(tokens[:n]))
            if title is not None:
                return title, n
        return None

    def _title_match(
        self,
        title: Title,
        portfolio: str | None,
        body_text: str | None,
        country: Country | None,
        *,
        context: list[str],
    ) -> TitleMatch:
        iso3 = country.iso3 if country else None
        body_name = body_text
        if body_text:
            body = self.body(body_text, context_countries=[iso3, *context] if iso3 else context)
            if body is not None:
                body_name = body.name
                iso3 = iso3 or body.country
        return TitleMatch(title, portfolio=portfolio, body=body_name, country=iso3)

    # --- areas ------------------------------------------------------------------------------

    @functools.cached_property
    def _areas_compiled(self) -> tuple[re.Pattern[str], dict[str, set[str]]]:
        # Compiled on first use, so that loading stays cheap for callers that never classify.
        return _compile_areas(self.areas.values())

    def classify_areas(self, text: str) -> tuple[str, ...]:
        """Area ids whose lexicon terms occur in `text` (word-bounded), in taxonomy order."""
        pattern, by_term = self._areas_compiled
        hits: set[str] = set()
        for match in pattern.finditer(text):
            hits.update(_term_areas(match.group(0), by_term))
        return tuple(area_id for area_id in self.areas if area_id in hits)

    # --- places ------------------------------------------------------------------------------

    def city(self, name: str, *, region: str | None = None) -> City | None:
        """The city a name means, optionally within a region or country ("Ottawa, Ontario").

        Where names collide the capital wins, else the most populous city.
        """
        text = clean(name)
        candidates = self._places[0].get(text)
        if not candidates and region is None and "," in text:
            head, _, tail = text.rpartition(",")
            return self.city(head.strip(), region=tail.strip())
        if not candidates:
            return None
        if region:
            allowed = self._region_places(region)
            if allowed:
                candidates = [
                    c
                    for c in candidates
                    if (c.iso3, c.region) in allowed or (c.iso3, None) in allowed
                ]
                if not candidates:
                    return None
        return _best_city(candidates)

    def _region_places(self, region: str) -> set[tuple[str, str | None]]:
        """(iso3, region name) pairs a region or country name allows; region None: any."""
        allowed: set[tuple[str, str | None]] = set()
        for found in self._places[1].get(region):
            iso3 = self._iso3_by_iso2.get(found.iso2)
            if iso3:
                allowed.add((iso3, found.name))
        country = self.country(region)
        if country is not None:
            allowed.add((country.iso3, None))
        return allowed

    # --- gazetteer ----------------------------------------------------------------------------

    def gazetteer_terms(self) -> Iterator[tuple[str, str, str]]:
        """(surface form, label, key) for every alias, for an EntityRuler or PhraseMatcher.

        Labels: GPE (country names, key iso3), NORP (adjectives and demonyms, key iso3),
        ORG_INTL (organization id), GOV_BODY (body name), AGREEMENT (short name or name),
        TITLE (canonical title). A surface form shared by several bodies ("Foreign
        Ministry") is yielded once per body; resolve it with `body(..., context_countries=)`.
        Ambiguous country aliases ("Korea", "Georgia", "Jordan") are included: check them
        with `country_is_ambiguous`.
        """
        seen: set[tuple[str, str, str]] = set()

        def emit(surfaces: Iterable[str], label: str, key: str) -> Iterator[tuple[str, str, str]]:
            for surface in surfaces:
                for variant in spelling_variants(clean(surface)):
                    triple = (variant, label, key)
                    if variant and triple not in seen:
                        seen.add(triple)
                        yield triple

        for c in self.countries.values():
            yield from emit((c.name, *c.aliases, *c.ambiguous_aliases), "GPE", c.iso3)
            words = (*c.adjectives, *c.demonyms)
            plurals = [w + "s" for w in words if w.endswith(("an", "i")) and " " not in w]
            yield from emit((*words, *plurals), "NORP", c.iso3)
        for o in self.organizations.values():
            names = (o.name, *o.aliases) + (() if "_" in o.id else (o.id,))
            yield from emit(names, "ORG_INTL", o.id)
        for b in self.bodies.values():
            yield from emit((b.name, *b.aliases, *b.ambiguous_aliases), "GOV_BODY", b.name)
        for a in self.agreements.values():
            yield from emit((a.name, a.short or a.name, *a.aliases), "AGREEMENT", a.key)
        for t in self.titles.values():
            yield from emit((t.canonical, *t.variants), "TITLE", t.canonical)


def _best_city(candidates: list[City]) -> City:
    largest = max(candidates, key=lambda c: c.population)
    capitals = [c for c in candidates if c.is_capital]
    if capitals:
        capital = max(capitals, key=lambda c: c.population)
        if capital.population * _CAPITAL_POPULATION_RATIO >= largest.population:
            return capital
    return largest


_TERM_GAP = r"[\s\-\u2010\u2011\u2013]+"


def _term_pattern(term: str) -> str:
    """A regex for one lexicon term: word-bounded, hyphen/space-tolerant, optional plural."""
    words = [re.escape(word) for word in re.split(r"[\s\-]+", term) if word]
    plural = "(?:e?s)?" if term[-1:].isalpha() else ""
    return _TERM_GAP.join(words) + plural


def _term_key(text: str) -> str:
    return " ".join(re.split(_TERM_GAP, text.lower()))


def _term_areas(matched: str, by_term: dict[str, set[str]]) -> set[str]:
    """The areas of the term a match came from (matched text may be plural or hyphenated)."""
    key = _term_key(matched)
    for candidate in (key, key[:-1], key[:-2]):
        if candidate in by_term:
            return by_term[candidate]
    return set()


def _compile_areas(areas: Iterable[Area]) -> tuple[re.Pattern[str], dict[str, set[str]]]:
    """One alternation over every term, longest first, and each term's area ids.

    Terms are keyed with hyphens as spaces, so "people-to-people" and "people to people" meet.
    """
    by_term: dict[str, set[str]] = {}
    patterns: dict[str, str] = {}
    for area in areas:
        for term in area.terms:
            key = _term_key(term)
            by_term.setdefault(key, set()).add(area.id)
            patterns[key] = _term_pattern(term)
    if not patterns:
        return re.compile(r"(?!)"), by_term
    ordered = sorted(patterns, key=lambda k: (-len(k), k))
    alternation = "|".join(patterns[key] for key in ordered)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), by_term


def _merge_areas(base: tuple[Area, ...], extra: tuple[Area, ...], *, replace: bool) -> list[Area]:
    """The default taxonomy extended (or replaced) by a user's area file."""
    if replace:
        return list(extra)
    merged = {area.id: area for area in base}
    for area in extra:
        old = merged.get(area.id)
        if old is None:
            merged[area.id] = area
            continue
        terms = old.terms + tuple(t for t in area.terms if t not in old.terms)
        merged[area.id] = Area(
            id=area.id,
            label=area.label if area.label != area.id.replace("_", " ").title() else old.label,
            description=area.description or old.description,
            terms=terms,
        )
    return list(merged.values())


def build_kb(*, data_dir: Path = DATA_DIR, areas_path: Path | None = None) -> KnowledgeBase:
    """Read and validate every reference file under `data_dir` (uncached; see `load_kb`)."""
    sources = {
        "countries": data_dir / "countries.csv",
        "organizations": data_dir / "organizations.yaml",
        "bodies": data_dir / "bodies.yaml",
        "agreements": data_dir / "agreements.yaml",
        "titles": data_dir / "titles.yaml",
        "areas": data_dir / "areas.yaml",
        "cities": data_dir / "cities.csv",
        "regions": data_dir / "admin1.csv",
    }
    titles, honorifics = loaders.read_titles(sources["titles"])
    areas, _ = loaders.read_areas(sources["areas"])
    if areas_path is not None:
        extra, replace = loaders.read_areas(Path(areas_path))
        areas = tuple(_merge_areas(areas, extra, replace=replace))
        if not areas:
            raise ReferenceDataError(f"{areas_path}: areas: the taxonomy would be empty")
    kb = KnowledgeBase(
        countries=loaders.read_countries(sources["countries"]),
        organizations=loaders.read_organizations(sources["organizations"]),
        bodies=loaders.read_bodies(sources["bodies"]),
        agreements=loaders.read_agreements(sources["agreements"]),
        titles=titles,
        honorifics=honorifics,
        areas=areas,
        cities=loaders.read_cities(sources["cities"]),
        regions=loaders.read_regions(sources["regions"]),
        sources=sources,
    )
    logger.debug(
        "knowledge base: %d countries, %d organizations, %d bodies, %d agreements, "
        "%d titles, %d areas, %d cities",
        len(kb.countries),
        len(kb.organizations),
        len(kb.bodies),
        len(kb.agreements),
        len(kb.titles),
        len(kb.areas),
        len(kb.cities),
    )
    return kb


@dataclass(frozen=True)
class NonStateWords:
    """Words of institutions and companies, which are no states (`data/non_state.yaml`)."""

    institution_heads: frozenset[str]
    business_nouns: frozenset[str]
    place_heads: frozenset[str]
    named_after_heads: frozenset[str]


@functools.cache
def load_non_state_words(path: Path = DATA_DIR / "non_state.yaml") -> NonStateWords:
    """The packaged non-state word lists, read once."""
    keys = ("institution_heads", "business_nouns", "place_heads", "named_after_heads")
    lists = loaders.read_word_lists(path, keys)
    return NonStateWords(*(lists[key] for key in keys))


@functools.lru_cache(maxsize=8)
def load_kb(*, areas_path: Path | None = None) -> KnowledgeBase:
    """The packaged knowledge base, loaded once per `areas_path` (a user's area taxonomy)."""
    return build_kb(areas_path=areas_path)
