"""Tests for the place helpers: where a dateline ends, which places are a meeting's venue."""

from __future__ import annotations

import pytest

from accord.extractors._places import dateline_end
from accord.records import Annotations, Meeting


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


def _sentence_places(text: str) -> tuple[list[str], set[str]]:
    from accord.extractors import read_annotations
    from accord.extractors._places import located_countries, venues_in
    from accord.nlp import load_nlp
    from accord.records import Document, document_id

    document = Document(id=document_id(text), text=text, source="test", format="txt")
    annotations = read_annotations(document)
    [sent] = list(load_nlp()(text).sents)
    venues = venues_in(sent, annotations)
    return [p.city or "" for p in venues], located_countries(sent, annotations, venues)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "venues", "located"),
    [
        # A district before its city is not a town: the city is the venue.
        ("Yoon met Biden at the office in Yongsan, Seoul.", ["Seoul"], set()),
        # A place someone came back to, or visited before, is not where they met.
        ("Scholz met Li before flying back to Berlin.", [], set()),
        ("Wang met Blinken weeks after his visit to Beijing.", [], set()),
        # "Tokyo's plan" is the government; "the Indonesian capital" places the talks.
        ("Wang met Hayashi and criticised Tokyo's plan.", [], set()),
        ("Wang met his counterparts in the Indonesian capital.", ["Jakarta"], {"IDN"}),
    ],
)
def test_places_venues_of_a_meeting_sentence(
    text: str, venues: list[str], located: set[str]
) -> None:
    assert _sentence_places(text) == (venues, located)


def _annotations(text: str) -> Annotations:
    from accord.extractors import read_annotations
    from accord.records import Document, document_id

    return read_annotations(Document(id=document_id(text), text=text, source="t", format="txt"))


def test_places_a_province_in_a_dateline_is_no_city() -> None:
    # "Bali" is Indonesia's province, not "Bāli" in West Bengal, and no city (gold set G).
    places = _annotations("BALI, Indonesia, Nov 16 (Wire) - The leaders met.").places
    assert [(p.city, p.country) for p in places] == [(None, "IDN")]


def test_places_a_town_by_its_region_in_a_dateline() -> None:
    places = _annotations("WILMINGTON, Delaware — The leaders met.").places
    assert [(p.city, p.country) for p in places] == [("Wilmington", "USA")]


def test_places_come_in_the_text_s_order() -> None:
    # The gazetteer and the model find cities in two passes; readers of "the city named
    # last" need them in the order they are written.
    text = (
        "Aliyev had pulled out of the meeting planned for the summit in Granada in October "
        "2023, and the talks in Brussels had stalled. The thaw began in Munich."
    )
    starts = [p.evidence.start for p in _annotations(text).places]
    assert len(starts) == 3
    assert starts == sorted(starts)


def test_places_a_venue_in_a_city_gives_the_city() -> None:
    text = (
        "President Cyril Ramaphosa today, 3 December 2024, received President Bola Ahmed "
        "Tinubu at Tuynhuys in Cape Town."
    )
    cities = [m.city for m in _meetings_of(text)]
    assert cities == ["Cape Town"]


def _meetings_of(text: str) -> list[Meeting]:
    from tests.extractors.test_meetings import _meetings

    return _meetings(text)
