"""A packaged table of well-known officials, found by any usual spelling or order of their name."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from accord.errors import ReferenceDataError

__all__ = ["DEFAULT_PEOPLE_PATH", "KnownPerson", "Office", "PeopleIndex", "load_people"]

DEFAULT_PEOPLE_PATH = Path(__file__).parent / "data" / "people.yaml"

# Governments that write their officials' names family name first in English; for them the
# name's first word is the one used alone ("Kishida said"), elsewhere the last word is.
FAMILY_NAME_FIRST = frozenset({"KOR", "PRK", "CHN", "TWN", "JPN"})

_ENTRY_KEYS = frozenset({"name", "aliases", "country", "body", "surname", "offices"})
_OFFICE_KEYS = frozenset({"title", "from", "to", "country", "body"})
_ISO3 = re.compile(r"[A-Z]{3}")
_BODY = re.compile(r"[A-Z][A-Z0-9_]*")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2]))?")

# Letters that Unicode decomposition leaves alone but English texts write without the mark.
_LETTERS = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
    }
)
# Apostrophes and dots vanish ("Sa'ar" = "Saar", "J.D." = "JD"); other punctuation splits words.
_DROPPED = re.compile(r"[.'’‘`ʻʼ]")
_SEPARATORS = re.compile(r"[\W_]+")


# Styles some texts keep in a name and others leave off ("Sheikh", "Sayyid").
_STYLES = frozenset({"Sheikh", "Sheikha", "Sheik", "Sayyid", "Sayyida"})


@dataclass(frozen=True)
class Office:
    """An office held: dates are "YYYY" or "YYYY-MM"; None is an open or unknown bound.

    `country` or `body` is set only when the office served another state or body than the
    person's own (a national minister who later led an international body).
    """

    title: str
    start: str | None = None
    end: str | None = None
    country: str | None = None
    body: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: str) -> bool:
        """Whether the office was held on `day` ("YYYY", "YYYY-MM" or "YYYY-MM-DD").

        Each bound is compared at its own precision: an office "to 2025-04" covers 2025-04-30.
        """
        if self.start is not None and _truncate(day, self.start) < _truncate(self.start, day):
            return False
        return not (self.end is not None and _truncate(day, self.end) > _truncate(self.end, day))


@dataclass(frozen=True)
class KnownPerson:
    """A well-known official. `country` is ISO 3166-1 alpha-3, or None with `body` set."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    body: str | None
    offices: tuple[Office, ...]
    surnames: tuple[str, ...] = ()

    def forms(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


class PeopleIndex:
    """Finds known people by name; built by `load_people`."""

    def __init__(self, people: list[KnownPerson], *, ambiguous: set[str]) -> None:
        self._people = tuple(people)
        self._ambiguous = frozenset(ambiguous)
        self._exact: dict[str, KnownPerson] = {}
        self._by_key: dict[str, list[KnownPerson]] = {}
        self._by_surname: dict[str, list[KnownPerson]] = {}
        for person in self._people:
            for form in person.forms():
                key = _key(form)
                if key in self._ambiguous:
                    continue
                self._exact.setdefault(_spaces(form), person)
                bucket = self._by_key.setdefault(key, [])
                if person not in bucket:
                    bucket.append(person)
            for surname in person.surnames:
                bucket = self._by_surname.setdefault(_key(surname), [])
                if person not in bucket:
                    bucket.append(person)

    def __len__(self) -> int:
        return len(self._people)

    def __iter__(self) -> Iterator[KnownPerson]:
        return iter(self._people)

    def lookup(self, name: str) -> KnownPerson | None:
        """The one person `name` denotes, or None.

        Tries the exact form, then the form with case, diacritics, hyphens and dots ignored,
        then the same with the first or last word moved to the other end ("Fumio Kishida" for
        "Kishida Fumio"). An ambiguous alias or a form that fits two people gives None: the
        index never guesses.
        """
        text = _spaces(name)
        if not text:
            return None
        style, _, rest = text.partition(" ")
        if style in _STYLES and rest:
            # "Sheikh Tamim bin Hamad Al-Thani": a style the table may or may not keep.
            return self._lookup(text) or self._lookup(rest)
        return self._lookup(text)

    def _lookup(self, text: str) -> KnownPerson | None:
        key = _key(text)
        if key in self._ambiguous:
            return None
        exact = self._exact.get(text)
        if exact is not None:
            return exact
        found = self._by_key.get(key, [])
        if found:
            return found[0] if len(found) == 1 else None
        words = _fold(text).split()
        if len(words) < 2:
            return None
        candidates: list[KnownPerson] = []
        for turned in (words[-1:] + words[:-1], words[1:] + words[:1]):
            turned_key = "".join(turned)
            if turned_key in self._ambiguous:
                continue
            for person in self._by_key.get(turned_key, []):
                if person not in candidates:
                    candidates.append(person)
        return candidates[0] if len(candidates) == 1 else None

    def by_surname(self, token: str) -> list[KnownPerson]:
        """Everyone referred to by `token` alone ("Blinken", "Kishida", "von der Leyen")."""
        return list(self._by_surname.get(_key(token), []))

    def is_ambiguous(self, form: str) -> bool:
        """Whether `form` is an alias marked ambiguous (lookup never resolves it)."""
        return _key(form) in self._ambiguous

    def title_on(self, person: KnownPerson, on: dt.date | str) -> str | None:
        """The title of the office `person` held on a date, or None.

        Where offices overlap, the one begun last wins (a minister who became deputy prime
        minister is named by the newer post). An office with no dates is used only when no
        dated office covers the date.
        """
        office = self.office_on(person, on)
        return office.title if office is not None else None

    def office_on(self, person: KnownPerson, on: dt.date | str) -> Office | None:
        """The office `person` held on a date (see `title_on`), or None."""
        day = _day(on)
        dated = [o for o in person.offices if o.dated and o.covers(day)]
        if dated:
            return max(dated, key=lambda o: o.start or "")
        undated = [o for o in person.offices if not o.dated]
        return undated[0] if undated else None

    def affiliation_on(
        self, person: KnownPerson, on: dt.date | str
    ) -> tuple[str | None, str | None]:
        """(country, body) that `person` served on a date, from the office then held."""
        office = self.office_on(person, on)
        if office is not None and (office.country or office.body):
            return office.country, office.body
        return person.country, person.body

    def names(self) -> Iterator[tuple[str, KnownPerson]]:
        """Every surface form with its person, for building a phrase matcher.

        An ambiguous alias appears once per person who bears it; `is_ambiguous` tells.
        """
        for person in self._people:
            for form in person.forms():
                yield form, person


def load_people(path: Path | None = None) -> PeopleIndex:
    """Load and validate the people table (the packaged one by default); cached per path."""
    return _load_cached((path or DEFAULT_PEOPLE_PATH).resolve())


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path) -> PeopleIndex:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ReferenceDataError(f"{path}: cannot read the people table ({e.strerror})") from e
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as e:
        raise ReferenceDataError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(data, list):
        raise ReferenceDataError(f"{path}: expected a list of people at the top level")
    return _build(path, data)


