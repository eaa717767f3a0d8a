"""Tests for accord.extractors.dates: finding and resolving time expressions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.errors import ReferenceDataError
from accord.extractors import dates
from accord.extractors.dates import deadline_of, document_anchor, find_time_expressions
from accord.records import TimeExpression

D = dt.date
SAT = D(2025, 3, 8)  # the seed's document date, a Saturday
MON = D(2025, 3, 10)
FRI = D(2025, 3, 7)
APR = D(2025, 4, 10)
JAN = D(2025, 1, 12)  # a Sunday
JUL = D(2025, 7, 1)
TUE = D(2025, 3, 11)


def _only(text: str, anchor: dt.date | None, **kw: object) -> TimeExpression:
    found = find_time_expressions(text, anchor=anchor, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, [e.text for e in found]
    return found[0]


# (text, anchor, the expression's text, start, end, precision)
CASES = [
    # days
    ("met in Ottawa on Friday, March 7, 2025.", SAT, "Friday, March 7, 2025", FRI, FRI, "day"),
    # a bare ordinal day: the anchor's month, else the month before (after, in a plan)
    ("held a summit in Ashgabat on the 7th.", SAT, "the 7th", FRI, FRI, "day"),
    ("On the 28th, she met the minister.", SAT, "the 28th", D(2025, 2, 28), D(2025, 2, 28), "day"),
    ("They will meet on the 3rd in Seoul.", SAT, "the 3rd", D(2025, 4, 3), D(2025, 4, 3), "day"),
    ("signed on March 7, 2025 in Seoul", SAT, "March 7, 2025", FRI, FRI, "day"),
    ("signed on 7 March 2025", SAT, "7 March 2025", FRI, FRI, "day"),
    ("dated 2025-03-07.", SAT, "2025-03-07", FRI, FRI, "day"),
    ("Press release\n2025/03/07\n", None, "2025/03/07", FRI, FRI, "day"),
    ("(Date Accessed: 08.03.2025).", None, "08.03.2025", SAT, SAT, "day"),
    ("issued 08/03/2025", None, "08/03/2025", SAT, SAT, "day"),
    ("issued 03/25/2025", None, "03/25/2025", D(2025, 3, 25), D(2025, 3, 25), "day"),
    ("Sept. 30, 2025 is the date", SAT, "Sept. 30, 2025", D(2025, 9, 30), D(2025, 9, 30), "day"),
    ("the ministers met on Friday", SAT, "Friday", FRI, FRI, "day"),
    ("the ministers met on Saturday", SAT, "Saturday", SAT, SAT, "day"),
    ("the ministers met on Monday", MON, "Monday", MON, MON, "day"),
    ("they met last Friday", FRI, "last Friday", D(2025, 2, 28), D(2025, 2, 28), "day"),
    ("they meet next Friday", SAT, "next Friday", D(2025, 3, 14), D(2025, 3, 14), "day"),
    ("the call took place yesterday", SAT, "yesterday", FRI, FRI, "day"),
    ("the ministry said today", SAT, "today", SAT, SAT, "day"),
    ("talks resume tomorrow", SAT, "tomorrow", D(2025, 3, 9), D(2025, 3, 9), "day"),
    ("Seoul, March 7 (Yonhap)", SAT, "March 7", FRI, FRI, "day"),
    ("on the 7th of March", SAT, "the 7th of March", FRI, FRI, "day"),
    ("two days ago", SAT, "two days ago", D(2025, 3, 6), D(2025, 3, 6), "day"),
    # weeks and day ranges
    (
        "WEDNESDAY, MARCH 5, 2025 -- Seoul",
        SAT,
        "WEDNESDAY, MARCH 5, 2025",
        D(2025, 3, 5),
        D(2025, 3, 5),
        "day",
    ),
    ("talks from 3 to 5 March", SAT, "3 to 5 March", D(2025, 3, 3), D(2025, 3, 5), "interval"),
    ("talks on March 10 and 11", SAT, "March 10 and 11", MON, D(2025, 3, 11), "interval"),
    ("held March 3-5, 2025", SAT, "March 3-5, 2025", D(2025, 3, 3), D(2025, 3, 5), "interval"),
    ("talks this week", SAT, "this week", D(2025, 3, 3), D(2025, 3, 9), "interval"),
    ("talks next week", SAT, "next week", D(2025, 3, 10), D(2025, 3, 16), "interval"),
    # months
    ("in March 2025", SAT, "March 2025", D(2025, 3, 1), D(2025, 3, 31), "month"),
    ("in September 2025", SAT, "September 2025", D(2025, 9, 1), D(2025, 9, 30), "month"),
    ("a visit in March", SAT, "March", D(2025, 3, 1), D(2025, 3, 31), "month"),
    ("a visit next month", SAT, "next month", D(2025, 4, 1), D(2025, 4, 30), "month"),
    ("a visit this month", SAT, "this month", D(2025, 3, 1), D(2025, 3, 31), "month"),
    ("a visit later this month", SAT, "later this month", SAT, D(2025, 3, 31), "interval"),
    ("a visit last month", SAT, "last month", D(2025, 2, 1), D(2025, 2, 28), "month"),
    ("a summit in mid-2025", None, "mid-2025", D(2025, 6, 1), D(2025, 6, 30), "month"),
    (
        "the beginning of next year",
        SAT,
        "the beginning of next year",
        D(2026, 1, 1),
        D(2026, 1, 31),
        "month",
    ),
    # quarters and halves
    (
        "in the first quarter of 2026",
        SAT,
        "the first quarter of 2026",
        D(2026, 1, 1),
        D(2026, 3, 31),
        "quarter",
    ),
    ("results for Q3 2025", SAT, "Q3 2025", D(2025, 7, 1), D(2025, 9, 30), "quarter"),
    (
        "in the fourth quarter of next year",
        SAT,
        "the fourth quarter of next year",
        D(2026, 10, 1),
        D(2026, 12, 31),
        "quarter",
    ),
    ("due next quarter", SAT, "next quarter", D(2025, 4, 1), D(2025, 6, 30), "quarter"),
    (
        "in the first half of 2026",
        SAT,
        "the first half of 2026",
        D(2026, 1, 1),
        D(2026, 6, 30),
        "half",
    ),
    (
        "in the second half of next year",
        SAT,
        "the second half of next year",
        D(2026, 7, 1),
        D(2026, 12, 31),
        "half",
    ),
    (
        "in the first half of the year",
        SAT,
        "the first half of the year",
        D(2025, 1, 1),
        D(2025, 6, 30),
        "half",
    ),
    ("expected in H1 2026", SAT, "H1 2026", D(2026, 1, 1), D(2026, 6, 30), "half"),
    ("a summit early next year", SAT, "early next year", D(2026, 1, 1), D(2026, 6, 30), "half"),
    ("a summit in late 2025", SAT, "late 2025", D(2025, 7, 1), D(2025, 12, 31), "half"),
    # years
    ("the dialogue this year", SAT, "this year", D(2025, 1, 1), D(2025, 12, 31), "year"),
    # a part of the current period, or a deadline inside it, is an interval from the anchor
    ("to conclude within the year", SAT, "within the year", SAT, D(2025, 12, 31), "interval"),
    ("by the end of the year", SAT, "by the end of the year", SAT, D(2025, 12, 31), "interval"),
    (
        "before the end of the year",
        SAT,
        "before the end of the year",
        SAT,
        D(2025, 12, 31),
        "interval",
    ),
    ("a visit later this year", SAT, "later this year", SAT, D(2025, 12, 31), "interval"),
    ("earlier this year they met", SAT, "earlier this year", D(2025, 1, 1), SAT, "interval"),
    ("ready by year's end", SAT, "by year's end", SAT, D(2025, 12, 31), "interval"),
    ("ready by month's end", SAT, "by month's end", SAT, D(2025, 3, 31), "interval"),
    ("profit at year-end", SAT, "year-end", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("the talks next year", SAT, "next year", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("the talks last year", SAT, "last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("the CKFTA signed in 2015", SAT, "2015", D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("a summit in 2026", SAT, "2026", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("ties since 2022", SAT, "2022", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("by the end of 2025", SAT, "by the end of 2025", SAT, D(2025, 12, 31), "interval"),
    ("by the end of next year", SAT, "by the end of next year", SAT, D(2026, 12, 31), "interval"),
    (
        "at the end of next year",
        SAT,
        "the end of next year",
        D(2026, 1, 1),
        D(2026, 12, 31),
        "year",
    ),
    ("two years ago", SAT, "two years ago", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("had doubled by 2020", SAT, "by 2020", D(2020, 1, 1), D(2020, 12, 31), "year"),
    # intervals
    ("net zero by 2030", SAT, "by 2030", SAT, D(2030, 12, 31), "interval"),
    ("valid until 2027", SAT, "until 2027", SAT, D(2027, 12, 31), "interval"),
    ("a plan by next month", SAT, "by next month", SAT, D(2025, 4, 30), "interval"),
    (
        "a plan from 2024 to 2026",
        SAT,
        "from 2024 to 2026",
        D(2024, 1, 1),
        D(2026, 12, 31),
        "interval",
    ),
    (
        "between 2024 and 2026",
        SAT,
        "between 2024 and 2026",
        D(2024, 1, 1),
        D(2026, 12, 31),
        "interval",
    ),
    (
        "between March and May 2025",
        SAT,
        "between March and May 2025",
        D(2025, 3, 1),
        D(2025, 5, 31),
        "interval",
    ),
    ("the 2023-2025 work plan", SAT, "2023-2025", D(2023, 1, 1), D(2025, 12, 31), "interval"),
    ("since the 1950-53 Korean War", SAT, "1950-53", D(1950, 1, 1), D(1953, 12, 31), "interval"),
    ("in the 1990s", SAT, "1990s", D(1990, 1, 1), D(1999, 12, 31), "interval"),
    ("over the next five years", SAT, "over the next five years", SAT, D(2030, 3, 8), "interval"),
    ("within two years", SAT, "within two years", SAT, D(2027, 3, 8), "interval"),
    ("over the past three years", SAT, "over the past three years", D(2022, 3, 8), SAT, "interval"),
    ("a visit this summer", SAT, "this summer", D(2025, 6, 1), D(2025, 8, 31), "interval"),
    ("in the spring", SAT, "spring", D(2025, 3, 1), D(2025, 5, 31), "interval"),
    ("winter 2025", SAT, "winter 2025", D(2025, 12, 1), D(2026, 2, 28), "interval"),
    # vague: never guessed
    ("to meet in the coming months", SAT, "in the coming months", None, None, "vague"),
    ("to meet soon", SAT, "soon", None, None, "vague"),
    ("in the near future", SAT, "in the near future", None, None, "vague"),
    ("to meet at an early date", SAT, "at an early date", None, None, "vague"),
    ("at the earliest possible date", SAT, "at the earliest possible date", None, None, "vague"),
    ("within a few months", SAT, "within a few months", None, None, "vague"),
    ("over the next few years", SAT, "over the next few years", None, None, "vague"),
]


@pytest.mark.parametrize(("text", "anchor", "span", "start", "end", "precision"), CASES)
def test_dates_resolves_expression(
    text: str,
    anchor: dt.date | None,
    span: str,
    start: dt.date | None,
    end: dt.date | None,
    precision: str,
) -> None:
    expr = _only(text, anchor)
    assert (expr.text, expr.start, expr.end, expr.precision) == (span, start, end, precision)
    assert expr.evidence.text == text[expr.evidence.start : expr.evidence.end] == span


NOT_DATES = [
    "The two officials agreed on five key areas of cooperation.",
    "at the G20 summit",
    "the first 2+2 ministerial meeting",
    "on the 75th anniversary of diplomatic relations",
    "met on the 9th ASEAN-Japan summit",
    "as the statement said.[1]",
    "a package of $2.5 billion",
    "the No. 1 priority",
    "a 5,000-strong force",
    "they sent 2000 troops",
    "output will rise to 2030 tonnes",
    "Resolution 2231 was adopted",
    "long-term stability",
    "they may meet",
    "the Long March",
    "temperatures of 1.5 degrees",
    "3-4 ships took part",
    "the second half of the century",
    "the first quarter of the match",
    "https://peacediplomacy.org/2025/03/07/article-title",
    "amid-2025 tensions",  # not "mid-2025"
    "the fall of the government",
    # lengths of time and parts of a match
    "the first visit by a premier in seven years",
    "It was their first face-to-face meeting in a year.",
    "two goals in the last quarter of an hour",
    "the Germans controlled the first half",
    "the 2000 members voted",
    "the day after the summit",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_dates_ignores_non_dates(text: str) -> None:
    assert find_time_expressions(text, anchor=SAT) == []


# (text, anchor, the expression's text, start, end, precision): shapes beyond the basics
MORE_CASES = [
    (
        "relaunched in February this year",
        APR,
        "February this year",
        D(2025, 2, 1),
        D(2025, 2, 28),
        "month",
    ),
    (
        "on sale in September this year",
        APR,
        "September this year",
        D(2025, 9, 1),
        D(2025, 9, 30),
        "month",
    ),
    ("a visit in March next year", APR, "March next year", D(2026, 3, 1), D(2026, 3, 31), "month"),
    (
        "talks in June of last year",
        APR,
        "June of last year",
        D(2024, 6, 1),
        D(2024, 6, 30),
        "month",
    ),
    ("boats due in the early 2030s", APR, "the early 2030s", None, None, "vague"),
    ("a hull in the late 2040s", APR, "the late 2040s", None, None, "vague"),
    ("ports built in the mid-1990s", APR, "the mid-1990s", None, None, "vague"),
    (
        "profit for the July-September quarter",
        D(2024, 11, 1),
        "the July-September quarter",
        D(2024, 7, 1),
        D(2024, 9, 30),
        "quarter",
    ),
    (
        "sales in the April-June quarter of 2026",
        APR,
        "the April-June quarter of 2026",
        D(2026, 4, 1),
        D(2026, 6, 30),
        "quarter",
    ),
    (
        "the February-April quarter of 2024",
        APR,
        "the February-April quarter of 2024",
        D(2024, 2, 1),
        D(2024, 4, 30),
        "interval",
    ),
    (
        "talks resume early in the new year",
        D(2024, 11, 19),
        "early in the new year",
        D(2025, 1, 1),
        D(2025, 6, 30),
        "half",
    ),
    (
        "a review in the new year",
        D(2024, 11, 19),
        "the new year",
        D(2025, 1, 1),
        D(2025, 12, 31),
        "year",
    ),
    (
        "storms are forecast over the weekend",
        TUE,
        "the weekend",
        D(2025, 3, 15),
        D(2025, 3, 16),
        "interval",
    ),
    ("the talks were held over the weekend", TUE, "the weekend", SAT, D(2025, 3, 9), "interval"),
    ("a deal is likely within months", SAT, "within months", None, None, "vague"),
    ("a harder line in the year ahead", SAT, "in the year ahead", None, None, "vague"),
    ("under the 2016 arbitral ruling", SAT, "2016", D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("the plant will open in two years", SAT, "in two years", SAT, D(2027, 3, 8), "interval"),
    ("to finish ahead of a July 9 deadline", JUL, "July 9", D(2025, 7, 9), D(2025, 7, 9), "day"),
]


@pytest.mark.parametrize(("text", "anchor", "span", "start", "end", "precision"), MORE_CASES)
def test_dates_resolves_more_shapes(
    text: str,
    anchor: dt.date | None,
    span: str,
    start: dt.date | None,
    end: dt.date | None,
    precision: str,
) -> None:
    expr = _only(text, anchor)
    assert (expr.text, expr.start, expr.end, expr.precision) == (span, start, end, precision)


# (text, anchor, expected start): the clause's tense points a weekday or a month without a
# year forward or back; the nearest cue before it wins, else the first after it.
TENSE = [
    ("Temperatures will peak on Wednesday", SAT, D(2025, 3, 12)),
    ("Rain is forecast to reach the coast on Thursday", SAT, D(2025, 3, 13)),
    ("The committee shall meet on Friday", SAT, D(2025, 3, 14)),
    ("The final is on Sunday", SAT, D(2025, 3, 9)),
    ("The vote is scheduled for Monday", SAT, MON),
    ("Showers are expected on Saturday", SAT, SAT),
    ("They'll sign the deal on Tuesday", SAT, TUE),
    ("The trade fair opens on Wednesday", SAT, D(2025, 3, 12)),
    ("The envoy plans to arrive on Thursday", SAT, D(2025, 3, 13)),
    ("Forecasters said the storm could reach Bilbao on Thursday", SAT, D(2025, 3, 13)),
    ("Japan, who face Spain on Thursday, celebrated late", SAT, D(2025, 3, 13)),
    ("The summit will be held on Thursday", SAT, D(2025, 3, 13)),
    ("On Thursday, the envoys will meet in Geneva", SAT, D(2025, 3, 13)),
    ("The ministers met on Wednesday", SAT, D(2025, 3, 5)),
    ("The talks were held on Thursday", SAT, D(2025, 3, 6)),
    ("The minister said on Tuesday that they will meet again", SAT, D(2025, 3, 4)),
    ("The envoy flew to Rome to meet the pope on Thursday", SAT, D(2025, 3, 6)),
    ("The visit had been due to start on Thursday", SAT, D(2025, 3, 6)),
    ("The ministers met Theresa May on Thursday", SAT, D(2025, 3, 6)),
    ("The ministers will meet. Officials signed it on Thursday", SAT, D(2025, 3, 6)),
    ("the treaty was signed in October", JAN, D(2024, 10, 1)),
    ("since taking office in October", JAN, D(2024, 10, 1)),
    ("the minister will visit in October", JAN, D(2025, 10, 1)),
    ("they agreed to meet again in November", JAN, D(2025, 11, 1)),
    ("the report published in January", JAN, D(2025, 1, 1)),
    ("the ministers met on June 20", JAN, D(2024, 6, 20)),
    ("a plan ready by the end of November", APR, D(2025, 4, 10)),  # a deadline: ahead
    ("output had doubled by March", APR, D(2025, 3, 1)),
    # a year-less day at most a month ahead is that day, whatever the verb
    ("The talks came before a July 9 deadline", JUL, D(2025, 7, 9)),
    ("the ministers will meet on June 9", JUL, D(2026, 6, 9)),
]


@pytest.mark.parametrize(("text", "anchor", "start"), TENSE)
def test_dates_tense_of_clause_sets_direction(text: str, anchor: dt.date, start: dt.date) -> None:
    assert _only(text, anchor).start == start


def test_dates_following_day_counts_from_the_date_before() -> None:
    text = "The ministers met on March 3, 2025. The following day, they visited Busan."
    first, following = find_time_expressions(text, anchor=SAT)
    assert first.start == D(2025, 3, 3)
    assert (following.text, following.start, following.precision) == (
        "The following day",
        D(2025, 3, 4),
        "day",
    )
    assert _only("They arrived a day later.", SAT).start == D(2025, 3, 9)


def test_dates_following_day_skips_the_date_of_a_named_text() -> None:
    text = (
        "The ministers met on March 3, 2025, seventy years after the Bandung Declaration of "
        "24 April 1955. The following day, they visited Busan."
    )
    *_, following = find_time_expressions(text, anchor=SAT)
    assert following.start == D(2025, 3, 4)


def test_dates_year_after_another_year_is_a_date() -> None:
    found = find_time_expressions("titles came in 1978 and 1986.", anchor=SAT)
    assert [(e.text, e.precision) for e in found] == [("1978", "year"), ("1986", "year")]


# (text, anchor, expected start) with prefer="future": clauses about plans
FUTURE = [
    ("will meet on Friday", SAT, D(2025, 3, 14)),
    ("will meet on Saturday", SAT, SAT),
    ("will meet in March", APR, D(2026, 3, 1)),
    ("will meet on March 7", APR, D(2026, 3, 7)),
    ("will meet on May 7", APR, D(2025, 5, 7)),
]


@pytest.mark.parametrize(("text", "anchor", "start"), FUTURE)
def test_dates_prefer_future(text: str, anchor: dt.date, start: dt.date) -> None:
    assert _only(text, anchor, prefer="future").start == start


def test_dates_prefer_past_is_default_for_weekdays_and_months() -> None:
    assert _only("met on Friday", SAT).start == FRI
    assert _only("met on March 7", APR).start == FRI
    assert _only("met in March", APR).start == D(2025, 3, 1)


def test_dates_face_to_face_tells_no_tense() -> None:
    # "face" schedules ("who face Costa Rica on Sunday"); in "face to face" it is an idiom,
    # and the past "used" before it decides.
    assert (
        _only("Xi used the summit to meet them face to face after Friday's talks", SAT).start == FRI
    )


# (text, start, end, precision) with no anchor: relative ones stay unresolved
NO_ANCHOR = [
    ("this year", None, None, "year"),
    ("on Friday", None, None, "day"),
    ("March 7", None, None, "day"),
    ("later this year", None, None, "interval"),
    ("within two years", None, None, "interval"),
    ("by 2030", None, D(2030, 12, 31), "interval"),
    ("March 7, 2025", FRI, FRI, "day"),
    ("in 2015", D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("soon", None, None, "vague"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), NO_ANCHOR)
def test_dates_without_anchor(
    text: str, start: dt.date | None, end: dt.date | None, precision: str
) -> None:
    expr = _only(text, None)
    assert (expr.start, expr.end, expr.precision) == (start, end, precision)


DEADLINES = [
    ("plan to hold the dialogue this year", D(2025, 12, 31)),
    ("net zero by 2030", D(2030, 12, 31)),
    ("a visit next month", D(2025, 4, 30)),
    ("a summit early next year", D(2026, 6, 30)),
    ("to meet soon", None),
]


@pytest.mark.parametrize(("text", "deadline"), DEADLINES)
def test_dates_deadline_of(text: str, deadline: dt.date | None) -> None:
    assert deadline_of(_only(text, SAT)) == deadline


def test_dates_finds_every_expression_with_exact_spans() -> None:
    text = (
        "On Friday, March 7, 2025, the ministers met in Ottawa.[1] They agreed to hold the "
        "first dialogue this year and to finish a plan by 2030. The 2+2 talks in 2015 set "
        "five key areas; more talks will follow in the coming months, and a review between "
        "2024 and 2026 found the G20 useful."
    )
    found = find_time_expressions(text, anchor=SAT)
    assert [e.text for e in found] == [
        "Friday, March 7, 2025",
        "this year",
        "by 2030",
        "2015",
        "in the coming months",
        "between 2024 and 2026",
    ]
    for e in found:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text == e.text


def test_dates_window_keeps_offsets_in_whole_text() -> None:
    text = "They met on Friday. They will meet again on Friday."
    clause = text.index("They will")
    (expr,) = find_time_expressions(text, anchor=SAT, prefer="future", start=clause)
    assert expr.evidence.start > clause
    assert text[expr.evidence.start : expr.evidence.end] == "Friday"
    assert expr.start == D(2025, 3, 14)


def test_dates_document_anchor_prefers_published() -> None:
    assert document_anchor("Met on March 7, 2025.", published=D(2025, 3, 9)) == D(2025, 3, 9)


def test_dates_document_anchor_uses_latest_body_date_not_access_dates() -> None:
    text = (
        "The ministers met on March 3, 2025 and again on Friday, March 7, 2025.[1]\n"
        "[1] “A title” The Herald, https://example.org/a, (Date Accessed: 09.03.2025)."
    )
    assert document_anchor(text, published=None) == FRI


def test_dates_document_anchor_none_without_full_date() -> None:
    assert document_anchor("They met on Friday and will meet this year.", published=None) is None


def test_dates_malformed_vocabulary_is_a_reference_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "time_periods.yaml"
    bad.write_text("months: []\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="months"):
        dates._load_vocabulary(bad)


def _seed_like_document(words: int) -> str:
    paragraph = (
        "According to a statement from the ministry, the vice minister met his counterpart in "
        "Ottawa on Friday, March 7, 2025. The two officials agreed to further develop their "
        "achievements in five key areas of cooperation, and both sides pledged to play a more "
        "active role in the G20 and the OECD. They plan to hold the inaugural dialogue this "
        "year and to review the 2+2 format by the end of 2026, building on the agreement "
        "signed in 2015. Expanding bilateral dialogues could lead to new trade routes.[1] "
    )
    n = len(paragraph.split())
    return paragraph * max(1, words // n)


SEEDS = Path(__file__).parents[2] / ".." / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed folder not present")
def test_dates_seed_article() -> None:
    text = (SEEDS / "000_acd455b7afb1acb5.txt").read_text(encoding="utf-8")
    found = {e.text: e for e in find_time_expressions(text, anchor=SAT)}
    assert found["Friday, March 7, 2025"].start == FRI
    assert deadline_of(found["this year"]) == D(2025, 12, 31)
    assert found["2015"].precision == "year"
    assert found["08.03.2025"].start == SAT
    assert "G20" not in found and "[1]" not in found
    assert document_anchor(text, published=None) == FRI
