"""Tests for the places the reading layer finds: islands and provinces are not cities."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.records import Document, document_id

pytestmark = pytest.mark.model


def _places(text: str) -> list[tuple[str, str | None]]:
    from accord.extractors import read_annotations

    document = Document(
        id=document_id(text),
        text=text,
        source="test",
        format="txt",
        published=dt.date(2025, 3, 8),
    )
    return [(p.city, p.country) for p in read_annotations(document).places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name after "island of" is the island, not a town of that name elsewhere.
        (
            "The leaders met in Nusa Dua, on the Indonesian island of Bali.",
            [("Nusa Dua", "IDN")],
        ),
        ("Officials gathered in the province of Bali for the forum.", []),
        # A summit venue too small for the population cut, and a short form of a big city.
        (
            "Biden hosted Modi at his home in Greenville on Saturday.",
            [("Greenville", "USA")],
        ),
        ("G20 leaders gathered in Rio on Monday.", [("Rio de Janeiro", "BRA")]),
    ],
)
def test_entities_places(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _places(text) == expected
