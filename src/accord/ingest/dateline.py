"""Find a document's own date in its dateline ("SEOUL, May 17, 2023 /CNW/ --") near the top.

The heuristic follows press-release and wire-copy conventions: a dateline is a date at
the very start of one of the first lines, optionally after a place ("OTTAWA, ON,"), a
weekday or a label ("Published:"), and followed by a separator (a dash, a slash, a
parenthesis, a bar) or the end of the line. A date inside a sentence is never a dateline.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DATE_EXPRESSION", "date_from_match", "find_dateline"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Longest names first so "March" is not read as "Mar" + "ch".
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"

# One date, in any of the forms datelines and metadata use. Named groups differ per form
# because Python's re does not allow a name twice.
DATE_EXPRESSION = re.compile(
    rf"""
    (?P<iso>(?P<iy>\d{{4}})[-/](?P<im>\d{{1,2}})[-/](?P<id>\d{{1,2}}))(?!\d)
    | (?P<mdy>(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}}){_ORD},?\s+(?P<y1>\d{{4}}))(?!\d)
    | (?P<dmy>(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m2>{_MONTH})\.?,?\s+(?P<y2>\d{{4}}))(?!\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)


def date_from_match(match: re.Match[str]) -> dt.date | None:
    """The calendar date a DATE_EXPRESSION match names, or None if there is no such day."""
    if match.group("iso"):
        year, month, day = match.group("iy"), match.group("im"), match.group("id")
        parts = (int(year), int(month), int(day))
    elif match.group("mdy"):
        m, d, y = match.group("m1"), match.group("d1"), match.group("y1")
        parts = (int(y), MONTHS[m.lower()], int(d))
    else:
        d, m, y = match.group("d2"), match.group("m2"), match.group("y2")
        parts = (int(y), MONTHS[m.lower()], int(d))
    try:
        return dt.date(*parts)
    except ValueError:
        return None


# A place or weekday before the date: up to three comma-ended chunks of capitalized words
# ("OTTAWA, ON," / "Rio de Janeiro, Brazil," / "Friday,"). Lower-case words other than
# name particles break the chunk, which is what keeps sentences out.
_CAP_WORD = r"[A-Z][\w.'’&-]*"
_PARTICLE = r"(?:de|da|do|del|der|di|du|la|le|el|of|am|upon|on|sur)"
_CHUNK = rf"{_CAP_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_CAP_WORD}){{0,4}}"
_PLACE_PREFIX = rf"(?:{_CHUNK},\s*){{1,3}}"
_LABEL = (
    r"(?:date|dated|published(?:\s+on)?|publication\s+date|posted(?:\s+on)?|released"
    r"(?:\s+on)?|release\s+date|issued(?:\s+on)?)\s*[:\-–—]?\s*"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
# What may follow a dateline's date: the end of the line, or a separator.
_AFTER = r"(?=\s*(?:$|[-–—/|(:•·]))"

_AFTER_RE = re.compile(_AFTER, re.MULTILINE)
_LABEL_RE = re.compile(rf"^\s*{_LABEL}", re.IGNORECASE)
_PLACE_RE = re.compile(rf"^\s*{_PLACE_PREFIX}{_WEEKDAY}?")  # case-sensitive: capitals matter
_WEEKDAY_RE = re.compile(rf"^\s*{_WEEKDAY}", re.IGNORECASE)

TOP_CHARS = 400
TOP_LINES = 3


def _top_lines(text: str) -> list[str]:
    """The first three non-empty lines, and any further line starting in the first 400 chars."""
    lines: list[str] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            if len(lines) >= TOP_LINES and offset >= TOP_CHARS:
                break
            lines.append(line)
        offset += len(line) + 1
    return lines


def _dateline_in(line: str) -> dt.date | None:
    # Try each allowed prefix; the date must start right where the prefix ends.
    starts = {0}
    for prefix in (_LABEL_RE, _PLACE_RE, _WEEKDAY_RE):
        m = prefix.match(line)
        if m:
            starts.add(m.end())
            after = _WEEKDAY_RE.match(line, m.end())
            if after:
                starts.add(after.end())
    for start in sorted(starts):
        while start < len(line) and line[start].isspace():
            start += 1
        match = DATE_EXPRESSION.match(line, start)
        if not match:
            continue
        labelled = bool(_LABEL_RE.match(line)) and start > 0
        if labelled or _AFTER_RE.match(line, match.end()):
            found = date_from_match(match)
            if found is not None:
                return found
    return None


def find_dateline(text: str) -> dt.date | None:
    """The date of the dateline near the top of `text`, or None when there is none.

    Looks at the first three non-empty lines (and any other line starting within the first
    400 characters). A date counts only at the start of a line, after at most a place, a
    weekday or a "Published:"-style label, and before a separator or the end of the line;
    "...met in Ottawa on Friday, March 7, 2025." is not a dateline.
    """
    for line in _top_lines(text):
        found = _dateline_in(line)
        if found is not None:
            return found
    return None
