"""Bulk ingestion: stream documents in batches through the pre-filter and the analysers,
and write each batch in one transaction, in input order.

Memory stays flat: files are read as they stream (`accord.ingest.stream`), and at most
`capacity + 1` batches are held at once. The run is resumable: a batch is stored whole or
not at all, documents are keyed by the hash of their text, and a document already stored
is recognised before it is analysed, so re-running an interrupted command finishes the rest
without redoing or storing anything twice.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from accord.bulk.workers import Analyser, Outcome, ResultLike, open_analyser
from accord.errors import AccordError, InputError
from accord.ingest import prepare, read_bytes
from accord.ingest.stream import iter_documents
from accord.records import Document, DocumentMetadata, DocumentRecord, RawDocument
from accord.store import Store
from accord.store.models import DocumentRow
from accord.store.queries import add_record, replace_skipped
from accord.tracking.events import fold_document

__all__ = ["DEFAULT_BATCH_SIZE", "BulkProgress", "BulkSummary", "ingest_bulk"]

log = logging.getLogger("accord")

DEFAULT_BATCH_SIZE = 32
STDIN = "-"

Action = Literal["analyse", "skip", "reanalyse"]


@dataclass
class BulkSummary:
    """What a bulk run did, as counts (a run over millions of documents keeps no list)."""

    new: int = 0
    new_versions: int = 0
    existing: int = 0  # already stored (or repeated in the input): neither analysed nor stored
    skipped: int = 0  # stored as "skipped" by the pre-filter, not analysed
    reanalysed: int = 0  # stored as "skipped" before, analysed now (--reprocess-skipped)
    analysed: int = 0  # documents spaCy read in this run
    words: int = 0  # words of every document read in this run
    seconds: float = 0.0
    failed: list[InputError] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents read from the input (failures included)."""
        return (
            self.new
            + self.new_versions
            + self.existing
            + self.skipped
            + self.reanalysed
            + len(self.failed)
        )

    @property
    def stored(self) -> int:
        return self.new + self.new_versions + self.skipped


