"""Reading and writing the tracking tables: merged events, their sources and parties, overrides.

Keyword-only functions over the caller's session, like `accord.store.queries`; nothing
here commits. Every lookup goes through an index: sources by (kind, parties, date or
deadline), events by party, documents by id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased, selectinload

from accord.store.models import (
    LEDGER_STATUSES,
    AreaRow,
    CommitmentRow,
    DocumentRow,
    EntityRow,
    EventPartyRow,
    EventRow,
    EventSourceRow,
    MeetingRow,
    StatusOverrideRow,
)

__all__ = [
    "Override",
    "StoredEvent",
    "add_override",
    "add_source",
    "document_areas",
    "document_facts",
    "document_organizations",
    "documents_citing",
    "event_by_id",
    "event_ids_with",
    "event_sources",
    "events_by_ids",
    "events_of_document",
    "events_with",
    "folded_keys",
    "merge_events",
    "new_event",
    "overrides_for",
    "party_activity",
    "set_summary",
    "sources_near",
]


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A merged event as the store holds it, with every source's report."""

    id: int
    kind: str
    parties: tuple[str, ...]
    date: dt.date | None
    deadline: dt.date | None
    city: str | None
    country: str | None
    mechanism: str | None
    text: str
    modality: str | None
    details: dict[str, Any]
    sources: tuple[dict[str, Any], ...]  # SourceItem fields, oldest report first

    @property
    def source_keys(self) -> tuple[str, ...]:
        return tuple(s["key"] for s in self.sources)

    @property
    def document_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s["document_id"] for s in self.sources))


@dataclass(frozen=True, slots=True)
class Override:
    """An analyst's ruling on a commitment's status (one entry of the audit trail)."""

    id: int
    source_key: str
    event_id: int | None
    status: str
    note: str
    source_url: str | None
    created_at: dt.datetime


# --- folding documents in ---------------------------------------------------------------


