"""Read one file (or standard input) with the reader its format calls for, never raising."""

from __future__ import annotations

import errno
import io
import json
import logging
import os
import re
import stat
from pathlib import Path

from accord.errors import (
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    UnsupportedFormatError,
)
from accord.ingest.base import EMPTY_FILE, ReadResult
from accord.ingest.csvfile import read_csv
from accord.ingest.html import read_html
from accord.ingest.jsonl import read_jsonl
from accord.ingest.markdown import read_markdown
from accord.ingest.pdf import read_pdf
from accord.ingest.text import read_text
from accord.text import decode_bytes

__all__ = ["FORMATS", "format_for_path", "read_bytes", "read_file", "sniff_format"]

log = logging.getLogger("accord")

FORMATS = ("txt", "md", "html", "pdf", "jsonl", "csv", "gzip", "zip")
_SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".gz": "gzip",
    ".zip": "zip",
}
_FORMAT_ALIASES = {"text": "txt", "markdown": "md", "htm": "html", "ndjson": "jsonl", "gz": "gzip"}
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)  # fmt: skip
_PDF_MAGIC = b"%PDF-"
_ARCHIVE_MAGIC = {b"\x1f\x8b": "gzip", b"PK\x03\x04": "zip"}
_MB = 1024 * 1024


def format_for_path(path: Path) -> str | None:
    """The format a file name's ending calls for, or None to sniff the content."""
    return _SUFFIX_FORMATS.get(path.suffix.lower())


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < _MB:
        return f"{n / 1024:.1f} KB"
    return f"{n / _MB:.1f} MB"


def _limit(n: int) -> str:
    # "20 MB", not "20.0 MB": limits are round numbers the user typed.
    return _size(n).replace(".0 ", " ")


def _too_large(size: int, max_bytes: int, *, source: str) -> FileTooLargeError:
    return FileTooLargeError(
        source,
        f"file is {_size(size)}, over the {_limit(max_bytes)} limit; raise it with --max-size",
    )


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return False
    for line in lines:
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            return False
        if not isinstance(item, dict) or "text" not in item:
            return False
    return True


def sniff_format(text: str) -> str:
    """html, jsonl or txt for decoded content with no telling file name."""
    if _HTML_START.match(text.lstrip("\ufeff")):
        return "html"
    if text.lstrip("\ufeff").lstrip().startswith("{") and _looks_like_jsonl(text):
        return "jsonl"
    return "txt"


def _read_archive(data: bytes, *, source: str, format: str, max_bytes: int) -> ReadResult:
    # Imported here: the streaming reader builds on this module's readers.
    from accord.ingest.stream import iter_binary

    suffix = ".gz" if format == "gzip" else ".zip"
    name = source if source.lower().endswith(suffix) else source + suffix
    result = ReadResult()
    for found in iter_binary(io.BytesIO(data), name=name, source=source, max_bytes=max_bytes):
        if isinstance(found, InputError):
            result.errors.append(found)
        else:
            result.documents.append(found)
    return result


def _read(data: bytes, *, source: str, format: str | None, max_bytes: int) -> ReadResult:
    if format is None:
        format = next((f for magic, f in _ARCHIVE_MAGIC.items() if data.startswith(magic)), None)
    if format in ("gzip", "zip"):
        return _read_archive(data, source=source, format=format, max_bytes=max_bytes)
    if format == "pdf" or (format is None and data.lstrip()[:5] == _PDF_MAGIC):
        return ReadResult(documents=[read_pdf(data, source=source)])
    if format == "html":
        return ReadResult(documents=[read_html(data, source=source)])
    text = decode_bytes(data, source=source)
    if format is None:
        format = sniff_format(text)
        log.debug("%s: read as %s", source, format)
        if format == "html":
            return ReadResult(documents=[read_html(data, source=source)])
    if format == "jsonl":
        return read_jsonl(text, source=source)
    if format == "csv":
        return read_csv(text, source=source)
    if format == "md":
        return ReadResult(documents=[read_markdown(text, source=source)])
    return ReadResult(documents=[read_text(text, source=source)])


def read_bytes(
    data: bytes, *, source: str, format: str | None = None, max_bytes: int
) -> ReadResult:
    """Read content given as bytes (standard input is `source="<stdin>"`).

    `format` is txt, md, html, pdf, jsonl, csv, gzip or zip; None sniffs it (HTML by its
    doctype or <html>, JSONL when every non-empty line is a JSON object with "text", PDF,
    gzip and zip by their magic numbers, else text). A gzip file is read as the format its
    name has without ".gz" ("news.jsonl.gz"); a zip archive gives the documents of every
    member Accord can read, named "archive.zip!member". Problems with the whole input come back in
    `errors`, never raised.
    """
    if format is not None:
        format = _FORMAT_ALIASES.get(format.lower(), format.lower())
        if format not in FORMATS:
            problem = f"unknown format {format!r}; use one of {', '.join(FORMATS)}"
            return ReadResult(errors=[UnsupportedFormatError(source, problem)])
    if len(data) > max_bytes:
        return ReadResult(errors=[_too_large(len(data), max_bytes, source=source)])
    if not data.strip():
        return ReadResult(errors=[EmptyDocumentError(source, EMPTY_FILE)])
    try:
        return _read(data, source=source, format=format, max_bytes=max_bytes)
    except InputError as e:
        return ReadResult(errors=[e])


def _read_limited(path: Path, max_bytes: int) -> bytes:
    with path.open("rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory")
        # Read one byte past the limit: devices and growing files can lie about their size.
        return handle.read(max_bytes + 1)


def read_file(path: Path, *, max_bytes: int) -> ReadResult:
    """Read one file with the reader its name calls for (or sniffed); errors are returned."""
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return ReadResult(errors=[InputError(source, "no such file or folder")])
    except PermissionError:
        return ReadResult(errors=[InputError(source, "cannot read file: permission denied")])
    except OSError as e:
        return ReadResult(errors=[InputError(source, f"cannot read file: {e.strerror}")])
    if stat.S_ISDIR(info.st_mode):
        return ReadResult(errors=[InputError(source, "cannot read file: it is a folder")])
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        return ReadResult(errors=[_too_large(info.st_size, max_bytes, source=source)])
    try:
        data = _read_limited(path, max_bytes)
    except PermissionError:
        return ReadResult(errors=[InputError(source, "cannot read file: permission denied")])
    except IsADirectoryError:
        return ReadResult(errors=[InputError(source, "cannot read file: it is a folder")])
    except OSError as e:
        return ReadResult(errors=[InputError(source, f"cannot read file: {e.strerror or e}")])
    if len(data) > max_bytes:
        return ReadResult(errors=[_too_large(len(data), max_bytes, source=source)])
    return read_bytes(data, source=source, format=format_for_path(path), max_bytes=max_bytes)
