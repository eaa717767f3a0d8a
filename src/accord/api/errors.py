"""One error shape for the API (RFC 9457 `application/problem+json`) and error pages for
the dashboard: Accord's errors and HTTP errors are translated here and nowhere else."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from accord.errors import (
    AccordError,
    AmbiguousIdError,
    DocumentNotFoundError,
    EventNotFoundError,
    FileTooLargeError,
    InputError,
    StoreError,
    TokenError,
)

__all__ = ["PROBLEM_JSON", "Problem", "install_error_handlers", "problem_response"]

log = logging.getLogger("accord")

PROBLEM_JSON = "application/problem+json"

# Accord's errors by the HTTP status they mean; the first match (most specific) wins.
_STATUS_OF: tuple[tuple[type[AccordError], int, str], ...] = (
    (DocumentNotFoundError, 404, "Document not found"),
    (EventNotFoundError, 404, "Commitment not found"),
    (AmbiguousIdError, 409, "Ambiguous document id"),
    (FileTooLargeError, 413, "Upload too large"),
    (InputError, 422, "Unreadable document"),
    (TokenError, 400, "Token error"),
    (StoreError, 503, "Store unavailable"),
)


class Problem(HTTPException):
    """An HTTP error with a title of its own (the default title is the status phrase)."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        title: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.title = title or HTTPStatus(status).phrase


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi.json"))


def problem_response(
    request: Request,
    status: int,
    title: str,
    detail: str,
    *,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response:
    """The problem document (or, for a dashboard page, the error page) for one failure."""
    if _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "title": title, "detail": detail, "writer": None, "csrf_token": ""},
            status_code=status,
            headers=headers,
        )
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **(extra or {}),
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    title = getattr(exc, "title", None) or HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) else title
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"nothing is at {request.url.path}; the API lives under /api/v1 (see /docs)"
    if exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
    headers = dict(exc.headers) if exc.headers else None
    return problem_response(request, exc.status_code, title, detail, headers=headers)


def _field(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc if part not in ("body", "query", "path"))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": _field(tuple(e.get("loc", ()))), "message": str(e.get("msg", ""))}
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e['field'] or 'request'}: {e['message']}" for e in errors)
    return problem_response(
        request,
        422,
        "Invalid request",
        detail or "the request is invalid",
        extra={"errors": errors},
    )


async def _accord_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AccordError)
    for kind, status, title in _STATUS_OF:
        if isinstance(exc, kind):
            return problem_response(request, status, title, str(exc))
    return problem_response(request, 400, "Request failed", str(exc))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return problem_response(
        request,
        500,
        "Internal error",
        "Accord met an unexpected error; the server log has the details",
    )


def install_error_handlers(app: FastAPI) -> None:
    """Route every failure through `problem_response`."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(AccordError, _accord_error)
    app.add_exception_handler(Exception, _unexpected)
