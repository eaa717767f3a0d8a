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


# Sentences that name the parties first; the second sentence holds the shape under test.
_LIMA = "Chile and Peru held talks in Lima. "
_WARSAW = "Poland and Lithuania held talks in Warsaw. "
_BEIJING = "Saudi Arabia and Iran held talks in Beijing. "

# Shapes beyond the gold set's phrasings: other subjects, lists of three, conjoined bare
# verbs, intention and progressive forms, the day of agreeing against a deadline.
GENERAL_SHAPES = [
    # Subjects that name the parties together.
    (
        "President Lula of Brazil met Argentine President Javier Milei in Buenos Aires. "
        "The Parties agreed to resume talks on a gas pipeline.",
        [("The Parties agreed to resume talks", ("ARG", "BRA"), "agreed", None)],
    ),
    (
        "Egypt and Jordan held talks in Cairo. "
        "The Foreign Ministers agreed to hold monthly consultations.",
        [("The Foreign Ministers agreed to hold", ("EGY", "JOR"), "agreed", None)],
    ),
    (
        _LIMA + "The Parties decided to establish a joint commission on fisheries.",
        [("The Parties decided to establish", ("CHL", "PER"), "decided", None)],
    ),
    (
        "Prime Minister Anthony Albanese of Australia spoke with Prime Minister Christopher "
        "Luxon of New Zealand. The two Governments will publish a joint defence review next year.",
        [("The two Governments will publish", ("AUS", "NZL"), "agreed", "2026-12-31")],
    ),
    (
        "Indonesia and Malaysia held talks in Jakarta. "
        "Their foreign ministers will meet again in June 2025.",
        [("Their foreign ministers will meet again", ("IDN", "MYS"), "agreed", "2025-06-30")],
    ),
    (
        "Chancellor Olaf Scholz met President Emmanuel Macron in Paris. "
        "Both leaders committed to doubling joint research funding by 2030.",
        [("Both leaders committed to doubling", ("DEU", "FRA"), "agreed", "2030-12-31")],
    ),
    (
        _WARSAW + "The two countries will continue joint patrols along the border.",
        [("The two countries will continue joint patrols", ("LTU", "POL"), "agreed", None)],
    ),
    # Lists of three undertakings, with and without a "to" on each.
    (
        _LIMA + "The ministers agreed to expand trade, to deepen investment, and to reopen "
        "their consulates.",
        [
            ("The ministers agreed to expand trade", ("CHL", "PER"), "agreed", None),
            ("to deepen investment", ("CHL", "PER"), "agreed", None),
            ("to reopen their consulates", ("CHL", "PER"), "agreed", None),
        ],
    ),
    (
        _LIMA + "The two sides agreed to expand trade, deepen investment and reopen their "
        "embassies within two months.",
        [
            ("The two sides agreed to expand trade", ("CHL", "PER"), "agreed", None),
            ("deepen investment", ("CHL", "PER"), "agreed", None),
            ("reopen their embassies within two months", ("CHL", "PER"), "agreed", "2025-05-08"),
        ],
    ),
    (
        "Egypt and Sudan held talks in Cairo. The Parties agreed to establish a joint water "
        "committee, to share data on the river's flow, and to meet every six months.",
        [
            (
                "The Parties agreed to establish a joint water committee",
                ("EGY", "SDN"),
                "agreed",
                None,
            ),
            ("to share data on the river's flow", ("EGY", "SDN"), "agreed", None),
            ("to meet every six months", ("EGY", "SDN"), "agreed", None),
        ],
    ),
    (
        "Egypt and Sudan held talks in Cairo. Both leaders committed to raising bilateral "
        "trade and to building a new railway line by 2027.",
        [
            ("Both leaders committed to raising bilateral trade", ("EGY", "SDN"), "agreed", None),
            ("to building a new railway line by 2027", ("EGY", "SDN"), "agreed", "2027-12-31"),
        ],
    ),
    # A time after the last item ends the last item, wherever the parser hangs it.
    (
        "Egypt and Sudan held talks in Cairo. The two sides agreed to boost tourism, resume "
        "direct flights and ease visa rules by the end of the year.",
        [
            ("The two sides agreed to boost tourism", ("EGY", "SDN"), "agreed", None),
            ("resume direct flights", ("EGY", "SDN"), "agreed", None),
            ("ease visa rules by the end of the year", ("EGY", "SDN"), "agreed", "2025-12-31"),
        ],
    ),
    # A bare conjoined verb after a long first clause.
    (
        _LIMA + "The two foreign ministers agreed to restore full diplomatic relations between "
        "their countries after years of tension and reopen their embassies within two months.",
        [
            ("The two foreign ministers agreed to restore", ("CHL", "PER"), "agreed", None),
            ("reopen their embassies within two months", ("CHL", "PER"), "agreed", "2025-05-08"),
        ],
    ),
    # Two verbs that share one object are one undertaking.
    (
        _LIMA + "The two sides agreed to strengthen and deepen their maritime cooperation.",
        [("The two sides agreed to strengthen and deepen", ("CHL", "PER"), "agreed", None)],
    ),
    # A second "to" after a long first clause.
    (
        _LIMA + "The two ministers agreed to hold regular consultations on regional security "
        "and maritime boundaries, and to pay a state visit next year.",
        [
            (
                "The two ministers agreed to hold regular consultations",
                ("CHL", "PER"),
                "agreed",
                None,
            ),
            ("to pay a state visit next year", ("CHL", "PER"), "agreed", "2026-12-31"),
        ],
    ),
    # Progressive and intention forms.
    (
        "Kenya and Ethiopia held talks in Nairobi. "
        "The two countries are launching a joint fund for drought relief.",
        [("The two countries are launching a joint fund", ("ETH", "KEN"), "planned", None)],
    ),
    (
        "Mexico is opening a new consulate in Nairobi this year.",
        [("Mexico is opening a new consulate", ("MEX",), "planned", "2025-12-31")],
    ),
    (
        "Kenya and Ethiopia held talks in Nairobi. "
        "Both governments intend to open a new border crossing next year.",
        [("Both governments intend to open", ("ETH", "KEN"), "planned", "2026-12-31")],
    ),
    (
        "Japan intends to expand its development assistance to Fiji.",
        [("Japan intends to expand", ("JPN",), "planned", None)],
    ),
    (
        "Japan will provide patrol boats to Fiji. "
        "It will also continue to train Fijian coast guard officers.",
        [
            ("Japan will provide patrol boats", ("JPN",), "planned", None),
            ("It will also continue to train", ("JPN",), "planned", None),
        ],
    ),
    (
        _LIMA + "The two ministers agreed to open a joint border post. "
        "They will also meet again in 2026.",
        [
            ("The two ministers agreed to open", ("CHL", "PER"), "agreed", None),
            ("They will also meet again in 2026", ("CHL", "PER"), "agreed", "2026-12-31"),
        ],
    ),
    (
        _WARSAW + "The ministers look to conclude a new defence agreement later this year.",
        [("The ministers look to conclude", ("LTU", "POL"), "planned", "2025-12-31")],
    ),
    (
        _WARSAW
        + "The two sides have decided to set up a hotline between their defence ministries.",
        [("The two sides have decided to set up", ("LTU", "POL"), "decided", None)],
    ),
    (
        _WARSAW + "The leaders resolved to coordinate their positions within NATO.",
        [("The leaders resolved to coordinate", ("LTU", "POL"), "decided", None)],
    ),
    (
        _WARSAW + "Poland undertook to supply Lithuania with air defence systems.",
        [("Poland undertook to supply", ("POL",), "pledged", None)],
    ),
    (
        _WARSAW + "The two governments committed themselves to building a rail link by 2030.",
        [("The two governments committed themselves", ("LTU", "POL"), "agreed", "2030-12-31")],
    ),
    (
        "Egypt and Sudan held talks in Cairo. "
        "The two countries are committed to building a new railway line.",
        [("The two countries are committed to building", ("EGY", "SDN"), "agreed", None)],
    ),
    # One party's "committed to" is a pledge.
    (
        "Canada committed to sending two frigates to the Indo-Pacific next year.",
        [("Canada committed to sending", ("CAN",), "pledged", "2026-12-31")],
    ),
    # A plan's sentence that opens with its day: the day is the deadline.
    (
        "On March 12, Brazilian President Luiz Inácio Lula da Silva will travel to Tokyo.",
        [("Brazilian President Luiz", ("BRA",), "planned", "2025-03-12")],
    ),
    # The day of agreeing is not a deadline; a time inside the undertaking is.
    (
        _BEIJING + "The two countries agreed on Friday to restore diplomatic relations.",
        [("The two countries agreed on Friday to restore", ("IRN", "SAU"), "agreed", None)],
    ),
    (
        _BEIJING + "The two countries agreed on Friday to restore diplomatic relations and "
        "reopen their embassies within two months.",
        [
            ("The two countries agreed on Friday", ("IRN", "SAU"), "agreed", None),
            ("reopen their embassies within two months", ("IRN", "SAU"), "agreed", "2025-05-08"),
        ],
    ),
    (
        "Vietnam and the Philippines held talks in Manila. "
        "The two sides agreed today to resume joint coast guard drills.",
        [("The two sides agreed today to resume", ("PHL", "VNM"), "agreed", None)],
    ),
    # A past perfect in reported speech reports the agreement of the meeting.
    (
        "Australia and Fiji held talks in Suva. The Australian minister told reporters that "
        "the two countries had agreed to resume ferry services next month.",
        [("the two countries had agreed to resume", ("AUS", "FJI"), "agreed", "2025-04-30")],
    ),
]


