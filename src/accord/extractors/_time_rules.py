"""Rule handlers for `dates`: calendar arithmetic, what a rule finds, and each rule's reading.

The handlers turn one regex match into a `Found` span resolved against the anchor; which
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
_MID_HYPHEN = re.compile(r"(?i:(?<!\w)mid-)\Z")


def phrase_key(phrase: str) -> str:
    """How a matched phrase is looked up in a vocabulary section."""
    return " ".join(phrase.split()).casefold()


# ---------------------------------------------------------------- calendar arithmetic


def month_last(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    return add_months(day, n * {"month": 1, "year": 12, "decade": 120}[unit])


def quarter(year: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 3 * q - 2, 1), month_last(year, 3 * q)


def half(year: int, h: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, 1 if h == 1 else 7, 1)
    return first, month_last(year, first.month + 5)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- what a rule finds


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    precision: DatePrecision
    first: dt.date | None
    last: dt.date | None
    kind: str = "other"  # "year"/"month" (whole periods a position word can narrow), "vague"
    month: int | None = None  # set with implied_year, so a range can lend its year
    day: int | None = None
    implied_year: bool = False
    shift: int = 0  # kind "sequel": days from the day-precision date written before it


@dataclass(frozen=True, slots=True)
class Ctx:
    text: str
    anchor: dt.date | None
    prefer: Prefer
    g: Grammar
    force: bool = False  # the second end of "between X and Y": no context word needed


Handler = Callable[[re.Match[str], Ctx], "Found | None"]


def found(
    m: re.Match[str], precision: DatePrecision, span: tuple[Any, Any] | None, **kw: Any
) -> Found:
    first, last = span if span is not None else (None, None)
    return Found(m.start(), m.end(), precision, first, last, **kw)


@dataclass(frozen=True)
class Grammar:
    v: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    folded: dict[str, dict[str, Any]]
    rules: tuple[Rule, ...]
    forced: tuple[Rule, ...]
    gate: re.Pattern[str]
    gate_rules: dict[str, tuple[int, ...]]
    context: re.Pattern[str]
    position_before: re.Pattern[str]
    prefix: re.Pattern[str]
    quantity_after: re.Pattern[str]
    tense: re.Pattern[str]  # future_cues (group f), past_cues (p), any -ed word (ed)
    not_past_ed: frozenset[str]

    def number(self, word: str | None) -> int | None:
        """A count in words or digits; None for a vague count ("few") or a missing one."""
        if word is None:
            return None
        if word.isdigit():
            return int(word)
        return self.folded["numbers"].get(phrase_key(word))


# ---------------------------------------------------------------- tense of the clause

# A sentence ends at . ! ? or ; before a space (not after a capital: "U.S. officials"),
# or at a line break.
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?;][\"'”’)\]]*\s+|\n")
_CLAUSE = 240  # characters looked back for the sentence start


_PASSIVE = re.compile(r"(?<!\w)(?:be|being)\s+(?:\w+ly\s+)?\Z")
_PAST_AUX = re.compile(r"(?<!\w)(?:was|were|had(?:\s+been)?)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
_INFINITIVE = re.compile(r"(?<!\w)to\s+\Z", re.IGNORECASE)
# "the match is on Sunday": a present "is" right before the expression schedules it.
_COPULA = re.compile(r"(?<!\w)(?:is|are)\s+(?:(?:on|in|for|from)\s+)?\Z", re.IGNORECASE)


def _cue(ctx: Ctx, m: re.Match[str], written: str) -> Prefer | None:
    """The tense a cue word gives; `written` is the text `m` ran over, as written."""
    if m["f"] or m["ll"]:
        if written[m.start() : m.end()] == "May":  # the month, not the modal
            return None
        if " " not in m[0] and _INFINITIVE.search(written, 0, m.start()):
            return None  # "flew to Paris to meet him": the verb after "to" has no tense
        # "had been due to visit", "was set to": a plan seen from the past.
        return "past" if _PAST_AUX.search(written, 0, m.start()) else "future"
    if m["p"] or (m["ed"] and m["ed"] not in ctx.g.not_past_ed):
        # "will be held": a participle after "be" takes its tense from the auxiliary.
        return None if _PASSIVE.search(written, 0, m.start()) else "past"
    return None


# Idioms whose words look like verbs of tense: "met face to face" ("face" as in "who face
# Costa Rica on Sunday").
_IDIOMS = re.compile(r"(?<!\w)face[ -]to[ -]face(?!\w)")


def _tense_words(written: str) -> str:
    """`written` lower-cased for the tense cues, its idioms blanked (offsets kept)."""
    return _IDIOMS.sub(lambda m: " " * len(m[0]), written.translate(ASCII_LOWER))


def direction(ctx: Ctx, start: int, end: int) -> Prefer:
    """Past or future for the expression at text[start:end]: its clause's tense, else the
    caller's `prefer`."""
    return tense(ctx, start, end) or ctx.prefer


