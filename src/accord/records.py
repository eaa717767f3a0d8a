"""Typed records that cross every boundary between stages (ingest -> nlp -> store -> report).

No spaCy object, SQLAlchemy row or loose dict leaves a stage: each stage returns these
frozen dataclasses, and `DocumentRecord.to_dict()` is the export contract of
`shared/spec/record-format.md`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

DocumentKind = Literal["readout", "joint_statement", "news", "analysis", "other"]
DOCUMENT_KINDS: tuple[str, ...] = ("readout", "joint_statement", "news", "analysis", "other")

Modality = Literal["agreed", "pledged", "planned", "reaffirmed", "decided"]
Attribution = Literal["reported", "author"]
DatePrecision = Literal["day", "month", "quarter", "half", "year", "interval", "vague"]


def document_id(normalized_text: str) -> str:
    """A document's id: the sha256 of its normalized text, in hex."""
    return hashlib.sha256(normalized_text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """What is known about a document apart from its text; every field optional."""

    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    kind: str | None = None

    def merged_over(self, base: DocumentMetadata) -> DocumentMetadata:
        """These values where set, `base`'s elsewhere (user flags win over file metadata)."""
        return DocumentMetadata(
            title=self.title if self.title is not None else base.title,
            url=self.url if self.url is not None else base.url,
            published=self.published if self.published is not None else base.published,
            publisher=self.publisher if self.publisher is not None else base.publisher,
            kind=self.kind if self.kind is not None else base.kind,
        )


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A document as a reader found it: decoded text and the file's own metadata."""

    text: str
    source: str  # the path (or "<stdin>", or "path:line" for JSONL) it was read from
    format: str  # txt | md | html | pdf | jsonl
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)


@dataclass(frozen=True, slots=True)
class Document:
    """A normalized document, ready to be analysed and stored."""

    id: str
    text: str
    source: str
    format: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    kind: str = "other"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """A slice of the normalized text: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class CountryMention:
    iso3: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class OrganizationMention:
    org_id: str  # upper-case short name, e.g. "NATO"
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class BodyMention:
    """A government body (ministry, agency) and the country it belongs to."""

    name: str
    country: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Person:
    """A person as the text names them; `mentions` holds every span that refers to them."""

    name: str
    title: str | None
    country: str | None
    body: str | None
    mentions: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "country": self.country,
            "body": self.body,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Place:
    city: str | None
    country: str | None
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"city": self.city, "country": self.country, "evidence": self.evidence.to_dict()}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date expression resolved to the calendar: [start, end] with its precision."""

    text: str
    evidence: Evidence
    precision: DatePrecision
    start: dt.date | None  # None only for vague expressions
    end: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "precision": self.precision,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Agreement:
    name: str
    short: str | None
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "short": self.short}


@dataclass(frozen=True, slots=True)
class Citation:
    marker: str  # "[1]"
    ref: str  # the reference text
    resolves_to: str | None  # "Ibid." resolves to the marker before it
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    accessed: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "marker": self.marker,
            "ref": self.ref,
            "resolves_to": self.resolves_to,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "accessed": self.accessed.isoformat() if self.accessed else None,
        }


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    country: str | None
    title: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "title": self.title}


@dataclass(frozen=True, slots=True)
class Meeting:
    date: dt.date | None
    city: str | None
    country: str | None
    parties: tuple[str, ...]
    participants: tuple[Participant, ...]
    mechanism: str | None
    evidence: Evidence
    attribution: Attribution = "reported"
    plover: str = "CONSULT"
    cameo: str = "040"

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "location": {"city": self.city, "country": self.country},
            "parties": list(self.parties),
            "participants": [p.to_dict() for p in self.participants],
            "mechanism": self.mechanism,
            "evidence": self.evidence.to_dict(),
            "attribution": self.attribution,
            "plover": self.plover,
            "cameo": self.cameo,
        }


@dataclass(frozen=True, slots=True)
class Commitment:
    parties: tuple[str, ...]
    text: str
    modality: Modality
    deadline: dt.date | None
    areas: tuple[str, ...]
    forums: tuple[str, ...]
    evidence: Evidence
    attribution: Attribution = "reported"
    plover: str = "AGREE"
    cameo: str = "057"

    def to_dict(self) -> dict[str, Any]:
        return {
            "parties": list(self.parties),
            "text": self.text,
            "modality": self.modality,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "areas": list(self.areas),
            "forums": list(self.forums),
            "evidence": self.evidence.to_dict(),
            "attribution": self.attribution,
            "plover": self.plover,
            "cameo": self.cameo,
        }


