"""The indexed ledger gives what a plain pass over every later event gives, on a generated store.

`_reference_status` below is the ledger's rule written the slow way (every pledge against
every meeting and every report of the pair, every restatement kept): the indexed
`ledger_of` must agree with it entry by entry, evidence included.
"""

from __future__ import annotations

import datetime as dt
import random

from accord.store import Store
from accord.store import tracking_queries as tq
from accord.store.tracking_queries import StoredEvent
from accord.tracking import ledger
from accord.tracking.matching import coverage, jaccard

from .builders import ingest, record

D = dt.date

# Near-identical pledges (the dense pairs repeat a few), mechanisms, and reports of delivery.
_PLEDGES = (
    "the two sides agreed to hold the first Korea-Canada Indo-Pacific Dialogue this year",
    "both countries will hold the inaugural Indo-Pacific Dialogue within this year",
    "they pledged to expand cooperation on critical minerals",
    "the ministers pledged to expand cooperation on critical minerals and batteries",
    "they reaffirmed their plan to launch a Joint Committee on Supply Chains",
    "the first Indo-Pacific Dialogue was held in Seoul",
    "the Joint Committee on Supply Chains took place in Ottawa",
    "both sides will conclude talks on a youth mobility arrangement by 2026",
)
_MECHANISMS = (
    None,
    "Korea-Canada Indo-Pacific Dialogue",
    "Joint Committee on Supply Chains",
    "Foreign and Defence Ministers' Meeting",
)


