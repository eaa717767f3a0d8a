"""Frozen records of the reference data: countries, organizations, bodies, agreements, titles..."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Country:
    """An ISO 3166-1 country (or Kosovo) and the words texts use for it."""

    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()  # need context: "Korea", "Georgia", "Congo"
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()  # only where they differ from the adjectives
    capital: str | None = None
    capital_metonym: bool = False  # "Ottawa said ..." commonly means the government


@dataclass(frozen=True, slots=True)
class Organization:
    """An international organization, forum, regime or conference; `id` is the record id."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # ISO3 codes or organization ids; empty when not listed
    parent: str | None = None
    # Members admitted after the body was founded, with the month they joined ("YYYY-MM").
    joined: tuple[tuple[str, str], ...] = ()
    # The three-letter code under which the body is a party to meetings and commitments
    # beside states (the EU: "EUU"); None for bodies that are not parties in their own right.
    party: str | None = None


@dataclass(frozen=True, slots=True)
class Body:
    """A government body (ministry, office, legislature, force) of one country."""

    name: str
    country: str
    kind: str
    aliases: tuple[str, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgreementInfo:
    """A treaty, trade agreement, declaration or partnership, with its dates where known."""

    name: str
    kind: str
    short: str | None = None
    aliases: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    signed: dt.date | None = None
    adopted: dt.date | None = None
    announced: dt.date | None = None
    in_force: dt.date | None = None
    notes: str | None = None

    @property
    def key(self) -> str:
        """The short name where there is one, else the full name (the gazetteer key)."""
        return self.short or self.name


@dataclass(frozen=True, slots=True)
class Title:
    """An official title in its canonical form, with the variants that mean it."""

    canonical: str
    kind: str
    variants: tuple[str, ...] = ()
    # An office only one country has ("Taoiseach"): its holder speaks for that country.
    country: str | None = None


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title found in a phrase, with what the phrase added around it.

    "Canada's Assistant Deputy Minister for the Indo-Pacific at Global Affairs Canada" gives
    title=Assistant Deputy Minister, portfolio="for the Indo-Pacific",
    body="Global Affairs Canada", country="CAN".
    """

    title: Title
    portfolio: str | None = None
    body: str | None = None
    country: str | None = None

    @property
    def full_title(self) -> str:
        """The canonical title and portfolio: "Assistant Deputy Minister for the Indo-Pacific"."""
        if self.portfolio:
            return f"{self.title.canonical} {self.portfolio}"
        return self.title.canonical


@dataclass(frozen=True, slots=True)
class Area:
    """A cooperation area of the taxonomy and the lexicon that signals it."""

    id: str
    label: str
    description: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class City:
    """A city from the packaged GeoNames extract."""

    name: str
    iso3: str
    population: int
    is_capital: bool = False
    region: str | None = None  # first-level region: "Ontario", "District of Columbia"
    ascii_name: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level administrative region (province, state, prefecture)."""

    iso2: str
    code: str
    name: str
    aliases: tuple[str, ...] = ()
