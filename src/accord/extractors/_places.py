"""Datelines: where a story was filed, and where its opening dateline ends."""

from __future__ import annotations

import re

from accord.extractors.entities import DATELINE_LINES
from accord.records import Annotations, Place

__all__ = ["dateline_end", "dateline_place"]

# "SAN FRANCISCO, Nov. 16, 2023 —": a dateline's date is when the story was filed, not
# when the meeting it reports took place.
_DATELINE_END = re.compile(r"^[^\n]{0,120}?\s[—–-]{1,2}\s")


def _line_dateline_end(text: str) -> int:
    match = _DATELINE_END.match(text)
    return match.end() if match and match.group(0)[:1].isupper() else 0


def dateline_place(text: str, annotations: Annotations) -> Place | None:
    """The place of the dateline, when the document has one in its first lines: "OSLO —",
    or a line of a place and a date alone ("Washington, D.C., April 11, 2024")."""
    end = dateline_end(text)
    if end:
        return next((p for p in annotations.places if p.evidence.start < end), None)
    offset = 0
    for line in text.split("\n")[:DATELINE_LINES]:
        line_end = offset + len(line)
        place = next((p for p in annotations.places if offset <= p.evidence.start < line_end), None)
        if place is not None and place.country:
            rest = text[offset : place.evidence.start] + text[place.evidence.end : line_end]
            dated = [
                t
                for t in annotations.times
                if offset <= t.evidence.start and t.evidence.end <= line_end
            ]
            for t in dated:
                rest = rest.replace(t.evidence.text, "")
            if dated and not rest.strip(" ,.;:—–-()"):
                return place
        offset = line_end + 1
    return None


def dateline_end(text: str) -> int:
    """Where a dateline ("OSLO —", "DUBAI, March 10 (Wire) -") in the first lines ends, or 0."""
    offset = 0
    for line in text.split("\n")[:DATELINE_LINES]:
        end = _line_dateline_end(line)
        if end:
            return offset + end
        offset += len(line) + 1
    return 0
