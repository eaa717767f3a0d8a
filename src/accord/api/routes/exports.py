"""Exports of the whole store: records as JSON lines, meetings and commitments as CSV,
events as PLOVER JSON lines; streamed, so a large store is never held in memory."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from accord.api.queries import iter_record_dicts
from accord.exports import commitments_to_csv, meetings_to_csv, plover_events
from accord.store import Store
from accord.store.queries import list_commitments, list_meetings, load_record

__all__ = ["router"]

router = APIRouter(prefix="/exports", tags=["exports"])

_JSONL = "application/x-ndjson"
_CSV = "text/csv; charset=utf-8"


def _stream(store: Store, produce) -> Iterator[str]:  # type: ignore[no-untyped-def]
    # The session lives as long as the response streams, in the response's own thread.
    with store.session() as session:
        yield from produce(session)


def _download(body: Iterator[str], media_type: str, filename: str) -> StreamingResponse:
    return StreamingResponse(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _records(session) -> Iterator[str]:  # type: ignore[no-untyped-def]
    for record in iter_record_dicts(session):
        yield json.dumps(record, ensure_ascii=False) + "\n"


def _plover(session) -> Iterator[str]:  # type: ignore[no-untyped-def]
    for record in iter_record_dicts(session):
        typed = load_record(session, document_id=record["document"]["id"])
        for event in plover_events(typed):
            yield json.dumps(event, ensure_ascii=False) + "\n"


@router.get(
    "/records.jsonl",
    summary="Every document record, one JSON object a line",
    response_class=StreamingResponse,
    responses={200: {"content": {_JSONL: {}}, "description": "JSON lines."}},
)
def records_export(request: Request) -> StreamingResponse:
    return _download(_stream(request.app.state.store, _records), _JSONL, "records.jsonl")


@router.get(
    "/plover.jsonl",
    summary="Every meeting and commitment as a PLOVER-style event",
    response_class=StreamingResponse,
    responses={200: {"content": {_JSONL: {}}, "description": "JSON lines."}},
)
def plover_export(request: Request) -> StreamingResponse:
    return _download(_stream(request.app.state.store, _plover), _JSONL, "plover.jsonl")


@router.get(
    "/meetings.csv",
    summary="Every stored meeting as CSV",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "CSV with a header row."}},
)
def meetings_export(request: Request) -> StreamingResponse:
    def produce(session) -> Iterator[str]:  # type: ignore[no-untyped-def]
        yield meetings_to_csv(list_meetings(session))

    return _download(_stream(request.app.state.store, produce), _CSV, "meetings.csv")


@router.get(
    "/commitments.csv",
    summary="Every stored commitment as CSV",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "CSV with a header row."}},
)
def commitments_export(request: Request) -> StreamingResponse:
    def produce(session) -> Iterator[str]:  # type: ignore[no-untyped-def]
        yield commitments_to_csv(list_commitments(session))

    return _download(_stream(request.app.state.store, produce), _CSV, "commitments.csv")
