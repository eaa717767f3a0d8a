"""Tests for accord.ingest.dateline: the document's own date at the top of its text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.ingest.dateline import find_dateline

SEED = Path("/work/shared/seeds/000_acd455b7afb1acb5.txt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "November 1, 2024 – Ottawa, Ontario – Global Affairs Canada\nMinisters met.",
            "2024-11-01",
        ),
        ("SEOUL, May 17, 2023 /CNW/ - Two companies signed a deal.", "2023-05-17"),
        ("OTTAWA, ON, Nov. 1, 2024 — The minister announced", "2024-11-01"),
        ("OTTAWA, ON, Nov 1, 2024 — The minister announced", "2024-11-01"),
        ("Tokyo, 12 June 2024 - Japan and Canada agreed", "2024-06-12"),
        ("2024-11-01\nReadout of the call", "2024-11-01"),
        ("Readout of the call\n2024-11-01\nThe leaders spoke.", "2024-11-01"),
        ("Joint statement\nPublished: 8 March 2025\nText follows.", "2025-03-08"),
        ("Date: 2025-03-08\nThe ministers met.", "2025-03-08"),
        ("Posted on March 9, 2025 by the press office", "2025-03-09"),
        ("Friday, March 7, 2025 — Ottawa", "2025-03-07"),
        ("WASHINGTON, D.C., Feb. 3rd, 2025 (Example Wire) — Officials", "2025-02-03"),
        ("Rio de Janeiro, Brazil, Sept. 5, 2024 – The summit opened", "2024-09-05"),
        ("NEW DELHI, 14 SEPTEMBER 2023 | The two sides", "2023-09-14"),
        ("Canberra, 3 Jan 2025:\nAustralia and Korea", "2025-01-03"),
        ("Title line\n\nSubtitle line\nJULY 4, 2024\nBody", "2024-07-04"),
        # No dateline: no year, a date inside a sentence, or an impossible day.
        ("SEOUL, March 8 (Yonhap) -- South Korea said on Friday", None),
        ("The ministers met in Ottawa on Friday, March 7, 2025.", None),
        ("March 7, 2025, was the day the two ministers met.", None),
        ("According to officials, the talks ended on 7 March 2025 - late.", None),
        ("February 30, 2025 — Ottawa", None),
        ("Line one\nLine two\nLine three\nLine four\n" + "x" * 500 + "\nMay 1, 2024 –", None),
        ("", None),
    ],
)
def test_dateline_find_dateline(text: str, expected: str | None) -> None:
    found = find_dateline(text)
    assert (found.isoformat() if found else None) == expected


def test_dateline_seed_article_has_none() -> None:
    # Its only early date sits inside a sentence: "...in Ottawa on Friday, March 7, 2025."
    assert find_dateline(SEED.read_text(encoding="utf-8")) is None


def test_dateline_returns_a_date() -> None:
    assert find_dateline("Tokyo, 12 June 2024 - text") == dt.date(2024, 6, 12)
