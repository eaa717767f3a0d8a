"""Tests for accord.ingest.read: format choice, sniffing, and every whole-file problem."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from accord.errors import (
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    UnsupportedFormatError,
)
from accord.ingest import ReadResult, read_bytes, read_file

from .pdfs import build_pdf

MAX = 1024 * 1024
HINT = "Accord reads .txt, .md, .html, .pdf and .jsonl"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("inside.txt", "A document inside an archive.")
    return out.getvalue()


def _one_error(result: ReadResult) -> InputError:
    assert result.documents == []
    [error] = result.errors
    return error


@pytest.mark.parametrize(
    ("name", "content", "expected_format"),
    [
        ("a.txt", b"Plain text.", "txt"),
        ("a.TEXT", b"Plain text.", "txt"),
        ("a.md", b"# Title\n\nText.", "md"),
        ("a.markdown", b"Text.", "md"),
        ("a.htm", b"<p>Some text in a page.</p>", "html"),
        ("a.HTML", b"<html><body><p>Text.</p></body></html>", "html"),
        ("a.ndjson", b'{"text": "One."}', "jsonl"),
        ("a.jsonl", b'{"text": "One."}', "jsonl"),
        # Unknown endings are sniffed.
        ("page.php", b"  <!DOCTYPE html><html><body><p>Sniffed page.</p></body></html>", "html"),
        ("feed.json", b'{"text": "One."}\n\n{"text": "Two."}\n', "jsonl"),
        ("notes.log", b"Just some notes.", "txt"),
        ("half.json", b'{"text": "One."}\nnot json\n', "txt"),
        ("README", b"# Not markdown by sniffing", "txt"),
    ],
)
def test_read_format_by_extension_or_sniffing(
    tmp_path: Path, name: str, content: bytes, expected_format: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = read_file(path, max_bytes=MAX)
    assert result.errors == []
    assert {d.format for d in result.documents} == {expected_format}


def test_read_bytes_stdin_sniffs_and_names_source() -> None:
    result = read_bytes(b'{"text": "From a pipe."}\n', source="<stdin>", max_bytes=MAX)
    [raw] = result.documents
    assert (raw.source, raw.format, raw.text) == ("<stdin>:1", "jsonl", "From a pipe.")
    [pdf] = read_bytes(build_pdf(["Piped PDF."]), source="<stdin>", max_bytes=MAX).documents
    assert pdf.format == "pdf"


def test_read_bytes_format_given() -> None:
    [raw] = read_bytes(b"# Heading\n\nBody", source="-", format="markdown", max_bytes=MAX).documents
    assert (raw.format, raw.metadata.title) == ("md", "Heading")


def test_read_bytes_unknown_format() -> None:
    error = _one_error(read_bytes(b"x", source="-", format="docx", max_bytes=MAX))
    assert isinstance(error, UnsupportedFormatError)
    assert "unknown format 'docx'" in error.problem


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.txt", b""), ("blank.txt", b"  \n\t\r\n  "), ("blank.md", b"\n\n"),
     ("bom.txt", b"\xef\xbb\xbf \n"), ("empty.html", b""), ("empty.jsonl", b"\n"),
     ("empty.pdf", b""), ("invisible.txt", "\u200b\u00a0\n".encode())],
)  # fmt: skip
def test_read_empty_or_whitespace_only(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    error = _one_error(read_file(path, max_bytes=MAX))
    assert isinstance(error, EmptyDocumentError)
    assert error.problem == "empty file: no text to read"
    assert error.source == str(path)


@pytest.mark.parametrize(
    ("name", "content", "looks_like"),
    [
        ("photo.png", PNG, "a PNG image"),
        ("photo.txt", PNG, "a PNG image"),  # a misleading name changes nothing
        ("archive.md", _zip(), "a ZIP archive"),
        ("data.bin", bytes(range(256)) * 4, "NUL bytes"),
        ("pdf-named.txt", build_pdf(["x"]), "a PDF document"),
    ],
)
def test_read_binary_files(tmp_path: Path, name: str, content: bytes, looks_like: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    error = _one_error(read_file(path, max_bytes=MAX))
    assert isinstance(error, UnsupportedFormatError)
    assert error.problem.startswith("binary file (looks like ")
    assert looks_like in error.problem and error.problem.endswith(HINT)


def test_read_png_message_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    path.write_bytes(PNG)
    error = _one_error(read_file(path, max_bytes=MAX))
    assert str(error) == f"{path}: binary file (looks like a PNG image); {HINT}"


def test_read_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * int(25.3 * 1024 * 1024))
    error = _one_error(read_file(path, max_bytes=20 * 1024 * 1024))
    assert isinstance(error, FileTooLargeError)
    assert error.problem == "file is 25.3 MB, over the 20 MB limit; raise it with --max-size"


@pytest.mark.parametrize(
    ("size", "limit", "message"),
    [
        (2000, 1000, "file is 2.0 KB, over the 1000 bytes limit; raise it with --max-size"),
        (101, 100, "file is 101 bytes, over the 100 bytes limit; raise it with --max-size"),
    ],
)
def test_read_bytes_over_the_limit(size: int, limit: int, message: str) -> None:
    error = _one_error(read_bytes(b"x" * size, source="<stdin>", max_bytes=limit))
    assert isinstance(error, FileTooLargeError)
    assert error.problem == message


def test_read_file_exactly_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"x" * 100)
    assert read_file(path, max_bytes=100).errors == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_read_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden.", encoding="utf-8")
    path.chmod(0)
    try:
        error = _one_error(read_file(path, max_bytes=MAX))
    finally:
        path.chmod(0o644)
    assert error.problem == "cannot read file: permission denied"


def test_read_folder_passed_as_file(tmp_path: Path) -> None:
    error = _one_error(read_file(tmp_path, max_bytes=MAX))
    assert error.problem == "cannot read file: it is a folder"
    assert error.source == str(tmp_path)


def test_read_link_loop_passed_as_file(tmp_path: Path) -> None:
    # Fails for real even as root: the kernel refuses to follow the link.
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    error = _one_error(read_file(tmp_path / "a.txt", max_bytes=MAX))
    assert error.problem.startswith("cannot read file: ")


def test_read_missing_file(tmp_path: Path) -> None:
    error = _one_error(read_file(tmp_path / "nope.txt", max_bytes=MAX))
    assert error.problem == "no such file or folder"


def test_read_device_is_bounded_by_the_limit() -> None:
    # /dev/zero reports size 0 and never ends: the read must stop at the limit.
    error = _one_error(read_file(Path("/dev/zero"), max_bytes=1000))
    assert isinstance(error, FileTooLargeError)
