"""Rule handlers for `dates`: calendar arithmetic, what a rule finds, and each rule's reading.

The handlers turn one regex match into a `_Found` span resolved against the anchor; which
direction a year-less or weekday expression points (past or future) comes from the words
before it in its sentence (`direction`). The grammar that calls them lives in `dates.py`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from accord.records import DatePrecision

Prefer = Literal["past", "future"]

WINDOW = 48  # characters looked at before a candidate for its context words


def _key(phrase: str) -> str:
    """How a matched phrase is looked up in a vocabulary section."""
    return " ".join(phrase.split()).casefold()


# ---------------------------------------------------------------- calendar arithmetic


def _month_last(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    return _add_months(day, n * {"month": 1, "year": 12, "decade": 120}[unit])


def _quarter(year: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 3 * q - 2, 1), _month_last(year, 3 * q)


def _half(year: int, h: int) -> tuple[dt.date, dt.date]:
    return (
        (dt.date(year, 1, 1), dt.date(year, 6, 30))
        if h == 1
        else (
            dt.date(year, 7, 1),
            dt.date(year, 12, 31),
        )
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- what a rule finds


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    precision: DatePrecision
    first: dt.date | None
    last: dt.date | None
    kind: str = "other"  # "year"/"month" (whole periods a position word can narrow), "vague"
    month: int | None = None  # set with implied_year, so a range can lend its year
    day: int | None = None
    implied_year: bool = False


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    anchor: dt.date | None
    prefer: Prefer
    g: _Grammar
    force: bool = False  # the second end of "between X and Y": no context word needed


_Handler = Callable[[re.Match[str], _Ctx], "_Found | None"]


def _found(
    m: re.Match[str], precision: DatePrecision, span: tuple[Any, Any] | None, **kw: Any
) -> _Found:
    first, last = span if span is not None else (None, None)
    return _Found(m.start(), m.end(), precision, first, last, **kw)


@dataclass(frozen=True)
class _Grammar:
    v: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    folded: dict[str, dict[str, Any]]
    rules: tuple[_Rule, ...]
    forced: tuple[_Rule, ...]
    gate: re.Pattern[str]
    gate_rules: dict[str, tuple[int, ...]]
    context: re.Pattern[str]
    position_before: re.Pattern[str]
    prefix: re.Pattern[str]
    quantity_after: re.Pattern[str]

    def number(self, word: str | None) -> int | None:
        """A count in words or digits; None for a vague count ("few") or a missing one."""
        if word is None:
            return None
        if word.isdigit():
            return int(word)
        return self.folded["numbers"].get(_key(word))


# ---------------------------------------------------------------- handlers


def _implied_year(ctx: _Ctx, month: int, day: int | None) -> int | None:
    """The year of a month or day named without one (see the module docstring)."""
    a = ctx.anchor
    if a is None:
        return None
    if ctx.prefer == "future" and (month, day or 31) < (a.month, a.day if day else 31):
        return a.year + 1
    return a.year


def _month_of(ctx: _Ctx, name: str) -> int:
    name = name.rstrip(".")
    return ctx.g.months.get(name) or ctx.g.months[name.capitalize()]


def _day_date(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    month = _month_of(ctx, m["mon"])
    day = int(re.sub(r"\D", "", m["day"]))
    if m["year"]:
        d = _safe_date(int(m["year"]), month, day)
        return None if d is None else _found(m, "day", (d, d))
    year = _implied_year(ctx, month, day)
    if _safe_date(year or 2000, month, day) is None:  # Feb 30 is no date in any year
        return None
    d = None if year is None else _safe_date(year, month, day)
    return _found(m, "day", (d, d), month=month, day=day, implied_year=True)


def _iso(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    d = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    return None if d is None else _found(m, "day", (d, d))


def _numeric(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    a, b = int(m["a"]), int(m["b"])
    # Dotted dates are day.month (European); a slashed one is month/day only when the
    # day-first reading is impossible.
    day, month = (b, a) if m["sep"] == "/" and b > 12 else (a, b)
    d = _safe_date(int(m["year"]), month, day) if month <= 12 else None
    return None if d is None else _found(m, "day", (d, d))


def _day_range(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    month = _month_of(ctx, m["mon"])
    d1, d2 = (int(re.sub(r"\D", "", m[k])) for k in ("d1", "d2"))
    if d2 <= d1:
        return None
    year = int(m["year"]) if m["year"] else _implied_year(ctx, month, d1)
    if _safe_date(year or 2000, month, d2) is None:
        return None
    if year is None:
        return _found(m, "interval", None)
    return _found(m, "interval", (dt.date(year, month, d1), dt.date(year, month, d2)))


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    a = ctx.anchor
    if a is None:
        return _found(m, "day", None)
    wd = ctx.g.weekdays[m["wd"]]  # keyed as written and in capitals
    rel = _key(m["rel"] or "")
    if rel == "last" or "past" in rel:
        d = a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7)
    elif rel == "next":
        d = a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif ctx.prefer == "future" or "coming" in rel:
        d = a + dt.timedelta(days=(wd - a.weekday()) % 7)
    else:
        d = a - dt.timedelta(days=(a.weekday() - wd) % 7)
    return _found(m, "day", (d, d))


def _day_word(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if ctx.anchor is None:
        return _found(m, "day", None)
    d = ctx.anchor + dt.timedelta(days=ctx.g.folded["day_words"][_key(m["w"])])
    return _found(m, "day", (d, d))


def _period_of(unit: str, a: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    """The week, month, quarter or year `offset` periods from the one holding `a`."""
    if unit == "week":
        monday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        first = _add_months(a.replace(day=1), offset)
        return first, _month_last(first.year, first.month)
    if unit == "quarter":
        q0 = (a.year * 4 + (a.month - 1) // 3) + offset
        return _quarter(q0 // 4, q0 % 4 + 1)
    return dt.date(a.year + offset, 1, 1), dt.date(a.year + offset, 12, 31)


_UNIT_PRECISION: dict[str, DatePrecision] = {
    "week": "interval",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}


def _unit_rel(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    unit = m["unit"].casefold()
    weekend = bool(m["wkend"])
    if weekend and unit != "week":
        return None
    precision = "interval" if weekend else _UNIT_PRECISION[unit]
    kind = unit if unit in ("year", "month") and not m["part"] else "other"
    a = ctx.anchor
    if a is None:
        return _found(m, precision, None, kind=kind)
    if m["part"]:
        first, last = _period_of(unit, a, 0)
        side = ctx.g.folded["current_parts"][_key(m["part"])]
        return _found(m, precision, (a, last) if side == "after" else (first, a), kind=kind)
    first, last = _period_of(unit, a, ctx.g.folded["relative_periods"][_key(m["rel"])])
    if weekend:
        first = first + dt.timedelta(days=5)
    return _found(m, precision, (first, last), kind=kind)


def _the_unit(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    # "the year" / "the month" is a period only inside "the end of the year" and the like.
    if not ctx.g.position_before.search(ctx.text, max(0, m.start() - WINDOW), m.start()):
        return None
    unit = m["unit"].casefold()
    span = None if ctx.anchor is None else _period_of(unit, ctx.anchor, 0)
    return _found(
        m, _UNIT_PRECISION[unit], span, kind=unit if unit in ("year", "month") else "other"
    )


def _year_end(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    span = None if ctx.anchor is None else _period_of("year", ctx.anchor, 0)
    return _found(m, "year", span, kind="year")


def _month_year(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    month, year = _month_of(ctx, m["mon"]), int(m["year"])
    return _found(m, "month", (dt.date(year, month, 1), _month_last(year, month)), kind="month")


def _rel_month_name(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    month = ctx.g.months[m["mon"]]
    a = ctx.anchor
    if a is None:
        return _found(m, "month", None, kind="month")
    rel = _key(m["rel"])
    year = a.year
    if rel == "last" and month >= a.month:
        year -= 1
    elif rel != "last" and rel != "this" and month <= a.month:
        year += 1
    return _found(m, "month", (dt.date(year, month, 1), _month_last(year, month)), kind="month")


def _has_context(m: re.Match[str], ctx: _Ctx) -> bool:
    return ctx.force or bool(ctx.g.context.search(ctx.text, max(0, m.start() - WINDOW), m.start()))


def _bare_month(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if not _has_context(m, ctx):
        return None
    month = ctx.g.months[m["mon"]]
    year = _implied_year(ctx, month, None)
    span = None if year is None else (dt.date(year, month, 1), _month_last(year, month))
    return _found(m, "month", span, kind="month", month=month, implied_year=True)


def _bare_year(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if (
        m.start() > 0
        and ctx.text[m.start() - 1] == "-"
        and not _MID_HYPHEN.search(ctx.text, max(0, m.start() - 4), m.start())
    ):
        return None
    if not _has_context(m, ctx) or ctx.g.quantity_after.match(ctx.text, m.end()):
        return None
    year = int(m["year"])
    return _found(m, "year", (dt.date(year, 1, 1), dt.date(year, 12, 31)), kind="year")


def _year_range(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    y1, raw = int(m["y1"]), m["y2"]
    y2 = int(raw) if len(raw) == 4 else y1 - y1 % 100 + int(raw)
    if y2 <= y1 or ctx.g.quantity_after.match(ctx.text, m.end()):
        return None
    return _found(m, "interval", (dt.date(y1, 1, 1), dt.date(y2, 12, 31)))


def _decade(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    start = int(m["dec"])
    return _found(m, "interval", (dt.date(start, 1, 1), dt.date(start + 9, 12, 31)))


def _yref_year(m: re.Match[str], ctx: _Ctx) -> tuple[bool, int | None]:
    """(present, year) of the optional "of 2026 / of next year / of the year" part."""
    if m["ry"]:
        return True, int(m["ry"])
    if m["rrel"] or m["rthe"]:
        if ctx.anchor is None:
            return True, None
        offset = ctx.g.folded["relative_periods"][_key(m["rrel"])] if m["rrel"] else 0
        return True, ctx.anchor.year + offset
    return False, None


def _ordinal_period(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    present, year = _yref_year(m, ctx)
    if not present:
        # "the second half of the century": an "of" we cannot read is not the current year.
        if re.match(r"\s+of\s", ctx.text[m.end() : m.end() + 5], re.IGNORECASE):
            return None
        if _key(m["ord"]) in ("last", "final", "former", "latter"):
            return None
        year = None if ctx.anchor is None else ctx.anchor.year
    is_quarter = m["unit"].casefold() == "quarter"
    n = ctx.g.folded["quarter_ordinals" if is_quarter else "half_ordinals"][_key(m["ord"])]
    span = None if year is None else (_quarter(year, n) if is_quarter else _half(year, n))
    return _found(m, "quarter" if is_quarter else "half", span)


def _q_or_h(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    year = int(m["year"]) if m["year"] else (ctx.anchor.year if ctx.anchor else None)
    if "q" in m.re.groupindex:
        span = None if year is None else _quarter(year, int(m["q"]))
        return _found(m, "quarter", span)
    span = None if year is None else _half(year, int(m["h"]))
    return _found(m, "half", span)


def _duration(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    unit = m["unit"].casefold()
    if m["num"] is None:
        if m["pl"]:  # "the coming months": how many is not said
            return _found(m, "vague", None, kind="vague")
        n = 1
    else:
        count = ctx.g.number(m["num"])
        if count is None:
            return _found(m, "vague", None, kind="vague")
        n = count
    direction = m.groupdict().get("dir")
    forward = direction is None or ctx.g.folded["duration_directions"][_key(direction)] == "forward"
    if ctx.anchor is None:
        return _found(m, "interval", None)
    a = ctx.anchor
    span = (a, _shift(a, unit, n)) if forward else (_shift(a, unit, -n), a)
    return _found(m, "interval", span)


_AGO_PRECISION: dict[str, DatePrecision] = {"day": "day", "month": "month", "year": "year"}


def _ago(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    unit = m["unit"].casefold()
    n = ctx.g.number(m["num"])
    if n is None:
        return _found(m, "vague", None, kind="vague")
    precision = _AGO_PRECISION.get(unit, "interval")
    if ctx.anchor is None:
        return _found(m, precision, None)
    d = _shift(ctx.anchor, unit, -n)
    if unit == "day":
        return _found(m, "day", (d, d))
    if unit in ("month", "year"):
        return _found(m, precision, _period_of(unit, d, 0))
    return _found(m, "interval", _period_of("week", d, 0) if unit == "week" else (d, d))


def _season(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    name = m["season"].casefold()
    if not m["rel"] and not m["year"] and (name == "fall" or not _has_context(m, ctx)):
        return None
    if m["year"]:
        year: int | None = int(m["year"])
    elif ctx.anchor is None:
        year = None
    else:
        year = ctx.anchor.year + (
            ctx.g.folded["relative_periods"][_key(m["rel"])] if m["rel"] else 0
        )
    if year is None:
        return _found(m, "interval", None)
    first_month, last_month = ctx.g.v["seasons"][name]
    last_year = year + 1 if last_month < first_month else year
    return _found(
        m, "interval", (dt.date(year, first_month, 1), _month_last(last_year, last_month))
    )


def _vague(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    return _found(m, "vague", None, kind="vague")


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: _Handler
    lower: bool  # matched against a lowercased copy of the text (no capitalized word in it)
    gate: tuple[str, ...]  # lowercase words every match contains; it runs only around them
    not_after: str  # characters that may not come just before a match (word characters never)


_ASCII_LOWER = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
)  # length-preserving, unlike str.lower(), so offsets stay valid

