"""Tests of the partnership report, partner ranking and their commands, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import typer
from typer.testing import CliRunner

from accord.cli_tracking import (
    check_command,
    partners_command,
    report_command,
    set_status_command,
)
from accord.report import INDEX_METHOD, build_report, rank_partners, render_report
from accord.store import Store
from tracking.builders import digest, held, ingest, ministry, record, wire

D = dt.date


def _app() -> typer.Typer:
    """The commands registered as `accord.cli` registers them."""
    app = typer.Typer()
    commitments_app = typer.Typer()
    app.command("report")(report_command)
    app.command("partners")(partners_command)
    app.command("check")(check_command)
    app.add_typer(commitments_app, name="commitments")
    commitments_app.command("set-status")(set_status_command)
    return app


def _japan() -> object:
    text = "Korean and Japanese leaders met in Tokyo on March 16, 2023."
    return record(
        text,
        published=D(2023, 3, 16),
        meetings=[{"evidence": text, "date": D(2023, 3, 16), "parties": ("JPN", "KOR")}],
    )


@pytest.fixture
def filled(store: Store) -> Store:
    ingest(store, wire(), ministry(), digest(), held(), _japan())
    return store


def test_report_gathers_the_record(filled: Store) -> None:
    with filled.session() as session:
        report = build_report(session, a="kor", b="can", as_of=D(2026, 3, 1))
    dates = [m.date for m in report.meetings]
    assert dates == [D(2025, 3, 7), D(2026, 2, 10)]
    assert len(report.meetings[0].sources) == 3
    assert report.mechanisms == (("Korea-Canada Indo-Pacific Dialogue", (D(2026, 2, 10),)),)
    (entry,) = report.ledger
    assert entry.status == "fulfilled" and entry.late
    assert "CKFTA" in {g.short for g in report.agreements}
    quarters = dict(report.index)
    # Q1 2025: the meeting (+2.0) and the pledge (as first reported, by the ministry:
    # agreed +4.0, with a deadline +1.0); Q1 2026: the dialogue (+2.0, named +1.0) and
    # the pledge delivered (+7.0).
    assert quarters["2025-Q1"] == 7.0 and quarters["2026-Q1"] == 10.0
    assert quarters["2025-Q4"] == 0.0


def test_report_as_of_hides_what_was_not_yet_known(filled: Store) -> None:
    with filled.session() as session:
        report = build_report(session, a="KOR", b="CAN", as_of=D(2025, 6, 1))
    assert [m.date for m in report.meetings] == [D(2025, 3, 7)]
    assert [e.status for e in report.ledger] == ["open"]


@pytest.mark.parametrize("output_format", ["text", "markdown", "html", "json"])
def test_report_renders_every_format(filled: Store, output_format: str) -> None:
    with filled.session() as session:
        report = build_report(session, a="KOR", b="CAN", as_of=D(2026, 1, 1))
    out = render_report(report, output_format=output_format)
    if output_format == "json":
        data = json.loads(out)
        assert data["ledger"][0]["status"] == "overdue"
        assert data["cooperation_index"]["method"] == INDEX_METHOD
        return
    assert "Vice Minister for Political Affairs" in out  # the differing titles, side by side
    assert "Deputy Minister for Political Affairs" in out
    if output_format == "html":
        assert out.count("<svg") == 2
        # Self-contained: nothing is fetched when the page is viewed.
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", out)
        assert "<script" not in out


def test_report_partners_ranked_by_recent_activity(filled: Store) -> None:
    with filled.session() as session:
        ranked = rank_partners(session, country="KOR", as_of=D(2026, 3, 1))
    assert [r.partner for r in ranked] == ["CAN", "JPN"]
    assert ranked[0].meetings == 2 and ranked[0].commitments == 1


def test_report_commands(filled: Store, store_url: str) -> None:
    runner = CliRunner()
    app = _app()
    result = runner.invoke(
        app, ["report", "KOR", "CAN", "--db", store_url, "--as-of", "2026-01-01"]
    )
    assert result.exit_code == 0, result.output
    assert "overdue (1)" in result.output
    pledge_id = re.search(r"#(\d+) \[overdue\]", result.output).group(1)
    result = runner.invoke(
        app,
        [
            "commitments",
            "set-status",
            pledge_id,
            "fulfilled",
            "--note",
            "held in December",
            "--source",
            "https://example.org/held",
            "--db",
            store_url,
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, ["report", "KOR", "CAN", "--db", store_url, "--as-of", "2026-01-01", "-f", "json"]
    )
    entry = json.loads(result.output)["ledger"][0]
    assert (entry["status"], entry["computed_status"]) == ("fulfilled", "overdue")
    result = runner.invoke(app, ["partners", "KOR", "--db", store_url, "--as-of", "2026-03-01"])
    assert result.exit_code == 0 and result.output.splitlines()[1].startswith("CAN")
    result = runner.invoke(app, ["check", wire().document.id[:10], "--db", store_url])
    assert result.exit_code == 0, result.output
    assert "Source check of" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "KOR", "CAN", "--as-of", "June"], "is not a date"),
        (["report", "KOR", "CAN", "--format", "pdf"], "is not one of"),
        (["commitments", "set-status", "1", "done", "--note", "x"], "is not one of"),
        (["commitments", "set-status", "999", "open", "--note", "x"], "no commitment has id"),
        (["check", "ffff"], "no document id starts with"),
    ],
)
def test_report_commands_fail_with_one_line(store_url: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(_app(), [*args, "--db", store_url])
    assert result.exit_code == 1
    assert message in result.output
