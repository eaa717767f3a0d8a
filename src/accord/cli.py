"""The `accord` command line: thin commands over the library, the only place that prints."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from accord.errors import AccordError, InputError
from accord.records import DOCUMENT_KINDS, DocumentMetadata, StoredDocument
from accord.settings import Settings

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

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store URL: sqlite:///path.db or postgresql+psycopg://user@host/db. "
        "Default: $ACCORD_DB, else sqlite:///accord.db in this folder.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output format: table or json.", case_sensitive=False)
]


def _fail(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _settings(db: str | None) -> Settings:
    settings = Settings()
    return settings.model_copy(update={"db": db}) if db else settings


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-07")


def _open_store(db: str | None):
    from accord.store import Store

    try:
        return Store.open(_settings(db).db)
    except AccordError as error:
        _fail(str(error))


def _check_format(value: str, allowed: tuple[str, ...]) -> str:
    value = value.lower()
    if value not in allowed:
        _fail(f"--format {value!r} is not one of: {', '.join(allowed)}")
    return value


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to read (.txt, .md, .html, .pdf, .jsonl); '-' reads standard input.",
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
) -> None:
    """Read documents and store them with everything Accord finds in them.

    Metadata options (--title, --url, --published, --publisher, --kind) override what the
    files say about themselves. A document already stored is not stored twice.
    """
    from accord.pipeline import STDIN, ingest_paths

    if kind is not None and kind not in DOCUMENT_KINDS:
        _fail(f"--kind {kind!r} is not one of: {', '.join(DOCUMENT_KINDS)}")
    metadata = DocumentMetadata(
        title=title,
        url=url,
        published=_parse_date(published, "--published"),
        publisher=publisher,
        kind=kind,
    )
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
    for error in summary.failed:
        err_console.print(f"[red]failed[/] {escape(str(error))}", highlight=False, soft_wrap=True)
    console.print(
        f"{len(summary.new)} new, {len(summary.existing)} already stored, "
        f"{len(summary.failed)} failed"
    )
    if summary.failed:
        raise typer.Exit(1)


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
    store = _open_store(db)
    try:
        with store.session() as session:
            rows = list_documents(session, search=search, since=since_date, limit=limit)
    except AccordError as error:
        _fail(str(error))
    finally:
        store.close()
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
    store = _open_store(db)
    try:
        with store.session() as session:
            stored = get_document(session, id_prefix=doc_id)
            record = get_record_dict(session, document_id=stored.document.id)
    except AccordError as error:
        _fail(str(error))
    finally:
        store.close()
    if output_format == "json":
        _print_json({**_document_row(stored), "text": stored.document.text, "record": record})
        return
    from accord.terminal import render_document

    render_document(console, stored, record)


@app.command("extract")
def extract_command(
    path: Annotated[str, typer.Argument(help="The file to read, or '-' for standard input.")],
    published: Annotated[
        str | None, typer.Option(help="The document's own date, YYYY-MM-DD.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="json (the document record) or text.")
    ] = "json",
    max_size: Annotated[float, typer.Option(help="Largest file to read, in MB.", min=0.001)] = 20.0,
) -> None:
    """Read one file and print its document record, without touching the store."""
    from accord.pipeline import STDIN, extract_file

    output_format = _check_format(output_format, ("json", "text"))
    stdin_data = sys.stdin.buffer.read() if path == STDIN else None
    try:
        records = extract_file(
            path,
            published=_parse_date(published, "--published"),
            max_bytes=int(max_size * 1024 * 1024),
            stdin_data=stdin_data,
        )
    except InputError as error:
        _fail(str(error))
    except AccordError as error:
        _fail(f"{path}: {error}")
    if output_format == "json":
        data = [r.to_dict() for r in records]
        _print_json(data[0] if len(data) == 1 else data)
        return
    from accord.terminal import render_record

    for record in records:
        render_record(console, record)


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


def main() -> None:
    """Entry point of the `accord` script."""
    app()


if __name__ == "__main__":
    main()
