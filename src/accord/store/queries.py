"""Reading and writing the store: keyword-only functions over a session, returning records.

Every function takes the caller's `Session` (from `Store.session()`), so a caller decides
what one transaction holds; nothing here commits. Rows never leave this module: callers
get the typed records of `accord.records` (or the small `Stored*` wrappers below).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import reduce
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased, selectinload

from accord.errors import AmbiguousIdError, DocumentNotFoundError, StoreError
from accord.records import (
    Agreement,
    Annotations,
    BodyMention,
    Citation,
    Commitment,
    CountryMention,
    Document,
    DocumentRecord,
    Evidence,
    Meeting,
    OrganizationMention,
    Participant,
    Person,
    Place,
    StoredDocument,
    TimeExpression,
)
from accord.store.models import (
    DOCUMENT_STATUSES,
    AreaRow,
    CitationRow,
    CommitmentRow,
    DocumentRow,
    EntityRow,
    MeetingRow,
    ParticipantRow,
    WarningRow,
)

__all__ = [
    "AddOutcome",
    "StoredCommitment",
    "StoredMeeting",
    "add_record",
    "count_documents",
    "get_document",
    "get_record_dict",
    "list_commitments",
    "list_documents",
    "list_meetings",
    "load_record",
    "replace_skipped",
    "search_terms",
]

_HEX_PREFIX = re.compile(r"[0-9a-f]{1,64}")
# A quoted phrase, or any run of non-space characters.
_SEARCH_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
# What both full-text tokenizers (FTS5 unicode61, PostgreSQL's parser) index: runs of
# letters and digits; everything else only separates words.
_SEARCH_WORD = re.compile(r"[^\W_]+")
# PostgreSQL's text search configuration; the migration's generated column uses the same.
_PG_TS_CONFIG: sa.ColumnElement[Any] = sa.literal_column("'english'::regconfig")
# bm25 column weights for documents_fts(document_id, title, text): a title hit counts more.
_FTS5_WEIGHTS = (0.0, 5.0, 1.0)
# A search page read from the index's scores (`_fts5_page`): how deep, and how many rows
# past the cut are read so that documents tied on score there are all compared.
_FTS5_FAST_DEPTH = 2000
_FTS5_TIE_ROOM = 200


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What `add_record` did: stored a new document, a new version of one, or nothing."""

    status: Literal["new", "exists", "new_version"]
    document_id: str
    previous_id: str | None


@dataclass(frozen=True, slots=True)
class StoredMeeting:
    id: int  # the row id, stable for the life of the store
    document_id: str
    meeting: Meeting


@dataclass(frozen=True, slots=True)
class StoredCommitment:
    id: int
    document_id: str
    commitment: Commitment


# --- writing -------------------------------------------------------------------------


def add_record(
    session: Session, *, record: DocumentRecord, source_status: str = "analysed"
) -> AddOutcome:
    """Store a document record: its document, full-text entry and every fact read in it.

    A document whose id (the hash of its text) is stored already is left alone ("exists").
    A new text at a URL already stored becomes a "new_version" linked to the newest stored
    version there. The write runs in a savepoint: if it fails (`StoreError`), nothing of
    this document remains and the caller's transaction stays usable (a batch can log and go
    on). Call it in `store.session(write=True)` when other processes may write at once.
    """
    if source_status not in DOCUMENT_STATUSES:
        raise ValueError(f"source_status must be one of {DOCUMENT_STATUSES}, not {source_status!r}")
    doc = record.document
    existing = session.get(DocumentRow, doc.id)
    if existing is not None:
        return AddOutcome("exists", doc.id, existing.previous_version_id)
    previous_id = _newest_version_at(session, url=doc.url) if doc.url else None
    row = _document_row(record, status=source_status, previous_id=previous_id)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
            _insert_entities(session, document_id=doc.id, annotations=record.annotations)
    except DBAPIError as e:
        reason = " ".join(str(e.orig).split())
        raise StoreError(f"cannot store document {doc.id[:12]} ({doc.source}): {reason}") from e
    return AddOutcome("new" if previous_id is None else "new_version", doc.id, previous_id)


def _newest_version_at(session: Session, *, url: str) -> str | None:
    """The head of the version chain at `url`: the stored text no newer one points back to."""
    newer = aliased(DocumentRow)
    stmt = (
        sa.select(DocumentRow.id)
        .where(DocumentRow.url == url)
        .where(~sa.exists().where(newer.previous_version_id == DocumentRow.id))
        .order_by(DocumentRow.ingested_at.desc(), DocumentRow.id)
        .limit(1)
    )
    return session.scalars(stmt).first()


