"""Tests for accord.extractors.citations: reference lists and in-text footnote markers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.extractors.citations import (
    find_citations,
    find_footnote_markers,
    reference_list_start,
)

# Our own text in the seed's shape: a body with bracket markers, then a bare reference list.
SEED_SHAPE = (
    "Officials of the two countries met in Ottawa on Friday, March 7, 2025.[1] They agreed to "
    "widen cooperation in several areas.\n"
    "Both sides plan to hold a new dialogue this year.[2] Analysts see a wider role for "
    "Canada.[3]\n"
    "[1] “Seoul and Ottawa deepen their partnership” The Korea Herald, "
    "https://www.example-herald.test/article/1, (Date Accessed: 08.03.2025).\n"
    "[2] Ibid.\n"
    "[3] “Middle powers and Indo-Pacific security: Canada’s options”, Example Policy Institute, "
    "https://policy.example.test/2025/03/07/middle-powers/, (Date Accessed: 09.03.2025)."
)


def test_citations_seed_shape() -> None:
    first, second, third = find_citations(SEED_SHAPE)
    assert first.marker == "[1]" and first.resolves_to == "[1]"
    assert first.title == "Seoul and Ottawa deepen their partnership"
    assert first.publisher == "The Korea Herald"
    assert first.url == "https://www.example-herald.test/article/1"
    assert first.accessed == dt.date(2025, 3, 8)
    assert (second.marker, second.ref, second.resolves_to) == ("[2]", "Ibid.", "[1]")
    assert third.title == "Middle powers and Indo-Pacific security: Canada’s options"
    assert third.publisher == "Example Policy Institute"
    assert third.url == "https://policy.example.test/2025/03/07/middle-powers/"
    assert third.accessed == dt.date(2025, 3, 9)


def test_citations_ref_is_the_text_after_the_marker() -> None:
    first = find_citations(SEED_SHAPE)[0]
    assert first.ref.startswith("“Seoul and Ottawa")
    assert first.ref.endswith("(Date Accessed: 08.03.2025).")
    assert first.to_dict()["accessed"] == "2025-03-08"


def test_citations_reference_list_start() -> None:
    start = reference_list_start(SEED_SHAPE)
    assert start is not None
    assert SEED_SHAPE[start:].startswith("[1] “Seoul")


def test_citations_footnote_markers_only_in_body() -> None:
    markers = find_footnote_markers(SEED_SHAPE)
    assert [m for m, _ in markers] == ["[1]", "[2]", "[3]"]
    start = reference_list_start(SEED_SHAPE)
    assert start is not None
    for _, ev in markers:
        assert ev.end <= start
        assert SEED_SHAPE[ev.start : ev.end] == ev.text


NUMBERED = (
    "The ministers met again.¹ A second meeting followed.²\n\n"
    "Sources:\n"
    "1. Kim Min-ji, Seoul and Ottawa widen ties, Example News Agency, March 8, 2025. "
    "https://news.example.test/a?id=(7)\n"
    "2. Ibid., p. 4\n"
    "3. Ibid.\n"
    '4. Lee Ho, "Talks in Ottawa", The Example Globe, 2025-03-09. Retrieved 10 March 2025.\n'
    "5. ‘Canada’s Indo-Pacific turn’, Policy Review,\n"
    "   accessed March 11, 2025\n"
)


def test_citations_headed_numbered_list() -> None:
    cites = find_citations(NUMBERED)
    assert [c.marker for c in cites] == ["[1]", "[2]", "[3]", "[4]", "[5]"]
    first, second, third, fourth, fifth = cites
    assert (first.title, first.publisher) == ("Seoul and Ottawa widen ties", "Example News Agency")
    assert first.url == "https://news.example.test/a?id=(7)"
    assert (second.ref, second.resolves_to) == ("Ibid., p. 4", "[1]")
    assert third.resolves_to == "[1]"  # a chain of Ibid. goes back to the original
    assert (fourth.title, fourth.publisher) == ("Talks in Ottawa", "The Example Globe")
    assert fourth.accessed == dt.date(2025, 3, 10)
    assert (fifth.title, fifth.publisher) == ("Canada’s Indo-Pacific turn", "Policy Review")
    assert fifth.accessed == dt.date(2025, 3, 11)  # from the wrapped line


def test_citations_heading_is_where_the_list_starts() -> None:
    start = reference_list_start(NUMBERED)
    assert start is not None and NUMBERED[start:].startswith("Sources:")


def test_citations_superscript_markers() -> None:
    markers = find_footnote_markers(NUMBERED)
    assert [(m, ev.text) for m, ev in markers] == [("[1]", "¹"), ("[2]", "²")]


@pytest.mark.parametrize(
    ("heading", "line"),
    [
        ("References", "[1] A. Author, Some report, Some Press, 2024."),
        ("Notes:", "1. “A report”, The Publisher, https://example.test/r."),
        ("## Sources", "- “A bulletin”, The Agency, https://agency.example.test/b"),
    ],
)
def test_citations_headings(heading: str, line: str) -> None:
    text = f"Body text.[1]\n\n{heading}\n{line}\n"
    (cite,) = find_citations(text)
    assert cite.marker == "[1]" and cite.resolves_to == "[1]"
    assert cite.publisher in {"Some Press", "The Publisher", "The Agency"}


@pytest.mark.parametrize(
    "text",
    [
        "A plain article with no references at all.",
        "The plan has three goals:\n1. Expand trade.\n2. Deepen defence ties.\n3. Meet again.",
        "They met on Friday.[1] No list follows the marker.",
    ],
)
def test_citations_none_without_reference_list(text: str) -> None:
    assert find_citations(text) == []
    assert reference_list_start(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one[1] two[12] three", ["[1]", "[12]"]),
        ("both sources.[1, 2]", ["[1]", "[2]"]),
        ("a range[2-4]", ["[2]", "[3]", "[4]"]),
        ("an area of 5 km² and a note.³", ["[3]"]),
        ("the year [2025] and [sic] are not markers", []),
    ],
)
def test_citations_footnote_marker_shapes(text: str, expected: list[str]) -> None:
    assert [m for m, _ in find_footnote_markers(text)] == expected


def test_citations_first_ibid_resolves_to_nothing() -> None:
    (cite,) = find_citations("Body.[1]\n[1] Ibid.")
    assert cite.resolves_to is None


SEEDS = Path(__file__).parents[2] / ".." / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed folder not present")
def test_citations_seed_article() -> None:
    text = (SEEDS / "000_acd455b7afb1acb5.txt").read_text(encoding="utf-8")
    first, second, third = find_citations(text)
    assert (first.marker, first.publisher, first.accessed) == (
        "[1]",
        "The Korea Herald",
        dt.date(2025, 3, 8),
    )
    assert (second.marker, second.resolves_to) == ("[2]", "[1]")
    assert (third.marker, third.accessed) == ("[3]", dt.date(2025, 3, 9))
    assert [m for m, _ in find_footnote_markers(text)] == ["[1]", "[2]", "[3]"]
