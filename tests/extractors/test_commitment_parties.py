"""Tests for commitment party resolution: who "the two sides", "they", "we" and offices are."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.records import Document, document_id

PUBLISHED = dt.date(2025, 3, 8)


def _parties_by_clause(text: str) -> dict[str, tuple[str, ...]]:
    """Each commitment's opening words and parties, meetings included (as `extract` runs)."""
    from accord.extractors import extract

    document = Document(
        id=document_id(text), text=text, source="test", format="txt", published=PUBLISHED
    )
    return {" ".join(c.text.split()[:3]): c.parties for c in extract(document).commitments}


@pytest.mark.parametrize(
    ("text", "clause", "parties"),
    [
        # On a page Downing Street issued, "the Prime Minister" is the UK's own, never
        # named, not the Italian Prime Minister named before.
        (
            "From: Prime Minister's Office, 10 Downing Street\n\n"
            "The Prime Minister met Prime Minister Giorgia Meloni of Italy in London today. "
            "The Prime Minister will travel to Dublin in September.",
            "The Prime Minister",
            ("GBR",),
        ),
        # The dateline's city is where the story was filed, not a party.
        (
            "DOHA, March 7 (Wire) - Egypt and Jordan agreed on Friday to reopen the border "
            "crossing within a month.",
            "Egypt and Jordan",
            ("EGY", "JOR"),
        ),
        # "the two sides" is the pair that committed last, not the mediator named between.
        (
            "Egypt and Jordan agreed to reopen the crossing. The talks were hosted in Oman by "
            "Foreign Minister Badr Albusaidi. The two sides also agreed to exchange prisoners.",
            "The two sides",
            ("EGY", "JOR"),
        ),
        # "the two leaders" is the meeting reported just before, not an earlier one.
        (
            "On Monday, Indian Prime Minister Narendra Modi met Japanese Prime Minister Ishiba "
            "Shigeru in Tokyo. The following day, Modi met Australian Prime Minister Anthony "
            "Albanese in Sydney, and the two leaders agreed to expand trade in critical minerals.",
            "the two leaders",
            ("AUS", "IND"),
        ),
        # "the four ministers" counts people: the two countries of a 2+2.
        (
            "On March 3, 2025, Foreign Minister Iwaya Takeshi and Defense Minister Nakatani Gen "
            "of Japan met Secretary of Foreign Affairs Enrique Manalo and Secretary of National "
            "Defense Gilberto Teodoro of the Philippines in Manila. China and Australia were "
            "briefed. The four ministers agreed to hold the next meeting in Tokyo next year.",
            "The four ministers",
            ("JPN", "PHL"),
        ),
        # A "we" quoted from one speaker is the speaker's side.
        (
            "Prime Minister Anthony Albanese met Chinese Premier Li Qiang in Canberra on "
            'Monday. "We will keep working with China where we can," Albanese said.',
            "We will keep",
            ("AUS",),
        ),
        # Of several meetings, the one whose own party the text names last.
        (
            "On the sidelines of the summit in Rome, Prime Minister Narendra Modi held "
            "bilateral meetings with President Emmanuel Macron of France and Prime Minister "
            "Kishida Fumio of Japan. He also met President Lula of Brazil. In his meeting with "
            "President Macron, the two leaders reviewed their partnership. They agreed to "
            "deepen cooperation on space.",
            "They agreed to",
            ("FRA", "IND"),
        ),
        # A pronoun in a list of people is one more party; plural institutions are parties.
        (
            "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in "
            "Vientiane on Saturday. He and Wang agreed to hold further talks.",
            "He and Wang",
            ("CHN", "USA"),
        ),
        (
            "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in "
            "Vientiane on Saturday. The U.S. and Chinese militaries will resume talks.",
            "The U.S. and",
            ("CHN", "USA"),
        ),
        # "We, the ministers of A, B and C": every "we" of the statement is the three.
        (
            "We, the foreign ministers of Chile, Peru and Ecuador, met in Quito on Monday. "
            "We will hold a summit on fisheries next year.",
            "We will hold",
            ("CHL", "ECU", "PER"),
        ),
        # A statement of a grouping's meeting speaks as its members of that day.
        (
            "Press Statement of the Chair of the 57th ASEAN Foreign Ministers' Meeting\n\n"
            "1. The Meeting was held in Vientiane on 25 July 2024 under the chairmanship of the "
            "Lao PDR.\n\n2. We agreed to "
            "finalise the strategic plans next year.",
            "We agreed to",
            ("BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"),
        ),
        # A minister's own statement: "X and I" are both sides, "We will" is the minister's.
        (
            "Statement made by David Lammy, Foreign Secretary\n\nOn 6 July 2024 I met Foreign "
            "Minister Annalena Baerbock in Berlin. Minister Baerbock and I agreed to work "
            "together on Ukraine.",
            "Minister Baerbock and",
            ("DEU", "GBR"),
        ),
        (
            "Statement made by David Lammy, Foreign Secretary\n\nOn 6 July 2024 I met Foreign "
            "Minister Annalena Baerbock in Berlin. We will provide £3 billion to Ukraine every "
            "year.",
            "We will provide",
            ("GBR",),
        ),
        # An office named alone refers to the official named with it, the host first.
        (
            "Prime Minister Narendra Modi held a telephone call with Prime Minister Keir "
            "Starmer on Tuesday. The Prime Minister pledged to visit London later this year.",
            "The Prime Minister",
            ("IND",),
        ),
    ],
)
def test_commitment_parties_resolved_from_context(
    text: str, clause: str, parties: tuple[str, ...]
) -> None:
    found = _parties_by_clause(text)
    assert found.get(clause) == parties, found
