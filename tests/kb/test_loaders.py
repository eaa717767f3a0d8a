"""Validation of reference-data files: malformed rows and duplicate ids raise ReferenceDataError."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from accord.errors import ReferenceDataError
from accord.kb import DATA_DIR, build_kb


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_loaders_copy_of_packaged_data_builds(data_dir: Path) -> None:
    kb = build_kb(data_dir=data_dir)
    assert "KOR" in kb.countries


@pytest.mark.parametrize(
    ("file", "edit", "message"),
    [
        (
            "countries.csv",
            lambda p: _append(p, "KOR,KX,Another Korea,,,,,,0\n"),
            r"countries\.csv: line \d+: duplicate code KOR",
        ),
        (
            "countries.csv",
            lambda p: _append(p, "kor,KX,Lower,,,,,,0\n"),
            r"countries\.csv: line \d+: iso3 'kor'",
        ),
        (
            "countries.csv",
            lambda p: _append(p, "XYZ,XY,Too Few Fields\n"),
            r"countries\.csv: line \d+: has 3 fields",
        ),
        (
            "countries.csv",
            lambda p: _append(p, "XYZ,XY,Flagged,,,,,,yes\n"),
            r"capital_metonym must be 0 or 1",
        ),
        (
            "countries.csv",
            lambda p: _append(p, "XYZ,XY,Xland,Canada,,,,,0\n"),
            r"countries\.csv: country XYZ: alias 'Canada' is already used by country CAN",
        ),
        (
            "organizations.yaml",
            lambda p: _append(p, "- id: NATO\n  name: Another NATO\n  kind: alliance\n"),
            r"organizations\.yaml: entry \d+ \(NATO\): duplicate id NATO",
        ),
        (
            "organizations.yaml",
            lambda p: _append(p, "- id: XORG\n  name: X Organization\n  kind: club\n"),
            r"entry \d+ \(XORG\): kind 'club' is not one of",
        ),
        (
            "organizations.yaml",
            lambda p: _append(p, "- id: XORG\n  name: X\n  kind: forum\n  members: [KOR, ZZZ]\n"),
            r"entry XORG: member 'ZZZ' is neither a country code nor an organization id",
        ),
        (
            "organizations.yaml",
            lambda p: _append(
                p,
                "- id: XORG\n  name: X\n  kind: forum\n  members: [KOR]\n"
                "  joined: {JPN: 2020-01}\n",
            ),
            r"entry \d+ \(XORG\): joined names 'JPN', which is not among its members",
        ),
        (
            "organizations.yaml",
            lambda p: _append(
                p, "- id: XORG\n  name: X\n  kind: forum\n  members: [KOR]\n  joined: {KOR: 2020}\n"
            ),
            r"joined month for KOR must be YYYY-MM",
        ),
        (
            "organizations.yaml",
            lambda p: _append(p, "- id: XORG\n  name: X\n  kind: forum\n  party: xo\n"),
            r"entry \d+ \(XORG\): party 'xo' must be three upper-case letters",
        ),
        (
            "organizations.yaml",
            lambda p: _append(p, "- id: XORG\n  name: X\n  kind: forum\n  party: KOR\n"),
            r"entry XORG: party code 'KOR' is already a country's code",
        ),
        (
            "organizations.yaml",
            lambda p: _append(p, "- id: xorg\n  name: X\n  kind: forum\n"),
            r"id 'xorg' must be upper-case",
        ),
        (
            "organizations.yaml",
            lambda p: _append(p, "- id: XORG\n  name: X\n  kind: forum\n  aliases: [OECD]\n"),
            r"alias 'OECD' is already used by organization OECD",
        ),
        (
            "organizations.yaml",
            lambda p: _append(p, "- id: XORG\n  name: X\n  kind: forum\n  nmae: typo\n"),
            r"unknown field\(s\) nmae",
        ),
        (
            "organizations.yaml",
            lambda p: _append(p, "- id: XORG\n  name: [unclosed\n"),
            r"organizations\.yaml: line \d+: is not valid YAML",
        ),
        (
            "bodies.yaml",
            lambda p: _append(p, "- name: Ministry of Nowhere\n  country: ZZZ\n  kind: ministry\n"),
            r"bodies\.yaml: entry 'Ministry of Nowhere': country 'ZZZ' is not in countries\.csv",
        ),
        (
            "bodies.yaml",
            lambda p: _append(
                p, "- name: Global Affairs Canada\n  country: CAN\n  kind: ministry\n"
            ),
            r"duplicate name 'Global Affairs Canada'",
        ),
        (
            "agreements.yaml",
            lambda p: _replace(p, "signed: 2014-09-22", "signed: 2014-13-45"),
            r"agreements\.yaml: entry \d+ \(Canada-Korea Free Trade Agreement\): "
            r"signed '2014-13-45'",
        ),
        (
            "agreements.yaml",
            lambda p: _replace(p, "in_force: 2015-01-01", "in_force: 2013-01-01"),
            r"in_force 2013-01-01 is before 2014-09-22",
        ),
        (
            "agreements.yaml",
            lambda p: _append(p, "- name: X Pact\n  short: CKFTA\n  kind: treaty\n"),
            r"duplicate short name 'CKFTA'",
        ),
        (
            "titles.yaml",
            lambda p: _append(p, "  - canonical: President\n    kind: head_of_state\n"),
            r"titles\.yaml: entry \d+ \(President\): duplicate canonical title 'President'",
        ),
        (
            "areas.yaml",
            lambda p: _replace(p, "terms: [health,", "terms: [Health,"),
            r"areas\.yaml: entry \d+ \(health\): term 'Health' must be lower-case",
        ),
        (
            "areas.yaml",
            lambda p: _replace(p, "terms: [health,", "terms: [pandemic, health,"),
            r"duplicate term 'pandemic'",
        ),
        (
            "cities.csv",
            lambda p: _append(p, "Nowhere,,CAN,,many,0,\n"),
            r"cities\.csv: line \d+: population 'many' is not a number",
        ),
    ],
)
def test_loaders_reject_bad_data(data_dir: Path, file: str, edit, message: str) -> None:
    edit(data_dir / file)
    with pytest.raises(ReferenceDataError, match=message) as info:
        build_kb(data_dir=data_dir)
    assert str(data_dir / file) in str(info.value)


def test_loaders_missing_column(data_dir: Path) -> None:
    path = data_dir / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace(",capital_metonym", "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=re.escape("lacks column(s) capital_metonym")):
        build_kb(data_dir=data_dir)


def test_loaders_user_areas_extend_taxonomy(tmp_path: Path) -> None:
    extra = tmp_path / "areas.yaml"
    extra.write_text(
        "areas:\n"
        "  - id: health\n    terms: [vaccine diplomacy]\n"
        "  - id: arctic\n    label: Arctic\n    terms: [arctic, polar]\n",
        encoding="utf-8",
    )
    kb = build_kb(areas_path=extra)
    assert list(kb.areas)[-1] == "arctic"
    assert kb.areas["health"].label == "Health"
    assert kb.classify_areas("vaccine diplomacy in the Arctic") == ("health", "arctic")
    assert kb.classify_areas("national security") == ("defence_security",)


def test_loaders_user_areas_replace_taxonomy(tmp_path: Path) -> None:
    extra = tmp_path / "areas.yaml"
    extra.write_text(
        "replace: true\nareas:\n  - id: arctic\n    terms: [arctic]\n", encoding="utf-8"
    )
    kb = build_kb(areas_path=extra)
    assert list(kb.areas) == ["arctic"]
    assert kb.classify_areas("national security") == ()


def test_loaders_bad_user_areas_file(tmp_path: Path) -> None:
    extra = tmp_path / "areas.yaml"
    extra.write_text("areas:\n  - id: Bad Id\n    terms: [x]\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"areas\.yaml: entry 1 \(Bad Id\): id 'Bad Id'"):
        build_kb(areas_path=extra)


def test_loaders_landmarks_read_and_bad_row_named(tmp_path: Path) -> None:
    from accord.kb.loaders import read_landmarks

    good = tmp_path / "landmarks.csv"
    good.write_text("# venues\nname,city,iso3\nWhite House,Washington,USA\ncamp david,,USA\n")
    assert read_landmarks(good) == {
        "white house": ("Washington", "USA"),
        "camp david": (None, "USA"),
    }
    bad = tmp_path / "bad.csv"
    bad.write_text("name,city,iso3\nsomewhere,Nowhere,US\n")
    with pytest.raises(ReferenceDataError, match=r"bad\.csv: line 2: needs a name and an ISO3"):
        read_landmarks(bad)


def test_loaders_word_lists_read_and_checked(tmp_path: Path) -> None:
    from accord.kb.loaders import read_word_lists

    good = tmp_path / "words.yaml"
    good.write_text("heads: [University, Bank]\nnouns: [firm]\n", encoding="utf-8")
    assert read_word_lists(good, ("heads", "nouns")) == {
        "heads": frozenset({"university", "bank"}),
        "nouns": frozenset({"firm"}),
    }
    missing = tmp_path / "missing.yaml"
    missing.write_text("heads: [university]\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"missing\.yaml.*'nouns'"):
        read_word_lists(missing, ("heads", "nouns"))


def test_loaders_packaged_non_state_words() -> None:
    from accord.kb import load_non_state_words

    words = load_non_state_words()
    assert "university" in words.institution_heads
    assert "company" in words.business_nouns
