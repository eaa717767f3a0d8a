"""The store: documents and what was read in them, in SQLite or PostgreSQL."""

from __future__ import annotations

from accord.store.db import Store
from accord.store.queries import (
    AddOutcome,
    StoredCommitment,
    StoredMeeting,
    add_record,
    count_documents,
    get_document,
    get_record_dict,
    list_commitments,
    list_documents,
    list_meetings,
    load_record,
)

__all__ = [
    "AddOutcome",
    "Store",
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
]
