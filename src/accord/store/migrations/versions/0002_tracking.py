"""Tracking across documents: merged events, their sources and parties, status overrides.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(column: str, table: str, target: str, *, ondelete: str, nullable: bool) -> sa.Column:
    return sa.Column(
        column,
        sa.Integer() if target != "documents" else sa.String(64),
        sa.ForeignKey(
            f"{target}.id", ondelete=ondelete, name=op.f(f"fk_{table}_{column}_{target}")
        ),
        nullable=nullable,
    )


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("parties_key", sa.String(255), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("mechanism", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("modality", sa.String(16), nullable=True),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.CheckConstraint("kind IN ('meeting', 'commitment')", name=op.f("ck_events_kind_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index("ix_events_parties_key", "events", ["parties_key"])
    op.create_index("ix_events_kind_date", "events", ["kind", "date"])

    op.create_table(
        "event_parties",
        _fk("event_id", "event_parties", "events", ondelete="CASCADE", nullable=False),
        sa.Column("party", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "party", name=op.f("pk_event_parties")),
    )
    op.create_index("ix_event_parties_party_event", "event_parties", ["party", "event_id"])

    op.create_table(
        "event_sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _fk("event_id", "event_sources", "events", ondelete="CASCADE", nullable=False),
        sa.Column("source_key", sa.String(96), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        _fk("document_id", "event_sources", "documents", ondelete="CASCADE", nullable=False),
        _fk("meeting_id", "event_sources", "meetings", ondelete="CASCADE", nullable=True),
        _fk("commitment_id", "event_sources", "commitments", ondelete="CASCADE", nullable=True),
        sa.Column("parties_key", sa.String(255), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sources")),
        sa.UniqueConstraint("source_key", name=op.f("uq_event_sources_source_key")),
    )
    op.create_index("ix_event_sources_event_id", "event_sources", ["event_id"])
    op.create_index("ix_event_sources_document_id", "event_sources", ["document_id"])
    op.create_index("ix_event_sources_meeting_id", "event_sources", ["meeting_id"])
    op.create_index("ix_event_sources_commitment_id", "event_sources", ["commitment_id"])
    op.create_index(
        "ix_event_sources_kind_parties_date", "event_sources", ["kind", "parties_key", "date"]
    )
    op.create_index(
        "ix_event_sources_kind_parties_deadline",
        "event_sources",
        ["kind", "parties_key", "deadline"],
    )

    op.create_table(
        "commitment_status_overrides",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_key", sa.String(96), nullable=False),
        _fk(
            "event_id", "commitment_status_overrides", "events", ondelete="SET NULL", nullable=True
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'due_soon', 'overdue', 'fulfilled', 'renewed')",
            name=op.f("ck_commitment_status_overrides_status_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_status_overrides")),
    )
    op.create_index(
        "ix_commitment_status_overrides_source_key", "commitment_status_overrides", ["source_key"]
    )
    op.create_index(
        "ix_commitment_status_overrides_event_id", "commitment_status_overrides", ["event_id"]
    )


def downgrade() -> None:
    for table in ("commitment_status_overrides", "event_sources", "event_parties", "events"):
        op.drop_table(table)
