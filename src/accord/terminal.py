"""Rendering documents and records in the terminal, each fact highlighted where it was found."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from accord.records import DocumentRecord, EntityMention, StoredDocument

# One style per kind of fact; later kinds win where spans overlap (a commitment over a date).
HIGHLIGHT_STYLES: dict[str, str] = {
    "date": "magenta",
    "place": "green",
    "country": "bright_green",
    "agreement": "bright_magenta",
    "body": "blue",
    "organization": "cyan",
    "title": "yellow",
    "person": "bold yellow",
    "meeting": "underline",
    "commitment": "reverse",
}
# The reading layer's kinds, in the order the legend of `accord extract --layer entities` shows.
ENTITY_KINDS: tuple[str, ...] = (
    "person",
    "title",
    "country",
    "organization",
    "body",
    "place",
    "date",
    "agreement",
)


def _spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if "entities" in record:
        spans.extend((e["start"], e["end"], e["kind"]) for e in record["entities"])
    else:
        # Records stored before entities were exported hold only these spans.
        for item in record.get("dates", []):
            spans.append((item["evidence"]["start"], item["evidence"]["end"], "date"))
        for item in record.get("places", []):
            spans.append((item["evidence"]["start"], item["evidence"]["end"], "place"))
        for person in record.get("people", []):
            for mention in person.get("mentions", []):
                spans.append((mention["start"], mention["end"], "person"))
    for meeting in record.get("meetings", []):
        spans.append((meeting["evidence"]["start"], meeting["evidence"]["end"], "meeting"))
    for commitment in record.get("commitments", []):
        ev = commitment["evidence"]
        spans.append((ev["start"], ev["end"], "commitment"))
    order = list(HIGHLIGHT_STYLES)
    return sorted((s for s in spans if s[2] in HIGHLIGHT_STYLES), key=lambda s: order.index(s[2]))


def highlighted_text(text: str, record: dict[str, Any]) -> Text:
    """The document text with each evidence span styled by its kind."""
    rich_text = Text(text)
    for start, end, kind in _spans(record):
        if 0 <= start < end <= len(text):
            rich_text.stylize(HIGHLIGHT_STYLES[kind], start, end)
    return rich_text


def _legend(kinds: Iterable[str] = HIGHLIGHT_STYLES) -> Text:
    legend = Text("legend: ")
    for kind in kinds:
        legend.append(kind, style=HIGHLIGHT_STYLES[kind])
        legend.append("  ")
    return legend


def _summary_table(record: dict[str, Any]) -> Table:
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for meeting in record.get("meetings", []):
        who = ", ".join(meeting.get("parties", []))
        where = (meeting.get("location") or {}).get("city") or ""
        table.add_row("meeting", f"{meeting.get('date') or '?'} {where} ({who})")
    for commitment in record.get("commitments", []):
        due = commitment.get("deadline") or "no deadline"
        table.add_row(commitment.get("modality", "commitment"), f"{commitment['text']} [{due}]")
    for key in ("areas", "organizations"):
        if record.get(key):
            table.add_row(key, ", ".join(record[key]))
    for agreement in record.get("agreements", []):
        table.add_row("agreement", agreement.get("short") or agreement["name"])
    for warning in record.get("warnings", []):
        table.add_row("[red]warning[/]", warning)
    return table


def render_document(console: Console, stored: StoredDocument, record: dict[str, Any]) -> None:
    """Print a stored document: metadata, highlighted text, and its record in brief."""
    d = stored.document
    meta = Table(show_header=False, box=None)
    meta.add_column(style="bold")
    meta.add_column(overflow="fold")
    for label, value in (
        ("id", d.id),
        ("title", d.title),
        ("published", d.published.isoformat() if d.published else None),
        ("publisher", d.publisher),
        ("kind", d.kind),
        ("url", d.url),
        ("source", d.source),
        ("ingested", stored.ingested_at.isoformat(timespec="seconds")),
        ("previous version", stored.previous_version),
    ):
        if value:
            meta.add_row(label, value)
    console.print(Panel(meta, title="document", expand=False))
    console.print(_legend())
    console.print(highlighted_text(d.text, record))
    console.print(_summary_table(record))


def render_record(console: Console, record: DocumentRecord) -> None:
    """Print an extracted (not stored) record the same way."""
    data = record.to_dict()
    console.print(_legend())
    console.print(highlighted_text(record.document.text, data))
    console.print(_summary_table(data))


def render_entities(console: Console, text: str, entities: Sequence[EntityMention]) -> None:
    """Print a text with every entity mention coloured by its kind, under a legend."""
    console.print(_legend(ENTITY_KINDS))
    console.print(highlighted_text(text, {"entities": [e.to_dict() for e in entities]}))
    counts: dict[str, int] = {}
    for entity in entities:
        counts[entity.kind] = counts.get(entity.kind, 0) + 1
    summary = Text()
    for kind in ENTITY_KINDS:
        if counts.get(kind):
            summary.append(f"{counts[kind]} {kind}", style=HIGHLIGHT_STYLES[kind])
            summary.append("  ")
    console.print(summary)
