"""Tests for the people extractor: titles, names and the country each official speaks for."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.records import Document, Person, document_id

pytestmark = pytest.mark.model


def _people(text: str) -> dict[str, Person]:
    from accord.extractors import read_annotations

    document = Document(
        id=document_id(text),
        text=text,
        source="test",
        format="txt",
        published=dt.date(2024, 5, 10),
    )
    return {p.name: p for p in read_annotations(document).people}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country word heading a list of officials carries across the list.
        (
            "The envoys met Kenya's Minister of Trade, Amina Wafula, and Minister of State "
            "for Foreign Affairs, Joseph Otieno, on the future of the Benin Bronzes.",
            {"Amina Wafula": "KEN", "Joseph Otieno": "KEN"},
        ),
        (
            "Ghana's Minister of Information Kofi Mensah and Director-General Yaw Boateng "
            "signed the memorandum on Friday.",
            {"Kofi Mensah": "GHA", "Yaw Boateng": "GHA"},
        ),
    ],
)
def test_people_list_head_country_carries(text: str, expected: dict[str, str]) -> None:
    people = _people(text)
    assert {name: people[name].country for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # "Benin Bronzes" names a topic, not the side the director speaks for.
        (
            "Director-General Halima Sule met officials of Chile on the Benin Bronzes.",
            "Halima Sule",
            "CHL",
        ),
        # No country word at all: the dateline's country is the text's own side.
        (
            "WELLINGTON, 9 May 2024 - Governor Tama Rewi said the committee had cut rates.",
            "Tama Rewi",
            "NZL",
        ),
        # A government body in the first line says whose answer the text is.
        (
            "German Bundestag - Written Answers\n\nAnswer of Minister of State Lena Vogt "
            "of 3 May 2024:\n\nThe government will fund the museum.",
            "Lena Vogt",
            "DEU",
        ),
    ],
)
def test_people_country_without_a_country_word(text: str, name: str, country: str) -> None:
    assert _people(text)[name].country == country


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # A title that runs on over "and the" keeps its whole portfolio; the name after the
        # comma counts even when the model took it for a place.
        (
            "Minister Hans Weber and the Commissioner for Culture and the Media, Claudia Roth, "
            "opened the exhibition in Berlin.",
            "Claudia Roth",
            "Commissioner for Culture and the Media",
        ),
        # A post-nominal ("MP") between the name and its apposition.
        (
            "The Hon Richard Marles MP, Deputy Prime Minister and Minister for Defence, "
            "visited Seoul.",
            "Richard Marles",
            "Deputy Prime Minister and Minister for Defence",
        ),
    ],
)
def test_people_titles(text: str, name: str, title: str) -> None:
    assert _people(text)[name].title == title


def test_people_shorter_second_mention_is_the_same_person() -> None:
    text = (
        "President Luiz Inácio Lula da Silva of Brazil arrived in Beijing. "
        "On Friday, President Lula da Silva met business leaders."
    )
    people = _people(text)
    assert list(people) == ["Luiz Inácio Lula da Silva"]
    assert len(people["Luiz Inácio Lula da Silva"].mentions) >= 2


def test_people_short_country_adjective_is_a_country() -> None:
    text = "Vietnam's Foreign Minister Bui Thanh Son met his Lao counterpart Saleumxay Kommasith."
    assert _people(text)["Saleumxay Kommasith"].country == "LAO"
