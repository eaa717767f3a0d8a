"""The commitment ledger: status as of a date, the evidence that set it, analyst overrides.

Statuses, in order of precedence:
- fulfilled: a later meeting of the same parties (held after the pledge and by the
  as-of date) whose named mechanism or evidence names the pledged thing, or a later
  report saying it was held, launched or signed; "late" when after the deadline.
- renewed: the parties restated it later (a non-analysis report more than 30 days
  after the pledge that says the same thing, or reaffirms it).
- overdue: the deadline has passed with no report of delivery.
- due_soon: the deadline falls within `due_soon_days` of the as-of date.
- open: anything else.
Only reports known by the as-of date (their document's date) count. An analyst's
override (`set_status`) wins over the computed status and is shown with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from accord.store import tracking_queries as tq
from accord.store.tracking_queries import Override, StoredEvent
from accord.tracking.matching import coverage, jaccard, named_things, tokens

__all__ = [
    "DUE_SOON_DAYS",
    "STATUSES",
    "LedgerEntry",
    "StatusEvidence",
    "build_ledger",
    "commitment_status",
    "set_status",
]

STATUSES: tuple[str, ...] = ("open", "due_soon", "overdue", "fulfilled", "renewed")
DUE_SOON_DAYS = 30
RENEWAL_GAP_DAYS = 30
# A mechanism's words the pledge must contain to count as naming it.
MIN_COVERAGE = 0.8
_DONE = re.compile(
    r"\b(?:was|were|has been|have been) (?:held|launched|signed|convened|established)\b"
    r"|\btook place\b|\bmet for the first time\b|\bfirst met\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class StatusEvidence:
    """What set a status: the report (document and its words) and the day it speaks of."""

    reason: str
    document_id: str | None
    text: str
    date: dt.date | None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One commitment's standing as of a date."""

    event: StoredEvent
    status: str  # the override's status when there is one, else `computed`
    computed: str
    evidence: tuple[StatusEvidence, ...]
    made: dt.date | None
    deadline: dt.date | None
    late: bool = False
    override: Override | None = None
    fulfilled_by: int | None = None  # the meeting event that fulfilled it


def _known(source: dict, as_of: dt.date) -> bool:
    day = source["published"] or source["date"]
    return day is None or day <= as_of


def _pledge_words(event: StoredEvent) -> frozenset[str]:
    return frozenset().union(*(tokens(s["facts"]["text"]) for s in event.sources))


def _names_in(event: StoredEvent) -> list[frozenset[str]]:
    names = {n for s in event.sources for n in named_things(s["facts"]["text"])}
    return [tokens(n) for n in sorted(names)]


def _meeting_names_pledge(
    meeting: StoredEvent, pledge: frozenset[str], names: list[frozenset[str]]
) -> str | None:
    """How `meeting` names the pledged thing, or None: its mechanism's words are in the
    pledge, or a name in the pledge appears whole in the meeting's evidence."""
    mechanisms = {s["facts"].get("mechanism") for s in meeting.sources} | {meeting.mechanism}
    for mechanism in sorted(m for m in mechanisms if m):
        words = tokens(mechanism)
        if len(words) >= 2 and coverage(words, pledge) >= MIN_COVERAGE:
            return f"met as the {mechanism}"
    for s in meeting.sources:
        said = tokens(s["facts"].get("evidence") or "")
        for name in names:
            if len(name) >= 2 and coverage(name, said) == 1.0:
                return "the meeting report names the pledged mechanism"
    return None