@dataclass(frozen=True)
class BulkProgress:
    """Where a run stands, after each written batch."""

    documents: int
    words: int
    seconds: float
    total: int | None  # documents expected, when the input says (None for compressed files)

    @property
    def rate(self) -> float:
        """Documents per second so far."""
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate, when the total is known."""
        if self.total is None or self.rate == 0:
            return None
        return max(0.0, (self.total - self.documents) / self.rate)


BulkProgressHook = Callable[[BulkProgress], None]


@dataclass
class _Item:
    document: Document
    action: Action


@dataclass
class _Batch:
    items: list[_Item] = field(default_factory=list)

    def to_analyse(self) -> list[Document]:
        return [i.document for i in self.items if i.action != "skip"]


def _words(text: str) -> int:
    return len(text.split())


def estimate_total(sources: Sequence[Path | str]) -> int | None:
    """How many documents the input holds, from a quick look (newline counts for JSON Lines
    and CSV, members for zip); None when a file cannot tell without decompressing it."""
    total = 0
    for source in sources:
        if not isinstance(source, Path):
            total += 1
            continue
        name = source.name.lower()
        if name.endswith(".gz"):
            return None
        if name.endswith(".zip"):
            return None
        if name.endswith((".jsonl", ".ndjson", ".csv", ".tsv")):
            try:
                with source.open("rb") as handle:
                    lines = sum(
                        chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")
                    )
            except OSError:
                continue
            # A CSV's header is not a document (and rows may span lines: an estimate).
            total += max(0, lines - 1) if name.endswith((".csv", ".tsv")) else lines
        else:
            total += 1
    return total


def _raw_documents(
    sources: Sequence[Path | str], *, max_bytes: int, stdin_data: bytes | None
) -> Iterator[RawDocument | InputError]:
    for source in sources:
        if source == STDIN:
            result = read_bytes(stdin_data or b"", source="<stdin>", max_bytes=max_bytes)
            yield from result.documents
            yield from result.errors
        else:
            yield from iter_documents(Path(source), max_bytes=max_bytes)


def _prepared(
    found: Iterable[RawDocument | InputError], *, metadata: DocumentMetadata | None
) -> Iterator[Document | InputError]:
    for item in found:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield prepare(item, overrides=metadata)
        except InputError as error:
            yield error


def _stored_status(session: Session, ids: Iterable[str]) -> dict[str, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        sa.select(DocumentRow.id, DocumentRow.status).where(DocumentRow.id.in_(wanted))
    )
    return {row.id: row.status for row in rows}


def skipped_record(document: Document) -> DocumentRecord:
    """What the store keeps of a document the pre-filter skipped: the document, no facts."""
    return DocumentRecord(document=document)


class _Writer:
    """Writes analysed batches: one transaction each, one per document if the batch fails."""

    def __init__(self, store: Store, summary: BulkSummary) -> None:
        self.store = store
        self.summary = summary

    def _write_one(self, session: Session, item: _Item, outcome: DocumentRecord | None) -> str:
        document = item.document
        if item.action == "skip":
            return add_record(
                session, record=skipped_record(document), source_status="skipped"
            ).status
        assert outcome is not None
        if item.action == "reanalyse" and replace_skipped(session, record=outcome):
            fold_document(session, document_id=document.id)
            return "reanalysed"
        stored = add_record(session, record=outcome)
        if stored.status != "exists":
            fold_document(session, document_id=stored.document_id)
        return stored.status

    def _count(self, status: str, item: _Item) -> None:
        if status == "exists":
            self.summary.existing += 1
        elif item.action == "skip":
            self.summary.skipped += 1
        elif status == "reanalysed":
            self.summary.reanalysed += 1
        elif status == "new_version":
            self.summary.new_versions += 1
        else:
            self.summary.new += 1

    def write(self, batch: _Batch, outcomes: list[Outcome]) -> None:
        analysed = iter(outcomes)
        pairs: list[tuple[_Item, DocumentRecord | None]] = []
        for item in batch.items:
            outcome = None if item.action == "skip" else next(analysed)
            if isinstance(outcome, str):  # the analysis failed: nothing to write
                self.summary.failed.append(InputError(item.document.source, outcome))
            else:
                pairs.append((item, outcome))
        if not pairs:
            return
        try:
            with self.store.session(write=True) as session:
                statuses = [self._write_one(session, i, o) for i, o in pairs]
        except (AccordError, SQLAlchemyError) as error:
            log.warning("a batch of %d failed (%s); writing it one document at a time",
                        len(pairs), error)  # fmt: skip
        else:
            for (item, _), status in zip(pairs, statuses, strict=True):
                self._count(status, item)
            return
        for item, outcome in pairs:
            try:
                with self.store.session(write=True) as session:
                    status = self._write_one(session, item, outcome)
            except InputError as error:
                self.summary.failed.append(error)
            except (AccordError, SQLAlchemyError) as error:
                reason = " ".join(str(getattr(error, "orig", None) or error).split())
                self.summary.failed.append(InputError(item.document.source, reason))
            else:
                self._count(status, item)


def ingest_bulk(
    sources: Sequence[Path | str],
    *,
    store: Store,
    max_bytes: int,
    metadata: DocumentMetadata | None = None,
    stdin_data: bytes | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    prefilter: bool = True,
    reprocess_skipped: bool = False,
    on_progress: BulkProgressHook | None = None,
    analyser: Analyser | None = None,
) -> BulkSummary:
    """Ingest every document of `sources` (files, or "-" for `stdin_data`) in batches.

    Each batch is checked against the store (documents already stored are not analysed),
    passed through the relevance pre-filter (documents that cannot hold a meeting or a
    commitment are stored as "skipped", unread by spaCy), analysed with `nlp.pipe` on
    `jobs` processes or on the Dask cluster at `scheduler`, and written in one
    transaction, with the cross-document tracking fold. With `reprocess_skipped`, stored
    "skipped" documents met again are analysed and updated in place.
    """
    from accord.prefilter import load_prefilter

    if batch_size < 1 or jobs < 1:
        raise ValueError("batch_size and jobs must be at least 1")
    summary = BulkSummary()
    started = time.perf_counter()
    total = estimate_total(sources)
    relevant = load_prefilter().is_relevant if prefilter else None
    own_analyser = analyser is None
    analyser = analyser or open_analyser(jobs=jobs, scheduler=scheduler)
    writer = _Writer(store, summary)
    in_flight: deque[tuple[_Batch, ResultLike]] = deque()
    pending: set[str] = set()  # ids in batches not yet written: a repeat is not redone

    def report() -> None:
        summary.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(
                BulkProgress(
                    documents=summary.documents,
                    words=summary.words,
                    seconds=summary.seconds,
                    total=total,
                )
            )

    def finish_oldest() -> None:
        batch, future = in_flight.popleft()
        outcomes = future.result()
        writer.write(batch, outcomes)
        for item in batch.items:
            pending.discard(item.document.id)
        report()

    def dispatch(documents: list[Document]) -> None:
        with store.session() as session:
            stored = _stored_status(session, (d.id for d in documents))
        batch = _Batch()
        for document in documents:
            summary.words += _words(document.text)
            status = stored.get(document.id)
            if document.id in pending or (
                status is not None and not (reprocess_skipped and status == "skipped")
            ):
                summary.existing += 1
                continue
            pending.add(document.id)
            if status == "skipped":
                batch.items.append(_Item(document, "reanalyse"))
            elif relevant is not None and not relevant(document.text):
                batch.items.append(_Item(document, "skip"))
            else:
                batch.items.append(_Item(document, "analyse"))
        if not batch.items:
            report()
            return
        to_analyse = batch.to_analyse()
        summary.analysed += len(to_analyse)
        future = analyser.submit(to_analyse) if to_analyse else _Empty()
        in_flight.append((batch, future))
        while len(in_flight) > analyser.capacity:
            finish_oldest()

    try:
        documents: list[Document] = []
        found = _raw_documents(sources, max_bytes=max_bytes, stdin_data=stdin_data)
        for item in _prepared(found, metadata=metadata):
            if isinstance(item, InputError):
                summary.failed.append(item)
                continue
            documents.append(item)
            if len(documents) >= batch_size:
                dispatch(documents)
                documents = []
        if documents:
            dispatch(documents)
        while in_flight:
            finish_oldest()
    finally:
        if own_analyser:
            analyser.close()
        summary.seconds = time.perf_counter() - started
    return summary


class _Empty:
    def result(self) -> list[Outcome]:
        return []
