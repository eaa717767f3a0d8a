"""Tests for the meetings extractor: cues, parties, splitting, places, on our own sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.records import Document, Meeting, document_id

PUBLISHED = dt.date(2025, 3, 8)

pytestmark = pytest.mark.model


def _meetings(text: str, published: dt.date | None = PUBLISHED) -> list[Meeting]:
    from accord.extractors import read_annotations
    from accord.extractors.meetings import find_meetings
    from accord.nlp import load_nlp

    document = Document(
        id=document_id(text), text=text, source="test", format="txt", published=published
    )
    annotations = read_annotations(document)
    return find_meetings(load_nlp()(text), annotations=annotations, published=published)


def _shape(meeting: Meeting) -> tuple[str | None, tuple[str, ...], str | None]:
    return (meeting.date.isoformat() if meeting.date else None, meeting.parties, meeting.city)


# (text, [(date, parties, city)]): one of our own sentences per shape.
SHAPES = [
    # A first-person release speaks for the official its header names.
    (
        "The Hon Mark Carney\nPrime Minister\n\nMedia release\n\n"
        "Today I spoke by telephone with Japanese Prime Minister Ishiba Shigeru about "
        "trade and energy security.",
        [("2025-03-08", ("CAN", "JPN"), None)],
    ),
    # "separate talks with A and with B": one bilateral meeting per counterpart.
    (
        "On 5 March 2025, President Luiz Inácio Lula da Silva held separate talks with "
        "Chinese Premier Li Qiang and with "
        "Indian Prime Minister Narendra Modi in Brasília.",
        [
            ("2025-03-05", ("BRA", "CHN"), "Brasília"),
            ("2025-03-05", ("BRA", "IND"), "Brasília"),
        ],
    ),
    # A separate meeting is not folded into the wider summit of the same day.
    (
        "On 4 March 2025, President Emmanuel Macron hosted German Chancellor Olaf Scholz and "
        "Polish Prime Minister Donald Tusk in Paris for a summit on defence. Macron also "
        "hosted Scholz for separate talks at the Élysée the same evening, on 4 March 2025.",
        [
            ("2025-03-04", ("DEU", "FRA", "POL"), "Paris"),
            ("2025-03-04", ("DEU", "FRA"), "Paris"),
        ],
    ),
    # Officials of two parties together as the subject of a dated act at a place.
    (
        "On 6 March 2025, in Canberra, Australian Prime Minister Anthony Albanese and "
        "Indonesian President Prabowo Subianto unveiled a plan for joint maritime patrols.",
        [("2025-03-06", ("AUS", "IDN"), "Canberra")],
    ),
    # "On 26 May" is a date, not the modal "may".
    (
        "On 3 March, South Korean President Yoon Suk Yeol held talks with Japanese Prime "
        "Minister Ishiba Shigeru in Seoul.",
        [("2025-03-03", ("JPN", "KOR"), "Seoul")],
    ),
    # The most specific city, not the island it lies on; "Rio" is Rio de Janeiro.
    (
        "President Joe Biden met Chinese President Xi Jinping in Nusa Dua, on the Indonesian "
        "island of Bali, on November 14, 2022.",
        [("2022-11-14", ("CHN", "USA"), "Nusa Dua")],
    ),
    # A dateline of a place and a date alone gives the place of a joint statement.
    (
        "Joint Statement\n\nWashington, D.C., March 7, 2025\n\n"
        "We, Prime Minister Ishiba Shigeru of Japan and President Donald Trump of the United "
        "States, met today at the White House.",
        [("2025-03-08", ("JPN", "USA"), "Washington")],
    ),
    # "They last met in ...": the officials named just before are the participants' sides.
    (
        "Chinese President Xi Jinping and U.S. President Joe Biden met on Thursday, "
        "March 6, 2025, in Lima. They last met in Rio de Janeiro on November 18, 2024.",
        [
            ("2025-03-06", ("CHN", "USA"), "Lima"),
            ("2024-11-18", ("CHN", "USA"), "Rio de Janeiro"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_meetings_shapes(text: str, expected: list[tuple[str, tuple[str, ...], str]]) -> None:
    assert [_shape(m) for m in _meetings(text)] == expected


# Sentences that report no meeting between parties.
NOT_MEETINGS = [
    # A procurement decision told to a news conference; "has" is a tense, not "held".
    "OSLO — Norway has chosen the British Type 26 frigate for its navy, Prime Minister "
    "Jonas Gahr Støre told a news conference, in what London called its largest export deal.",
    # "a call to fight hunger" is an appeal, not a phone call.
    "Brazil's President Luiz Inácio Lula da Silva opened the summit with a call to fight "
    "hunger, while Chinese President Xi Jinping and the other leaders called for a ceasefire "
    "in Gaza.",
    # Two parties' officials together, but in the future tense.
    "On 6 March 2025, in Canberra, Australian Prime Minister Anthony Albanese and "
    "Indonesian President Prabowo Subianto will unveil a plan for joint patrols.",
]


@pytest.mark.parametrize("text", NOT_MEETINGS)
def test_meetings_not_meetings(text: str) -> None:
    assert _meetings(text) == []


def test_meetings_place_in_the_topic_is_not_the_venue() -> None:
    text = (
        "RIO DE JANEIRO — British Prime Minister Keir Starmer met Chinese President Xi "
        "Jinping on Monday, March 3, 2025, and the two leaders discussed the war in Ukraine."
    )
    [meeting] = _meetings(text)
    assert (meeting.city, meeting.country) == ("Rio de Janeiro", "BRA")


def test_meetings_first_person_speaker_is_a_participant() -> None:
    text = (
        "Senator the Hon Penny Wong\nMinister for Foreign Affairs\n\nMedia release\n\n"
        "Today I spoke by telephone with Indonesia's Foreign Minister, Sugiono, about the "
        "region."
    )
    [meeting] = _meetings(text)
    assert {p.name for p in meeting.participants} == {"Penny Wong", "Sugiono"}
    assert (meeting.city, meeting.country) == (None, None)


def test_meetings_headline_is_no_speaker() -> None:
    # A headline that names an official is not a byline: "we" in a quote adds no party.
    text = (
        "Starmer visits troops in Estonia\n\n"
        "British Prime Minister Keir Starmer met soldiers in Tapa on Friday. "
        '"We are with you," he told them.'
    )
    assert _meetings(text) == []
