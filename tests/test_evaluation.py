"""Tests for the scorer behind `accord eval`: hand-built records against tiny gold pairs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import shutil
from pathlib import Path

import pytest

from accord.errors import GoldFormatError, ReferenceDataError
from accord.evaluation import (
    PRF,
    EvalReport,
    GoldDocument,
    classify_warning,
    compare_to_targets,
    evaluate,
    load_gold,
    load_gold_pair,
    normalize_name,
    normalize_title,
    overlaps_by_half,
)
from accord.records import (
    Agreement,
    Annotations,
    Citation,
    Commitment,
    Document,
    DocumentRecord,
    Evidence,
    Meeting,
    OrganizationMention,
    Participant,
    Person,
    Place,
    TimeExpression,
    document_id,
)

FIXTURES = Path(__file__).parent / "data" / "eval_fixtures"


@pytest.fixture(scope="module")
def gold() -> dict[str, GoldDocument]:
    return {g.slug: g for g in load_gold(FIXTURES)}


def evidence(text: str, quote: str, *, shift: int = 0) -> Evidence:
    """The span of `quote` in `text`, moved right by `shift` characters."""
    start = text.index(quote) + shift
    return Evidence(start, start + len(quote), text[start : start + len(quote)])


def record_for(g: GoldDocument, **parts: object) -> DocumentRecord:
    """A record of `g`'s text: `parts` are DocumentRecord fields or Annotations fields."""
    names = {f.name for f in dataclasses.fields(Annotations)}
    annotations = Annotations(**{k: v for k, v in parts.items() if k in names})  # type: ignore[arg-type]
    rest = {k: v for k, v in parts.items() if k not in names}
    doc = Document(document_id(g.text), g.text, g.slug, "txt", published=g.published)
    return DocumentRecord(document=doc, annotations=annotations, **rest)  # type: ignore[arg-type]


def perfect(g: GoldDocument) -> DocumentRecord:
    """The record a flawless pipeline would give for `g`."""
    t = g.text
    nowhere = Evidence(0, 0, "")
    return record_for(
        g,
        people=tuple(Person(p.name, p.title, p.country, None, ()) for p in g.people or ()),
        organizations=tuple(OrganizationMention(o, nowhere) for o in g.organizations or ()),
        places=tuple(Place(p.city, p.country, nowhere) for p in g.places or ()),
        times=tuple(
            TimeExpression(d.text, evidence(t, d.text), d.precision, d.start, d.end)  # type: ignore[arg-type]
            for d in g.dates or ()
        ),
        agreements=tuple(Agreement(a.name, a.short) for a in g.agreements or ()),
        citations=tuple(
            Citation(c.marker, "ref", c.resolves_to, accessed=c.accessed) for c in g.citations or ()
        ),
        meetings=tuple(
            Meeting(
                m.date,
                m.city,
                m.country,
                m.parties,
                tuple(Participant(p.name, p.country, p.title) for p in m.participants or ()),
                m.mechanism,
                evidence(t, m.evidence_text),
            )
            for m in g.meetings or ()
        ),
        commitments=tuple(
            Commitment(
                c.parties,
                c.text,
                c.modality,  # type: ignore[arg-type]
                c.deadline,
                c.areas or (),
                c.forums or (),
                evidence(t, c.text),
            )
            for c in g.commitments or ()
        ),
        areas=g.areas or (),
        warnings=tuple(f"the stated {kind} disagrees" for kind in g.warnings or ()),
    )


def counts(report: EvalReport, name: str) -> tuple[int, int, int]:
    prf = report.fields[name]
    return (prf.tp, prf.fp, prf.fn)


