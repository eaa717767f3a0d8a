"""What every `accord` command shares: the consoles, the --db option, one-line failures,
dates from options, and opening the store."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from accord.errors import AccordError
from accord.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


T = TypeVar("T")

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


def fail(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def settings(db: str | None) -> Settings:
    settings = Settings()
    return settings.model_copy(update={"db": db}) if db else settings


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-07")


def open_store(db: str | None):
    from accord.store import Store

    try:
        return Store.open(settings(db).db)
    except AccordError as error:
        fail(str(error))


def query(db: str | None, query: Callable[[Session], T]) -> T:
    """Run one read query against the store, turning its errors into a one-line failure."""
    store = open_store(db)
    try:
        with store.session() as session:
            return query(session)
    except AccordError as error:
        fail(str(error))
    finally:
        store.close()


def check_format(value: str, allowed: tuple[str, ...]) -> str:
    value = value.lower()
    if value not in allowed:
        fail(f"--format {value!r} is not one of: {', '.join(allowed)}")
    return value


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
