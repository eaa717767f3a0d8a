"""Validate every SLUG.txt + SLUG.json gold pair in a folder and exit non-zero on any problem.

Usage: `.venv/bin/python tests/data/gold/check_gold.py [FOLDER ...]` (default: this file's folder).
The rules are those of shared/spec/record-format.md ("Gold files") and tests/data/gold/README.md.
Only the standard library is used, so the check runs before the package is importable.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# The spec's default taxonomy (shared/spec/record-format.md, "Area ids").
AREA_IDS = frozenset(
    {
        "international_order",
        "defence_security",
        "maritime",
        "trade_economy",
        "technology",
        "energy_resources",
        "climate_environment",
        "health",
        "culture_people",
        "development_humanitarian",
        "human_rights",
    }
)
KINDS = frozenset({"readout", "joint_statement", "news", "analysis", "other"})
MODALITIES = frozenset({"agreed", "pledged", "planned", "reaffirmed", "decided"})
PRECISIONS = frozenset({"day", "month", "quarter", "half", "year", "interval", "vague"})
WARNING_KINDS = frozenset({"count", "weekday"})
REQUIRED_KEYS = ("document", "meetings", "commitments")
LIST_KEYS = (
    "people",
    "organizations",
    "agreements",
    "places",
    "dates",
    "citations",
    "meetings",
    "commitments",
    "not_commitments",
    "areas",
    "warnings",
)
ISO3 = re.compile(r"^[A-Z]{3}$")
ORG_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
MARKER = re.compile(r"^\[\d+\]$")
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


class Report:
    """Problems found in one pair, each prefixed with the pair's slug."""

    def __init__(self, slug: str) -> None:
        self.slug = slug
        self.problems: list[str] = []

    def add(self, message: str) -> None:
        self.problems.append(f"{self.slug}: {message}")


def _iso_date(value: Any, where: str, report: Report, *, nullable: bool = True) -> dt.date | None:
    if value is None:
        if not nullable:
            report.add(f"{where} is null")
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        report.add(f"{where} {value!r} is not a YYYY-MM-DD string")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        report.add(f"{where} {value!r} is not a calendar date")
        return None


def _iso3(value: Any, where: str, report: Report, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, str) or not ISO3.match(value):
        report.add(f"{where} {value!r} is not an ISO3 code (three upper-case letters)")


def _substring(value: Any, text: str, where: str, report: Report) -> None:
    if not isinstance(value, str) or not value:
        report.add(f"{where} is not a non-empty string")
    elif value not in text:
        report.add(f"{where} is not an exact substring of the .txt: {value[:80]!r}")


def _parties(value: Any, where: str, report: Report) -> list[str]:
    if not isinstance(value, list) or not value:
        report.add(f"{where} must be a non-empty list")
        return []
    for code in value:
        _iso3(code, f"{where} entry", report)
    if value != sorted(value) or len(set(value)) != len(value):
        report.add(f"{where} {value} is not a sorted list without repeats")
    return [v for v in value if isinstance(v, str)]


def _check_text(text: str, report: Report) -> None:
    if text.startswith("\ufeff"):
        report.add("the .txt starts with a byte-order mark")
    if "\r" in text:
        report.add("the .txt has carriage returns")
    if unicodedata.normalize("NFC", text) != text:
        report.add("the .txt is not NFC-normalized")
    if text.startswith("---"):
        report.add("the .txt seems to start with front matter")
    for number, line in enumerate(text.split("\n"), start=1):
        if line != line.rstrip():
            report.add(f"the .txt line {number} has trailing whitespace")
    if "\n\n\n" in text:
        report.add("the .txt has more than one blank line between paragraphs")


def _check_document(gold: dict[str, Any], report: Report) -> dt.date | None:
    document = gold["document"]
    if not isinstance(document, dict):
        report.add("document is not an object")
        return None
    for key in ("published", "kind", "title"):
        if key not in document:
            report.add(f"document.{key} is missing")
    if document.get("kind") not in KINDS:
        report.add(f"document.kind {document.get('kind')!r} is not one of {sorted(KINDS)}")
    return _iso_date(document.get("published"), "document.published", report)


