"""The partnership report of two countries (text, markdown, HTML, JSON) and partner ranking.

The cooperation index sums, per calendar quarter, weights by event type in the spirit
of the Goldstein (1992) conflict-cooperation scale, where verbal cooperation scores
below material cooperation:

- a meeting: +2.0; +1.0 more when it is a named mechanism (dialogue, ministerial,
  summit); +1.0 more when a head of state or government takes part (at most +4.0);
- a commitment, in the quarter it was made: reaffirmed +3.0, planned +3.0, agreed
  +4.0, pledged +4.0, decided +5.0; +1.0 more when it has a deadline (at most +6.0);
- a commitment fulfilled: +7.0 in the quarter it was delivered;
- a commitment overdue: -1.0 in the quarter its deadline passed.

Only what is known by the as-of date counts. The index measures documented activity,
not its importance: a quarter with no documents scores 0.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from accord.kb import AgreementInfo, KnowledgeBase, load_kb
from accord.store import tracking_queries as tq
from accord.store.tracking_queries import StoredEvent
from accord.tracking.ledger import DUE_SOON_DAYS, STATUSES, LedgerEntry, ledger_of

__all__ = [
    "INDEX_METHOD",
    "REPORT_FORMATS",
    "PartnerScore",
    "PartnershipReport",
    "build_report",
    "rank_partners",
    "render_report",
]

REPORT_FORMATS: tuple[str, ...] = ("text", "markdown", "html", "json")
INDEX_METHOD = (
    "Cooperation index per quarter (Goldstein-like weights): meeting +2.0, +1.0 for a named "
    "mechanism, +1.0 with a head of state or government (max +4.0); commitment made: "
    "reaffirmed/planned +3.0, agreed/pledged +4.0, decided +5.0, +1.0 with a deadline "
    "(max +6.0); commitment fulfilled +7.0 (quarter delivered); overdue -1.0 (quarter the "
    "deadline passed). Only reports known by the as-of date count."
)
MODALITY_WEIGHTS = {
    "reaffirmed": 3.0,
    "planned": 3.0,
    "agreed": 4.0,
    "pledged": 4.0,
    "decided": 5.0,
}
FULFILLED_WEIGHT = 7.0
OVERDUE_WEIGHT = -1.0
_LEADER_TITLES = ("president", "prime minister", "chancellor", "king", "emperor")
# Partner ranking: an event's weight halves every year before the as-of date.
RECENCY_HALF_LIFE_DAYS = 365


@dataclass(frozen=True, slots=True)
class PartnershipReport:
    a: str
    b: str
    as_of: dt.date
    meetings: tuple[StoredEvent, ...]
    mechanisms: tuple[tuple[str, tuple[dt.date, ...]], ...]
    areas_by_year: dict[str, dict[str, int]]
    ledger: tuple[LedgerEntry, ...]
    forums: tuple[tuple[str, int], ...]
    agreements: tuple[AgreementInfo, ...]
    index: tuple[tuple[str, float], ...]

    def to_dict(self) -> dict[str, Any]:
        def day(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "parties": [self.a, self.b],
            "as_of": self.as_of.isoformat(),
            "meetings": [
                {
                    "id": m.id,
                    "date": day(m.date),
                    "city": m.city,
                    "country": m.country,
                    "mechanism": m.mechanism,
                    "participants": m.details.get("participants", []),
                    "conflicts": m.details.get("conflicts", []),
                    "sources": m.details.get("sources", []),
                }
                for m in self.meetings
            ],
            "mechanisms": [
                {"name": n, "met": [day(d) for d in dates]} for n, dates in self.mechanisms
            ],
            "areas_by_year": self.areas_by_year,
            "ledger": [
                {
                    "id": e.event.id,
                    "status": e.status,
                    "computed_status": e.computed,
                    "late": e.late,
                    "text": e.event.text,
                    "made": day(e.made),
                    "deadline": day(e.deadline),
                    "sources": len(e.event.sources),
                    "evidence": [
                        {
                            "reason": v.reason,
                            "document_id": v.document_id,
                            "text": v.text,
                            "date": day(v.date),
                            "url": v.url,
                        }
                        for v in e.evidence
                    ],
                }
                for e in self.ledger
            ],
            "forums": [{"id": f, "documents": n} for f, n in self.forums],
            "agreements": [
                {
                    "name": g.name,
                    "short": g.short,
                    "signed": day(g.signed),
                    "in_force": day(g.in_force),
                    "announced": day(g.announced),
                }
                for g in self.agreements
            ],
            "cooperation_index": {
                "method": INDEX_METHOD,
                "quarters": [{"quarter": q, "score": s} for q, s in self.index],
            },
        }


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _known(event: StoredEvent, as_of: dt.date) -> bool:
    return any((s["published"] or s["date"] or as_of) <= as_of for s in event.sources)


def meeting_weight(event: StoredEvent) -> float:
    """A meeting's weight in the cooperation index (see the module docstring)."""
    weight = 2.0
    if event.mechanism:
        weight += 1.0
    titles = [(p.get("title") or "").lower() for p in event.details.get("participants", [])]
    if any(t.startswith(_LEADER_TITLES) for t in titles):
        weight += 1.0
    return weight


