"""The event-layer commands (`meetings`, `commitments`, `extract --format plover`, `--layer
entities`), driven through Typer's runner against real stores on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app

# Our own short texts: a visit with two commitments, and a phone call with one.
VISIT = (
    "SEOUL, April 14, 2025 – Foreign Minister Cho Tae-yul of the Republic of Korea held talks "
    "with Canada's Minister of Foreign Affairs Mélanie Joly in Seoul on April 14.\n"
    "The two ministers agreed to launch a joint working group on critical minerals supply "
    "chains by the end of this year.\n"
    "Korea and Canada also pledged to expand cooperation on maritime security at NATO and "
    "the G7 by 2027.\n"
)
CALL = (
    "MANILA, July 8, 2024 – Japan's Prime Minister Fumio Kishida spoke by telephone with "
    "President Ferdinand Marcos Jr. of the Philippines on July 8.\n"
    "The two leaders decided to strengthen cooperation on maritime security in the South "
    "China Sea.\n"
)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "visit.txt").write_text(VISIT, encoding="utf-8")
    (folder / "call.txt").write_text(CALL, encoding="utf-8")
    return folder


@pytest.fixture
def events_db(store_url: str, texts: Path) -> str:
    """A store holding both texts."""
    result = run("ingest", str(texts), "--db", store_url)
    assert result.exit_code == 0, result.output
    assert "2 new, 0 already stored, 0 failed" in result.output
    return store_url


def _json(*args: str) -> list[dict]:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _document_ids(db: str) -> dict[str, str]:
    """Each text's file name and its stored document id."""
    rows = _json("documents", "--format", "json", "--db", db)
    return {Path(r["source"]).name: r["id"] for r in rows}


@pytest.mark.model
def test_cli_events_meetings_lists_and_filters(events_db: str) -> None:
    ids = _document_ids(events_db)
    every = _json("meetings", "-f", "json", "--db", events_db)
    assert [(m["date"], m["parties"]) for m in every] == [
        ("2025-04-14", ["CAN", "KOR"]),
        ("2024-07-08", ["JPN", "PHL"]),
    ]
    visit = every[0]
    assert visit["document_id"] == ids["visit.txt"]
    assert (visit["city"], visit["country"]) == ("Seoul", "KOR")
    assert {p["name"] for p in visit["participants"]} == {"Cho Tae-yul", "Mélanie Joly"}
    assert every[1]["cameo"] == "041"  # by telephone
    by_party = _json("meetings", "--party", "phl", "-f", "json", "--db", events_db)
    assert [m["document_id"] for m in by_party] == [ids["call.txt"]]
    since = _json("meetings", "--since", "2025-01-01", "-f", "json", "--db", events_db)
    assert [m["date"] for m in since] == ["2025-04-14"]
    assert _json("meetings", "--since", "2025-05-01", "-f", "json", "--db", events_db) == []
    assert _json("meetings", "--party", "USA", "-f", "json", "--db", events_db) == []


@pytest.mark.model
def test_cli_events_commitments_lists_and_filters(events_db: str) -> None:
    ids = _document_ids(events_db)
    every = _json("commitments", "-f", "json", "--db", events_db)
    # Soonest deadline first, those without one last.
    assert [(c["deadline"], c["modality"]) for c in every] == [
        ("2025-12-31", "agreed"),
        ("2027-12-31", "pledged"),
        (None, "decided"),
    ]
    assert every[1]["forums"] == ["NATO", "G7"]
    assert every[2]["document_id"] == ids["call.txt"]

    def deadlines(*args: str) -> list[str | None]:
        rows = _json("commitments", *args, "-f", "json", "--db", events_db)
        return [c["deadline"] for c in rows]

    assert deadlines("--area", "maritime") == ["2027-12-31", None]
    assert deadlines("--party", "KOR") == ["2025-12-31", "2027-12-31"]
    assert deadlines("--party", "jpn", "--area", "maritime") == [None]
    assert deadlines("--due-before", "2026-01-01") == ["2025-12-31"]
    assert deadlines("--area", "energy_resources", "--due-before", "2025-12-31") == []


@pytest.mark.model
def test_cli_events_csv_parses_back_to_the_json_rows(events_db: str) -> None:
    for command in ("meetings", "commitments"):
        as_json = _json(command, "-f", "json", "--db", events_db)
        result = run(command, "--format", "csv", "--db", events_db)
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.output)))
        assert [r["document_id"] for r in rows] == [j["document_id"] for j in as_json]
        assert [r["parties"] for r in rows] == [";".join(j["parties"]) for j in as_json]
    commitments = list(
        csv.DictReader(io.StringIO(run("commitments", "-f", "csv", "--db", events_db).output))
    )
    assert commitments[1]["forums"] == "NATO;G7"