@dataclass(frozen=True, slots=True)
class Annotations:
    """What the reading layer (issue 3) finds in a text; the event layer stands on it."""

    people: tuple[Person, ...] = ()
    countries: tuple[CountryMention, ...] = ()
    organizations: tuple[OrganizationMention, ...] = ()
    bodies: tuple[BodyMention, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One span of the text the reading layer recognized, flattened for display and export.

    `key` is what the span resolves to: an iso3 code, an organization id, a normalized date
    ("2025-04-14", or "start/end" for a range), a person's or body's name.
    """

    kind: str  # person | title | country | organization | body | place | date | agreement
    key: str | None
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


# How far from a person's name to look for their title ("Foreign Minister Cho Tae-yul",
# "Mélanie Joly, Canada's Minister of Foreign Affairs"): titles sit right beside names.
_TITLE_WINDOW = 80


def _date_key(time: TimeExpression) -> str | None:
    if time.start is None or time.end is None:
        return None
    if time.start == time.end:
        return time.start.isoformat()
    return f"{time.start.isoformat()}/{time.end.isoformat()}"


def _title_spans(person: Person, text: str) -> list[EntityMention]:
    """Where the person's title is written beside a mention of them: before it, else after."""
    if not person.title or not text:
        return []
    title = person.title.casefold()
    found: dict[int, EntityMention] = {}
    for mention in person.mentions:
        before_start = max(0, mention.start - _TITLE_WINDOW)
        at = text[before_start : mention.start].casefold().rfind(title)
        start = before_start + at if at >= 0 else -1
        if start < 0:
            at = text[mention.end : mention.end + _TITLE_WINDOW].casefold().find(title)
            start = mention.end + at if at >= 0 else -1
        if start >= 0:
            end = start + len(person.title)
            found[start] = EntityMention("title", person.title, start, end, text[start:end])
    return list(found.values())


def entity_mentions(annotations: Annotations, *, text: str = "") -> tuple[EntityMention, ...]:
    """Every span of `annotations` in text order; with `text`, people's titles are placed too."""
    out: list[EntityMention] = []
    for person in annotations.people:
        out.extend(
            EntityMention("person", person.name, m.start, m.end, m.text) for m in person.mentions
        )
        out.extend(_title_spans(person, text))
    for kind, key, ev in (
        *(("country", c.iso3, c.evidence) for c in annotations.countries),
        *(("organization", o.org_id, o.evidence) for o in annotations.organizations),
        *(("body", b.name, b.evidence) for b in annotations.bodies),
        *(("place", p.city or p.country, p.evidence) for p in annotations.places),
        *(("date", _date_key(t), t.evidence) for t in annotations.times),
        *(
            ("agreement", g.short or g.name, g.evidence)
            for g in annotations.agreements
            if g.evidence is not None
        ),
    ):
        out.append(EntityMention(kind, key, ev.start, ev.end, ev.text))
    return tuple(sorted(out, key=lambda e: (e.start, -e.end, e.kind)))


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """Everything Accord reads in one document: the export contract."""

    document: Document
    meetings: tuple[Meeting, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    areas: tuple[str, ...] = ()
    annotations: Annotations = field(default_factory=Annotations)
    warnings: tuple[str, ...] = ()

    @property
    def organizations(self) -> tuple[str, ...]:
        """Every international body mentioned, in order of first mention."""
        return tuple(dict.fromkeys(m.org_id for m in self.annotations.organizations))

    def to_dict(self) -> dict[str, Any]:
        """The document record of `shared/spec/record-format.md` (plus added fields)."""
        a = self.annotations
        return {
            "document": self.document.to_dict(),
            "meetings": [m.to_dict() for m in self.meetings],
            "commitments": [c.to_dict() for c in self.commitments],
            "areas": list(self.areas),
            "organizations": list(self.organizations),
            "agreements": list({(g.name, g.short): g.to_dict() for g in a.agreements}.values()),
            "citations": [c.to_dict() for c in a.citations],
            "warnings": list(self.warnings),
            "people": [p.to_dict() for p in a.people],
            "places": [p.to_dict() for p in a.places],
            "dates": [t.to_dict() for t in a.times],
            "entities": [e.to_dict() for e in entity_mentions(a, text=self.document.text)],
        }


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as the store holds it, with its place in the version chain."""

    document: Document
    ingested_at: dt.datetime
    previous_version: str | None = None  # id of the older text at the same URL
    status: str = "analysed"  # "analysed", or "skipped" by a relevance pre-filter
