"""API tokens: created once and shown once, stored as SHA-256 hashes, checked on every write."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from accord.errors import TokenError
from accord.store.models import ApiTokenRow

__all__ = [
    "TOKEN_PREFIX",
    "TokenInfo",
    "create_token",
    "hash_token",
    "list_tokens",
    "revoke_token",
    "token_by_id",
    "verify_token",
]

TOKEN_PREFIX = "acc_"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """What is known of a token apart from its secret."""

    id: int
    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def hash_token(token: str) -> str:
    """The stored form of a token. A plain SHA-256 suffices: tokens are 256 random bits,
    so there is nothing for a slow password hash to protect against guessing."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _info(row: ApiTokenRow) -> TokenInfo:
    return TokenInfo(row.id, row.name, row.created_at, row.revoked_at)


def create_token(session: Session, *, name: str) -> tuple[TokenInfo, str]:
    """A new token named `name`: its info and the secret, which is never stored or shown again.

    Raises `TokenError` when the name is malformed or an active token already has it.
    """
    name = name.strip()
    if not _NAME.fullmatch(name):
        raise TokenError(
            f"token name {name!r} is not valid; use 1-100 letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit"
        )
    active = session.scalar(
        sa.select(ApiTokenRow.id).where(ApiTokenRow.name == name, ApiTokenRow.revoked_at.is_(None))
    )
    if active is not None:
        raise TokenError(
            f"an active token is already named {name!r}; revoke it first "
            f"(`accord token revoke {name}`) or choose another name"
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiTokenRow(name=name, token_hash=hash_token(secret), created_at=dt.datetime.now(dt.UTC))
    session.add(row)
    session.flush()
    return _info(row), secret


def list_tokens(session: Session) -> list[TokenInfo]:
    """Every token ever created, oldest first, revoked ones included."""
    rows = session.scalars(sa.select(ApiTokenRow).order_by(ApiTokenRow.created_at, ApiTokenRow.id))
    return [_info(r) for r in rows]


def revoke_token(session: Session, *, name: str) -> int:
    """Revoke the active token(s) named `name`; returns how many. Raises `TokenError` when
    no active token has that name."""
    rows = list(
        session.scalars(
            sa.select(ApiTokenRow).where(
                ApiTokenRow.name == name.strip(), ApiTokenRow.revoked_at.is_(None)
            )
        )
    )
    if not rows:
        raise TokenError(f"no active token is named {name!r}; `accord token list` shows them")
    now = dt.datetime.now(dt.UTC)
    for row in rows:
        row.revoked_at = now
    session.flush()
    return len(rows)


def verify_token(session: Session, *, token: str) -> TokenInfo | None:
    """The active token whose secret is `token`, or None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    digest = hash_token(token)
    row = session.scalar(sa.select(ApiTokenRow).where(ApiTokenRow.token_hash == digest))
    # The lookup is by hash, so timing says nothing about the secret; compare anyway.
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return _info(row)


def token_by_id(session: Session, *, token_id: int) -> TokenInfo | None:
    """The active token with this id (what a browser session refers to), or None."""
    row = session.get(ApiTokenRow, token_id)
    return None if row is None or row.revoked_at is not None else _info(row)
