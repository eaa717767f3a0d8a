"""Lookup keys: acronyms stay case-sensitive, names fold case, accents, punctuation and spelling."""

from __future__ import annotations

import pytest

from accord.kb.normalize import (
    acronym_key,
    fold,
    is_acronym,
    needs_capital,
    spelling_variants,
    strip_possessive,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US", True),
        ("U.S.", True),
        ("G20", True),
        ("AfDB", True),
        ("MoD", True),
        ("us", False),
        ("Turkey", False),
        ("United States", False),
        ("Asean", False),
    ],
)
def test_normalize_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (
            "Organisation for Economic Co-operation and Development",
            "organization for economic cooperation and development",
        ),
        ("Department of National Defence", "department of national defense"),
        ("Türkiye", "turkiye"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("the United Nations", "united nations"),
        ("St. Petersburg", "st petersburg"),
        ("Trinidad & Tobago", "trinidad and tobago"),
    ],
)
def test_normalize_fold(left: str, right: str) -> None:
    assert fold(left) == fold(right) == right


def test_normalize_acronym_key_and_possessive() -> None:
    assert acronym_key("U.S.") == acronym_key("US") == "US"
    assert acronym_key("G-20") == "G20"
    assert strip_possessive("South Korea’s") == "South Korea"
    assert strip_possessive("Philippines'") == "Philippines"
    assert strip_possessive("Swiss") == "Swiss"


def test_normalize_needs_capital() -> None:
    assert needs_capital("Turkey")
    assert needs_capital("the Quad")
    assert not needs_capital("parliament")
    assert not needs_capital("United Nations")


def test_normalize_spelling_variants() -> None:
    variants = set(spelling_variants("Organisation for Economic Co-operation and Development"))
    assert "Organization for Economic Cooperation and Development" in variants
    assert "Organisation for Economic Co-operation and Development" in variants
    assert "People’s Republic of China" in set(spelling_variants("People's Republic of China"))
