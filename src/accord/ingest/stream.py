"""Streaming reads for bulk ingestion: one document at a time from files of any size.

JSON Lines and CSV files (plain, gzip-compressed, or inside a zip archive) are read line by
line, so a file of any size costs the memory of one document; the size limit then applies
to each document (a line, a row, an archive member), not to the whole file. Other formats
are read whole, within the limit, by the readers of `accord.ingest.read`.
"""

from __future__ import annotations

import gzip
import io
import logging
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO, cast

from accord.errors import (
    CorruptFileError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    UnsupportedFormatError,
)
from accord.ingest.base import EMPTY_FILE
from accord.ingest.csvfile import csv_rows
from accord.ingest.jsonl import jsonl_line
from accord.ingest.read import format_for_path, read_bytes, read_file
from accord.records import RawDocument
from accord.text import decode_bytes

__all__ = ["ARCHIVE_SUFFIXES", "iter_binary", "iter_documents"]

log = logging.getLogger("accord")

ARCHIVE_SUFFIXES = (".gz", ".zip")
_STREAMED = ("jsonl", "csv")
_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"

Found = RawDocument | InputError


def _jsonl_lines(handle: IO[bytes], *, source: str, max_bytes: int) -> Iterator[Found]:
    any_line = False
    for number, raw in enumerate(handle, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if len(raw) > max_bytes:
            yield FileTooLargeError(
                f"{source}:{number}", f"line {number} is over the {max_bytes} byte limit"
            )
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line = decode_bytes(raw, source=f"{source}:{number}")
            except InputError as e:
                yield e
                continue
        found = jsonl_line(line.rstrip("\n"), number=number, source=source)
        if found is not None:
            any_line = True
            yield found
    if not any_line:
        yield EmptyDocumentError(source, EMPTY_FILE)


def _csv_rows(handle: IO[bytes], *, source: str) -> Iterator[Found]:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    try:
        yield from csv_rows(text, source=source)
    except UnicodeDecodeError as e:
        yield UnsupportedFormatError(
            source, f"CSV file is not valid UTF-8 ({e.reason}); re-save it as UTF-8"
        )
    finally:
        # The caller owns (and closes) the binary handle: the wrapper must not close it.
        text.detach()


def _gzip(handle: IO[bytes], *, name: str, source: str, max_bytes: int) -> Iterator[Found]:
    inner = name[: -len(".gz")] if name.lower().endswith(".gz") else name
    try:
        with gzip.GzipFile(fileobj=handle, mode="rb") as unpacked:
            stream = cast(IO[bytes], unpacked)  # a GzipFile is a binary stream
            yield from iter_binary(stream, name=inner, source=source, max_bytes=max_bytes)
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        yield CorruptFileError(source, f"not a readable gzip file ({e or 'truncated'})")


def _zip(handle: IO[bytes], *, source: str, max_bytes: int) -> Iterator[Found]:
    try:
        archive = zipfile.ZipFile(handle)
    except zipfile.BadZipFile as e:
        yield CorruptFileError(source, f"not a readable zip archive ({e})")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        readable = [
            m
            for m in members
            if not PurePosixPath(m.filename).name.startswith(".")
            and _member_format(m.filename) is not None
        ]
        if not readable:
            yield UnsupportedFormatError(source, "zip archive holds no file Accord can read")
            return
        for member in readable:
            where = f"{source}!{member.filename}"
            try:
                with archive.open(member) as opened:
                    yield from iter_binary(
                        opened, name=member.filename, source=where, max_bytes=max_bytes
                    )
            except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError) as e:
                # RuntimeError: an encrypted member.
                yield CorruptFileError(where, f"cannot read archive member: {e}")


def _member_format(name: str) -> str | None:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        return "gzip"
    return format_for_path(Path(name))


def iter_binary(handle: IO[bytes], *, name: str, source: str, max_bytes: int) -> Iterator[Found]:
    """The documents (and errors) of one open binary stream whose file name is `name`."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        yield from _gzip(handle, name=name, source=source, max_bytes=max_bytes)
        return
    if lowered.endswith(".zip"):
        if not handle.seekable():
            # A zip's directory is at its end: a member or a pipe must be held whole.
            data = handle.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield FileTooLargeError(source, f"zip archive is over the {max_bytes} byte limit")
                return
            handle = io.BytesIO(data)
        yield from _zip(handle, source=source, max_bytes=max_bytes)
        return
    format = format_for_path(Path(name))
    if format == "jsonl":
        yield from _jsonl_lines(handle, source=source, max_bytes=max_bytes)
        return
    if format == "csv":
        yield from _csv_rows(handle, source=source)
        return
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield FileTooLargeError(source, f"file is over the {max_bytes} byte limit")
        return
    if format is None and data[:2] == _GZIP_MAGIC:
        yield from _gzip(io.BytesIO(data), name=name, source=source, max_bytes=max_bytes)
        return
    if format is None and data[:4] == _ZIP_MAGIC:
        yield from _zip(io.BytesIO(data), source=source, max_bytes=max_bytes)
        return
    result = read_bytes(data, source=source, format=format, max_bytes=max_bytes)
    yield from result.documents
    yield from result.errors


def iter_documents(path: Path, *, max_bytes: int) -> Iterator[Found]:
    """The documents of one file as they are read, and its errors, never raising for input.

    JSON Lines, CSV, gzip and zip files are streamed (the limit is per document); any other
    file is read whole by `read_file`, within the limit.
    """
    lowered = path.name.lower()
    if not lowered.endswith(ARCHIVE_SUFFIXES) and format_for_path(path) not in _STREAMED:
        result = read_file(path, max_bytes=max_bytes)
        yield from result.documents
        yield from result.errors
        return
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield InputError(str(path), "no such file or folder")
        return
    except IsADirectoryError:
        yield InputError(str(path), "cannot read file: it is a folder")
        return
    except OSError as e:
        yield InputError(str(path), f"cannot read file: {e.strerror or e}")
        return
    with handle:
        try:
            yield from iter_binary(handle, name=path.name, source=str(path), max_bytes=max_bytes)
        except OSError as e:
            yield InputError(str(path), f"cannot read file: {e.strerror or e}")
