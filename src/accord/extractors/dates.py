"""Time expressions: every date phrase in a text, resolved against the document's own date.

The grammar is ours, not dateparser's: dateparser reads footnote markers as dates, cannot
read period phrases ("later this year", "the first half of 2026") and puts "on Friday" a
week ahead. The vocabulary lives in `nlp/patterns/time_periods.yaml`; the regexes are
compiled from it once. Decisions the spec leaves open, documented here and in the YAML:

- Which way a weekday or a month without a year points comes from its clause's tense
  (`_time_rules.tense`): the nearest cue word before it in its sentence ("will", "is
  forecast to", "scheduled", "opens" -> future; "met", "said", "was", any "-ed" verb ->
  past), else the first after it, else `prefer` (past by default).
- A weekday is the nearest such day on or before the anchor, in the future on or after
  it. "last Friday" is strictly before, "next Friday" after.
- A month without a year is in the latest year where it starts on or before the anchor
  ("signed in October" in January 2025 -> 2024-10); in the future, the earliest where it
  ends on or after it. A day without a year likewise, and with no tense at all the
  occurrence nearest the anchor ("before a July 9 deadline" on July 1 -> that July 9).
- "February this year", "March next year": that month of that year.
- early/late + year = its first/second half; mid + year = June (month precision);
  the beginning of a year = January; the end of a year = the whole year (the deadline is
  its last day either way); early/mid/late/end + month = the whole month. "the early
  2030s" is vague: it names no years one could bound.
- "by/until/within X", "later this year", "within the year", "earlier this month" run
  from (or to) the anchor: precision "interval", per the gold format. A deadline already
  passed ("had doubled by 2020") keeps X's own period.
- A bare four-digit number is a year only after a date word (in, by, since, ...), as a
  modifier ("the 2016 ruling") or after another year ("1978 and 1986"), and only from
  1900 to 2100. Year ranges ("2023-2025", "1950-53") and decades are intervals.
- "in two years" is a date only in a future clause; "the first visit in seven years" is a
  length of time. "The following day" counts from the day written before it.
- Vague phrases ("soon", "in the coming months") keep start and end None: never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from accord.errors import ReferenceDataError
from accord.extractors import _time_rules as tr
from accord.extractors import _time_rules_days as days
from accord.extractors._time_rules import Ctx, Found, Grammar, Handler, Prefer, Rule, phrase_key
from accord.records import DatePrecision, Evidence, TimeExpression

__all__ = [
    "Prefer",
    "deadline_of",
    "document_anchor",
    "find_time_expressions",
]

VOCABULARY_PATH = Path(__file__).resolve().parents[1] / "nlp" / "patterns" / "time_periods.yaml"

_YEAR = r"(?:19\d\d|20\d\d|2100)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_URL = re.compile(r"(?:https?://|www\.)\S+")
_CONNECTOR = re.compile(r"\s*(?P<c>(?i:to|until|till|through|and)|[-–—])\s*")
_RANGE_START = re.compile(r"(?i:(?<!\w)(?P<w>from|between)\s+)\Z")
_WINDOW = tr.WINDOW
_MARGIN = 96  # longer than any expression the rules match (the longest are about 40)

_MAP_KEYS = (
    "months",
    "month_abbreviations",
    "weekdays",
    "weekday_abbreviations",
    "day_words",
    "relative_periods",
    "current_parts",
    "numbers",
    "duration_units",
    "duration_directions",
    "quarter_ordinals",
    "half_ordinals",
    "seasons",
    "positions",
    "sequel_days",
)
_LIST_KEYS = (
    "vague_counts",
    "date_context_words",
    "quantity_words",
    "deadline_words",
    "vague_phrases",
    "future_cues",
    "past_cues",
    "not_past_ed",
)


def _load_vocabulary(path: Path) -> dict[str, Any]:
    """The YAML lexicon, checked for the sections the grammar needs."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ReferenceDataError(
            f"cannot read the time vocabulary {path}: {e}; reinstall accord or fix the file"
        ) from e
    if not isinstance(data, dict):
        raise ReferenceDataError(f"{path}: expected a mapping of sections at the top level")
    for key in _MAP_KEYS:
        if not isinstance(data.get(key), dict) or not data[key]:
            raise ReferenceDataError(f"{path}: section {key!r} must be a non-empty mapping")
    for key in _LIST_KEYS:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ReferenceDataError(f"{path}: section {key!r} must be a list of strings")
    return {
        k: ({str(w): v for w, v in data[k].items()} if k in _MAP_KEYS else data[k]) for k in data
    }


