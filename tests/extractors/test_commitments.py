"""Tests for the commitments extractor: lexicon, commitment shapes, non-commitments, the seed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import spacy

from accord.errors import ReferenceDataError
from accord.extractors._clauses import LEXICON_PATH, load_lexicon, trim
from accord.extractors.commitments import candidate_sentences, find_commitments
from accord.records import Commitment, Document, document_id

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_acd455b7afb1acb5.txt"
SEED_GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "seed" / "000_seed.json"
PUBLISHED = dt.date(2025, 3, 8)


def _commitments(text: str, published: dt.date | None = PUBLISHED) -> list[Commitment]:
    from accord.extractors import read_annotations
    from accord.extractors.dates import document_anchor
    from accord.kb import load_kb
    from accord.nlp import load_nlp

    document = Document(
        id=document_id(text), text=text, source="test", format="txt", published=published
    )
    annotations = read_annotations(document)
    return find_commitments(
        load_nlp()(text),
        text=text,
        annotations=annotations,
        anchor=document_anchor(text, published=published),
        kb=load_kb(),
    )


def test_commitments_lexicon_loads_with_known_modalities() -> None:
    lex = load_lexicon()
    assert lex.verbs["agree"] == "agreed"
    assert lex.verbs["vow"] == "pledged"
    assert "serve" in lex.hedge_verbs
    assert lex.plover == "AGREE"


def test_commitments_lexicon_missing_section_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "commissives.yaml"
    path.write_text("verbs: {agree: agreed}\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="lacks the sections"):
        load_lexicon.__wrapped__(path)


def test_commitments_lexicon_unknown_modality_is_an_error(tmp_path: Path) -> None:
    data = LEXICON_PATH.read_text(encoding="utf-8")
    path = tmp_path / "commissives.yaml"
    path.write_text(data.replace("agree: agreed", "agree: hoped"), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="unknown modalities"):
        load_lexicon.__wrapped__(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ends here [2].", "Ends here"),
        ("Ends here.[1]", "Ends here"),
        ("No change", "No change"),
        ("Quoted, “", "Quoted"),
    ],
)
def test_commitments_trim_drops_trailing_marks(text: str, expected: str) -> None:
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers agreed to meet again. The weather was fine.", ["The ministers agreed"]),
        ("Leaders agree to meet\nThe talks ended.", []),  # a headline line
        ("Prices rose. Rain fell.", []),
        ("Canada will host the talks.", ["Canada will host the talks."]),
    ],
)
def test_commitments_candidate_sentences(text: str, expected: list[str]) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    found = [s.text for s in candidate_sentences(nlp(text))]
    assert [f for f in found if any(f.startswith(e) for e in expected)] == found
    assert len(found) == len(expected)


# Our own sentences, one per shape: (text, [(clause start, parties, modality, deadline)]).
SHAPES = [
    (
        "Foreign Minister Mélanie Joly of Canada met Japanese Foreign Minister Iwaya Takeshi "
        "in Ottawa on March 7, 2025. The two ministers agreed to expand cooperation on "
        "critical minerals and to hold a trade dialogue this year.",
        [
            ("The two ministers agreed to expand", ("CAN", "JPN"), "agreed", None),
            ("to hold a trade dialogue this year", ("CAN", "JPN"), "agreed", "2025-12-31"),
        ],
    ),
    (
        "Canada and Japan pledged to deepen their defence ties.",
        [("Canada and Japan pledged to deepen", ("CAN", "JPN"), "pledged", None)],
    ),
    (
        "Norway and Denmark vowed to protect undersea cables in the North Sea.",
        [("Norway and Denmark vowed to protect", ("DNK", "NOR"), "pledged", None)],
    ),
    (
        "Germany will open a new consulate in Mumbai next year.",
        [("Germany will open a new consulate", ("DEU",), "planned", "2026-12-31")],
    ),
    (
        "Kenya and Ghana decided to launch a joint vaccine programme.",
        [("Kenya and Ghana decided to launch", ("GHA", "KEN"), "decided", None)],
    ),
    (
        "Brazil and Chile plan to hold a summit on energy in 2026.",
        [("Brazil and Chile plan to hold a summit", ("BRA", "CHL"), "planned", "2026-12-31")],
    ),
    (
        "Spain and Portugal reaffirmed their commitment to a shared electricity market.",
        [("Spain and Portugal reaffirmed their commitment", ("ESP", "PRT"), "reaffirmed", None)],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_commitments_shapes(
    text: str, expected: list[tuple[str, tuple[str, ...], str, str | None]]
) -> None:
    found = _commitments(text)
    assert len(found) == len(expected), [c.text for c in found]
    for c, (start, parties, modality, deadline) in zip(found, expected, strict=True):
        assert c.text.startswith(start)
        assert c.parties == parties
        assert c.modality == modality
        assert (c.deadline.isoformat() if c.deadline else None) == deadline
        assert text[c.evidence.start : c.evidence.end] == c.text
        assert c.attribution == "reported"


NOT_COMMITMENTS = [
    "Canada and Japan called on North Korea to stop its missile launches.",
    "The two ministers condemned the attack on the embassy.",
    "Canada and Japan are expected to sign a new security pact.",
    "This partnership will serve as a model for the region.",
    "Closer cooperation could lead to new trade routes.",
    "Stronger ties with Japan will bolster Canada's position in Asia.",
    "Canada and Japan agreed in 2015 to open a joint research centre.",
    "The company pledged to recycle every battery it sells.",
    "Both sides of the border will see heavy rain.",
    "Analysts said the deal would raise trade between the two countries.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_COMMITMENTS)
def test_commitments_not_commitments(text: str) -> None:
    assert _commitments(text) == []


@pytest.mark.model
def test_commitments_seed_matches_gold() -> None:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    from accord.evaluation_measures import overlaps_by_half

    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    found = _commitments(text, published=None)
    spans = [(c.evidence.start, c.evidence.end) for c in found]
    assert len(found) == len(gold["commitments"])
    for expected in gold["commitments"]:
        start = text.index(expected["text"])
        gold_span = (start, start + len(expected["text"]))
        match = [c for c, s in zip(found, spans, strict=True) if overlaps_by_half(s, gold_span)]
        assert len(match) == 1, expected["text"]
        assert match[0].modality == expected["modality"]
        assert list(match[0].parties) == expected["parties"]
        deadline = match[0].deadline.isoformat() if match[0].deadline else None
        assert deadline == expected["deadline"]
    for quote in gold["not_commitments"]:
        start = text.index(quote)
        assert not any(overlaps_by_half(s, (start, start + len(quote))) for s in spans)