def _build(path: Path, data: list[Any]) -> PeopleIndex:
    people: list[KnownPerson] = []
    # key -> [(entry index, name, marked ambiguous)] to check that shared forms are marked.
    owners: dict[str, list[tuple[int, str, bool]]] = {}
    for index, entry in enumerate(data):
        person, marks = _person(path, index, entry)
        people.append(person)
        seen: set[str] = set()
        for form in person.forms():
            key = _key(form)
            if key in seen:
                continue
            seen.add(key)
            owners.setdefault(key, []).append((index, person.name, marks.get(key, False)))
    ambiguous: set[str] = set()
    for key, holders in owners.items():
        if any(marked for _, _, marked in holders):
            ambiguous.add(key)
        if len(holders) > 1 and not all(marked for _, _, marked in holders):
            shown = "; ".join(f"entry {i} ({name})" for i, name, _ in holders)
            raise ReferenceDataError(
                f"{path}: the name form {key!r} belongs to several people ({shown}); "
                "mark it {name: ..., ambiguous: true} as an alias on each of them, "
                "or remove it"
            )
    return PeopleIndex(people, ambiguous=ambiguous)


def _person(path: Path, index: int, entry: Any) -> tuple[KnownPerson, dict[str, bool]]:
    label = f"entry {index}"
    if not isinstance(entry, dict):
        raise _bad(path, label, "expected a mapping with name, aliases, country, offices")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _bad(path, label, "`name` must be a non-empty string")
    label = f"entry {index} ({name})"
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        raise _bad(path, label, f"unknown keys {sorted(unknown)}; allowed: {sorted(_ENTRY_KEYS)}")
    if "country" not in entry:
        raise _bad(path, label, "`country` is missing (write null for an international body)")
    country, body = _affiliation(path, label, entry.get("country"), entry.get("body"))
    if country is None and body is None:
        raise _bad(path, label, "`country` is null, so `body` must name the organization")
    aliases, marks = _aliases(path, label, entry.get("aliases", []))
    surnames = _surnames(path, label, entry.get("surname"), name, country)
    offices = entry.get("offices")
    if not isinstance(offices, list) or not offices:
        raise _bad(path, label, "`offices` must be a non-empty list of {title, from, to}")
    parsed = tuple(_office(path, f"{label}, office {i}", o) for i, o in enumerate(offices))
    person = KnownPerson(
        name=name.strip(),
        aliases=aliases,
        country=country,
        body=body,
        offices=parsed,
        surnames=surnames,
    )
    return person, marks