def _alt(words: Any) -> str:
    """A regex alternation of phrases, longest first, any whitespace between words."""
    phrases = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in phrases)


def _trie(words: Any) -> str:
    """An alternation of words as a prefix tree: one branch per letter instead of per word,
    several times faster to scan with Python's regex engine. Longest match first."""
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _folded(mapping: dict[str, Any]) -> dict[str, Any]:
    return {phrase_key(k): v for k, v in mapping.items()}


# ---------------------------------------------------------------- the grammar


@lru_cache(maxsize=1)
def _grammar() -> Grammar:
    """The compiled rules, built once from the YAML vocabulary.

    Speed: no rule starts with a look-behind or a case-insensitive group (either stops the
    regex engine from skipping ahead to a possible first character); word boundaries before
    a match are checked in Python, and case-insensitive rules run on a lowercased copy.
    """
    v = _load_vocabulary(VOCABULARY_PATH)
    folded = {k: _folded(v[k]) for k in _MAP_KEYS}
    # Names as written in prose ("March") and in datelines ("MARCH"), never in lower case.
    mon_full = _alt([*v["months"], *(w.upper() for w in v["months"])])
    mon_any = rf"(?:{mon_full}|(?:{_alt(v['month_abbreviations'])})\.?)"
    wd_full = _alt([*v["weekdays"], *(w.upper() for w in v["weekdays"])])
    wd_any = rf"(?:{wd_full}|(?:{_alt(v['weekday_abbreviations'])})\.?)"
    rel = _alt(v["relative_periods"])
    num = rf"(?:{_alt(list(v['numbers']) + v['vague_counts'])}|\d{{1,3}})"
    units = _alt(v["duration_units"])
    of_yref = (
        rf"(?:\s+of\s+(?:(?P<rrel>{rel})\s+year|the\s+(?P<rthe>year))"
        rf"|\s+(?:of\s+)?(?P<ry>{_YEAR}))?(?!\w)"
    )
    wd_prefix = rf"(?:(?P<wd>{wd_any}),?\s+)?"
    year_tail = rf"(?:,?\s+(?P<year>{_YEAR})(?!\w))?"
    day_range = (
        r"(?P<d1>\d\d?)(?:st|nd|rd|th)?(?:\s*[-–—]\s*|\s+(?:to|and)\s+)"
        r"(?P<d2>\d\d?)(?:st|nd|rd|th)?"
    )
    month_words = (*v["months"], *v["month_abbreviations"])
    weekday_words = tuple(v["weekdays"])

    def last_words(section: str) -> tuple[str, ...]:
        return tuple({p.split()[-1].casefold() for p in v[section]})

    def ordinal(unit: str, words: str) -> str:
        return rf"(?:the\s+)?(?P<ord>{words})\s+(?P<unit>{unit})(?!\w){of_yref}"

    def rule(pattern: str, handler: Handler, gate: Any = (), not_after: str = "") -> Rule:
        """A rule on the text as written (months and weekdays must be capitalized)."""
        return Rule(
            re.compile(pattern), handler, False, tuple(w.casefold() for w in gate), not_after
        )

    def low(pattern: str, handler: Handler, gate: Any = ()) -> Rule:
        """A rule on the lowercased text: all its words are case-free."""
        return Rule(re.compile(pattern), handler, True, tuple(w.casefold() for w in gate), "")

    months, weekdays = month_words, weekday_words
    # On equal length the earlier rule wins. A table: kept one rule to a few lines.
    # fmt: off
    rules = (
        rule(rf"(?P<year>{_YEAR})(?P<sep>[-/])(?P<mon>0[1-9]|1[0-2])(?P=sep)"
             rf"(?P<day>0[1-9]|[12]\d|3[01])(?!\d|[-/]\d)", tr.iso, not_after="/.-"),
        rule(rf"(?P<a>\d\d?)(?P<sep>[./])(?P<b>\d\d?)(?P=sep)(?P<year>{_YEAR})(?!\d|[./-]\d)",
             tr.numeric, not_after="/.-"),
        rule(rf"(?P<mon>{mon_any})\s+{day_range}(?!\w){year_tail}", tr.day_range, months),
        rule(rf"{day_range}\s+(?P<mon>{mon_any})(?!\w){year_tail}", tr.day_range, months, ".,$/-"),
        rule(rf"{wd_prefix}(?P<mon>{mon_any})\s+(?P<day>{_DAY})(?!\w|\s*[-–—]\s*\d){year_tail}",
             tr.day_date, months),
        rule(rf"{wd_prefix}(?:[Tt]he\s+)?(?<![\w.,$/-])(?P<day>{_DAY})(?:\s+of)?\s+"
             rf"(?P<mon>{mon_any})(?!\w){year_tail}", tr.day_date, months, ".,$/-"),
        rule(rf"(?P<mon>{mon_any})(?!\w),?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\w)",
             tr.month_year, months),
        rule(rf"(?P<y1>{_YEAR})\s*[-–—]\s*(?P<y2>{_YEAR}|\d\d)(?![\w%]|[.,]\d|\s*[-–—]\s*\d)",
             tr.year_range, not_after="$£€¥#@.,/+-"),
        low(r"(?:(?:the\s+)?(?P<pos>early|mid|late)[\s-]+)?(?P<dec>(?:19|20)\d0)['’]?s(?!\w)",
            tr.decade),
        rule(rf"[Tt]he\s+(?P<m1>{mon_full})\s*[-–—/]\s*(?P<m2>{mon_full})\s+quarter"
             rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?(?!\w)", tr.month_quarter, ("quarter",)),
        rule(rf"(?P<mon>{mon_full})\s+(?:of\s+)?(?P<rel>(?i:this|next|last))\s+(?i:year)(?!\w)",
             tr.month_rel_year, ("year",)),
        low(ordinal("quarter", _alt(v["quarter_ordinals"])), tr.ordinal_period, ("quarter",)),
        low(ordinal("half", _alt(v["half_ordinals"])), tr.ordinal_period, ("half",)),
        rule(rf"Q(?P<q>[1-4])(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?(?!\w)",
             tr.q_or_h, ("Q1", "Q2", "Q3", "Q4")),
        rule(rf"H(?P<h>[12])\s+(?P<year>{_YEAR})(?!\w)", tr.q_or_h, ("H1", "H2")),
        low(rf"(?:(?P<part>{_alt(v['current_parts'])})|(?P<rel>{rel}))\s+"
            r"(?P<unit>week|month|quarter|year)(?P<wkend>end)?(?!\w)",
            tr.unit_rel, ("week", "month", "quarter", "year")),
        low(r"(?:the\s+)?(?P<unit>year|month)(?:['’]s\s+|[\s-])end(?!\w)", tr.period_end,
            ("year", "month")),
        rule(r"[Tt]he\s+new\s+year(?!\w)", tr.new_year, ("year",)),
        low(r"the\s+weekend(?!\w)", tr.weekend, ("weekend",)),
        low(rf"(?P<w>{_alt(v['sequel_days'])})(?!\w)", tr.sequel, last_words("sequel_days")),
        low(r"the\s+(?P<unit>month|quarter|year)(?!\w)", tr.the_unit, ("month", "quarter", "year")),
        rule(rf"(?P<rel>(?i:last|next|this(?:\s+coming)?|the\s+coming))\s+"
             rf"(?P<mon>{mon_full})(?!\w)", tr.rel_month_name, months),
        rule(rf"(?:(?P<rel>(?i:last|next|this(?:\s+coming|\s+past)?|coming|past))\s+)?"
             rf"(?P<wd>{wd_full})(?!\w)", days.weekday, weekdays),
        low(rf"(?P<w>{_alt(v['day_words'])})(?!\w)", days.day_word, last_words("day_words")),
        low(r"(?<=on )(?P<t>the\s+(?P<day>3[01]|[12]\d|[1-9])(?:st|nd|rd|th))(?!\w)"
            r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|at|in|when|with|during|as|after|before|while)\b)",
            days.ordinal_day, ("the",)),
        low(rf"(?:within|in)\s+(?:the\s+next\s+)?(?P<num>{num})\s+(?P<unit>{units})(?P<pl>s)?"
            r"(?:['’]s?\s+time)?(?!\w)", tr.duration, v["duration_units"]),
        low(rf"(?P<num>{num})\s+(?P<unit>{units})s?\s+ago(?!\w)", tr.ago, ("ago",)),
        low(rf"(?:(?:over|in|during|for|within|throughout)\s+)?the\s+"
            rf"(?P<dir>{_alt(v['duration_directions'])})\s+(?:(?P<num>{num})\s+)?"
            rf"(?P<unit>{units})(?P<pl>s)?(?!\w)", tr.duration, v["duration_directions"]),
        low(rf"(?:(?P<rel>{rel})\s+)?(?P<season>{_alt(v['seasons'])})"
            rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?(?!\w)", tr.season, v["seasons"]),
        low(rf"(?:{_alt(v['vague_phrases'])})(?!\w)", tr.vague, last_words("vague_phrases")),
        rule(rf"(?P<mon>{mon_full})(?!\w)(?!\.?\s*\d)", tr.bare_month, months),
        rule(rf"(?P<year>{_YEAR})(?![\w%+]|[.,]\d|\s*[-–—+]\s*\d)",
             tr.bare_year, not_after="$£€¥#@.,/+"),
    )
    # fmt: on
    # One scan finds every gate word; a hit wakes each rule whose gate word it contains
    # ("yesterday" wakes the rules gated on "day").
    gate_words = {w for r in rules for w in r.gate}
    gate_rules = {
        hit: tuple(i for i, r in enumerate(rules) if any(w in hit for w in r.gate))
        for hit in gate_words
    }
    context_words = _alt(v["date_context_words"])
    positions = _alt(v["positions"])
    return Grammar(
        v=v,
        months={
            **v["months"],
            **v["month_abbreviations"],
            **{k.upper(): n for k, n in v["months"].items()},
        },
        weekdays={**v["weekdays"], **{k.upper(): n for k, n in v["weekdays"].items()}},
        folded=folded,
        rules=rules,
        forced=rules[-2:],  # bare month, bare year
        gate=re.compile(_trie(gate_words)),
        gate_rules=gate_rules,
        context=re.compile(
            rf"(?i:(?<!\w)(?:(?:{context_words})\s+(?:the\s+)?|mid\s*-\s*|mid\s+))\Z"
        ),
        position_before=re.compile(rf"(?i:(?<!\w)(?:{positions})\s+)\Z"),
        prefix=re.compile(
            rf"(?i:(?:(?<!\w)(?P<dl>{_alt(v['deadline_words'])})\s+)?"
            rf"(?:(?<!\w)(?P<pos>{positions})(?:\s*-\s*|\s+))?)\Z"
        ),
        quantity_after=re.compile(rf"\s+(?:{_alt(v['quantity_words'])})(?!\w)", re.IGNORECASE),
        tense=re.compile(
            rf"(?<![\w'’-])(?:(?P<f>{_alt(w for w in v['future_cues'] if w[0].isalpha())})"
            rf"|(?P<p>{_alt(v['past_cues'])})|(?P<ed>[a-z]+ed))(?![\w'’-])|(?P<ll>['’]ll)(?!\w)"
        ),
        not_past_ed=frozenset(w.casefold() for w in v["not_past_ed"]),
    )


