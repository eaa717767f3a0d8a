"""Documents: list and search, one with its record, its source check, and ingestion."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile

from accord.api.deps import ReadSession, Writer
from accord.api.errors import Problem
from accord.api.schemas import (
    CheckReportOut,
    DocumentDetail,
    DocumentPage,
    DocumentSummary,
    EventRef,
    IngestedDocument,
    IngestOut,
    ProblemOut,
)
from accord.api.service import document_view, ingest_bytes
from accord.records import DOCUMENT_KINDS, DocumentMetadata
from accord.store.queries import count_documents, list_documents
from accord.tracking.checking import check_document

__all__ = ["router"]

router = APIRouter(tags=["documents"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ProblemOut, "description": "No document has that id."}
}
Kind = Literal[DOCUMENT_KINDS]  # type: ignore[valid-type]


@router.get("/documents", response_model=DocumentPage, summary="List and search documents")
def list_documents_route(
    session: ReadSession,
    q: Annotated[
        str | None,
        Query(max_length=500, description='Full-text search in title and text; "quoted phrases".'),
    ] = None,
    since: Annotated[dt.date | None, Query(description="Published on or after.")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> DocumentPage:
    """Stored documents, newest published first; with `q`, best matches first."""
    items = list_documents(session, search=q, since=since, limit=limit, offset=offset)
    return DocumentPage(
        total=count_documents(session, search=q, since=since),
        limit=limit,
        offset=offset,
        items=[DocumentSummary.of(s) for s in items],
    )


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentDetail,
    summary="One document with its record",
    responses={**_ERRORS, 409: {"model": ProblemOut, "description": "The id prefix is ambiguous."}},
)
def get_document_route(session: ReadSession, doc_id: str) -> DocumentDetail:
    """A document by id or id prefix: metadata, text, record and the events it reports."""
    stored, record, events = document_view(session, id_prefix=doc_id)
    return DocumentDetail(
        **DocumentSummary.of(stored).model_dump(),
        text=stored.document.text,
        record=record,
        events=[
            EventRef(
                id=e.id,
                kind=e.kind,
                parties=list(e.parties),
                date=e.date,
                deadline=e.deadline,
                text=e.text,
            )
            for e in events
        ],
    )


@router.get(
    "/documents/{doc_id}/check",
    response_model=CheckReportOut,
    summary="Check a document against its sources",
    responses=_ERRORS,
)
def check_document_route(session: ReadSession, doc_id: str) -> CheckReportOut:
    """Each fact of the document against the stored sources it cites and the reference data."""
    return CheckReportOut(**check_document(session, id_prefix=doc_id).to_dict())


@router.post(
    "/documents",
    response_model=IngestOut,
    status_code=201,
    summary="Ingest a document (needs a token)",
    responses={
        401: {"model": ProblemOut, "description": "No valid token."},
        413: {"model": ProblemOut, "description": "Over the upload size limit."},
        422: {"model": ProblemOut, "description": "Nothing readable was sent."},
    },
)
def ingest_route(
    request: Request,
    writer: Writer,
    file: Annotated[
        UploadFile | None, File(description="A .txt, .md, .html, .pdf or .jsonl file.")
    ] = None,
    text: Annotated[str | None, Form(description="Or the text itself.")] = None,
    title: Annotated[str | None, Form(max_length=1000)] = None,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    published: Annotated[dt.date | None, Form(description="YYYY-MM-DD")] = None,
    publisher: Annotated[str | None, Form(max_length=1000)] = None,
    kind: Annotated[Kind | None, Form()] = None,
) -> IngestOut:
    """Read, analyse and store an uploaded file or pasted text, as `accord ingest` does.
    Form fields other than the file override what the file says about itself."""
    settings = request.app.state.settings
    if file is not None and file.filename:
        data = file.file.read(settings.max_bytes + 1)
        name = file.filename
    elif text and text.strip():
        data, name = text.encode("utf-8"), "pasted.txt"
    else:
        raise Problem(
            422, "send a file (field `file`) or the text (field `text`)", title="Nothing to ingest"
        )
    if len(data) > settings.max_bytes:
        raise Problem(
            413,
            f"the file is over the limit of {settings.max_bytes} bytes",
            title="Upload too large",
        )
    metadata = DocumentMetadata(
        title=title or None,
        url=url or None,
        published=published,
        publisher=publisher or None,
        kind=kind,
    )
    result = ingest_bytes(
        request.app.state.store,
        data=data,
        filename=name,
        metadata=metadata,
        max_bytes=settings.max_bytes,
    )
    if not result.stored:
        raise Problem(
            422, "; ".join(result.failed) or "no document was read", title="Unreadable document"
        )
    return IngestOut(
        stored=[
            IngestedDocument(document_id=i, title=t, status=o.status, previous_id=o.previous_id)
            for i, t, o in result.stored
        ],
        failed=result.failed,
    )