def _check_people(gold: dict[str, Any], report: Report) -> set[str] | None:
    """The names in `people`, or None when the gold leaves `people` out."""
    if "people" not in gold:
        return None
    names: set[str] = set()
    for i, person in enumerate(gold.get("people", [])):
        where = f"people[{i}]"
        if not isinstance(person, dict) or not person.get("name"):
            report.add(f"{where} has no name")
            continue
        if person["name"] in names:
            report.add(f"{where} repeats {person['name']!r}")
        names.add(person["name"])
        if "title" not in person or "country" not in person:
            report.add(f"{where} lacks title or country")
        _iso3(person.get("country"), f"{where}.country", report, nullable=True)
        if person.get("country") is None:
            body = person.get("body")
            if not body:
                report.add(f"{where} has country null but no body")
            elif "organizations" in gold and body not in gold["organizations"]:
                report.add(f"{where}.body {body!r} is not in organizations")
    return names


def _check_dates(gold: dict[str, Any], text: str, report: Report) -> None:
    warned_weekday = "weekday" in gold.get("warnings", [])
    found_mismatch = False
    for i, date in enumerate(gold.get("dates", [])):
        where = f"dates[{i}]"
        if not isinstance(date, dict):
            report.add(f"{where} is not an object")
            continue
        _substring(date.get("text"), text, f"{where}.text", report)
        precision = date.get("precision")
        if precision not in PRECISIONS:
            report.add(f"{where}.precision {precision!r} is not one of {sorted(PRECISIONS)}")
        start = _iso_date(date.get("start"), f"{where}.start", report)
        end = _iso_date(date.get("end"), f"{where}.end", report)
        if precision == "vague":
            if start is not None or end is not None:
                report.add(f"{where} is vague but has start/end")
            continue
        if start is None or end is None:
            report.add(f"{where} needs start and end unless vague")
            continue
        if start > end:
            report.add(f"{where} starts after it ends")
        problem = _precision_problem(str(precision), start, end)
        if problem:
            report.add(f"{where} ({date.get('text')!r}): {problem}")
        named = _weekdays_in(date)
        if precision == "day" and named and named[0] != start.weekday():
            found_mismatch = True
            if not warned_weekday:
                report.add(
                    f"{where} ({date.get('text')!r}) names a weekday other than "
                    f"{start:%A} {start} and warnings lacks 'weekday'"
                )
    if warned_weekday and not found_mismatch:
        report.add("warnings has 'weekday' but no day-precision date names a wrong weekday")


def _weekdays_in(date: dict[str, Any]) -> list[int]:
    words = re.findall(r"[a-z]+", str(date.get("text", "")).lower())
    return [WEEKDAYS[w] for w in words if w in WEEKDAYS]


def _precision_problem(precision: str, start: dt.date, end: dt.date) -> str | None:
    """Whether [start, end] has the shape its precision promises (a month is a whole month...)."""
    last = calendar.monthrange(end.year, end.month)[1]
    whole_months = start.day == 1 and end.day == last and start.year == end.year
    months = end.month - start.month + 1
    if precision == "day" and start != end:
        return "a day must start and end on the same date"
    if precision == "month" and not (whole_months and months == 1):
        return "a month must cover exactly one calendar month"
    if precision == "quarter" and not (whole_months and months == 3 and start.month % 3 == 1):
        return "a quarter must cover Jan-Mar, Apr-Jun, Jul-Sep or Oct-Dec"
    if precision == "half" and not (whole_months and months == 6 and start.month in (1, 7)):
        return "a half must cover Jan-Jun or Jul-Dec"
    if precision == "year" and not (whole_months and months == 12):
        return "a year must cover Jan 1 to Dec 31"
    return None