# ---------------------------------------------------------------- passes


def _starts_clean(text: str, i: int, not_after: str) -> bool:
    """No word character (or one of `not_after`) right before offset `i`."""
    if i == 0:
        return True
    c = text[i - 1]
    return not (c.isalnum() or c == "_" or c in not_after)


def _windows(ctx: Ctx, low: str, begin: int, stop: int) -> list[list[tuple[int, int]]]:
    """For each rule, the stretches of text around its gate words, merged.

    Every match of a gated rule contains one of its gate words and is shorter than
    `_MARGIN`, so it lies inside one of these windows: the rules scan only them.
    """
    hits: list[list[int]] = [[] for _ in ctx.g.rules]
    for hit in ctx.g.gate.finditer(low, begin, stop):
        for r in ctx.g.gate_rules[hit.group()]:
            hits[r].append(hit.start())
    return [
        [(begin, stop)] if not rule.gate else _merged(positions, begin, stop)
        for rule, positions in zip(ctx.g.rules, hits, strict=True)
    ]


def _merged(positions: list[int], begin: int, stop: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in positions:
        lo, hi = max(begin, i - _MARGIN), min(stop, i + _MARGIN)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _candidates(ctx: Ctx, begin: int, stop: int) -> list[Found]:
    text = ctx.text
    low = text.lower()
    if len(low) != len(text):  # a letter whose lowercase is longer: keep offsets aligned
        low = text.translate(tr.ASCII_LOWER)
    urls = [u.span() for u in _URL.finditer(text, begin, stop)]
    found: list[tuple[int, int, Found]] = []
    windows = _windows(ctx, low, begin, stop)
    for priority, rule in enumerate(ctx.g.rules):
        view = low if rule.lower else text
        for w_start, w_stop in windows[priority]:
            for m in rule.pattern.finditer(view, w_start, w_stop):
                if not _starts_clean(text, m.start(), rule.not_after):
                    continue
                if any(s < m.end() and m.start() < e for s, e in urls):
                    continue
                f = rule.handler(m, ctx)
                if f is not None:
                    found.append((-(f.end - f.start), priority, f))
    found.sort(key=lambda t: (t[0], t[1], t[2].start))
    taken: list[Found] = []
    for _, _, f in found:  # the longest candidate wins; on a tie, the earlier rule
        if all(f.end <= t.start or t.end <= f.start for t in taken):
            taken.append(f)
    return sorted(taken, key=lambda f: f.start)


def _with_year(f: Found, year: int) -> Found:
    if f.month is None:
        return f
    if f.day is None:
        return replace(f, first=dt.date(year, f.month, 1), last=tr.month_last(year, f.month))
    d = tr.safe_date(year, f.month, f.day)
    return f if d is None else replace(f, first=d, last=d)


def _ranges(found: list[Found], ctx: Ctx, stop: int) -> list[Found]:
    """Joins "from X to Y" and "between X and Y" into one interval."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        opener = _RANGE_START.search(ctx.text, max(0, a.start - 12), a.start)
        link = _CONNECTOR.match(ctx.text, a.end, stop) if opener and a.kind != "vague" else None
        if (
            opener is None
            or link is None
            or (link["c"].casefold() == "and") != (opener["w"].casefold() == "between")
        ):
            out.append(a)
            i += 1
            continue
        b, consumed = _range_end(found, i, link.end(), ctx, stop)
        if b is None or b.kind == "vague":
            out.append(a)
            i += 1
            continue
        if a.implied_year and not b.implied_year and b.first is not None:
            a = _with_year(a, b.first.year)
            if a.first and b.last and a.first > b.last:
                a = _with_year(a, b.first.year - 1)
        elif b.implied_year and not a.implied_year and a.first is not None:
            b = _with_year(b, a.first.year)
            if b.first and a.last and b.first < a.first:
                b = _with_year(b, a.first.year + 1)
        first, last = a.first, b.last
        if first is not None and last is not None and first > last:
            first = last = None
        out.append(Found(opener.start(), b.end, "interval", first, last, kind="range"))
        i += 1 + consumed
    return out


def _range_end(
    found: list[Found], i: int, pos: int, ctx: Ctx, stop: int
) -> tuple[Found | None, int]:
    if i + 1 < len(found) and found[i + 1].start == pos:
        return found[i + 1], 1
    forced = replace(ctx, force=True)
    for rule in ctx.g.forced:
        m = rule.pattern.match(ctx.text, pos, stop)
        if m is not None and (f := rule.handler(m, forced)) is not None:
            if i + 1 < len(found) and found[i + 1].start < f.end:
                return None, 0
            return f, 0
    return None, 0


def _positions_and_deadlines(found: list[Found], ctx: Ctx, begin: int) -> list[Found]:
    """Applies "early/mid/late/the end of" and "by/until/within" written before an expression."""
    out: list[Found] = []
    floor = begin  # a prefix never reaches into the expression before
    for f in found:
        m = None
        if f.kind not in ("vague", "range"):
            m = ctx.g.prefix.search(ctx.text, max(floor, f.start - _WINDOW), f.start)
        if m is not None and m.start() < m.end():
            # A position narrows only a whole year or month; elsewhere it is just read over.
            if m["pos"] and f.kind in ("year", "month"):
                f = _position(f, ctx.g.folded["positions"][phrase_key(m["pos"])])
            if m["dl"]:
                f = _deadline(f, ctx.anchor)
            f = replace(f, start=m.start())
        out.append(f)
        floor = f.end
    return out


def _position(f: Found, where: str) -> Found:
    if f.kind == "month" or where == "end":
        return replace(f, kind="other")
    year = f.first.year if f.first else None
    if where in ("early", "late"):
        span = None if year is None else tr.half(year, 1 if where == "early" else 2)
        precision: DatePrecision = "half"
    else:
        month = 6 if where == "mid" else 1
        span = None if year is None else (dt.date(year, month, 1), tr.month_last(year, month))
        precision = "month"
    first, last = span if span else (None, None)
    return replace(f, precision=precision, first=first, last=last, kind="other")


def _deadline(f: Found, anchor: dt.date | None) -> Found:
    """ "by/until/within X": from the anchor to the end of X, an interval (the gold format's
    "by the end of the year", "within the year"). A deadline already passed is reported in
    retrospect ("had doubled by 2020"): it keeps X's own period."""
    if f.last is None:
        return f
    if anchor is None:
        return replace(f, first=None, precision="interval")
    if anchor > f.last:
        return f
    return replace(f, first=anchor, precision="interval")


def _sequels(found: list[Found], ctx: Ctx) -> list[Found]:
    """Resolves "the following day" against the day written before it (else the anchor)."""
    out: list[Found] = []
    for f in found:
        if f.kind == "sequel":
            base = next(
                (
                    p.first
                    for p in reversed(out)
                    if p.precision == "day" and p.first and not _dates_a_name(p, ctx.text)
                ),
                ctx.anchor,
            )
            if base is not None:
                d = base + dt.timedelta(days=f.shift)
                f = replace(f, first=d, last=d)
        out.append(f)
    return out


_CONTEXT_REACH = 300  # characters back, within the paragraph


def _years_from_context(found: list[Found], ctx: Ctx) -> list[Found]:
    """ "Muizzu's state visit to India in October 2024. After talks ... on 7 October": a
    day or month written without its year takes the year of the same month named with one
    just before, in the same paragraph."""
    out: list[Found] = []
    for f in found:
        if f.implied_year and f.month is not None and f.first is not None:
            lender = next(
                (
                    p
                    for p in reversed(out)
                    if not p.implied_year
                    and p.precision in ("day", "month")
                    and p.first is not None
                    and p.first.month == f.month
                    and f.start - p.end <= _CONTEXT_REACH
                    and "\n\n" not in ctx.text[p.end : f.start]
                ),
                None,
            )
            if lender is not None and lender.first is not None:
                f = _with_year(f, lender.first.year)
        out.append(f)
    return out


# "the La Celle-Saint-Cloud Declaration of 6 November 1955": the date of a named text, no
# day the story moves on from.
_NAME_OF_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+of\s+$")


def _dates_a_name(f: Found, text: str) -> bool:
    return bool(_NAME_OF_BEFORE.search(text[max(0, f.start - 40) : f.start]))


# ---------------------------------------------------------------- public functions


def find_time_expressions(
    text: str,
    *,
    anchor: dt.date | None,
    prefer: Prefer = "past",
    start: int = 0,
    end: int | None = None,
) -> list[TimeExpression]:
    """Every date expression in `text[start:end]`, resolved against `anchor`.

    `prefer="future"` reads weekdays and year-less dates forward (for clauses about plans);
    spans are offsets into the whole `text`. With no anchor, relative expressions keep
    their precision with start and end None.
    """
    stop = len(text) if end is None else end
    ctx = Ctx(text=text, anchor=anchor, prefer=prefer, g=_grammar())
    found = _candidates(ctx, start, stop)
    found = _ranges(found, ctx, stop)
    found = _positions_and_deadlines(found, ctx, start)
    found = _sequels(found, ctx)
    found = _years_from_context(found, ctx)
    return [
        TimeExpression(
            text=text[f.start : f.end],
            evidence=Evidence(f.start, f.end, text[f.start : f.end]),
            precision=f.precision,
            start=f.first,
            end=f.last,
        )
        for f in found
    ]


def deadline_of(expr: TimeExpression) -> dt.date | None:
    """The last day of the expression's period ("this year" -> Dec 31); None when vague."""
    return None if expr.precision == "vague" else expr.end


def document_anchor(text: str, *, published: dt.date | None) -> dt.date | None:
    """The date relative expressions resolve against: `published`, else the latest full date
    written in the body (the text before its reference list, whose access dates do not count).
    """
    if published is not None:
        return published
    # citations.py reads access dates with this module, so the import waits until here.
    from accord.extractors.citations import reference_list_start

    body_end = reference_list_start(text)
    body = text if body_end is None else text[:body_end]
    days = [
        e.start
        for e in find_time_expressions(body, anchor=None)
        if e.precision == "day" and e.start is not None
    ]
    return max(days, default=None)