def _document_row(record: DocumentRecord, *, status: str, previous_id: str | None) -> DocumentRow:
    doc = record.document
    row = DocumentRow(
        id=doc.id,
        text=doc.text,
        title=doc.title,
        url=doc.url,
        publisher=doc.publisher,
        published=doc.published,
        kind=doc.kind,
        source=doc.source,
        format=doc.format,
        ingested_at=dt.datetime.now(dt.UTC),
        previous_version_id=previous_id,
        status=status,
        record=record.to_dict(),
    )
    # Entities are not here: `_insert_entities` writes them in one statement.
    row.meetings = [_meeting_row(m, position=i) for i, m in enumerate(record.meetings)]
    row.commitments = [_commitment_row(c, position=i) for i, c in enumerate(record.commitments)]
    row.citations = [
        _citation_row(c, position=i) for i, c in enumerate(record.annotations.citations)
    ]
    # One row per area id (it is the key): a repeated id adds nothing.
    row.areas = [AreaRow(area=a, position=i) for i, a in enumerate(dict.fromkeys(record.areas))]
    row.warnings = [WarningRow(message=w, position=i) for i, w in enumerate(record.warnings)]
    return row


def _span(evidence: Evidence | None) -> dict[str, Any]:
    if evidence is None:
        return {"start": None, "end": None, "text": None}
    return {"start": evidence.start, "end": evidence.end, "text": evidence.text}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def replace_skipped(session: Session, *, record: DocumentRecord) -> bool:
    """Turn a stored "skipped" document into an analysed one, in place (its id, version
    chain and ingestion time stay); False when it is not stored as skipped."""
    row = session.get(DocumentRow, record.document.id)
    if row is None or row.status != "skipped":
        return False
    with session.no_autoflush:
        # Built detached and emptied into the stored row: the old facts (none, for a skipped
        # document) are deleted as orphans.
        fresh = _document_row(record, status="analysed", previous_id=row.previous_version_id)
        row.status = "analysed"
        row.record = fresh.record
        for relation in ("meetings", "commitments", "citations", "areas", "warnings"):
            children = list(getattr(fresh, relation))
            setattr(fresh, relation, [])
            setattr(row, relation, children)
    session.flush()
    session.execute(sa.delete(EntityRow).where(EntityRow.document_id == row.id))
    _insert_entities(session, document_id=row.id, annotations=record.annotations)
    session.expire(row, ["entities"])
    return True


def _insert_entities(session: Session, *, document_id: str, annotations: Annotations) -> None:
    # One executemany, not an ORM insert per row: entities are most of a document's rows,
    # and nothing needs them back as objects while the document is being written.
    values = _entity_values(annotations)
    if values:
        session.execute(sa.insert(EntityRow), [{**v, "document_id": document_id} for v in values])


def _entity_values(a: Annotations) -> list[dict[str, Any]]:
    """Every mention the reading layer found, one row each.

    `key` is what the entity resolves to: the iso3 code a country is, or a person, body
    or place belongs to; an organization id; a time's first day; an agreement's short name.
    `attrs` holds the rest, so `load_record` can rebuild the annotations exactly.
    """
    rows: list[dict[str, Any]] = []

    def add(kind: str, items: list[tuple[str, str | None, Evidence | None, dict]]) -> None:
        for i, (label, key, evidence, attrs) in enumerate(items):
            span = _span(evidence)
            rows.append(
                {"kind": kind, "position": i, "label": label, "key": key, "attrs": attrs, **span}
            )

    add(
        "person",
        [
            (
                p.name,
                p.country,
                p.mentions[0] if p.mentions else None,
                {
                    "title": p.title,
                    "country": p.country,
                    "body": p.body,
                    "mentions": [m.to_dict() for m in p.mentions],
                },
            )
            for p in a.people
        ],
    )
    add("country", [(c.evidence.text, c.iso3, c.evidence, {}) for c in a.countries])
    add("organization", [(o.evidence.text, o.org_id, o.evidence, {}) for o in a.organizations])
    add("body", [(b.name, b.country, b.evidence, {"country": b.country}) for b in a.bodies])
    add(
        "place",
        [
            (
                p.city or p.evidence.text,
                p.country,
                p.evidence,
                {"city": p.city, "country": p.country},
            )
            for p in a.places
        ],
    )
    add(
        "time",
        [
            (
                t.text,
                _iso(t.start),
                t.evidence,
                {"precision": t.precision, "start": _iso(t.start), "end": _iso(t.end)},
            )
            for t in a.times
        ],
    )
    add("agreement", [(g.name, g.short, g.evidence, {"short": g.short}) for g in a.agreements])
    return rows


