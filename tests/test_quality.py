"""Extraction quality on our gold set and on the seed article, scored by `accord.evaluation`.

The floors sit a little under today's figures so that a regression fails the suite; the
issue targets are printed by `accord eval tests/data/gold`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.evaluation import (
    EvalReport,
    compare_to_targets,
    evaluate,
    evaluate_folder,
    load_gold_pair,
    predict_gold,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
SEED_TEXT = ROOT.parent / "shared" / "seeds" / "000_acd455b7afb1acb5.txt"
SEED_GOLD = GOLD / "seed" / "000_seed.json"

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Floors under the figures measured on the whole gold set (see CHANGELOG.md). Sets D to P
# (real publishers' shapes, each written after the rules had met the one before) brought
# people, meetings, participants and parties down from 0.98-1.00; the floors sit just under
# the figures (session 9, 230 documents: people 0.885, meetings 0.852, participants 0.889,
# commitments 0.919, commitment parties 0.945, author opinions 6 of 1174; set O was added
# at its first reading, 0.52 on meetings, and is at 0.66). Session 10 added set P at its
# first reading (0.67 on meetings, now 0.82): 242 documents, people 0.878, meetings 0.855,
# meetings on date and parties 0.867, participants 0.886, commitment parties 0.942.
# Session 11 added set Q at its first reading (0.61 on meetings, now 0.73): 254 documents,
# people 0.878, meetings 0.854, meetings on date and parties 0.868, participants 0.888.
# Session 12 added set R at its first reading (0.53 on meetings, now 0.86): 266
# documents, people 0.876, meetings 0.856, meetings on date and parties 0.869,
# participants 0.883, commitments 0.913.
GOLD_FLOORS = {
    "people": 0.873,
    "organizations": 0.90,
    "citations": 0.95,
    "dates": 0.85,
    "meetings": 0.85,
    "meetings_date_parties": 0.865,
    "participants": 0.88,
    "commitments": 0.91,
    "commitment_deadline": 0.95,
    "commitment_modality": 0.97,
    "commitment_parties": 0.93,
    "warnings": 0.85,
    "opinions_as_commitments": 0.006,  # a ceiling: rates are lower-is-better
}


@pytest.fixture(scope="module")
def gold_report() -> EvalReport:
    return evaluate_folder(GOLD)


def test_quality_gold_set_meets_its_floors(gold_report: EvalReport) -> None:
    assert gold_report.documents >= 40
    assert compare_to_targets(gold_report, GOLD_FLOORS) == []


@pytest.mark.skipif(not SEED_TEXT.is_file(), reason="../shared/seeds is not beside this checkout")
def test_quality_seed_article_reads_as_an_analyst_would() -> None:
    gold = load_gold_pair(SEED_GOLD, SEED_TEXT)
    record = predict_gold(gold)
    people = {(p.name, p.title, p.country) for p in record.annotations.people}
    assert ("Chung Byung-won", "Vice Minister for Political Affairs", "KOR") in people
    assert (
        "Weldon Epp",
        "Assistant Deputy Minister for the Indo-Pacific",
        "CAN",
    ) in people
    assert {"UN", "G20", "OECD", "APEC", "NATO"} <= set(record.organizations)
    assert [a.short for a in record.annotations.agreements][:1] == ["CKFTA"]
    citations = {c.marker: c for c in record.annotations.citations}
    assert citations["[2]"].resolves_to == "[1]"
    assert str(citations["[1]"].accessed) == "2025-03-08"
    assert str(citations["[3]"].accessed) == "2025-03-09"
    [meeting] = record.meetings
    assert (str(meeting.date), meeting.city, meeting.parties) == (
        "2025-03-07",
        "Ottawa",
        ("CAN", "KOR"),
    )
    dialogue = [c for c in record.commitments if "Indo-Pacific Dialogue" in c.text]
    assert [str(c.deadline) for c in dialogue] == ["2025-12-31"]
    assert any("count" in w and "five" in w for w in record.warnings)

    report = evaluate([gold], predict_gold)
    assert report.fields["commitments"].f1 >= 0.9
    assert report.rates["opinions_as_commitments"][0] == 0
