"""Lookups of the packaged knowledge base, from countries to cities."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.kb import KnowledgeBase, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Republic of Korea", "KOR"),
        ("ROK", "KOR"),
        ("South Korea", "KOR"),
        ("South Korea’s", "KOR"),
        ("S. Korea", "KOR"),
        ("Korea", "KOR"),
        ("DPRK", "PRK"),
        ("North Korea's", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("USA", "USA"),
        ("the United States", "USA"),
        ("United States of America", "USA"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Lao PDR", "LAO"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("PRC", "CHN"),
        ("People's Republic of China", "CHN"),
        ("Taiwan", "TWN"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Canada", "CAN"),
        ("Canadian", "CAN"),
        ("Canadians", "CAN"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Chinese", "CHN"),
        ("South Korean", "KOR"),
        ("Filipinos", "PHL"),
        ("the Netherlands", "NLD"),
        ("Bonaire, Sint Eustatius and Saba", "BES"),
    ],
)
def test_base_country_lookup(kb: KnowledgeBase, text: str, iso3: str) -> None:
    country = kb.country(text)
    assert country is not None, text
    assert country.iso3 == iso3


@pytest.mark.parametrize("text", ["us", "turkey", "chad", "china ", "the Alliance", "Ontario"])
def test_base_country_lookup_leaves_common_words(kb: KnowledgeBase, text: str) -> None:
    # "china " is cleaned to "china": lower-case one-word names are common nouns
    assert kb.country(text) is None


def test_base_countries_cover_iso_3166(kb: KnowledgeBase) -> None:
    assert len(kb.countries) >= 249
    assert kb.countries["KOR"].iso2 == "KR"
    assert kb.countries["CAN"].capital == "Ottawa"
    assert kb.countries["CAN"].capital_metonym is True
    with_adjectives = [c for c in kb.countries.values() if c.adjectives]
    assert len(with_adjectives) >= 80


@pytest.mark.parametrize(
    ("text", "ambiguous"),
    [("Korea", True), ("Korean", True), ("Georgia", True), ("Republic of Korea", False)],
)
def test_base_country_ambiguity_flag(kb: KnowledgeBase, text: str, ambiguous: bool) -> None:
    assert kb.country_is_ambiguous(text) is ambiguous


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Ottawa", "CAN"), ("Seoul", "KOR"), ("Washington", "USA"), ("Kyiv", "UKR"), ("Kiev", "UKR")],
)
def test_base_capital_metonym(kb: KnowledgeBase, text: str, iso3: str) -> None:
    country = kb.capital_metonym(text)
    assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize(
    ("text", "org_id"),
    [
        ("Organisation for Economic Co-operation and Development", "OECD"),
        ("Organization for Economic Cooperation and Development", "OECD"),
        ("OECD", "OECD"),
        ("United Nations Command", "UNC"),
        ("United Nations", "UN"),
        ("the United Nations", "UN"),
        ("UN", "UN"),
        ("U.N.", "UN"),
        ("United Nations Security Council", "UNSC"),
        ("UN Security Council", "UNSC"),
        ("Security Council", "UNSC"),
        ("G20", "G20"),
        ("G-20", "G20"),
        ("Asia-Pacific Economic Cooperation", "APEC"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("Nato", "NATO"),
        ("the Quad", "QUAD"),
        ("World Bank", "WORLD_BANK"),
        ("ASEAN Regional Forum", "ARF"),
        ("ASEAN Plus Three", "APT"),
        ("ADMM-Plus", "ADMM_PLUS"),
        ("World Health Organization", "WHO"),
        ("WHO", "WHO"),
        ("UN Climate Change Conference", "COP"),
        ("COP28", "COP"),
        ("Minerals Security Partnership", "MSP"),
        ("Five Eyes", "FIVE_EYES"),
        ("Pacific Islands Forum", "PIF"),
        ("ASEAN’s", "ASEAN"),
    ],
)
def test_base_organization_lookup(kb: KnowledgeBase, text: str, org_id: str) -> None:
    org = kb.organization(text)
    assert org is not None, text
    assert org.id == org_id


@pytest.mark.parametrize("text", ["the Alliance", "who", "Alliance", "Commission"])
def test_base_organization_lookup_rejects_vague_words(kb: KnowledgeBase, text: str) -> None:
    assert kb.organization(text) is None


def test_base_organizations_count_and_members(kb: KnowledgeBase) -> None:
    assert len(kb.organizations) >= 120
    assert set(kb.organizations["G7"].members) == {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"}
    assert len(kb.organizations["NATO"].members) == 32
    assert len(kb.organizations["EU"].members) == 27
    assert len(kb.organizations["OECD"].members) == 38
    assert len(kb.organizations["APEC"].members) == 21
    assert kb.organizations["UNSC"].parent == "UN"


def test_base_body_party(kb: KnowledgeBase) -> None:
    """The EU, and its institutions through it, is a party beside states; other bodies not."""
    assert kb.body_party("EU") == "EUU"
    assert kb.body_party("EC") == "EUU"
    assert kb.body_party("UN") is None
    assert kb.body_party(None) is None
    assert kb.is_party("EUU") and kb.is_party("KOR") and not kb.is_party("XYZ")
    assert kb.party_name("EUU") == "European Union"
    assert kb.party_name("KOR") == kb.countries["KOR"].name


@pytest.mark.parametrize(
    ("org_id", "on", "expected"),
    [
        # Members admitted later count from the month they joined.
        ("ASEAN", dt.date(2024, 7, 25), 10),
        ("ASEAN", dt.date(2025, 11, 1), 11),
        ("ASEAN", None, 11),
        ("BRICS", dt.date(2023, 8, 22), 5),
        ("BRICS", dt.date(2024, 10, 22), 9),
        # ASEAN Plus Three: ASEAN's members (its parent) and three partners.
        ("APT", dt.date(2024, 7, 27), 13),
        # The EU and the AU sit in the G20 in their own right: they are no states.
        ("G20", None, 19),
        ("NOT_AN_ORG", None, 0),
    ],
)
def test_base_member_states(
    kb: KnowledgeBase, org_id: str, on: dt.date | None, expected: int
) -> None:
    states = kb.member_states(org_id, on=on)
    assert len(states) == expected
    assert all(state in kb.countries for state in states)


@pytest.mark.parametrize(
    ("text", "context", "name", "iso3"),
    [
        ("Global Affairs Canada", (), "Global Affairs Canada", "CAN"),
        ("GAC", (), "Global Affairs Canada", "CAN"),
        ("State Department", (), "United States Department of State", "USA"),
        ("the Pentagon", (), "United States Department of Defense", "USA"),
        ("Korea Coast Guard", (), "Korea Coast Guard", "KOR"),
        ("Kantei", (), "Prime Minister's Office of Japan", "JPN"),
        ("Quai d'Orsay", (), "Ministry for Europe and Foreign Affairs", "FRA"),
        ("South Korea’s Ministry of Foreign Affairs", (), None, "KOR"),
        ("Japan's Foreign Ministry", (), None, "JPN"),
        ("Ministry of Foreign Affairs", ("KOR", "CAN"), None, "KOR"),
        ("Ministry of Foreign Affairs", ("CAN", "JPN"), None, "JPN"),
        ("National Assembly", ("CAN", "KOR"), "National Assembly of the Republic of Korea", "KOR"),
        ("National Assembly", ("FRA",), "National Assembly of France", "FRA"),
        ("coast guards", ("KOR",), None, None),
        ("Coast Guard", ("CAN",), "Canadian Coast Guard", "CAN"),
        ("Department of National Defence", (), "Department of National Defence", "CAN"),
        ("Department of National Defense", ("PHL",), None, "PHL"),
    ],
)
def test_base_body_lookup(
    kb: KnowledgeBase, text: str, context: tuple[str, ...], name: str | None, iso3: str | None
) -> None:
    body = kb.body(text, context_countries=context)
    if iso3 is None:
        assert body is None
        return
    assert body is not None, text
    assert body.country == iso3
    if name is not None:
        assert body.name == name


@pytest.mark.parametrize("text", ["National Assembly", "Ministry of Foreign Affairs", "MOFA"])
def test_base_body_ambiguous_without_context(kb: KnowledgeBase, text: str) -> None:
    assert kb.body(text) is None


def test_base_bodies_count(kb: KnowledgeBase) -> None:
    assert len(kb.bodies) >= 80
    assert len({b.country for b in kb.bodies.values()}) >= 20


@pytest.mark.parametrize(
    ("text", "key", "signed", "in_force"),
    [
        ("CKFTA", "CKFTA", dt.date(2014, 9, 22), dt.date(2015, 1, 1)),
        ("Canada-Korea Free Trade Agreement", "CKFTA", dt.date(2014, 9, 22), dt.date(2015, 1, 1)),
        ("Canada–Korea Free Trade Agreement", "CKFTA", dt.date(2014, 9, 22), dt.date(2015, 1, 1)),
        ("KORUS FTA", "KORUS FTA", dt.date(2007, 6, 30), dt.date(2012, 3, 15)),
        ("CUSMA", "USMCA", dt.date(2018, 11, 30), dt.date(2020, 7, 1)),
        ("RCEP", "RCEP", dt.date(2020, 11, 15), dt.date(2022, 1, 1)),
        ("Paris Agreement", "Paris Agreement", dt.date(2016, 4, 22), dt.date(2016, 11, 4)),
        (
            "Korean Armistice Agreement",
            "Korean Armistice Agreement",
            dt.date(1953, 7, 27),
            dt.date(1953, 7, 27),
        ),
        ("Washington Declaration", "Washington Declaration", dt.date(2023, 4, 26), None),
        ("Camp David Principles", "Camp David Principles", dt.date(2023, 8, 18), None),
    ],
)
def test_base_agreement_lookup(
    kb: KnowledgeBase, text: str, key: str, signed: dt.date, in_force: dt.date | None
) -> None:
    agreement = kb.agreement(text)
    assert agreement is not None, text
    assert (agreement.key, agreement.signed, agreement.in_force) == (key, signed, in_force)


def test_base_partnership_has_announcement_date(kb: KnowledgeBase) -> None:
    partnership = kb.agreement("Korea-Canada Comprehensive Strategic Partnership")
    assert partnership is not None
    assert partnership.kind == "partnership"
    assert partnership.announced == dt.date(2022, 9, 23)
    assert len(kb.agreements) >= 45


@pytest.mark.parametrize(
    ("text", "canonical", "portfolio", "body", "country"),
    [
        (
            "Vice Minister for Political Affairs",
            "Vice Minister for Political Affairs",
            None,
            None,
            None,
        ),
        (
            "Canada’s Assistant Deputy Minister for the Indo-Pacific at Global Affairs Canada",
            "Assistant Deputy Minister",
            "for the Indo-Pacific",
            "Global Affairs Canada",
            "CAN",
        ),
        ("Minister of National Defence", "Defence Minister", None, None, None),
        ("Minister of National Defense", "Defence Minister", None, None, None),
        ("Minister of Foreign Affairs of Japan", "Foreign Minister", None, None, "JPN"),
        ("Korean Ambassador to Canada", "Ambassador", "to Canada", None, "KOR"),
        (
            "the Honourable Minister of International Trade",
            "Minister of International Trade",
            None,
            None,
            None,
        ),
        ("H.E. Secretary General", "Secretary-General", None, None, None),
        ("National Security Advisor", "National Security Adviser", None, None, None),
        ("First Vice Foreign Minister", "First Vice Foreign Minister", None, None, None),
        ("Governor-General", "Governor General", None, None, None),
        ("Foreign Minister Cho Tae-yul", "Foreign Minister", None, None, None),
    ],
)
def test_base_parse_title(
    kb: KnowledgeBase,
    text: str,
    canonical: str,
    portfolio: str | None,
    body: str | None,
    country: str | None,
) -> None:
    match = kb.parse_title(text)
    assert match is not None, text
    assert (match.title.canonical, match.portfolio, match.body, match.country) == (
        canonical,
        portfolio,
        body,
        country,
    )


def test_base_titles_and_honorifics(kb: KnowledgeBase) -> None:
    assert sum(1 + len(t.variants) for t in kb.titles.values()) >= 100
    assert kb.title("Secretary of State") is not None
    assert kb.title("pm") is None
    assert {"the Honourable", "H.E.", "Dr.", "Her Excellency"} <= kb.honorifics
    assert kb.strip_honorifics("The Honourable Mélanie Joly") == "Mélanie Joly"
    assert kb.strip_honorifics("H.E. Mr. Kim") == "Kim"


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("economy and technology", ("trade_economy", "technology")),
        ("national security", ("defence_security",)),
        ("energy security", ("energy_resources",)),
        ("culture", ("culture_people",)),
        ("climate change", ("climate_environment",)),
        ("international order", ("international_order",)),
        ("cooperation between their coast guards", ("maritime",)),
        ("critical minerals", ("energy_resources",)),
        ("resilient supply chains", ("trade_economy",)),
        ("cyber threats", ("defence_security",)),
        ("people-to-people exchanges", ("culture_people",)),
        ("people to people ties", ("culture_people",)),
        ("pandemic preparedness", ("health",)),
        ("humanitarian assistance", ("development_humanitarian",)),
        ("gender equality", ("human_rights",)),
        ("who said it", ()),
        ("cultivate", ()),
    ],
)
def test_base_classify_areas(kb: KnowledgeBase, text: str, areas: tuple[str, ...]) -> None:
    assert kb.classify_areas(text) == areas


def test_base_classify_areas_in_taxonomy_order(kb: KnowledgeBase) -> None:
    seed = (
        "five key areas of cooperation: international order, national security, economy and "
        "technology, climate change, energy security, and culture."
    )
    assert kb.classify_areas(seed) == (
        "international_order",
        "defence_security",
        "trade_economy",
        "technology",
        "energy_resources",
        "climate_environment",
        "culture_people",
    )
    assert list(kb.areas) == [
        "international_order",
        "defence_security",
        "maritime",
        "trade_economy",
        "technology",
        "energy_resources",
        "climate_environment",
        "health",
        "culture_people",
        "development_humanitarian",
        "human_rights",
    ]
    assert all(30 <= len(area.terms) <= 80 for area in kb.areas.values())


@pytest.mark.parametrize(
    ("name", "region", "city", "iso3"),
    [
        ("Ottawa", None, "Ottawa", "CAN"),
        ("Washington, D.C.", None, "Washington", "USA"),
        ("Washington DC", None, "Washington", "USA"),
        ("Ottawa, Ontario", None, "Ottawa", "CAN"),
        ("Vancouver, British Columbia", None, "Vancouver", "CAN"),
        ("Seoul", None, "Seoul", "KOR"),
        ("Hanoi", None, "Hanoi", "VNM"),
        ("New York City", None, "New York", "USA"),
        ("Kiev", None, "Kyiv", "UKR"),
        ("Hiroshima", None, "Hiroshima", "JPN"),
        ("Montreal", None, "Montréal", "CAN"),
        ("London", None, "London", "GBR"),
        ("London", "Ontario", "London", "CAN"),
        ("London", "ON", "London", "CAN"),
        ("Seoul", "South Korea", "Seoul", "KOR"),
        ("San Jose", None, "San José", "CRI"),
        ("San Jose", "California", "San Jose", "USA"),
    ],
)
def test_base_city_lookup(
    kb: KnowledgeBase, name: str, region: str | None, city: str, iso3: str
) -> None:
    found = kb.city(name, region=region)
    assert found is not None, name
    assert (found.name, found.iso3) == (city, iso3)


def test_base_city_flags_and_misses(kb: KnowledgeBase) -> None:
    ottawa = kb.city("Ottawa")
    assert ottawa is not None and ottawa.is_capital and ottawa.population > 100_000
    assert ottawa.region == "Ontario"
    assert kb.city("Paris", region="Texas") is None  # Paris, Texas is below the size cut
    assert kb.city("Atlantis") is None


def test_base_gazetteer_terms(kb: KnowledgeBase) -> None:
    terms = set(kb.gazetteer_terms())
    assert ("Republic of Korea", "GPE", "KOR") in terms
    assert ("Canadian", "NORP", "CAN") in terms
    assert ("Canadians", "NORP", "CAN") in terms
    assert ("Organisation for Economic Co-operation and Development", "ORG_INTL", "OECD") in terms
    assert ("Organization for Economic Cooperation and Development", "ORG_INTL", "OECD") in terms
    assert ("Global Affairs Canada", "GOV_BODY", "Global Affairs Canada") in terms
    assert ("CKFTA", "AGREEMENT", "CKFTA") in terms
    assert ("Canada-Korea Free Trade Agreement", "AGREEMENT", "CKFTA") in terms
    assert ("Assistant Deputy Minister", "TITLE", "Assistant Deputy Minister") in terms
    assert ("People’s Republic of China", "GPE", "CHN") in terms
    labels = {label for _, label, _ in terms}
    assert labels == {"GPE", "NORP", "ORG_INTL", "GOV_BODY", "AGREEMENT", "TITLE"}


def test_base_load_kb_is_cached(kb: KnowledgeBase) -> None:
    assert load_kb() is kb


def test_base_parse_title_body_uses_context(kb: KnowledgeBase) -> None:
    match = kb.parse_title(
        "Director-General at the Ministry of Foreign Affairs", context_countries=["KOR"]
    )
    assert match is not None
    assert match.body == "Ministry of Foreign Affairs of the Republic of Korea"
    assert match.country == "KOR"
    unresolved = kb.parse_title("Director-General at the Ministry of Foreign Affairs")
    assert unresolved is not None and unresolved.body == "the Ministry of Foreign Affairs"


def test_base_body_context_order(kb: KnowledgeBase) -> None:
    # An ordered context picks the first country with such a body; a set cannot rank them.
    assert kb.body("Foreign Ministry", context_countries=["JPN", "KOR"]).country == "JPN"
    assert kb.body("Foreign Ministry", context_countries=("KOR", "JPN")).country == "KOR"
    assert kb.body("Foreign Ministry", context_countries={"KOR", "JPN"}) is None
    assert kb.body("National Assembly", context_countries={"KOR", "CAN"}).country == "KOR"
