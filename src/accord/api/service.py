"""What each page and API resource shows, gathered once: the JSON routes and the HTML
views both call these and only render the result differently."""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from accord.api import queries as wq
from accord.errors import AccordError, EventNotFoundError
from accord.ingest import read_bytes
from accord.pipeline import store_document
from accord.records import DocumentMetadata, StoredDocument
from accord.report import PartnershipReport, build_report
from accord.store import Store
from accord.store import tracking_queries as tq
from accord.store.queries import AddOutcome, get_document, get_record_dict
from accord.store.tracking_queries import Override, StoredEvent
from accord.tracking.ledger import LedgerEntry, build_ledger

__all__ = [
    "CommitmentView",
    "HomeView",
    "IngestResult",
    "PartnershipView",
    "commitment_entries",
    "commitment_page",
    "commitment_view",
    "document_view",
    "home_view",
    "ingest_bytes",
    "memoized",
    "partnership_json",
    "partnership_view",
]

T = TypeVar("T")
DUE_WINDOW_DAYS = 120
HOME_DUE_LIMIT = 20
# Computed reports and ledgers kept per store: a dense pair's takes most of a second to
# build, and stays the same until its parties' record changes (`parties_version`) or the
# day does; pages over many pairs, until the store changes (`store_version`).
MEMO_SIZE = 64


class _Memo:
    """A small least-recently-used map, shared by the server's worker threads."""

    def __init__(self, size: int) -> None:
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


# One memo per database engine (a store), dropped with it.
_MEMOS: weakref.WeakKeyDictionary[Any, _Memo] = weakref.WeakKeyDictionary()
_MEMOS_LOCK = threading.Lock()


def _memo(session: Session, *, versioned: bool = True) -> tuple[_Memo, tuple[Any, ...]]:
    """The memo of the session's store and the store's version now, part of every key, so
    nothing computed before a change is served after it (from this process or another).
    Read once per public call here, and passed down."""
    engine = session.get_bind()
    with _MEMOS_LOCK:
        memo = _MEMOS.get(engine)
        if memo is None:
            memo = _MEMOS[engine] = _Memo(MEMO_SIZE)
    return memo, wq.store_version(session) if versioned else ()


