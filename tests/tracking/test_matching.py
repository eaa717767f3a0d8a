"""Tests of the lexical matching behind merging, the ledger and source checks."""

from __future__ import annotations

import pytest

from accord.tracking.matching import coverage, name_key, named_things, parties_key, tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lee Jae-myung", "Lee Jae Myung"),
        ("Mélanie Joly", "Melanie Joly"),
        ("Chung Byung-won", "CHUNG Byung Won"),
    ],
)
def test_matching_name_key_equal(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "South Korea and Canada will hold their first Indo-Pacific Dialogue this year",
            {"indo", "pacific", "dialogue"},
        ),
        (
            "Canada-ROK Foreign and Defence (2+2) Ministerial Meeting",
            {"foreign", "defence", "2+2", "minister"},
        ),
        ("Korea-Canada Foreign and Defense (2+2)", {"foreign", "defence", "2+2"}),
    ],
)
def test_matching_tokens_keep_what_is_pledged(text: str, expected: set[str]) -> None:
    assert tokens(text) == expected


def test_matching_mechanism_covered_by_pledge_wording() -> None:
    pledge = tokens(
        "the ministers agreed to hold the first meeting of their foreign and defence "
        'ministers in a "2+2" format as soon as possible'
    )
    assert coverage(tokens("Canada-ROK Foreign and Defence (2+2) Ministerial"), pledge) == 1.0
    assert coverage(tokens("G7 Leaders' Summit"), pledge) == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will launch a Canada-ROK Indo-Pacific Dialogue so that", "Indo-Pacific Dialogue"),
        (
            "held the first Korea-Canada High-level Economic Security Dialogue in Seoul",
            "Economic Security Dialogue",
        ),
    ],
)
def test_matching_named_things(text: str, expected: str) -> None:
    assert any(name.endswith(expected) for name in named_things(text))


def test_matching_parties_key_sorted_and_unique() -> None:
    assert parties_key(["kor", "CAN", "KOR"]) == "CAN|KOR"