def commitment_weight(event: StoredEvent) -> float:
    """A commitment's weight in the cooperation index (see the module docstring)."""
    return MODALITY_WEIGHTS.get(event.modality or "", 3.0) + (1.0 if event.deadline else 0.0)


def _index(
    meetings: list[StoredEvent], ledger: list[LedgerEntry], as_of: dt.date
) -> tuple[tuple[str, float], ...]:
    scores: dict[str, float] = defaultdict(float)
    for m in meetings:
        if m.date:
            scores[_quarter(m.date)] += meeting_weight(m)
    for e in ledger:
        if e.made:
            scores[_quarter(e.made)] += commitment_weight(e.event)
        if e.status == "fulfilled":
            delivered = next((v.date for v in reversed(e.evidence) if v.date), e.made)
            if delivered:
                scores[_quarter(delivered)] += FULFILLED_WEIGHT
        elif e.status == "overdue" and e.deadline and e.deadline <= as_of:
            scores[_quarter(e.deadline)] += OVERDUE_WEIGHT
    if not scores:
        return ()
    first, last = min(scores), max(scores)
    scores = dict(scores)
    out, year, q = [], int(first[:4]), int(first[-1])
    while f"{year}-Q{q}" <= last:
        out.append((f"{year}-Q{q}", round(scores.get(f"{year}-Q{q}", 0.0), 2)))
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return tuple(out)


def build_report(
    session: Session,
    *,
    a: str,
    b: str,
    as_of: dt.date | None = None,
    due_soon_days: int = DUE_SOON_DAYS,
    kb: KnowledgeBase | None = None,
) -> PartnershipReport:
    """Gather the partnership record of `a` and `b` (iso3) as known on `as_of` (today)."""
    a, b = a.strip().upper(), b.strip().upper()
    as_of = as_of or dt.date.today()
    kb = kb or load_kb()
    return _gather(session, a=a, b=b, as_of=as_of, due_soon_days=due_soon_days, kb=kb)


def _gather(
    session: Session, *, a: str, b: str, as_of: dt.date, due_soon_days: int, kb: KnowledgeBase
) -> PartnershipReport:
    events = [e for e in tq.events_with(session, parties=[a, b]) if _known(e, as_of)]
    meetings = [e for e in events if e.kind == "meeting" and (e.date is None or e.date <= as_of)]
    meetings.sort(key=lambda e: (e.date or dt.date.max, e.id))
    keys = [k for e in events if e.kind == "commitment" for k in e.source_keys]
    ledger = ledger_of(
        events,
        as_of=as_of,
        due_soon_days=due_soon_days,
        overrides=tq.overrides_for(session, source_keys=keys),
    )
    ledger.sort(key=lambda e: (STATUSES.index(e.status), e.deadline or dt.date.max, e.event.id))
    mechanisms: dict[str, list[dt.date]] = {}
    for m in meetings:
        if m.mechanism and m.date:
            mechanisms.setdefault(m.mechanism, []).append(m.date)
    documents = sorted({d for e in events for d in e.document_ids})
    areas: dict[str, Counter[str]] = {}
    for _, published, area in tq.document_areas(session, document_ids=documents):
        if published is None or published <= as_of:
            year = str(published.year) if published else "undated"
            areas.setdefault(year, Counter())[area] += 1
    forums = Counter(
        {k: len(v) for k, v in tq.document_organizations(session, document_ids=documents).items()}
    )
    for e in ledger:
        for forum in e.event.details.get("forums", []):
            forums.setdefault(forum, 1)
    agreements = tuple(
        sorted(
            (
                g
                for g in kb.agreements.values()
                if {a, b} <= set(g.parties)
                # An agreement with no recorded date is not known to be in force.
                and (g.in_force or g.announced or g.signed or dt.date.max) <= as_of
                and (g.in_force is None or g.in_force <= as_of)
            ),
            key=lambda g: (g.in_force or g.announced or g.signed or dt.date.max, g.name),
        )
    )
    return PartnershipReport(
        a=a,
        b=b,
        as_of=as_of,
        meetings=tuple(meetings),
        mechanisms=tuple(
            (n, tuple(sorted(d))) for n, d in sorted(mechanisms.items(), key=lambda kv: min(kv[1]))
        ),
        areas_by_year={y: dict(c.most_common()) for y, c in sorted(areas.items())},
        ledger=tuple(ledger),
        forums=tuple(sorted(forums.items(), key=lambda kv: (-kv[1], kv[0]))),
        agreements=agreements,
        index=_index(meetings, ledger, as_of),
    )


