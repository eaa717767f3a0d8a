"""Response and request schemas of the JSON API, separate from the tables and the records."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from accord.api.queries import PairSummary
from accord.records import StoredDocument
from accord.report import PartnerScore
from accord.store.queries import StoredMeeting
from accord.store.tracking_queries import Override
from accord.tracking.ledger import LedgerEntry, StatusEvidence

__all__ = [
    "CheckReportOut",
    "CommitmentDetail",
    "CommitmentOut",
    "CommitmentPage",
    "DocumentDetail",
    "DocumentPage",
    "DocumentSummary",
    "IngestOut",
    "MeetingOut",
    "MeetingPage",
    "OrganizationOut",
    "OverrideOut",
    "PairOut",
    "PartnerOut",
    "PartnershipOut",
    "ProblemOut",
    "StatusIn",
]

Status = Literal["open", "due_soon", "overdue", "fulfilled", "renewed"]


class ProblemOut(BaseModel):
    """An error (RFC 9457 problem details), sent as `application/problem+json`."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: dt.date | None
    kind: str
    source: str
    format: str
    ingested_at: dt.datetime
    previous_version: str | None
    status: str

    @classmethod
    def of(cls, stored: StoredDocument) -> DocumentSummary:
        d = stored.document
        return cls(
            id=d.id,
            title=d.title,
            url=d.url,
            publisher=d.publisher,
            published=d.published,
            kind=d.kind,
            source=d.source,
            format=d.format,
            ingested_at=stored.ingested_at,
            previous_version=stored.previous_version,
            status=stored.status,
        )


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class DocumentPage(Page):
    items: list[DocumentSummary]


class EventRef(BaseModel):
    id: int
    kind: str
    parties: list[str]
    date: dt.date | None
    deadline: dt.date | None
    text: str


class DocumentDetail(DocumentSummary):
    text: str
    record: dict[str, Any] = Field(description="The document record (see the export contract).")
    events: list[EventRef] = Field(description="The merged events this document reports.")


class MeetingOut(BaseModel):
    id: int
    document_id: str
    date: dt.date | None
    city: str | None
    country: str | None
    parties: list[str]
    participants: list[dict[str, Any]]
    mechanism: str | None
    plover: str
    cameo: str
    evidence: str

    @classmethod
    def of(cls, stored: StoredMeeting) -> MeetingOut:
        m = stored.meeting
        return cls(
            id=stored.id,
            document_id=stored.document_id,
            date=m.date,
            city=m.city,
            country=m.country,
            parties=list(m.parties),
            participants=[p.to_dict() for p in m.participants],
            mechanism=m.mechanism,
            plover=m.plover,
            cameo=m.cameo,
            evidence=m.evidence.text,
        )


class MeetingPage(Page):
    items: list[MeetingOut]


class EvidenceOut(BaseModel):
    reason: str
    document_id: str | None
    text: str
    date: dt.date | None
    url: str | None

    @classmethod
    def of(cls, v: StatusEvidence) -> EvidenceOut:
        return cls(reason=v.reason, document_id=v.document_id, text=v.text, date=v.date, url=v.url)


class CommitmentOut(BaseModel):
    """A commitment as the whole store knows it (merged from every report), with its status."""

    id: int
    parties: list[str]
    text: str
    modality: str | None
    made: dt.date | None
    deadline: dt.date | None
    status: Status
    computed_status: Status
    late: bool
    areas: list[str]
    forums: list[str]
    sources: int
    evidence: list[EvidenceOut]

    @classmethod
    def of(cls, e: LedgerEntry) -> CommitmentOut:
        return cls(
            id=e.event.id,
            parties=list(e.event.parties),
            text=e.event.text,
            modality=e.event.modality,
            made=e.made,
            deadline=e.deadline,
            status=e.status,  # type: ignore[arg-type]  # one of STATUSES by construction
            computed_status=e.computed,  # type: ignore[arg-type]
            late=e.late,
            areas=list(e.event.details.get("areas", [])),
            forums=list(e.event.details.get("forums", [])),
            sources=len(e.event.sources),
            evidence=[EvidenceOut.of(v) for v in e.evidence],
        )


class CommitmentPage(Page):
    as_of: dt.date
    items: list[CommitmentOut]


class OverrideOut(BaseModel):
    id: int
    status: Status
    note: str
    source_url: str | None
    created_at: dt.datetime

    @classmethod
    def of(cls, o: Override) -> OverrideOut:
        return cls(
            id=o.id,
            status=o.status,  # type: ignore[arg-type]
            note=o.note,
            source_url=o.source_url,
            created_at=o.created_at,
        )


class SourceReport(BaseModel):
    key: str
    document_id: str
    text: str
    modality: str | None
    deadline: dt.date | None
    published: dt.date | None


class CommitmentDetail(BaseModel):
    id: int
    parties: list[str]
    text: str
    deadline: dt.date | None
    as_of: dt.date
    status: CommitmentOut | None = Field(
        description="Its standing on the as-of date; null when no report was known by then."
    )
    reports: list[SourceReport]
    overrides: list[OverrideOut]


class StatusIn(BaseModel):
    status: Status
    note: str = Field(min_length=1, max_length=2000, description="Why: what the analyst saw.")
    source_url: str | None = Field(default=None, max_length=2000)


class PairOut(BaseModel):
    a: str
    b: str
    meetings: int
    commitments: int
    recent: int = Field(description="Events in the year before the as-of date.")
    last: dt.date | None

    @classmethod
    def of(cls, p: PairSummary) -> PairOut:
        return cls(
            a=p.a,
            b=p.b,
            meetings=p.meetings,
            commitments=p.commitments,
            recent=p.recent,
            last=p.last,
        )


class PartnerOut(BaseModel):
    partner: str
    score: float
    meetings: int
    commitments: int
    last: dt.date | None

    @classmethod
    def of(cls, p: PartnerScore) -> PartnerOut:
        return cls(
            partner=p.partner,
            score=p.score,
            meetings=p.meetings,
            commitments=p.commitments,
            last=p.last,
        )


class PartnershipOut(BaseModel):
    """Everything the partnership report has (see `accord report A B --format json`)."""

    parties: list[str]
    as_of: dt.date
    meetings: list[dict[str, Any]]
    mechanisms: list[dict[str, Any]]
    areas_by_year: dict[str, dict[str, int]]
    ledger: list[dict[str, Any]]
    forums: list[dict[str, Any]]
    agreements: list[dict[str, Any]]
    cooperation_index: dict[str, Any]
    documents: list[dict[str, Any]] = Field(description="The documents the report rests on.")


class OrganizationOut(BaseModel):
    id: str
    name: str | None
    kind: str | None
    documents: int


class CheckReportOut(BaseModel):
    document_id: str
    title: str | None
    sources: list[dict[str, Any]]
    items: list[dict[str, Any]]
    warnings: list[str]
    counts: dict[str, int]


class IngestedDocument(BaseModel):
    document_id: str
    title: str | None
    status: Literal["new", "exists", "new_version"]
    previous_id: str | None


class IngestOut(BaseModel):
    stored: list[IngestedDocument]
    failed: list[str]