def _meeting_row(m: Meeting, *, position: int) -> MeetingRow:
    return MeetingRow(
        position=position,
        date=m.date,
        city=m.city,
        country=m.country,
        parties=list(m.parties),
        mechanism=m.mechanism,
        attribution=m.attribution,
        plover=m.plover,
        cameo=m.cameo,
        evidence_start=m.evidence.start,
        evidence_end=m.evidence.end,
        evidence_text=m.evidence.text,
        participants=[
            ParticipantRow(position=i, name=p.name, country=p.country, title=p.title)
            for i, p in enumerate(m.participants)
        ],
    )


def _commitment_row(c: Commitment, *, position: int) -> CommitmentRow:
    return CommitmentRow(
        position=position,
        parties=list(c.parties),
        text=c.text,
        modality=c.modality,
        deadline=c.deadline,
        areas=list(c.areas),
        forums=list(c.forums),
        attribution=c.attribution,
        plover=c.plover,
        cameo=c.cameo,
        evidence_start=c.evidence.start,
        evidence_end=c.evidence.end,
        evidence_text=c.evidence.text,
    )


def _citation_row(c: Citation, *, position: int) -> CitationRow:
    return CitationRow(
        position=position,
        marker=c.marker,
        ref=c.ref,
        resolves_to=c.resolves_to,
        title=c.title,
        publisher=c.publisher,
        url=c.url,
        accessed=c.accessed,
    )


# --- documents -----------------------------------------------------------------------


def search_terms(query: str) -> list[str]:
    """Split a user's search into terms, each a word or a quoted phrase (words joined by
    spaces). Operators and punctuation are dropped, so no input is a syntax error: every
    term must match, and a phrase's words must appear in order."""
    terms = []
    for match in _SEARCH_TOKEN.finditer(query):
        chunk = match.group(1) if match.group(1) is not None else match.group(2)
        words = _SEARCH_WORD.findall(chunk)
        if words:
            terms.append(" ".join(words))
    return terms


def _fts5_query(terms: list[str]) -> str:
    # Each term becomes an FTS5 string (a phrase); terms hold only letters, digits and
    # spaces, so quoting them is enough to make AND, NEAR, * and the like plain words.
    return " ".join(f'"{term}"' for term in terms)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _filtered(
    session: Session, stmt: sa.Select, *, search: str | None, since: dt.date | None
) -> tuple[sa.Select, Any] | None:
    """Apply the shared filters; returns (statement, rank to order by) or None when the
    search has no searchable word (so nothing can match)."""
    if since is not None:
        stmt = stmt.where(DocumentRow.published >= since)
    if search is None or not search.strip():
        return stmt, None
    terms = search_terms(search)
    if not terms:
        return None
    if session.get_bind().dialect.name == "postgresql":
        vector: sa.ColumnElement[Any] = sa.literal_column("documents.search_vector")
        phrases: list[sa.ColumnElement[Any]] = [
            sa.func.phraseto_tsquery(_PG_TS_CONFIG, term) for term in terms
        ]
        query = reduce(lambda a, b: a.op("&&")(b), phrases)
        stmt = stmt.where(vector.op("@@")(query))
        return stmt, sa.func.ts_rank_cd(vector, query).desc()
    fts: sa.ColumnElement[Any] = sa.literal_column("documents_fts")
    hits = (
        sa.select(
            sa.literal_column("document_id").label("document_id"),
            sa.func.bm25(fts, *_FTS5_WEIGHTS).label("score"),
        )
        .select_from(sa.table("documents_fts"))
        .where(fts.op("MATCH")(_fts5_query(terms)))
        .subquery("hits")
    )
    stmt = stmt.join(hits, hits.c.document_id == DocumentRow.id)
    return stmt, hits.c.score.asc()  # bm25: lower is better


def _newest_first() -> tuple[Any, ...]:
    return (
        DocumentRow.published.desc().nulls_last(),
        DocumentRow.ingested_at.desc(),
        DocumentRow.id,
    )


