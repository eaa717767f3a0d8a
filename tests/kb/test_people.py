"""Tests for the table of well-known officials: lookups, dates, validation and load time."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
import yaml

from accord.errors import ReferenceDataError
from accord.kb.people import DEFAULT_PEOPLE_PATH, KnownPerson, Office, PeopleIndex, load_people

DATA = DEFAULT_PEOPLE_PATH.parent


@pytest.fixture(scope="module")
def people() -> PeopleIndex:
    return load_people()


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # Exact names and aliases.
        ("Yoon Suk Yeol", "Yoon Suk Yeol", "KOR"),
        ("Chung Byung-won", "Chung Byung-won", "KOR"),
        ("Kim Hong-kyun", "Kim Hong-kyun", "KOR"),
        ("Weldon Epp", "Weldon Epp", "CAN"),
        ("Kurt Campbell", "Kurt Campbell", "USA"),
        ("Wendy Sherman", "Wendy Sherman", "USA"),
        ("Funakoshi Takehiro", "Funakoshi Takehiro", "JPN"),
        ("Wang Yi", "Wang Yi", "CHN"),
        ("Kamikawa Yoko", "Kamikawa Yoko", "JPN"),
        ("Yoko Kamikawa", "Kamikawa Yoko", "JPN"),
        ("Cho Taeyul", "Cho Tae-yul", "KOR"),
        ("Lula", "Luiz Inácio Lula da Silva", "BRA"),
        ("Jokowi", "Joko Widodo", "IDN"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "UKR"),
        ("Sergei Lavrov", "Sergey Lavrov", "RUS"),
        # Both name orders, though only one is written in the table.
        ("Fumio Kishida", "Kishida Fumio", "JPN"),
        ("Takehiro Funakoshi", "Funakoshi Takehiro", "JPN"),
        ("Byung-won Chung", "Chung Byung-won", "KOR"),
        ("Hong-kyun Kim", "Kim Hong-kyun", "KOR"),
        ("Suk Yeol Yoon", "Yoon Suk Yeol", "KOR"),
        ("Jinping Xi", "Xi Jinping", "CHN"),
        ("Jong Un Kim", "Kim Jong Un", "PRK"),
        ("Chinh Pham Minh", "Phạm Minh Chính", "VNM"),
        # Case, diacritics, hyphens, spacing and dots folded.
        ("Melanie Joly", "Mélanie Joly", "CAN"),
        ("MÉLANIE JOLY", "Mélanie Joly", "CAN"),
        ("antonio guterres", "António Guterres", None),
        ("Nguyen Phu Trong", "Nguyễn Phú Trọng", "VNM"),
        ("Tran Dai Quang", "Trần Đại Quang", "VNM"),
        ("Lars Lokke Rasmussen", "Lars Løkke Rasmussen", "DNK"),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "TUR"),
        ("Cho Tae Yul", "Cho Tae-yul", "KOR"),
        ("Taeyul Cho", "Cho Tae-yul", "KOR"),
        ("Kim  Jong-un", "Kim Jong Un", "PRK"),
        ("J. D. Vance", "JD Vance", "USA"),
        ("Gideon Saar", "Gideon Sa'ar", "ISR"),
        ("Gideon Sa’ar", "Gideon Sa'ar", "ISR"),
        ("Jean Noel Barrot", "Jean-Noël Barrot", "FRA"),
        ("Radoslaw Sikorski", "Radosław Sikorski", "POL"),
    ],
)
def test_people_lookup_finds(
    people: PeopleIndex, text: str, name: str, country: str | None
) -> None:
    person = people.lookup(text)
    assert person is not None, text
    assert person.name == name
    assert person.country == country


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Blinken",  # a surname alone is for by_surname, not lookup
        "Kishida Fumi",  # no fuzzy matching
        "Antony Blinkin",
        "John Smith",
        "Kim",
        "Jokowi Widodo Joko",  # words moved more than once are not tried
    ],
)
def test_people_lookup_refuses(people: PeopleIndex, text: str) -> None:
    assert people.lookup(text) is None


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Ursula von der Leyen", "EU"),
        ("Josep Borrell", "EU"),
        ("Kaja Kallas", "EU"),
        ("Charles Michel", "EU"),
        ("Antonio Costa", "EU"),
        ("Jens Stoltenberg", "NATO"),
        ("Mark Rutte", "NATO"),
        ("Rafael Grossi", "IAEA"),
        ("Ngozi Okonjo-Iweala", "WTO"),
    ],
)
def test_people_lookup_international_officials(people: PeopleIndex, text: str, body: str) -> None:
    person = people.lookup(text)
    assert person is not None
    assert (person.country, person.body) == (None, body)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Kishida", {"Kishida Fumio"}),
        ("kishida", {"Kishida Fumio"}),
        ("Blinken", {"Antony Blinken"}),
        ("von der Leyen", {"Ursula von der Leyen"}),
        ("Chinh", {"Phạm Minh Chính"}),
        ("Jaishankar", {"S. Jaishankar"}),
        ("Sharif", {"Nawaz Sharif", "Shehbaz Sharif"}),
        ("Nobody", set()),
    ],
)
def test_people_by_surname(people: PeopleIndex, token: str, expected: set[str]) -> None:
    assert {p.name for p in people.by_surname(token)} == expected


def test_people_by_surname_kim_lists_everyone(people: PeopleIndex) -> None:
    names = {p.name for p in people.by_surname("Kim")}
    assert {"Kim Hong-kyun", "Kim Jong Un", "Sung Kim"} <= names
    assert "Moon Jae-in" not in names


@pytest.mark.parametrize(
    ("text", "day", "title"),
    [
        ("Yoon Suk Yeol", "2025-04-04", "President"),
        ("Yoon Suk Yeol", "2025-05-01", None),
        ("Yoon Suk Yeol", dt.date(2023, 1, 1), "President"),
        ("Kishida Fumio", "2016-06-15", "Minister for Foreign Affairs"),
        ("Kishida Fumio", "2019-06-15", None),
        ("Kishida Fumio", "2023", "Prime Minister"),
        ("Antony Blinken", "2024-12-31", "Secretary of State"),
        ("Kurt Campbell", "2024-06-01", "Deputy Secretary of State"),
        (
            "Wang Yi",
            "2023-03-01",
            "Director of the Office of the Central Foreign Affairs Commission",
        ),
        # Undated offices are the fallback when no dated one covers the day.
        ("Chung Byung-won", "2025-03-07", "Vice Minister for Political Affairs"),
        ("Kaja Kallas", "2023-05-01", "Prime Minister of Estonia"),
        (
            "Kaja Kallas",
            "2025-01-10",
            "High Representative of the Union for Foreign Affairs and Security Policy",
        ),
    ],
)
def test_people_title_on(
    people: PeopleIndex, text: str, day: dt.date | str, title: str | None
) -> None:
    person = people.lookup(text)
    assert person is not None
    assert people.title_on(person, day) == title


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("Kaja Kallas", "2023-05-01", ("EST", None)),
        ("Kaja Kallas", "2025-01-10", (None, "EU")),
        ("Jens Stoltenberg", "2020-01-01", (None, "NATO")),
        ("Jens Stoltenberg", "2025-06-01", ("NOR", None)),
        ("Mark Carney", "2018-01-01", ("GBR", None)),
        ("Mark Carney", "2025-06-01", ("CAN", None)),
    ],
)
def test_people_affiliation_on(
    people: PeopleIndex, text: str, day: str, expected: tuple[str | None, str | None]
) -> None:
    person = people.lookup(text)
    assert person is not None
    assert people.affiliation_on(person, day) == expected


def test_people_office_bounds_at_their_precision() -> None:
    office = Office("Minister", start="2022-05", end="2025")
    assert not office.covers("2022-04-30")
    assert office.covers("2022-05-01")
    assert office.covers("2025-12-31")
    assert not office.covers("2026-01-01")
    assert office.covers("2022")


def test_people_names_lists_every_form(people: PeopleIndex) -> None:
    forms = dict(people.names())
    assert forms["Fumio Kishida"].name == "Kishida Fumio"
    assert forms["Kishida Fumio"].name == "Kishida Fumio"
    assert forms["Melanie Joly"] is forms["Mélanie Joly"]
    assert sum(len(p.forms()) for p in people) == len(list(people.names()))


def test_people_table_size_and_reach(people: PeopleIndex) -> None:
    assert len(people) >= 400
    countries = {p.country for p in people if p.country}
    assert len(countries) >= 60
    bodies = {p.body for p in people if p.body}
    assert {"UN", "NATO", "EU", "IAEA", "WTO"} <= bodies


def test_people_codes_are_known_to_the_other_tables(people: PeopleIndex) -> None:
    with (DATA / "countries.csv").open(encoding="utf-8") as handle:
        iso3 = {row["iso3"] for row in csv.DictReader(handle)}
    org_ids = {o["id"] for o in yaml.safe_load((DATA / "organizations.yaml").read_text("utf-8"))}
    for person in people:
        codes = [(person.country, person.body)] + [(o.country, o.body) for o in person.offices]
        for country, body in codes:
            assert country is None or country in iso3, (person.name, country)
            assert body is None or body in org_ids, (person.name, body)


def test_people_everyone_served_between_2015_and_2025(people: PeopleIndex) -> None:
    for person in people:
        for office in person.offices:
            if office.start and office.end:
                assert office.start[:4] <= office.end[:4], person.name
            assert office.end is None or office.end[:4] <= "2025", (person.name, office)
        assert any(
            (o.end is None or o.end[:4] >= "2015") and (o.start is None or o.start[:4] <= "2025")
            for o in person.offices
        ), person.name


def test_people_load_is_cached(tmp_path: Path) -> None:
    copy = tmp_path / "people.yaml"
    copy.write_bytes(DEFAULT_PEOPLE_PATH.read_bytes())
    fresh = load_people(copy)
    assert load_people(tmp_path / "." / "people.yaml") is fresh  # same resolved path: cached
    assert load_people() is load_people(DEFAULT_PEOPLE_PATH)


# --- Validation -------------------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "people.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
- name: Park Jin
  aliases: [Jin Park]
  country: KOR
  offices:
  - {title: Minister of Foreign Affairs, from: 2022-05, to: 2024-01}
"""


