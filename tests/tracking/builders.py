"""Hand-built document records for the tracking tests (our own short made-up reports)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from accord.records import (
    Agreement,
    Annotations,
    Citation,
    Commitment,
    Document,
    DocumentRecord,
    Evidence,
    Meeting,
    Participant,
    Person,
    document_id,
)
from accord.store import Store, add_record
from accord.tracking.events import fold_document


def span(text: str, needle: str) -> Evidence:
    start = text.index(needle)
    return Evidence(start, start + len(needle), needle)


def record(
    text: str,
    *,
    published: dt.date | None,
    title: str | None = None,
    url: str | None = None,
    kind: str = "news",
    meetings: Sequence[dict[str, Any]] = (),
    commitments: Sequence[dict[str, Any]] = (),
    areas: Sequence[str] = (),
    people: Sequence[tuple[str, str, str]] = (),
    agreements: Sequence[tuple[str, str | None]] = (),
    citations: Sequence[tuple[str, str, str | None, str | None]] = (),
) -> DocumentRecord:
    """A record of `text`; meetings and commitments name their evidence by a substring.

    meeting: {"evidence", "date", "parties", "city", "country", "mechanism",
    "participants": [(name, country, title)]}; commitment: {"clause", "parties",
    "modality", "deadline"}; citations: (marker, ref, title, url).
    """
    document = Document(
        id=document_id(text),
        text=text,
        source=f"tests/{(title or 'doc')[:20]}.txt",
        format="txt",
        title=title,
        url=url,
        published=published,
        publisher="Accord Test Wire",
        kind=kind,
    )
    return DocumentRecord(
        document=document,
        meetings=tuple(
            Meeting(
                date=m.get("date"),
                city=m.get("city"),
                country=m.get("country"),
                parties=tuple(m.get("parties", ("CAN", "KOR"))),
                participants=tuple(Participant(*p) for p in m.get("participants", ())),
                mechanism=m.get("mechanism"),
                evidence=span(text, m["evidence"]),
            )
            for m in meetings
        ),
        commitments=tuple(
            Commitment(
                parties=tuple(c.get("parties", ("CAN", "KOR"))),
                text=c["clause"],
                modality=c.get("modality", "agreed"),
                deadline=c.get("deadline"),
                areas=tuple(c.get("areas", ())),
                forums=tuple(c.get("forums", ())),
                evidence=span(text, c["clause"]),
            )
            for c in commitments
        ),
        areas=tuple(areas),
        annotations=Annotations(
            people=tuple(
                Person(name=n, title=t, country=c, body=None, mentions=(span(text, n),))
                for n, c, t in people
            ),
            agreements=tuple(
                Agreement(name, short, span(text, short or name)) for name, short in agreements
            ),
            citations=tuple(
                Citation(marker=m, ref=ref, resolves_to=m, title=t, url=u)
                for m, ref, t, u in citations
            ),
        ),
    )


def ingest(store: Store, *records: DocumentRecord) -> None:
    """Store each record and fold it in, one transaction each, as the pipeline does."""
    for r in records:
        with store.session(write=True) as session:
            add_record(session, record=r)
            fold_document(session, document_id=r.document.id)


# --- one meeting (2025-03-07, Ottawa) from three outlets, and a pledge made there ----------

WIRE = (
    "OTTAWA, March 8, 2025 - Chung Byung-won, Deputy Minister for Political Affairs, met "
    "Weldon Epp in Ottawa on Friday. South Korea and Canada will hold their first "
    "Indo-Pacific Dialogue this year."
)
MINISTRY = (
    "Vice Minister for Political Affairs Chung Byung-won held consultations with Weldon Epp "
    "in Ottawa on March 7, 2025. The two sides agreed to hold the inaugural Korea-Canada "
    "Indo-Pacific Dialogue within this year."
)
DIGEST = "On March 7, 2025, Chung Byung-won sat down with Weldon Epp of Global Affairs Canada."


def wire() -> DocumentRecord:
    return record(
        WIRE,
        published=dt.date(2025, 3, 8),
        title="Diplomats meet in Ottawa",
        url="https://example.org/wire/ottawa",
        meetings=[
            {
                "evidence": "met Weldon Epp in Ottawa on Friday",
                "date": dt.date(2025, 3, 7),
                "city": "Ottawa",
                "country": "CAN",
                "participants": [
                    ("Chung Byung-won", "KOR", "Deputy Minister for Political Affairs"),
                    ("Weldon Epp", "CAN", None),
                ],
            }
        ],
        commitments=[
            {
                "clause": "South Korea and Canada will hold their first Indo-Pacific Dialogue "
                "this year",
                "modality": "planned",
                "deadline": dt.date(2025, 12, 31),
            }
        ],
        areas=["international_order", "maritime"],
    )


def ministry() -> DocumentRecord:
    return record(
        MINISTRY,
        published=dt.date(2025, 3, 7),
        title="Vice Minister holds consultations",
        kind="readout",
        meetings=[
            {
                "evidence": "held consultations with Weldon Epp in Ottawa on March 7, 2025",
                "date": dt.date(2025, 3, 7),
                "city": "Ottawa",
                "country": "CAN",
                "participants": [
                    ("Chung Byung-won", "KOR", "Vice Minister for Political Affairs"),
                    ("Weldon Epp", "CAN", None),
                ],
            }
        ],
        commitments=[
            {
                "clause": "agreed to hold the inaugural Korea-Canada Indo-Pacific Dialogue "
                "within this year",
                "deadline": dt.date(2025, 12, 31),
            }
        ],
    )


def digest() -> DocumentRecord:
    return record(
        DIGEST,
        published=dt.date(2025, 3, 9),
        title="Week in diplomacy",
        meetings=[
            {
                "evidence": "Chung Byung-won sat down with Weldon Epp",
                "date": dt.date(2025, 3, 8),  # a day off: the digest misdates it
                "participants": [("Chung Byung-won", "KOR", None), ("Weldon Epp", "CAN", None)],
            }
        ],
    )


# The Indo-Pacific Dialogue held, in Seoul, in 2026 (after the 2025 deadline).
HELD_TEXT = (
    "SEOUL - Korean and Canadian officials held the first Korea-Canada Indo-Pacific Dialogue "
    "in Seoul on February 10, 2026."
)


def held() -> DocumentRecord:
    return record(
        HELD_TEXT,
        published=dt.date(2026, 2, 10),
        title="Indo-Pacific Dialogue opens",
        kind="readout",
        meetings=[
            {
                "evidence": "held the first Korea-Canada Indo-Pacific Dialogue in Seoul",
                "date": dt.date(2026, 2, 10),
                "city": "Seoul",
                "country": "KOR",
                "mechanism": "Korea-Canada Indo-Pacific Dialogue",
            }
        ],
    )