@pytest.mark.model
def test_cli_events_tables_name_the_document_prefix(events_db: str) -> None:
    ids = _document_ids(events_db)
    meetings = run("meetings", "--db", events_db)
    assert meetings.exit_code == 0
    assert "2 meeting(s)" in meetings.output
    assert ids["visit.txt"][:12] in meetings.output
    commitments = run("commitments", "--area", "maritime", "--db", events_db)
    assert "2 commitment(s)" in commitments.output
    assert ids["call.txt"][:12] in commitments.output


@pytest.mark.model
def test_cli_events_show_record_has_entities(events_db: str) -> None:
    ids = _document_ids(events_db)
    shown = _json("show", ids["visit.txt"][:10], "-f", "json", "--db", events_db)
    kinds = {e["kind"] for e in shown["record"]["entities"]}
    assert {"person", "country", "organization", "date", "place"} <= kinds


@pytest.mark.model
def test_cli_events_extract_plover_one_event_per_line(texts: Path) -> None:
    result = run("extract", str(texts / "visit.txt"), "--format", "plover")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines()]
    assert [e["accord_kind"] for e in events] == ["meeting", "commitment", "commitment"]
    meeting, first, second = events
    assert meeting["event_type"] == "CONSULT"
    assert meeting["event_date"] == "2025-04-14"
    assert (meeting["actor"], meeting["recipient"]) == ("CAN", "KOR")
    assert meeting["location"] == {"city": "Seoul", "country": "KOR"}
    assert meeting["text"] in VISIT
    assert meeting["source"]["published"] == "2025-04-14"
    assert len({e["event_id"] for e in events}) == 3
    assert all(len(e["event_id"]) == 16 for e in events)
    assert (first["modality"], first["deadline"]) == ("agreed", "2025-12-31")
    assert second["forums"] == ["NATO", "G7"]
    assert "maritime" in second["areas"]
    again = run("extract", str(texts / "visit.txt"), "--format", "plover")
    assert [json.loads(line)["event_id"] for line in again.output.splitlines()] == [
        e["event_id"] for e in events
    ]
    call = run("extract", str(texts / "call.txt"), "-f", "plover")
    assert json.loads(call.output.splitlines()[0])["event_mode"] == "phone"


@pytest.mark.model
def test_cli_events_extract_jsonl_is_one_record_per_line(texts: Path) -> None:
    result = run("extract", str(texts / "call.txt"), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    assert json.loads(line)["meetings"][0]["parties"] == ["JPN", "PHL"]


@pytest.mark.model
def test_cli_events_extract_entities_json(texts: Path) -> None:
    result = run("extract", str(texts / "visit.txt"), "--layer", "entities", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    entities = data["entities"]
    text = (texts / "visit.txt").read_text(encoding="utf-8")
    assert all(text[e["start"] : e["end"]] == e["text"] for e in entities)
    found = {(e["kind"], e["key"]) for e in entities}
    assert {
        ("person", "Cho Tae-yul"),
        ("country", "KOR"),
        ("country", "CAN"),
        ("organization", "NATO"),
        ("place", "Seoul"),
        ("date", "2025-04-14"),
        ("title", "Foreign Minister"),
    } <= found


@pytest.mark.model
def test_cli_events_extract_entities_text_has_a_legend(texts: Path) -> None:
    result = run("extract", "-", "--layer", "entities", input=CALL)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("legend: person  title  country")
    assert "Fumio Kishida" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["meetings", "--party", "KORE"], "valid codes: ABW"),
        (["commitments", "--party", "XXX"], "KOR"),
        (["commitments", "--area", "trade"], "valid ids: international_order"),
        (["commitments", "--due-before", "soon"], "YYYY-MM-DD"),
        (["meetings", "--since", "2025-13-01"], "YYYY-MM-DD"),
        (["meetings", "--format", "xml"], "table, json, csv"),
        (["commitments", "--format", "plover"], "table, json, csv"),
        (["extract", "-", "--layer", "words"], "record, entities"),
        (["extract", "-", "--layer", "entities", "--format", "plover"], "text, json"),
        (["extract", "-", "--format", "csv"], "json, jsonl, text, plover"),
    ],
)
def test_cli_events_bad_options_fail_on_one_line(
    args: list[str], message: str, tmp_path: Path
) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'x.db'}"] if args[0] != "extract" else []
    result = run(*args, *db, input="text")
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.db").exists()  # rejected before the store is opened
