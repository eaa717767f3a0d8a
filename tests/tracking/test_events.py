"""Tests of merging reports across documents into events, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from accord.store import Store
from accord.store.tracking_queries import events_with
from accord.tracking.events import SourceItem, fold_document, same_commitment, same_meeting

from .builders import digest, ingest, ministry, record, wire


def _meeting(doc: str, day: int, **facts: Any) -> SourceItem:
    return SourceItem(
        key=f"{doc}:meeting:0",
        kind="meeting",
        document_id=doc,
        parties="CAN|KOR",
        date=dt.date(2025, 3, day),
        deadline=None,
        published=None,
        facts=facts,
    )


P = [{"name": "Chung Byung-won"}]
Q = [{"name": "Park Jin"}]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_meeting("a", 7, participants=P), _meeting("b", 8, participants=P), True),
        (_meeting("a", 7, participants=P), _meeting("b", 9, participants=P), False),
        (_meeting("a", 7, city="Ottawa"), _meeting("b", 7, city="ottawa"), True),
        # Same city, next day, nobody in common: the summit after the dialogue.
        (
            _meeting("a", 16, city="Seoul", participants=P),
            _meeting("b", 17, city="Seoul", participants=Q),
            False,
        ),
        (
            _meeting("a", 7, mechanism="Korea-Canada Indo-Pacific Dialogue"),
            _meeting("b", 7, mechanism="Canada-ROK Indo-Pacific Dialogue"),
            True,
        ),
        (_meeting("a", 7, city="Ottawa"), _meeting("a", 7, city="Ottawa"), False),
        (_meeting("a", 7), _meeting("b", 7), False),
    ],
)
def test_events_same_meeting(a: SourceItem, b: SourceItem, expected: bool) -> None:
    assert same_meeting(a, b) is expected
    assert same_meeting(b, a) is expected


def _pledge(doc: str, text: str, deadline: dt.date | None, day: int = 7) -> SourceItem:
    from accord.tracking.matching import tokens

    return SourceItem(
        key=f"{doc}:commitment:0",
        kind="commitment",
        document_id=doc,
        parties="CAN|KOR",
        date=dt.date(2025, 3, day),
        deadline=deadline,
        published=None,
        facts={"text": text, "tokens": sorted(tokens(text))},
    )


END = dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            _pledge("a", "will hold their first Indo-Pacific Dialogue this year", END),
            _pledge("b", "agreed to hold the inaugural Indo-Pacific Dialogue", END, day=28),
            True,
        ),
        (
            _pledge("a", "will hold their first Indo-Pacific Dialogue this year", END),
            _pledge("b", "will hold the Indo-Pacific Dialogue", dt.date(2026, 12, 31)),
            False,
        ),
        (
            _pledge("a", "will hold their first Indo-Pacific Dialogue this year", END),
            _pledge("b", "will convene their 2+2 Economic Security Dialogue", END),
            False,
        ),
    ],
)
def test_events_same_commitment(a: SourceItem, b: SourceItem, expected: bool) -> None:
    assert same_commitment(a, b) is expected


def _canonical(store: Store) -> list[tuple[Any, ...]]:
    """The record without ids: which sources make each event, and its summary."""
    with store.session() as session:
        events = events_with(session, parties=["KOR", "CAN"])
    return sorted(
        (
            e.kind,
            tuple(sorted(e.source_keys)),
            e.date,
            e.deadline,
            e.city,
            e.text,
            repr(e.details),
        )
        for e in events
    )


def test_events_three_outlets_merge_into_one_meeting_with_title_flagged(store: Store) -> None:
    ingest(store, wire(), ministry(), digest())
    with store.session() as session:
        events = events_with(session, parties=["KOR", "CAN"])
    meetings = [e for e in events if e.kind == "meeting"]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert len(meeting.sources) == 3
    assert meeting.date == dt.date(2025, 3, 7)  # two of three sources say the 7th
    fields = {c["field"]: c["values"] for c in meeting.details["conflicts"]}
    titles = {v["value"] for v in fields["title of Chung Byung-won"]}
    assert titles == {
        "Deputy Minister for Political Affairs",
        "Vice Minister for Political Affairs",
    }
    assert {v["value"] for v in fields["date"]} == {"2025-03-07", "2025-03-08"}
    pledges = [e for e in events if e.kind == "commitment"]
    assert len(pledges) == 1 and len(pledges[0].sources) == 2


@pytest.mark.parametrize("order", list(itertools.permutations(range(3)))[::2])
def test_events_result_does_not_depend_on_order(
    store_url: str, tmp_path_factory: pytest.TempPathFactory, order: tuple[int, ...]
) -> None:
    records = [wire(), ministry(), digest()]
    reference = Store.open(f"sqlite:///{tmp_path_factory.mktemp('ref') / 'ref.db'}")
    with reference:
        ingest(reference, *records)
        expected = _canonical(reference)
    with Store.open(store_url) as store:
        ingest(store, *(records[i] for i in order))
        assert _canonical(store) == expected


def test_events_folding_twice_changes_nothing(store: Store) -> None:
    ingest(store, wire(), ministry())
    before = _canonical(store)
    with store.session(write=True) as session:
        assert fold_document(session, document_id=wire().document.id) == []
    assert _canonical(store) == before


def test_events_a_late_bridge_unites_two_events(store: Store) -> None:
    # A on the 6th and C on the 8th are two days apart: separate until B (the 7th) links
    # them, in whatever order they came.
    def report(day: int, text: str) -> Any:
        return record(
            text,
            published=dt.date(2025, 3, 9),
            meetings=[
                {
                    "evidence": text,
                    "date": dt.date(2025, 3, day),
                    "participants": [("Weldon Epp", "CAN", None)],
                }
            ],
        )

    a, b, c = report(6, "Epp met in A."), report(7, "Epp met in B."), report(8, "Epp met in C.")
    ingest(store, a, c)
    with store.session() as session:
        assert len(events_with(session, parties=["CAN", "KOR"])) == 2
    ingest(store, b)
    with store.session() as session:
        events = events_with(session, parties=["CAN", "KOR"])
    assert len(events) == 1 and len(events[0].sources) == 3
