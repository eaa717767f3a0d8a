"""Dependencies of the routes: the store, a read session, the as-of date and the writer's token."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from sqlalchemy.orm import Session

from accord.api.errors import Problem
from accord.api.security import CSRF_COOKIE, SESSION_COOKIE, Signer
from accord.api.tokens import TokenInfo, token_by_id, verify_token
from accord.settings import Settings
from accord.store import Store

__all__ = [
    "AsOf",
    "ReadSession",
    "Writer",
    "area_id",
    "country_code",
    "get_session",
    "get_settings",
    "get_store",
    "require_writer",
    "session_writer",
]


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_signer(request: Request) -> Signer:
    return request.app.state.signer


def get_session(store: Annotated[Store, Depends(get_store)]) -> Iterator[Session]:
    """A read transaction for one request."""
    with store.session() as session:
        yield session


def as_of_date(
    as_of: Annotated[
        dt.date | None,
        Query(description="Judge the record as known on this day (default: today)."),
    ] = None,
) -> dt.date:
    return as_of or dt.date.today()


ReadSession = Annotated[Session, Depends(get_session)]
AsOf = Annotated[dt.date, Depends(as_of_date)]


def session_writer(request: Request) -> TokenInfo | None:
    """The token a valid browser session was opened with, if it is still active."""
    signer: Signer = request.app.state.signer
    token_id = signer.session_token_id(request.cookies.get(SESSION_COOKIE))
    if token_id is None:
        return None
    with request.app.state.store.session() as session:
        return token_by_id(session, token_id=token_id)


def require_writer(
    request: Request,
    authorization: Annotated[
        str | None,
        Header(description="`Bearer <token>`, a token from `accord token create NAME`."),
    ] = None,
    x_csrf_token: Annotated[
        str | None,
        Header(description="With a browser session instead of a bearer token: the CSRF token."),
    ] = None,
) -> TokenInfo:
    """The token a write is made with: a bearer header, or a browser session whose
    request carries the CSRF token of its `accord_csrf` cookie. Refuses with 401 else."""
    store: Store = request.app.state.store
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            with store.session() as session:
                info = verify_token(session, token=token.strip())
            if info is not None:
                return info
        raise Problem(
            401,
            "the bearer token is unknown or revoked; create one with `accord token create NAME`",
            title="Invalid token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    info = session_writer(request)
    if info is not None:
        signer: Signer = request.app.state.signer
        if signer.csrf_ok(request.cookies.get(CSRF_COOKIE), x_csrf_token):
            return info
        raise Problem(403, "the CSRF token is missing or wrong", title="CSRF check failed")
    raise Problem(
        401,
        "writing needs an API token: send `Authorization: Bearer <token>` "
        "(create one with `accord token create NAME`)",
        title="Authentication required",
        headers={"WWW-Authenticate": "Bearer"},
    )


Writer = Annotated[TokenInfo, Depends(require_writer)]


def country_code(value: str, *, what: str = "country") -> str:
    """An ISO3 code the knowledge base knows, upper-cased; else a 404 naming the problem."""
    from accord.kb import load_kb

    code = value.strip().upper()
    if not load_kb().is_party(code):
        raise Problem(
            404,
            f"{what} {value!r} is not an ISO 3166-1 alpha-3 code Accord knows (e.g. KOR, CAN)",
            title="Unknown country",
        )
    return code


def area_id(value: str) -> str:
    """An area id of the taxonomy; else a 422 listing them."""
    from accord.kb import load_kb

    area = value.strip().lower()
    areas = load_kb().areas
    if area not in areas:
        raise Problem(
            422,
            f"area {value!r} is not an area id; valid ids: {', '.join(areas)}",
            title="Unknown area",
        )
    return area