# Shapes of government readouts and joint statements (our own sentences).
STATEMENT_SHAPES = [
    (
        _LIMA + "The two ministers concurred to expand cooperation on clean energy.",
        [("The two ministers concurred to expand", ("CHL", "PER"), "agreed", None)],
    ),
    (
        _LIMA + "They confirmed that they would keep in close touch at all levels.",
        [("they would keep in close touch", ("CHL", "PER"), "agreed", None)],
    ),
    (
        _LIMA + "They confirmed that Chile and Peru, together with Ecuador, would keep "
        "coordinating on fisheries.",
        [("Chile and Peru, together with Ecuador", ("CHL", "PER"), "agreed", None)],
    ),
    (
        _LIMA + "It was agreed that the next round would be held in Santiago next year.",
        [("It was agreed that the next round", ("CHL", "PER"), "agreed", "2026-12-31")],
    ),
    (
        _LIMA + "It was decided to set up a joint working group on mining.",
        [("It was decided to set up", ("CHL", "PER"), "decided", None)],
    ),
    (
        _LIMA + "\n\n4. Agreed to open a consulate in Arica.",
        [("Agreed to open a consulate", ("CHL", "PER"), "agreed", None)],
    ),
    (
        _LIMA + "The two leaders expressed their determination to finish the border survey.",
        [("The two leaders expressed their determination", ("CHL", "PER"), "pledged", None)],
    ),
    (
        _LIMA + "Peru affirmed its intention to join the Pacific fisheries pact.",
        [("Peru affirmed its intention to join", ("PER",), "planned", None)],
    ),
    (
        _LIMA + "The two sides agreed on the establishment of a joint mining committee.",
        [("The two sides agreed on the establishment", ("CHL", "PER"), "agreed", None)],
    ),
    # A conjoined clause with its own subject keeps all its words.
    (
        _LIMA + "Chile and Peru committed to conclude the talks, and Chile will provide 50 "
        "coastal radars to Peru by 2027.",
        [
            ("Chile and Peru committed to conclude", ("CHL", "PER"), "agreed", None),
            (
                "Chile will provide 50 coastal radars to Peru by 2027",
                ("CHL",),
                "planned",
                "2027-12-31",
            ),
        ],
    ),
    # An undertaking held again: "remain committed to", "reaffirmed their plan to".
    (
        _LIMA + "Chile and Peru remain committed to the peaceful settlement of disputes.",
        [("Chile and Peru remain committed to the peaceful", ("CHL", "PER"), "reaffirmed", None)],
    ),
    (
        _LIMA + "The two sides reaffirmed their plan to co-host a fisheries summit next year.",
        [
            (
                "The two sides reaffirmed their plan to co-host a fisheries summit next year",
                ("CHL", "PER"),
                "reaffirmed",
                "2026-12-31",
            )
        ],
    ),
    # A goal held again, without the comment on where it was first set.
    (
        _LIMA + "The two sides reaffirmed their goal of doubling two-way trade by 2030, which "
        "was first set out in 2019.",
        [
            (
                "The two sides reaffirmed their goal of doubling two-way trade by 2030",
                ("CHL", "PER"),
                "reaffirmed",
                "2030-12-31",
            )
        ],
    ),
    # A plan restated: "reaffirmed that Chile will ...".
    (
        _LIMA + "President Boric reaffirmed that Chile will keep supplying lithium to Peru.",
        [("Chile will keep supplying lithium", ("CHL",), "reaffirmed", None)],
    ),
    # A body acts in its own right: its members are no parties to what it undertakes, and
    # the EU is a party of its own (EUU); the IMF is none.
    (
        _LIMA + "Chile and the EU agreed to resume talks on a raw materials partnership.",
        [("Chile and the EU agreed to resume", ("CHL", "EUU"), "agreed", None)],
    ),
    (
        _LIMA + "Chile and the IMF agreed to extend the credit line.",
        [("Chile and the IMF agreed to extend", ("CHL",), "agreed", None)],
    ),
    # Instructions to one's own officials bind the parties; a party may "reinforce" or "help".
    (
        _LIMA + "The two leaders directed their officials to explore a joint lithium venture.",
        [("The two leaders directed their officials to explore", ("CHL", "PER"), "decided", None)],
    ),
    (
        _LIMA + "Peru will reinforce its border posts with 2,000 officers.",
        [("Peru will reinforce its border posts", ("PER",), "planned", None)],
    ),
    (
        _LIMA + "Chile pledged its support for Peru's bid to host the 2027 summit.",
        [("Chile pledged its support for Peru's bid", ("CHL",), "pledged", "2027-12-31")],
    ),
    (
        _LIMA + "Chile will take part in the joint naval exercise in 2026.",
        [
            (
                "Chile will take part in the joint naval exercise in 2026",
                ("CHL",),
                "planned",
                "2026-12-31",
            )
        ],
    ),
    # What the parties will do jointly they decided together.
    (
        _LIMA + "Chile and Peru will jointly develop a new patrol vessel.",
        [("Chile and Peru will jointly develop", ("CHL", "PER"), "agreed", None)],
    ),
    # A second verb of the reported clause, with the subject of the first.
    (
        _LIMA + "The Chilean minister said Chile supports the Pacific Alliance and would "
        "continue to fund joint fisheries research.",
        [("would continue to fund", ("CHL",), "planned", None)],
    ),
    (
        _LIMA + "The Peruvian minister replied that Peru would open a trade office in Santiago.",
        [("Peru would open a trade office", ("PER",), "planned", None)],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), SHAPES + GENERAL_SHAPES + STATEMENT_SHAPES)
