"""Reads a gold set (pairs of SLUG.txt + SLUG.json) into typed records for the scorer.

The format is the binding one of `shared/spec/record-format.md` ("Gold files"): the JSON has
the record's fields, but quotes the text instead of giving character spans. A field left out
of the JSON is `None` here (not scored); an empty list is an empty tuple (scored: "there are
none"). Every quoted text must be an exact substring of the document text, which is checked
here so a typo in a gold file fails loudly instead of scoring as a miss.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.errors import GoldFormatError

logger = logging.getLogger("accord")

DATE_PRECISIONS = frozenset({"day", "month", "quarter", "half", "year", "interval", "vague"})
MODALITIES = frozenset({"agreed", "pledged", "planned", "reaffirmed", "decided"})
WARNING_KINDS = frozenset({"count", "weekday"})


@dataclass(frozen=True, slots=True)
class GoldPerson:
    name: str
    title: str | None
    country: str | None
    body: str | None = None  # for an official of an international body ("UN")


@dataclass(frozen=True, slots=True)
class GoldAgreement:
    name: str
    short: str | None


@dataclass(frozen=True, slots=True)
class GoldPlace:
    city: str
    country: str | None


@dataclass(frozen=True, slots=True)
class GoldDate:
    text: str
    start: dt.date | None
    end: dt.date | None
    precision: str


@dataclass(frozen=True, slots=True)
class GoldCitation:
    marker: str
    resolves_to: str | None
    accessed: dt.date | None


@dataclass(frozen=True, slots=True)
class GoldParticipant:
    name: str
    country: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class GoldMeeting:
    date: dt.date | None
    city: str | None
    country: str | None
    parties: tuple[str, ...]
    participants: tuple[GoldParticipant, ...] | None  # None: left out, not scored
    mechanism: str | None
    evidence_text: str


@dataclass(frozen=True, slots=True)
class GoldCommitment:
    parties: tuple[str, ...]
    text: str
    modality: str
    deadline: dt.date | None
    areas: tuple[str, ...] | None  # None: left out, not scored
    forums: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold pair; each field is None when the JSON leaves it out (then it is not scored)."""

    slug: str
    text: str
    published: dt.date | None
    kind: str | None = None
    title: str | None = None
    source: str = ""  # the JSON file it was read from, for messages
    people: tuple[GoldPerson, ...] | None = None
    organizations: tuple[str, ...] | None = None
    agreements: tuple[GoldAgreement, ...] | None = None
    places: tuple[GoldPlace, ...] | None = None
    dates: tuple[GoldDate, ...] | None = None
    citations: tuple[GoldCitation, ...] | None = None
    meetings: tuple[GoldMeeting, ...] | None = None
    commitments: tuple[GoldCommitment, ...] | None = None
    not_commitments: tuple[str, ...] | None = None
    areas: tuple[str, ...] | None = None
    warnings: tuple[str, ...] | None = None


def load_gold(gold_dir: Path) -> list[GoldDocument]:
    """Every SLUG.json + SLUG.txt pair in `gold_dir`, sorted by slug."""
    if not gold_dir.is_dir():
        raise GoldFormatError(
            str(gold_dir), "is not a folder; give a folder of SLUG.txt + SLUG.json"
        )
    json_paths = sorted(gold_dir.glob("*.json"))
    if not json_paths:
        raise GoldFormatError(str(gold_dir), "holds no SLUG.json gold files")
    for txt in sorted(gold_dir.glob("*.txt")):
        if not txt.with_suffix(".json").exists():
            logger.warning(
                "gold: %s has no %s; it is not scored", txt, txt.with_suffix(".json").name
            )
    documents = []
    for json_path in json_paths:
        text_path = json_path.with_suffix(".txt")
        if not text_path.exists():
            raise GoldFormatError(
                str(json_path),
                f"its text {text_path.name} is missing; put the document text next to it "
                "(or load the pair with load_gold_pair(json_path, text_path))",
            )
        documents.append(load_gold_pair(json_path, text_path))
    return documents


def load_gold_pair(json_path: Path, text_path: Path) -> GoldDocument:
    """One gold document whose text may live elsewhere (the seed's is in shared/seeds)."""
    try:
        text = text_path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise GoldFormatError(str(json_path), f"its text {text_path} does not exist") from e
    except UnicodeDecodeError as e:
        raise GoldFormatError(str(text_path), f"is not UTF-8 text ({e.reason})") from e
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise GoldFormatError(str(json_path), "does not exist") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise GoldFormatError(str(json_path), f"is not valid UTF-8 JSON ({e})") from e
    return parse_gold(data, text=text, slug=json_path.stem, source=str(json_path))


def parse_gold(data: Any, *, text: str, slug: str, source: str) -> GoldDocument:
    """A gold JSON value (already decoded) checked and turned into a GoldDocument."""
    r = _Reader(source, text)
    top = r.obj(data, "the top level")
    doc = r.obj(top.get("document", {}), "document")
    people = r.opt_list(top, "people", _person)
    meetings = r.opt_list(top, "meetings", _meeting)
    return GoldDocument(
        slug=slug,
        text=text,
        published=r.date(doc.get("published"), "document.published"),
        kind=r.opt_str(doc.get("kind"), "document.kind"),
        title=r.opt_str(doc.get("title"), "document.title"),
        source=source,
        people=people,
        organizations=r.opt_list(top, "organizations", lambda r, v, w: r.string(v, w)),
        agreements=r.opt_list(top, "agreements", _agreement),
        places=r.opt_list(top, "places", _place),
        dates=r.opt_list(top, "dates", _date),
        citations=r.opt_list(top, "citations", _citation),
        meetings=meetings,
        commitments=r.opt_list(top, "commitments", _commitment),
        not_commitments=r.opt_list(top, "not_commitments", lambda r, v, w: r.quote(v, w)),
        areas=r.opt_list(top, "areas", lambda r, v, w: r.string(v, w)),
        warnings=r.opt_list(top, "warnings", lambda r, v, w: r.choice(v, w, WARNING_KINDS)),
    )


