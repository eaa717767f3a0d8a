"""The `accord` command line: thin commands over the library, the only place that prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from accord.cli_common import (
    DbOption,
    FormatOption,
    console,
    err_console,
)
from accord.cli_common import check_format as _check_format
from accord.cli_common import fail as _fail
from accord.cli_common import open_store as _open_store
from accord.cli_common import parse_date as _parse_date
from accord.cli_common import print_json as _print_json
from accord.cli_common import query as _query
from accord.cli_tracking import (
    check_command,
    eval_multi_command,
    partners_command,
    report_command,
    set_status_command,
)
from accord.cli_web import serve_command, token_app
from accord.errors import AccordError, InputError
from accord.records import DOCUMENT_KINDS, Document, DocumentMetadata, StoredDocument

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


app = typer.Typer(
    name="accord",
    help=(
        "Accord reads diplomatic texts (readouts, joint statements, news, analyses) and keeps a "
        "source-linked record of partnerships between countries.\n\n"
        "Start with `accord ingest samples/` and then `accord documents`."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _check_party(value: str | None) -> str | None:
    """An ISO3 code the knowledge base knows, upper-cased; else a one-line error listing them."""
    if value is None:
        return None
    from accord.kb import load_kb

    code = value.strip().upper()
    kb = load_kb()
    if not kb.is_party(code):
        bodies = sorted(o.party for o in kb.organizations.values() if o.party)
        _fail(
            f"--party {value!r} is not an ISO 3166-1 alpha-3 code Accord knows nor a body's "
            f"party code ({', '.join(bodies)}); valid codes: {', '.join(sorted(kb.countries))}"
        )
    return code


def _check_area(value: str | None) -> str | None:
    """An area id of the taxonomy; else a one-line error listing them."""
    if value is None:
        return None
    from accord.kb import load_kb

    area = value.strip().lower()
    areas = load_kb().areas
    if area not in areas:
        _fail(f"--area {value!r} is not an area id; valid ids: {', '.join(areas)}")
    return area


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to read (.txt, .md, .html, .pdf, .jsonl); "
            "'-' reads standard input.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    title: Annotated[str | None, typer.Option(help="Title for the document(s).")] = None,
    url: Annotated[str | None, typer.Option(help="Source URL for the document(s).")] = None,
    published: Annotated[
        str | None, typer.Option(help="The document's own date, YYYY-MM-DD.")
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published the document.")] = None,
    kind: Annotated[
        str | None, typer.Option(help=f"Document kind: {', '.join(DOCUMENT_KINDS)}.")
    ] = None,
    recursive: Annotated[
        bool, typer.Option("--recursive", "-r", help="Descend into sub-folders.")
    ] = False,
    glob: Annotated[
        str | None, typer.Option(help="Only files in folders matching this pattern, e.g. '*.html'.")
    ] = None,
    max_size: Annotated[float, typer.Option(help="Largest file to read, in MB.", min=0.001)] = 20.0,
    jobs: Annotated[
        int | None,
        typer.Option(
            help="Bulk mode: analyse in batches on N worker processes (streams any number "
            "of documents; resumable).",
            min=1,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Bulk mode on a Dask cluster: the scheduler, e.g. tcp://HOST:8786."),
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            help="Bulk mode: documents per batch and per transaction [default: 32].", min=1
        ),
    ] = None,
    reprocess_skipped: Annotated[
        bool,
        typer.Option(
            "--reprocess-skipped",
            help="Bulk mode: analyse documents the pre-filter stored as skipped.",
        ),
    ] = False,
    prefilter: Annotated[
        bool,
        typer.Option(
            help="Bulk mode: store documents that cannot hold a meeting or a commitment as "
            "skipped, without analysing them.",
        ),
    ] = True,
) -> None:
    """Read documents and store them with everything Accord finds in them.

    Metadata options (--title, --url, --published, --publisher, --kind) override what the
    files say about themselves. A document already stored is not stored twice.

    Bulk mode (--jobs, --scheduler, --batch-size or --reprocess-skipped) streams JSON Lines,
    CSV, gzip and zip archives of any size in batches, writes one transaction per batch and
    prints counts instead of one line per document; the size limit then applies to each
    document. Interrupted, it resumes where it stopped when run again.
    """
    from accord.pipeline import STDIN, ingest_paths

    if jobs is not None or scheduler is not None or batch_size is not None or reprocess_skipped:
        _ingest_bulk(
            paths,
            db=db,
            metadata=_metadata(title, url, published, publisher, kind),
            recursive=recursive,
            glob=glob,
            max_bytes=int(max_size * 1024 * 1024),
            jobs=jobs or 1,
            scheduler=scheduler,
            batch_size=batch_size,
            reprocess_skipped=reprocess_skipped,
            prefilter=prefilter,
        )
        return

    metadata = _metadata(title, url, published, publisher, kind)
    stdin_data = sys.stdin.buffer.read() if STDIN in paths else None
    store = _open_store(db)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )
    try:
        with progress:
            task = progress.add_task("reading", total=None)

            def on_progress(done: int, total: int, source: str) -> None:
                progress.update(task, completed=done, total=total, description=Path(source).name)

            summary = ingest_paths(
                paths,
                store=store,
                metadata=metadata,
                recursive=recursive,
                pattern=glob,
                max_bytes=int(max_size * 1024 * 1024),
                stdin_data=stdin_data,
                on_progress=on_progress,
            )
    except AccordError as error:
        _fail(str(error))
    finally:
        store.close()

    for document, outcome in summary.stored:
        label = escape(document.title or document.source)
        if outcome.status == "exists":
            console.print(f"[dim]already stored[/] {document.id[:12]}  {label}")
        elif outcome.status == "new_version":
            previous = (outcome.previous_id or "")[:12]
            console.print(
                f"[green]new version[/] {document.id[:12]}  {label} (replaces {previous})"
            )
        else:
            console.print(f"[green]new[/] {document.id[:12]}  {label}")
    for failure in summary.failed:
        err_console.print(f"[red]failed[/] {escape(str(failure))}", highlight=False, soft_wrap=True)
    console.print(
        f"{len(summary.new)} new, {len(summary.existing)} already stored, "
        f"{len(summary.failed)} failed"
    )
    if summary.failed:
        raise typer.Exit(1)


def _metadata(
    title: str | None,
    url: str | None,
    published: str | None,
    publisher: str | None,
    kind: str | None,
) -> DocumentMetadata:
    if kind is not None and kind not in DOCUMENT_KINDS:
        _fail(f"--kind {kind!r} is not one of: {', '.join(DOCUMENT_KINDS)}")
    return DocumentMetadata(
        title=title,
        url=url,
        published=_parse_date(published, "--published"),
        publisher=publisher,
        kind=kind,
    )


def _ingest_bulk(
    paths: list[str],
    *,
    db: str | None,
    metadata: DocumentMetadata,
    recursive: bool,
    glob: str | None,
    max_bytes: int,
    jobs: int,
    scheduler: str | None,
    batch_size: int | None,
    reprocess_skipped: bool,
    prefilter: bool,
) -> None:
    """`ingest` in bulk mode: a progress bar with documents/s and ETA, then the counts."""
    from accord.bulk import DEFAULT_BATCH_SIZE, BulkProgress, ingest_bulk
    from accord.pipeline import STDIN, read_sources

    stdin_data = sys.stdin.buffer.read() if STDIN in paths else None
    sources, errors = read_sources(
        paths, recursive=recursive, pattern=glob, max_bytes=max_bytes, stdin_data=stdin_data
    )
    store = _open_store(db)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )
    interrupted = False
    try:
        with progress:
            task = progress.add_task("ingesting", total=None, rate="")

            def on_progress(p: BulkProgress) -> None:
                progress.update(
                    task,
                    completed=p.documents,
                    total=max(p.total, p.documents) if p.total is not None else None,
                    rate=f"{p.rate:.1f} docs/s",
                )

            summary = ingest_bulk(
                sources,
                store=store,
                max_bytes=max_bytes,
                metadata=metadata,
                stdin_data=stdin_data,
                jobs=jobs,
                scheduler=scheduler,
                batch_size=batch_size or DEFAULT_BATCH_SIZE,
                prefilter=prefilter,
                reprocess_skipped=reprocess_skipped,
                on_progress=on_progress,
            )
    except KeyboardInterrupt:
        interrupted = True
    except AccordError as error:
        _fail(str(error))
    finally:
        store.close()
    if interrupted:
        err_console.print(
            "interrupted: every batch written so far is stored; run the same command again "
            "to finish the rest"
        )
        raise typer.Exit(130)
    failed = [*errors, *summary.failed]
    for failure in failed:
        err_console.print(f"[red]failed[/] {escape(str(failure))}", highlight=False, soft_wrap=True)
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    console.print(
        f"{summary.new + summary.new_versions} new, {summary.skipped} skipped by the pre-filter, "
        f"{summary.reanalysed} re-analysed, {summary.existing} already stored, "
        f"{len(failed)} failed ({summary.documents} documents in {summary.seconds:.1f} s, "
        f"{rate:.1f} docs/s)"
    )
    if failed:
        raise typer.Exit(1)


def _print_listing(
    rows: list[Any],
    output_format: str,
    *,
    noun: str,
    to_json: Callable[[Any], dict[str, Any]],
    to_csv: Callable[[list[Any]], str],
    columns: tuple[str, ...],
    cells: Callable[[Any], list[str]],
) -> None:
    """Print stored events as JSON, CSV or a table whose first column is the document id.

    `columns[0]` is the date the rows are about; it and the id never wrap, so a folded id
    prefix cannot end up pasted into `accord show`.
    """
    if output_format == "json":
        _print_json([to_json(r) for r in rows])
        return
    if output_format == "csv":
        sys.stdout.write(to_csv(rows))
        return
    table = Table(title=f"{len(rows)} {noun}(s)")
    for column in ("document", columns[0]):
        table.add_column(column, no_wrap=True, min_width=10)
    for column in columns[1:]:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row.document_id[:12], *cells(row))
    console.print(table)


def _document_row(stored: StoredDocument) -> dict[str, Any]:
    return {
        **stored.document.to_dict(),
        "source": stored.document.source,
        "ingested_at": stored.ingested_at.isoformat(),
        "previous_version": stored.previous_version,
        "status": stored.status,
    }


@app.command()
def documents(
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Full-text search in title and text.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only documents published on or after YYYY-MM-DD.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.", min=1)] = None,
    output_format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List the stored documents, newest first."""
    from accord.store.queries import list_documents

    output_format = _check_format(output_format, ("table", "json"))
    since_date = _parse_date(since, "--since")
    rows = _query(
        db, lambda session: list_documents(session, search=search, since=since_date, limit=limit)
    )
    if output_format == "json":
        _print_json([_document_row(r) for r in rows])
        return
    table = Table(title=f"{len(rows)} document(s)", show_lines=False)
    for column in ("id", "published", "kind", "publisher", "title"):
        table.add_column(column, overflow="fold")
    for row in rows:
        d = row.document
        table.add_row(
            d.id[:12],
            d.published.isoformat() if d.published else "",
            d.kind,
            escape(d.publisher or ""),
            escape(d.title or d.source),
        )
    console.print(table)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="A document id or its first characters.")],
    output_format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Show one stored document: its metadata, text and record."""
    from accord.store.queries import get_document, get_record_dict

    output_format = _check_format(output_format, ("table", "json"))

    def load(session: Session) -> tuple[StoredDocument, dict[str, Any]]:
        stored = get_document(session, id_prefix=doc_id)
        return stored, get_record_dict(session, document_id=stored.document.id)

    stored, record = _query(db, load)
    if output_format == "json":
        _print_json({**_document_row(stored), "text": stored.document.text, "record": record})
        return
    from accord.terminal import render_document

    render_document(console, stored, record)


EXTRACT_FORMATS: dict[str, tuple[str, ...]] = {
    "record": ("json", "jsonl", "text", "plover"),
    "entities": ("text", "json"),
}


def _print_entities(documents: list[Document], output_format: str) -> None:
    from accord.extractors import read_annotations
    from accord.records import entity_mentions

    found = [(d, entity_mentions(read_annotations(d), text=d.text)) for d in documents]
    if output_format == "json":
        data = [
            {"document": d.to_dict(), "entities": [e.to_dict() for e in entities]}
            for d, entities in found
        ]
        _print_json(data[0] if len(data) == 1 else data)
        return
    from accord.terminal import render_entities

    for document, entities in found:
        render_entities(console, document.text, entities)


@app.command("extract")
def extract_command(
    path: Annotated[str, typer.Argument(help="The file to read, or '-' for standard input.")],
    published: Annotated[
        str | None, typer.Option(help="The document's own date, YYYY-MM-DD.")
    ] = None,
    layer: Annotated[
        str,
        typer.Option(
            help="record: the document record (meetings, commitments, ...); "
            "entities: the people, countries, organizations, places and dates read in the text.",
            case_sensitive=False,
        ),
    ] = "record",
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="For --layer record: json (the document record, the default), jsonl (one "
            "record per line), text (highlighted), or plover (one PLOVER-style event per "
            "line). For --layer entities: text (coloured, the default) or json.",
            show_default=False,
        ),
    ] = None,
    max_size: Annotated[float, typer.Option(help="Largest file to read, in MB.", min=0.001)] = 20.0,
) -> None:
    """Read one file and print its document record, without touching the store."""
    from accord.pipeline import STDIN, extract_file, read_documents

    layer = layer.lower()
    if layer not in EXTRACT_FORMATS:
        _fail(f"--layer {layer!r} is not one of: {', '.join(EXTRACT_FORMATS)}")
    allowed = EXTRACT_FORMATS[layer]
    output_format = _check_format(output_format or allowed[0], allowed)
    published_date = _parse_date(published, "--published")
    stdin_data = sys.stdin.buffer.read() if path == STDIN else None
    max_bytes = int(max_size * 1024 * 1024)
    try:
        if layer == "entities":
            documents = read_documents(
                path, published=published_date, max_bytes=max_bytes, stdin_data=stdin_data
            )
            _print_entities(documents, output_format)
            return
        records = extract_file(
            path, published=published_date, max_bytes=max_bytes, stdin_data=stdin_data
        )
    except InputError as error:
        _fail(str(error))
    except AccordError as error:
        _fail(f"{path}: {error}")
    if output_format == "json":
        data = [r.to_dict() for r in records]
        _print_json(data[0] if len(data) == 1 else data)
        return
    if output_format == "jsonl":
        from accord.exports import records_to_jsonl

        sys.stdout.write(records_to_jsonl(records))
        return
    if output_format == "plover":
        from accord.exports import plover_events

        for record in records:
            for event in plover_events(record):
                sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
        return
    from accord.terminal import render_record

    for record in records:
        render_record(console, record)


LIST_FORMATS = ("table", "json", "csv")
ListFormatOption = Annotated[
    str,
    typer.Option("--format", "-f", help="Output format: table, json or csv.", case_sensitive=False),
]
PartyOption = Annotated[
    str | None,
    typer.Option("--party", "-p", help="Only those this country took part in (ISO3, e.g. KOR)."),
]


@app.command()
def meetings(
    party: PartyOption = None,
    since: Annotated[
        str | None, typer.Option(help="Only meetings held on or after YYYY-MM-DD.")
    ] = None,
    output_format: ListFormatOption = "table",
    db: DbOption = None,
) -> None:
    """List the stored meetings, newest first, with the document each was read in."""
    from accord.store.queries import list_meetings

    output_format = _check_format(output_format, LIST_FORMATS)
    party_code = _check_party(party)
    since_date = _parse_date(since, "--since")
    rows = _query(db, lambda session: list_meetings(session, party=party_code, since=since_date))
    from accord.exports import meeting_row, meetings_to_csv

    def cells(row: Any) -> list[str]:
        m = row.meeting
        people = "; ".join(
            f"{p.name} ({p.country})" if p.country else p.name for p in m.participants
        )
        return [
            m.date.isoformat() if m.date else "",
            escape(", ".join(x for x in (m.city, m.country) if x)),
            " ".join(m.parties),
            escape(people),
            escape(m.mechanism or ""),
            f"{m.plover} {m.cameo}",
        ]

    _print_listing(
        rows,
        output_format,
        noun="meeting",
        to_json=meeting_row,
        to_csv=meetings_to_csv,
        columns=("date", "place", "parties", "participants", "mechanism", "cameo"),
        cells=cells,
    )


commitments_app = typer.Typer(
    help="List the stored commitments, or override one's status (`set-status`).",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(commitments_app, name="commitments")


@commitments_app.callback()
def commitments(
    ctx: typer.Context,
    party: Annotated[
        str | None,
        typer.Option("--party", "-p", help="Only commitments this country made (ISO3, e.g. CAN)."),
    ] = None,
    area: Annotated[
        str | None,
        typer.Option(help="Only commitments in this area of cooperation, e.g. maritime."),
    ] = None,
    due_before: Annotated[
        str | None, typer.Option(help="Only commitments due before YYYY-MM-DD.")
    ] = None,
    output_format: ListFormatOption = "table",
    db: DbOption = None,
) -> None:
    """List the stored commitments, soonest deadline first, with the document each was read in."""
    from accord.store.queries import list_commitments

    if ctx.invoked_subcommand is not None:
        return

    output_format = _check_format(output_format, LIST_FORMATS)
    party_code = _check_party(party)
    area_id = _check_area(area)
    due = _parse_date(due_before, "--due-before")
    rows = _query(
        db,
        lambda session: list_commitments(session, party=party_code, area=area_id, due_before=due),
    )
    from accord.exports import commitment_row, commitments_to_csv

    def cells(row: Any) -> list[str]:
        c = row.commitment
        return [
            c.deadline.isoformat() if c.deadline else "",
            " ".join(c.parties),
            c.modality,
            ", ".join(c.areas),
            ", ".join(c.forums),
            escape(c.text),
        ]

    _print_listing(
        rows,
        output_format,
        noun="commitment",
        to_json=commitment_row,
        to_csv=commitments_to_csv,
        columns=("deadline", "parties", "modality", "areas", "forums", "text"),
        cells=cells,
    )


@app.command("eval")
def eval_command(
    gold_dir: Annotated[
        Path,
        typer.Argument(help="A gold folder of SLUG.txt + SLUG.json pairs (see tests/data/gold)."),
    ],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the metrics as JSON to this file.")
    ] = None,
    show_misses: Annotated[
        bool, typer.Option("--misses/--no-misses", help="List each miss by document.")
    ] = True,
) -> None:
    """Score Accord's extraction against a gold set: precision, recall and F1 per field."""
    from accord.evaluation import evaluate_folder

    try:
        report = evaluate_folder(gold_dir)
    except AccordError as error:
        _fail(str(error))
    text = report.format_text()
    if not show_misses:
        text = text.split("\n\nMisses (", 1)[0]
    sys.stdout.write(text + "\n")
    if json_out is not None:
        json_out.write_text(report.to_json(), encoding="utf-8")


app.command("report")(report_command)
app.command("partners")(partners_command)
app.command("check")(check_command)
app.command("eval-multi")(eval_multi_command)
commitments_app.command("set-status")(set_status_command)
app.command("serve")(serve_command)
app.add_typer(token_app, name="token")


def main() -> None:
    """Entry point of the `accord` script."""
    app()


if __name__ == "__main__":
    main()
