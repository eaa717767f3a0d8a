"""The flow from files to the store: discover, read, normalize, extract, store, one at a time."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from accord.errors import AccordError, InputError
from accord.extractors import extract
from accord.ingest import ReadResult, discover, prepare, read_bytes, read_file
from accord.records import Document, DocumentMetadata, DocumentRecord, RawDocument
from accord.store import Store
from accord.store.queries import AddOutcome, add_record
from accord.tracking.events import fold_document

log = logging.getLogger("accord")

STDIN = "-"


@dataclass
class IngestSummary:
    """What one `ingest` run did: each document's outcome and each failure with its reason."""

    stored: list[tuple[Document, AddOutcome]] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)

    @property
    def new(self) -> list[Document]:
        return [d for d, o in self.stored if o.status in ("new", "new_version")]

    @property
    def existing(self) -> list[Document]:
        return [d for d, o in self.stored if o.status == "exists"]


ProgressHook = Callable[[int, int, str], None]  # (done, total, source)


def read_sources(
    paths: Sequence[str],
    *,
    recursive: bool = False,
    pattern: str | None = None,
    max_bytes: int,
    stdin_data: bytes | None = None,
) -> tuple[list[Path | str], list[InputError]]:
    """Expand the command-line paths into the files to read; "-" stands for standard input."""
    files: list[Path | str] = []
    errors: list[InputError] = []
    on_disk = [Path(p) for p in paths if p != STDIN]
    found, discovery_errors = discover(on_disk, recursive=recursive, pattern=pattern)
    errors.extend(discovery_errors)
    if STDIN in paths and stdin_data is not None:
        files.append(STDIN)
    files.extend(found)
    return files, errors


def _read(source: Path | str, *, max_bytes: int, stdin_data: bytes | None) -> ReadResult:
    if source == STDIN:
        return read_bytes(stdin_data or b"", source="<stdin>", max_bytes=max_bytes)
    return read_file(Path(source), max_bytes=max_bytes)


def analyse(document: Document) -> DocumentRecord:
    """Run every extractor over one prepared document."""
    return extract(document)


def store_document(
    store: Store, raw: RawDocument, *, metadata: DocumentMetadata | None = None
) -> tuple[Document, AddOutcome]:
    """Prepare, analyse and store one read document in its own transaction, with the
    cross-document fold; raises `AccordError` (nothing of it stored) when a step fails."""
    document = prepare(raw, overrides=metadata)
    record = analyse(document)
    with store.session(write=True) as session:
        outcome = add_record(session, record=record)
        fold_document(session, document_id=outcome.document_id)
    return document, outcome


def ingest_paths(
    paths: Sequence[str],
    *,
    store: Store,
    metadata: DocumentMetadata | None = None,
    recursive: bool = False,
    pattern: str | None = None,
    max_bytes: int,
    stdin_data: bytes | None = None,
    on_progress: ProgressHook | None = None,
) -> IngestSummary:
    """Read every document under `paths` and store each in its own transaction.

    A failing document is reported in the summary and never stops the batch; a document
    is either stored whole or not at all.
    """
    summary = IngestSummary()
    sources, errors = read_sources(
        paths, recursive=recursive, pattern=pattern, max_bytes=max_bytes, stdin_data=stdin_data
    )
    summary.failed.extend(errors)
    for done, source in enumerate(sources, start=1):
        result = _read(source, max_bytes=max_bytes, stdin_data=stdin_data)
        summary.failed.extend(result.errors)
        for raw in result.documents:
            try:
                stored = store_document(store, raw, metadata=metadata)
            except InputError as error:
                summary.failed.append(error)
                continue
            except AccordError as error:
                summary.failed.append(InputError(raw.source, str(error)))
                continue
            summary.stored.append(stored)
        if on_progress is not None:
            on_progress(done, len(sources), str(source))
    return summary


def read_documents(
    path: str,
    *,
    published: dt.date | None = None,
    max_bytes: int,
    stdin_data: bytes | None = None,
) -> list[Document]:
    """The prepared documents of one file (or standard input); a bad file raises its error."""
    result = _read(path, max_bytes=max_bytes, stdin_data=stdin_data)
    if result.errors:
        raise result.errors[0]
    overrides = DocumentMetadata(published=published)
    return [prepare(raw, overrides=overrides) for raw in result.documents]


def extract_file(
    path: str,
    *,
    published: dt.date | None = None,
    max_bytes: int,
    stdin_data: bytes | None = None,
) -> list[DocumentRecord]:
    """Read one file (or standard input) and return the record of each document in it."""
    documents = read_documents(
        path, published=published, max_bytes=max_bytes, stdin_data=stdin_data
    )
    return [analyse(document) for document in documents]