class _Reader:
    """Type checks that name the file and the JSON path of the value at fault."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.text = text

    def fail(self, where: str, problem: str) -> GoldFormatError:
        return GoldFormatError(self.source, f"{where}: {problem}")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, found {type(value).__name__}")
        return value

    def string(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"expected a non-empty string, found {value!r}")
        return value

    def opt_str(self, value: Any, where: str) -> str | None:
        return None if value is None else self.string(value, where)

    def choice(self, value: Any, where: str, allowed: frozenset[str]) -> str:
        if value not in allowed:
            raise self.fail(where, f"{value!r} is not one of {', '.join(sorted(allowed))}")
        return value

    def date(self, value: Any, where: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(self.string(value, where))
        except ValueError as e:
            raise self.fail(where, f"expected YYYY-MM-DD or null, found {value!r}") from e

    def quote(self, value: Any, where: str) -> str:
        """A string that must be an exact substring of the document text."""
        quoted = self.string(value, where)
        if quoted not in self.text:
            raise self.fail(where, f"{_short(quoted)!r} is not an exact substring of the text")
        return quoted

    def strings(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list of strings, found {type(value).__name__}")
        return tuple(self.string(v, f"{where}[{i}]") for i, v in enumerate(value))

    def opt_list(self, top: dict[str, Any], key: str, item: Any) -> tuple[Any, ...] | None:
        if key not in top:
            return None
        value = top[key]
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, found {type(value).__name__}")
        return tuple(item(self, v, f"{key}[{i}]") for i, v in enumerate(value))


def _person(r: _Reader, value: Any, where: str) -> GoldPerson:
    o = r.obj(value, where)
    return GoldPerson(
        name=r.string(o.get("name"), f"{where}.name"),
        title=r.opt_str(o.get("title"), f"{where}.title"),
        country=r.opt_str(o.get("country"), f"{where}.country"),
        body=r.opt_str(o.get("body"), f"{where}.body"),
    )


def _agreement(r: _Reader, value: Any, where: str) -> GoldAgreement:
    o = r.obj(value, where)
    return GoldAgreement(
        name=r.string(o.get("name"), f"{where}.name"),
        short=r.opt_str(o.get("short"), f"{where}.short"),
    )


def _place(r: _Reader, value: Any, where: str) -> GoldPlace:
    o = r.obj(value, where)
    return GoldPlace(
        city=r.string(o.get("city"), f"{where}.city"),
        country=r.opt_str(o.get("country"), f"{where}.country"),
    )


def _date(r: _Reader, value: Any, where: str) -> GoldDate:
    o = r.obj(value, where)
    return GoldDate(
        text=r.quote(o.get("text"), f"{where}.text"),
        start=r.date(o.get("start"), f"{where}.start"),
        end=r.date(o.get("end"), f"{where}.end"),
        precision=r.choice(o.get("precision"), f"{where}.precision", DATE_PRECISIONS),
    )


def _citation(r: _Reader, value: Any, where: str) -> GoldCitation:
    o = r.obj(value, where)
    return GoldCitation(
        marker=r.string(o.get("marker"), f"{where}.marker"),
        resolves_to=r.opt_str(o.get("resolves_to"), f"{where}.resolves_to"),
        accessed=r.date(o.get("accessed"), f"{where}.accessed"),
    )


def _meeting(r: _Reader, value: Any, where: str) -> GoldMeeting:
    o = r.obj(value, where)
    location = r.obj(o.get("location") or {}, f"{where}.location")
    participants = o.get("participants")
    if participants is not None and not isinstance(participants, list):
        raise r.fail(f"{where}.participants", "expected a list")
    return GoldMeeting(
        date=r.date(o.get("date"), f"{where}.date"),
        city=r.opt_str(location.get("city"), f"{where}.location.city"),
        country=r.opt_str(location.get("country"), f"{where}.location.country"),
        parties=r.strings(o.get("parties"), f"{where}.parties"),
        participants=None
        if participants is None
        else tuple(
            _participant(r, p, f"{where}.participants[{i}]") for i, p in enumerate(participants)
        ),
        mechanism=r.opt_str(o.get("mechanism"), f"{where}.mechanism"),
        evidence_text=r.quote(o.get("evidence_text"), f"{where}.evidence_text"),
    )


def _participant(r: _Reader, value: Any, where: str) -> GoldParticipant:
    o = r.obj(value, where)
    return GoldParticipant(
        name=r.string(o.get("name"), f"{where}.name"),
        country=r.opt_str(o.get("country"), f"{where}.country"),
        title=r.opt_str(o.get("title"), f"{where}.title"),
    )


def _commitment(r: _Reader, value: Any, where: str) -> GoldCommitment:
    o = r.obj(value, where)
    return GoldCommitment(
        parties=r.strings(o.get("parties"), f"{where}.parties"),
        text=r.quote(o.get("text"), f"{where}.text"),
        modality=r.choice(o.get("modality"), f"{where}.modality", MODALITIES),
        deadline=r.date(o.get("deadline"), f"{where}.deadline"),
        areas=None if "areas" not in o else r.strings(o["areas"], f"{where}.areas"),
        forums=None if "forums" not in o else r.strings(o["forums"], f"{where}.forums"),
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