def _generated(n: int, *, seed: int) -> list:
    rng = random.Random(seed)
    records = []
    for i in range(n):
        day = D(2023, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        pledge = rng.choice(_PLEDGES)
        mechanism = rng.choice(_MECHANISMS)
        meet = f"Officials met in Seoul on day {i}"
        text = f"{meet}. In Seoul, {pledge}. ({i})"
        records.append(
            record(
                text,
                published=day + dt.timedelta(days=rng.choice((0, 1, 40))),
                title=f"Report {i}",
                kind=rng.choice(("news", "readout", "analysis")),
                meetings=[
                    {
                        "evidence": meet,
                        "date": day,
                        "city": "Seoul",
                        "country": "KOR",
                        "mechanism": mechanism,
                        "participants": [(f"Official {rng.randrange(6)}", "KOR", None)],
                    }
                ],
                commitments=[
                    {
                        "clause": pledge,
                        "modality": rng.choice(("agreed", "pledged", "reaffirmed")),
                        "deadline": rng.choice((None, D(day.year, 12, 31))),
                    }
                ],
            )
        )
    return records


def _reference_status(
    commitment: StoredEvent, events: list[StoredEvent], as_of: dt.date
) -> tuple | None:
    known = [s for s in commitment.sources if ledger._known(s, as_of)]
    if not known:
        return None
    made = min((s["date"] for s in known if s["date"]), default=None)
    parties = set(commitment.parties)
    pledge = ledger._pledge_words(commitment)
    names = ledger._names_in(commitment)
    index = ledger._Index(events, as_of=as_of)  # its meetings and reports, not its lookups
    done, renewals = [], []
    if made is not None:
        for m in index.meetings:
            day = m.event.date
            if day is None or not made < day <= as_of or not parties <= set(m.event.parties):
                continue
            how = ledger._names_pledge(m, pledge, names)
            if how:
                done.append((day, (how, m.first["document_id"]), m.event.id))
        for r in sorted(index.ranked, key=lambda r: r.order):
            if r.event_id == commitment.id or r.day <= made or not parties <= r.parties:
                continue
            if r.done and any(coverage(n, r.words) == 1.0 for n in names):
                done.append((r.day, ("done", r.source["document_id"]), r.event_id))
            elif (
                not r.analysis
                and (r.day - made).days > ledger.RENEWAL_GAP_DAYS
                and jaccard(r.words, pledge) >= ledger.RENEWAL_MIN_JACCARD
            ):
                renewals.append((r.day, ("restated later", r.source["document_id"])))
        for s in known[1:]:
            day = s["published"] or s["date"]
            if (
                day
                and (day - made).days > ledger.RENEWAL_GAP_DAYS
                and s["facts"].get("doc_kind") != "analysis"
                and s["facts"].get("modality") == "reaffirmed"
            ):
                renewals.append((day, ("reaffirmed", s["document_id"])))
    if done:
        day, proof, by = min(done, key=lambda d: (d[0], d[2]))
        return "fulfilled", proof, day, by
    if renewals:
        day, proof = max(renewals, key=lambda r: r[0])
        return "renewed", proof, day, None
    return "other", None, None, None


def _indexed(entry: ledger.LedgerEntry) -> tuple:
    if entry.computed == "fulfilled":
        proof = entry.evidence[1]
        reason = "done" if proof.reason == "a later report says it was done" else proof.reason
        return "fulfilled", (reason, proof.document_id), proof.date, entry.fulfilled_by
    if entry.computed == "renewed":
        proof = entry.evidence[1]
        return "renewed", (proof.reason, proof.document_id), proof.date, None
    return "other", None, None, None


def test_ledger_index_agrees_with_a_plain_pass(store: Store) -> None:
    ingest(store, *_generated(60, seed=5))
    with store.session() as session:
        events = tq.events_with(session, parties=["KOR", "CAN"])
    commitments = [e for e in events if e.kind == "commitment"]
    seen = set()
    for as_of in (D(2023, 6, 1), D(2024, 7, 1), D(2025, 2, 1), D(2026, 3, 1)):
        expected = {
            e.id: status
            for e in commitments
            if (status := _reference_status(e, events, as_of)) is not None
        }
        got = {e.event.id: _indexed(e) for e in ledger.ledger_of(events, as_of=as_of)}
        assert got == expected, as_of
        seen |= {status for status, *_ in expected.values()}
    # The generated store exercises every branch the index shortcuts.
    assert seen == {"fulfilled", "renewed", "other"}


AS_OF_DAYS = (D(2023, 6, 1), D(2024, 7, 1), D(2026, 3, 1))


def test_ledger_index_a_few_pledges_scanned_give_the_indexed_entries(store: Store) -> None:
    """Up to FEW_PLEDGES pledges are judged against every report, without the indexes."""
    ingest(store, *_generated(60, seed=5))
    with store.session() as session:
        events = tq.events_with(session, parties=["KOR", "CAN"])
    ids = [e.id for e in events if e.kind == "commitment"]
    assert len(ids) > ledger.FEW_PLEDGES
    for as_of in AS_OF_DAYS:
        whole = {e.event.id: e for e in ledger.ledger_of(events, as_of=as_of)}
        for chunk in (ids[:1], ids[5:9], ids[-ledger.FEW_PLEDGES :], ids[: ledger.FEW_PLEDGES + 1]):
            few = ledger.ledger_of(events, as_of=as_of, only=set(chunk))
            assert {e.event.id: e for e in few} == {i: whole[i] for i in chunk if i in whole}


def test_ledger_index_build_for_some_commitments_gives_their_whole_ledger_entries(
    store: Store,
) -> None:
    """`build_ledger(event_ids=...)` reads the pair without merged views or most facts,
    and still returns the same entries, each with its whole event."""
    ingest(store, *_generated(60, seed=5))
    with store.session() as session:
        meeting = next(
            e.id for e in tq.events_with(session, parties=["KOR"]) if e.kind == "meeting"
        )
        for as_of in AS_OF_DAYS:
            whole = {
                e.event.id: e
                for e in ledger.build_ledger(session, parties=["KOR", "CAN"], as_of=as_of)
            }
            ids = sorted(whole)
            for some in (ids[::9], ids[1::2]):  # scanned, then indexed
                part = ledger.build_ledger(
                    session, parties=["CAN", "KOR"], as_of=as_of, event_ids=[*some, meeting, 10**6]
                )
                assert {e.event.id: e for e in part} == {i: whole[i] for i in some}
                assert all(e.event.details for e in part)


def test_ledger_index_light_events_keep_only_the_facts_asked_for(store: Store) -> None:
    ingest(store, *_generated(12, seed=2))
    with store.session() as session:
        full = tq.events_with(session, parties=["KOR", "CAN"])
        light = tq.events_with(
            session, parties=["KOR", "CAN"], details=False, facts=ledger.LEDGER_FACTS
        )
        assert [e.id for e in tq.events_by_ids(session, event_ids=[e.id for e in full])] == [
            e.id for e in full
        ]
    assert [e.id for e in light] == [e.id for e in full]
    for whole, part in zip(full, light, strict=True):
        assert part.details == {} and whole.details
        for w, p in zip(whole.sources, part.sources, strict=True):
            kept = {
                k: v for k, v in w["facts"].items() if k in ledger.LEDGER_FACTS and v is not None
            }
            assert p["facts"] == {**kept, "event_id": whole.id}
            assert {k: v for k, v in p.items() if k != "facts"} == {
                k: v for k, v in w.items() if k != "facts"
            }
