"""Validating readers of the reference-data files (CSV and YAML) into frozen entries.

Each reader checks one file's shape (columns, fields, types, ids, dates, duplicates) and
raises `ReferenceDataError` naming the file, the line or entry, and the problem.
Checks that span files (a body's country exists, a party is known) are in `base.py`.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from accord.errors import ReferenceDataError
from accord.kb.entries import (
    AgreementInfo,
    Area,
    Body,
    City,
    Country,
    Organization,
    Region,
    Title,
)

ORGANIZATION_KINDS = frozenset(
    {
        "un_body",
        "un_agency",
        "alliance",
        "forum",
        "economic",
        "regional",
        "financial",
        "court",
        "agency",
        "dialogue",
        "conference",
        "regime",
        "treaty_body",
        "partnership",
        "military_command",
        "humanitarian",
        "eu_body",
    }
)
BODY_KINDS = frozenset(
    {
        "foreign_ministry",
        "defence_ministry",
        "coast_guard",
        "trade_ministry",
        "finance_ministry",
        "ministry",
        "head_of_government_office",
        "head_of_state_office",
        "legislature",
        "armed_forces",
        "military_command",
        "intelligence",
        "development_agency",
        "agency",
        "party",
        "state_media",
    }
)
AGREEMENT_KINDS = frozenset(
    {
        "fta",
        "epa",
        "trade_agreement",
        "treaty",
        "convention",
        "arms_control",
        "alliance_treaty",
        "declaration",
        "statement",
        "partnership",
        "security_agreement",
        "framework",
        "protocol",
        "arrangement",
    }
)
TITLE_KINDS = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "minister",
        "deputy_minister",
        "official",
        "diplomat",
        "military",
        "legislator",
    }
)


class _YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader (libyaml's where available: several times faster) that leaves dates as text.

    YAML's own date conversion raises a bare ValueError on "2014-13-45"; reading dates as
    text lets `_Entry.date` report the entry and field instead.
    """


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_ORG_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
_AREA_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def fail(path: Path, where: str, problem: str) -> ReferenceDataError:
    """The error for a problem at `where` (a line or an entry) of the file at `path`."""
    return ReferenceDataError(f"{path}: {where}: {problem}")


# --- CSV ------------------------------------------------------------------------------------


def _csv_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; lines starting with '#' are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise fail(path, "file", f"cannot be read ({e.strerror}); reinstall accord") from e
    except UnicodeDecodeError as e:
        raise fail(path, "file", "is not UTF-8 text") from e
    numbered = [(i + 1, line) for i, line in enumerate(lines) if not line.startswith("#")]
    numbered = [(n, line) for n, line in numbered if line.strip()]
    if not numbered:
        raise fail(path, "file", "has no header row")
    reader = csv.reader([line for _, line in numbered])
    header_line, _ = numbered[0]
    header = next(reader)
    missing = [column for column in required if column not in header]
    if missing:
        raise fail(path, f"line {header_line}", f"header lacks column(s) {', '.join(missing)}")
    for (line_no, _), values in zip(numbered[1:], reader, strict=True):
        if len(values) != len(header):
            raise fail(
                path, f"line {line_no}", f"has {len(values)} fields, the header has {len(header)}"
            )
        yield line_no, {key: value.strip() for key, value in zip(header, values, strict=True)}


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def _flag(path: Path, line_no: int, column: str, value: str) -> bool:
    if value in ("", "0"):
        return False
    if value == "1":
        return True
    raise fail(path, f"line {line_no}", f"{column} must be 0 or 1, not {value!r}")


