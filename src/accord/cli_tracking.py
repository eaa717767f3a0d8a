"""Command functions over the tracking layer (report, partners, check, commitments set-status).

`accord.cli` registers them, one line each:
`app.command("report")(report_command)`, `app.command("partners")(partners_command)`,
`app.command("check")(check_command)` and
`commitments_app.command("set-status")(set_status_command)`; optionally
`app.command("eval-multi")(eval_multi_command)` for the cross-document measures.
This module does not import `accord.cli`, so registering them makes no import cycle.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from accord.cli_common import fail as _fail
from accord.cli_common import open_store as _open_store
from accord.cli_common import parse_date as _date
from accord.errors import AccordError

__all__ = [
    "check_command",
    "eval_multi_command",
    "partners_command",
    "report_command",
    "set_status_command",
]

from accord.cli_common import DbOption

AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Judge the record as known on this day, YYYY-MM-DD (default: today)."
    ),
]


def _country(value: str) -> str:
    code = value.strip().upper()
    if len(code) == 3 and code.isalpha():
        return code
    from accord.kb import load_kb

    country = load_kb().country(value)
    if country is None:
        _fail(f"{value!r} is not a country; give an ISO 3166-1 alpha-3 code such as KOR or CAN")
    return country.iso3


def report_command(
    a: Annotated[str, typer.Argument(help="First country, ISO3 (e.g. KOR).", show_default=False)],
    b: Annotated[str, typer.Argument(help="Second country, ISO3 (e.g. CAN).", show_default=False)],
    db: DbOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, markdown, html or json.")
    ] = "text",
    due_soon_days: Annotated[
        int, typer.Option("--due-soon-days", min=0, help="Window of 'due soon', in days.")
    ] = 30,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead.")
    ] = None,
) -> None:
    """The partnership report of two countries: meetings with their sources, mechanisms,
    areas over time, the commitment ledger, forums, agreements and a cooperation index."""
    from accord.report import REPORT_FORMATS, build_report, render_report

    output_format = output_format.lower()
    if output_format not in REPORT_FORMATS:
        _fail(f"--format {output_format!r} is not one of: {', '.join(REPORT_FORMATS)}")
    day = _date(as_of, "--as-of")
    first, second = _country(a), _country(b)
    with _open_store(db) as store, store.session() as session:
        report = build_report(session, a=first, b=second, as_of=day, due_soon_days=due_soon_days)
        text = render_report(report, output_format=output_format)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        return
    sys.stdout.write(text)


def partners_command(
    country: Annotated[str, typer.Argument(help="A country, ISO3 (e.g. KOR).")],
    db: DbOption = None,
    as_of: AsOfOption = None,
    limit: Annotated[int, typer.Option(min=1, help="How many partners to list.")] = 20,
    output_format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Rank a country's partners by documented activity (meetings, commitments; recent
    events weigh more)."""
    from accord.report import rank_partners

    code = _country(country)
    with _open_store(db) as store, store.session() as session:
        ranked = rank_partners(session, country=code, as_of=_date(as_of, "--as-of"), limit=limit)
    if output_format.lower() == "json":
        rows = [
            {
                "partner": r.partner,
                "score": r.score,
                "meetings": r.meetings,
                "commitments": r.commitments,
                "last": r.last.isoformat() if r.last else None,
            }
            for r in ranked
        ]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    sys.stdout.write(f"{'partner':8} {'score':>8} {'meetings':>9} {'commitments':>12}  last\n")
    for r in ranked:
        sys.stdout.write(
            f"{r.partner:8} {r.score:8.2f} {r.meetings:9d} {r.commitments:12d}  {r.last or '-'}\n"
        )
    if not ranked:
        sys.stdout.write(f"no recorded partners of {code}\n")


def check_command(
    document_id: Annotated[str, typer.Argument(help="A document id or a unique prefix of one.")],
    db: DbOption = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Check a document against the stored sources it cites (supported, differing,
    absent, omitted) and its agreement dates against the reference data."""
    from accord.tracking.checking import check_document

    with _open_store(db) as store, store.session() as session:
        try:
            report = check_document(session, id_prefix=document_id)
        except AccordError as error:
            _fail(str(error))
    if output_format.lower() == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    sys.stdout.write(report.format_text() + "\n")


def set_status_command(
    commitment_id: Annotated[int, typer.Argument(help="The commitment's id (# in the report).")],
    status: Annotated[str, typer.Argument(help="open, due_soon, overdue, fulfilled or renewed.")],
    note: Annotated[str, typer.Option("--note", help="Why: the analyst's reason.")],
    source: Annotated[
        str | None, typer.Option("--source", help="URL of the evidence, if any.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Override a commitment's status with a reason; kept as an audit trail that wins
    over the computed status and survives re-ingestion."""
    from accord.tracking.ledger import STATUSES, set_status

    status = status.lower().replace("-", "_")
    if status not in STATUSES:
        _fail(f"status {status!r} is not one of: {', '.join(STATUSES)}")
    if not note.strip():
        _fail("--note must say why the status is overridden")
    with _open_store(db) as store:
        try:
            with store.session(write=True) as session:
                override = set_status(
                    session, event_id=commitment_id, status=status, note=note, source_url=source
                )
        except AccordError as error:
            _fail(str(error))
    sys.stdout.write(
        f"commitment #{commitment_id} set to {override.status} "
        f"(override {override.id}, {override.created_at:%Y-%m-%d %H:%M} UTC)\n"
    )


def eval_multi_command(
    gold_dir: Annotated[
        Path, typer.Argument(help="A folder of multi-document cases (see tests/data/gold_multi).")
    ],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON to this file.")
    ] = None,
) -> None:
    """Score merging, ledger statuses and source checks against multi-document gold cases."""
    from accord.evaluation_tracking import evaluate_multi

    try:
        report = evaluate_multi(gold_dir)
    except AccordError as error:
        _fail(str(error))
    sys.stdout.write(report.format_text() + "\n")
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")
