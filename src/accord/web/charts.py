"""Plotly figure specs (plain JSON) for the dashboard's charts: built here, drawn in the
browser by the plotly.js file the plotly package ships, served from this server."""

from __future__ import annotations

from typing import Any

from accord.api.queries import PairSummary
from accord.report import PartnershipReport

__all__ = ["areas_chart", "index_chart", "pairs_chart", "timeline_chart"]

_FONT = {"family": "system-ui, sans-serif", "size": 13}
_POSITIVE, _NEGATIVE = "#2b7a4b", "#b03a2e"


def _layout(title: str, x_title: str, y_title: str, **extra: Any) -> dict[str, Any]:
    return {
        "title": {"text": title},
        "font": _FONT,
        "xaxis": {"title": {"text": x_title}, "automargin": True},
        "yaxis": {"title": {"text": y_title}, "automargin": True},
        "margin": {"l": 60, "r": 20, "t": 50, "b": 60},
        "legend": {"orientation": "h", "y": -0.25},
        "height": 340,
        **extra,
    }


def timeline_chart(
    report: PartnershipReport, *, page_size: int | None = None
) -> dict[str, Any] | None:
    """Meetings over time, one row per named mechanism (others together); a marker's size
    grows with the number of sources reporting the meeting. Clicking one goes to its row
    of the meetings table, on its page when the table shows `page_size` at a time."""
    rows: dict[str, list[Any]] = {}
    for i, m in enumerate(report.meetings):
        if not m.date:
            continue
        name = m.mechanism or "other meetings"
        place = ", ".join(x for x in (m.city, m.country) if x) or "no place given"
        page = f"?meetings_page={i // page_size + 1}" if page_size else ""
        rows.setdefault(name, []).append((m.date.isoformat(), place, len(m.sources), m.id, page))
    if not rows:
        return None
    data = [
        {
            "type": "scatter",
            "mode": "markers",
            "name": name,
            "x": [p[0] for p in points],
            "y": [name] * len(points),
            "text": [f"{p[1]} · {p[2]} source(s)" for p in points],
            "customdata": [
                f"/partnerships/{report.a}/{report.b}{p[4]}#meeting-{p[3]}" for p in points
            ],
            "hovertemplate": "%{x}<br>%{y}<br>%{text}<extra></extra>",
            "marker": {"size": [8 + 3 * min(p[2], 6) for p in points], "opacity": 0.8},
        }
        for name, points in rows.items()
    ]
    layout = _layout("Meetings over time", "Date", "Mechanism", showlegend=False)
    layout["height"] = max(220, 90 + 40 * len(rows))
    layout["xaxis"]["type"] = "date"
    return {"data": data, "layout": layout}


def areas_chart(report: PartnershipReport, *, labels: dict[str, str]) -> dict[str, Any] | None:
    """Documents naming each area of cooperation, by year (stacked bars)."""
    years = list(report.areas_by_year)
    if not years:
        return None
    areas = sorted({a for counts in report.areas_by_year.values() for a in counts})
    data = [
        {
            "type": "bar",
            "name": labels.get(area, area),
            "x": years,
            "y": [report.areas_by_year[y].get(area, 0) for y in years],
        }
        for area in areas
    ]
    layout = _layout(
        "Areas of cooperation by year", "Year", "Documents naming the area", barmode="stack"
    )
    layout["xaxis"]["type"] = "category"
    layout["height"] = 420
    layout["legend"] = {"title": {"text": "Area"}}
    return {"data": data, "layout": layout}


def index_chart(report: PartnershipReport) -> dict[str, Any] | None:
    """The cooperation index per quarter, positive bars green and negative red."""
    if not report.index:
        return None
    data = [
        {
            "type": "bar",
            "name": "Cooperation index",
            "x": [q for q, _ in report.index],
            "y": [s for _, s in report.index],
            "marker": {"color": [_POSITIVE if s >= 0 else _NEGATIVE for _, s in report.index]},
            "hovertemplate": "%{x}: %{y}<extra></extra>",
        }
    ]
    layout = _layout("Cooperation index by quarter", "Quarter", "Index (weighted events)")
    layout["xaxis"]["type"] = "category"
    layout["showlegend"] = False
    return {"data": data, "layout": layout}


def pairs_chart(pairs: list[PairSummary], *, limit: int = 15) -> dict[str, Any] | None:
    """Who works with whom: recorded events per pair of countries, as a symmetric heat map."""
    top = pairs[:40]
    if not top:
        return None
    volume: dict[str, int] = {}
    for p in top:
        volume[p.a] = volume.get(p.a, 0) + p.total
        volume[p.b] = volume.get(p.b, 0) + p.total
    countries = sorted(volume, key=lambda c: (-volume[c], c))[:limit]
    index = {c: i for i, c in enumerate(countries)}
    z: list[list[int | None]] = [[None] * len(countries) for _ in countries]
    for p in top:
        if p.a in index and p.b in index:
            z[index[p.a]][index[p.b]] = z[index[p.b]][index[p.a]] = p.total
    data = [
        {
            "type": "heatmap",
            "x": countries,
            "y": countries,
            "z": z,
            "colorscale": "Blues",
            "reversescale": True,
            "xgap": 2,
            "ygap": 2,
            "hoverongaps": False,
            "colorbar": {"title": {"text": "Events"}},
            "hovertemplate": "%{y} – %{x}: %{z} events<extra></extra>",
        }
    ]
    layout = _layout("Who works with whom", "Country", "Country")
    layout["height"] = max(320, 60 + 32 * len(countries))
    layout["yaxis"]["autorange"] = "reversed"
    return {"data": data, "layout": layout}