# --- value objects -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [
        (0, 0, 0, (1.0, 1.0, 1.0)),  # nothing expected, nothing predicted
        (2, 1, 1, (2 / 3, 2 / 3, 2 / 3)),
        (3, 0, 1, (1.0, 0.75, 6 / 7)),
        (0, 0, 3, (0.0, 0.0, 0.0)),  # nothing predicted but something expected
        (0, 2, 0, (0.0, 0.0, 0.0)),  # something predicted where nothing was expected
    ],
)
def test_evaluation_prf_values(tp: int, fp: int, fn: int, expected: tuple[float, ...]) -> None:
    prf = PRF(tp, fp, fn)
    assert (prf.precision, prf.recall, prf.f1) == pytest.approx(expected)


def test_evaluation_prf_adds_and_serializes() -> None:
    total = PRF(1, 0, 2)
    total += PRF(1, 1, 0)
    assert (total.tp, total.fp, total.fn) == (2, 1, 2)
    merged = total.merge(PRF(0, 0, 1))
    assert (merged.fn, total.fn) == (3, 2)  # merge leaves both operands alone
    assert (PRF(1, 0, 0) + PRF(0, 1, 0)).to_dict()["precision"] == 0.5
    assert total.to_dict() == {
        "tp": 2,
        "fp": 1,
        "fn": 2,
        "precision": pytest.approx(2 / 3),
        "recall": 0.5,
        "f1": pytest.approx(4 / 7),
    }


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 10), (5, 30), True),  # 5 shared of the shorter 10: exactly half
        ((0, 10), (6, 30), False),  # 4 of 10
        ((0, 100), (50, 250), True),  # 50%
        ((0, 100), (51, 250), False),  # 49%
        ((10, 20), (0, 100), True),  # contained
        ((0, 10), (10, 20), False),  # touching is not overlapping
        ((5, 5), (0, 10), False),  # an empty span matches nothing
    ],
)
def test_evaluation_overlaps_by_half(
    a: tuple[int, int], b: tuple[int, int], expected: bool
) -> None:
    assert overlaps_by_half(a, b) is expected
    assert overlaps_by_half(b, a) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Chung Byung-won", "chung byung won"),
        ("Mr. Chung  Byung-won", "chung byung won"),
        ("H.E. Mélanie Joly", "melanie joly"),
        ("The Honourable Mélanie Joly", "melanie joly"),
        ("Dr. J.D. Vance", "j d vance"),
        ("He Lifeng", "he lifeng"),  # a surname, not "H.E."
        ("Mr.", "mr"),  # an honorific alone is kept rather than emptied
    ],
)
def test_evaluation_normalize_name(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("The Minister of  Foreign Affairs", "minister of foreign affairs"),
        ("President", "president"),
        ("  ", None),
        (None, None),
    ],
)
def test_evaluation_normalize_title(title: str | None, expected: str | None) -> None:
    assert normalize_title(title) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("the text says two pillars but lists three: stated count disagrees", "count"),
        ("the number of areas named differs from the list", "count"),
        ("weekday Monday does not match 2025-06-03", "weekday"),
        ("unknown country code XXK", None),  # "country" is not "count"
        ("the encoding was repaired", None),
    ],
)
def test_evaluation_classify_warning(message: str, expected: str | None) -> None:
    assert classify_warning(message) == expected


# --- scoring -------------------------------------------------------------------------


def test_evaluation_perfect_record_scores_one_everywhere(gold: dict[str, GoldDocument]) -> None:
    report = evaluate(list(gold.values()), perfect)
    assert report.documents == 3
    assert report.misses == []
    assert {name: prf.f1 for name, prf in report.fields.items()} == dict.fromkeys(
        report.fields, 1.0
    )
    assert report.accuracies == {
        "dates": (4, 4),
        "commitment_deadline": (2, 2),
        "commitment_modality": (2, 2),
        "commitment_parties": (2, 2),
    }
    assert report.rates == {"opinions_as_commitments": (0, 1)}
    assert counts(report, "people") == (2, 0, 0)
    assert counts(report, "commitment_forums") == (2, 0, 0)


