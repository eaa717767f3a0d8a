"""The plain-text reader: decoded text, with optional YAML front matter as metadata."""

from __future__ import annotations

from accord.ingest.base import require_text
from accord.ingest.metadata import split_front_matter
from accord.records import RawDocument

__all__ = ["read_text"]


def read_text(text: str, *, source: str) -> RawDocument:
    """A .txt document; raises EmptyDocumentError when it holds no text."""
    metadata, body = split_front_matter(text, source=source)
    require_text(body, source=source)
    return RawDocument(text=body, source=source, format="txt", metadata=metadata)