# --- partners ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartnerScore:
    partner: str
    score: float
    meetings: int
    commitments: int
    last: dt.date | None


def rank_partners(
    session: Session, *, country: str, as_of: dt.date | None = None, limit: int = 20
) -> list[PartnerScore]:
    """`country`'s partners by documented activity: meetings and commitments with it,
    weighted as in the cooperation index and halved for every year before `as_of`."""
    country = country.strip().upper()
    as_of = as_of or dt.date.today()
    tally: dict[str, list[Any]] = {}
    for kind, day, parties, modality in tq.party_activity(session, party=country):
        if day is not None and day > as_of:
            continue
        weight = 3.0 if kind == "meeting" else MODALITY_WEIGHTS.get(modality or "", 3.0)
        if day is not None:
            weight *= math.pow(0.5, (as_of - day).days / RECENCY_HALF_LIFE_DAYS)
        for partner in parties.split("|"):
            if partner == country:
                continue
            row = tally.setdefault(partner, [0.0, 0, 0, None])
            row[0] += weight
            row[1 if kind == "meeting" else 2] += 1
            if day and (row[3] is None or day > row[3]):
                row[3] = day
    ranked = [PartnerScore(p, round(s, 3), m, c, last) for p, (s, m, c, last) in tally.items()]
    ranked.sort(key=lambda r: (-r.score, r.partner))
    return ranked[:limit]


# --- rendering --------------------------------------------------------------------------


def _sources_line(event: StoredEvent) -> str:
    parts = []
    for s in event.details.get("sources", []):
        label = s.get("publisher") or s.get("title") or s["document_id"][:12]
        parts.append(f"{label} ({s['document_id'][:12]}{', ' + s['url'] if s.get('url') else ''})")
    return "; ".join(parts)


def _participants(event: StoredEvent) -> str:
    return ", ".join(
        f"{p['name']} ({p.get('title') or '?'})" for p in event.details.get("participants", [])
    )


def _conflicts(event: StoredEvent) -> list[str]:
    return [
        f"{c['field']}: "
        + " | ".join(
            f"{v['value']} [{', '.join(d[:12] for d in v['documents'])}]" for v in c["values"]
        )
        for c in event.details.get("conflicts", [])
    ]


def _status_label(e: LedgerEntry) -> str:
    label = e.status + (" (late)" if e.late else "")
    if e.override is not None and e.override.status != e.computed:
        label += f" (override; computed {e.computed})"
    return label