def test_evaluation_people_match_name_title_and_country(gold: dict[str, GoldDocument]) -> None:
    g = gold["readout"]
    people = (
        # honorific, diacritic, case and a leading "the" do not matter
        Person("Mr. Chúng BYUNG-WON", "the vice minister for political affairs", "KOR", None, ()),
        Person("Weldon Epp", "Assistant Deputy Minister for the Indo-Pacific", "KOR", None, ()),
        Person("Weldon Epp", "Deputy Minister", "KOR", None, ()),  # a repeat of a wrong one
        Person("Mark Carney", "Prime Minister", "CAN", None, ()),
    )
    report = evaluate([g], lambda g: record_for(g, people=people))
    assert counts(report, "people") == (1, 2, 1)
    by_kind = {m.kind: m for m in report.misses if m.field == "people"}
    assert by_kind["wrong"].expected == (
        "Weldon Epp (Assistant Deputy Minister for the Indo-Pacific, CAN)"
    )
    assert by_kind["wrong"].predicted is not None and "KOR" in by_kind["wrong"].predicted
    assert by_kind["spurious"].predicted == "Mark Carney (Prime Minister, CAN)"


@pytest.mark.parametrize(("half", "matched"), [(True, True), (False, False)])
def test_evaluation_commitment_overlap_half_of_the_shorter(
    gold: dict[str, GoldDocument], half: bool, matched: bool
) -> None:
    g = gold["readout"]
    clause = g.commitments[0].text  # type: ignore[index]
    shared = math.ceil(len(clause) / 2) - (0 if half else 1)  # 50% vs just under
    moved = Commitment(
        ("CAN", "KOR"),
        "moved",
        "agreed",
        dt.date(2025, 12, 31),
        ("maritime",),
        (),
        evidence(g.text, clause, shift=len(clause) - shared),
    )
    report = evaluate([g], lambda g: record_for(g, commitments=(moved,)))
    assert counts(report, "commitments") == ((1, 0, 1) if matched else (0, 1, 2))
    assert report.accuracies["commitment_deadline"] == ((1, 1) if matched else (0, 0))


def test_evaluation_commitments_match_one_to_one_and_score_pairs(
    gold: dict[str, GoldDocument],
) -> None:
    g = gold["readout"]
    first, second = g.commitments  # type: ignore[misc]
    ev = evidence(g.text, second.text)
    wrong = Commitment(("CAN", "KOR"), second.text, "agreed", None, ("trade_economy",), ("UN",), ev)
    report = evaluate([g], lambda g: record_for(g, commitments=(wrong, wrong)))
    assert counts(report, "commitments") == (1, 1, 1)  # the repeat is a spurious commitment
    assert report.accuracies["commitment_modality"] == (0, 1)
    assert report.accuracies["commitment_deadline"] == (1, 1)  # both null
    assert report.accuracies["commitment_parties"] == (1, 1)
    assert counts(report, "commitment_areas") == (0, 1, 1)
    assert counts(report, "commitment_forums") == (1, 0, 1)
    missed = [m for m in report.misses if m.field == "commitments" and m.kind == "missed"]
    assert [m.expected for m in missed] == [first.text]


@pytest.mark.parametrize(("on_opinion", "expected"), [(True, (1, 1)), (False, (0, 1))])
def test_evaluation_opinion_rate(
    gold: dict[str, GoldDocument], on_opinion: bool, expected: tuple[int, int]
) -> None:
    g = gold["readout"]
    quote = "are expected to deepen trade ties" if on_opinion else "met Weldon Epp"
    taken = Commitment(("CAN", "KOR"), quote, "planned", None, (), (), evidence(g.text, quote))
    report = evaluate([g], lambda g: record_for(g, commitments=(taken,)))
    assert report.rates["opinions_as_commitments"] == expected


