"""Meetings and commitments: lists with filters, one commitment's history, status overrides."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from accord.api.deps import AsOf, ReadSession, Writer, area_id, country_code
from accord.api.schemas import (
    CommitmentDetail,
    CommitmentOut,
    CommitmentPage,
    MeetingOut,
    MeetingPage,
    OverrideOut,
    ProblemOut,
    SourceReport,
    Status,
    StatusIn,
)
from accord.api.service import CommitmentView, commitment_page, commitment_view
from accord.store.queries import list_meetings
from accord.tracking.ledger import set_status

__all__ = ["router"]

router = APIRouter(tags=["meetings and commitments"])

Party = Annotated[
    str | None, Query(min_length=3, max_length=3, description="ISO3 code of a party, e.g. KOR.")
]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
# Bounded so that no id overflows a 32-bit integer column on PostgreSQL.
EventId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get(
    "/meetings",
    response_model=MeetingPage,
    summary="List meetings",
    responses={404: {"model": ProblemOut, "description": "Unknown country."}},
)
def meetings_route(
    session: ReadSession,
    party: Party = None,
    since: Annotated[dt.date | None, Query(description="Held on or after.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> MeetingPage:
    """Meetings as each document reports them, newest first."""
    code = country_code(party, what="party") if party else None
    rows = list_meetings(session, party=code, since=since)
    return MeetingPage(
        total=len(rows),
        limit=limit,
        offset=offset,
        items=[MeetingOut.of(r) for r in rows[offset : offset + limit]],
    )


@router.get(
    "/commitments",
    response_model=CommitmentPage,
    summary="List commitments with their status",
    responses={
        404: {"model": ProblemOut, "description": "Unknown country."},
        422: {"model": ProblemOut, "description": "Unknown area or bad parameter."},
    },
)
def commitments_route(
    session: ReadSession,
    as_of: AsOf,
    party: Party = None,
    area: Annotated[
        str | None, Query(max_length=64, description="An area id, e.g. maritime.")
    ] = None,
    status: Annotated[Status | None, Query(description="Status on the as-of date.")] = None,
    due_after: Annotated[dt.date | None, Query(description="Deadline on or after.")] = None,
    due_before: Annotated[dt.date | None, Query(description="Deadline before.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> CommitmentPage:
    """Commitments merged across documents, soonest deadline first, each with its status
    as of `as_of` and the evidence that set it."""
    total, entries = commitment_page(
        session,
        as_of=as_of,
        party=country_code(party, what="party") if party else None,
        area=area_id(area) if area else None,
        status=status,
        due_after=due_after,
        due_before=due_before,
        limit=limit,
        offset=offset,
    )
    return CommitmentPage(
        total=total,
        limit=limit,
        offset=offset,
        as_of=as_of,
        items=[CommitmentOut.of(e) for e in entries],
    )


_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ProblemOut, "description": "No commitment has that id."}
}


@router.get(
    "/commitments/{commitment_id}",
    response_model=CommitmentDetail,
    summary="One commitment with its history",
    responses=_NOT_FOUND,
)
def commitment_route(session: ReadSession, as_of: AsOf, commitment_id: EventId) -> CommitmentDetail:
    """Its clause, parties, deadline, status with evidence, every report and every override."""
    view = commitment_view(session, event_id=commitment_id, as_of=as_of)
    return _detail(view)


def _detail(view: CommitmentView) -> CommitmentDetail:
    return CommitmentDetail(
        id=view.event.id,
        parties=list(view.event.parties),
        text=view.event.text,
        deadline=view.event.deadline,
        as_of=view.as_of,
        status=CommitmentOut.of(view.entry) if view.entry else None,
        reports=[
            SourceReport(
                key=s["key"],
                document_id=s["document_id"],
                text=s["text"],
                modality=s["modality"],
                deadline=s["deadline"],
                published=s["published"],
            )
            for s in view.sources
        ],
        overrides=[OverrideOut.of(o) for o in view.overrides],
    )


@router.post(
    "/commitments/{commitment_id}/status",
    response_model=OverrideOut,
    status_code=201,
    summary="Override a commitment's status (needs a token)",
    responses={**_NOT_FOUND, 401: {"model": ProblemOut, "description": "No valid token."}},
)
def set_status_route(
    request: Request,
    writer: Writer,
    body: StatusIn,
    commitment_id: EventId,
) -> OverrideOut:
    """Record an analyst's ruling; it wins over the computed status and is kept in the history."""
    note = f"{body.note} (by {writer.name})"
    with request.app.state.store.session(write=True) as session:
        override = set_status(
            session,
            event_id=commitment_id,
            status=body.status,
            note=note,
            source_url=body.source_url,
        )
    return OverrideOut.of(override)