def read_countries(path: Path) -> tuple[Country, ...]:
    required = (
        "iso3",
        "iso2",
        "name",
        "aliases",
        "ambiguous_aliases",
        "adjectives",
        "demonyms",
        "capital",
        "capital_metonym",
    )
    countries: list[Country] = []
    seen: dict[str, int] = {}
    for line_no, row in _csv_rows(path, required):
        iso3, iso2, name = row["iso3"], row["iso2"], row["name"]
        if not _ISO3.match(iso3):
            raise fail(path, f"line {line_no}", f"iso3 {iso3!r} is not three capital letters")
        if not _ISO2.match(iso2):
            raise fail(path, f"line {line_no}", f"iso2 {iso2!r} is not two capital letters")
        if not name:
            raise fail(path, f"line {line_no}", f"country {iso3} has no name")
        for code in (iso3, iso2):
            if code in seen:
                raise fail(
                    path, f"line {line_no}", f"duplicate code {code} (first on line {seen[code]})"
                )
            seen[code] = line_no
        countries.append(
            Country(
                iso3=iso3,
                iso2=iso2,
                name=name,
                aliases=_split(row["aliases"]),
                ambiguous_aliases=_split(row["ambiguous_aliases"]),
                adjectives=_split(row["adjectives"]),
                demonyms=_split(row["demonyms"]),
                capital=row["capital"] or None,
                capital_metonym=_flag(path, line_no, "capital_metonym", row["capital_metonym"]),
            )
        )
    return tuple(countries)


def read_cities(path: Path) -> tuple[City, ...]:
    required = ("name", "ascii_name", "iso3", "region", "population", "is_capital", "aliases")
    cities: list[City] = []
    for line_no, row in _csv_rows(path, required):
        if not row["name"]:
            raise fail(path, f"line {line_no}", "city has no name")
        if not _ISO3.match(row["iso3"]):
            raise fail(path, f"line {line_no}", f"iso3 {row['iso3']!r} is not three capitals")
        try:
            population = int(row["population"])
        except ValueError:
            raise fail(
                path, f"line {line_no}", f"population {row['population']!r} is not a number"
            ) from None
        cities.append(
            City(
                name=row["name"],
                iso3=row["iso3"],
                population=population,
                is_capital=_flag(path, line_no, "is_capital", row["is_capital"]),
                region=row["region"] or None,
                ascii_name=row["ascii_name"] or None,
                aliases=_split(row["aliases"]),
            )
        )
    return tuple(cities)


def read_regions(path: Path) -> tuple[Region, ...]:
    regions: list[Region] = []
    seen: dict[tuple[str, str], int] = {}
    for line_no, row in _csv_rows(path, ("iso2", "code", "name", "aliases")):
        key = (row["iso2"], row["code"])
        if not _ISO2.match(row["iso2"]) or not row["code"] or not row["name"]:
            raise fail(path, f"line {line_no}", "needs iso2, code and name")
        if key in seen:
            raise fail(path, f"line {line_no}", f"duplicate region {key} (line {seen[key]})")
        seen[key] = line_no
        regions.append(Region(*key, name=row["name"], aliases=_split(row["aliases"])))
    return tuple(regions)


def read_landmarks(path: Path) -> dict[str, tuple[str | None, str]]:
    """Seats of government and state venues: lower-case name -> (city or None, ISO3)."""
    table: dict[str, tuple[str | None, str]] = {}
    for line_no, row in _csv_rows(path, ("name", "city", "iso3")):
        if not row["name"] or len(row["iso3"]) != 3:
            raise fail(path, f"line {line_no}", "needs a name and an ISO3 code; fix the row")
        table[row["name"].lower()] = (row["city"] or None, row["iso3"])
    return table


# --- YAML -----------------------------------------------------------------------------------


