"""Source checking: a document against the stored sources it cites and the reference data.

For each fact of the checked document (meetings with their date, place, participants
and titles; the areas it lists; its commitments; dates it gives for agreements) the
verdict is `supported` (the source says the same), `differing` (the source says
otherwise; both versions are shown) or `absent` (the source does not report it).
What the source reports and the document leaves out is listed as `omitted`.
Agreement dates are checked against `accord.kb` (verdict `supported` or `differing`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from accord.kb import KnowledgeBase, load_kb
from accord.records import DocumentRecord, Meeting
from accord.store import tracking_queries as tq
from accord.store.queries import get_document, load_record
from accord.tracking.matching import fold, jaccard, name_key, parties_key, tokens

__all__ = ["CheckItem", "CheckReport", "SourceMatch", "check_document", "stated_areas"]

VERDICTS: tuple[str, ...] = ("supported", "differing", "absent", "omitted")
COMMITMENT_MIN_JACCARD = 0.34
_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_STATED_AREAS = re.compile(
    r"\b(\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:key\s+|main\s+|priority\s+)?areas(?:\s+of\s+cooperation)?\s*:\s*([^.]+)\.",
    re.IGNORECASE,
)
_AGREEMENT_DATE = re.compile(
    r"\b(?P<what>signing|signed|concluded|in force|entered into force|entry into force|"
    r"took effect|came into effect)\b[^.;]{0,80}?\b(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<year2>(?:19|20)\d\d)\b[^.;]{0,40}?\b(?P<what2>signing|signed|in force)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SourceMatch:
    """A citation of the checked document and the stored document it points to."""

    marker: str | None
    title: str | None
    url: str | None
    document_id: str | None  # None: the cited source is not in the store
    how: str  # "url", "title", "same meeting" or "not in the store"


@dataclass(frozen=True, slots=True)
class CheckItem:
    aspect: (
        str  # meeting | date | place | participant | title | areas | area | commitment | agreement
    )
    verdict: str  # supported | differing | absent | omitted
    document_says: str | None
    source_says: str | None
    source_document: str | None = None


@dataclass(frozen=True, slots=True)
class CheckReport:
    document_id: str
    title: str | None
    sources: tuple[SourceMatch, ...]
    items: tuple[CheckItem, ...]
    warnings: tuple[str, ...] = ()

    def count(self, verdict: str) -> int:
        return sum(1 for i in self.items if i.verdict == verdict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "title": self.title,
            "sources": [asdict(s) for s in self.sources],
            "items": [asdict(i) for i in self.items],
            "warnings": list(self.warnings),
            "counts": {v: self.count(v) for v in VERDICTS},
        }

    def format_text(self) -> str:
        lines = [f"Source check of {self.document_id[:12]}  {self.title or ''}".rstrip(), ""]
        lines.append("Sources:")
        for s in self.sources:
            target = s.document_id[:12] if s.document_id else "-"
            lines.append(f"  {s.marker or '-'} {s.title or s.url or ''} -> {target} ({s.how})")
        for verdict in VERDICTS:
            chosen = [i for i in self.items if i.verdict == verdict]
            if not chosen:
                continue
            label = "in the source, left out by the document" if verdict == "omitted" else verdict
            lines += ["", f"{label.capitalize()} ({len(chosen)}):"]
            for i in chosen:
                if verdict == "differing":
                    lines.append(f"  [{i.aspect}] document: {i.document_says}")
                    lines.append(f"  {' ' * (len(i.aspect) + 2)} source:   {i.source_says}")
                elif verdict == "omitted":
                    lines.append(f"  [{i.aspect}] {i.source_says}")
                else:
                    lines.append(f"  [{i.aspect}] {i.document_says}")
        if self.warnings:
            lines += ["", "Warnings of the document:"] + [f"  {w}" for w in self.warnings]
        return "\n".join(lines)


def stated_areas(text: str) -> tuple[int, list[str]] | None:
    """A stated count of areas and the list that follows ('five key areas: a, b and c')."""
    match = _STATED_AREAS.search(text)
    if match is None:
        return None
    word = match.group(1).lower()
    count = int(word) if word.isdigit() else _NUMBERS[word]
    items = [
        re.sub(r"^(?:and|the)\s+", "", i.strip(), flags=re.IGNORECASE)
        for i in re.split(r",\s*(?:and\s+)?", match.group(2))
    ]
    items = [re.sub(r"^the\s+", "", i, flags=re.IGNORECASE) for i in items if i]
    return count, items


def _resolve_sources(session: Session, record: DocumentRecord) -> list[SourceMatch]:
    matches: list[SourceMatch] = []
    seen: set[str] = set()
    for c in record.annotations.citations:
        if c.resolves_to not in (None, c.marker):
            continue  # "Ibid." points at a citation already resolved
        ids = tq.documents_citing(session, url=c.url, title=None)
        how = "url"
        if not ids:
            ids = tq.documents_citing(session, url=None, title=c.title)
            how = "title"
        ids = [i for i in ids if i != record.document.id]
        if not ids:
            matches.append(SourceMatch(c.marker, c.title, c.url, None, "not in the store"))
        for i in ids:
            if i not in seen:
                seen.add(i)
                matches.append(SourceMatch(c.marker, c.title, c.url, i, how))
    if not seen:
        # No citation resolves: stored documents reporting the same merged meeting are
        # the likeliest sources (an attribution such as "according to the ministry").
        for event in tq.events_of_document(session, document_id=record.document.id):
            if event.kind != "meeting":
                continue
            for i in event.document_ids:
                if i != record.document.id and i not in seen:
                    seen.add(i)
                    matches.append(SourceMatch(None, None, None, i, "same meeting"))
    return matches


def _same_meeting(a: Meeting, b: Meeting) -> bool:
    return (
        parties_key(a.parties) == parties_key(b.parties)
        and a.date is not None
        and b.date is not None
        and abs((a.date - b.date).days) <= 1
    )


def _titles_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return fold(a) in fold(b) or fold(b) in fold(a)


def _check_meetings(doc: DocumentRecord, src: DocumentRecord) -> list[CheckItem]:
    items: list[CheckItem] = []
    sid = src.document.id
    matched_source: set[int] = set()
    for m in doc.meetings:
        found = next(
            ((i, s) for i, s in enumerate(src.meetings) if _same_meeting(m, s)), (None, None)
        )
        index, s = found
        said = f"{m.date} {m.city or ''} ({', '.join(m.parties)})"
        if s is None or index is None:
            items.append(CheckItem("meeting", "absent", said, None, sid))
            continue
        matched_source.add(index)
        verdict = "supported" if m.date == s.date else "differing"
        items.append(CheckItem("date", verdict, str(m.date), str(s.date), sid))
        if m.city or s.city:
            same = bool(m.city and s.city and fold(m.city) == fold(s.city))
            verdict = "supported" if same else ("absent" if not s.city else "differing")
            items.append(CheckItem("place", verdict, m.city, s.city, sid))
        theirs = {name_key(p.name): p for p in s.participants}
        for p in m.participants:
            q = theirs.pop(name_key(p.name), None)
            if q is None:
                items.append(CheckItem("participant", "absent", p.name, None, sid))
                continue
            items.append(CheckItem("participant", "supported", p.name, q.name, sid))
            if p.title or q.title:
                verdict = "supported" if _titles_agree(p.title, q.title) else "differing"
                items.append(
                    CheckItem("title", verdict, f"{p.name}: {p.title}", f"{q.name}: {q.title}", sid)
                )
        for q in theirs.values():
            items.append(CheckItem("participant", "omitted", None, f"{q.name} ({q.title})", sid))
    # Titles of people both texts name, wherever they appear (a participant the meeting
    # extractor missed is often still a person with a title).
    compared = {
        name_key((i.document_says or "").split(":")[0]) for i in items if i.aspect == "title"
    }
    titled = {name_key(person.name): person for person in src.annotations.people if person.title}
    for person in doc.annotations.people:
        key = name_key(person.name)
        other = titled.get(key)
        if other is None or not person.title or key in compared:
            continue
        compared.add(key)
        verdict = "supported" if _titles_agree(person.title, other.title) else "differing"
        items.append(
            CheckItem(
                "title",
                verdict,
                f"{person.name}: {person.title}",
                f"{other.name}: {other.title}",
                sid,
            )
        )
    for i, s in enumerate(src.meetings):
        if i not in matched_source and any(set(s.parties) & set(m.parties) for m in doc.meetings):
            items.append(
                CheckItem("meeting", "omitted", None, f"{s.date} {s.city or ''}".strip(), sid)
            )
    return items


def _check_areas(doc: DocumentRecord, src: DocumentRecord) -> list[CheckItem]:
    items: list[CheckItem] = []
    sid = src.document.id
    mine, theirs = stated_areas(doc.document.text), stated_areas(src.document.text)
    if mine and theirs:
        said = f"{mine[0]} areas, listing {len(mine[1])}: {'; '.join(mine[1])}"
        source = f"{theirs[0]} areas, listing {len(theirs[1])}: {'; '.join(theirs[1])}"
        same = mine[0] == theirs[0] and len(mine[1]) == len(theirs[1])
        items.append(CheckItem("areas", "supported" if same else "differing", said, source, sid))
    for area in doc.areas:
        verdict = "supported" if area in src.areas else "absent"
        items.append(CheckItem("area", verdict, area, area if area in src.areas else None, sid))
    for area in src.areas:
        if area not in doc.areas:
            items.append(CheckItem("area", "omitted", None, area, sid))
    return items


def _check_commitments(doc: DocumentRecord, src: DocumentRecord) -> list[CheckItem]:
    items: list[CheckItem] = []
    sid = src.document.id
    used: set[int] = set()
    for c in doc.commitments:
        words = tokens(c.text)
        scored = [(jaccard(words, tokens(s.text)), i) for i, s in enumerate(src.commitments)]
        best = max(scored, default=(0.0, -1))
        if best[0] < COMMITMENT_MIN_JACCARD:
            items.append(CheckItem("commitment", "absent", c.text, None, sid))
            continue
        s = src.commitments[best[1]]
        used.add(best[1])
        if c.deadline != s.deadline:
            items.append(
                CheckItem(
                    "commitment",
                    "differing",
                    f"{c.text} (deadline {c.deadline})",
                    f"{s.text} (deadline {s.deadline})",
                    sid,
                )
            )
        else:
            items.append(CheckItem("commitment", "supported", c.text, s.text, sid))
    for i, s in enumerate(src.commitments):
        if i not in used:
            items.append(CheckItem("commitment", "omitted", None, s.text, sid))
    return items


def _sentences_naming(text: str, names: list[str]) -> list[str]:
    return [
        s for s in re.split(r"(?<=[.!?])\s+", text) if any(n and fold(n) in fold(s) for n in names)
    ]


def check_agreements(record: DocumentRecord, *, kb: KnowledgeBase) -> list[CheckItem]:
    """Years the document gives for an agreement's signing or entry into force, against
    the reference data (`kb.agreement(...)`)."""
    items: list[CheckItem] = []
    seen: set[str] = set()
    for mention in record.annotations.agreements:
        info = kb.agreement(mention.short or mention.name) or kb.agreement(mention.name)
        if info is None or info.key in seen:
            continue
        seen.add(info.key)
        names = [mention.name, mention.short or "", info.name, info.short or "", *info.aliases]
        for sentence in _sentences_naming(record.document.text, names):
            for m in _AGREEMENT_DATE.finditer(sentence):
                what = (m.group("what") or m.group("what2") or "").lower()
                year = int(m.group("year") or m.group("year2"))
                field = "signed" if what.startswith("sign") or what == "concluded" else "in_force"
                reference = getattr(info, field)
                if reference is None:
                    continue
                label = "signed" if field == "signed" else "in force"
                said = f"{info.short or info.name} {label} in {year}"
                known = ", ".join(
                    f"{k.replace('_', ' ')} {getattr(info, k).isoformat()}"
                    for k in ("signed", "in_force")
                    if getattr(info, k)
                )
                verdict = "supported" if reference.year == year else "differing"
                items.append(
                    CheckItem("agreement", verdict, said, f"reference data: {known}", None)
                )
    return items


def check_document(
    session: Session, *, id_prefix: str, kb: KnowledgeBase | None = None
) -> CheckReport:
    """Check a stored document against the stored sources it cites and the reference data."""
    stored = get_document(session, id_prefix=id_prefix)
    record = load_record(session, document_id=stored.document.id)
    sources = _resolve_sources(session, record)
    items: list[CheckItem] = []
    for source in sources:
        if source.document_id is None:
            continue
        src = load_record(session, document_id=source.document_id)
        items += _check_meetings(record, src)
        items += _check_areas(record, src)
        items += _check_commitments(record, src)
    items += check_agreements(record, kb=kb or load_kb())
    return CheckReport(
        document_id=record.document.id,
        title=record.document.title,
        sources=tuple(sources),
        items=tuple(items),
        warnings=record.warnings,
    )