def memoized(session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, kept in the memo of the session's store under `key`, which must name
    what the value depends on (a `PartnershipView.version`, say)."""
    memo, _ = _memo(session, versioned=False)
    value: T | None = memo.get(key)
    if value is None:
        value = compute()
        memo.put(key, value)
    return value


@dataclass(frozen=True, slots=True)
class PartnershipView:
    report: PartnershipReport
    documents: dict[str, dict[str, Any]]  # the sources: id -> title, publisher, date, url
    version: tuple[Any, ...] = ()  # the version of the pair's record it was built from


def partnership_view(session: Session, *, a: str, b: str, as_of: dt.date) -> PartnershipView:
    """The partnership report of `a` and `b` with the documents it rests on (computed once
    per version of their record and day; see `MEMO_SIZE`)."""
    memo, _ = _memo(session, versioned=False)
    version = wq.parties_version(session, parties=[a, b])
    key = ("partnership", a, b, as_of, version)
    view: PartnershipView | None = memo.get(key)
    if view is not None:
        return view
    report = build_report(session, a=a, b=b, as_of=as_of)
    ids = sorted(
        {d for m in report.meetings for d in m.document_ids}
        | {d for e in report.ledger for d in e.event.document_ids}
    )
    view = PartnershipView(report, wq.document_titles(session, document_ids=ids), version)
    memo.put(key, view)
    # The report's ledger is the ledger of the pair (the same events, the same day).
    ledger_key = ("ledger", "|".join(sorted((report.a, report.b))), as_of, version)
    memo.put(ledger_key, {e.event.id: e for e in report.ledger})
    return view


def partnership_json(session: Session, *, a: str, b: str, as_of: dt.date) -> bytes:
    """The partnership resource of the JSON API (`PartnershipOut`), serialized once per
    version of the pair's record and day: a dense pair's is megabytes, as long to encode
    as to build."""
    from accord.api.schemas import PartnershipOut

    view = partnership_view(session, a=a, b=b, as_of=as_of)
    memo, _ = _memo(session, versioned=False)
    key = ("partnership-json", a, b, as_of, view.version)
    body: bytes | None = memo.get(key)
    if body is None:
        documents = [
            {**d, "published": d["published"].isoformat() if d["published"] else None}
            for d in sorted(view.documents.values(), key=lambda d: (str(d["published"]), d["id"]))
        ]
        # Built from our own report, not from input: nothing to validate, and validating
        # a dense pair's megabytes took as long as serializing them.
        fields = {**view.report.to_dict(), "as_of": view.report.as_of, "documents": documents}
        out = PartnershipOut.model_construct(**fields)
        body = out.model_dump_json().encode("utf-8")
        memo.put(key, body)
    return body


def _ledger(session: Session, *, key: str, as_of: dt.date, memo: _Memo) -> dict[int, LedgerEntry]:
    """The ledger of the commitments a set of parties (a parties key) made together, by
    event id, computed once per version of their record and day."""
    version = wq.parties_version(session, parties=key.split("|"))
    memo_key = ("ledger", key, as_of, version)
    entries: dict[int, LedgerEntry] | None = memo.get(memo_key)
    if entries is None:
        built = build_ledger(session, parties=key.split("|"), as_of=as_of)
        entries = {e.event.id: e for e in built}
        memo.put(memo_key, entries)
    return entries


def _entries(
    session: Session, *, key: str, ids: list[int], as_of: dt.date, memo: _Memo
) -> dict[int, LedgerEntry]:
    """The ledger entries of these commitments of one set of parties (a parties key), by
    event id: read from the pair's whole ledger when one is kept, else computed for these
    alone (and kept, with the others computed so far, until their parties' record or the
    day changes)."""
    version = wq.parties_version(session, parties=key.split("|"))
    whole: dict[int, LedgerEntry] | None = memo.get(("ledger", key, as_of, version))
    if whole is not None:
        return {i: whole[i] for i in ids if i in whole}
    part_key = ("ledger-part", key, as_of, version)
    known: dict[int, LedgerEntry | None] = memo.get(part_key) or {}
    missing = [i for i in ids if i not in known]
    if missing:
        built = build_ledger(session, parties=key.split("|"), as_of=as_of, event_ids=missing)
        got = {e.event.id: e for e in built}
        known = {**known, **{i: got.get(i) for i in missing}}
        memo.put(part_key, known)
    return {i: e for i in ids if (e := known.get(i)) is not None}


def _entries_of(
    session: Session, *, found: list[tuple[int, str]], as_of: dt.date, memo: _Memo
) -> dict[int, LedgerEntry]:
    """The ledger entries of these (event id, parties key) commitments, by event id."""
    by_key: dict[str, list[int]] = {}
    for event_id, key in found:
        by_key.setdefault(key, []).append(event_id)
    out: dict[int, LedgerEntry] = {}
    for key in sorted(by_key):
        out.update(_entries(session, key=key, ids=by_key[key], as_of=as_of, memo=memo))
    return out


def _ledgers(session: Session, *, keys: set[str], as_of: dt.date) -> dict[int, LedgerEntry]:
    """Each commitment's ledger entry, built once per set of parties."""
    memo, _ = _memo(session, versioned=False)
    out: dict[int, LedgerEntry] = {}
    for key in sorted(keys):
        ledger = _ledger(session, key=key, as_of=as_of, memo=memo)
        for event_id, entry in ledger.items():
            out.setdefault(event_id, entry)
    return out


def commitment_page(
    session: Session,
    *,
    as_of: dt.date,
    party: str | None = None,
    area: str | None = None,
    status: str | None = None,
    due_after: dt.date | None = None,
    due_before: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[LedgerEntry]]:
    """(how many match, one page of them): merged commitments known by `as_of` with their
    status then, soonest deadline first.

    Which commitments match needs no status unless `status` filters. Without it, only
    the page's statuses are computed (each judged against its parties' whole record, but
    no other commitment of theirs judged); with it, the whole ledgers of the parties that
    made them. A page is kept until the store changes; the ledgers and entries it was
    read from, until their parties' record does.
    """
    memo, version = _memo(session)
    key = ("commitments", as_of, party, area, status, due_after, due_before, limit, offset)
    page: tuple[int, list[LedgerEntry]] | None = memo.get((*key, version))
    if page is None:
        page = _commitment_page(
            session,
            as_of=as_of,
            party=party,
            area=area,
            status=status,
            due_after=due_after,
            due_before=due_before,
            limit=limit,
            offset=offset,
        )
        memo.put((*key, version), page)
    return page


def _commitment_page(
    session: Session,
    *,
    as_of: dt.date,
    party: str | None,
    area: str | None,
    status: str | None,
    due_after: dt.date | None,
    due_before: dt.date | None,
    limit: int | None,
    offset: int,
) -> tuple[int, list[LedgerEntry]]:
    found = wq.commitment_ids(
        session, party=party, due_after=due_after, due_before=due_before, known_by=as_of
    )
    if area is not None:
        areas = wq.event_areas(session, event_ids=[i for i, _ in found])
        found = [(i, k) for i, k in found if area in areas.get(i, [])]
    end = None if limit is None else offset + limit
    if status is None:
        page = found[offset:end]
        memo, _ = _memo(session, versioned=False)
        entries = _entries_of(session, found=page, as_of=as_of, memo=memo)
        return len(found), [entries[i] for i, _ in page if i in entries]
    ledgers = _ledgers(session, keys={k for _, k in found}, as_of=as_of)
    matching = [ledgers[i] for i, _ in found if i in ledgers and ledgers[i].status == status]
    return len(matching), matching[offset:end]


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
    return commitment_page(
        session,
        as_of=as_of,
        party=party,
        area=area,
        status=status,
        due_after=due_after,
        due_before=due_before,
    )[1]


@dataclass(frozen=True, slots=True)
class HomeView:
    as_of: dt.date
    pairs: list[wq.PairSummary]
    due: list[LedgerEntry]
    documents: int


def home_view(session: Session, *, as_of: dt.date, documents: int) -> HomeView:
    """Partnerships at a glance and the first commitments falling due around `as_of`
    (deadlines from 30 days before to `DUE_WINDOW_DAYS` after, not fulfilled)."""
    memo, version = _memo(session)
    key = ("home", as_of, version)
    view: HomeView | None = memo.get(key)
    if view is not None and view.documents == documents:
        return view
    found = wq.commitment_ids(
        session,
        due_after=as_of - dt.timedelta(days=30),
        due_before=as_of + dt.timedelta(days=DUE_WINDOW_DAYS),
        known_by=as_of,
    )
    # Soonest deadline first, a status only for as many as it takes to fill the list: as
    # many as are missing at a time, each pair's computed together.
    due: list[LedgerEntry] = []
    start = 0
    while start < len(found) and len(due) < HOME_DUE_LIMIT:
        batch = found[start : start + HOME_DUE_LIMIT - len(due)]
        start += len(batch)
        entries = _entries_of(session, found=batch, as_of=as_of, memo=memo)
        for event_id, _ in batch:
            entry = entries.get(event_id)
            if entry is not None and entry.status != "fulfilled":
                due.append(entry)
    view = HomeView(as_of, wq.pair_overview(session, as_of=as_of), due, documents)
    memo.put(key, view)
    return view


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
    memo, _ = _memo(session, versioned=False)
    key = "|".join(event.parties)
    entry = _entries(session, key=key, ids=[event.id], as_of=as_of, memo=memo).get(event.id)
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
            document, outcome = store_document(store, raw, metadata=metadata)
        except AccordError as error:
            failed.append(str(error))
            continue
        stored.append((document.id, document.title, outcome))
    return IngestResult(stored, failed)
