"""Hand-built document records for the store's tests (our own made-up readout)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from accord.records import (
    Agreement,
    Annotations,
    BodyMention,
    Citation,
    Commitment,
    CountryMention,
    Document,
    DocumentRecord,
    Evidence,
    Meeting,
    OrganizationMention,
    Participant,
    Person,
    Place,
    TimeExpression,
    document_id,
)

READOUT = (
    "Seoul, 7 March 2025. Vice Minister Chung Byung-won of the Republic of Korea held talks "
    "with Canada's Deputy Minister David Morrison in Seoul. The two sides agreed to deepen "
    "cooperation on critical minerals and clean energy under the CKFTA within this year.[1] "
    "They also exchanged views on the Indo-Pacific and on NATO.\n"
    "[1] Ministry of Foreign Affairs, press note."
)

MakeRecord = Callable[..., DocumentRecord]


def span(text: str, needle: str, *, after: int = 0) -> Evidence:
    """The evidence for the first `needle` in `text` (at or after `after`)."""
    start = text.index(needle, after)
    return Evidence(start, start + len(needle), needle)


def build_record(
    text: str = READOUT,
    *,
    title: str | None = "Korea and Canada hold vice-ministerial talks",
    url: str | None = "https://example.org/readouts/kor-can",
    published: dt.date | None = dt.date(2025, 3, 7),
    parties: tuple[str, ...] = ("KOR", "CAN"),
    meeting_date: dt.date | None = dt.date(2025, 3, 7),
    deadline: dt.date | None = dt.date(2025, 12, 31),
    areas: tuple[str, ...] = ("energy_resources", "trade_economy"),
    commitment_evidence: Evidence | None = None,
    with_facts: bool = True,
) -> DocumentRecord:
    """A record of `text`; facts are located in READOUT's wording when `with_facts`."""
    document = Document(
        id=document_id(text),
        text=text,
        source="tests/readout.txt",
        format="txt",
        title=title,
        url=url,
        published=published,
        publisher="Ministry of Foreign Affairs",
        kind="readout",
    )
    if not with_facts:
        return DocumentRecord(document=document)
    meeting = Meeting(
        date=meeting_date,
        city="Seoul",
        country="KOR",
        parties=parties,
        participants=(
            Participant("Chung Byung-won", "KOR", "Vice Minister"),
            Participant("David Morrison", "CAN", "Deputy Minister"),
        ),
        mechanism=None,
        evidence=span(text, "Vice Minister Chung Byung-won"),
    )
    clause = "agreed to deepen cooperation on critical minerals and clean energy"
    commitment = Commitment(
        parties=parties,
        text=clause,
        modality="agreed",
        deadline=deadline,
        areas=areas,
        forums=("NATO",),
        evidence=commitment_evidence or span(text, clause),
    )
    annotations = Annotations(
        people=(
            Person(
                name="Chung Byung-won",
                title="Vice Minister",
                country="KOR",
                body="Ministry of Foreign Affairs",
                mentions=(span(text, "Chung Byung-won"),),
            ),
            Person(
                name="David Morrison",
                title="Deputy Minister",
                country="CAN",
                body=None,
                mentions=(span(text, "David Morrison"),),
            ),
        ),
        countries=(
            CountryMention("KOR", span(text, "Republic of Korea")),
            CountryMention("CAN", span(text, "Canada")),
        ),
        organizations=(OrganizationMention("NATO", span(text, "NATO")),),
        bodies=(BodyMention("Ministry of Foreign Affairs", "KOR", span(text, "Ministry")),),
        places=(Place("Seoul", "KOR", span(text, "Seoul")),),
        times=(
            TimeExpression(
                text="7 March 2025",
                evidence=span(text, "7 March 2025"),
                precision="day",
                start=dt.date(2025, 3, 7),
                end=dt.date(2025, 3, 7),
            ),
            TimeExpression(
                text="within this year",
                evidence=span(text, "within this year"),
                precision="year",
                start=dt.date(2025, 1, 1),
                end=dt.date(2025, 12, 31),
            ),
        ),
        agreements=(
            Agreement("Canada-Korea Free Trade Agreement", "CKFTA", span(text, "CKFTA")),
            Agreement("Korea-Canada Youth Mobility Arrangement", None, None),
        ),
        citations=(
            Citation(
                marker="[1]",
                ref="Ministry of Foreign Affairs, press note.",
                resolves_to=None,
                publisher="Ministry of Foreign Affairs",
                accessed=dt.date(2025, 3, 8),
            ),
        ),
    )
    return DocumentRecord(
        document=document,
        meetings=(meeting,),
        commitments=(commitment,),
        areas=areas,
        annotations=annotations,
        warnings=("the text names two parties but lists three participants",),
    )