def test_evaluation_duplicates_not_double_counted(gold: dict[str, GoldDocument]) -> None:
    g, s = gold["readout"], gold["statement"]
    base, base_s = perfect(g), perfect(s)
    a = base.annotations
    doubled = dataclasses.replace(
        base,
        annotations=dataclasses.replace(
            a,
            organizations=a.organizations + a.organizations,
            places=a.places + a.places,
            times=a.times + a.times,
            people=a.people + a.people,
        ),
    )
    named_twice = dataclasses.replace(
        base_s,
        annotations=dataclasses.replace(
            base_s.annotations,
            agreements=(
                Agreement("Canada-Korea Free Trade Agreement", None),
                Agreement("Canada-Korea Free Trade Agreement", "CKFTA"),
            ),
        ),
    )
    report = evaluate([g, s], lambda d: doubled if d is g else named_twice)
    assert counts(report, "organizations") == (2, 0, 0)
    assert counts(report, "places") == (2, 0, 0)
    assert counts(report, "dates_found") == (4, 0, 0)
    assert counts(report, "people") == (2, 0, 0)
    assert counts(report, "agreements") == (1, 0, 0)


def test_evaluation_gold_repeats_not_double_counted(gold: dict[str, GoldDocument]) -> None:
    g = gold["readout"]
    repeated = dataclasses.replace(
        g,
        people=g.people + g.people,
        organizations=("UN", "UN", "G20"),  # type: ignore[operator]
    )
    report = evaluate([repeated], perfect)
    assert counts(report, "people") == (2, 0, 0)
    assert counts(report, "organizations") == (2, 0, 0)


def test_evaluation_missing_fields_are_not_scored(gold: dict[str, GoldDocument]) -> None:
    s = gold["statement"]
    extra = record_for(
        s,
        people=(Person("Cho Tae-yul", "Minister of Foreign Affairs", "KOR", None, ()),),
        areas=("energy_resources",),
    )
    report = evaluate([s], lambda g: extra)
    assert set(report.fields) == {"agreements", "places", "citations", "warnings"}
    assert report.accuracies == {}
    assert report.rates == {}


@pytest.mark.parametrize(("spurious", "expected"), [(False, (0, 0, 0)), (True, (0, 1, 0))])
def test_evaluation_empty_gold_lists_are_scored(
    gold: dict[str, GoldDocument], spurious: bool, expected: tuple[int, int, int]
) -> None:
    q = gold["quiet"]
    nowhere = evidence(q.text, "A short note")
    parts = {}
    if spurious:
        parts = {
            "people": (Person("Someone", "Mayor", "CAN", None, ()),),
            "organizations": (OrganizationMention("UN", nowhere),),
            "meetings": (Meeting(None, None, None, ("CAN", "KOR"), (), None, nowhere),),
            "commitments": (Commitment(("CAN",), "x", "agreed", None, (), (), nowhere),),
        }
    report = evaluate([q], lambda g: record_for(g, **parts))
    for name in ("people", "organizations", "meetings", "meetings_date_parties", "commitments"):
        assert counts(report, name) == expected
        assert report.fields[name].f1 == (0.0 if spurious else 1.0)
    assert report.rates == {"opinions_as_commitments": (0, 0)}


def test_evaluation_dates_found_and_normalized(gold: dict[str, GoldDocument]) -> None:
    g = gold["readout"]
    t = g.text
    times = (
        # "March 7, 2025" inside the gold "Friday, March 7, 2025": found by overlap, right
        TimeExpression(
            "March 7, 2025", evidence(t, "March 7, 2025"), "day", *[dt.date(2025, 3, 7)] * 2
        ),
        # found, wrong precision and range
        TimeExpression(
            "this year",
            evidence(t, "this year"),
            "interval",
            dt.date(2025, 3, 8),
            dt.date(2025, 12, 31),
        ),
        # no gold date here: spurious
        TimeExpression("Friday", evidence(t, "Global Affairs"), "day", None, None),
    )
    report = evaluate([g], lambda g: record_for(g, times=times))
    assert counts(report, "dates_found") == (2, 1, 2)
    assert report.accuracies["dates"] == (1, 2)
    wrong = [m for m in report.misses if m.field == "dates"]
    assert len(wrong) == 1 and wrong[0].kind == "wrong"
    assert wrong[0].expected == '"this year" 2025-01-01..2025-12-31 (year)'


