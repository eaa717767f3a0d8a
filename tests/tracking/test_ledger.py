"""Tests of the commitment ledger: statuses as of a date, their evidence, analyst overrides."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.errors import EventNotFoundError
from accord.store import Store
from accord.tracking.ledger import build_ledger, set_status

from .builders import held, ingest, ministry, record, wire

D = dt.date


def _statuses(store: Store, as_of: dt.date, **options: int) -> dict[str, str]:
    with store.session() as session:
        entries = build_ledger(session, parties=["KOR", "CAN"], as_of=as_of, **options)
    return {e.event.text: e.status for e in entries}


PLEDGE = "South Korea and Canada will hold their first Indo-Pacific Dialogue this year"


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2025, 3, 1), None),  # not yet made
        (D(2025, 6, 1), "open"),
        (D(2025, 12, 10), "due_soon"),
        (D(2026, 1, 1), "overdue"),
    ],
)
def test_ledger_status_as_of(store: Store, as_of: dt.date, expected: str | None) -> None:
    ingest(store, wire(), ministry())  # one pledge, reported twice
    assert list(_statuses(store, as_of).values()) == ([expected] if expected else [])


def test_ledger_due_soon_window_is_an_option(store: Store) -> None:
    ingest(store, wire())
    assert _statuses(store, D(2025, 11, 1))[PLEDGE] == "open"
    assert _statuses(store, D(2025, 11, 1), due_soon_days=90)[PLEDGE] == "due_soon"


def test_ledger_fulfilled_late_by_a_later_meeting_with_evidence(store: Store) -> None:
    ingest(store, wire(), held())
    with store.session() as session:
        before = build_ledger(session, parties=["KOR", "CAN"], as_of=D(2026, 1, 5))
        after = build_ledger(session, parties=["KOR", "CAN"], as_of=D(2026, 3, 1))
    assert [e.status for e in before] == ["overdue"]
    (entry,) = after
    assert entry.status == "fulfilled" and entry.late
    proof = entry.evidence[-1]
    assert proof.document_id == held().document.id
    assert "Indo-Pacific Dialogue" in proof.text and proof.date == D(2026, 2, 10)


def test_ledger_renewed_when_restated_later(store: Store) -> None:
    text = "In June the two sides reaffirmed that they will hold their first Indo-Pacific Dialogue."
    later = record(
        text,
        published=D(2025, 6, 20),
        kind="readout",
        commitments=[
            {
                "clause": "they will hold their first Indo-Pacific Dialogue",
                "modality": "reaffirmed",
                "deadline": D(2026, 6, 30),
            }
        ],
    )
    ingest(store, wire(), later)
    assert _statuses(store, D(2025, 6, 1))[PLEDGE] == "open"
    assert _statuses(store, D(2025, 7, 1))[PLEDGE] == "renewed"


def test_ledger_override_wins_keeps_audit_trail_and_survives_reingestion(store: Store) -> None:
    ingest(store, wire())
    with store.session() as session:
        (entry,) = build_ledger(session, parties=["KOR", "CAN"], as_of=D(2026, 1, 1))
    with store.session(write=True) as session:
        set_status(session, event_id=entry.event.id, status="fulfilled", note="held in Dec")
        set_status(
            session,
            event_id=entry.event.id,
            status="renewed",
            note="postponed to 2026",
            source_url="https://example.org/postponed",
        )
    ingest(store, wire(), ministry())  # re-ingesting, and a new source merging in
    with store.session() as session:
        (entry,) = build_ledger(session, parties=["KOR", "CAN"], as_of=D(2026, 1, 1))
    assert entry.status == "renewed" and entry.computed == "overdue"
    assert entry.override is not None and entry.override.note == "postponed to 2026"
    assert entry.evidence[-1].url == "https://example.org/postponed"


@pytest.mark.parametrize(("event_id", "status"), [(999, "open"), (1, "bogus")])
def test_ledger_set_status_rejects_unknown(store: Store, event_id: int, status: str) -> None:
    ingest(store, wire())
    with store.session(write=True) as session, pytest.raises((EventNotFoundError, ValueError)):
        set_status(session, event_id=event_id, status=status, note="x")
