"""Covering indexes for the dashboard's reads: commitments by deadline, the pairs overview,
and an event's sources with whether one is known by a date.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_events_kind_deadline", "events", ["kind", "deadline"])
    op.create_index("ix_events_parties_kind_date", "events", ["parties_key", "kind", "date"])
    op.create_index(
        "ix_event_sources_event_published_date",
        "event_sources",
        ["event_id", "published", "date"],
    )
    # The new index leads with event_id: the one on event_id alone only costs writes, and
    # SQLite's planner would keep picking it over the covering one.
    op.drop_index("ix_event_sources_event_id", table_name="event_sources")


def downgrade() -> None:
    op.create_index("ix_event_sources_event_id", "event_sources", ["event_id"])
    op.drop_index("ix_event_sources_event_published_date", table_name="event_sources")
    op.drop_index("ix_events_parties_kind_date", table_name="events")
    op.drop_index("ix_events_kind_deadline", table_name="events")
