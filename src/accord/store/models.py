"""SQLAlchemy tables of the store: one row per document and one per fact read in it.

The same models serve SQLite and PostgreSQL. Full-text search is not declared here: the
first migration creates it per dialect (an FTS5 table kept in sync by triggers on SQLite,
a generated `tsvector` column with a GIN index on PostgreSQL), and `UNMANAGED_PREFIXES`
tells Alembic's autogenerate to leave those objects alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so later migrations (and SQLite batch mode) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Objects created by raw SQL in the migrations (per dialect), not by these models.
UNMANAGED_PREFIXES: tuple[str, ...] = ("documents_fts", "search_vector", "ix_gin_")

DOCUMENT_STATUSES: tuple[str, ...] = ("analysed", "skipped")
ENTITY_KINDS: tuple[str, ...] = (
    "person",
    "country",
    "organization",
    "body",
    "place",
    "time",
    "agreement",
)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC datetime on every backend.

    SQLite has no time zones: values are stored as naive UTC and given back their `UTC`
    tzinfo on the way out, so callers never see a naive datetime.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the store keeps aware UTC datetimes")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


# Arrays of ids (parties, areas, forums): JSONB on PostgreSQL for `@>` lookups with GIN
# indexes; plain JSON text on SQLite, searched with json_each().
JSONList = JSON().with_variant(JSONB(), "postgresql")


def _evidence_checks(prefix: str = "evidence_") -> tuple[CheckConstraint, ...]:
    """Spans point inside the text: start >= 0 and end >= start."""
    start, end = f"{prefix}start", f"{prefix}end"
    return (
        CheckConstraint(f'"{start}" >= 0', name=f"{prefix}start_nonnegative"),
        CheckConstraint(f'"{end}" >= "{start}"', name=f"{prefix}end_after_start"),
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRow(Base):
    """A stored document: its text, metadata, place in a version chain and full record."""

    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint("status IN ('analysed', 'skipped')", name="status_known"),
        Index("ix_documents_published", "published"),
        Index("ix_documents_ingested_at", "ingested_at"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the text
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    publisher: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32), default="other")
    source: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    ingested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # The older text at the same URL; SET NULL keeps a chain usable if a version is deleted.
    previous_version_id: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="analysed")
    # The full DocumentRecord.to_dict(), so exports need no joins. Plain JSON (not JSONB)
    # on PostgreSQL keeps the contract's key order.
    record: Mapped[dict[str, Any]] = mapped_column(JSON)

    entities: Mapped[list[EntityRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    meetings: Mapped[list[MeetingRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    commitments: Mapped[list[CommitmentRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    citations: Mapped[list[CitationRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    areas: Mapped[list[AreaRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    warnings: Mapped[list[WarningRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class EntityRow(Base):
    """A thing the reading layer found: a person, country, organization, body, place,
    time expression or agreement, with the span it was read from (if any)."""

    __tablename__ = "entities"
    __table_args__ = (
        *_evidence_checks(""),
        Index("ix_entities_kind_key", "kind", "key"),
        Index("ix_entities_kind_label", "kind", "label"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)  # order within its kind in the record
    kind: Mapped[str] = mapped_column(String(32))  # one of ENTITY_KINDS
    label: Mapped[str] = mapped_column(Text)  # the surface or canonical name
    key: Mapped[str | None] = mapped_column(String(64))  # iso3, org id, normalized date
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    attrs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    document: Mapped[DocumentRow] = relationship(back_populates="entities")


class MeetingRow(Base):
    __tablename__ = "meetings"
    __table_args__ = (*_evidence_checks(),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    city: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    parties: Mapped[list[str]] = mapped_column(JSONList)
    mechanism: Mapped[str | None] = mapped_column(Text, index=True)
    attribution: Mapped[str] = mapped_column(String(16))
    plover: Mapped[str] = mapped_column(String(32))
    cameo: Mapped[str] = mapped_column(String(8))
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="meetings")
    participants: Mapped[list[ParticipantRow]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ParticipantRow.position",
    )


class ParticipantRow(Base):
    __tablename__ = "meeting_participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    title: Mapped[str | None] = mapped_column(Text)

    meeting: Mapped[MeetingRow] = relationship(back_populates="participants")


class CommitmentRow(Base):
    __tablename__ = "commitments"
    __table_args__ = (*_evidence_checks(),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    parties: Mapped[list[str]] = mapped_column(JSONList)
    text: Mapped[str] = mapped_column(Text)
    modality: Mapped[str] = mapped_column(String(16), index=True)
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    areas: Mapped[list[str]] = mapped_column(JSONList)
    forums: Mapped[list[str]] = mapped_column(JSONList)
    attribution: Mapped[str] = mapped_column(String(16))
    plover: Mapped[str] = mapped_column(String(32))
    cameo: Mapped[str] = mapped_column(String(8))
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="commitments")


class CitationRow(Base):
    """A footnote or reference; citations carry no span in the records, so none here."""

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    marker: Mapped[str] = mapped_column(Text)
    ref: Mapped[str] = mapped_column(Text)
    resolves_to: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    accessed: Mapped[dt.date | None] = mapped_column(Date)

    document: Mapped[DocumentRow] = relationship(back_populates="citations")


class AreaRow(Base):
    """A cooperation area the document names (one row per area id)."""

    __tablename__ = "document_areas"

    document_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    area: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)

    document: Mapped[DocumentRow] = relationship(back_populates="areas")


class WarningRow(Base):
    __tablename__ = "document_warnings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="warnings")


# --- across documents (the tracking layer, migration 0002) ------------------------------

EVENT_KINDS: tuple[str, ...] = ("meeting", "commitment")
LEDGER_STATUSES: tuple[str, ...] = ("open", "due_soon", "overdue", "fulfilled", "renewed")


class EventRow(Base):
    """One meeting or commitment as the whole store knows it, merged from every source.

    The summary columns (date, place, mechanism, text) are recomputed from all sources
    whenever one arrives, so they never depend on the order documents came in.
    """

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("kind IN ('meeting', 'commitment')", name="kind_known"),
        Index("ix_events_kind_date", "kind", "date"),
        # Commitments by deadline (the home page, the commitments list), and the pairs
        # overview's group-by read from the index alone, never the rows' JSON (0004).
        Index("ix_events_kind_deadline", "kind", "deadline"),
        Index("ix_events_parties_kind_date", "parties_key", "kind", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    parties_key: Mapped[str] = mapped_column(String(255), index=True)  # "CAN|KOR", sorted
    date: Mapped[dt.date | None] = mapped_column(Date)  # meeting day, or when a pledge was made
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    mechanism: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)  # the commitment clause or meeting evidence
    modality: Mapped[str | None] = mapped_column(String(16))
    source_count: Mapped[int] = mapped_column(Integer, default=0)
    # The merged view: every field's values with the sources that give them, and conflicts.
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    parties: Mapped[list[EventPartyRow]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    sources: Mapped[list[EventSourceRow]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class EventPartyRow(Base):
    """One party of an event: the index behind 'every event of KOR and CAN'."""

    __tablename__ = "event_parties"
    __table_args__ = (Index("ix_event_parties_party_event", "party", "event_id"),)

    event_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    party: Mapped[str] = mapped_column(String(16), primary_key=True)

    event: Mapped[EventRow] = relationship(back_populates="parties")


class EventSourceRow(Base):
    """One document's report of an event: a meeting or commitment row it was read from.

    `facts` copies what merging and reports need (place, participants, text, the
    document's date and url), so neither reads the documents' text.
    """

    __tablename__ = "event_sources"
    __table_args__ = (
        Index("ix_event_sources_kind_parties_date", "kind", "parties_key", "date"),
        Index("ix_event_sources_kind_parties_deadline", "kind", "parties_key", "deadline"),
        # An event's sources, and "is a report of it known by that day?" from the index
        # alone: replaces the index on event_id alone (0004).
        Index("ix_event_sources_event_published_date", "event_id", "published", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Indexed by ix_event_sources_event_published_date, which leads with it (0004).
    event_id: Mapped[int] = mapped_column(Integer, ForeignKey("events.id", ondelete="CASCADE"))
    # "<document id>:<kind>:<position>": stable across re-ingestion, unlike row ids.
    source_key: Mapped[str] = mapped_column(String(96), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    document_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    commitment_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("commitments.id", ondelete="CASCADE"), index=True
    )
    parties_key: Mapped[str] = mapped_column(String(255))
    date: Mapped[dt.date | None] = mapped_column(Date)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    published: Mapped[dt.date | None] = mapped_column(Date)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    event: Mapped[EventRow] = relationship(back_populates="sources")


class StatusOverrideRow(Base):
    """An analyst's ruling on a commitment's status: an append-only audit trail.

    Keyed by a source key of the commitment (not the event id alone), so the ruling
    survives re-ingestion and re-merging; the newest ruling wins.
    """

    __tablename__ = "commitment_status_overrides"
    __table_args__ = (
        CheckConstraint(
            "status IN ('open', 'due_soon', 'overdue', 'fulfilled', 'renewed')",
            name="status_known",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_key: Mapped[str] = mapped_column(String(96), index=True)
    event_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


# --- access to the web API (migration 0003) ------------------------------------------------


class ApiTokenRow(Base):
    """An API token for writes (ingest, status overrides): only its SHA-256 is kept, so a
    stolen store gives no usable token. Revoking keeps the row for the audit trail."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
