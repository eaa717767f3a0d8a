"""Reads the web layer needs beyond `accord.store`: the pairs overview, commitments by
deadline, document titles by id, organizations named, and record JSON for exports.

Keyword-only functions over the caller's session, like `accord.store.queries`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from accord.store.models import (
    DocumentRow,
    EntityRow,
    EventPartyRow,
    EventRow,
    EventSourceRow,
    StatusOverrideRow,
)
from accord.store.tracking_queries import event_ids_with

__all__ = [
    "PairSummary",
    "commitment_ids",
    "document_titles",
    "event_areas",
    "iter_record_dicts",
    "organization_counts",
    "pair_overview",
    "parties_version",
    "store_version",
]


@dataclass(frozen=True, slots=True)
class PairSummary:
    """How much two countries are recorded doing together."""

    a: str
    b: str
    meetings: int
    commitments: int
    recent: int  # events dated in the year before the as-of date
    last: dt.date | None

    @property
    def total(self) -> int:
        return self.meetings + self.commitments


def pair_overview(session: Session, *, as_of: dt.date) -> list[PairSummary]:
    """Every pair of countries that share an event, busiest first.

    A multilateral event counts for each pair of its parties. Reads one grouped query of
    the events table (one row per party set and kind), never the sources.
    """
    year_ago = as_of - dt.timedelta(days=365)
    recent = sa.func.sum(sa.case((EventRow.date.between(year_ago, as_of), 1), else_=0))
    stmt = (
        sa.select(
            EventRow.parties_key,
            EventRow.kind,
            sa.func.count(),
            recent,
            sa.func.max(sa.case((EventRow.date <= as_of, EventRow.date), else_=None)),
        )
        .where(sa.or_(EventRow.date.is_(None), EventRow.date <= as_of))
        .group_by(EventRow.parties_key, EventRow.kind)
    )
    tally: dict[tuple[str, str], list[Any]] = {}
    for key, kind, count, lately, last in session.execute(stmt):
        parties = sorted(p for p in key.split("|") if len(p) == 3)
        for a, b in combinations(parties, 2):
            row = tally.setdefault((a, b), [0, 0, 0, None])
            row[0 if kind == "meeting" else 1] += count
            row[2] += lately or 0
            if last is not None and (row[3] is None or last > row[3]):
                row[3] = last
    pairs = [PairSummary(a, b, m, c, r, last) for (a, b), (m, c, r, last) in tally.items()]
    pairs.sort(key=lambda p: (-p.total, -p.recent, p.a, p.b))
    return pairs


def store_version(session: Session) -> tuple[Any, ...]:
    """A value that changes whenever what a report or a ledger reads changes: documents
    come in (or go), reports of events are folded in, analysts override a status.

    Documents are never updated in place and overrides only appended, so counts and
    newest ids/times tell every change; a deleted then re-ingested document moves the
    newest ingestion time. One statement of index-only aggregates: a few milliseconds at
    50,000 documents.
    """

    def scalar(column: Any, table: Any) -> Any:
        return sa.select(column).select_from(table).scalar_subquery()

    # count(*), not count(id): SQLite answers it without reading an index.
    stmt = sa.select(
        scalar(sa.func.count(), DocumentRow),
        scalar(sa.func.max(DocumentRow.ingested_at), DocumentRow),
        scalar(sa.func.count(), EventSourceRow),
        scalar(sa.func.max(EventSourceRow.id), EventSourceRow),
        scalar(sa.func.count(), StatusOverrideRow),
        scalar(sa.func.max(StatusOverrideRow.id), StatusOverrideRow),
    )
    return tuple(session.execute(stmt).one())


def parties_version(session: Session, *, parties: list[str]) -> tuple[Any, ...]:
    """What `store_version` is for one set of parties: it changes whenever a report of an
    event they all take part in is folded in (or goes), or an analyst overrides a status.

    Their partnership report and ledger read nothing else that can change (documents are
    never updated in place), so documents about other parties leave it as it was: the
    report computed before them still stands.
    """
    mine = EventSourceRow.event_id.in_(event_ids_with(parties=parties))

    def scalar(column: Any, table: Any, *where: Any) -> Any:
        return sa.select(column).select_from(table).where(*where).scalar_subquery()

    # One statement: a page may ask for the version of twenty pairs.
    stmt = sa.select(
        scalar(sa.func.count(), EventSourceRow, mine),
        scalar(sa.func.max(EventSourceRow.id), EventSourceRow, mine),
        scalar(sa.func.count(), StatusOverrideRow),
        scalar(sa.func.max(StatusOverrideRow.id), StatusOverrideRow),
    )
    return tuple(session.execute(stmt).one())


def commitment_ids(
    session: Session,
    *,
    party: str | None = None,
    due_after: dt.date | None = None,
    due_before: dt.date | None = None,
    known_by: dt.date | None = None,
) -> list[tuple[int, str]]:
    """(event id, parties key) of merged commitments, soonest deadline first.

    `party` (iso3) keeps those it made; `due_after`/`due_before` bound the deadline
    (inclusive/exclusive), which drops commitments without one; `known_by` keeps those
    with a report known by that day (the document's date, else the event's; undated
    reports are always known), as the ledger does.
    """
    stmt = sa.select(EventRow.id, EventRow.parties_key).where(EventRow.kind == "commitment")
    if known_by is not None:
        day = sa.func.coalesce(EventSourceRow.published, EventSourceRow.date)
        stmt = stmt.where(
            sa.exists().where(
                EventSourceRow.event_id == EventRow.id,
                sa.or_(day.is_(None), day <= known_by),
            )
        )
    if party is not None:
        stmt = stmt.join(EventPartyRow, EventPartyRow.event_id == EventRow.id).where(
            EventPartyRow.party == party.upper()
        )
    if due_after is not None:
        stmt = stmt.where(EventRow.deadline >= due_after)
    if due_before is not None:
        stmt = stmt.where(EventRow.deadline < due_before)
    stmt = stmt.order_by(EventRow.deadline.asc().nulls_last(), EventRow.id)
    return [(i, k) for i, k in session.execute(stmt)]


def event_areas(session: Session, *, event_ids: list[int]) -> dict[int, list[str]]:
    """id -> the areas of cooperation merged into each of these events."""
    out: dict[int, list[str]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start : start + 500]
        stmt = sa.select(EventRow.id, EventRow.details).where(EventRow.id.in_(chunk))
        for i, details in session.execute(stmt):
            out[i] = list((details or {}).get("areas", []))
    return out


def document_titles(session: Session, *, document_ids: list[str]) -> dict[str, dict[str, Any]]:
    """id -> title, publisher, published, kind and url of the given documents."""
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start : start + 500]
        stmt = sa.select(
            DocumentRow.id,
            DocumentRow.title,
            DocumentRow.publisher,
            DocumentRow.published,
            DocumentRow.kind,
            DocumentRow.url,
        ).where(DocumentRow.id.in_(chunk))
        for i, title, publisher, published, kind, url in session.execute(stmt):
            out[i] = {
                "id": i,
                "title": title,
                "publisher": publisher,
                "published": published,
                "kind": kind,
                "url": url,
            }
    return out


def organization_counts(session: Session) -> list[tuple[str, int]]:
    """(organization id, documents naming it), most named first."""
    count = sa.func.count(sa.distinct(EntityRow.document_id))
    stmt = (
        sa.select(EntityRow.key, count)
        .where(EntityRow.kind == "organization", EntityRow.key.is_not(None))
        .group_by(EntityRow.key)
        .order_by(count.desc(), EntityRow.key)
    )
    return [(k, n) for k, n in session.execute(stmt) if k is not None]


def iter_record_dicts(session: Session, *, batch: int = 200) -> Iterator[dict[str, Any]]:
    """Every stored record (`DocumentRecord.to_dict()`), oldest ingested first, read in
    batches so an export of a large store never holds it whole in memory."""
    last: tuple[dt.datetime, str] | None = None
    while True:
        stmt = sa.select(DocumentRow.ingested_at, DocumentRow.id, DocumentRow.record).order_by(
            DocumentRow.ingested_at, DocumentRow.id
        )
        if last is not None:
            stmt = stmt.where(sa.tuple_(DocumentRow.ingested_at, DocumentRow.id) > last)
        rows = session.execute(stmt.limit(batch)).all()
        if not rows:
            return
        for _, _, record in rows:
            yield record
        last = (rows[-1][0], rows[-1][1])
