"""Initial schema: documents, what was read in them, and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the model types, so later model changes do not rewrite history.
JSON_LIST = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

# PostgreSQL caps a tsvector at 1 MB; indexing the first million characters of a text
# stays well under it (positions past 16383 are clamped anyway).
PG_TEXT_INDEXED_CHARS = 1_000_000


def _fk_document(table: str) -> sa.Column:
    return sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey(
            "documents.id", ondelete="CASCADE", name=op.f(f"fk_{table}_document_id_documents")
        ),
        nullable=False,
    )


def _evidence(table: str, prefix: str = "evidence_", *, nullable: bool = False) -> list:
    start, end = f"{prefix}start", f"{prefix}end"
    return [
        sa.Column(start, sa.Integer(), nullable=nullable),
        sa.Column(end, sa.Integer(), nullable=nullable),
        sa.Column(f"{prefix}text", sa.Text(), nullable=nullable),
        sa.CheckConstraint(f'"{start}" >= 0', name=op.f(f"ck_{table}_{prefix}start_nonnegative")),
        sa.CheckConstraint(
            f'"{end}" >= "{start}"', name=op.f(f"ck_{table}_{prefix}end_after_start")
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("previous_version_id", sa.String(64), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "status IN ('analysed', 'skipped')", name=op.f("ck_documents_status_known")
        ),
        sa.ForeignKeyConstraint(
            ["previous_version_id"],
            ["documents.id"],
            name=op.f("fk_documents_previous_version_id_documents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_ingested_at", "documents", ["ingested_at"])
    op.create_index("ix_documents_previous_version_id", "documents", ["previous_version_id"])

    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _fk_document("entities"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("key", sa.String(64), nullable=True),
        *_evidence("entities", "", nullable=True),
        sa.Column("attrs", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
    )
    op.create_index("ix_entities_document_id", "entities", ["document_id"])
    op.create_index("ix_entities_kind_key", "entities", ["kind", "key"])
    op.create_index("ix_entities_kind_label", "entities", ["kind", "label"])

    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _fk_document("meetings"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("parties", JSON_LIST, nullable=False),
        sa.Column("mechanism", sa.Text(), nullable=True),
        sa.Column("attribution", sa.String(16), nullable=False),
        sa.Column("plover", sa.String(32), nullable=False),
        sa.Column("cameo", sa.String(8), nullable=False),
        *_evidence("meetings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    op.create_index("ix_meetings_document_id", "meetings", ["document_id"])
    op.create_index("ix_meetings_date", "meetings", ["date"])
    op.create_index("ix_meetings_country", "meetings", ["country"])
    op.create_index("ix_meetings_mechanism", "meetings", ["mechanism"])

    op.create_table(
        "meeting_participants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey(
                "meetings.id",
                ondelete="CASCADE",
                name=op.f("fk_meeting_participants_meeting_id_meetings"),
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_participants")),
    )
    op.create_index("ix_meeting_participants_meeting_id", "meeting_participants", ["meeting_id"])
    op.create_index("ix_meeting_participants_name", "meeting_participants", ["name"])
    op.create_index("ix_meeting_participants_country", "meeting_participants", ["country"])

    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _fk_document("commitments"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("parties", JSON_LIST, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("areas", JSON_LIST, nullable=False),
        sa.Column("forums", JSON_LIST, nullable=False),
        sa.Column("attribution", sa.String(16), nullable=False),
        sa.Column("plover", sa.String(32), nullable=False),
        sa.Column("cameo", sa.String(8), nullable=False),
        *_evidence("commitments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitments")),
    )
    op.create_index("ix_commitments_document_id", "commitments", ["document_id"])
    op.create_index("ix_commitments_deadline", "commitments", ["deadline"])
    op.create_index("ix_commitments_modality", "commitments", ["modality"])

    op.create_table(
        "citations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _fk_document("citations"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("marker", sa.Text(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("resolves_to", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("accessed", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citations")),
    )
    op.create_index("ix_citations_document_id", "citations", ["document_id"])
    op.create_index("ix_citations_url", "citations", ["url"])

    op.create_table(
        "document_areas",
        _fk_document("document_areas"),
        sa.Column("area", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", "area", name=op.f("pk_document_areas")),
    )
    op.create_index("ix_document_areas_area", "document_areas", ["area"])

    op.create_table(
        "document_warnings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _fk_document("document_warnings"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_warnings")),
    )
    op.create_index("ix_document_warnings_document_id", "document_warnings", ["document_id"])

    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()


def _upgrade_postgresql() -> None:
    # A stored generated column: ranking reads it instead of re-parsing every matched text.
    # Titles weigh more (A) than body text (B).
    op.execute(
        "ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('english'::regconfig, "
        f"left(coalesce(text, ''), {PG_TEXT_INDEXED_CHARS})), 'B')) STORED"
    )
    op.execute("CREATE INDEX ix_gin_documents_search ON documents USING gin (search_vector)")
    # Party, area and forum lookups use `@>` on these JSONB arrays.
    for table, column in [
        ("meetings", "parties"),
        ("commitments", "parties"),
        ("commitments", "areas"),
        ("commitments", "forums"),
    ]:
        op.execute(
            f"CREATE INDEX ix_gin_{table}_{column} ON {table} USING gin ({column} jsonb_path_ops)"
        )


def _upgrade_sqlite() -> None:
    # A regular (not external-content) FTS5 table keyed by document id: documents has no
    # INTEGER PRIMARY KEY, so its rowids may change on VACUUM and cannot be the link.
    # The porter stemmer brings SQLite close to PostgreSQL's english configuration.
    op.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5("
        "document_id UNINDEXED, title, text, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts (document_id, title, text) "
        "VALUES (new.id, coalesce(new.title, ''), new.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
        "DELETE FROM documents_fts WHERE document_id = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_update AFTER UPDATE OF id, title, text ON documents BEGIN "
        "DELETE FROM documents_fts WHERE document_id = old.id; "
        "INSERT INTO documents_fts (document_id, title, text) "
        "VALUES (new.id, coalesce(new.title, ''), new.text); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("documents_fts_update", "documents_fts_delete", "documents_fts_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in (
        "document_warnings",
        "document_areas",
        "citations",
        "commitments",
        "meeting_participants",
        "meetings",
        "entities",
        "documents",
    ):
        op.drop_table(table)
