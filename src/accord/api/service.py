"""What each page and API resource shows, gathered once: the JSON routes and the HTML
views both call these and only render the result differently."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from accord.api import queries as wq
from accord.errors import AccordError, EventNotFoundError
from accord.ingest import prepare, read_bytes
from accord.pipeline import analyse
from accord.records import DocumentMetadata, StoredDocument
from accord.report import PartnershipReport, build_report
from accord.store import Store
from accord.store import tracking_queries as tq
from accord.store.queries import AddOutcome, add_record, get_document, get_record_dict
from accord.store.tracking_queries import Override, StoredEvent
from accord.tracking.events import fold_document
from accord.tracking.ledger import LedgerEntry, build_ledger

__all__ = [
    "CommitmentView",
    "HomeView",
    "IngestResult",
    "PartnershipView",
    "commitment_entries",
    "commitment_view",
    "document_view",
    "home_view",
    "ingest_bytes",
    "partnership_view",
]

DUE_WINDOW_DAYS = 120


@dataclass(frozen=True, slots=True)
class PartnershipView:
    report: PartnershipReport
    documents: dict[str, dict[str, Any]]  # the sources: id -> title, publisher, date, url


def partnership_view(session: Session, *, a: str, b: str, as_of: dt.date) -> PartnershipView:
    """The partnership report of `a` and `b` with the documents it rests on."""
    report = build_report(session, a=a, b=b, as_of=as_of)
    ids = sorted(
        {d for m in report.meetings for d in m.document_ids}
        | {d for e in report.ledger for d in e.event.document_ids}
    )
    return PartnershipView(report, wq.document_titles(session, document_ids=ids))


def _ledgers(session: Session, *, keys: set[str], as_of: dt.date) -> dict[int, LedgerEntry]:
    """Each commitment's ledger entry, built once per set of parties."""
    out: dict[int, LedgerEntry] = {}
    for key in sorted(keys):
        for entry in build_ledger(session, parties=key.split("|"), as_of=as_of):
            out.setdefault(entry.event.id, entry)
    return out


def commitment_entries(
    session: Session,
    *,
    as_of: dt.date,
    party: str | None = None,
    area: str | None = None,
    status: str | None = None,
    due_after: dt.date | None = None,
    due_before: dt.date | None = None,
) -> list[LedgerEntry]:
    """Merged commitments known by `as_of` with their status then, soonest deadline first."""
    found = wq.commitment_ids(session, party=party, due_after=due_after, due_before=due_before)
    ledgers = _ledgers(session, keys={k for _, k in found}, as_of=as_of)
    entries = [ledgers[i] for i, _ in found if i in ledgers]
    if area is not None:
        entries = [e for e in entries if area in e.event.details.get("areas", [])]
    if status is not None:
        entries = [e for e in entries if e.status == status]
    return entries


@dataclass(frozen=True, slots=True)
class HomeView:
    as_of: dt.date
    pairs: list[wq.PairSummary]
    due: list[LedgerEntry]
    documents: int


def home_view(session: Session, *, as_of: dt.date, documents: int) -> HomeView:
    """Partnerships at a glance and the commitments falling due around `as_of`."""
    due = commitment_entries(
        session,
        as_of=as_of,
        due_after=as_of - dt.timedelta(days=30),
        due_before=as_of + dt.timedelta(days=DUE_WINDOW_DAYS),
    )
    due = [e for e in due if e.status not in ("fulfilled",)][:20]
    return HomeView(as_of, wq.pair_overview(session, as_of=as_of), due, documents)


@dataclass(frozen=True, slots=True)
class CommitmentView:
    event: StoredEvent
    entry: LedgerEntry | None  # None when no report of it is known by the as-of date
    overrides: list[Override]
    documents: dict[str, dict[str, Any]]
    as_of: dt.date
    sources: list[dict[str, Any]] = field(default_factory=list)


def commitment_view(session: Session, *, event_id: int, as_of: dt.date) -> CommitmentView:
    """One merged commitment: its clause, parties, deadline, status and its history."""
    event = tq.event_by_id(session, event_id=event_id)
    if event is None or event.kind != "commitment":
        raise EventNotFoundError(event_id)
    entries = build_ledger(session, parties=list(event.parties), as_of=as_of)
    entry = next((e for e in entries if e.event.id == event.id), None)
    history = tq.overrides_for(session, source_keys=list(event.source_keys))
    overrides = sorted(
        (o for items in history.values() for o in items), key=lambda o: (o.created_at, o.id)
    )
    ids = list(event.document_ids)
    if entry is not None:
        ids += [v.document_id for v in entry.evidence if v.document_id]
    documents = wq.document_titles(session, document_ids=sorted(set(ids)))
    sources = []
    for s in event.sources:
        _, kind, position = s["key"].rsplit(":", 2)
        sources.append(
            {
                "key": s["key"],
                "document_id": s["document_id"],
                "anchor": f"ev-{kind}-{position}",
                "text": s["facts"].get("text") or s["facts"].get("evidence") or "",
                "modality": s["facts"].get("modality"),
                "deadline": s["deadline"],
                "published": s["published"],
            }
        )
    return CommitmentView(event, entry, overrides, documents, as_of, sources)


def document_view(
    session: Session, *, id_prefix: str
) -> tuple[StoredDocument, dict[str, Any], list[StoredEvent]]:
    """A stored document, its record (the stored JSON) and the merged events it reports."""
    stored = get_document(session, id_prefix=id_prefix)
    record = get_record_dict(session, document_id=stored.document.id)
    events = tq.events_of_document(session, document_id=stored.document.id)
    return stored, record, events


@dataclass(frozen=True, slots=True)
class IngestResult:
    stored: list[tuple[str, str | None, AddOutcome]]  # (document id, title, outcome)
    failed: list[str]


def ingest_bytes(
    store: Store,
    *,
    data: bytes,
    filename: str,
    metadata: DocumentMetadata,
    max_bytes: int,
) -> IngestResult:
    """Read, analyse and store an uploaded file (or pasted text), each document in its own
    transaction, as `accord ingest` does; problems come back as messages, not raised."""
    result = read_bytes(data, source=filename, max_bytes=max_bytes)
    failed = [str(e) for e in result.errors]
    stored: list[tuple[str, str | None, AddOutcome]] = []
    for raw in result.documents:
        try:
            document = prepare(raw, overrides=metadata)
            record = analyse(document)
            with store.session(write=True) as session:
                outcome = add_record(session, record=record)
                fold_document(session, document_id=outcome.document_id)
        except AccordError as error:
            failed.append(str(error))
            continue
        stored.append((document.id, document.title, outcome))
    return IngestResult(stored, failed)
