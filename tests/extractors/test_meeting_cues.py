"""Tests for the meeting cues: which sentences report a meeting or a call, on our own words."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

pytestmark = pytest.mark.model


def _sentence(text: str) -> Span:
    from accord.nlp import load_nlp

    return next(iter(load_nlp()(text).sents))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prime Minister Carney met President Sheinbaum in Ottawa on Monday.", True),
        ("The two ministers held talks in Rabat on Thursday.", True),
        ("Erdoğan travelled to Cairo for talks with el-Sisi on Wednesday.", True),
        ("At a meeting with Iwaya in Tokyo on Monday, Wang said ties had improved.", True),
        ("Carney will meet Sheinbaum in Ottawa next week.", False),
        ("Macron called on Putin to accept a ceasefire.", False),
        ("The two leaders welcomed the Memorandum of Agreement on liaison officers.", False),
        ("The Secretary told a news conference that talks were going well.", False),
    ],
)
def test_meeting_cues_has_cue(text: str, expected: bool) -> None:
    from accord.extractors._meeting_cues import has_cue

    assert has_cue(_sentence(text)) is expected


@pytest.mark.parametrize(
    ("text", "placed", "expected"),
    [
        ("Jaishankar and Wong spoke by phone on Wednesday.", False, True),
        ("Secretary Rubio spoke with Foreign Minister Iwaya today.", False, True),
        ("Sharif received a telephone call from Erdoğan on Thursday.", True, True),
        ("Wong paid a courtesy call on President Prabowo in Jakarta.", True, False),
        ("Rubio spoke with Iwaya on the sidelines of the G7 meeting.", False, False),
    ],
)
def test_meeting_cues_is_call(text: str, placed: bool, expected: bool) -> None:
    from accord.extractors._meeting_cues import is_call

    assert is_call(_sentence(text), placed=placed) is expected
