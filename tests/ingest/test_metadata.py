"""Tests for accord.ingest.metadata: dates in metadata and YAML front matter."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.errors import InputError
from accord.ingest import parse_date
from accord.ingest.metadata import metadata_from_mapping, split_front_matter
from accord.records import DocumentMetadata


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-08", dt.date(2025, 3, 8)),
        ("  2025-03-08  ", dt.date(2025, 3, 8)),
        ("2025-03-08T10:30:00", dt.date(2025, 3, 8)),
        ("2025-03-08T23:30:00-05:00", dt.date(2025, 3, 8)),  # the date as written
        ("2025-03-08T01:00:00Z", dt.date(2025, 3, 8)),
        ("2025-03-08 10:30", dt.date(2025, 3, 8)),
        ("March 7, 2025", dt.date(2025, 3, 7)),
        ("Mar. 7, 2025", dt.date(2025, 3, 7)),
        ("7 March 2025", dt.date(2025, 3, 7)),
        ("7th March 2025", dt.date(2025, 3, 7)),
        ("Friday, March 7, 2025", dt.date(2025, 3, 7)),
        ("20250307", dt.date(2025, 3, 7)),
        ("Fri, 07 Mar 2025 09:00:00 +0900", dt.date(2025, 3, 7)),
    ],
)
def test_metadata_parse_date(value: str, expected: dt.date) -> None:
    assert parse_date(value, source="doc.txt") == expected


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01", "March 40, 2025", "", "08.03.2025"])
def test_metadata_parse_date_rejects(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(value, source="doc.txt")
    assert caught.value.source == "doc.txt"
    assert "YYYY-MM-DD" in str(caught.value)


def test_metadata_from_mapping_date_alias_and_types() -> None:
    meta = metadata_from_mapping(
        {"text": "x", "date": "2025-03-07", "title": "  A   title ", "kind": "news", "extra": 1},
        source="f.jsonl:2",
    )
    assert meta == DocumentMetadata(title="A title", published=dt.date(2025, 3, 7), kind="news")


def test_metadata_from_mapping_rejects_a_list_title() -> None:
    with pytest.raises(InputError, match="'title' should be text"):
        metadata_from_mapping({"title": ["a", "b"]}, source="f.jsonl:1")


def test_metadata_front_matter_split() -> None:
    text = "---\ntitle: Talks\npublished: 2025-03-08\nurl: https://example.org/a\n---\nBody text.\n"
    meta, body = split_front_matter(text, source="a.txt")
    assert meta == DocumentMetadata(
        title="Talks", published=dt.date(2025, 3, 8), url="https://example.org/a"
    )
    assert body == "Body text.\n"


@pytest.mark.parametrize(
    "text",
    [
        "No front matter here.\n---\ntitle: x\n---\n",
        "---\nJust a line between rules\n---\nText.",  # a Markdown rule, not YAML mapping
        "---\nNote: capitalized keys are prose\n---\nText.",
        "---\ntitle: never closed\nText.",
        "---\n[unbalanced: yaml\n---\nText.",
    ],
)
def test_metadata_front_matter_left_alone(text: str) -> None:
    meta, body = split_front_matter(text, source="a.md")
    assert meta == DocumentMetadata()
    assert body == text


def test_metadata_front_matter_bad_date_names_source() -> None:
    with pytest.raises(InputError) as caught:
        split_front_matter("---\npublished: someday\n---\nText.", source="notes/a.txt")
    assert caught.value.source == "notes/a.txt"
    assert "someday" in caught.value.problem