def tense(ctx: Ctx, start: int, end: int) -> Prefer | None:
    """The tense of the clause around text[start:end], None when no word tells.

    The nearest cue before it in its sentence decides ("said on Friday", "will meet on
    Friday"); with none before, the first one after it ("On Friday, they will meet").
    """
    text = ctx.text
    begin = max(0, start - _CLAUSE)
    for b in _SENTENCE_END.finditer(text, begin, start):
        begin = b.end()
    before = text[begin:start]
    if _COPULA.search(before):
        return "future"
    cues = [_cue(ctx, m, before) for m in ctx.g.tense.finditer(_tense_words(before))]
    if last := next((c for c in reversed(cues) if c), None):
        return last
    stop = _SENTENCE_END.search(text, end)
    after = text[end : stop.start() if stop else min(len(text), end + _CLAUSE)]
    for m in ctx.g.tense.finditer(_tense_words(after)):
        if c := _cue(ctx, m, after):
            return c
    return None


# ---------------------------------------------------------------- handlers


def implied_year(ctx: Ctx, m: re.Match[str], month: int, day: int | None) -> int | None:
    """The year of a month or day named without one: in the past, the latest year where it
    falls on or before the anchor; in the future, the earliest where it ends on or after it."""
    a = ctx.anchor
    if a is None:
        return None
    way = tense(ctx, m.start(), m.end()) or ("future" if _after_deadline(ctx, m) else ctx.prefer)
    if day is not None and way == "past":
        # A year is left out only for a day near the document date: the nearest one, in a
        # past clause no more than a month ahead (a subordinate "before a July 9 deadline"
        # is rarely a year back, "met on June 20" in January is).
        years = [y for y in (a.year - 1, a.year) if _distance(a, y, month, day) <= 31]
        return min(years or [a.year - 1, a.year], key=lambda y: abs(_distance(a, y, month, day)))
    if way == "future":
        return a.year + 1 if (month, day or 31) < (a.month, a.day if day else 31) else a.year
    return a.year - 1 if (month, day or 1) > (a.month, a.day if day else 31) else a.year


def _after_deadline(ctx: Ctx, m: re.Match[str]) -> bool:
    """ "by (the end of) June": a deadline looks ahead unless its clause says otherwise."""
    before = ctx.g.prefix.search(ctx.text, max(0, m.start() - WINDOW), m.start())
    return before is not None and before["dl"] is not None


def _distance(a: dt.date, year: int, month: int, day: int) -> int:
    """Days from the anchor to that day of `year` (Feb 29 counts as Feb 28)."""
    d = safe_date(year, month, day) or dt.date(year, month, 28)
    return (d - a).days


def month_of(ctx: Ctx, name: str) -> int:
    name = name.rstrip(".")
    return ctx.g.months.get(name) or ctx.g.months[name.capitalize()]


def day_date(m: re.Match[str], ctx: Ctx) -> Found | None:
    month = month_of(ctx, m["mon"])
    day = int(re.sub(r"\D", "", m["day"]))
    if m["year"]:
        d = safe_date(int(m["year"]), month, day)
        return None if d is None else found(m, "day", (d, d))
    year = implied_year(ctx, m, month, day)
    if safe_date(year or 2000, month, day) is None:  # Feb 30 is no date in any year
        return None
    d = None if year is None else safe_date(year, month, day)
    return found(m, "day", (d, d), month=month, day=day, implied_year=True)


def iso(m: re.Match[str], ctx: Ctx) -> Found | None:
    d = safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    return None if d is None else found(m, "day", (d, d))


def numeric(m: re.Match[str], ctx: Ctx) -> Found | None:
    a, b = int(m["a"]), int(m["b"])
    # Dotted dates are day.month (European); a slashed one is month/day only when the
    # day-first reading is impossible.
    day, month = (b, a) if m["sep"] == "/" and b > 12 else (a, b)
    d = safe_date(int(m["year"]), month, day) if month <= 12 else None
    return None if d is None else found(m, "day", (d, d))