def test_evaluation_meetings_city_and_participants(gold: dict[str, GoldDocument]) -> None:
    g = gold["readout"]
    m = perfect(g).meetings[0]
    elsewhere = dataclasses.replace(
        m,
        city="Toronto",
        participants=(Participant("Chung Byung-won", "KOR", None), Participant("X Y", "CAN", None)),
    )
    other_day = dataclasses.replace(m, date=dt.date(2025, 3, 6))
    report = evaluate([g], lambda g: record_for(g, meetings=(elsewhere, other_day)))
    assert counts(report, "meetings") == (0, 2, 1)
    assert counts(report, "meetings_date_parties") == (1, 1, 0)
    assert counts(report, "participants") == (1, 1, 1)
    kinds = sorted(m.kind for m in report.misses if m.field == "meetings")
    assert kinds == ["spurious", "wrong"]


def test_evaluation_city_apostrophes_are_one(gold: dict[str, GoldDocument]) -> None:
    """ "Nuku‘alofa" (the reference data's apostrophe) is the gold's "Nuku'alofa"."""
    g = gold["readout"]
    m = perfect(g).meetings[0]
    curly = dataclasses.replace(m, city=m.city.replace("a", "‘a", 1) if m.city else m.city)
    straight = dataclasses.replace(
        g,
        meetings=tuple(
            dataclasses.replace(gm, city=gm.city.replace("a", "'a", 1) if gm.city else gm.city)
            for gm in g.meetings
        ),
    )
    report = evaluate([straight], lambda _: record_for(g, meetings=(curly,)))
    assert counts(report, "meetings") == (1, 0, 0)


def test_evaluation_warnings_and_citations(gold: dict[str, GoldDocument]) -> None:
    s = gold["statement"]
    record = dataclasses.replace(
        perfect(s),
        warnings=(
            "stated count 'two' disagrees with the 3 items listed",
            "stated count 'three' disagrees with the 2 items listed",
            "unknown country code XXK",
        ),
    )
    record = dataclasses.replace(
        record,
        annotations=dataclasses.replace(
            record.annotations,
            citations=(
                Citation("[1]", "ref", "[1]", accessed=dt.date(2025, 6, 4)),
                Citation("[2]", "Ibid.", None),
            ),
        ),
    )
    report = evaluate([s], lambda g: record)
    assert counts(report, "warnings") == (1, 1, 1)
    assert counts(report, "citations") == (1, 1, 1)


def test_evaluation_failed_document_counts_as_missed(gold: dict[str, GoldDocument]) -> None:
    def predict(g: GoldDocument) -> DocumentRecord:
        if g.slug == "readout":
            raise ValueError("tagger broke")
        return perfect(g)

    report = evaluate(list(gold.values()), predict)
    assert [(m.doc, m.field, m.predicted) for m in report.misses] == [
        ("readout", "document", "ValueError: tagger broke")
    ]
    assert counts(report, "people") == (0, 0, 2)
    assert counts(report, "commitments") == (0, 0, 2)
    assert counts(report, "meetings") == (0, 0, 1)
    assert counts(report, "dates_found") == (0, 0, 4)
    assert report.rates["opinions_as_commitments"] == (0, 0)  # a failure says nothing of it


# --- the report ----------------------------------------------------------------------


def test_evaluation_format_text_shows_each_field_and_misses(
    gold: dict[str, GoldDocument],
) -> None:
    def predict(g: GoldDocument) -> DocumentRecord:
        return record_for(g) if g.slug == "statement" else perfect(g)

    report = evaluate(list(gold.values()), predict)
    text = report.format_text()
    for name in [*report.fields, *report.accuracies, *report.rates]:
        assert f"\n{name} " in text
    assert "F1" in text and "support" in text
    assert "  statement\n" in text
    assert "expected: CKFTA" in text
    assert "  readout\n" not in text  # no misses, no heading