def test_commitments_shapes(
    text: str, expected: list[tuple[str, tuple[str, ...], str, str | None]]
) -> None:
    found = _commitments(text)
    assert len(found) == len(expected), [c.text for c in found]
    for c, (start, parties, modality, deadline) in zip(found, expected, strict=True):
        assert c.text.startswith(start), c.text
        assert c.parties == parties
        assert c.modality == modality
        assert (c.deadline.isoformat() if c.deadline else None) == deadline
        assert text[c.evidence.start : c.evidence.end] == c.text
        assert c.attribution == "reported"


# Each item of a list is exactly its own words: no "and to" left on the item before it.
EXACT_ITEMS = [
    (
        "Egypt and Sudan held talks in Cairo. Both leaders committed to raising bilateral "
        "trade and to building a new railway line by 2027.",
        [
            "Both leaders committed to raising bilateral trade",
            "to building a new railway line by 2027",
        ],
    ),
    (
        _LIMA + "The two sides agreed to expand trade, deepen investment and reopen their "
        "embassies within two months.",
        [
            "The two sides agreed to expand trade",
            "deepen investment",
            "reopen their embassies within two months",
        ],
    ),
    (
        "Egypt and Sudan held talks in Cairo. The Parties agreed to establish a joint water "
        "committee, to share data on the river's flow, and to meet every six months.",
        [
            "The Parties agreed to establish a joint water committee",
            "to share data on the river's flow",
            "to meet every six months",
        ],
    ),
    # A past statement joined to a reaffirmed goal ("and underlined the need") is not it.
    (
        "Egypt and Sudan held talks in Cairo. The sides reaffirmed their aim of doubling "
        "mutual trade and underlined the need for new approaches to energy cooperation.",
        ["The sides reaffirmed their aim of doubling mutual trade"],
    ),
    # The author's comment after a comma ("a visit that could ...") is not the undertaking.
    (
        "Officials in Ottawa said Trade Minister Mary Ng will travel to Seoul next month, "
        "a trip that could open talks on a new supply chain pact.",
        ["Trade Minister Mary Ng will travel to Seoul next month"],
    ),
    (
        "Indonesia will build a new fisheries port in Papua this year, a project which "
        "analysts say may cost more than planned.",
        ["Indonesia will build a new fisheries port in Papua this year"],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), EXACT_ITEMS)
