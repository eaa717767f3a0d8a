"""Exports: PLOVER-style events, JSON lines and CSV, from hand-built records (no model)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from accord.exports import (
    COMMITMENT_COLUMNS,
    MEETING_COLUMNS,
    commitments_to_csv,
    event_id,
    meetings_to_csv,
    plover_events,
    records_to_jsonl,
)
from accord.records import (
    Annotations,
    Commitment,
    CountryMention,
    Document,
    DocumentRecord,
    Evidence,
    Meeting,
    Participant,
    document_id,
)
from accord.store.queries import StoredCommitment, StoredMeeting

TEXT = (
    "Ottawa, May 2, 2025 - The foreign ministers of Canada and Japan met in Ottawa. "
    "They agreed to open a clean energy dialogue by 2026."
)


def _span(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    return Evidence(start, start + len(fragment), fragment)


MEETING = Meeting(
    date=dt.date(2025, 5, 2),
    city="Ottawa",
    country="CAN",
    parties=("CAN", "JPN"),
    participants=(Participant("Anita Example", "CAN", "Minister of Foreign Affairs"),),
    mechanism=None,
    evidence=_span("The foreign ministers of Canada and Japan met in Ottawa."),
)
COMMITMENT = Commitment(
    parties=("CAN", "JPN"),
    text="They agreed to open a clean energy dialogue by 2026",
    modality="agreed",
    deadline=dt.date(2026, 12, 31),
    areas=("energy_resources", "climate_environment"),
    forums=("G7",),
    evidence=_span("They agreed to open a clean energy dialogue by 2026"),
    cameo="031",
)
DOCUMENT = Document(
    id=document_id(TEXT),
    text=TEXT,
    source="memo.txt",
    format="txt",
    title="Ministers meet",
    url="https://example.org/memo",
    published=dt.date(2025, 5, 3),
    kind="readout",
)
RECORD = DocumentRecord(
    document=DOCUMENT,
    meetings=(MEETING,),
    commitments=(COMMITMENT,),
    annotations=Annotations(countries=(CountryMention("JPN", _span("Japan")),)),
)


def test_exports_plover_events_one_per_meeting_and_commitment_in_text_order() -> None:
    events = plover_events(RECORD)
    assert [e["accord_kind"] for e in events] == ["meeting", "commitment"]
    meeting, commitment = events
    assert meeting["event_type"] == "CONSULT"
    assert meeting["event_date"] == "2025-05-02"
    assert (meeting["actor"], meeting["recipient"]) == ("CAN", "JPN")
    assert (meeting["actor_country"], meeting["recipient_country"]) == ("CAN", "JPN")
    assert meeting["location"] == {"city": "Ottawa", "country": "CAN"}
    assert meeting["participants"][0]["name"] == "Anita Example"
    assert meeting["source"] == {
        "document_id": DOCUMENT.id,
        "title": "Ministers meet",
        "url": "https://example.org/memo",
        "published": "2025-05-03",
    }
    assert meeting["text"] == MEETING.evidence.text
    assert "modality" not in meeting
    assert commitment["event_type"] == "AGREE"
    assert commitment["cameo"] == "031"
    assert commitment["event_date"] == "2025-05-03"  # reported on the document's date
    assert commitment["modality"] == "agreed"
    assert commitment["deadline"] == "2026-12-31"
    assert commitment["areas"] == ["energy_resources", "climate_environment"]
    assert commitment["forums"] == ["G7"]
    json.dumps(events)  # every value is JSON


def test_exports_event_id_is_stable_and_distinguishes_kind_and_place() -> None:
    first = plover_events(RECORD)
    assert first == plover_events(RECORD)
    ids = [e["event_id"] for e in first]
    assert all(len(i) == 16 and int(i, 16) >= 0 for i in ids)
    assert len(set(ids)) == 2
    evidence = Evidence(0, 5, "Ottaw")
    assert event_id("abc", "meeting", evidence) != event_id("abc", "commitment", evidence)
    assert event_id("abc", "meeting", evidence) != event_id("abd", "meeting", evidence)


@pytest.mark.parametrize(
    ("cameo", "mode"),
    [("040", None), ("041", "phone"), ("042", "visit"), ("043", "visit"), ("044", None)],
)
def test_exports_event_mode_follows_cameo(cameo: str, mode: str | None) -> None:
    meeting = Meeting(
        date=None,
        city=None,
        country=None,
        parties=("KOR",),
        participants=(),
        mechanism=None,
        evidence=MEETING.evidence,
        cameo=cameo,
    )
    record = DocumentRecord(document=DOCUMENT, meetings=(meeting,))
    (event,) = plover_events(record)
    assert event["event_mode"] == mode
    assert event["cameo"] == cameo
    assert (event["actor"], event["recipient"], event["recipients"]) == ("KOR", None, [])


def test_exports_many_recipients_are_joined_and_listed() -> None:
    commitment = Commitment(
        parties=("AUS", "CAN", "JPN"),
        text=COMMITMENT.text,
        modality="pledged",
        deadline=None,
        areas=(),
        forums=(),
        evidence=COMMITMENT.evidence,
    )
    (event,) = plover_events(DocumentRecord(document=DOCUMENT, commitments=(commitment,)))
    assert event["actor"] == "AUS"
    assert event["recipient"] == "CAN;JPN"
    assert event["recipients"] == ["CAN", "JPN"]
    assert event["deadline"] is None


def test_exports_records_to_jsonl_one_record_per_line() -> None:
    other = DocumentRecord(document=Document(id="f" * 64, text="x", source="x.txt", format="txt"))
    lines = records_to_jsonl([RECORD, other]).splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first == json.loads(json.dumps(RECORD.to_dict()))
    assert first["entities"] == [
        {"kind": "country", "key": "JPN", "start": 58, "end": 63, "text": "Japan"}
    ]
    assert TEXT[58:63] == "Japan"
    assert json.loads(lines[1])["document"]["id"] == "f" * 64
    assert records_to_jsonl([]) == ""


def _parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_exports_meetings_to_csv_header_and_joined_lists() -> None:
    text = meetings_to_csv([StoredMeeting(7, DOCUMENT.id, MEETING)])
    assert text.splitlines()[0] == ",".join(MEETING_COLUMNS)
    (row,) = _parse_csv(text)
    assert row["id"] == "7"
    assert row["document_id"] == DOCUMENT.id
    assert row["date"] == "2025-05-02"
    assert row["parties"] == "CAN;JPN"
    assert row["participants"] == "Anita Example (CAN, Minister of Foreign Affairs)"
    assert row["mechanism"] == ""
    assert row["evidence"] == MEETING.evidence.text


def test_exports_commitments_to_csv_quotes_commas_and_joins_lists() -> None:
    tricky = Commitment(
        parties=("CAN",),
        text='They will fund "bridges", roads; and ports',
        modality="planned",
        deadline=None,
        areas=("trade_economy", "development_humanitarian"),
        forums=(),
        evidence=Evidence(0, 3, "The"),
    )
    rows = [StoredCommitment(1, DOCUMENT.id, COMMITMENT), StoredCommitment(2, "e" * 64, tricky)]
    text = commitments_to_csv(rows)
    assert text.splitlines()[0] == ",".join(COMMITMENT_COLUMNS)
    first, second = _parse_csv(text)
    assert first["areas"] == "energy_resources;climate_environment"
    assert first["forums"] == "G7"
    assert first["deadline"] == "2026-12-31"
    assert second["text"] == 'They will fund "bridges", roads; and ports'
    assert second["deadline"] == ""
    assert second["modality"] == "planned"


def test_exports_csv_of_nothing_is_the_header() -> None:
    assert meetings_to_csv([]) == ",".join(MEETING_COLUMNS) + "\n"
    assert commitments_to_csv([]) == ",".join(COMMITMENT_COLUMNS) + "\n"