def test_people_loads_a_small_valid_file(tmp_path: Path) -> None:
    index = load_people(_write(tmp_path, GOOD))
    person = index.lookup("Jin Park")
    assert person == KnownPerson(
        name="Park Jin",
        aliases=("Jin Park",),
        country="KOR",
        body=None,
        offices=(Office("Minister of Foreign Affairs", "2022-05", "2024-01"),),
        surnames=("Park",),
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{name: x}", "expected a list"),
        ("- [not, a, mapping]", "entry 0: expected a mapping"),
        ("- {country: KOR, offices: [{title: T}]}", "entry 0: `name`"),
        ("- {name: A B, offices: [{title: T}]}", "entry 0 (A B): `country` is missing"),
        ("- {name: A B, country: Korea, offices: [{title: T}]}", "not an ISO 3166-1"),
        ("- {name: A B, country: null, offices: [{title: T}]}", "`body` must name"),
        ("- {name: A B, country: KOR, body: UN, offices: [{title: T}]}", "not both"),
        ("- {name: A B, country: KOR, offices: []}", "`offices` must be a non-empty list"),
        ("- {name: A B, country: KOR, offices: [{from: 2020}]}", "office 0: `title`"),
        (
            "- {name: A B, country: KOR, offices: [{title: T, from: 2020-13}]}",
            "`from` '2020-13' must be YYYY or YYYY-MM",
        ),
        (
            "- {name: A B, country: KOR, offices: [{title: T, from: 2020-01-05}]}",
            "must be YYYY or YYYY-MM",
        ),
        (
            "- {name: A B, country: KOR, offices: [{title: T, from: 2021, to: 2020-05}]}",
            "is before `from`",
        ),
        ("- {name: A B, country: KOR, offices: [{title: T, since: 2020}]}", "unknown keys"),
        ("- {name: A B, country: KOR, nation: KOR, offices: [{title: T}]}", "unknown keys"),
        ("- {name: A B, country: KOR, aliases: [[x]], offices: [{title: T}]}", "alias"),
        ("- {name: A B, country: KOR, surname: 5, offices: [{title: T}]}", "`surname`"),
        ("- {name: A B, country: KOR\n  offices: [", "not valid YAML"),
    ],
)
def test_people_rejects_bad_entries(tmp_path: Path, text: str, problem: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ReferenceDataError) as caught:
        load_people(path)
    message = str(caught.value)
    assert str(path.resolve()) in message
    assert problem in message


