"""Exports of what Accord reads: records as JSON lines, stored events as CSV, events as PLOVER.

The PLOVER mapping follows the spirit of the POLECAT event data set (PLOVER ontology):
one flat object per event with an actor, a recipient, a type and mode, a date, a location
and the source it was read in; Accord adds its own fields (`accord_kind`, `modality`,
`deadline`, `areas`, `forums`) rather than bending PLOVER's.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from accord.records import Commitment, DocumentRecord, Evidence, Meeting, Participant

if TYPE_CHECKING:  # only their fields are read: an export needs no database driver
    from accord.store.queries import StoredCommitment, StoredMeeting

__all__ = [
    "COMMITMENT_COLUMNS",
    "MEETING_COLUMNS",
    "commitment_row",
    "commitments_to_csv",
    "event_id",
    "meeting_row",
    "meetings_to_csv",
    "plover_events",
    "records_to_jsonl",
]

# CAMEO 04x codes that say how officials met: 041 "discuss by telephone", 042 "make a
# visit", 043 "host a visit". Other consultations (040, 044 "meet at a third location",
# 045/046 mediate/negotiate) have no mode of their own.
_CAMEO_MODES: dict[str, str] = {"041": "phone", "042": "visit", "043": "visit"}

MEETING_COLUMNS: tuple[str, ...] = (
    "id",
    "document_id",
    "date",
    "city",
    "country",
    "parties",
    "participants",
    "mechanism",
    "plover",
    "cameo",
    "evidence",
)
COMMITMENT_COLUMNS: tuple[str, ...] = (
    "id",
    "document_id",
    "parties",
    "modality",
    "deadline",
    "areas",
    "forums",
    "text",
    "plover",
    "cameo",
    "evidence",
)


def event_id(document_id: str, kind: str, evidence: Evidence) -> str:
    """A stable id for an event: the same document, kind and evidence start give the same id."""
    key = f"{document_id}:{kind}:{evidence.start}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _actors(parties: Sequence[str]) -> dict[str, Any]:
    # PLOVER events are dyadic while a record's parties are a set: the first party (they are
    # sorted) stands as actor and the others as recipient, joined with ";" as POLECAT joins
    # multiple values; `recipients` keeps them as a list for programs.
    actor = parties[0] if parties else None
    others = list(parties[1:])
    recipient = ";".join(others) or None
    return {
        "actor": actor,
        "actor_country": actor,
        "recipient": recipient,
        "recipient_country": recipient,
        "recipients": others,
    }


def _source(record: DocumentRecord) -> dict[str, Any]:
    d = record.document
    return {
        "document_id": d.id,
        "title": d.title,
        "url": d.url,
        "published": d.published.isoformat() if d.published else None,
    }


def _participants(participants: Iterable[Participant]) -> list[dict[str, Any]]:
    return [p.to_dict() for p in participants]


def _meeting_event(record: DocumentRecord, meeting: Meeting) -> dict[str, Any]:
    return {
        "event_id": event_id(record.document.id, "meeting", meeting.evidence),
        "event_date": meeting.date.isoformat() if meeting.date else None,
        "event_type": meeting.plover,
        "event_mode": _CAMEO_MODES.get(meeting.cameo),
        "cameo": meeting.cameo,
        **_actors(meeting.parties),
        "participants": _participants(meeting.participants),
        "location": {"city": meeting.city, "country": meeting.country},
        "source": _source(record),
        "text": meeting.evidence.text,
        "accord_kind": "meeting",
        "mechanism": meeting.mechanism,
        "attribution": meeting.attribution,
    }


def _commitment_event(record: DocumentRecord, commitment: Commitment) -> dict[str, Any]:
    published = record.document.published
    return {
        "event_id": event_id(record.document.id, "commitment", commitment.evidence),
        # A commitment happens when it is reported: the document's date stands for it.
        "event_date": published.isoformat() if published else None,
        "event_type": commitment.plover,
        "event_mode": None,
        "cameo": commitment.cameo,
        **_actors(commitment.parties),
        "participants": [],
        "location": {"city": None, "country": None},
        "source": _source(record),
        "text": commitment.evidence.text,
        "accord_kind": "commitment",
        "modality": commitment.modality,
        "deadline": commitment.deadline.isoformat() if commitment.deadline else None,
        "areas": list(commitment.areas),
        "forums": list(commitment.forums),
        "attribution": commitment.attribution,
    }


def plover_events(record: DocumentRecord) -> list[dict[str, Any]]:
    """The record's meetings and commitments as PLOVER-style events, in text order."""
    events = [(m.evidence.start, _meeting_event(record, m)) for m in record.meetings]
    events += [(c.evidence.start, _commitment_event(record, c)) for c in record.commitments]
    return [event for _, event in sorted(events, key=lambda pair: pair[0])]


def records_to_jsonl(records: Iterable[DocumentRecord]) -> str:
    """One document record (`DocumentRecord.to_dict()`) per line."""
    return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records)


def _participant_label(p: Participant) -> str:
    details = ", ".join(x for x in (p.country, p.title) if x)
    return f"{p.name} ({details})" if details else p.name


def meeting_row(stored: StoredMeeting) -> dict[str, Any]:
    """A stored meeting as a flat JSON-ready dict (lists stay lists)."""
    m = stored.meeting
    return {
        "id": stored.id,
        "document_id": stored.document_id,
        "date": m.date.isoformat() if m.date else None,
        "city": m.city,
        "country": m.country,
        "parties": list(m.parties),
        "participants": _participants(m.participants),
        "mechanism": m.mechanism,
        "plover": m.plover,
        "cameo": m.cameo,
        "evidence": m.evidence.text,
    }


def commitment_row(stored: StoredCommitment) -> dict[str, Any]:
    """A stored commitment as a flat JSON-ready dict (lists stay lists)."""
    c = stored.commitment
    return {
        "id": stored.id,
        "document_id": stored.document_id,
        "parties": list(c.parties),
        "modality": c.modality,
        "deadline": c.deadline.isoformat() if c.deadline else None,
        "areas": list(c.areas),
        "forums": list(c.forums),
        "text": c.text,
        "plover": c.plover,
        "cameo": c.cameo,
        "evidence": c.evidence.text,
    }


def _csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                key: ";".join(value) if isinstance(value, list) else value
                for key, value in row.items()
            }
        )
    return buffer.getvalue()


def meetings_to_csv(rows: Iterable[StoredMeeting]) -> str:
    """Stored meetings as CSV with a header row; lists are joined with ";"."""

    def flat(stored: StoredMeeting) -> dict[str, Any]:
        row = meeting_row(stored)
        row["participants"] = [_participant_label(p) for p in stored.meeting.participants]
        return row

    return _csv(MEETING_COLUMNS, (flat(r) for r in rows))


def commitments_to_csv(rows: Iterable[StoredCommitment]) -> str:
    """Stored commitments as CSV with a header row; lists are joined with ";"."""
    return _csv(COMMITMENT_COLUMNS, (commitment_row(r) for r in rows))
