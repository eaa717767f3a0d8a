"""Command functions of the web layer: `accord serve` and the `accord token` group.

`accord.cli` registers them: `app.command("serve")(serve_command)` and
`app.add_typer(token_app, name="token")`. This module does not import `accord.cli`.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from accord.cli_common import DbOption, console, err_console
from accord.cli_common import fail as _fail
from accord.cli_common import open_store as _open_store
from accord.cli_common import settings as _settings
from accord.errors import AccordError

__all__ = ["serve_command", "token_app"]


def serve_command(
    host: Annotated[
        str, typer.Option(help="Interface to listen on; the default serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: DbOption = None,
) -> None:
    """Serve the dashboard and the JSON API (/api/v1, docs at /docs) over HTTP."""
    import uvicorn

    from accord.api import create_app

    settings = _settings(db)
    store = _open_store(db)
    app = create_app(settings=settings, store=store)
    shown = f"[{host}]" if ":" in host else host
    browse = "127.0.0.1" if host in ("0.0.0.0", "::") else shown
    console.print(f"Accord is serving {escape(store.url)}", highlight=False)
    console.print(f"Open http://{browse}:{port}/ in a browser (API docs: /docs); Ctrl+C stops.")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(
            "[yellow]warning:[/] listening beyond this machine over plain HTTP; the login "
            "cookie is marked Secure, so put a TLS proxy in front for remote browsers"
        )
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()


token_app = typer.Typer(
    help="API tokens for writing over HTTP (ingest, status overrides): create, list, revoke.",
    no_args_is_help=True,
)


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(help="Who or what the token is for, e.g. alice.")],
    db: DbOption = None,
) -> None:
    """Create a token and print it once: only its hash is stored."""
    from accord.api.tokens import create_token

    store = _open_store(db)
    try:
        with store.session(write=True) as session:
            info, secret = create_token(session, name=name)
    except AccordError as error:
        _fail(str(error))
    finally:
        store.close()
    err_console.print(
        f"Created token {escape(info.name)!r}. Copy it now: it is not shown again.",
        highlight=False,
    )
    # The secret alone on stdout, so `TOKEN=$(accord token create ci)` works.
    typer.echo(secret)


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """List the tokens: name, when created, and whether revoked (never the secrets)."""
    from accord.api.tokens import list_tokens

    store = _open_store(db)
    try:
        with store.session() as session:
            tokens = list_tokens(session)
    except AccordError as error:
        _fail(str(error))
    finally:
        store.close()
    table = Table(title=f"{len(tokens)} token(s)")
    for column in ("name", "created", "status"):
        table.add_column(column)
    for t in tokens:
        status = f"revoked {t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "active"
        table.add_row(escape(t.name), f"{t.created_at:%Y-%m-%d %H:%M} UTC", status)
    console.print(table)


@token_app.command("revoke")
def token_revoke(
    name: Annotated[str, typer.Argument(help="The name the token was created with.")],
    db: DbOption = None,
) -> None:
    """Revoke the active token with this name; requests using it are refused from now on."""
    from accord.api.tokens import revoke_token

    store = _open_store(db)
    try:
        with store.session(write=True) as session:
            count = revoke_token(session, name=name)
    except AccordError as error:
        _fail(str(error))
    finally:
        store.close()
    console.print(f"Revoked {count} token(s) named {escape(name)!r}.", highlight=False)
