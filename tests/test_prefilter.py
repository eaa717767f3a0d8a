"""The relevance pre-filter: it may keep too much, but never a text with a meeting or a
commitment (measured on every gold set). Its speed is a benchmark (bench/bench_ingest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.prefilter import Prefilter, load_prefilter

DATA = Path(__file__).resolve().parent / "data"
GOLD_SETS = ("gold", "heldout", "gold_multi")


def _gold_pairs() -> list[tuple[str, Path, int]]:
    pairs = []
    for folder in GOLD_SETS:
        for text in sorted((DATA / folder).glob("**/*.txt")):
            gold = text.with_suffix(".json")
            if not gold.exists():
                continue
            facts = json.loads(gold.read_text(encoding="utf-8"))
            count = len(facts.get("meetings", [])) + len(facts.get("commitments", []))
            pairs.append((f"{folder}/{text.relative_to(DATA / folder)}", text, count))
    return pairs


GOLD = _gold_pairs()


def test_prefilter_loses_no_gold_meeting_or_commitment() -> None:
    prefilter = load_prefilter()
    with_facts = [(name, path, n) for name, path, n in GOLD if n > 0]
    assert len(with_facts) >= 45  # the sets are all there
    lost = [
        (name, n)
        for name, path, n in with_facts
        if not prefilter.is_relevant(path.read_text(encoding="utf-8"))
    ]
    assert lost == [], f"the pre-filter would skip {sum(n for _, n in lost)} gold facts: {lost}"


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        ("Foreign Minister Iwaya met his Philippine counterpart in Manila.", True),
        ("The two sides agreed to expand their joint exercises.", False),  # no actor
        ("Canada will host the next round of talks.", True),
        ("Lee Jae-myung spoke by phone with Carney on Monday.", True),
        ("The EU plans to raise its tariff on steel.", True),  # "EU" as written
        ("Light rain and a cool breeze from the north through the weekend.", False),
        ("Shares of the carmaker rose 4% after strong quarterly sales.", False),
        ("Japan beat Germany 2-1 in a thrilling match in Doha.", False),  # no cue
        ("let us hope the un-named striker scores.", False),  # "us", "un" are not actors
    ],
)
def test_prefilter_needs_a_cue_and_an_actor(text: str, relevant: bool) -> None:
    assert load_prefilter().is_relevant(text) is relevant


def test_prefilter_matches_terms_across_line_breaks_and_in_any_case() -> None:
    prefilter = Prefilter(
        actors=["Prime Minister", "US"],
        meeting_verbs=["meet"],
        event_nouns=["summit"],
        commissive_cue=load_prefilter()._commissive,
    )
    assert prefilter.check("the prime\nminister met reporters").actor == "prime\nminister"
    assert prefilter.check("the US summit").relevant
    assert not prefilter.check("the us summit").relevant
