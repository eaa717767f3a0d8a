"""Rule handlers for `dates` that read a single day against the anchor: weekdays, day words
("yesterday") and a bare ordinal day of the month ("on the 9th")."""

from __future__ import annotations

import datetime as dt
import re

from accord.extractors._time_rules import (
    Ctx,
    Found,
    add_months,
    direction,
    found,
    phrase_key,
    safe_date,
)

__all__ = ["day_word", "ordinal_day", "weekday"]


def weekday(m: re.Match[str], ctx: Ctx) -> Found | None:
    a = ctx.anchor
    if a is None:
        return found(m, "day", None)
    wd = ctx.g.weekdays[m["wd"]]  # keyed as written and in capitals
    rel = phrase_key(m["rel"] or "")
    if rel == "last" or "past" in rel:
        d = a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7)
    elif rel == "next":
        d = a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7)
    elif "coming" in rel or direction(ctx, m.start(), m.end()) == "future":
        d = a + dt.timedelta(days=(wd - a.weekday()) % 7)
    else:
        d = a - dt.timedelta(days=(a.weekday() - wd) % 7)
    return found(m, "day", (d, d))


def day_word(m: re.Match[str], ctx: Ctx) -> Found | None:
    if ctx.anchor is None:
        return found(m, "day", None)
    d = ctx.anchor + dt.timedelta(days=ctx.g.folded["day_words"][phrase_key(m["w"])])
    return found(m, "day", (d, d))


def ordinal_day(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "on the 9th": that day of the anchor's month, else of the month before (or after,
    in a future clause) when the anchor's month has not reached (or has passed) it."""
    start, end = m.start("t"), m.end("t")
    a = ctx.anchor
    if a is None:
        return Found(start, end, "day", None, None)
    n = int(m["day"])
    future = direction(ctx, start, end) == "future"
    if future and n < a.day:
        months = 1
    elif not future and n > a.day:
        months = -1
    else:
        months = 0
    base = add_months(a.replace(day=1), months)
    d = safe_date(base.year, base.month, n)
    return None if d is None else Found(start, end, "day", d, d)
