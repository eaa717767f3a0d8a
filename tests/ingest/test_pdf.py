"""Tests for accord.ingest.pdf: genuine text PDFs, encrypted, corrupt and text-less ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import CorruptFileError, EmptyDocumentError
from accord.ingest import read_file
from accord.ingest.pdf import read_pdf

from .pdfs import build_pdf, encrypt_pdf

MAX = 1024 * 1024


def test_pdf_reader_all_pages_and_title(tmp_path: Path) -> None:
    path = tmp_path / "readout.pdf"
    path.write_bytes(
        build_pdf(
            ["Seoul, 7 March 2025 - The ministers met.\nThey agreed (in principle).", "Page two."],
            title="Readout of the meeting",
        )
    )
    result = read_file(path, max_bytes=MAX)
    assert result.errors == []
    [raw] = result.documents
    assert raw.format == "pdf"
    assert raw.metadata.title == "Readout of the meeting"
    assert raw.text == (
        "Seoul, 7 March 2025 - The ministers met.\nThey agreed (in principle).\n\nPage two."
    )


def test_pdf_reader_without_title() -> None:
    assert read_pdf(build_pdf(["Text."]), source="a.pdf").metadata.title is None


def test_pdf_reader_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypt_pdf(build_pdf(["Secret text."]), user_password="s3cret"))
    [error] = read_file(path, max_bytes=MAX).errors
    assert isinstance(error, CorruptFileError)
    assert error.problem.startswith("PDF is encrypted; decrypt it first")
    assert error.source == str(path)


def test_pdf_reader_permissions_only_encryption_opens() -> None:
    # An empty user password only restricts printing or copying: the text is readable.
    data = encrypt_pdf(build_pdf(["Open text."]), user_password="", owner_password="owner")
    assert read_pdf(data, source="perm.pdf").text == "Open text."


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\nthis is not really a pdf",
        build_pdf(["Cut short."])[:120],
        b"%PDF-",
    ],
    ids=["garbage", "truncated", "magic-only"],
)
def test_pdf_reader_corrupt(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    [error] = read_file(path, max_bytes=MAX).errors
    assert isinstance(error, CorruptFileError)
    assert error.problem.startswith("not a readable PDF: ")


def test_pdf_reader_no_text_layer() -> None:
    with pytest.raises(EmptyDocumentError, match="PDF has no text layer"):
        read_pdf(build_pdf(["", ""]), source="scan.pdf")


def test_pdf_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(build_pdf(["Sniffed by its magic number."]))
    [raw] = read_file(path, max_bytes=MAX).documents
    assert (raw.format, raw.text) == ("pdf", "Sniffed by its magic number.")