def _check_meetings(
    gold: dict[str, Any], text: str, people: set[str] | None, report: Report
) -> None:
    for i, meeting in enumerate(gold.get("meetings", [])):
        where = f"meetings[{i}]"
        if not isinstance(meeting, dict):
            report.add(f"{where} is not an object")
            continue
        for key in ("date", "location", "parties", "participants", "mechanism", "evidence_text"):
            if key not in meeting:
                report.add(f"{where}.{key} is missing")
        _iso_date(meeting.get("date"), f"{where}.date", report)
        location = meeting.get("location")
        if not isinstance(location, dict) or set(location) != {"city", "country"}:
            report.add(f"{where}.location must be an object with city and country")
        else:
            _iso3(location.get("country"), f"{where}.location.country", report, nullable=True)
        parties = _parties(meeting.get("parties"), f"{where}.parties", report)
        if len(parties) < 2:
            report.add(f"{where} has fewer than two parties")
        for j, participant in enumerate(meeting.get("participants") or []):
            pwhere = f"{where}.participants[{j}]"
            if not isinstance(participant, dict) or not participant.get("name"):
                report.add(f"{pwhere} has no name")
                continue
            if people is not None and participant["name"] not in people:
                report.add(f"{pwhere} {participant['name']!r} is not in people")
            _iso3(participant.get("country"), f"{pwhere}.country", report, nullable=True)
            if participant.get("country") and participant["country"] not in parties:
                report.add(f"{pwhere} country {participant['country']} is not among the parties")
        _substring(meeting.get("evidence_text"), text, f"{where}.evidence_text", report)


def _check_commitments(gold: dict[str, Any], text: str, report: Report) -> None:
    # Cross-checks only run against fields the gold fills: a left-out field is not scored.
    areas = set(gold["areas"]) if "areas" in gold else None
    organizations = set(gold["organizations"]) if "organizations" in gold else None
    dates = [d for d in gold["dates"] if isinstance(d, dict)] if "dates" in gold else None
    for i, commitment in enumerate(gold.get("commitments", [])):
        where = f"commitments[{i}]"
        if not isinstance(commitment, dict):
            report.add(f"{where} is not an object")
            continue
        for key in ("parties", "text", "modality", "deadline", "areas", "forums"):
            if key not in commitment:
                report.add(f"{where}.{key} is missing")
        _parties(commitment.get("parties"), f"{where}.parties", report)
        clause = commitment.get("text")
        _substring(clause, text, f"{where}.text", report)
        if commitment.get("modality") not in MODALITIES:
            report.add(f"{where}.modality {commitment.get('modality')!r} is not allowed")
        deadline = _iso_date(commitment.get("deadline"), f"{where}.deadline", report)
        if deadline is not None and dates is not None and isinstance(clause, str):
            # A deadline comes from the clause's own time expression.
            ends = {d.get("end") for d in dates if d.get("text") and d["text"] in clause}
            if deadline.isoformat() not in ends:
                report.add(f"{where}.deadline {deadline} is not the end of a date in its clause")
        for area in commitment.get("areas", []):
            if area not in AREA_IDS:
                report.add(f"{where}.areas has unknown id {area!r}")
            elif areas is not None and area not in areas:
                report.add(f"{where}.areas {area!r} is missing from the document's areas")
        for forum in commitment.get("forums", []):
            if organizations is not None and forum not in organizations:
                report.add(f"{where}.forums {forum!r} is not in organizations")
    for i, phrase in enumerate(gold.get("not_commitments", [])):
        _substring(phrase, text, f"not_commitments[{i}]", report)
        for commitment in gold.get("commitments", []):
            clause = commitment.get("text") if isinstance(commitment, dict) else None
            if isinstance(clause, str) and isinstance(phrase, str) and _overlaps(clause, phrase):
                report.add(f"not_commitments[{i}] overlaps the commitment {clause[:60]!r}")