def read_word_lists(path: Path, keys: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Named lists of lower-case words from a YAML mapping (`non_state.yaml`)."""
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise fail(path, "top level", f"must be a mapping with {', '.join(keys)}")
    lists: dict[str, frozenset[str]] = {}
    for key in keys:
        words = data.get(key)
        if not isinstance(words, list) or not words:
            raise fail(path, repr(key), "must be a non-empty list of words")
        if not all(isinstance(w, str) and w.strip() for w in words):
            raise fail(path, repr(key), "every item must be a non-empty text")
        lists[key] = frozenset(w.strip().lower() for w in words)
    return lists


def _load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise fail(path, "file", f"cannot be read ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise fail(path, "file", "is not UTF-8 text") from e
    try:
        return yaml.load(text, Loader=_YamlLoader)  # a safe loader: plain data only
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "file"
        problem = getattr(e, "problem", None) or str(e)
        raise fail(path, where, f"is not valid YAML ({problem})") from e


class _Entry:
    """One YAML mapping being read, with errors that name it."""

    def __init__(self, path: Path, index: int, data: Any, label_key: str) -> None:
        self.path = path
        if not isinstance(data, dict):
            raise fail(path, f"entry {index + 1}", "is not a mapping")
        self.data = data
        label = data.get(label_key)
        self.where = f"entry {index + 1}" + (f" ({label})" if label else "")

    def error(self, problem: str) -> ReferenceDataError:
        return fail(self.path, self.where, problem)

    def check_keys(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            raise self.error(f"unknown field(s) {', '.join(map(str, unknown))}")

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(f"lacks {key}")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"{key} must be non-empty text, not {value!r}")
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            raise self.error(f"{key} must be a list of non-empty texts")
        return tuple(dict.fromkeys(item.strip() for item in value))

    def choice(self, key: str, allowed: frozenset[str]) -> str:
        value = self.text(key)
        assert value is not None
        if value not in allowed:
            raise self.error(f"{key} {value!r} is not one of {', '.join(sorted(allowed))}")
        return value

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            raise self.error(f"{key} must be a date (YYYY-MM-DD), not a timestamp")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(f"{key} {value!r} is not a date in YYYY-MM-DD form")


def _entries(path: Path, data: Any, key: str, label_key: str) -> Iterator[_Entry]:
    items = data.get(key) if isinstance(data, dict) else data
    if not isinstance(items, list):
        where = f"'{key}'" if isinstance(data, dict) else "top level"
        raise fail(path, where, "must be a list of entries")
    for index, item in enumerate(items):
        yield _Entry(path, index, item, label_key)


def read_organizations(path: Path) -> tuple[Organization, ...]:
    organizations: list[Organization] = []
    seen: set[str] = set()
    for entry in _entries(path, _load_yaml(path), "organizations", "id"):
        entry.check_keys({"id", "name", "aliases", "kind", "members", "parent", "joined", "party"})
        org_id = entry.text("id")
        assert org_id is not None
        if not _ORG_ID.match(org_id):
            raise entry.error(f"id {org_id!r} must be upper-case letters, digits or '_'")
        if org_id in seen:
            raise entry.error(f"duplicate id {org_id}")
        seen.add(org_id)
        organizations.append(
            Organization(
                id=org_id,
                name=entry.text("name") or "",
                kind=entry.choice("kind", ORGANIZATION_KINDS),
                aliases=entry.texts("aliases"),
                members=entry.texts("members"),
                parent=entry.text("parent", required=False),
                joined=_joined(entry),
                party=_party_code(entry),
            )
        )
    return tuple(organizations)


def _party_code(entry: _Entry) -> str | None:
    code = entry.text("party", required=False)
    if code is not None and not re.fullmatch(r"[A-Z]{3}", code):
        raise entry.error(f"party {code!r} must be three upper-case letters, like an ISO3 code")
    return code


_MONTH = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")


def _joined(entry: _Entry) -> tuple[tuple[str, str], ...]:
    """`joined: {TLS: 2025-10}`: members and the month they were admitted."""
    value = entry.data.get("joined")
    if value is None:
        return ()
    members = set(entry.texts("members"))
    if not isinstance(value, dict):
        raise entry.error("joined must map members to the month they joined (YYYY-MM)")
    out = []
    for member, month in value.items():
        if member not in members:
            raise entry.error(f"joined names {member!r}, which is not among its members")
        if not isinstance(month, str) or not _MONTH.match(month):
            raise entry.error(f"joined month for {member} must be YYYY-MM, not {month!r}")
        out.append((str(member), month))
    return tuple(out)


def read_bodies(path: Path) -> tuple[Body, ...]:
    bodies: list[Body] = []
    seen: set[str] = set()
    for entry in _entries(path, _load_yaml(path), "bodies", "name"):
        entry.check_keys({"name", "aliases", "ambiguous_aliases", "country", "kind"})
        name = entry.text("name")
        assert name is not None
        if name in seen:
            raise entry.error(f"duplicate name {name!r}")
        seen.add(name)
        country = entry.text("country")
        assert country is not None
        if not _ISO3.match(country):
            raise entry.error(f"country {country!r} is not an ISO3 code")
        bodies.append(
            Body(
                name=name,
                country=country,
                kind=entry.choice("kind", BODY_KINDS),
                aliases=entry.texts("aliases"),
                ambiguous_aliases=entry.texts("ambiguous_aliases"),
            )
        )
    return tuple(bodies)


def read_agreements(path: Path) -> tuple[AgreementInfo, ...]:
    agreements: list[AgreementInfo] = []
    names: set[str] = set()
    shorts: set[str] = set()
    allowed = {"name", "short", "aliases", "parties", "kind", "signed", "adopted"}
    allowed |= {"announced", "in_force", "notes"}
    for entry in _entries(path, _load_yaml(path), "agreements", "name"):
        entry.check_keys(allowed)
        name = entry.text("name")
        assert name is not None
        short = entry.text("short", required=False)
        if name in names:
            raise entry.error(f"duplicate name {name!r}")
        if short is not None and short in shorts:
            raise entry.error(f"duplicate short name {short!r}")
        names.add(name)
        if short is not None:
            shorts.add(short)
        info = AgreementInfo(
            name=name,
            kind=entry.choice("kind", AGREEMENT_KINDS),
            short=short,
            aliases=entry.texts("aliases"),
            parties=entry.texts("parties"),
            signed=entry.date("signed"),
            adopted=entry.date("adopted"),
            announced=entry.date("announced"),
            in_force=entry.date("in_force"),
            notes=entry.text("notes", required=False),
        )
        start = info.signed or info.adopted or info.announced
        if info.in_force and start and info.in_force < start:
            raise entry.error(f"in_force {info.in_force} is before {start}")
        agreements.append(info)
    return tuple(agreements)


def read_titles(path: Path) -> tuple[tuple[Title, ...], frozenset[str]]:
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise fail(path, "top level", "must be a mapping with 'titles' and 'honorifics'")
    honorifics = data.get("honorifics") or []
    if not isinstance(honorifics, list) or not all(
        isinstance(h, str) and h.strip() for h in honorifics
    ):
        raise fail(path, "'honorifics'", "must be a list of non-empty texts")
    titles: list[Title] = []
    seen: set[str] = set()
    for entry in _entries(path, data, "titles", "canonical"):
        entry.check_keys({"canonical", "kind", "variants", "country"})
        canonical = entry.text("canonical")
        assert canonical is not None
        if canonical in seen:
            raise entry.error(f"duplicate canonical title {canonical!r}")
        seen.add(canonical)
        titles.append(
            Title(
                canonical=canonical,
                kind=entry.choice("kind", TITLE_KINDS),
                variants=entry.texts("variants"),
                country=entry.text("country", required=False),
            )
        )
    return tuple(titles), frozenset(h.strip() for h in honorifics)


def read_areas(path: Path) -> tuple[tuple[Area, ...], bool]:
    """The areas of a taxonomy file, and whether it asks to replace the default taxonomy."""
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise fail(path, "top level", "must be a mapping with an 'areas' list")
    replace = data.get("replace", False)
    if not isinstance(replace, bool):
        raise fail(path, "'replace'", "must be true or false")
    areas: list[Area] = []
    seen: set[str] = set()
    for entry in _entries(path, data, "areas", "id"):
        entry.check_keys({"id", "label", "description", "terms"})
        area_id = entry.text("id")
        assert area_id is not None
        if not _AREA_ID.match(area_id):
            raise entry.error(f"id {area_id!r} must be lower-case letters, digits or '_'")
        if area_id in seen:
            raise entry.error(f"duplicate id {area_id}")
        seen.add(area_id)
        raw_terms = entry.data.get("terms")
        if not isinstance(raw_terms, list) or not all(
            isinstance(t, str) and t.strip() for t in raw_terms
        ):
            raise entry.error("terms must be a list of non-empty texts")
        terms: list[str] = []
        for term in raw_terms:
            term = " ".join(term.split())
            if term != term.lower():
                raise entry.error(f"term {term!r} must be lower-case")
            if term in terms:
                raise entry.error(f"duplicate term {term!r}")
            terms.append(term)
        areas.append(
            Area(
                id=area_id,
                label=entry.text("label", required=False) or area_id.replace("_", " ").title(),
                description=entry.text("description", required=False) or "",
                terms=tuple(terms),
            )
        )
    return tuple(areas), replace
