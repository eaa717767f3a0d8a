"""The JSON Lines reader: one document per line, `text` plus optional metadata fields."""

from __future__ import annotations

import json

from accord.errors import CorruptFileError, EmptyDocumentError, InputError
from accord.ingest.base import EMPTY_FILE, ReadResult
from accord.ingest.metadata import metadata_from_mapping
from accord.records import RawDocument
from accord.text import normalize_text

__all__ = ["jsonl_line", "read_jsonl"]


def jsonl_line(line: str, *, number: int, source: str) -> RawDocument | InputError | None:
    """The document on line `number` of a JSON Lines file, its error, or None for a blank line.

    Shared by `read_jsonl` and the streaming reader of bulk ingestion (`accord.ingest.stream`).
    """
    line = line.rstrip("\r")
    if not line.strip():
        return None
    where = f"{source}:{number}"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as e:
        return CorruptFileError(
            where, f"line {number} is not valid JSON: {e.msg} (column {e.colno})"
        )
    if not isinstance(item, dict):
        return CorruptFileError(where, f"line {number} is not a JSON object with a 'text' field")
    body = item.get("text")
    if not isinstance(body, str):
        problem = "has no 'text' field" if body is None else "has a 'text' that is not a string"
        return CorruptFileError(where, f"line {number} {problem}")
    if not normalize_text(body):
        return EmptyDocumentError(where, f"line {number} has an empty 'text' field")
    try:
        metadata = metadata_from_mapping(item, source=where)
    except InputError as e:
        return e
    return RawDocument(text=body, source=where, format="jsonl", metadata=metadata)


def read_jsonl(text: str, *, source: str) -> ReadResult:
    """Each line `{"text": ..., "title"/"url"/"published" (or "date")/"publisher"/"kind": ...}`.

    A broken line becomes an error with source "file:LINE" and the other lines are still
    read; document N's source is "file:N" (N is the line number, from 1).
    """
    documents: list[RawDocument] = []
    errors: list[InputError] = []
    # Split on \n only: JSON strings may hold U+2028 and other breaks str.splitlines() cuts at.
    for number, raw_line in enumerate(text.lstrip("\ufeff").split("\n"), start=1):
        found = jsonl_line(raw_line, number=number, source=source)
        if isinstance(found, RawDocument):
            documents.append(found)
        elif found is not None:
            errors.append(found)
    if not documents and not errors:
        errors.append(EmptyDocumentError(source, EMPTY_FILE))
    return ReadResult(documents=documents, errors=errors)