def _fts5_page(
    session: Session, terms: list[str], *, limit: int, offset: int
) -> list[StoredDocument] | None:
    """One page of an SQLite full-text search, ordered as `list_documents` orders it, read
    from the index's scores alone; None when the page lies too deep or ties at its cut
    run past the room kept for them (the caller then joins every match).

    Joining every match to the documents reads the id from the FTS content table, next to
    the text, for each match: most of a search's time when half the store matches. The
    best `offset + limit` scores (with room for ties at the cut, which the secondary
    order decides) need only the index; ids and dates are then read for those alone.
    """
    want = offset + limit
    if want > _FTS5_FAST_DEPTH:
        return None
    scored: list[tuple[int, float]] = [
        (rowid, score)
        for rowid, score in session.execute(
            sa.text(
                "SELECT rowid, bm25(documents_fts, :w0, :w1, :w2) AS score FROM documents_fts "
                "WHERE documents_fts MATCH :query ORDER BY score LIMIT :n"
            ),
            {
                "w0": _FTS5_WEIGHTS[0],
                "w1": _FTS5_WEIGHTS[1],
                "w2": _FTS5_WEIGHTS[2],
                "query": _fts5_query(terms),
                "n": want + _FTS5_TIE_ROOM,
            },
        )
    ]
    if len(scored) > want:
        cut = scored[want - 1][1]
        if scored[-1][1] == cut and len(scored) == want + _FTS5_TIE_ROOM:
            return None  # the tie at the cut may go on past what was read
        scored = [(rowid, score) for rowid, score in scored if score <= cut]
    if not scored:
        return []
    score_of: dict[int, float] = dict(scored)
    ids: dict[str, float] = {}
    stmt = sa.text("SELECT rowid, document_id FROM documents_fts WHERE rowid IN :rowids")
    stmt = stmt.bindparams(sa.bindparam("rowids", expanding=True))
    for row in session.execute(stmt, {"rowids": list(score_of)}):
        ids[row[1]] = score_of[row[0]]
    dates = list(
        session.execute(
            sa.select(DocumentRow.id, DocumentRow.published, DocumentRow.ingested_at).where(
                DocumentRow.id.in_(list(ids))
            )
        )
    )
    # bm25 (lower is better), then newest published (undated last), newest ingested, id.
    dates.sort(
        key=lambda r: (
            ids[r[0]],
            r[1] is None,
            -(r[1].toordinal() if r[1] else 0),
            -r[2].timestamp(),
            r[0],
        )
    )
    page = [r[0] for r in dates[offset:want]]
    rows = {
        r.id: r for r in session.scalars(sa.select(DocumentRow).where(DocumentRow.id.in_(page)))
    }
    return [_stored_document(rows[i]) for i in page]


def list_documents(
    session: Session,
    *,
    search: str | None = None,
    since: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredDocument]:
    """Stored documents, newest published first (undated last).

    `search` is a full-text match over title and text (see `search_terms`); with it, the
    best matches come first. `since` keeps documents published on or after that day.
    """
    terms = search_terms(search) if search else []
    if terms and since is None and limit is not None and _dialect(session) == "sqlite":
        page = _fts5_page(session, terms, limit=limit, offset=offset)
        if page is not None:
            return page
    filtered = _filtered(session, sa.select(DocumentRow), search=search, since=since)
    if filtered is None:
        return []
    stmt, rank = filtered
    order = _newest_first() if rank is None else (rank, *_newest_first())
    stmt = stmt.order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_stored_document(row) for row in session.scalars(stmt)]


def count_documents(
    session: Session, *, search: str | None = None, since: dt.date | None = None
) -> int:
    """How many documents `list_documents` would return without a limit."""
    terms = search_terms(search) if search else []
    if terms and since is None and _dialect(session) == "sqlite":
        # Every document has one row in the index (kept so by triggers): count there,
        # without reading each match's id next to its text.
        stmt = sa.text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :query")
        return session.scalar(stmt, {"query": _fts5_query(terms)}) or 0
    filtered = _filtered(
        session, sa.select(sa.func.count()).select_from(DocumentRow), search=search, since=since
    )
    if filtered is None:
        return 0
    return session.scalar(filtered[0]) or 0