def test_people_rejects_a_form_two_people_share(tmp_path: Path) -> None:
    text = (
        GOOD
        + """
- name: Jin Park
  country: KOR
  offices:
  - {title: Ambassador}
"""
    )
    with pytest.raises(ReferenceDataError, match=r"entry 0 \(Park Jin\); entry 1 \(Jin Park\)"):
        load_people(_write(tmp_path, text))


def test_people_rejects_a_shared_alias_marked_on_one_side_only(tmp_path: Path) -> None:
    text = """
- name: Nawaz Sharif
  country: PAK
  aliases: [{name: Mian Sharif, ambiguous: true}]
  offices: [{title: Prime Minister}]
- name: Shehbaz Sharif
  country: PAK
  aliases: [Mian Sharif]
  offices: [{title: Prime Minister}]
"""
    with pytest.raises(ReferenceDataError, match="ambiguous: true"):
        load_people(_write(tmp_path, text))


def test_people_allows_a_shared_alias_marked_ambiguous(tmp_path: Path) -> None:
    text = """
- name: Nawaz Sharif
  country: PAK
  aliases: [{name: Mian Sharif, ambiguous: true}]
  offices: [{title: Prime Minister}]
- name: Shehbaz Sharif
  country: PAK
  aliases: [{name: Mian Sharif, ambiguous: true}]
  offices: [{title: Prime Minister}]
"""
    index = load_people(_write(tmp_path, text))
    assert index.lookup("Mian Sharif") is None
    assert index.is_ambiguous("mian sharif")
    assert index.lookup("Shehbaz Sharif") is not None
    assert [p.name for _, p in index.names() if _ == "Mian Sharif"] == [
        "Nawaz Sharif",
        "Shehbaz Sharif",
    ]


def test_people_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="cannot read the people table"):
        load_people(tmp_path / "absent.yaml")
