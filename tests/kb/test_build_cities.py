"""The city table builder: size cut, capitals, regions and aliases on hand-made GeoNames data."""

from __future__ import annotations

import csv
from pathlib import Path

from accord.kb.build_cities import build_rows, write_cities


def _city(geonameid: int, name: str, cc: str, population: int, admin1: str = "", alts=()) -> dict:
    return {
        "geonameid": geonameid,
        "name": name,
        "countrycode": cc,
        "population": population,
        "admin1code": admin1,
        "alternatenames": list(alts),
    }


def test_build_cities_rows(tmp_path: Path) -> None:
    cities = {
        "1": _city(1, "Ottawa", "CA", 1_000_000, "08"),
        "2": _city(2, "Smallville", "CA", 5_000, "08"),
        "3": _city(3, "Ngerulmud", "PW", 0),
        "4": _city(4, "Kyiv", "UA", 2_900_000, "12", ["Kiev"]),
        "5": _city(5, "Québec", "CA", 530_000, "10"),
    }
    rows = build_rows(
        cities,
        iso3_by_iso2={"CA": "CAN", "PW": "PLW", "UA": "UKR"},
        capital_by_iso3={"CAN": "Ottawa", "PLW": "Ngerulmud", "UKR": "Kiev"},
        admin1={("CA", "08"): "Ontario", ("CA", "10"): "Quebec"},
    )
    by_name = {row[0]: row for row in rows}
    assert "Smallville" not in by_name
    assert by_name["Ottawa"][2:6] == ["CAN", "Ontario", "1000000", "1"]
    assert by_name["Ngerulmud"][5] == "1"  # a capital is kept whatever its size
    assert by_name["Kyiv"][5] == "1"  # found through GeoNames' alternate names
    assert by_name["Kyiv"][6] == "Kiev"
    assert by_name["Québec"][1] == "Quebec"
    assert "Quebec City" in by_name["Québec"][6]

    out = tmp_path / "cities.csv"
    write_cities(rows, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and "GeoNames" in lines[0]
    data = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert {row["name"] for row in data} == {"Ottawa", "Ngerulmud", "Kyiv", "Québec"}


def test_build_cities_keeps_venue_towns_of_their_region() -> None:
    cities = {
        "1": _city(1, "Nusa Dua", "ID", 2_500, "02"),
        "2": _city(2, "Greenville", "US", 2_326, "DE"),
        "3": _city(3, "Greenville", "US", 7_845, "AL"),
        "4": _city(4, "Rio de Janeiro", "BR", 6_747_815, "21"),
    }
    rows = build_rows(
        cities,
        iso3_by_iso2={"ID": "IDN", "US": "USA", "BR": "BRA"},
        capital_by_iso3={},
        admin1={("US", "DE"): "Delaware", ("US", "AL"): "Alabama"},
    )
    kept = {(row[0], row[2], row[3]) for row in rows}
    assert ("Nusa Dua", "IDN", "") in kept
    assert ("Greenville", "USA", "Delaware") in kept
    assert ("Greenville", "USA", "Alabama") not in kept  # only the summit venue's region
    assert {row[0]: row[6] for row in rows}["Rio de Janeiro"] == "Rio"


def test_build_cities_packaged_table_is_small() -> None:
    path = Path(__file__).resolve().parents[2] / "src/accord/kb/data/cities.csv"
    assert path.stat().st_size < 2_000_000


def test_build_cities_adds_venue_places_geonames_lacks() -> None:
    rows = build_rows(
        {"1": _city(1, "Ottawa", "CA", 1_000_000, "08")},
        iso3_by_iso2={"CA": "CAN"},
        capital_by_iso3={"CAN": "Ottawa"},
        admin1={("CA", "01"): "Alberta"},
        venue_places=(("Kananaskis", "CA", "01"),),
    )
    by_name = {row[0]: row for row in rows}
    assert by_name["Kananaskis"][2:6] == ["CAN", "Alberta", "0", "0"]
