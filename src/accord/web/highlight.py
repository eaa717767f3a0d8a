"""A document's text cut into segments, each carrying the facts whose evidence covers it,
so a page can highlight every fact by kind and link each one to its words."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

__all__ = ["FACT_KINDS", "Fact", "Segment", "facts_of", "segments"]

# Entity kinds first, then the sentence-level facts that contain them.
FACT_KINDS: tuple[str, ...] = (
    "person",
    "title",
    "country",
    "organization",
    "body",
    "place",
    "date",
    "agreement",
    "meeting",
    "commitment",
)


@dataclass(frozen=True, slots=True)
class Fact:
    """One highlighted fact: `id` is also its anchor (`ev-<id>`) on the page."""

    id: str
    kind: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...]  # the kinds of the facts covering it, in FACT_KINDS order
    facts: tuple[str, ...]  # their ids
    anchors: tuple[str, ...]  # ids of the facts that start here

    @property
    def classes(self) -> str:
        return " ".join(f"k-{k}" for k in self.kinds)


def facts_of(record: dict[str, Any], *, text_length: int) -> list[Fact]:
    """Every fact of a stored record that has a span inside the text."""
    facts: list[Fact] = []
    for i, e in enumerate(record.get("entities", [])):
        facts.append(
            Fact(f"entity-{i}", e["kind"], e["start"], e["end"], e.get("key") or e["text"])
        )
    for i, m in enumerate(record.get("meetings", [])):
        ev = m["evidence"]
        facts.append(Fact(f"meeting-{i}", "meeting", ev["start"], ev["end"], m.get("date") or ""))
    for i, c in enumerate(record.get("commitments", [])):
        ev = c["evidence"]
        facts.append(Fact(f"commitment-{i}", "commitment", ev["start"], ev["end"], c["modality"]))
    return [f for f in facts if f.kind in FACT_KINDS and 0 <= f.start < f.end <= text_length]


def segments(text: str, facts: list[Fact]) -> list[Segment]:
    """The text cut at every fact's start and end; overlapping facts share segments."""
    cuts = sorted({0, len(text), *(f.start for f in facts), *(f.end for f in facts)})
    starts: dict[int, list[str]] = {}
    for f in sorted(facts, key=lambda f: (f.start, -f.end)):
        starts.setdefault(f.start, []).append(f.id)
    order = {k: i for i, k in enumerate(FACT_KINDS)}
    out: list[Segment] = []
    # Facts sorted by start let each segment scan only the facts that can still cover it.
    by_start = sorted(facts, key=lambda f: f.start)
    open_facts: list[Fact] = []
    next_fact = 0
    for left, right in pairwise(cuts):
        while next_fact < len(by_start) and by_start[next_fact].start <= left:
            open_facts.append(by_start[next_fact])
            next_fact += 1
        open_facts = [f for f in open_facts if f.end > left]
        covering = [f for f in open_facts if f.end >= right]
        kinds = tuple(sorted({f.kind for f in covering}, key=order.__getitem__))
        out.append(
            Segment(
                text[left:right],
                kinds,
                tuple(f.id for f in covering),
                tuple(starts.get(left, ())),
            )
        )
    return out
