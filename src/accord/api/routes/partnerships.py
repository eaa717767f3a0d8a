"""Partnerships: the pairs at a glance, one pair's full report, a country's partners,
and the organizations the documents name."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from accord.api.deps import AsOf, ReadSession, country_code
from accord.api.queries import organization_counts, pair_overview
from accord.api.schemas import OrganizationOut, PairOut, PartnerOut, PartnershipOut, ProblemOut
from accord.api.service import partnership_json
from accord.kb import load_kb
from accord.report import rank_partners

__all__ = ["router"]

router = APIRouter(tags=["partnerships"])

Country = Annotated[str, Path(min_length=3, max_length=3, description="ISO3 code, e.g. KOR.")]
_UNKNOWN: dict[int | str, dict[str, Any]] = {
    404: {"model": ProblemOut, "description": "Unknown country."}
}


@router.get("/partnerships", response_model=list[PairOut], summary="Every pair at a glance")
def pairs_route(session: ReadSession, as_of: AsOf) -> list[PairOut]:
    """Each pair of countries sharing meetings or commitments, busiest first."""
    return [PairOut.of(p) for p in pair_overview(session, as_of=as_of)]


@router.get(
    "/partnerships/{a}/{b}",
    response_model=PartnershipOut,
    summary="The partnership report of two countries",
    responses=_UNKNOWN,
)
def partnership_route(session: ReadSession, as_of: AsOf, a: Country, b: Country) -> Response:
    """Meetings with their sources, mechanisms, areas by year, the commitment ledger,
    forums, agreements, the cooperation index and the documents it rests on."""
    # Serialized as `PartnershipOut` (the documented response) by the service, which keeps
    # the bytes until the store changes.
    body = partnership_json(session, a=country_code(a), b=country_code(b), as_of=as_of)
    return Response(body, media_type="application/json")


@router.get(
    "/partners/{country}",
    response_model=list[PartnerOut],
    summary="A country's partners by documented activity",
    responses=_UNKNOWN,
)
def partners_route(
    session: ReadSession,
    as_of: AsOf,
    country: Country,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[PartnerOut]:
    """Meetings and commitments with each partner, weighted and halved every year back."""
    ranked = rank_partners(session, country=country_code(country), as_of=as_of, limit=limit)
    return [PartnerOut.of(p) for p in ranked]


@router.get("/organizations", response_model=list[OrganizationOut], summary="Organizations named")
def organizations_route(session: ReadSession) -> list[OrganizationOut]:
    """International bodies the documents name, with how many documents name each."""
    kb = load_kb()
    out = []
    for org_id, count in organization_counts(session):
        org = kb.organizations.get(org_id)
        out.append(
            OrganizationOut(
                id=org_id,
                name=org.name if org else None,
                kind=org.kind if org else None,
                documents=count,
            )
        )
    return out