def get_document(session: Session, *, id_prefix: str) -> StoredDocument:
    """The document whose id starts with `id_prefix` (hex, as with git commits).

    Raises `DocumentNotFoundError` when none does (or the prefix is not hex) and
    `AmbiguousIdError` when several do.
    """
    prefix = id_prefix.strip().lower()
    if not _HEX_PREFIX.fullmatch(prefix):
        raise DocumentNotFoundError(id_prefix)
    if len(prefix) == 64:
        row = session.get(DocumentRow, prefix)
        if row is None:
            raise DocumentNotFoundError(id_prefix)
        return _stored_document(row)
    # Hex digits hold no LIKE wildcards, so the prefix needs no escaping.
    ids = list(
        session.scalars(
            sa.select(DocumentRow.id)
            .where(DocumentRow.id.like(f"{prefix}%"))
            .order_by(DocumentRow.id)
        )
    )
    if not ids:
        raise DocumentNotFoundError(id_prefix)
    if len(ids) > 1:
        raise AmbiguousIdError(id_prefix, ids)
    row = session.get(DocumentRow, ids[0])
    assert row is not None  # just selected, in this transaction
    return _stored_document(row)


def get_record_dict(session: Session, *, document_id: str) -> dict[str, Any]:
    """The stored `DocumentRecord.to_dict()` of a document (by full id)."""
    record = session.scalar(sa.select(DocumentRow.record).where(DocumentRow.id == document_id))
    if record is None:
        raise DocumentNotFoundError(document_id)
    return record


def _stored_document(row: DocumentRow) -> StoredDocument:
    return StoredDocument(
        document=Document(
            id=row.id,
            text=row.text,
            source=row.source,
            format=row.format,
            title=row.title,
            url=row.url,
            published=row.published,
            publisher=row.publisher,
            kind=row.kind,
        ),
        ingested_at=row.ingested_at,
        previous_version=row.previous_version_id,
        status=row.status,
    )


# --- meetings and commitments ---------------------------------------------------------


