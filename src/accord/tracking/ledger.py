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

import dataclasses
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from accord.store import tracking_queries as tq
from accord.store.tracking_queries import Override, StoredEvent
from accord.tracking.matching import coverage, jaccard, named_things, tokens

__all__ = [
    "DUE_SOON_DAYS",
    "LEDGER_FACTS",
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
RENEWAL_MIN_JACCARD = 0.5
# A mechanism's words the pledge must contain to count as naming it.
MIN_COVERAGE = 0.8
# Up to this many pledges to judge, scanning every report beats building indexes over them.
FEW_PLEDGES = 8
# The fields of a source's facts that statuses are judged on (and their evidence cites).
LEDGER_FACTS: tuple[str, ...] = ("text", "evidence", "mechanism", "modality", "doc_kind", "doc_url")
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
    return [w for w in (tokens(n) for n in sorted(names)) if len(w) >= 2]


@dataclass(frozen=True, slots=True)
class _Meeting:
    event: StoredEvent
    mechanisms: tuple[tuple[str, frozenset[str]], ...]
    said: tuple[frozenset[str], ...]  # each known report's evidence words
    first: dict
    parties: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Report:
    """One known report of a commitment event (for 'done' and 'restated' evidence)."""

    event_id: int
    day: dt.date
    ordinal: int  # day.toordinal(), compared without building timedeltas
    words: frozenset[str]
    done: bool
    source: dict
    parties: frozenset[str]
    analysis: bool
    order: int  # its place among the pair's reports as first read (ties break on it)


class _Index:
    """What every commitment is judged against, computed once per ledger: the known
    reports of the pair's events, with inverted indexes from words to them.

    Prefix filtering (as in set-similarity joins) keeps this exact and far from
    quadratic: words are ranked rarest first; a mechanism covered at 0.8 by a pledge
    shares one of its rarest |M| - ceil(0.8|M|) + 1 words with it, a name contained whole
    in a text contains its rarest word, and a Jaccard of 0.5 needs one shared word among
    the rarest |P| - ceil(0.5|P|) + 1 of the pledge.

    Reports are numbered newest first (`ranked`), so a sorted set of candidate numbers
    walks them from the latest back: only the latest restatement of a pledge matters,
    and the walk stops at it, or where the reports get older than the pledge.

    Building the inverted indexes costs about as much as judging a few dozen pledges
    against every report; with `inverted=False` (a handful of pledges to judge) every
    meeting and report is a candidate instead. The candidates only narrow what the
    exact tests in `commitment_status` see, so both ways give the same ledger.
    """

    def __init__(
        self, events: Sequence[StoredEvent], *, as_of: dt.date, inverted: bool = True
    ) -> None:
        self.inverted = inverted
        self.meetings: list[_Meeting] = []
        reports: list[_Report] = []
        for event in events:
            seen = [s for s in event.sources if _known(s, as_of)]
            if not seen:
                continue
            if event.kind == "meeting":
                if event.date is None or event.date > as_of:
                    continue
                names = {s["facts"].get("mechanism") for s in event.sources}
                names.add(event.mechanism)
                self.meetings.append(
                    _Meeting(
                        event,
                        tuple((m, tokens(m)) for m in sorted(n for n in names if n)),
                        tuple(tokens(s["facts"].get("evidence") or "") for s in seen),
                        seen[0],
                        frozenset(event.parties),
                    )
                )
                continue
            for s in seen:
                day = s["date"] or s["published"]
                if day is not None:
                    text = s["facts"]["text"]
                    reports.append(
                        _Report(
                            event.id,
                            day,
                            day.toordinal(),
                            tokens(text),
                            bool(_DONE.search(text)),
                            s,
                            frozenset(s["parties"].split("|")),
                            s["facts"].get("doc_kind") == "analysis",
                            len(reports),
                        )
                    )
        self.ranked = sorted(reports, key=lambda r: (-r.ordinal, r.order))
        self.done = {i for i, r in enumerate(self.ranked) if r.done}
        self.frequency: Counter[str] = Counter()
        self.by_mechanism: dict[str, set[int]] = {}
        self.by_evidence: dict[str, set[int]] = {}
        self.by_report: dict[str, set[int]] = {}
        if not inverted:
            return
        for m in self.meetings:
            self.frequency.update(set().union(*(w for _, w in m.mechanisms), *m.said))
        for r in self.ranked:
            self.frequency.update(r.words)
        for i, m in enumerate(self.meetings):
            for _, words in m.mechanisms:
                for word in self.prefix(words, MIN_COVERAGE):
                    self.by_mechanism.setdefault(word, set()).add(i)
            for word in set().union(*m.said):
                self.by_evidence.setdefault(word, set()).add(i)
        for i, r in enumerate(self.ranked):
            for word in r.words:
                self.by_report.setdefault(word, set()).add(i)

    def prefix(self, words: frozenset[str], threshold: float) -> list[str]:
        ranked = sorted(words, key=lambda w: (self.frequency[w], w))
        return ranked[: len(ranked) - math.ceil(threshold * len(ranked)) + 1]

    def rarest(self, words: frozenset[str]) -> str:
        return min(words, key=lambda w: (self.frequency[w], w))

    def candidate_meetings(
        self, pledge: frozenset[str], names: list[frozenset[str]]
    ) -> list[_Meeting]:
        if not self.inverted:
            return self.meetings
        hits: set[int] = set()
        for word in pledge:
            hits.update(self.by_mechanism.get(word, ()))
        for name in names:
            hits.update(self.by_evidence.get(self.rarest(name), ()))
        return [self.meetings[i] for i in sorted(hits)]

    def candidate_reports(self, pledge: frozenset[str], names: list[frozenset[str]]) -> set[int]:
        """Numbers (in `ranked`) of the reports that may restate the pledge or name it."""
        if not self.inverted:
            return set(range(len(self.ranked)))
        hits: set[int] = set()
        for word in self.prefix(pledge, RENEWAL_MIN_JACCARD) if pledge else ():
            hits.update(self.by_report.get(word, ()))
        for name in names:
            hits.update(self.by_report.get(self.rarest(name), ()))
        return hits


def _names_pledge(
    meeting: _Meeting, pledge: frozenset[str], names: list[frozenset[str]]
) -> str | None:
    """How a meeting names the pledged thing, or None: its mechanism's words are in the
    pledge, or a name in the pledge appears whole in the meeting's evidence."""
    for mechanism, words in meeting.mechanisms:
        if len(words) >= 2 and coverage(words, pledge) >= MIN_COVERAGE:
            return f"met as the {mechanism}"
    for said in meeting.said:
        if any(coverage(name, said) == 1.0 for name in names):
            return "the meeting report names the pledged mechanism"
    return None


def _evidence(reason: str, source: dict, text: str, day: dt.date | None) -> StatusEvidence:
    return StatusEvidence(reason, source["document_id"], text, day, source["facts"].get("doc_url"))


def commitment_status(
    commitment: StoredEvent,
    *,
    events: Sequence[StoredEvent],
    as_of: dt.date,
    due_soon_days: int = DUE_SOON_DAYS,
    overrides: Sequence[Override] = (),
    index: _Index | None = None,
) -> LedgerEntry | None:
    """The status of one commitment event as of `as_of`, judged against `events` (the
    other events of the same parties); None when no report of it is known by then.
    `index` (built once by `ledger_of`) saves recomputing what `events` say."""
    known = [s for s in commitment.sources if _known(s, as_of)]
    if not known:
        return None
    index = index or _Index(events, as_of=as_of)
    made = min((s["date"] for s in known if s["date"]), default=None)
    deadline = commitment.deadline
    parties = set(commitment.parties)
    pledge = _pledge_words(commitment)
    names = _names_in(commitment)
    first = known[0]
    evidence = [_evidence("pledged", first, first["facts"]["text"], made)]
    computed, late, fulfilled_by = "open", False, None
    done: list[tuple[dt.date, StatusEvidence, int]] = []
    renewals: list[tuple[dt.date, StatusEvidence]] = []
    if made is not None:
        for m in index.candidate_meetings(pledge, names):
            day = m.event.date
            if day is None or not made < day <= as_of or not parties <= m.parties:
                continue
            how = _names_pledge(m, pledge, names)
            if how:
                text = m.first["facts"].get("evidence") or m.event.text
                done.append((day, _evidence(how, m.first, text, day), m.event.id))
        hits = index.candidate_reports(pledge, names)
        # Reports saying it was done, in the order they were read (ties keep the first).
        for r in sorted((index.ranked[i] for i in hits & index.done), key=lambda r: r.order):
            if r.event_id == commitment.id or r.day <= made or not parties <= r.parties:
                continue
            if any(coverage(n, r.words) == 1.0 for n in names):
                reason = "a later report says it was done"
                text = r.source["facts"]["text"]
                done.append((r.day, _evidence(reason, r.source, text, r.day), r.event_id))
        # Restatements matter only when nothing was done, and then only the latest (the
        # first read on that day): walk newest first and stop at the first one.
        newest_allowed = made.toordinal() + RENEWAL_GAP_DAYS
        for i in sorted(hits) if not done else ():
            r = index.ranked[i]
            if r.ordinal <= newest_allowed:
                break  # the rest are older still
            if r.event_id == commitment.id or not parties <= r.parties or r.analysis:
                continue
            if jaccard(r.words, pledge) >= RENEWAL_MIN_JACCARD:
                text = r.source["facts"]["text"]
                renewals.append((r.day, _evidence("restated later", r.source, text, r.day)))
                break
        # Reaffirmed within its own sources, by the parties, well after it was first made.
        for s in known[1:]:
            day = s["published"] or s["date"]
            if (
                day
                and (day - made).days > RENEWAL_GAP_DAYS
                and s["facts"].get("doc_kind") != "analysis"
                and s["facts"].get("modality") == "reaffirmed"
            ):
                renewals.append((day, _evidence("reaffirmed", s, s["facts"]["text"], day)))
    if done:
        day, proof, fulfilled_by = min(done, key=lambda d: (d[0], d[2]))
        computed, late = "fulfilled", bool(deadline and day > deadline)
        evidence.append(proof)
    elif renewals:
        computed = "renewed"
        evidence.append(max(renewals, key=lambda r: r[0])[1])
    elif deadline and deadline < as_of:
        computed = "overdue"
        reason = f"deadline {deadline.isoformat()} passed with no report of delivery"
        evidence.append(StatusEvidence(reason, None, "", deadline))
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
    only: Collection[int] | None = None,
) -> list[LedgerEntry]:
    """The ledger over already-loaded events: every commitment known by `as_of`, or only
    those whose ids are in `only` (each judged against all `events` all the same)."""
    overrides = overrides or {}
    index = _Index(events, as_of=as_of, inverted=only is None or len(only) > FEW_PLEDGES)
    entries = []
    for event in events:
        if event.kind != "commitment" or (only is not None and event.id not in only):
            continue
        mine = sorted(
            (o for k in event.source_keys for o in overrides.get(k, [])),
            key=lambda o: (o.created_at, o.id),
        )
        entry = commitment_status(
            event,
            events=events,
            as_of=as_of,
            due_soon_days=due_soon_days,
            overrides=mine,
            index=index,
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
    event_ids: Collection[int] | None = None,
) -> list[LedgerEntry]:
    """The commitments that all `parties` made together, each with its status as of `as_of`;
    with `event_ids`, only those commitments (a page of them costs a fraction of the
    whole ledger: the pair's events are read without their merged view, and only the
    entries returned carry their events whole)."""
    if event_ids is None:
        events = tq.events_with(session, parties=parties)
    else:
        events = tq.events_with(session, parties=parties, details=False, facts=LEDGER_FACTS)
    wanted = None if event_ids is None else set(event_ids)
    keys = [
        k
        for e in events
        if e.kind == "commitment" and (wanted is None or e.id in wanted)
        for k in e.source_keys
    ]
    entries = ledger_of(
        events,
        as_of=as_of,
        due_soon_days=due_soon_days,
        overrides=tq.overrides_for(session, source_keys=keys),
        only=wanted,
    )
    if event_ids is None or not entries:
        return entries
    whole = {e.id: e for e in tq.events_by_ids(session, event_ids=[e.event.id for e in entries])}
    return [dataclasses.replace(e, event=whole[e.event.id]) for e in entries]


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
