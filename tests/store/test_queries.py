"""Tests of the store's query functions, each on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from accord.errors import AmbiguousIdError, DocumentNotFoundError, StoreError
from accord.records import Evidence, document_id
from accord.store import (
    Store,
    add_record,
    count_documents,
    get_document,
    get_record_dict,
    list_commitments,
    list_documents,
    list_meetings,
    load_record,
)
from accord.store.models import CommitmentRow, DocumentRow, EntityRow, MeetingRow, ParticipantRow
from accord.store.queries import search_terms

from .builders import READOUT, MakeRecord, build_record
from .conftest import BACKENDS, open_fresh_store

URL = "https://example.org/readouts/kor-can"
FOLLOW_UP = READOUT + " A second round is planned for the autumn."

# A small corpus for search: label -> (title, text, published).
CORPUS = {
    "readout": ("Korea and Canada hold vice-ministerial talks", READOUT, dt.date(2025, 3, 7)),
    "summit": (
        "Japan and Australia leaders meet",
        "The leaders of Japan and Australia pledged a free trade review and closer maritime "
        "cooperation in the Indo-Pacific.",
        dt.date(2024, 11, 2),
    ),
    "notes": (
        "Trade notes",
        "Officials discussed trade that is free of tariffs and a review of maritime rules.",
        None,
    ),
}


def _add_corpus(store: Store) -> dict[str, str]:
    """Store CORPUS; returns label -> document id."""
    ids = {}
    with store.session() as session:
        for label, (title, text, published) in CORPUS.items():
            record = build_record(
                text,
                title=title,
                url=f"https://example.org/{label}",
                published=published,
                with_facts=label == "readout",
            )
            add_record(session, record=record)
            ids[label] = record.document.id
    return ids


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request: pytest.FixtureRequest) -> Iterator[tuple[Store, dict[str, str]]]:
    """A store holding CORPUS, shared by the read-only search tests."""
    with open_fresh_store(request, request.param) as store:
        yield store, _add_corpus(store)


def _count(store: Store, model: type) -> int:
    with store.session() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model)) or 0


# --- add_record ------------------------------------------------------------------------


def test_queries_add_record_new_then_exists(store: Store, make_record: MakeRecord) -> None:
    record = make_record()
    with store.session() as session:
        first = add_record(session, record=record)
    with store.session() as session:
        again = add_record(session, record=record)
        # The same text at another URL is the same document.
        elsewhere = add_record(session, record=make_record(url="https://example.org/mirror"))
    assert (first.status, first.document_id, first.previous_id) == ("new", record.document.id, None)
    assert again.status == "exists"
    assert elsewhere.status == "exists"
    assert _count(store, DocumentRow) == 1
    assert _count(store, MeetingRow) == 1
    assert _count(store, ParticipantRow) == 2


def test_queries_add_record_chains_versions_at_one_url(
    store: Store, make_record: MakeRecord
) -> None:
    v1, v2 = make_record(READOUT), make_record(FOLLOW_UP)
    v3 = make_record(FOLLOW_UP + " Dates will follow.")
    with store.session() as session:
        outcomes = [add_record(session, record=r) for r in (v1, v2)]
    with store.session() as session:
        outcomes.append(add_record(session, record=v3))
        repeated = add_record(session, record=v2)
    assert [(o.status, o.previous_id) for o in outcomes] == [
        ("new", None),
        ("new_version", v1.document.id),
        ("new_version", v2.document.id),
    ]
    assert (repeated.status, repeated.previous_id) == ("exists", v1.document.id)
    with store.session() as session:
        newest = get_document(session, id_prefix=v3.document.id)
    assert newest.previous_version == v2.document.id


def test_queries_add_record_without_url_is_never_a_version(
    store: Store, make_record: MakeRecord
) -> None:
    with store.session() as session:
        a = add_record(session, record=make_record(READOUT, url=None))
        b = add_record(session, record=make_record(FOLLOW_UP, url=None))
    assert [a.status, b.status] == ["new", "new"]


def test_queries_add_record_failure_leaves_nothing(store: Store, make_record: MakeRecord) -> None:
    # The commitment is written after the document, its entities and its meeting: its
    # invalid span makes the write fail half-way.
    broken = make_record(commitment_evidence=Evidence(-5, 3, "bad"))
    fine = make_record(FOLLOW_UP)
    with store.session() as session:
        with pytest.raises(StoreError, match=broken.document.id[:12]):
            add_record(session, record=broken)
        # The transaction is still usable: a batch goes on with the next document.
        assert add_record(session, record=fine).status == "new"
    with store.session() as session:
        assert [d.document.id for d in list_documents(session)] == [fine.document.id]
        assert list_documents(session, search="Korea") != []
        for model in (EntityRow, MeetingRow, CommitmentRow):
            ids = session.scalars(sa.select(model.document_id).distinct()).all()
            assert ids == [fine.document.id]


def test_queries_session_error_rolls_back_everything(store: Store, make_record: MakeRecord) -> None:
    with pytest.raises(RuntimeError), store.session() as session:
        add_record(session, record=make_record())
        raise RuntimeError("the caller fails after writing")
    assert _count(store, DocumentRow) == 0
    with store.session() as session:
        assert list_documents(session, search="Korea") == []


def test_queries_add_record_status(store: Store, make_record: MakeRecord) -> None:
    with store.session() as session:
        add_record(session, record=make_record(with_facts=False), source_status="skipped")
        with pytest.raises(ValueError, match="source_status"):
            add_record(session, record=make_record(FOLLOW_UP), source_status="maybe")
    with store.session() as session:
        (stored,) = list_documents(session)
    assert stored.status == "skipped"


def test_queries_record_round_trips(store: Store, make_record: MakeRecord) -> None:
    record = make_record()
    with store.session() as session:
        add_record(session, record=record)
    with store.session() as session:
        assert get_record_dict(session, document_id=record.document.id) == record.to_dict()
        assert load_record(session, document_id=record.document.id) == record
        stored = get_document(session, id_prefix=record.document.id[:8])
    assert stored.document == record.document
    assert stored.ingested_at.utcoffset() == dt.timedelta(0)
    assert stored.status == "analysed"
    assert stored.previous_version is None


def test_queries_missing_record(store: Store) -> None:
    with store.session() as session:
        with pytest.raises(DocumentNotFoundError):
            get_record_dict(session, document_id="0" * 64)
        with pytest.raises(DocumentNotFoundError):
            load_record(session, document_id="0" * 64)


# --- documents ---------------------------------------------------------------------------


def test_queries_list_documents_newest_first(corpus: tuple[Store, dict[str, str]]) -> None:
    store, ids = corpus
    with store.session() as session:
        listed = [d.document.id for d in list_documents(session)]
        since = [d.document.id for d in list_documents(session, since=dt.date(2025, 1, 1))]
        page = [d.document.id for d in list_documents(session, limit=1, offset=1)]
        counts = (
            count_documents(session),
            count_documents(session, since=dt.date(2024, 11, 2)),
            count_documents(session, search="maritime"),
            count_documents(session, search="maritime", since=dt.date(2024, 1, 1)),
            count_documents(session, search="*"),
        )
    assert listed == [ids["readout"], ids["summit"], ids["notes"]]  # undated last
    assert since == [ids["readout"]]
    assert page == [ids["summit"]]
    assert counts == (3, 2, 2, 1, 0)


# Same length, same words but the digit: every one scores the same for "fisheries".
TIED = [
    (f"Ministers of Korea and Canada met on fisheries. Note {n}.", published)
    for n, published in enumerate(
        [
            dt.date(2024, 5, 1),
            None,
            dt.date(2025, 1, 9),
            dt.date(2023, 2, 2),
            dt.date(2025, 1, 9),
            None,
            dt.date(2024, 12, 30),
        ]
    )
]


@pytest.mark.parametrize("tie_room", [200, 1])
def test_queries_search_pages_break_ties_by_date(
    store: Store, monkeypatch: pytest.MonkeyPatch, tie_room: int
) -> None:
    """A page of a search is the same slice of the full ordering (score, then newest
    published, undated last, then newest ingested, then id), whether read from the
    index's scores (room for the ties at the cut) or by joining every match (too little
    room: the page falls back)."""
    from accord.store import queries

    monkeypatch.setattr(queries, "_FTS5_TIE_ROOM", tie_room)
    with store.session() as session:
        for text, published in TIED:
            record = build_record(
                text, title="Notes", url=None, published=published, with_facts=False
            )
            add_record(session, record=record)
        best = build_record("Fisheries, fisheries and fisheries.", url=None, with_facts=False)
        add_record(session, record=best)
    with store.session() as session:
        whole = [d.document for d in list_documents(session, search="fisheries")]
        pages = [
            [d.document.id for d in list_documents(session, search="fisheries", limit=3, offset=k)]
            for k in (0, 3, 6)
        ]
        total = count_documents(session, search="fisheries")
    assert total == len(whole) == len(TIED) + 1
    assert [i for page in pages for i in page] == [d.id for d in whole]
    tied = [d for d in whole if d.text.startswith("Ministers")]
    dated = [d.published for d in tied if d.published]
    assert dated == sorted(dated, reverse=True)
    assert [d.published for d in tied][-2:] == [None, None]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Korea", {"readout"}),
        ("korea canada", {"readout"}),
        ("Indo-Pacific", {"readout", "summit"}),
        ("free trade", {"summit", "notes"}),
        ('"free trade"', {"summit"}),
        ('"free trade', {"summit", "notes"}),  # an unclosed quote
        ('canada"', {"readout"}),
        ("meeting", {"summit"}),  # stemmed: "meet" in a title
        ("korea AND canada", {"readout"}),
        ("korea OR japan", set()),  # no operators: both words must match
        ("NEAR(korea canada)", set()),
        ("maritime*", {"summit", "notes"}),
        ("title:korea", set()),  # not an FTS5 column filter
        ("korea -japan", set()),
        ("^korea + (canada)", {"readout"}),
        ('"', set()),
        ("*", set()),
        ("'; DROP TABLE documents; --", set()),
    ],
)
def test_queries_search_treats_user_input_as_words(
    corpus: tuple[Store, dict[str, str]], query: str, expected: set[str]
) -> None:
    store, ids = corpus
    labels = {v: k for k, v in ids.items()}
    with store.session() as session:
        found = {labels[d.document.id] for d in list_documents(session, search=query)}
        count = count_documents(session, search=query)
    assert found == expected
    assert count == len(expected)


def test_queries_search_ranks_title_matches_first(corpus: tuple[Store, dict[str, str]]) -> None:
    store, ids = corpus
    with store.session() as session:
        found = [d.document.id for d in list_documents(session, search="trade")]
        blank = [d.document.id for d in list_documents(session, search="  ")]
    # "notes" has the word in its title; date order would put "summit" first.
    assert found == [ids["notes"], ids["summit"]]
    assert len(blank) == 3  # a blank search is no filter


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("korea", ["korea"]),
        ('"free  trade" deal', ["free trade", "deal"]),
        ("Indo-Pacific", ["Indo Pacific"]),
        ('NEAR(a b) "x', ["NEAR a", "b", "x"]),  # joined by punctuation: a phrase
        ("* - \" ' ()", []),
        ("snake_case", ["snake case"]),
        ("Sécurité énergétique", ["Sécurité", "énergétique"]),
    ],
)
def test_queries_search_terms(query: str, expected: list[str]) -> None:
    assert search_terms(query) == expected


def _ids_sharing_a_first_digit() -> tuple[list[str], list[str]]:
    """Texts of two documents whose ids start with the same hex digit (17 texts suffice)."""
    seen: dict[str, str] = {}
    for i in range(17):
        text = f"Note number {i} on bilateral relations."
        digit = document_id(text)[0]
        if digit in seen:
            return [seen[digit], text], [document_id(seen[digit]), document_id(text)]
        seen[digit] = text
    raise AssertionError("pigeonhole principle violated")


def test_queries_get_document_by_prefix(store: Store, make_record: MakeRecord) -> None:
    texts, ids = _ids_sharing_a_first_digit()
    with store.session() as session:
        for text in texts:
            add_record(session, record=make_record(text, url=None, with_facts=False))
    first = ids[0]
    with store.session() as session:
        assert get_document(session, id_prefix=first).document.id == first
        assert get_document(session, id_prefix=first[:12].upper()).document.id == first
        with pytest.raises(AmbiguousIdError) as ambiguous:
            get_document(session, id_prefix=first[0])
        assert sorted(ambiguous.value.matches) == sorted(ids)
        unknown = next(c for c in "0123456789abcdef" if c != first[0])
        for prefix in (unknown + "0" * 10, "0" * 64, "not-hex", "", "zz"):
            with pytest.raises(DocumentNotFoundError):
                get_document(session, id_prefix=prefix)


# --- meetings and commitments ------------------------------------------------------------


@pytest.fixture(scope="module", params=BACKENDS)
def two_meetings(request: pytest.FixtureRequest) -> Iterator[tuple[Store, dict[str, str]]]:
    """A store holding two readouts (KOR-CAN in 2025, KOR-JPN in 2024), shared by the
    read-only meeting and commitment tests; returns it and document id -> name."""
    first = build_record()
    second = build_record(
        FOLLOW_UP,
        url="https://example.org/readouts/kor-jpn",
        published=dt.date(2024, 6, 10),
        parties=("KOR", "JPN"),
        meeting_date=dt.date(2024, 6, 9),
        deadline=dt.date(2026, 6, 30),
        areas=("maritime",),
    )
    with open_fresh_store(request, request.param) as store:
        with store.session() as session:
            add_record(session, record=first)
            add_record(session, record=second)
        yield store, {first.document.id: "first", second.document.id: "second"}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["first", "second"]),
        ({"party": "CAN"}, ["first"]),
        ({"party": "kor"}, ["first", "second"]),
        ({"party": "KO"}, []),  # an element of the list, not a substring
        ({"party": "USA"}, []),
        ({"since": dt.date(2025, 3, 7)}, ["first"]),
        ({"since": dt.date(2025, 3, 8)}, []),
        ({"party": "JPN", "since": dt.date(2024, 1, 1)}, ["second"]),
    ],
)
def test_queries_list_meetings(
    two_meetings: tuple[Store, dict[str, str]], options: dict, expected: list[str]
) -> None:
    store, names = two_meetings
    with store.session() as session:
        found = list_meetings(session, **options)
    assert [names[m.document_id] for m in found] == expected


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["first", "second"]),  # soonest deadline first
        ({"party": "jpn"}, ["second"]),
        ({"area": "maritime"}, ["second"]),
        ({"area": "energy_resources", "party": "CAN"}, ["first"]),
        ({"area": "health"}, []),
        ({"due_before": dt.date(2026, 1, 1)}, ["first"]),
        ({"due_before": dt.date(2025, 12, 31)}, []),  # strictly before
    ],
)
def test_queries_list_commitments(
    two_meetings: tuple[Store, dict[str, str]], options: dict, expected: list[str]
) -> None:
    store, names = two_meetings
    with store.session() as session:
        found = list_commitments(session, **options)
    assert [names[c.document_id] for c in found] == expected


def test_queries_meetings_and_commitments_are_the_records(
    store: Store, make_record: MakeRecord
) -> None:
    record = make_record()
    with store.session() as session:
        add_record(session, record=record)
    with store.session() as session:
        (meeting,) = list_meetings(session)
        (commitment,) = list_commitments(session)
    assert meeting.meeting == record.meetings[0]
    assert commitment.commitment == record.commitments[0]
    assert isinstance(meeting.id, int)
    assert isinstance(commitment.id, int)
