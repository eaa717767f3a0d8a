"""One event, many sources: folding each new document's meetings and commitments into merged events.

Two reports are the same meeting when they have the same parties, dates at most a day
apart, and share a participant, the named mechanism or the city (unless both name
people and none in common, or name different mechanisms). Two reports are the
same commitment when the same parties pledge the same thing (content-word Jaccard >= 0.5,
see `accord.tracking.matching`) for the same deadline or within a week of each other.
Events are the connected components of that pairwise relation over all sources, so the
result does not depend on the order documents arrive in; adding a document only looks
at sources of the same parties near the same dates (indexed), never at the whole store.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from accord.store import tracking_queries as tq
from accord.tracking.matching import fold, jaccard, name_key, parties_key, tokens

__all__ = [
    "MEETING_WINDOW_DAYS",
    "SourceItem",
    "fold_document",
    "same_commitment",
    "same_meeting",
    "summarize",
]

log = logging.getLogger("accord")

MEETING_WINDOW_DAYS = 1
COMMITMENT_WINDOW_DAYS = 7
COMMITMENT_MIN_JACCARD = 0.5
MECHANISM_MIN_JACCARD = 0.5


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One document's report of a meeting or commitment, as merging sees it."""

    key: str
    kind: str  # meeting | commitment
    document_id: str
    parties: str  # parties_key
    date: dt.date | None  # the meeting's day, or when the commitment was made
    deadline: dt.date | None
    published: dt.date | None
    facts: dict[str, Any]

    @property
    def known_on(self) -> dt.date | None:
        """When the store could first know of this report: the document's date."""
        return self.published or self.date


def _names(item: SourceItem) -> set[str]:
    return {name_key(p["name"]) for p in item.facts.get("participants", []) if p.get("name")}


def same_meeting(a: SourceItem, b: SourceItem) -> bool:
    """Whether two reports (from different documents) describe the same meeting."""
    if a.document_id == b.document_id or a.parties != b.parties:
        return False
    if a.date is None or b.date is None or abs((a.date - b.date).days) > MEETING_WINDOW_DAYS:
        return False
    names_a, names_b = _names(a), _names(b)
    if names_a & names_b:
        return True
    # Evidence against: two lists of people with no one in common are two meetings (a
    # summit the day after a ministerial dialogue in the same city), as are two mechanisms.
    if names_a and names_b:
        return False
    mech_a, mech_b = a.facts.get("mechanism"), b.facts.get("mechanism")
    if mech_a and mech_b:
        return jaccard(tokens(mech_a), tokens(mech_b)) >= MECHANISM_MIN_JACCARD
    city_a, city_b = a.facts.get("city"), b.facts.get("city")
    return bool(city_a and city_b and fold(city_a) == fold(city_b))


def same_commitment(a: SourceItem, b: SourceItem) -> bool:
    """Whether two reports (from different documents) state the same commitment."""
    if a.document_id == b.document_id or a.parties != b.parties:
        return False
    if a.deadline and b.deadline and a.deadline != b.deadline:
        return False
    same_time = bool(a.deadline and a.deadline == b.deadline) or bool(
        a.date and b.date and abs((a.date - b.date).days) <= COMMITMENT_WINDOW_DAYS
    )
    if not same_time:
        return False
    return (
        jaccard(frozenset(a.facts["tokens"]), frozenset(b.facts["tokens"]))
        >= COMMITMENT_MIN_JACCARD
    )


def _order(item: SourceItem) -> tuple[str, str]:
    return ((item.known_on or dt.date.max).isoformat(), item.key)


def _vote(values: Iterable[tuple[Any, str]]) -> tuple[Any, list[dict[str, Any]]]:
    """The most reported value (ties: the smallest) and every value with its documents."""
    by_value: dict[Any, list[str]] = {}
    for value, document in values:
        if value is None:
            continue
        by_value.setdefault(value, [])
        if document not in by_value[value]:
            by_value[value].append(document)
    if not by_value:
        return None, []
    ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
    shown = [{"value": str(v), "documents": sorted(docs)} for v, docs in ranked]
    return ranked[0][0], shown


def summarize(kind: str, items: list[SourceItem]) -> dict[str, Any]:
    """The merged view of an event's sources: summary fields, details and conflicts.

    Every choice is a vote over all sources with a fixed tie-break, so the same sources
    give the same summary whatever order they came in.
    """
    items = sorted(items, key=_order)
    conflicts: list[dict[str, Any]] = []

    def field(name: str, values: Iterable[tuple[Any, str]]) -> Any:
        value, shown = _vote(values)
        if len(shown) > 1:
            conflicts.append({"field": name, "values": shown})
        return value

    sources = [
        {
            "key": i.key,
            "document_id": i.document_id,
            "published": i.published.isoformat() if i.published else None,
            "title": i.facts.get("doc_title"),
            "url": i.facts.get("doc_url"),
            "publisher": i.facts.get("doc_publisher"),
            "evidence": i.facts.get("evidence"),
        }
        for i in items
    ]
    first = items[0]
    if kind == "meeting":
        date = field("date", ((i.date, i.document_id) for i in items))
        city = field("city", ((i.facts.get("city"), i.document_id) for i in items))
        country = field("country", ((i.facts.get("country"), i.document_id) for i in items))
        mechanism = field("mechanism", ((i.facts.get("mechanism"), i.document_id) for i in items))
        people: dict[str, list[tuple[dict[str, Any], str]]] = {}
        for i in items:
            for p in i.facts.get("participants", []):
                people.setdefault(name_key(p["name"]), []).append((p, i.document_id))
        participants = []
        for reports in people.values():
            name, _ = _vote((p["name"], d) for p, d in reports)
            country_of, _ = _vote((p.get("country"), d) for p, d in reports)
            title, titles = _vote((p.get("title"), d) for p, d in reports)
            if len({fold(t["value"]) for t in titles}) > 1:
                conflicts.append({"field": f"title of {name}", "values": titles})
            participants.append(
                {"name": name, "country": country_of, "title": title, "titles": titles}
            )
        return {
            "date": date,
            "deadline": None,
            "city": city,
            "country": country,
            "mechanism": mechanism,
            "text": first.facts.get("evidence") or "",
            "modality": None,
            "details": {"sources": sources, "participants": participants, "conflicts": conflicts},
        }
    deadline = field("deadline", ((i.deadline, i.document_id) for i in items))
    dates = [i.date for i in items if i.date]
    return {
        "date": min(dates) if dates else None,
        "deadline": deadline,
        "city": None,
        "country": None,
        "mechanism": None,
        "text": first.facts["text"],
        "modality": first.facts.get("modality"),
        "details": {
            "sources": [
                {**s, "text": i.facts["text"], "modality": i.facts.get("modality")}
                for s, i in zip(sources, items, strict=True)
            ],
            "areas": sorted({a for i in items for a in i.facts.get("areas", [])}),
            "forums": sorted({f for i in items for f in i.facts.get("forums", [])}),
            "conflicts": conflicts,
        },
    }


