"""Terminal rendering: which spans are highlighted, in which style, and the legend (no model)."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.console import Console
from rich.text import Text

from accord.records import (
    Agreement,
    Annotations,
    BodyMention,
    CountryMention,
    Document,
    DocumentRecord,
    Evidence,
    OrganizationMention,
    Person,
    Place,
    StoredDocument,
    TimeExpression,
    entity_mentions,
)
from accord.terminal import (
    ENTITY_KINDS,
    HIGHLIGHT_STYLES,
    highlighted_text,
    render_document,
    render_entities,
    render_record,
)

TEXT = (
    "Seoul, June 3, 2025 - Foreign Minister Kim Example of the Republic of Korea met "
    "officials of the Ministry of Foreign Affairs of Japan at NATO headquarters, and "
    "recalled the Example Accord (EXA)."
)


def _ev(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    return Evidence(start, start + len(fragment), fragment)


ANNOTATIONS = Annotations(
    people=(
        Person(
            name="Kim Example",
            title="Foreign Minister",
            country="KOR",
            body=None,
            mentions=(_ev("Kim Example"),),
        ),
    ),
    countries=(
        CountryMention("KOR", _ev("Republic of Korea")),
        CountryMention("JPN", _ev("Japan")),
    ),
    organizations=(OrganizationMention("NATO", _ev("NATO")),),
    bodies=(BodyMention("Ministry of Foreign Affairs", "JPN", _ev("Ministry of Foreign Affairs")),),
    places=(Place("Seoul", "KOR", _ev("Seoul")),),
    times=(
        TimeExpression(
            "June 3, 2025", _ev("June 3, 2025"), "day", dt.date(2025, 6, 3), dt.date(2025, 6, 3)
        ),
    ),
    agreements=(Agreement("Example Accord", "EXA", _ev("Example Accord")),),
)
DOCUMENT = Document(id="a" * 64, text=TEXT, source="t.txt", format="txt", title="Talks")
RECORD = DocumentRecord(document=DOCUMENT, annotations=ANNOTATIONS)


def _styles_at(text: Text, fragment: str) -> set[str]:
    """The styles covering the whole of `fragment` in `text`."""
    start = text.plain.index(fragment)
    end = start + len(fragment)
    return {str(s.style) for s in text.spans if s.start <= start and end <= s.end}


@pytest.mark.parametrize(
    ("fragment", "kind", "key"),
    [
        ("Kim Example", "person", "Kim Example"),
        ("Foreign Minister", "title", "Foreign Minister"),
        ("Republic of Korea", "country", "KOR"),
        ("Japan", "country", "JPN"),
        ("NATO", "organization", "NATO"),
        ("Ministry of Foreign Affairs", "body", "Ministry of Foreign Affairs"),
        ("Seoul", "place", "Seoul"),
        ("June 3, 2025", "date", "2025-06-03"),
        ("Example Accord", "agreement", "EXA"),
    ],
)
def test_terminal_entities_are_highlighted_by_kind(fragment: str, kind: str, key: str) -> None:
    mentions = {(e.text, e.kind): e for e in entity_mentions(ANNOTATIONS, text=TEXT)}
    mention = mentions[(fragment, kind)]
    assert mention.key == key
    assert TEXT[mention.start : mention.end] == fragment
    rendered = highlighted_text(TEXT, RECORD.to_dict())
    assert HIGHLIGHT_STYLES[kind] in _styles_at(rendered, fragment)


def test_terminal_entity_mentions_are_in_text_order_and_titles_need_the_text() -> None:
    mentions = entity_mentions(ANNOTATIONS, text=TEXT)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert "title" not in {m.kind for m in entity_mentions(ANNOTATIONS)}
    assert {m.kind for m in mentions} == set(ENTITY_KINDS)


def test_terminal_title_after_the_name_is_found() -> None:
    text = "Kim Example, Foreign Minister of Korea, arrived."
    person = Person(
        "Kim Example", "Foreign Minister", "KOR", None, (Evidence(0, 11, "Kim Example"),)
    )
    (_, title) = entity_mentions(Annotations(people=(person,)), text=text)
    assert (title.kind, title.text, title.start) == ("title", "Foreign Minister", 13)


def test_terminal_vague_date_has_no_key() -> None:
    text = "They will meet soon."
    vague = TimeExpression("soon", Evidence(15, 19, "soon"), "vague", None, None)
    (mention,) = entity_mentions(Annotations(times=(vague,)), text=text)
    assert (mention.kind, mention.key) == ("date", None)


def test_terminal_record_stored_without_entities_still_shows_people_places_dates() -> None:
    old = RECORD.to_dict()
    del old["entities"]
    rendered = highlighted_text(TEXT, old)
    assert HIGHLIGHT_STYLES["person"] in _styles_at(rendered, "Kim Example")
    assert HIGHLIGHT_STYLES["place"] in _styles_at(rendered, "Seoul")
    assert HIGHLIGHT_STYLES["date"] in _styles_at(rendered, "June 3, 2025")
    assert _styles_at(rendered, "NATO") == set()


def test_terminal_spans_outside_the_text_are_ignored() -> None:
    record = {"entities": [{"kind": "country", "key": "KOR", "start": 5, "end": 999}]}
    assert highlighted_text("short", record).spans == []


def _recording_console() -> Console:
    return Console(record=True, width=100, force_terminal=True, color_system="truecolor")


def test_terminal_render_entities_prints_legend_text_and_counts() -> None:
    console = _recording_console()
    render_entities(console, TEXT, entity_mentions(ANNOTATIONS, text=TEXT))
    output = console.export_text()
    assert output.startswith("legend: " + "  ".join(ENTITY_KINDS))
    assert "Republic of Korea" in output
    assert "2 country" in output
    assert "1 person" in output


def test_terminal_show_highlights_countries_and_organizations_from_the_stored_record() -> None:
    console = _recording_console()
    stored = StoredDocument(document=DOCUMENT, ingested_at=dt.datetime(2025, 6, 4, tzinfo=dt.UTC))
    render_document(console, stored, RECORD.to_dict())
    output = console.export_text(styles=True)
    assert "Talks" in output
    assert "\x1b[36mNATO\x1b[0m" in output  # cyan: an organization
    assert "\x1b[92mJapan\x1b[0m" in output  # bright green: a country
    assert "\x1b[1;33mKim Example\x1b[0m" in output  # bold yellow: a person


def test_terminal_render_record_matches_the_record() -> None:
    console = _recording_console()
    render_record(console, RECORD)
    assert "legend:" in console.export_text()