def test_commitments_list_items_are_exact(text: str, expected: list[str]) -> None:
    assert [c.text for c in _commitments(text)] == expected


NOT_COMMITMENTS = [
    # An undertaking dated years before the report; an anniversary that falls.
    "Canada and Japan held talks. The leaders praised the rail link, which the two "
    "countries agreed to build in 2018.",
    "Canada and Japan held talks. Canada and Japan will mark 100 years of relations in 2028.",
    # Universities are no states, and "the two sides" in a text with no official are not.
    "Kyoto University and the University of Hamburg signed a partnership in Kyoto. The two "
    "sides agreed to widen their joint research.",
    # A thing's effect is a forecast; a demand on another state is no instruction.
    "Canada and Japan held talks. The new pact will reinforce security in the region.",
    "Canada and Japan held talks. The two ministers directed Russia to withdraw its troops.",
    "Canada and Japan held talks. The leaders agreed that Iran must return to the "
    "negotiating table as soon as possible.",
    # A forecast under a word of confidence; a necessity the author sees.
    'Canada and Japan held talks. "I am sure that we will double our trade this year," '
    "the Canadian minister said.",
    "Canada and Japan held talks. Japan's leaders will need to show that the deal delivers.",
    # A future under a noun of confidence or hope is a wish for another's conduct.
    "Canada and Japan held talks. The Canadian minister expressed his confidence that Japan "
    "will provide strong leadership in the G7.",
    "Canada and Japan held talks. Canada is ready to buy more Japanese cars and hopes that "
    "Japan will provide a fair environment for Canadian firms, the minister said.",
    # An institution that is no state: a university, a company.
    "Canada and Japan held talks. Kyoto University will open an office in Toronto.",
    "Denmark's Novo Holdings agreed on Monday to buy the U.S. drugmaker Catalent.",
    "Canada and Japan called on North Korea to stop its missile launches.",
    "The two ministers condemned the attack on the embassy.",
    "Canada and Japan are expected to sign a new security pact.",
    "This partnership will serve as a model for the region.",
    "Canada will expect concrete cooperation from Japan on fisheries.",
    "Closer cooperation could lead to new trade routes.",
    "Stronger ties with Japan will bolster Canada's position in Asia.",
    "Canada and Japan agreed in 2015 to open a joint research centre.",
    "The company pledged to recycle every battery it sells.",
    "Both sides of the border will see heavy rain.",
    "Analysts said the deal would raise trade between the two countries.",
    # Hopes, demands, conditionals, accounts of the past, questions, descriptions.
    "Both leaders look forward to deepening their partnership.",
    _LIMA + "The ministers look forward to the next round of talks in Santiago.",
    "Canada urged China to release the two detained citizens.",
    _LIMA + "The ministers expressed hope that the talks would conclude this year.",
    "Brazil and France hope to finish the submarine programme by 2030.",
    _LIMA + "If the talks succeed, the two countries would reopen their embassies.",
    _LIMA + "Officials said the two sides would reopen their embassies if the ceasefire holds.",
    "Japan would welcome a visit by the Indian Prime Minister.",
    _LIMA + "The two countries had agreed in 2019 to open embassies in each other's capitals.",
    "Japan and India had agreed to hold annual summits.",
    _LIMA + "The two sides agreed in 2018 to demarcate the border.",
    _LIMA + "Will the two sides agree to resume talks?",
    "Will Japan send troops to the region?",
    _LIMA + "The two leaders are holding talks in Geneva.",
    "The submarines that Brazil is building will enter service next decade.",
    "Analysts look to the summit in Tokyo for signs of a thaw.",
    # Views and attitudes in readouts: no undertaking.
    _LIMA + "The two ministers concurred on the importance of student exchanges.",
    _LIMA + "The two ministers agreed that stability in the region is important.",
    _LIMA + "The ministers expressed concern over the situation in the region.",
    _LIMA + "The two sides welcomed the decision to launch a trade dialogue.",
    _LIMA + "The leaders underscored the importance of free trade.",
    _LIMA + "Both sides agreed on the need for closer consultation.",
    _LIMA + "It was recalled that the two countries had agreed in 2010 to open a consulate.",
    # A wish or a readiness is not an undertaking (the blind sets' convention).
    _LIMA + "The Chilean minister said Chile would like to expand trade with Peru.",
    _LIMA + "The Chilean minister said Chile is ready to work with Peru on fisheries.",
    # A view agreed on, in the past or present tense, is no undertaking.
    _LIMA + "The leaders agreed that the summit offered a chance to put trade on a firmer footing.",
    # An undertaking told as the time of a past event.
    _LIMA + "The talks were relaunched after President Boric and President Boluarte agreed "
    "to revive them when she visited Santiago.",
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


@pytest.mark.model
def test_commitments_comment_after_a_reaffirmed_goal_is_left_out() -> None:
    (found,) = _commitments(
        _LIMA + "The two sides reaffirmed their goal of doubling two-way trade by 2030, which "
        "was first set out in 2019."
    )
    assert found.text == "The two sides reaffirmed their goal of doubling two-way trade by 2030"


def test_commitments_a_prefix_s_hyphen_keeps_the_verb_whole() -> None:
    commitments = _commitments(
        "Prime Minister Mark Carney met President Claudia Sheinbaum of Mexico in Mexico City. "
        "They agreed to co-operate closely on trade and to re-establish a working group."
    )
    assert [c.evidence.text for c in commitments] == [
        "They agreed to co-operate closely on trade",
        "to re-establish a working group",
    ]


def test_commitments_committed_to_a_noun_the_parser_reads_as_a_verb() -> None:
    commitments = _commitments(
        "Prime Minister Christopher Luxon met President Luong Cuong of Viet Nam in Hanoi on 26 "
        "February. Both sides committed to close coordination at the United Nations."
    )
    assert [(c.parties, c.modality) for c in commitments] == [(("NZL", "VNM"), "agreed")]