def _overlaps(a: str, b: str) -> bool:
    """The scorer's rule: texts match when they share at least half of the shorter one."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    shared = matcher.find_longest_match(0, len(a), 0, len(b)).size
    return shared * 2 >= min(len(a), len(b))


def _check_lists(gold: dict[str, Any], text: str, report: Report) -> None:
    for key in LIST_KEYS:
        if key in gold and not isinstance(gold[key], list):
            report.add(f"{key} is not a list")
            gold[key] = []
    for area in gold.get("areas", []):
        if area not in AREA_IDS:
            report.add(f"areas has unknown id {area!r}")
    _unique(gold.get("areas", []), "areas", report)
    for org in gold.get("organizations", []):
        if not isinstance(org, str) or not ORG_ID.match(org):
            report.add(f"organizations entry {org!r} is not an upper-case id")
    _unique(gold.get("organizations", []), "organizations", report)
    for i, place in enumerate(gold.get("places", [])):
        if not isinstance(place, dict) or "city" not in place or "country" not in place:
            report.add(f"places[{i}] must have city and country")
            continue
        _iso3(place.get("country"), f"places[{i}].country", report, nullable=True)
    _unique([json.dumps(p, sort_keys=True) for p in gold.get("places", [])], "places", report)
    for i, agreement in enumerate(gold.get("agreements", [])):
        if not isinstance(agreement, dict) or not agreement.get("name") or "short" not in agreement:
            report.add(f"agreements[{i}] must have a name and a short (or null)")
    for i, citation in enumerate(gold.get("citations", [])):
        where = f"citations[{i}]"
        if not isinstance(citation, dict) or not MARKER.match(str(citation.get("marker"))):
            report.add(f"{where} has no [n] marker")
            continue
        if citation["marker"] not in text:
            report.add(f"{where} marker {citation['marker']} is not in the text")
        resolves = citation.get("resolves_to")
        if resolves is not None and not MARKER.match(str(resolves)):
            report.add(f"{where}.resolves_to {resolves!r} is not a [n] marker or null")
        _iso_date(citation.get("accessed"), f"{where}.accessed", report)
    for kind in gold.get("warnings", []):
        if kind not in WARNING_KINDS:
            report.add(f"warnings entry {kind!r} is not one of {sorted(WARNING_KINDS)}")


def _unique(values: Iterable[Any], key: str, report: Report) -> None:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            report.add(f"{key} repeats {value!r}")
        seen.add(value)


def check_pair(txt_path: Path, json_path: Path) -> list[str]:
    """Every problem found in one gold pair (an empty list when it is clean)."""
    report = Report(txt_path.stem)
    try:
        text = txt_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        report.add(f"cannot read the .txt as UTF-8: {e}")
        return report.problems
    try:
        gold = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        report.add(f"the .json does not parse: {e}")
        return report.problems
    if not isinstance(gold, dict):
        report.add("the .json is not an object")
        return report.problems
    _check_text(text, report)
    missing = [key for key in REQUIRED_KEYS if key not in gold]
    for key in missing:
        report.add(f"required key {key!r} is missing")
    if missing:
        return report.problems
    _check_lists(gold, text, report)
    _check_document(gold, report)
    people = _check_people(gold, report)
    _check_dates(gold, text, report)
    _check_meetings(gold, text, people, report)
    _check_commitments(gold, text, report)
    return report.problems


def check_folder(folder: Path) -> tuple[int, list[str]]:
    """(number of pairs checked, problems) for every SLUG.txt/SLUG.json in `folder`."""
    problems: list[str] = []
    texts = {p.stem: p for p in folder.glob("*.txt")}
    golds = {p.stem: p for p in folder.glob("*.json")}
    for slug in sorted(set(texts) ^ set(golds)):
        problems.append(f"{slug}: has a .txt or a .json but not both")
    pairs = sorted(set(texts) & set(golds))
    for slug in pairs:
        problems.extend(check_pair(texts[slug], golds[slug]))
    return len(pairs), problems


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [Path(__file__).resolve().parent]
    total = 0
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(f"{folder}: not a folder")
            continue
        count, found = check_folder(folder)
        total += count
        problems.extend(found)
    for problem in problems:
        print(problem)
    print(f"{total} pair(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