def _affiliation(path: Path, label: str, country: Any, body: Any) -> tuple[str | None, str | None]:
    if country is not None and (not isinstance(country, str) or not _ISO3.fullmatch(country)):
        raise _bad(path, label, f"country {country!r} is not an ISO 3166-1 alpha-3 code")
    if body is not None and (not isinstance(body, str) or not _BODY.fullmatch(body)):
        raise _bad(path, label, f"body {body!r} is not an upper-case organization id")
    if country is not None and body is not None:
        raise _bad(path, label, "give `country` or `body`, not both")
    return country, body


def _aliases(path: Path, label: str, raw: Any) -> tuple[tuple[str, ...], dict[str, bool]]:
    if raw is None:
        return (), {}
    if not isinstance(raw, list):
        raise _bad(path, label, "`aliases` must be a list")
    aliases: list[str] = []
    marks: dict[str, bool] = {}
    for item in raw:
        ambiguous = False
        if isinstance(item, dict):
            if set(item) - {"name", "ambiguous"}:
                raise _bad(path, label, f"alias {item!r} may only have `name` and `ambiguous`")
            ambiguous = item.get("ambiguous", False)
            if not isinstance(ambiguous, bool):
                raise _bad(path, label, f"alias {item!r}: `ambiguous` must be true or false")
            item = item.get("name")
        if not isinstance(item, str) or not item.strip():
            raise _bad(path, label, f"alias {item!r} must be a non-empty string")
        aliases.append(item.strip())
        marks[_key(item)] = marks.get(_key(item), False) or ambiguous
    return tuple(aliases), marks


def _surnames(path: Path, label: str, raw: Any, name: str, country: str | None) -> tuple[str, ...]:
    if raw is None:
        words = name.split()
        return (words[0] if country in FAMILY_NAME_FIRST else words[-1],)
    items = raw if isinstance(raw, list) else [raw]
    if not items or not all(isinstance(s, str) and s.strip() for s in items):
        raise _bad(path, label, "`surname` must be a string or a list of strings")
    return tuple(s.strip() for s in items)


def _office(path: Path, label: str, raw: Any) -> Office:
    if not isinstance(raw, dict):
        raise _bad(path, label, "expected a mapping {title, from, to}")
    unknown = set(raw) - _OFFICE_KEYS
    if unknown:
        raise _bad(path, label, f"unknown keys {sorted(unknown)}; allowed: {sorted(_OFFICE_KEYS)}")
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise _bad(path, label, "`title` must be a non-empty string")
    start = _partial_date(path, label, "from", raw.get("from"))
    end = _partial_date(path, label, "to", raw.get("to"))
    if start is not None and end is not None and _truncate(end, start) < _truncate(start, end):
        raise _bad(path, label, f"`to` ({end}) is before `from` ({start})")
    country, body = _affiliation(path, label, raw.get("country"), raw.get("body"))
    return Office(title=title.strip(), start=start, end=end, country=country, body=body)


def _partial_date(path: Path, label: str, field: str, raw: Any) -> str | None:
    if raw is None:
        return None
    text = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
    if not isinstance(text, str) or not _PARTIAL_DATE.fullmatch(text):
        raise _bad(path, label, f"`{field}` {raw!r} must be YYYY or YYYY-MM (or null)")
    return text


def _bad(path: Path, label: str, problem: str) -> ReferenceDataError:
    return ReferenceDataError(f"{path}: {label}: {problem}")


def _day(on: dt.date | str) -> str:
    if isinstance(on, dt.date):
        return on.isoformat()[:10]
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", on):
        raise ValueError(f"date {on!r} must be a date or YYYY, YYYY-MM or YYYY-MM-DD")
    return on


def _truncate(value: str, other: str) -> str:
    """`value` cut to the precision of `other`, so "2025-04-30" and "2025-04" compare equal."""
    return value[: min(len(value), len(other))]


def _spaces(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _fold(text: str) -> str:
    """Lower case, no diacritics, no dots or apostrophes, words split on other punctuation."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return _SEPARATORS.sub(" ", _DROPPED.sub("", text)).strip()


def _key(text: str) -> str:
    """The comparison key: the folded words run together ("Cho Tae-yul" = "Cho Taeyul")."""
    return _fold(text).replace(" ", "")