def _render_text(r: PartnershipReport, *, markdown: bool) -> str:
    h1 = (lambda t: f"# {t}") if markdown else (lambda t: f"{t}\n{'=' * len(t)}")
    h2 = (lambda t: f"\n## {t}") if markdown else (lambda t: f"\n{t}\n{'-' * len(t)}")
    bullet = "- " if markdown else "  "
    out = [h1(f"Partnership report: {r.a} - {r.b} (as of {r.as_of.isoformat()})")]
    out.append(h2(f"Meetings ({len(r.meetings)})"))
    for m in r.meetings:
        place = ", ".join(x for x in (m.city, m.country) if x) or "no place given"
        mech = f" [{m.mechanism}]" if m.mechanism else ""
        out.append(f"{bullet}{m.date or 'undated'}  {place}{mech}  #{m.id}")
        if m.details.get("participants"):
            out.append(f"{bullet}    with: {_participants(m)}")
        out.append(f"{bullet}    sources ({len(m.sources)}): {_sources_line(m)}")
        for c in _conflicts(m):
            out.append(f"{bullet}    sources differ on {c}")
    out.append(h2("Named mechanisms"))
    for name, dates in r.mechanisms:
        out.append(f"{bullet}{name}: met {', '.join(d.isoformat() for d in dates)}")
    if not r.mechanisms:
        out.append(f"{bullet}none recorded")
    out.append(h2("Areas of cooperation by year (documents naming each)"))
    for year, areas in r.areas_by_year.items():
        out.append(f"{bullet}{year}: " + ", ".join(f"{a} {n}" for a, n in areas.items()))
    out.append(h2("Commitment ledger"))
    for status in STATUSES:
        entries = [e for e in r.ledger if e.status == status]
        if not entries:
            continue
        out.append(f"\n{'### ' if markdown else ''}{status} ({len(entries)})")
        for e in entries:
            deadline = f" deadline {e.deadline.isoformat()}" if e.deadline else ""
            made = e.made.isoformat() if e.made else "undated"
            out.append(
                f"{bullet}#{e.event.id} [{_status_label(e)}] made {made}{deadline}: {e.event.text}"
            )
            for v in e.evidence[1:]:
                where = f" ({v.document_id[:12]})" if v.document_id else ""
                said = f": {v.text}" if v.text and v.text != v.reason else ""
                out.append(f"{bullet}    {v.reason}{where}{said}")
    out.append(h2("Forums both sides name"))
    out.append(bullet + (", ".join(f"{f} ({n})" for f, n in r.forums) or "none recorded"))
    out.append(h2("Agreements in force"))
    for g in r.agreements:
        known = ", ".join(
            f"{k.replace('_', ' ')} {getattr(g, k).isoformat()}"
            for k in ("signed", "in_force", "announced")
            if getattr(g, k)
        )
        out.append(
            f"{bullet}{g.name}{f' ({g.short})' if g.short else ''}: {known or 'dates not recorded'}"
        )
    out.append(h2("Cooperation index by quarter"))
    for q, s in r.index:
        bar = "#" * max(0, round(s))
        out.append(f"{bullet}{q}  {s:6.1f}  {bar}")
    out.append(f"\n{INDEX_METHOD}")
    return "\n".join(out) + "\n"


def _svg_index(index: tuple[tuple[str, float], ...]) -> str:
    if not index:
        return "<p>No dated events.</p>"
    width, height, pad = max(320, 26 * len(index) + 60), 220, 30
    top = max(1.0, max(s for _, s in index))
    bottom = min(0.0, min(s for _, s in index))
    scale = (height - 2 * pad) / (top - bottom)
    zero = height - pad + bottom * scale
    bars = []
    for i, (q, s) in enumerate(index):
        x = 50 + i * 26
        y, h = (zero - s * scale, s * scale) if s >= 0 else (zero, -s * scale)
        fill = "#2b7a4b" if s >= 0 else "#b03a2e"
        bars.append(
            f'<rect x="{x}" y="{y:.1f}" width="20" height="{h:.1f}" fill="{fill}">'
            f"<title>{q}: {s}</title></rect>"
        )
        if i % 2 == 0:
            bars.append(f'<text x="{x}" y="{height - 8}" font-size="9">{html.escape(q)}</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="Cooperation index by quarter">'
        f'<line x1="45" y1="{zero:.1f}" x2="{width}" y2="{zero:.1f}" stroke="#444"/>'
        f'<text x="2" y="{pad}" font-size="10">{top:.0f}</text>' + "".join(bars) + "</svg>"
    )


