"""The dashboard's pages: home, partnership, document, commitment, search, upload, login.

Each view gathers its data with `accord.api.service` (the same functions the JSON routes
call) and renders a template; forms that write carry a CSRF token and need a session
opened with an API token on the login page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from accord.api.deps import AsOf, ReadSession, country_code, session_writer
from accord.api.errors import Problem
from accord.api.security import CSRF_COOKIE, SESSION_COOKIE, SESSION_SECONDS, Signer
from accord.api.service import (
    PartnershipView,
    commitment_view,
    document_view,
    home_view,
    ingest_bytes,
    memoized,
    partnership_view,
)
from accord.api.tokens import TokenInfo, verify_token
from accord.errors import AccordError
from accord.kb import load_kb
from accord.records import DOCUMENT_KINDS, DocumentMetadata
from accord.report import INDEX_METHOD
from accord.store.queries import count_documents, list_documents
from accord.tracking.checking import CheckReport, check_document
from accord.tracking.ledger import STATUSES
from accord.web import charts
from accord.web.highlight import FACT_KINDS, facts_of, segments

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "make_templates", "router"]

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
PAGE_SIZE = 25
# The partnership page's long lists: meetings and sources, and cards per board column.
LIST_PAGE_SIZE = 50
BOARD_PAGE_SIZE = 12
# The board's columns: the four, then "renewed" (restated later, still open).
BOARD = (
    ("open", "Open"),
    ("due_soon", "Due soon"),
    ("overdue", "Overdue"),
    ("fulfilled", "Fulfilled"),
    ("renewed", "Renewed"),
)

router = APIRouter(include_in_schema=False)


def make_templates() -> Jinja2Templates:
    """The page templates, every value escaped unless a template says otherwise."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["short"] = lambda value: (value or "")[:12]
    env.globals["country_name"] = _country_name
    env.globals["area_label"] = _area_label
    return Jinja2Templates(env=env)


def _country_name(code: str | None) -> str:
    return load_kb().party_name(code or "") or (code or "")


def _area_label(area: str) -> str:
    entry = load_kb().areas.get(area)
    return entry.label if entry else area


def _render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
) -> Response:
    """Render a page with what every page needs: the writer (if logged in) and a CSRF token
    for its forms, setting the CSRF seed cookie on the first visit."""
    signer: Signer = request.app.state.signer
    seed = request.cookies.get(CSRF_COOKIE)
    new_seed = None
    if not seed:
        seed = new_seed = signer.new_csrf_seed()
    writer = session_writer(request)
    response = request.app.state.templates.TemplateResponse(
        request,
        name,
        {
            "writer": writer,
            "csrf_token": signer.csrf_token(seed),
            "today": dt.date.today(),
            **context,
        },
        status_code=status_code,
    )
    if new_seed:
        response.set_cookie(
            CSRF_COOKIE, new_seed, httponly=True, secure=True, samesite="strict", path="/"
        )
    return response


def _check_csrf(request: Request, token: str | None) -> None:
    signer: Signer = request.app.state.signer
    if not signer.csrf_ok(request.cookies.get(CSRF_COOKIE), token):
        raise Problem(
            403,
            "the form's CSRF token is missing or stale; reload the page and try again",
            title="CSRF check failed",
        )


def _require_session(request: Request, csrf_token: str | None) -> TokenInfo:
    _check_csrf(request, csrf_token)
    writer = session_writer(request)
    if writer is None:
        raise Problem(
            401,
            "log in with an API token first (create one with `accord token create NAME`)",
            title="Login required",
        )
    return writer


def _safe_next(value: str | None) -> str:
    """Only a path on this site: never an absolute or scheme-relative URL (open redirect)."""
    if value and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return "/"


# --- pages --------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home_page(request: Request, session: ReadSession, as_of: AsOf) -> Response:
    view = home_view(session, as_of=as_of, documents=count_documents(session))
    return _render(
        request,
        "home.html",
        {"view": view, "as_of": as_of, "chart": charts.pairs_chart(view.pairs)},
    )


@dataclass(frozen=True, slots=True)
class Paged:
    """One page of a long list on a page, with links to its neighbours (same query, the
    other page, back at the list's anchor)."""

    items: list[Any]
    total: int
    page: int
    pages: int
    first: int  # 1-based number of the first item shown
    previous_url: str | None
    next_url: str | None


