"""Cutting a document's text into segments by the facts that cover them."""

from __future__ import annotations

import pytest

from accord.web.highlight import Fact, facts_of, segments

TEXT = "Seoul and Ottawa agreed to launch a dialogue by 2026."


def test_highlight_segments_rebuild_the_text_and_nest_facts() -> None:
    facts = [
        Fact("entity-0", "place", 0, 5, "Seoul"),
        Fact("entity-1", "place", 10, 16, "Ottawa"),
        Fact("entity-2", "date", 48, 52, "2026"),
        Fact("commitment-0", "commitment", 0, 53, "agreed"),
    ]
    parts = segments(TEXT, facts)
    assert "".join(p.text for p in parts) == TEXT
    first = parts[0]
    assert first.text == "Seoul"
    assert first.kinds == ("place", "commitment")
    assert set(first.anchors) == {"entity-0", "commitment-0"}
    year = next(p for p in parts if p.text == "2026")
    assert year.facts == ("commitment-0", "entity-2") or set(year.facts) == {
        "commitment-0",
        "entity-2",
    }
    assert year.classes == "k-date k-commitment"


@pytest.mark.parametrize(
    ("text", "facts", "expected"),
    [
        ("abc", [], [("abc", ())]),
        (
            "abcdef",
            [Fact("entity-0", "date", 2, 4, "")],
            [("ab", ()), ("cd", ("date",)), ("ef", ())],
        ),
        (
            "abcdef",
            [Fact("meeting-0", "meeting", 0, 4, ""), Fact("entity-0", "person", 2, 6, "")],
            [("ab", ("meeting",)), ("cd", ("person", "meeting")), ("ef", ("person",))],
        ),
    ],
)
def test_highlight_segments_table(text: str, facts: list[Fact], expected: list) -> None:  # type: ignore[type-arg]
    assert [(s.text, s.kinds) for s in segments(text, facts)] == expected


def test_highlight_facts_of_drops_spans_outside_the_text() -> None:
    record = {
        "entities": [
            {"kind": "country", "key": "KOR", "start": 0, "end": 5, "text": "Seoul"},
            {"kind": "country", "key": "CAN", "start": 50, "end": 90, "text": "far"},
        ],
        "meetings": [],
        "commitments": [
            {"modality": "agreed", "evidence": {"start": 0, "end": 53, "text": TEXT}},
        ],
    }
    facts = facts_of(record, text_length=len(TEXT))
    assert [f.id for f in facts] == ["entity-0", "commitment-0"]