def _svg_timeline(meetings: tuple[StoredEvent, ...]) -> str:
    dated = [m for m in meetings if m.date]
    if not dated:
        return ""
    start, end = dated[0].date, dated[-1].date
    assert start is not None and end is not None
    span = max(1, (end - start).days)
    width = 720
    dots = []
    for m in dated:
        assert m.date is not None
        x = 20 + (m.date - start).days / span * (width - 40)
        r = 4 + min(6, len(m.sources))
        label = html.escape(
            f"{m.date} {m.city or ''} {m.mechanism or ''} ({len(m.sources)} sources)"
        )
        dots.append(
            f'<circle cx="{x:.1f}" cy="40" r="{r}" fill="#1f5f99" opacity="0.7">'
            f"<title>{label}</title></circle>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="80" role="img" '
        f'aria-label="Meetings over time"><line x1="20" y1="40" x2="{width - 20}" y2="40" '
        f'stroke="#999"/>{"".join(dots)}<text x="20" y="75" font-size="10">{start}</text>'
        f'<text x="{width - 90}" y="75" font-size="10">{end}</text></svg>'
    )


def _render_html(r: PartnershipReport) -> str:
    e = html.escape
    body = [f"<h1>Partnership report: {e(r.a)} &ndash; {e(r.b)}</h1>", f"<p>As of {r.as_of}</p>"]
    body.append("<h2>Meetings</h2>" + _svg_timeline(r.meetings))
    rows = []
    for m in r.meetings:
        conflicts = "".join(
            f"<div class='conflict'>sources differ on {e(c)}</div>" for c in _conflicts(m)
        )
        rows.append(
            f"<tr><td>{m.date or ''}</td><td>{e(m.city or '')}</td><td>{e(m.mechanism or '')}</td>"
            f"<td>{e(_participants(m))}{conflicts}</td><td>{e(_sources_line(m))}</td></tr>"
        )
    body.append(
        "<table><tr><th>Date</th><th>Place</th><th>Mechanism</th><th>Participants</th>"
        "<th>Sources</th></tr>" + "".join(rows) + "</table>"
    )
    body.append("<h2>Named mechanisms</h2><ul>")
    body += [f"<li>{e(n)}: {', '.join(str(d) for d in ds)}</li>" for n, ds in r.mechanisms]
    body.append("</ul><h2>Areas of cooperation by year</h2><ul>")
    body += [
        f"<li>{y}: {e(', '.join(f'{a} {n}' for a, n in areas.items()))}</li>"
        for y, areas in r.areas_by_year.items()
    ]
    body.append("</ul><h2>Commitment ledger</h2>")
    for status in STATUSES:
        entries = [x for x in r.ledger if x.status == status]
        if not entries:
            continue
        body.append(f"<h3>{status} ({len(entries)})</h3><ul>")
        for x in entries:
            evidence = "".join(
                f"<li>{e(v.reason)}{f' ({e(v.document_id[:12])})' if v.document_id else ''}</li>"
                for v in x.evidence[1:]
            )
            body.append(
                f"<li><b>#{x.event.id}</b> [{e(_status_label(x))}] made {x.made or ''}"
                f"{' deadline ' + str(x.deadline) if x.deadline else ''}: {e(x.event.text)}"
                f"<ul>{evidence}</ul></li>"
            )
        body.append("</ul>")
    body.append(
        "<h2>Forums both sides name</h2><p>"
        + e(", ".join(f"{f} ({n})" for f, n in r.forums))
        + "</p>"
    )
    body.append("<h2>Agreements in force</h2><ul>")
    body += [f"<li>{e(g.name)} {g.signed or ''} / {g.in_force or ''}</li>" for g in r.agreements]
    body.append("</ul><h2>Cooperation index by quarter</h2>" + _svg_index(r.index))
    body.append(f"<p class='method'>{e(INDEX_METHOD)}</p>")
    style = (
        "body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:4px;"
        "vertical-align:top}.conflict{color:#b03a2e}.method{font-size:.85em;color:#555}"
    )
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>Accord: {e(r.a)}-{e(r.b)}</title><style>{style}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )


def render_report(report: PartnershipReport, *, output_format: str = "text") -> str:
    """The report as text, markdown, a self-contained HTML page, or JSON."""
    if output_format == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if output_format == "html":
        return _render_html(report)
    if output_format in ("text", "markdown"):
        return _render_text(report, markdown=output_format == "markdown")
    raise ValueError(f"format must be one of {REPORT_FORMATS}, not {output_format!r}")
