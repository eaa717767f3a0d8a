"""Tests for accord.ingest.jsonl: one document per line, broken lines reported, others kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from accord.errors import CorruptFileError, EmptyDocumentError
from accord.ingest import read_file
from accord.ingest.jsonl import read_jsonl

MAX = 1024 * 1024


def test_jsonl_reader_keeps_good_lines(data_dir: Path) -> None:
    path = data_dir / "batch.jsonl"
    result = read_file(path, max_bytes=MAX)
    assert [d.source for d in result.documents] == [f"{path}:{n}" for n in (1, 2, 5, 7)]
    assert all(d.format == "jsonl" for d in result.documents)
    first, second, third, _ = result.documents
    assert first.metadata.title == "Defence talks"
    assert first.metadata.published == dt.date(2025, 3, 7)  # "date" is an alias
    assert first.metadata.kind == "news"
    assert second.metadata.published == dt.date(2025, 3, 7)
    assert second.metadata.publisher == "Example Wire"
    assert third.metadata.url == "https://example.org/energy"
    assert [(e.source, type(e)) for e in result.errors] == [
        (f"{path}:3", CorruptFileError),
        (f"{path}:6", CorruptFileError),
    ]
    assert result.errors[0].problem == "line 3 has no 'text' field"
    assert result.errors[1].problem.startswith("line 6 is not valid JSON: ")


def test_jsonl_reader_line_problems() -> None:
    text = "\n".join(
        [
            '["not", "an", "object"]',
            '{"text": 42}',
            '{"text": "   "}',
            '{"text": "Fine.", "published": "someday"}',
            '{"text": "Also fine.\u2028With a line separator inside."}',
        ]
    )
    result = read_jsonl(text, source="b.jsonl")
    assert [d.source for d in result.documents] == ["b.jsonl:5"]
    assert "\u2028" in result.documents[0].text
    problems = [(e.source, e.problem) for e in result.errors]
    assert problems[0] == ("b.jsonl:1", "line 1 is not a JSON object with a 'text' field")
    assert problems[1] == ("b.jsonl:2", "line 2 has a 'text' that is not a string")
    assert problems[2] == ("b.jsonl:3", "line 3 has an empty 'text' field")
    assert problems[3][0] == "b.jsonl:4" and "someday" in problems[3][1]


def test_jsonl_reader_only_blank_lines_is_empty() -> None:
    result = read_jsonl("\n\n  \n", source="e.jsonl")
    assert result.documents == []
    [error] = result.errors
    assert isinstance(error, EmptyDocumentError)
    assert error.source == "e.jsonl"
