"""What every reader shares: the ReadResult it returns and the "is there any text" check."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.errors import EmptyDocumentError, InputError
from accord.records import RawDocument
from accord.text import normalize_text

__all__ = ["EMPTY_FILE", "ReadResult", "require_text"]

EMPTY_FILE = "empty file: no text to read"


@dataclass(frozen=True)
class ReadResult:
    """The documents read from one file (JSONL gives several) and what could not be read."""

    documents: list[RawDocument] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def require_text(text: str, *, source: str, problem: str = EMPTY_FILE) -> None:
    """Raise EmptyDocumentError when nothing but whitespace or invisible characters remains."""
    if not normalize_text(text):
        raise EmptyDocumentError(source, problem)
