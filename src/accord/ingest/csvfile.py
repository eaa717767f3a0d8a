"""The CSV reader: one document per row, a `text` column plus optional metadata columns."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator

from accord.errors import CorruptFileError, EmptyDocumentError, InputError
from accord.ingest.base import EMPTY_FILE, ReadResult
from accord.ingest.metadata import metadata_from_mapping
from accord.records import RawDocument
from accord.text import normalize_text

__all__ = ["csv_rows", "read_csv"]

TEXT_COLUMN = "text"
_DELIMITERS = (",", "\t", ";", "|")

# The csv module refuses fields over 128 KB by default; an article can be longer. The size
# of a whole file is bounded by the caller's limit, so lift the module's own.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _delimiter(header: str) -> str:
    """The delimiter under which the header line has a `text` column (comma by default)."""
    for delimiter in _DELIMITERS:
        names = next(csv.reader([header], delimiter=delimiter), [])
        if any(name.strip().lower() == TEXT_COLUMN for name in names):
            return delimiter
    return ","


def csv_rows(lines: Iterable[str], *, source: str) -> Iterator[RawDocument | InputError]:
    """Each row's document, or the row's error; the file is read as it streams.

    The first row names the columns: `text` (any case) holds the document, and `title`,
    `url`, `published` (or `date`), `publisher`, `kind` its metadata; other columns are
    ignored. The delimiter is a comma, tab, semicolon or bar, whichever gives the header a
    `text` column. Document sources are "file:LINE", the line where the row starts.
    """
    iterator = iter(lines)
    first = next(iterator, None)
    if first is None:
        yield EmptyDocumentError(source, EMPTY_FILE)
        return
    first = first.lstrip("\ufeff")
    delimiter = _delimiter(first)

    def all_lines() -> Iterator[str]:
        yield first
        yield from iterator

    reader = csv.reader(all_lines(), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader)]
    if TEXT_COLUMN not in header:
        shown = ", ".join(repr(n) for n in header[:8]) or "none"
        yield CorruptFileError(
            source,
            f"CSV header has no 'text' column (columns: {shown}); name the text column 'text'",
        )
        return
    any_row = False
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield CorruptFileError(f"{source}:{line}", f"line {line} is not valid CSV: {e}")
            return
        where, start, line = f"{source}:{line}", line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        any_row = True
        if len(row) != len(header):
            yield CorruptFileError(
                where, f"line {start} has {len(row)} fields where the header has {len(header)}"
            )
            continue
        item = dict(zip(header, row, strict=True))
        body = item.pop(TEXT_COLUMN)
        if not normalize_text(body):
            yield EmptyDocumentError(where, f"line {start} has an empty 'text' column")
            continue
        # An empty cell is a missing value, not an empty title or a malformed date.
        fields = {k: v for k, v in item.items() if k and v.strip()}
        try:
            metadata = metadata_from_mapping(fields, source=where)
        except InputError as e:
            yield e
            continue
        yield RawDocument(text=body, source=where, format="csv", metadata=metadata)
    if not any_row:
        yield EmptyDocumentError(source, "CSV file has a header but no rows")


def read_csv(text: str, *, source: str) -> ReadResult:
    """Read a whole decoded CSV file: the documents of its rows and the rows' errors."""
    result = ReadResult()
    for found in csv_rows(io.StringIO(text, newline=""), source=source):
        if isinstance(found, RawDocument):
            result.documents.append(found)
        else:
            result.errors.append(found)
    return result
