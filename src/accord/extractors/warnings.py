"""Warnings: places where a text contradicts itself in a way a reader would want to know.

Two checks, each a plain rule: a stated count followed by a list of a different length
("five key areas of cooperation: A, B, C, D, E, and F"), and a weekday that disagrees with
the date it names ("Tuesday, March 7, 2025" when that day was a Friday). Each warning's
text contains "count" or "weekday", the contract the scorer reads.
"""

from __future__ import annotations

import calendar
import re

from accord.records import Annotations

_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# "<number> [adjectives] <plural noun> [of ...]:" then a list up to the end of the sentence.
_COUNTED_LIST = re.compile(
    r"\b(?P<number>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
    r"\s+(?P<noun>(?:[a-z-]+\s+){0,3}?[a-z-]+s)\b[^:.;]{0,60}?:\s*(?P<items>[^.\n]+)",
    re.IGNORECASE,
)
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}


def _list_items(items: str) -> list[str]:
    """Split "A, B, and C" / "A, B and C" into items; a list needs a comma or an "and".
    Items that hold commas or "and" themselves are set apart by semicolons: "defence and
    security; food security; and energy transition"."""
    items = re.sub(r"\[\d+\]", "", items)
    segments = [s.strip() for s in items.split(";")]
    if len(segments) >= 3 or (len(segments) == 2 and segments[1].startswith("and ")):
        return [re.sub(r"^and\s+", "", s) for s in segments if s]
    # (a semicolon that ends the list: "three areas: A, B and C; the leaders also ...")
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+(?=[^,]*$)", segments[0])]
    return [p for p in parts if p]


def count_warnings(text: str) -> list[str]:
    found: list[str] = []
    for match in _COUNTED_LIST.finditer(text):
        raw = match.group("number").lower()
        stated = _NUMBERS.get(raw) or (int(raw) if raw.isdigit() else 0)
        items = _list_items(match.group("items"))
        if stated >= 2 and len(items) >= 2 and len(items) != stated:
            found.append(
                f"count: the text says {match.group('number')} {match.group('noun')} "
                f"but lists {len(items)}: {'; '.join(items)}"
            )
    return found


def weekday_warnings(annotations: Annotations) -> list[str]:
    found: list[str] = []
    for expression in annotations.times:
        if expression.precision != "day" or expression.start is None:
            continue
        words = re.findall(r"[A-Za-z]+", expression.text.lower())
        named = [_WEEKDAYS[w] for w in words if w in _WEEKDAYS]
        has_explicit_date = any(ch.isdigit() for ch in expression.text)
        if named and has_explicit_date and named[0] != expression.start.weekday():
            actual = calendar.day_name[expression.start.weekday()]
            found.append(
                f"weekday: {expression.text!r} names a {calendar.day_name[named[0]]}, "
                f"but {expression.start.isoformat()} was a {actual}"
            )
    return found


def find_warnings(text: str, *, annotations: Annotations) -> list[str]:
    """Every self-contradiction found, as a human-readable note."""
    return count_warnings(text) + weekday_warnings(annotations)
