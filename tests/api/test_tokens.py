"""API tokens: stored hashed, shown once, revocable; and the `accord token` commands."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from accord.api.tokens import (
    create_token,
    hash_token,
    list_tokens,
    revoke_token,
    token_by_id,
    verify_token,
)
from accord.cli_web import serve_command, token_app
from accord.errors import TokenError
from accord.store import Store
from accord.store.models import ApiTokenRow


def test_tokens_are_stored_hashed_and_verified(store: Store) -> None:
    with store.session(write=True) as session:
        info, secret = create_token(session, name="alice")
    with store.session() as session:
        stored = session.get(ApiTokenRow, info.id)
        assert stored is not None and stored.token_hash == hash_token(secret)
        assert secret not in stored.token_hash
        assert verify_token(session, token=secret) == info
        assert verify_token(session, token=secret + "x") is None
        assert verify_token(session, token="not-a-token") is None


def test_tokens_revoked_no_longer_verify(store: Store) -> None:
    with store.session(write=True) as session:
        info, secret = create_token(session, name="bob")
        assert revoke_token(session, name="bob") == 1
    with store.session() as session:
        assert verify_token(session, token=secret) is None
        assert token_by_id(session, token_id=info.id) is None
        assert [t.active for t in list_tokens(session)] == [False]
    with store.session(write=True) as session:  # the name is free again
        create_token(session, name="bob")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "not valid"),
        ("has space", "not valid"),
        ("-dash", "not valid"),
        ("x" * 101, "not valid"),
    ],
)
def test_tokens_reject_bad_names(store: Store, name: str, problem: str) -> None:
    with store.session(write=True) as session, pytest.raises(TokenError, match=problem):
        create_token(session, name=name)


def test_tokens_refuse_a_second_active_token_of_the_same_name(store: Store) -> None:
    with store.session(write=True) as session:
        create_token(session, name="ci")
        with pytest.raises(TokenError, match="already named"):
            create_token(session, name="ci")
        with pytest.raises(TokenError, match="no active token"):
            revoke_token(session, name="nobody")


def _cli() -> typer.Typer:
    """The commands registered as `accord.cli` registers them."""
    app = typer.Typer()
    app.command("serve")(serve_command)
    app.add_typer(token_app, name="token")
    return app


def test_tokens_cli_create_list_revoke(store_url: str) -> None:
    runner = CliRunner()
    created = runner.invoke(_cli(), ["token", "create", "alice", "--db", store_url])
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip().splitlines()[-1]
    assert secret.startswith("acc_")
    listed = runner.invoke(_cli(), ["token", "list", "--db", store_url])
    assert "alice" in listed.stdout and "active" in listed.stdout and secret not in listed.stdout
    again = runner.invoke(_cli(), ["token", "create", "alice", "--db", store_url])
    assert again.exit_code == 1 and "already named" in again.stderr
    revoked = runner.invoke(_cli(), ["token", "revoke", "alice", "--db", store_url])
    assert revoked.exit_code == 0 and "Revoked 1" in revoked.stdout
    with Store.open(store_url) as store, store.session() as session:
        assert verify_token(session, token=secret) is None


def test_tokens_cli_serve_has_help() -> None:
    result = CliRunner().invoke(_cli(), ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db"):
        assert option in result.stdout