def _paged(request: Request, items: list[Any], *, param: str, size: int, anchor: str) -> Paged:
    try:
        wanted = int(request.query_params.get(param, "1"))
    except ValueError:
        wanted = 1
    pages = max(1, -(-len(items) // size))
    page = min(max(wanted, 1), pages)

    def url(n: int) -> str:
        query = request.url.include_query_params(**{param: n}).query
        return f"{request.url.path}?{query}#{anchor}"

    start = (page - 1) * size
    return Paged(
        items[start : start + size],
        len(items),
        page,
        pages,
        start + 1,
        url(page - 1) if page > 1 else None,
        url(page + 1) if page < pages else None,
    )


def _partnership_charts(view: PartnershipView) -> dict[str, Any]:
    """The partnership page's chart specs and its sources in date order: everything the
    page draws from the whole report, the same for every page of its lists."""
    labels = {k: v.label for k, v in load_kb().areas.items()}
    report = view.report
    return {
        "timeline": charts.timeline_chart(report, page_size=LIST_PAGE_SIZE),
        "areas": charts.areas_chart(report, labels=labels),
        "index": charts.index_chart(report),
        "documents": sorted(
            view.documents.values(), key=lambda d: (d["published"] or dt.date.min, d["id"])
        ),
    }


@router.get("/partnerships/{a}/{b}", response_class=HTMLResponse)
def partnership_page(
    request: Request, session: ReadSession, as_of: AsOf, a: str, b: str
) -> Response:
    """The partnership: charts over everything, and the long lists (meetings, each column
    of the board, sources) a page at a time; the JSON link has them whole."""
    view = partnership_view(session, a=country_code(a), b=country_code(b), as_of=as_of)
    report = view.report
    drawn = memoized(
        session,
        ("partnership-charts", report.a, report.b, as_of, view.version),
        lambda: _partnership_charts(view),
    )
    board = [
        (
            status,
            title,
            _paged(
                request,
                [e for e in report.ledger if e.status == status],
                param=f"{status}_page",
                size=BOARD_PAGE_SIZE,
                anchor="board",
            ),
        )
        for status, title in BOARD
    ]
    return _render(
        request,
        "partnership.html",
        {
            "report": report,
            "meetings": _paged(
                request,
                list(report.meetings),
                param="meetings_page",
                size=LIST_PAGE_SIZE,
                anchor="timeline",
            ),
            "documents": _paged(
                request,
                drawn["documents"],
                param="sources_page",
                size=LIST_PAGE_SIZE,
                anchor="sources",
            ),
            "board": board,
            "as_of": as_of,
            "timeline": drawn["timeline"],
            "areas": drawn["areas"],
            "index": drawn["index"],
            "report_method": INDEX_METHOD,
        },
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, session: ReadSession, doc_id: str) -> Response:
    stored, record, events = document_view(session, id_prefix=doc_id)
    text = stored.document.text
    facts = facts_of(record, text_length=len(text))
    check: CheckReport | None = None
    check_error: str | None = None
    try:
        check = check_document(session, id_prefix=stored.document.id)
    except AccordError as error:  # a check that cannot run must not hide the document
        check_error = str(error)
    entities: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for i, e in enumerate(record.get("entities", [])):
        entities.setdefault(e["kind"], []).append((i, e))
    return _render(
        request,
        "document.html",
        {
            "stored": stored,
            "record": record,
            "segments": segments(text, facts),
            "kinds": [k for k in FACT_KINDS if any(f.kind == k for f in facts)],
            "entities": [(k, entities[k]) for k in FACT_KINDS if k in entities],
            "events": events,
            "check": check,
            "check_error": check_error,
        },
    )


@router.get("/commitments/{event_id}", response_class=HTMLResponse)
def commitment_page(request: Request, session: ReadSession, as_of: AsOf, event_id: int) -> Response:
    view = commitment_view(session, event_id=event_id, as_of=as_of)
    return _render(request, "commitment.html", {"view": view, "statuses": STATUSES, "as_of": as_of})


@router.post("/commitments/{event_id}/status")
def commitment_status_form(
    request: Request,
    event_id: int,
    status: Annotated[str, Form()],
    note: Annotated[str, Form(min_length=1, max_length=2000)],
    csrf_token: Annotated[str | None, Form()] = None,
    source_url: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    from accord.tracking.ledger import set_status

    writer = _require_session(request, csrf_token)
    if status not in STATUSES:
        raise Problem(422, f"status must be one of {', '.join(STATUSES)}", title="Unknown status")
    with request.app.state.store.session(write=True) as session:
        set_status(
            session,
            event_id=event_id,
            status=status,
            note=f"{note} (by {writer.name})",
            source_url=source_url or None,
        )
    return RedirectResponse(f"/commitments/{event_id}", status_code=303)


@router.get("/search", response_class=HTMLResponse)
@router.get("/documents", response_class=HTMLResponse)
def search_page(
    request: Request,
    session: ReadSession,
    q: Annotated[str | None, Query(max_length=500)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    fragment: bool = False,
) -> Response:
    """Documents, newest first, or the matches of a full-text search; `fragment=1` gives
    only the results, which the page's script swaps in as the analyst types."""
    offset = (page - 1) * PAGE_SIZE
    items = list_documents(session, search=q, limit=PAGE_SIZE, offset=offset)
    total = count_documents(session, search=q)
    context = {
        "q": q or "",
        "items": items,
        "total": total,
        "page": page,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "quoted_q": quote(q or ""),
    }
    return _render(request, "_results.html" if fragment else "search.html", context)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> Response:
    return _render(request, "upload.html", {"kinds": DOCUMENT_KINDS, "result": None})


@router.post("/upload", response_class=HTMLResponse)
def upload_form(
    request: Request,
    csrf_token: Annotated[str | None, Form()] = None,
    file: Annotated[UploadFile | None, Form()] = None,
    text: Annotated[str | None, Form()] = None,
    title: Annotated[str | None, Form(max_length=1000)] = None,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    published: Annotated[str | None, Form(max_length=10)] = None,
    publisher: Annotated[str | None, Form(max_length=1000)] = None,
    kind: Annotated[str | None, Form(max_length=32)] = None,
) -> Response:
    _require_session(request, csrf_token)
    settings = request.app.state.settings
    if file is not None and file.filename:
        data, name = file.file.read(settings.max_bytes + 1), file.filename
    elif text and text.strip():
        data, name = text.encode("utf-8"), "pasted.txt"
    else:
        raise Problem(422, "choose a file or paste the text", title="Nothing to ingest")
    if len(data) > settings.max_bytes:
        raise Problem(
            413,
            f"the file is over the limit of {settings.max_bytes} bytes",
            title="Upload too large",
        )
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError as e:
        raise Problem(
            422, f"published {published!r} is not a YYYY-MM-DD date", title="Bad date"
        ) from e
    if kind and kind not in DOCUMENT_KINDS:
        raise Problem(422, f"kind must be one of {', '.join(DOCUMENT_KINDS)}", title="Bad kind")
    result = ingest_bytes(
        request.app.state.store,
        data=data,
        filename=name,
        metadata=DocumentMetadata(
            title=title or None,
            url=url or None,
            published=day,
            publisher=publisher or None,
            kind=kind or None,
        ),
        max_bytes=settings.max_bytes,
    )
    return _render(
        request,
        "upload.html",
        {"kinds": DOCUMENT_KINDS, "result": result},
        status_code=201 if result.stored else 422,
    )


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> Response:
    return _render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login", response_class=HTMLResponse)
def login_form(
    request: Request,
    token: Annotated[str, Form(max_length=200)],
    csrf_token: Annotated[str | None, Form()] = None,
    next: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    _check_csrf(request, csrf_token)
    with request.app.state.store.session() as session:
        info = verify_token(session, token=token.strip())
    if info is None:
        return _render(
            request,
            "login.html",
            {"next": _safe_next(next), "error": "That token is unknown or revoked."},
            status_code=401,
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    signer: Signer = request.app.state.signer
    response.set_cookie(
        SESSION_COOKIE,
        signer.session_value(info.id),
        max_age=SESSION_SECONDS,
        httponly=True,
        secure=True,
        samesite="strict",
        path="/",
    )
    return response


@router.post("/logout")
def logout_form(request: Request, csrf_token: Annotated[str | None, Form()] = None) -> Response:
    _check_csrf(request, csrf_token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="strict")
    return response


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    """The API's operations, read from its OpenAPI document and rendered here: a local
    stand-in for Swagger UI, whose assets no installed package ships."""
    return _render(request, "docs.html", {"operations": _operations(request.app.openapi())})


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI document's operations, flattened for the docs page."""
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tag": (op.get("tags") or ["other"])[0],
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": "requestBody" in op,
                    "responses": sorted(op.get("responses", {})),
                    "link": path if method == "get" and "{" not in path else None,
                }
            )
    return out