def commitment_status(
    commitment: StoredEvent,
    *,
    events: Sequence[StoredEvent],
    as_of: dt.date,
    due_soon_days: int = DUE_SOON_DAYS,
    overrides: Sequence[Override] = (),
) -> LedgerEntry | None:
    """The status of one commitment event as of `as_of`, judged against `events` (the
    other events of the same parties); None when no report of it is known by then."""
    known = [s for s in commitment.sources if _known(s, as_of)]
    if not known:
        return None
    made = min((s["date"] for s in known if s["date"]), default=None)
    deadline = commitment.deadline
    parties = set(commitment.parties)
    pledge = _pledge_words(commitment)
    names = _names_in(commitment)
    first = known[0]
    made_evidence = StatusEvidence(
        "pledged", first["document_id"], first["facts"]["text"], made, first["facts"].get("doc_url")
    )
    computed, evidence, late, fulfilled_by = "open", [made_evidence], False, None
    done: list[tuple[dt.date, StatusEvidence, int]] = []
    renewals: list[tuple[dt.date, StatusEvidence]] = []
    for other in events:
        if other.id == commitment.id or not parties <= set(other.parties):
            continue
        seen = [s for s in other.sources if _known(s, as_of)]
        if not seen:
            continue
        if other.kind == "meeting":
            if other.date is None or made is None or not made < other.date <= as_of:
                continue
            how = _meeting_names_pledge(other, pledge, names)
            if how:
                s = seen[0]
                done.append(
                    (
                        other.date,
                        StatusEvidence(
                            how,
                            s["document_id"],
                            s["facts"].get("evidence") or other.text,
                            other.date,
                            s["facts"].get("doc_url"),
                        ),
                        other.id,
                    )
                )
            continue
        for s in seen:
            day = s["date"] or s["published"]
            if made is None or day is None or day <= made:
                continue
            words = tokens(s["facts"]["text"])
            if _DONE.search(s["facts"]["text"]) and any(coverage(n, words) == 1.0 for n in names):
                done.append(
                    (
                        day,
                        StatusEvidence(
                            "a later report says it was done",
                            s["document_id"],
                            s["facts"]["text"],
                            day,
                            s["facts"].get("doc_url"),
                        ),
                        other.id,
                    )
                )
            elif (
                s["facts"].get("doc_kind") != "analysis"
                and (day - made).days > RENEWAL_GAP_DAYS
                and jaccard(words, pledge) >= 0.5
            ):
                renewals.append(
                    (
                        day,
                        StatusEvidence(
                            "restated later",
                            s["document_id"],
                            s["facts"]["text"],
                            day,
                            s["facts"].get("doc_url"),
                        ),
                    )
                )
    # Reaffirmed within its own sources, by the parties, well after it was first made.
    for s in known[1:]:
        day = s["published"] or s["date"]
        if (
            made
            and day
            and (day - made).days > RENEWAL_GAP_DAYS
            and s["facts"].get("doc_kind") != "analysis"
            and s["facts"].get("modality") == "reaffirmed"
        ):
            renewals.append(
                (day, StatusEvidence("reaffirmed", s["document_id"], s["facts"]["text"], day))
            )
    if done:
        day, proof, fulfilled_by = min(done, key=lambda d: (d[0], d[2]))
        computed, late = "fulfilled", bool(deadline and day > deadline)
        evidence.append(proof)
    elif renewals:
        computed = "renewed"
        evidence.append(max(renewals, key=lambda r: r[0])[1])
    elif deadline and deadline < as_of:
        computed = "overdue"
        evidence.append(
            StatusEvidence(
                f"deadline {deadline.isoformat()} passed with no report of delivery",
                None,
                "",
                deadline,
            )
        )
    elif deadline and (deadline - as_of).days <= due_soon_days:
        computed = "due_soon"
    override = overrides[-1] if overrides else None
    status = computed
    if override is not None:
        status = override.status
        evidence.append(
            StatusEvidence(
                f"analyst override: {override.note}",
                None,
                override.note,
                override.created_at.date(),
                override.source_url,
            )
        )
    return LedgerEntry(
        event=commitment,
        status=status,
        computed=computed,
        evidence=tuple(evidence),
        made=made,
        deadline=deadline,
        late=late,
        override=override,
        fulfilled_by=fulfilled_by,
    )


def ledger_of(
    events: Sequence[StoredEvent],
    *,
    as_of: dt.date,
    due_soon_days: int = DUE_SOON_DAYS,
    overrides: dict[str, list[Override]] | None = None,
) -> list[LedgerEntry]:
    """The ledger over already-loaded events: every commitment known by `as_of`."""
    overrides = overrides or {}
    entries = []
    for event in events:
        if event.kind != "commitment":
            continue
        mine = sorted(
            (o for k in event.source_keys for o in overrides.get(k, [])),
            key=lambda o: (o.created_at, o.id),
        )
        entry = commitment_status(
            event, events=events, as_of=as_of, due_soon_days=due_soon_days, overrides=mine
        )
        if entry is not None:
            entries.append(entry)
    return entries


def build_ledger(
    session: Session,
    *,
    parties: list[str],
    as_of: dt.date,
    due_soon_days: int = DUE_SOON_DAYS,
) -> list[LedgerEntry]:
    """The commitments that all `parties` made together, each with its status as of `as_of`."""
    events = tq.events_with(session, parties=parties)
    keys = [k for e in events if e.kind == "commitment" for k in e.source_keys]
    return ledger_of(
        events,
        as_of=as_of,
        due_soon_days=due_soon_days,
        overrides=tq.overrides_for(session, source_keys=keys),
    )


def set_status(
    session: Session,
    *,
    event_id: int,
    status: str,
    note: str,
    source_url: str | None = None,
) -> Override:
    """Record an analyst's ruling on commitment `event_id`; it wins over computed status
    and survives re-ingestion (it is keyed by the commitment's first source)."""
    from accord.errors import EventNotFoundError

    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    event = tq.event_by_id(session, event_id=event_id)
    if event is None or event.kind != "commitment":
        raise EventNotFoundError(event_id)
    return tq.add_override(session, event=event, status=status, note=note, source_url=source_url)