def _items_of_document(session: Session, *, document_id: str) -> list[SourceItem]:
    """The document's meetings and commitments as source items, with their facts."""
    doc, meetings, commitments = tq.document_facts(session, document_id=document_id)
    base = {
        "doc_title": doc["title"],
        "doc_url": doc["url"],
        "doc_publisher": doc["publisher"],
        "doc_kind": doc["kind"],
    }
    published = doc["published"]
    items = []
    for m in meetings:
        items.append(
            SourceItem(
                key=f"{document_id}:meeting:{m['position']}",
                kind="meeting",
                document_id=document_id,
                parties=parties_key(m["parties"]),
                date=m["date"],
                deadline=None,
                published=published,
                facts={
                    **base,
                    "row_id": m["id"],
                    "city": m["city"],
                    "country": m["country"],
                    "mechanism": m["mechanism"],
                    "participants": m["participants"],
                    "evidence": m["evidence"],
                },
            )
        )
    for c in commitments:
        # When the pledge was made: the day of the meeting this document reports between
        # the same parties, else the document's own date.
        made = next(
            (m["date"] for m in meetings if m["date"] and set(c["parties"]) <= set(m["parties"])),
            published,
        )
        items.append(
            SourceItem(
                key=f"{document_id}:commitment:{c['position']}",
                kind="commitment",
                document_id=document_id,
                parties=parties_key(c["parties"]),
                date=made,
                deadline=c["deadline"],
                published=published,
                facts={
                    **base,
                    "row_id": c["id"],
                    "text": c["text"],
                    "modality": c["modality"],
                    "areas": c["areas"],
                    "forums": c["forums"],
                    "evidence": c["evidence"],
                    "tokens": sorted(tokens(c["text"])),
                },
            )
        )
    return items


def _candidates(session: Session, item: SourceItem) -> list[SourceItem]:
    if item.kind == "meeting":
        if item.date is None:
            return []
        window = dt.timedelta(days=MEETING_WINDOW_DAYS)
        rows = tq.sources_near(
            session,
            kind="meeting",
            parties_key=item.parties,
            start=item.date - window,
            end=item.date + window,
        )
    else:
        window = dt.timedelta(days=COMMITMENT_WINDOW_DAYS)
        rows = tq.sources_near(
            session,
            kind="commitment",
            parties_key=item.parties,
            start=item.date - window if item.date else None,
            end=item.date + window if item.date else None,
            deadline=item.deadline,
        )
    return [SourceItem(**row) for row in rows]


def fold_document(session: Session, *, document_id: str) -> list[int]:
    """Fold a stored document's meetings and commitments into the merged events.

    Incremental: each report is compared only with stored reports of the same parties
    near the same dates; it joins (and unites) every event it matches, or starts its
    own. Folding a document twice changes nothing. Returns the ids of touched events.
    """
    touched: set[int] = set()
    alone: dict[int, SourceItem] = {}  # events started here, joined by nothing else yet
    items = _items_of_document(session, document_id=document_id)
    folded = tq.folded_keys(session, source_keys=(i.key for i in items))
    for item in items:
        if item.key in folded:
            continue
        same = same_meeting if item.kind == "meeting" else same_commitment
        events = sorted({c.facts["event_id"] for c in _candidates(session, item) if same(item, c)})
        if events:
            target = events[0]
            tq.merge_events(session, into=target, others=events[1:])
            touched.difference_update(events[1:])
            alone.pop(target, None)
        else:
            target = tq.new_event(session, kind=item.kind, parties_key=item.parties)
            alone[target] = item
        tq.add_source(session, event_id=target, item=item)
        touched.add(target)
    for event_id in sorted(touched):
        # An event this document started, that nothing joined, has this one source: most
        # events of a new document, summarized without reading their sources back.
        if event_id in alone:
            sources = [alone[event_id]]
        else:
            sources = [SourceItem(**row) for row in tq.event_sources(session, event_id=event_id)]
        tq.set_summary(session, event_id=event_id, summary=summarize(sources[0].kind, sources))
    log.debug("folded %s into %d events", document_id[:12], len(touched))
    return sorted(touched)
