"""Tests for accord.ingest.text: plain-text files in every encoding, with front matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.ingest import prepare, read_file
from accord.records import DocumentMetadata

MAX = 1024 * 1024
BODY = "Korea’s vice minister met Canada’s “Indo-Pacific” envoy in Québec — briefly."


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (BODY.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + BODY.encode("utf-8"), "utf-8 BOM"),
        (b"\xff\xfe" + BODY.encode("utf-16-le"), "utf-16 LE BOM"),
        (b"\xfe\xff" + BODY.encode("utf-16-be"), "utf-16 BE BOM"),
        (BODY.encode("cp1252"), "cp1252"),
    ],
)
def test_text_reader_encodings(tmp_path: Path, encoded: bytes, label: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(encoded)
    result = read_file(path, max_bytes=MAX)
    assert result.errors == [], label
    [raw] = result.documents
    assert raw.text == BODY
    assert (raw.source, raw.format) == (str(path), "txt")


def test_text_reader_front_matter(data_dir: Path) -> None:
    result = read_file(data_dir / "readout.txt", max_bytes=MAX)
    [raw] = result.documents
    assert raw.metadata == DocumentMetadata(
        title="Vice ministers of Korea and Canada hold talks",
        url="https://example.org/readouts/kr-ca-2025",
        published=dt.date(2025, 3, 8),
        publisher="Example Ministry",
        kind="readout",
    )
    assert raw.text.startswith("Korea's Vice Minister")
    assert "---" not in raw.text


def test_text_reader_front_matter_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.text"
    path.write_bytes(b"---\r\ntitle: Windows file\r\n---\r\nLine one.\r\nLine two.\r\n")
    [raw] = read_file(path, max_bytes=MAX).documents
    assert raw.metadata.title == "Windows file"
    assert prepare(raw).text == "Line one.\nLine two."


def test_text_reader_bad_front_matter_date_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("---\npublished: not a date\n---\nText.\n", encoding="utf-8")
    result = read_file(path, max_bytes=MAX)
    assert result.documents == []
    [error] = result.errors
    assert error.source == str(path)
    assert "not a date" in error.problem
