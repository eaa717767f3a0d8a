"""Tests for accord.ingest.prepare: normalized text, id, merged metadata, date, kind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.errors import EmptyDocumentError, InputError
from accord.ingest import prepare, read_file
from accord.records import DocumentMetadata, RawDocument, document_id

SEED = Path("/work/shared/seeds/000_acd455b7afb1acb5.txt")


def _raw(text: str, **metadata: object) -> RawDocument:
    return RawDocument(
        text=text,
        source="doc.txt",
        format="txt",
        metadata=DocumentMetadata(**metadata),  # type: ignore[arg-type]
    )


def test_prepare_normalizes_and_hashes() -> None:
    doc = prepare(_raw("  Sеoul\u00a0talks \r\n\r\n\r\nended.  "))
    assert doc.text == "Seoul talks\n\nended."
    assert doc.id == document_id("Seoul talks\n\nended.")
    assert (doc.source, doc.format, doc.kind, doc.published) == ("doc.txt", "txt", "other", None)


def test_prepare_same_text_same_id_whatever_the_bytes() -> None:
    a = prepare(_raw("Ministers met.\r\n"))
    b = prepare(_raw("Ministers\u00a0met.\n\n"))
    assert a.id == b.id


def test_prepare_overrides_win() -> None:
    raw = _raw("Text.", title="File title", kind="news", publisher="File publisher")
    overrides = DocumentMetadata(title="User title", published=dt.date(2025, 1, 2))
    doc = prepare(raw, overrides=overrides)
    assert (doc.title, doc.kind, doc.publisher, doc.published) == (
        "User title", "news", "File publisher", dt.date(2025, 1, 2),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("SEOUL, May 17, 2023 /CNW/ -- Talks.", None, dt.date(2023, 5, 17)),
        ("SEOUL, May 17, 2023 /CNW/ -- Talks.", dt.date(2023, 5, 18), dt.date(2023, 5, 18)),
        ("Officials met on May 17, 2023.", None, None),
    ],
)
def test_prepare_published(text: str, published: dt.date | None, expected: dt.date | None) -> None:
    assert prepare(_raw(text, published=published)).published == expected


def test_prepare_seed_article() -> None:
    raw = RawDocument(text=SEED.read_text(encoding="utf-8"), source=str(SEED), format="txt")
    doc = prepare(raw)
    assert doc.published is None
    assert doc.text.startswith("According to a statement from South Korea’s Ministry")
    assert "“S. Korea, Canada bolster strategic partnership”" in doc.text  # quotes kept


@pytest.mark.parametrize(
    ("kind", "expected"),
    [(None, "other"), ("readout", "readout"), ("Joint Statement", "joint_statement"),
     ("joint-statement", "joint_statement"), ("NEWS", "news"), ("", "other")],
)  # fmt: skip
def test_prepare_kind(kind: str | None, expected: str) -> None:
    assert prepare(_raw("Text.", kind=kind)).kind == expected


def test_prepare_bad_kind_names_source_and_choices() -> None:
    with pytest.raises(InputError) as caught:
        prepare(_raw("Text.", kind="press release"))
    assert caught.value.source == "doc.txt"
    assert "readout, joint_statement, news, analysis, other" in caught.value.problem


def test_prepare_empty_after_normalization() -> None:
    with pytest.raises(EmptyDocumentError):
        prepare(_raw(" \u200b\u00a0\n\n\t"))


def test_prepare_front_matter_file(data_dir: Path) -> None:
    [raw] = read_file(data_dir / "readout.txt", max_bytes=10_000).documents
    doc = prepare(raw)
    assert doc.to_dict() == {
        "id": document_id(doc.text),
        "title": "Vice ministers of Korea and Canada hold talks",
        "url": "https://example.org/readouts/kr-ca-2025",
        "publisher": "Example Ministry",
        "published": "2025-03-08",
        "kind": "readout",
    }
