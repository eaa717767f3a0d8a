"""Tests for the dateline helpers: where a story's opening dateline ends."""

from __future__ import annotations

import pytest

from accord.extractors._places import dateline_end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "DUBAI, March 10 (Wire) - Saudi Arabia and Iran agreed.",
            len("DUBAI, March 10 (Wire) - "),
        ),
        ("Headline here\n\nOSLO — The ministers met.", len("Headline here\n\nOSLO — ")),
        ("Saudi Arabia and Iran agreed to restore ties.", 0),
    ],
)
def test_places_dateline_end(text: str, expected: int) -> None:
    assert dateline_end(text) == expected
