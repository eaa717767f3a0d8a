"""Tests of source checking: a document against its stored source and the reference data."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.records import DocumentRecord
from accord.store import Store
from accord.tracking.checking import check_document, stated_areas

from .builders import ingest, record

SOURCE = (
    "OTTAWA, March 8, 2025 - Chung Byung-won, Deputy Minister for Political Affairs, met "
    "Weldon Epp in Ottawa on Friday. The two officials agreed to build on what they have "
    "achieved in five areas: the international order, national security, the economy and "
    "technology, climate change and energy security, and culture. They decided to convene "
    "their 2+2 Economic Security Dialogue within the year."
)
ANALYSIS = (
    "Vice Minister for Political Affairs Chung Byung-won met with Weldon Epp in Ottawa on "
    "March 7, 2025. They agreed to develop five key areas of cooperation: international "
    "order, national security, economy and technology, climate change, energy security, and "
    "culture.[1] The signing of the Canada-Korea Free Trade Agreement (CKFTA) in 2015 helped."
    "\n[1] Accord Test Wire, https://example.org/wire/ottawa-check"
)
URL = "https://example.org/wire/ottawa-check"


def _source() -> DocumentRecord:
    return record(
        SOURCE,
        published=dt.date(2025, 3, 8),
        url=URL,
        title="Diplomats meet",
        meetings=[
            {
                "evidence": "met Weldon Epp in Ottawa on Friday",
                "date": dt.date(2025, 3, 7),
                "city": "Ottawa",
                "participants": [
                    ("Chung Byung-won", "KOR", "Deputy Minister for Political Affairs"),
                    ("Weldon Epp", "CAN", None),
                ],
            }
        ],
        commitments=[
            {
                "clause": "They decided to convene their 2+2 Economic Security Dialogue within "
                "the year",
                "deadline": dt.date(2025, 12, 31),
            }
        ],
        areas=["international_order", "climate_environment"],
    )


def _analysis() -> DocumentRecord:
    return record(
        ANALYSIS,
        published=dt.date(2025, 3, 10),
        kind="analysis",
        title="A partnership with a calendar",
        meetings=[
            {
                "evidence": "met with Weldon Epp in Ottawa on March 7, 2025",
                "date": dt.date(2025, 3, 7),
                "city": "Ottawa",
                "participants": [
                    ("Chung Byung-won", "KOR", "Vice Minister for Political Affairs"),
                    ("Weldon Epp", "CAN", None),
                ],
            }
        ],
        areas=["international_order", "technology"],
        agreements=[("Canada-Korea Free Trade Agreement", "CKFTA")],
        citations=[("[1]", "Accord Test Wire", None, URL)],
    )


def _verdicts(store: Store) -> dict[tuple[str, str], list]:
    with store.session() as session:
        report = check_document(session, id_prefix=_analysis().document.id[:10])
    out: dict[tuple[str, str], list] = {}
    for item in report.items:
        out.setdefault((item.aspect, item.verdict), []).append(item)
    assert report.sources[0].document_id == _source().document.id
    assert report.sources[0].how == "url"
    return out


def test_checking_flags_differences_with_both_versions(store: Store) -> None:
    ingest(store, _source(), _analysis())
    found = _verdicts(store)
    (title,) = found[("title", "differing")]
    assert "Vice Minister" in title.document_says and "Deputy Minister" in title.source_says
    (areas,) = found[("areas", "differing")]
    assert "listing 6" in areas.document_says and "listing 5" in areas.source_says
    (ckfta,) = found[("agreement", "differing")]
    assert "2015" in ckfta.document_says and "2014-09-22" in ckfta.source_says
    assert ("date", "supported") in found and ("place", "supported") in found
    assert [i.document_says for i in found[("area", "absent")]] == ["technology"]
    assert [i.source_says for i in found[("area", "omitted")]] == ["climate_environment"]
    (left_out,) = found[("commitment", "omitted")]
    assert "Economic Security Dialogue" in left_out.source_says


def test_checking_without_stored_source_checks_reference_data_only(store: Store) -> None:
    ingest(store, _analysis())
    with store.session() as session:
        report = check_document(session, id_prefix=_analysis().document.id)
    assert report.sources[0].how == "not in the store"
    assert {(i.aspect, i.verdict) for i in report.items} == {("agreement", "differing")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in five key areas of cooperation: a, b, c, and d.", (5, ["a", "b", "c", "d"])),
        (
            "in 3 areas: the economy, climate change and energy, and culture.",
            (3, ["economy", "climate change and energy", "culture"]),
        ),
        ("no list here.", None),
    ],
)
def test_checking_stated_areas(text: str, expected: tuple | None) -> None:
    assert stated_areas(text) == expected