def _array_contains(session: Session, column: Any, value: str) -> Any:
    """`value` is an element of the JSON array in `column` (GIN-indexed on PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        return sa.type_coerce(column, JSONB).contains([value])
    elements = sa.func.json_each(column).table_valued("value")
    return sa.exists().select_from(elements).where(elements.c.value == value)


def list_meetings(
    session: Session, *, party: str | None = None, since: dt.date | None = None
) -> list[StoredMeeting]:
    """Stored meetings, newest first (undated last).

    `party` (an iso3 code) keeps meetings it took part in; `since` keeps meetings dated
    on or after that day.
    """
    stmt = (
        sa.select(MeetingRow)
        .join(MeetingRow.document)
        .options(selectinload(MeetingRow.participants))
        .order_by(
            MeetingRow.date.desc().nulls_last(),
            DocumentRow.published.desc().nulls_last(),
            MeetingRow.document_id,
            MeetingRow.position,
        )
    )
    if party is not None:
        stmt = stmt.where(_array_contains(session, MeetingRow.parties, party.strip().upper()))
    if since is not None:
        stmt = stmt.where(MeetingRow.date >= since)
    return [StoredMeeting(row.id, row.document_id, _meeting(row)) for row in session.scalars(stmt)]


def list_commitments(
    session: Session,
    *,
    party: str | None = None,
    area: str | None = None,
    due_before: dt.date | None = None,
) -> list[StoredCommitment]:
    """Stored commitments, soonest deadline first (those without one last).

    `party` (iso3) keeps commitments it made; `area` those in that area id; `due_before`
    those whose deadline is strictly before that day.
    """
    stmt = (
        sa.select(CommitmentRow)
        .join(CommitmentRow.document)
        .order_by(
            CommitmentRow.deadline.asc().nulls_last(),
            DocumentRow.published.desc().nulls_last(),
            CommitmentRow.document_id,
            CommitmentRow.position,
        )
    )
    if party is not None:
        stmt = stmt.where(_array_contains(session, CommitmentRow.parties, party.strip().upper()))
    if area is not None:
        stmt = stmt.where(_array_contains(session, CommitmentRow.areas, area.strip()))
    if due_before is not None:
        stmt = stmt.where(CommitmentRow.deadline < due_before)
    return [
        StoredCommitment(row.id, row.document_id, _commitment(row)) for row in session.scalars(stmt)
    ]


def _meeting(row: MeetingRow) -> Meeting:
    return Meeting(
        date=row.date,
        city=row.city,
        country=row.country,
        parties=tuple(row.parties),
        participants=tuple(
            Participant(name=p.name, country=p.country, title=p.title) for p in row.participants
        ),
        mechanism=row.mechanism,
        evidence=Evidence(row.evidence_start, row.evidence_end, row.evidence_text),
        attribution=row.attribution,  # type: ignore[arg-type]  # checked when written
        plover=row.plover,
        cameo=row.cameo,
    )


def _commitment(row: CommitmentRow) -> Commitment:
    return Commitment(
        parties=tuple(row.parties),
        text=row.text,
        modality=row.modality,  # type: ignore[arg-type]  # checked when written
        deadline=row.deadline,
        areas=tuple(row.areas),
        forums=tuple(row.forums),
        evidence=Evidence(row.evidence_start, row.evidence_end, row.evidence_text),
        attribution=row.attribution,  # type: ignore[arg-type]
        plover=row.plover,
        cameo=row.cameo,
    )


# --- whole records --------------------------------------------------------------------


def load_record(session: Session, *, document_id: str) -> DocumentRecord:
    """Rebuild a document's `DocumentRecord` from its rows (by full id).

    The inverse of `add_record`: what the tracking layer reads when it needs typed
    records rather than the stored JSON.
    """
    row = session.scalar(
        sa.select(DocumentRow)
        .where(DocumentRow.id == document_id)
        .options(
            selectinload(DocumentRow.entities),
            selectinload(DocumentRow.meetings).selectinload(MeetingRow.participants),
            selectinload(DocumentRow.commitments),
            selectinload(DocumentRow.citations),
            selectinload(DocumentRow.areas),
            selectinload(DocumentRow.warnings),
        )
    )
    if row is None:
        raise DocumentNotFoundError(document_id)
    by_position = sorted(row.entities, key=lambda e: (e.kind, e.position))
    kinds: dict[str, list[EntityRow]] = {}
    for entity in by_position:
        kinds.setdefault(entity.kind, []).append(entity)
    return DocumentRecord(
        document=_stored_document(row).document,
        meetings=tuple(_meeting(m) for m in sorted(row.meetings, key=lambda m: m.position)),
        commitments=tuple(
            _commitment(c) for c in sorted(row.commitments, key=lambda c: c.position)
        ),
        areas=tuple(a.area for a in sorted(row.areas, key=lambda a: a.position)),
        annotations=_annotations(kinds, sorted(row.citations, key=lambda c: c.position)),
        warnings=tuple(w.message for w in sorted(row.warnings, key=lambda w: w.position)),
    )


def _evidence(e: EntityRow) -> Evidence:
    if e.start is None or e.end is None or e.text is None:
        raise StoreError(f"entity {e.id} ({e.kind} {e.label!r}) has no span but needs one")
    return Evidence(e.start, e.end, e.text)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _annotations(kinds: dict[str, list[EntityRow]], citations: list[CitationRow]) -> Annotations:
    return Annotations(
        people=tuple(
            Person(
                name=e.label,
                title=e.attrs.get("title"),
                country=e.attrs.get("country"),
                body=e.attrs.get("body"),
                mentions=tuple(
                    Evidence(m["start"], m["end"], m["text"]) for m in e.attrs.get("mentions", [])
                ),
            )
            for e in kinds.get("person", [])
        ),
        countries=tuple(
            CountryMention(iso3=e.key or "", evidence=_evidence(e))
            for e in kinds.get("country", [])
        ),
        organizations=tuple(
            OrganizationMention(org_id=e.key or "", evidence=_evidence(e))
            for e in kinds.get("organization", [])
        ),
        bodies=tuple(
            BodyMention(name=e.label, country=e.attrs.get("country"), evidence=_evidence(e))
            for e in kinds.get("body", [])
        ),
        places=tuple(
            Place(city=e.attrs.get("city"), country=e.attrs.get("country"), evidence=_evidence(e))
            for e in kinds.get("place", [])
        ),
        times=tuple(
            TimeExpression(
                text=e.label,
                evidence=_evidence(e),
                precision=e.attrs["precision"],
                start=_date(e.attrs.get("start")),
                end=_date(e.attrs.get("end")),
            )
            for e in kinds.get("time", [])
        ),
        agreements=tuple(
            Agreement(
                name=e.label,
                short=e.attrs.get("short"),
                evidence=None if e.start is None else _evidence(e),
            )
            for e in kinds.get("agreement", [])
        ),
        citations=tuple(
            Citation(
                marker=c.marker,
                ref=c.ref,
                resolves_to=c.resolves_to,
                title=c.title,
                publisher=c.publisher,
                url=c.url,
                accessed=c.accessed,
            )
            for c in citations
        ),
    )
