"""Rendering a document and its record for the terminal, every fact highlighted where it was found."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from accord.records import DocumentRecord, StoredDocument

# One style per kind of fact; later kinds win where spans overlap (a commitment over a date).
HIGHLIGHT_STYLES: dict[str, str] = {
    "date": "magenta",
    "place": "green",
    "organization": "cyan",
    "person": "bold yellow",
    "meeting": "underline",
    "commitment": "reverse",
}


def _spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for item in record.get("dates", []):
        spans.append((item["evidence"]["start"], item["evidence"]["end"], "date"))
    for item in record.get("places", []):
        spans.append((item["evidence"]["start"], item["evidence"]["end"], "place"))
    for item in record.get("organization_mentions", []):
        spans.append((item["start"], item["end"], "organization"))
    for person in record.get("people", []):
        for mention in person.get("mentions", []):
            spans.append((mention["start"], mention["end"], "person"))
    for meeting in record.get("meetings", []):
        spans.append((meeting["evidence"]["start"], meeting["evidence"]["end"], "meeting"))
    for commitment in record.get("commitments", []):
        ev = commitment["evidence"]
        spans.append((ev["start"], ev["end"], "commitment"))
    order = list(HIGHLIGHT_STYLES)
    return sorted(spans, key=lambda s: order.index(s[2]))


def highlighted_text(text: str, record: dict[str, Any]) -> Text:
    """The document text with each evidence span styled by its kind."""
    rich_text = Text(text)
    for start, end, kind in _spans(record):
        if 0 <= start < end <= len(text):
            rich_text.stylize(HIGHLIGHT_STYLES[kind], start, end)
    return rich_text


def _legend() -> Text:
    legend = Text("legend: ")
    for kind, style in HIGHLIGHT_STYLES.items():
        legend.append(kind, style=style)
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