def day_range(m: re.Match[str], ctx: Ctx) -> Found | None:
    month = month_of(ctx, m["mon"])
    d1, d2 = (int(re.sub(r"\D", "", m[k])) for k in ("d1", "d2"))
    if d2 <= d1:
        return None
    year = int(m["year"]) if m["year"] else implied_year(ctx, m, month, d1)
    if safe_date(year or 2000, month, d2) is None:
        return None
    if year is None:
        return found(m, "interval", None)
    return found(m, "interval", (dt.date(year, month, d1), dt.date(year, month, d2)))


def period_of(unit: str, a: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    """The week, month, quarter or year `offset` periods from the one holding `a`."""
    if unit == "week":
        monday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        first = add_months(a.replace(day=1), offset)
        return first, month_last(first.year, first.month)
    if unit == "quarter":
        q0 = (a.year * 4 + (a.month - 1) // 3) + offset
        return quarter(q0 // 4, q0 % 4 + 1)
    return dt.date(a.year + offset, 1, 1), dt.date(a.year + offset, 12, 31)


_PRECISIONS: tuple[DatePrecision, ...] = ("interval", "month", "quarter", "year")
UNIT_PRECISION = dict(zip(("week", "month", "quarter", "year"), _PRECISIONS, strict=True))


def unit_rel(m: re.Match[str], ctx: Ctx) -> Found | None:
    unit = m["unit"].casefold()
    weekend = bool(m["wkend"])
    if weekend and unit != "week":
        return None
    if re.match(r"\s+of\s", ctx.text[m.end() : m.end() + 4]):
        return None  # "the last quarter of an hour"; "the last quarter of 2024" is an ordinal
    # A part of the current period ("later this year") runs from or to the anchor: interval.
    precision = "interval" if weekend or m["part"] else UNIT_PRECISION[unit]
    kind = unit if unit in ("year", "month") and not m["part"] else "other"
    a = ctx.anchor
    if a is None:
        return found(m, precision, None, kind=kind)
    if m["part"]:
        first, last = period_of(unit, a, 0)
        side = ctx.g.folded["current_parts"][phrase_key(m["part"])]
        return found(m, precision, (a, last) if side == "after" else (first, a), kind=kind)
    first, last = period_of(unit, a, ctx.g.folded["relative_periods"][phrase_key(m["rel"])])
    if weekend:
        first = first + dt.timedelta(days=5)
    return found(m, precision, (first, last), kind=kind)


def the_unit(m: re.Match[str], ctx: Ctx) -> Found | None:
    # "the year" / "the month" is a period only inside "the end of the year" and the like.
    if not ctx.g.position_before.search(ctx.text, max(0, m.start() - WINDOW), m.start()):
        return None
    unit = m["unit"].casefold()
    span = None if ctx.anchor is None else period_of(unit, ctx.anchor, 0)
    return found(m, UNIT_PRECISION[unit], span, kind=unit if unit in ("year", "month") else "other")


def period_end(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "year-end", "year's end", "month's end": the current year or month."""
    unit = m["unit"]
    span = None if ctx.anchor is None else period_of(unit, ctx.anchor, 0)
    return found(m, UNIT_PRECISION[unit], span, kind=unit)


def new_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "the new year": the next year, or the anchor's own in January when it has just begun."""
    a = ctx.anchor
    if a is None:
        return found(m, "year", None, kind="year")
    year = a.year if a.month == 1 else a.year + 1
    return found(m, "year", (dt.date(year, 1, 1), dt.date(year, 12, 31)), kind="year")


def month_rel_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "February this year", "March of next year": that month of that year."""
    month = ctx.g.months[m["mon"]]
    if ctx.anchor is None:
        return found(m, "month", None, kind="month")
    year = ctx.anchor.year + ctx.g.folded["relative_periods"][phrase_key(m["rel"])]
    return found(m, "month", (dt.date(year, month, 1), month_last(year, month)), kind="month")


def month_quarter(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "the July-September quarter": a calendar quarter, or an interval when the three
    months are not one."""
    m1, m2 = ctx.g.months[m["m1"]], ctx.g.months[m["m2"]]
    if (m2 - m1) % 12 != 2:
        return None
    year = int(m["year"]) if m["year"] else implied_year(ctx, m, m1, None)
    if year is None:
        return found(m, "quarter" if m1 % 3 == 1 else "interval", None)
    last_year = year + 1 if m2 < m1 else year
    span = (dt.date(year, m1, 1), month_last(last_year, m2))
    return found(m, "quarter" if m1 % 3 == 1 else "interval", span)


_WEEKEND_BEFORE = re.compile(r"(?i:(?<!\w)(?:over|at|during|on|for|through|until)\s+)\Z")


def weekend(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "over the weekend": the Saturday and Sunday nearest the anchor in the clause's tense."""
    if not _WEEKEND_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    a = ctx.anchor
    if a is None:
        return found(m, "interval", None)
    if direction(ctx, m.start(), m.end()) == "future":  # the next Sunday on or after it
        saturday = a + dt.timedelta(days=(6 - a.weekday()) % 7 - 1)
    else:  # the latest Saturday on or before it
        saturday = a - dt.timedelta(days=(a.weekday() - 5) % 7)
    return found(m, "interval", (saturday, saturday + dt.timedelta(days=1)))


def sequel(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "The following day": resolved later against the date written before it."""
    days = ctx.g.folded["sequel_days"][phrase_key(m["w"])]
    return found(m, "day", None, kind="sequel", shift=days)


def month_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    month, year = month_of(ctx, m["mon"]), int(m["year"])
    return found(m, "month", (dt.date(year, month, 1), month_last(year, month)), kind="month")


def rel_month_name(m: re.Match[str], ctx: Ctx) -> Found | None:
    month = ctx.g.months[m["mon"]]
    a = ctx.anchor
    if a is None:
        return found(m, "month", None, kind="month")
    rel = phrase_key(m["rel"])
    year = a.year
    if rel == "last" and month >= a.month:
        year -= 1
    elif rel != "last" and rel != "this" and month <= a.month:
        year += 1
    return found(m, "month", (dt.date(year, month, 1), month_last(year, month)), kind="month")


def has_context(m: re.Match[str], ctx: Ctx) -> bool:
    return ctx.force or bool(ctx.g.context.search(ctx.text, max(0, m.start() - WINDOW), m.start()))


def bare_month(m: re.Match[str], ctx: Ctx) -> Found | None:
    if not has_context(m, ctx):
        return None
    month = ctx.g.months[m["mon"]]
    year = implied_year(ctx, m, month, None)
    span = None if year is None else (dt.date(year, month, 1), month_last(year, month))
    return found(m, "month", span, kind="month", month=month, implied_year=True)


# A year is also a date as a modifier ("the 2016 arbitral ruling") and after another year
# ("in 1978 and 1986").
_YEAR_BEFORE = re.compile(r"(?:(?<!\w)(?i:the|an?)|(?:19|20)\d\d(?:,?\s+(?:and|or)|,))\s+\Z")


def bare_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    if (
        m.start() > 0
        and ctx.text[m.start() - 1] == "-"
        and not _MID_HYPHEN.search(ctx.text, max(0, m.start() - 4), m.start())
    ):
        return None
    if ctx.g.quantity_after.match(ctx.text, m.end()):
        return None
    if not has_context(m, ctx) and not _YEAR_BEFORE.search(
        ctx.text, max(0, m.start() - 16), m.start()
    ):
        return None
    year = int(m["year"])
    return found(m, "year", (dt.date(year, 1, 1), dt.date(year, 12, 31)), kind="year")


def year_range(m: re.Match[str], ctx: Ctx) -> Found | None:
    y1, raw = int(m["y1"]), m["y2"]
    y2 = int(raw) if len(raw) == 4 else y1 - y1 % 100 + int(raw)
    if y2 <= y1 or ctx.g.quantity_after.match(ctx.text, m.end()):
        return None
    return found(m, "interval", (dt.date(y1, 1, 1), dt.date(y2, 12, 31)))


def decade(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["pos"]:  # "the early 2030s" names no years we could bound
        return found(m, "vague", None, kind="vague")
    start = int(m["dec"])
    return found(m, "interval", (dt.date(start, 1, 1), dt.date(start + 9, 12, 31)))


def yref_year(m: re.Match[str], ctx: Ctx) -> tuple[bool, int | None]:
    """(present, year) of the optional "of 2026 / of next year / of the year" part."""
    if m["ry"]:
        return True, int(m["ry"])
    if m["rrel"] or m["rthe"]:
        if ctx.anchor is None:
            return True, None
        offset = ctx.g.folded["relative_periods"][phrase_key(m["rrel"])] if m["rrel"] else 0
        return True, ctx.anchor.year + offset
    return False, None


_PREPOSITION_BEFORE = re.compile(
    r"(?i:(?<!\w)(?:in|during|for|over|by|from|until|through|since|before|after|of)\s+)\Z"
)


def ordinal_period(m: re.Match[str], ctx: Ctx) -> Found | None:
    present, year = yref_year(m, ctx)
    if not present:
        # "the second half of the century": an "of" we cannot read is not the current year.
        if re.match(r"\s+of\s", ctx.text[m.end() : m.end() + 5], re.IGNORECASE):
            return None
        if phrase_key(m["ord"]) in ("last", "final", "former", "latter"):
            return None
        # Without a year, only after a preposition: "in the first half", not "controlled
        # the first half" (of a match).
        if not _PREPOSITION_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
            return None
        year = None if ctx.anchor is None else ctx.anchor.year
    is_quarter = m["unit"].casefold() == "quarter"
    n = ctx.g.folded["quarter_ordinals" if is_quarter else "half_ordinals"][phrase_key(m["ord"])]
    span = None if year is None else (quarter(year, n) if is_quarter else half(year, n))
    return found(m, "quarter" if is_quarter else "half", span)


def q_or_h(m: re.Match[str], ctx: Ctx) -> Found | None:
    year = int(m["year"]) if m["year"] else (ctx.anchor.year if ctx.anchor else None)
    if "q" in m.re.groupindex:
        span = None if year is None else quarter(year, int(m["q"]))
        return found(m, "quarter", span)
    span = None if year is None else half(year, int(m["h"]))
    return found(m, "half", span)


def duration(m: re.Match[str], ctx: Ctx) -> Found | None:
    unit = m["unit"].casefold()
    if m["num"] is None:
        if m["pl"]:  # "the coming months": how many is not said
            return found(m, "vague", None, kind="vague")
        n = 1
    else:
        count = ctx.g.number(m["num"])
        if count is None:
            return found(m, "vague", None, kind="vague")
        n = count
    way = m.groupdict().get("dir")
    forward = way is None or ctx.g.folded["duration_directions"][phrase_key(way)] == "forward"
    # "in seven years" is a date only ahead ("will open in two years"); in "the first visit
    # in seven years" it is a length of time.
    if (
        way is None
        and m[0].startswith("in ")
        and not re.search(r"next|time", m[0])
        and direction(ctx, m.start(), m.end()) != "future"
    ):
        return None
    if ctx.anchor is None:
        return found(m, "interval", None)
    a = ctx.anchor
    span = (a, shift(a, unit, n)) if forward else (shift(a, unit, -n), a)
    return found(m, "interval", span)


AGO_PRECISION: dict[str, DatePrecision] = {"day": "day", "month": "month", "year": "year"}


def ago(m: re.Match[str], ctx: Ctx) -> Found | None:
    unit = m["unit"].casefold()
    n = ctx.g.number(m["num"])
    if n is None:
        return found(m, "vague", None, kind="vague")
    precision = AGO_PRECISION.get(unit, "interval")
    if ctx.anchor is None:
        return found(m, precision, None)
    d = shift(ctx.anchor, unit, -n)
    if unit == "day":
        return found(m, "day", (d, d))
    if unit in ("month", "year"):
        return found(m, precision, period_of(unit, d, 0))
    return found(m, "interval", period_of("week", d, 0) if unit == "week" else (d, d))


def season(m: re.Match[str], ctx: Ctx) -> Found | None:
    name = m["season"].casefold()
    if not m["rel"] and not m["year"] and (name == "fall" or not has_context(m, ctx)):
        return None
    if m["year"]:
        year: int | None = int(m["year"])
    elif ctx.anchor is None:
        year = None
    else:
        year = ctx.anchor.year + (
            ctx.g.folded["relative_periods"][phrase_key(m["rel"])] if m["rel"] else 0
        )
    if year is None:
        return found(m, "interval", None)
    first_month, last_month = ctx.g.v["seasons"][name]
    last_year = year + 1 if last_month < first_month else year
    return found(m, "interval", (dt.date(year, first_month, 1), month_last(last_year, last_month)))


def vague(m: re.Match[str], ctx: Ctx) -> Found | None:
    return found(m, "vague", None, kind="vague")


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern[str]
    handler: Handler
    lower: bool  # matched against a lowercased copy of the text (no capitalized word in it)
    gate: tuple[str, ...]  # lowercase words every match contains; it runs only around them
    not_after: str  # characters that may not come just before a match (word characters never)


ASCII_LOWER = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
)  # length-preserving, unlike str.lower(), so offsets stay valid
