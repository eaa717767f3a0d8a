"""Turn a RawDocument into a Document: normalized text, its id, merged metadata and its date."""

from __future__ import annotations

import re

from accord.errors import EmptyDocumentError, InputError
from accord.ingest.dateline import find_dateline
from accord.records import DOCUMENT_KINDS, Document, DocumentMetadata, RawDocument, document_id
from accord.text import normalize_text

__all__ = ["normalize_kind", "prepare"]

DEFAULT_KIND = "other"


def normalize_kind(kind: str | None, *, source: str) -> str:
    """A document kind as stored ("Joint Statement" -> "joint_statement"); InputError if unknown."""
    if kind is None or not kind.strip():
        return DEFAULT_KIND
    value = re.sub(r"[\s-]+", "_", kind.strip().lower())
    if value not in DOCUMENT_KINDS:
        raise InputError(
            source, f"unknown document kind {kind!r}; use one of: {', '.join(DOCUMENT_KINDS)}"
        )
    return value


def _tidy(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(normalize_text(value).split()) or None


def prepare(raw: RawDocument, *, overrides: DocumentMetadata | None = None) -> Document:
    """Normalize the text and settle the metadata; `overrides` (user flags) win over the file's.

    The date is the metadata's, else the dateline's at the top of the text, else None.
    Raises EmptyDocumentError when no text is left, InputError for an unknown kind.
    """
    text = normalize_text(raw.text)
    if not text:
        raise EmptyDocumentError(
            raw.source, "no text left after normalization (only whitespace or invisible characters)"
        )
    metadata = overrides.merged_over(raw.metadata) if overrides is not None else raw.metadata
    published = metadata.published if metadata.published is not None else find_dateline(text)
    return Document(
        id=document_id(text),
        text=text,
        source=raw.source,
        format=raw.format,
        title=_tidy(metadata.title),
        url=metadata.url.strip() or None if metadata.url else None,
        published=published,
        publisher=_tidy(metadata.publisher),
        kind=normalize_kind(metadata.kind, source=raw.source),
    )