def document_facts(
    session: Session, *, document_id: str
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """A stored document's metadata, meetings (with participants) and commitments."""
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        return {}, [], []
    meta = {
        "title": doc.title,
        "url": doc.url,
        "publisher": doc.publisher,
        "published": doc.published,
        "kind": doc.kind,
    }
    meetings = session.scalars(
        sa.select(MeetingRow)
        .where(MeetingRow.document_id == document_id)
        .options(selectinload(MeetingRow.participants))
        .order_by(MeetingRow.position)
    )
    commitments = session.scalars(
        sa.select(CommitmentRow)
        .where(CommitmentRow.document_id == document_id)
        .order_by(CommitmentRow.position)
    )
    return (
        meta,
        [
            {
                "id": m.id,
                "position": m.position,
                "date": m.date,
                "city": m.city,
                "country": m.country,
                "parties": list(m.parties),
                "mechanism": m.mechanism,
                "evidence": m.evidence_text,
                "participants": [
                    {"name": p.name, "country": p.country, "title": p.title} for p in m.participants
                ],
            }
            for m in meetings
        ],
        [
            {
                "id": c.id,
                "position": c.position,
                "parties": list(c.parties),
                "text": c.text,
                "modality": c.modality,
                "deadline": c.deadline,
                "areas": list(c.areas),
                "forums": list(c.forums),
                "evidence": c.evidence_text,
            }
            for c in commitments
        ],
    )


def _item(row: EventSourceRow) -> dict[str, Any]:
    return {
        "key": row.source_key,
        "kind": row.kind,
        "document_id": row.document_id,
        "parties": row.parties_key,
        "date": row.date,
        "deadline": row.deadline,
        "published": row.published,
        "facts": {**row.facts, "event_id": row.event_id},
    }


def folded_keys(session: Session, *, source_keys: Iterable[str]) -> set[str]:
    """Which of these source keys are already folded into an event (one query)."""
    wanted = list(source_keys)
    if not wanted:
        return set()
    stmt = sa.select(EventSourceRow.source_key).where(EventSourceRow.source_key.in_(wanted))
    return set(session.scalars(stmt))


def sources_near(
    session: Session,
    *,
    kind: str,
    parties_key: str,
    start: dt.date | None,
    end: dt.date | None,
    deadline: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Stored reports of `kind` by exactly these parties dated in [start, end], or (for
    commitments) with the same deadline: the only ones a new report can match."""
    base = sa.select(EventSourceRow).where(
        EventSourceRow.kind == kind, EventSourceRow.parties_key == parties_key
    )
    rows: dict[int, EventSourceRow] = {}
    if start is not None and end is not None:
        stmt = base.where(EventSourceRow.date >= start, EventSourceRow.date <= end)
        rows.update((r.id, r) for r in session.scalars(stmt))
    if deadline is not None:
        rows.update(
            (r.id, r) for r in session.scalars(base.where(EventSourceRow.deadline == deadline))
        )
    return [_item(r) for _, r in sorted(rows.items())]


def new_event(session: Session, *, kind: str, parties_key: str) -> int:
    row = EventRow(kind=kind, parties_key=parties_key, text="", source_count=0, details={})
    row.parties = [EventPartyRow(party=p) for p in parties_key.split("|") if p]
    session.add(row)
    session.flush()
    return row.id


def merge_events(session: Session, *, into: int, others: list[int]) -> None:
    """Move every source (and override) of `others` to event `into`, then drop `others`."""
    if not others:
        return
    session.execute(
        sa.update(EventSourceRow).where(EventSourceRow.event_id.in_(others)).values(event_id=into)
    )
    session.execute(
        sa.update(StatusOverrideRow)
        .where(StatusOverrideRow.event_id.in_(others))
        .values(event_id=into)
    )
    session.execute(sa.delete(EventPartyRow).where(EventPartyRow.event_id.in_(others)))
    session.execute(sa.delete(EventRow).where(EventRow.id.in_(others)))
    session.expire_all()


def add_source(session: Session, *, event_id: int, item: Any) -> None:
    """Record one document's report (a `SourceItem`) as a source of `event_id`."""
    facts = {k: v for k, v in item.facts.items() if k not in ("event_id", "row_id")}
    row = EventSourceRow(
        event_id=event_id,
        source_key=item.key,
        kind=item.kind,
        document_id=item.document_id,
        meeting_id=item.facts["row_id"] if item.kind == "meeting" else None,
        commitment_id=item.facts["row_id"] if item.kind == "commitment" else None,
        parties_key=item.parties,
        date=item.date,
        deadline=item.deadline,
        published=item.published,
        facts=facts,
    )
    # No flush: the next query autoflushes it, and a document's sources go in together.
    session.add(row)


def event_sources(session: Session, *, event_id: int) -> list[dict[str, Any]]:
    stmt = (
        sa.select(EventSourceRow)
        .where(EventSourceRow.event_id == event_id)
        .order_by(EventSourceRow.source_key)
    )
    return [_item(r) for r in session.scalars(stmt)]


def set_summary(session: Session, *, event_id: int, summary: dict[str, Any]) -> None:
    row = session.get(EventRow, event_id)
    assert row is not None  # created or kept by the caller in this transaction
    for name in ("date", "deadline", "city", "country", "mechanism", "text", "modality"):
        setattr(row, name, summary[name])
    row.details = summary["details"]
    row.source_count = len(summary["details"]["sources"])


# --- reading events ---------------------------------------------------------------------


def _source_order(source: dict[str, Any]) -> tuple[dt.date, str]:
    """Oldest report first: by the document's date (else the event's), then key."""
    return (source["published"] or source["date"] or dt.date.max), source["key"]


def _stored(
    row: Any, sources: Iterable[dict[str, Any]], *, details: dict[str, Any] | None = None
) -> StoredEvent:
    """An event from its row (an ORM row or a plain result row) and its source items
    (and its merged view, when not the row's)."""
    return StoredEvent(
        id=row.id,
        kind=row.kind,
        parties=tuple(row.parties_key.split("|")),
        date=row.date,
        deadline=row.deadline,
        city=row.city,
        country=row.country,
        mechanism=row.mechanism,
        text=row.text,
        modality=row.modality,
        details=row.details if details is None else details,
        sources=tuple(sorted(sources, key=_source_order)),
    )


def _load(
    session: Session,
    ids: sa.Select,
    *,
    details: bool = True,
    facts: Sequence[str] | None = None,
) -> list[StoredEvent]:
    """The events whose ids `ids` selects, with their sources, oldest first.

    Plain column rows, not ORM objects: a dense pair has thousands of events and sources,
    and building (and tracking) an object for each cost more than the query itself.
    `details=False` leaves each event's `details` empty (the merged view is the largest
    JSON of an event); `facts` names the only fields of each source's facts to read
    (picked out by the database, so no JSON document is decoded here).
    """
    events = sa.select(
        EventRow.id,
        EventRow.kind,
        EventRow.parties_key,
        EventRow.date,
        EventRow.deadline,
        EventRow.city,
        EventRow.country,
        EventRow.mechanism,
        EventRow.text,
        EventRow.modality,
        EventRow.details if details else sa.literal(None).label("details"),
    ).where(EventRow.id.in_(ids))
    picked = (
        [EventSourceRow.facts]
        if facts is None
        else [EventSourceRow.facts[name].as_string() for name in facts]
    )
    sources = sa.select(
        EventSourceRow.event_id,
        EventSourceRow.source_key,
        EventSourceRow.kind,
        EventSourceRow.document_id,
        EventSourceRow.parties_key,
        EventSourceRow.date,
        EventSourceRow.deadline,
        EventSourceRow.published,
        *picked,
    ).where(EventSourceRow.event_id.in_(ids))
    # Core, not ORM, execution: the rows are plain tuples either way, without the ORM's
    # per-row bookkeeping. Core does not autoflush, so flush what the caller added (a
    # no-op in a read session).
    session.flush()
    connection = session.connection()
    by_event: dict[int, list[dict[str, Any]]] = {}
    for (
        event_id,
        key,
        kind,
        document,
        parties,
        date,
        deadline,
        published,
        *values,
    ) in connection.execute(sources):
        if facts is None:
            # Each row's facts are freshly decoded and ours: tagged in place, not copied.
            found = values[0]
        else:
            # A field a source lacks stays absent, as in the stored JSON.
            found = {n: v for n, v in zip(facts, values, strict=True) if v is not None}
        found["event_id"] = event_id
        by_event.setdefault(event_id, []).append(
            {
                "key": key,
                "kind": kind,
                "document_id": document,
                "parties": parties,
                "date": date,
                "deadline": deadline,
                "published": published,
                "facts": found,
            }
        )
    out = [
        _stored(row, by_event.get(row.id, ()), details=row.details if details else {})
        for row in connection.execute(events)
    ]
    # The order of the ORM query this replaced: by date (undated last), then id.
    out.sort(key=lambda e: (e.date is None, e.date or dt.date.min, e.id))
    return out


def event_ids_with(*, parties: list[str]) -> sa.Select:
    """A subquery of the ids of the events in which all `parties` (iso3) take part.

    A join on the (event, party) key rather than an INTERSECT of each party's events: it
    looks each event of the first party up, where INTERSECT sorts both sides (3-5 times
    faster for a pair at 50,000 documents).
    """
    first, *others = (party.upper() for party in parties)
    stmt = sa.select(EventPartyRow.event_id).where(EventPartyRow.party == first)
    for party in others:
        other = aliased(EventPartyRow)
        stmt = stmt.join(
            other, sa.and_(other.event_id == EventPartyRow.event_id, other.party == party)
        )
    return stmt


def events_with(
    session: Session,
    *,
    parties: list[str],
    details: bool = True,
    facts: Sequence[str] | None = None,
) -> list[StoredEvent]:
    """Every event in which all `parties` (iso3 codes) take part, oldest first.

    For readers that need less of them (the ledger, the partnership report):
    `details=False` leaves their merged view (`details`) empty, and `facts` keeps only
    these fields of each source's facts.
    """
    if not parties:
        return []
    return _load(session, event_ids_with(parties=parties), details=details, facts=facts)


def events_by_ids(session: Session, *, event_ids: list[int]) -> list[StoredEvent]:
    """These events with their sources, oldest first (unknown ids are left out)."""
    out: list[StoredEvent] = []
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start : start + 500]
        out += _load(session, sa.select(EventRow.id).where(EventRow.id.in_(chunk)))
    out.sort(key=lambda e: (e.date is None, e.date or dt.date.min, e.id))
    return out


def event_by_id(session: Session, *, event_id: int) -> StoredEvent | None:
    row = session.get(EventRow, event_id)
    return None if row is None else _stored(row, (_item(s) for s in row.sources))


def events_of_document(session: Session, *, document_id: str) -> list[StoredEvent]:
    ids = sa.select(EventSourceRow.event_id).where(EventSourceRow.document_id == document_id)
    return _load(session, ids)


def document_areas(
    session: Session, *, document_ids: list[str]
) -> list[tuple[str, dt.date | None, str]]:
    """(document id, published, area) for each area the documents name."""
    if not document_ids:
        return []
    stmt = (
        sa.select(AreaRow.document_id, DocumentRow.published, AreaRow.area)
        .join(DocumentRow, DocumentRow.id == AreaRow.document_id)
        .where(AreaRow.document_id.in_(document_ids))
        .order_by(AreaRow.document_id, AreaRow.position)
    )
    return [(d, p, a) for d, p, a in session.execute(stmt)]


def document_organizations(session: Session, *, document_ids: list[str]) -> dict[str, set[str]]:
    """Organization id -> the documents (of those given) that name it."""
    if not document_ids:
        return {}
    stmt = sa.select(EntityRow.key, EntityRow.document_id).where(
        EntityRow.document_id.in_(document_ids), EntityRow.kind == "organization"
    )
    out: dict[str, set[str]] = {}
    for key, document in session.execute(stmt):
        if key:
            out.setdefault(key, set()).add(document)
    return out


def documents_citing(session: Session, *, url: str | None, title: str | None) -> list[str]:
    """Ids of stored documents at `url` (indexed), else titled exactly `title`."""
    ids: list[str] = []
    if url:
        variants = {url, url.rstrip("/"), url.rstrip("/") + "/"}
        ids = list(session.scalars(sa.select(DocumentRow.id).where(DocumentRow.url.in_(variants))))
    if not ids and title:
        stmt = sa.select(DocumentRow.id).where(
            sa.func.lower(DocumentRow.title) == title.strip().lower()
        )
        ids = list(session.scalars(stmt))
    return ids


# --- overrides --------------------------------------------------------------------------


def add_override(
    session: Session,
    *,
    event: StoredEvent,
    status: str,
    note: str,
    source_url: str | None = None,
) -> Override:
    """Append an analyst's ruling on a commitment event to the audit trail."""
    if status not in LEDGER_STATUSES:
        raise ValueError(f"status must be one of {LEDGER_STATUSES}, not {status!r}")
    row = StatusOverrideRow(
        source_key=event.source_keys[0],
        event_id=event.id,
        status=status,
        note=note,
        source_url=source_url,
        created_at=dt.datetime.now(dt.UTC),
    )
    session.add(row)
    session.flush()
    return _override(row)


def _override(row: StatusOverrideRow) -> Override:
    return Override(
        row.id, row.source_key, row.event_id, row.status, row.note, row.source_url, row.created_at
    )


def overrides_for(session: Session, *, source_keys: list[str]) -> dict[str, list[Override]]:
    """Every override recorded on any of these source keys, oldest first, by key."""
    if not source_keys:
        return {}
    out: dict[str, list[Override]] = {}
    for chunk_start in range(0, len(source_keys), 500):
        chunk = source_keys[chunk_start : chunk_start + 500]
        stmt = (
            sa.select(StatusOverrideRow)
            .where(StatusOverrideRow.source_key.in_(chunk))
            .order_by(StatusOverrideRow.created_at, StatusOverrideRow.id)
        )
        for row in session.scalars(stmt):
            out.setdefault(row.source_key, []).append(_override(row))
    return out


def party_activity(
    session: Session, *, party: str
) -> list[tuple[str, dt.date | None, str, str | None]]:
    """(kind, date, parties_key, modality) of every event `party` takes part in: what the
    partner ranking needs, read from the events table alone (no sources, no text)."""
    stmt = (
        sa.select(EventRow.kind, EventRow.date, EventRow.parties_key, EventRow.modality)
        .join(EventPartyRow, EventPartyRow.event_id == EventRow.id)
        .where(EventPartyRow.party == party.upper())
    )
    return [(k, d, p, m) for k, d, p, m in session.execute(stmt)]