def test_evaluation_to_json_and_targets(gold: dict[str, GoldDocument]) -> None:
    g = gold["readout"]
    people = (Person("Chung Byung-won", "Vice Minister for Political Affairs", "KOR", None, ()),)
    report = evaluate(
        [g], lambda g: dataclasses.replace(perfect(g), annotations=Annotations(people=people))
    )
    data = json.loads(report.to_json())
    assert data["fields"]["people"] == {
        "tp": 1,
        "fp": 0,
        "fn": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
    }
    assert data["accuracies"]["dates"] == {"correct": 0, "total": 0, "accuracy": None}
    assert data["rates"]["opinions_as_commitments"]["rate"] == 0.0
    shortfalls = compare_to_targets(
        report,
        {
            "people": 0.8,
            "people.precision": 0.9,
            "commitments": 0.9,
            "dates": 0.9,  # nothing to judge: not a shortfall
            "opinions_as_commitments": 0.2,
            "peeple": 0.5,
        },
    )
    assert shortfalls == ["people: F1 0.667 < 0.800", "peeple: not measured by this gold set"]


# --- the gold loader -----------------------------------------------------------------


def test_evaluation_load_gold_reads_pairs(gold: dict[str, GoldDocument]) -> None:
    assert sorted(gold) == ["quiet", "readout", "statement"]
    r = gold["readout"]
    assert r.published == dt.date(2025, 3, 8)
    assert r.dates is not None and r.dates[3].start is None
    assert r.meetings is not None and r.meetings[0].city == "Ottawa"
    assert gold["statement"].people is None  # left out: not scored
    assert gold["quiet"].people == ()  # empty: scored


def test_evaluation_load_gold_pair_with_text_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    shutil.copy(FIXTURES / "readout.txt", tmp_path / "texts" / "seed.txt")
    g = load_gold_pair(FIXTURES / "readout.json", tmp_path / "texts" / "seed.txt")
    assert g.slug == "readout" and g.text == (FIXTURES / "readout.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("json_text", "problem"),
    [
        ("{not json", "is not valid UTF-8 JSON"),
        ("[]", "the top level: expected an object"),
        ('{"people": {}}', "people: expected a list"),
        (
            '{"dates": [{"text": "A note", "start": "2025-13-01"}]}',
            "dates[0].start: expected YYYY-MM-DD",
        ),
        (
            '{"dates": [{"text": "A note", "precision": "week"}]}',
            "dates[0].precision: 'week' is not one",
        ),
        (
            '{"not_commitments": ["no such words"]}',
            "not_commitments[0]: 'no such words' is not an exact",
        ),
        ('{"warnings": ["tone"]}', "warnings[0]: 'tone' is not one of count, weekday"),
    ],
)
def test_evaluation_load_gold_names_file_and_problem(
    tmp_path: Path, json_text: str, problem: str
) -> None:
    (tmp_path / "bad.txt").write_text("A note.\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text(json_text, encoding="utf-8")
    with pytest.raises(GoldFormatError) as caught:
        load_gold(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'bad.json'}: ")
    assert problem in str(caught.value)
    assert isinstance(caught.value, ReferenceDataError)


def test_evaluation_load_gold_missing_text(tmp_path: Path) -> None:
    (tmp_path / "lonely.json").write_text("{}", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"lonely\.json: its text lonely\.txt is missing"):
        load_gold(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldFormatError, match=r"holds no SLUG\.json"):
        load_gold(tmp_path / "empty")
    with pytest.raises(GoldFormatError, match="is not a folder"):
        load_gold(tmp_path / "absent")


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Hà Nội", "Hanoi", True),
        ("Kiev", "Kyiv", True),
        ("Brasilia", "Brasília", True),
        ("Hanoi", "Ho Chi Minh City", False),
        ("Nowhere Town", "nowhere town", True),
    ],
)
def test_evaluation_city_key_is_the_gazetteer_city(gold: str, predicted: str, same: bool) -> None:
    from accord.evaluation_measures import _city_key

    assert (_city_key(gold) == _city_key(predicted)) is same
