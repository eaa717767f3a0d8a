"""Tests for the people extractor: titles, names and the country each official speaks for."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.records import Document, Person, document_id

pytestmark = pytest.mark.model


def _people(text: str) -> dict[str, Person]:
    from accord.extractors import read_annotations

    document = Document(
        id=document_id(text),
        text=text,
        source="test",
        format="txt",
        published=dt.date(2024, 5, 10),
    )
    return {p.name: p for p in read_annotations(document).people}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country word heading a list of officials carries across the list.
        (
            "The envoys met Kenya's Minister of Trade, Amina Wafula, and Minister of State "
            "for Foreign Affairs, Joseph Otieno, on the future of the Benin Bronzes.",
            {"Amina Wafula": "KEN", "Joseph Otieno": "KEN"},
        ),
        (
            "Ghana's Minister of Information Kofi Mensah and Director-General Yaw Boateng "
            "signed the memorandum on Friday.",
            {"Kofi Mensah": "GHA", "Yaw Boateng": "GHA"},
        ),
    ],
)
def test_people_list_head_country_carries(text: str, expected: dict[str, str]) -> None:
    people = _people(text)
    assert {name: people[name].country for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # "Benin Bronzes" names a topic, not the side the director speaks for.
        (
            "Director-General Halima Sule met officials of Chile on the Benin Bronzes.",
            "Halima Sule",
            "CHL",
        ),
        # No country word at all: the dateline's country is the text's own side.
        (
            "WELLINGTON, 9 May 2024 - Governor Tama Rewi said the committee had cut rates.",
            "Tama Rewi",
            "NZL",
        ),
        # A government body in the first line says whose answer the text is.
        (
            "German Bundestag - Written Answers\n\nAnswer of Minister of State Lena Vogt "
            "of 3 May 2024:\n\nThe government will fund the museum.",
            "Lena Vogt",
            "DEU",
        ),
        # An office only one country has: the Home Secretary is the United Kingdom's, even
        # in a sentence that names only the host.
        (
            "On 14 April 2022, Home Secretary Anita Marsh signed the pact in Rwanda's capital.",
            "Anita Marsh",
            "GBR",
        ),
        (
            "Tánaiste Seán Brennan met the ambassador on Friday.",
            "Seán Brennan",
            "IRL",
        ),
        # The host a sentence opening in a city meets: of the city's country, even when a
        # country named later in the sentence is no one else's ("in New Zealand").
        (
            "New Zealand Foreign Minister Winston Peters is touring Polynesia.\n\nIn Avarua, "
            "Mr Peters held talks with Prime Minister Tane Maru.",
            "Tane Maru",
            "COK",
        ),
        (
            "New Zealand Foreign Minister Winston Peters is touring Polynesia.\n\nIn "
            "Nuku'alofa on Wednesday, the Ministers held talks with Acting Prime Minister Sione "
            "Fifita, who leads the Government while the Prime Minister is treated in New "
            "Zealand.",
            "Sione Fifita",
            "TON",
        ),
        (
            "Port Vila, 14 May 2024\n\nIn Port Vila, the delegation was welcomed by President "
            "Tom Kalo.",
            "Tom Kalo",
            "VUT",
        ),
    ],
)
def test_people_country_without_a_country_word(text: str, name: str, country: str) -> None:
    assert _people(text)[name].country == country


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # A title that runs on over "and the" keeps its whole portfolio; the name after the
        # comma counts even when the model took it for a place.
        (
            "Minister Hans Weber and the Commissioner for Culture and the Media, Claudia Roth, "
            "opened the exhibition in Berlin.",
            "Claudia Roth",
            "Commissioner for Culture and the Media",
        ),
        # A post-nominal ("MP") between the name and its apposition.
        (
            "The Hon Richard Marles MP, Deputy Prime Minister and Minister for Defence, "
            "visited Seoul.",
            "Richard Marles",
            "Deputy Prime Minister and Minister for Defence",
        ),
    ],
)
def test_people_titles(text: str, name: str, title: str) -> None:
    assert _people(text)[name].title == title


def test_people_shorter_second_mention_is_the_same_person() -> None:
    text = (
        "President Luiz Inácio Lula da Silva of Brazil arrived in Beijing. "
        "On Friday, President Lula da Silva met business leaders."
    )
    people = _people(text)
    assert list(people) == ["Luiz Inácio Lula da Silva"]
    assert len(people["Luiz Inácio Lula da Silva"].mentions) >= 2


def test_people_short_country_adjective_is_a_country() -> None:
    text = "Vietnam's Foreign Minister Bui Thanh Son met his Lao counterpart Saleumxay Kommasith."
    assert _people(text)["Saleumxay Kommasith"].country == "LAO"


def _role(person: Person) -> tuple[str | None, str | None]:
    return (person.title, person.country or person.body)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # Honorifics and styles stay out of the name and the title.
        (
            "External Affairs Minister Dr. S. Jaishankar met H.E. Mr. Cho Tae-yul, Minister of "
            "Foreign Affairs of the Republic of Korea, in New Delhi on Friday.",
            "Cho Tae-yul",
            ("Minister of Foreign Affairs", "KOR"),
        ),
        (
            "Prime Minister Shri Narendra Modi received Smt. Droupadi Murmu, President of "
            "India, at the event.",
            "Droupadi Murmu",
            ("President", "IND"),
        ),
        # The office named before "Senator the Hon" is the office, not the style.
        (
            "On 9 May, the Minister for Foreign Affairs, Senator the Hon Penny Wong, met "
            "Indonesia's Minister for Foreign Affairs, Retno Marsudi, in Canberra.",
            "Penny Wong",
            ("Minister for Foreign Affairs", "AUS"),
        ),
        # A state's formal name after the office gives the country, not a portfolio.
        (
            "His Excellency Mr. Kishida Fumio paid a visit at the invitation of H.E. Shri "
            "Narendra Modi, Prime Minister of the Republic of India.",
            "Narendra Modi",
            ("Prime Minister", "IND"),
        ),
        # "of ASEAN" after an office names the body, which is not part of the title.
        (
            "Kao Kim Hourn, Secretary-General of ASEAN, met President Joko Widodo in Jakarta.",
            "Kao Kim Hourn",
            ("Secretary-General", "ASEAN"),
        ),
        # Chained offices before the name stay one title.
        (
            "Indonesian Foreign Minister Retno Marsudi received Chinese State Councilor and "
            "Foreign Minister Wang Yi in Jakarta on Thursday.",
            "Wang Yi",
            ("State Councilor and Foreign Minister", "CHN"),
        ),
        (
            "On May 4, 2024, Member of the Political Bureau of the CPC Central Committee and "
            "Foreign Minister Wang Yi held talks in Beijing with Singaporean Foreign Minister "
            "Vivian Balakrishnan.",
            "Wang Yi",
            (
                "Member of the Political Bureau of the CPC Central Committee and Foreign Minister",
                "CHN",
            ),
        ),
        # The model read the portfolio and the name as one organization.
        (
            "The UK's Minister of State for the Indo-Pacific Catherine West visited Hanoi.",
            "Catherine West",
            ("Minister of State for the Indo-Pacific", "GBR"),
        ),
        (
            "German Federal Government Commissioner for Culture and the Media Claudia Roth "
            "visited Abuja on Friday.",
            "Claudia Roth",
            ("Federal Government Commissioner for Culture and the Media", "DEU"),
        ),
        # A first name the model read as a verb.
        (
            "Vietnam's Vice Minister of Foreign Affairs Do Hung Viet met officials in Hanoi.",
            "Do Hung Viet",
            ("Vice Minister of Foreign Affairs", "VNM"),
        ),
        # Wire copy: lower-case roles, titles in title case.
        (
            "Chinese foreign ministry spokesperson Lin Jian told a regular briefing on Monday "
            "that the visit was positive.",
            "Lin Jian",
            ("Spokesperson", "CHN"),
        ),
        (
            '"China opposes the move," said Mao Ning, a spokesperson for the Chinese foreign '
            "ministry, on Friday.",
            "Mao Ning",
            ("Spokesperson", "CHN"),
        ),
        (
            "Australian foreign minister Penny Wong met her Indian counterpart, S. Jaishankar, "
            "in Canberra on Monday.",
            "S. Jaishankar",
            ("Foreign Minister", "IND"),
        ),
        (
            "Foreign Minister Retno Marsudi of Indonesia met her counterpart from Vietnam, "
            "Bui Thanh Son, in Jakarta on Friday.",
            "Bui Thanh Son",
            ("Foreign Minister", "VNM"),
        ),
        (
            "Hours after landing, Modi met Tulsi Gabbard, the newly sworn-in U.S. Director of "
            "National Intelligence, at Blair House.",
            "Tulsi Gabbard",
            ("Director of National Intelligence", "USA"),
        ),
        # A title the model read into a known person's name.
        (
            "His Majesty King Abdullah II received the delegation in Amman on Sunday.",
            "Abdullah II",
            ("King", "JOR"),
        ),
        # Offices in the words of Indian and US readouts.
        (
            "Raksha Mantri Shri Rajnath Singh held talks with his Australian counterpart in "
            "New Delhi on Friday.",
            "Rajnath Singh",
            ("Raksha Mantri", "IND"),
        ),
        (
            "EAM Dr. S. Jaishankar received the visiting delegation on Friday.",
            "S. Jaishankar",
            ("EAM", "IND"),
        ),
        (
            "U.S. climate envoy John Kerry met China's climate envoy Xie Zhenhua in Beijing.",
            "Xie Zhenhua",
            ("Climate Envoy", "CHN"),
        ),
        # The rank after the office's comma is a style, the office the title.
        (
            "Brazil's Acting Minister of Foreign Affairs, Ambassador Maria Laura da Rocha, "
            "received the delegation in Brasília on Monday.",
            "Maria Laura da Rocha",
            ("Minister of Foreign Affairs", "BRA"),
        ),
        # Two portfolios joined by "and" before the comma and the name.
        (
            "Minister Baerbock also met Brazil's Minister of the Environment and Climate "
            "Change, Marina Silva.",
            "Marina Silva",
            ("Minister of the Environment and Climate Change", "BRA"),
        ),
        # A royal style is no part of the name.
        (
            "Saudi Arabia's foreign minister, Prince Faisal bin Farhan, met the delegation.",
            "Faisal bin Farhan",
            ("Foreign Minister", "SAU"),
        ),
        # Honours after the name are no part of it; "Sheikh" is (Sheikh Hasina).
        (
            "Prime Minister Albanese met the Hon Feleti Teo OBE, Prime Minister of Tuvalu.",
            "Feleti Teo",
            ("Prime Minister", "TUV"),
        ),
        (
            "Prime Minister Sheikh Hasina of Bangladesh met the delegation on Friday.",
            "Sheikh Hasina",
            ("Prime Minister", "BGD"),
        ),
        (
            "Prime Minister Albanese met the Prime Minister of Tuvalu, the Hon Feleti Teo OBE, "
            "in Nuku'alofa.",
            "Feleti Teo",
            ("Prime Minister", "TUV"),
        ),
        (
            "Kenya's Deputy President Rigathi Gachagua attended the talks.",
            "Rigathi Gachagua",
            ("Deputy President", "KEN"),
        ),
        # The office ends before the "and" that joins another description.
        (
            "The deal was brokered by Wang Yi, Director of the Office of the Central Foreign "
            "Affairs Commission and China's top diplomat.",
            "Wang Yi",
            ("Director of the Office of the Central Foreign Affairs Commission", "CHN"),
        ),
        # A well-known official named without an office holds the one held that day.
        (
            "China's top diplomat Wang Yi met the visiting delegation in Beijing on Friday.",
            "Wang Yi",
            ("Minister of Foreign Affairs", "CHN"),
        ),
        (
            "Talks between Rajnath Singh and Richard Marles covered submarine rescue.",
            "Richard Marles",
            ("Deputy Prime Minister and Minister for Defence", "AUS"),
        ),
        # Officials who joined an official are of that official's side.
        (
            "MEXICO CITY — Secretary of State Antony Blinken was joined by the Secretary of "
            "Homeland Security, Alejandro Mayorkas, at the talks.",
            "Alejandro Mayorkas",
            ("Secretary of Homeland Security", "USA"),
        ),
        # An organ's name after the office is the office's: not a name.
        (
            "Prime Minister Narendra Modi also met Mr. Cai Qi, Member of the Politburo Standing "
            "Committee of the Communist Party of China, in Tianjin.",
            "Cai Qi",
            ("Member of the Politburo Standing Committee", "CHN"),
        ),
        # A rank right before the name is a style: the office before it is the title.
        (
            "Deputy Prime Minister and Foreign Minister Senator Mohammad Ishaq Dar met the "
            "Foreign Minister of Iran, Abbas Araghchi, in Istanbul.",
            "Mohammad Ishaq Dar",
            ("Deputy Prime Minister and Foreign Minister", "PAK"),
        ),
        # A communiqué's list of attendees, one per line, each ended by ";".
        (
            "The Summit was attended by the following Heads of State:\n"
            "H.E. Patrice Talon, President of the Republic of Benin;\n"
            "H.E. Alassane Ouattara, President of the Republic of Côte d'Ivoire;\n"
            "H.E. Macky Sall, President of the Republic of Senegal.",
            "Patrice Talon",
            ("President", "BEN"),
        ),
        (
            "The Summit was attended by the following Heads of State:\n"
            "H.E. Patrice Talon, President of the Republic of Benin;\n"
            "H.E. Alassane Ouattara, President of the Republic of Côte d'Ivoire;\n"
            "H.E. Macky Sall, President of the Republic of Senegal.",
            "Alassane Ouattara",
            ("President", "CIV"),
        ),
        # An envoy's posting belongs to the office; the country is whose envoy they are.
        (
            "The Ambassador of India to the United States, Vinay Kwatra, attended the talks.",
            "Vinay Kwatra",
            ("Ambassador to the United States", "IND"),
        ),
        (
            "Brazil's Ambassador to Germany Roberto Jaguaribe attended the talks.",
            "Roberto Jaguaribe",
            ("Ambassador to Germany", "BRA"),
        ),
        # A name after the portfolio's comma: the portfolio's last words are not the name.
        (
            "Germany's Special Envoy for International Climate Action, Jennifer Morgan, and "
            "the Ambassador of Brazil to Germany, Roberto Jaguaribe, attended the meeting.",
            "Jennifer Morgan",
            ("Special Envoy for International Climate Action", "DEU"),
        ),
        (
            "Germany's Special Envoy for International Climate Action, Jennifer Morgan, and "
            "the Ambassador of Brazil to Germany, Roberto Jaguaribe, attended the meeting.",
            "Roberto Jaguaribe",
            ("Ambassador to Germany", "BRA"),
        ),
    ],
)
def test_people_real_readout_shapes(text: str, name: str, role: tuple[str, str]) -> None:
    people = _people(text)
    assert name in people, sorted(people)
    assert _role(people[name]) == role


def test_people_surname_first_capitals_merge_with_later_mention() -> None:
    text = (
        "On May 3, Mr. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a telephone "
        "talk with Minister Dmytro Kuleba. Minister Kamikawa stated that Japan stands with "
        "Ukraine."
    )
    people = _people(text)
    assert _role(people["KAMIKAWA Yoko"]) == ("Minister for Foreign Affairs", "JPN")
    assert "Kamikawa" not in people
    assert len(people["KAMIKAWA Yoko"].mentions) >= 2


def test_people_headline_names_still_link_to_the_body() -> None:
    text = (
        "Secretary Blinken's Meeting with Foreign Minister Wang Yi\n\n"
        "The following is attributable to Spokesperson Ned Price:\n\n"
        "Secretary of State Antony J. Blinken met today with Chinese Foreign Minister Wang Yi."
    )
    assert _role(_people(text)["Ned Price"]) == ("Spokesperson", "USA")


def test_people_office_of_a_university_is_no_official() -> None:
    people = _people(
        "President Juichi Yamagiwa signed on behalf of Kyoto University and President Dieter "
        "Lenzen on behalf of the University of Hamburg."
    )
    assert people == {}


def test_people_building_named_as_an_office_seat_is_no_official() -> None:
    """ "X, the prime minister's office": a seat of an office, not its holder."""
    people = _people(
        "Prime Minister Kyriakos Mitsotakis received the guests at Maximos Mansion, the prime "
        "minister's office, on Thursday."
    )
    assert set(people) == {"Kyriakos Mitsotakis"}


def test_people_envoy_posting_and_aide_office_are_part_of_the_title() -> None:
    """An envoy's posting is not their state; the office an aide serves names no one."""
    people = _people(
        "ISLAMABAD - Deputy Prime Minister Mohammad Ishaq Dar of Pakistan visited Kabul. His "
        "delegation included the Special Representative for Afghanistan, Ambassador Mohammad "
        "Sadiq; the Special Assistant to the Prime Minister, Tariq Bajwa; and three secretaries."
    )
    assert _role(people["Mohammad Sadiq"]) == ("Special Representative for Afghanistan", "PAK")
    assert _role(people["Tariq Bajwa"]) == ("Special Assistant to the Prime Minister", "PAK")


def test_people_speaker_of_a_named_legislature_and_an_office_designate() -> None:
    people = _people(
        "Vilnius, 8 September 2025\n\nThe President also met the Speaker of the Seimas, "
        "Saulius Skvernelis, and the Prime Minister-designate, Inga Ruginienė."
    )
    assert _role(people["Saulius Skvernelis"]) == ("Speaker of the Seimas", "LTU")
    assert people["Inga Ruginienė"].title == "Prime Minister-designate"


def test_people_known_name_out_of_office_is_no_official() -> None:
    """The officials table names no office for that day: the name alone makes no official."""
    people = _people("A portrait of Moon Jae-in hangs in the gallery's east wing.")
    assert "Moon Jae-in" not in people


def test_people_honorific_before_an_apposition_is_not_the_name() -> None:
    people = _people(
        "The session was also attended by H.E. Omar Alieu Touray, President of the ECOWAS "
        "Commission."
    )
    assert "Omar Alieu Touray" in people, sorted(people)


@pytest.mark.parametrize(
    "text",
    [
        "Chairman Security Council said the talks went well.",
        "Secretary National Security Council, Marzuki, attended.",
    ],
)
def test_people_office_running_into_an_organ_without_a_name(text: str) -> None:
    # An office followed by an organ's name and no name of a person reads without error.
    assert all(p.title for p in _people(text).values())


def test_people_first_name_that_is_a_city_is_part_of_the_name() -> None:
    from accord.extractors import read_annotations

    text = "Argentine President Javier Milei met Paraguayan President Santiago Peña, Lula."
    document = Document(id=document_id(text), text=text, source="test", format="txt")
    annotations = read_annotations(document)
    assert annotations.people[1].name == "Santiago Peña"
    assert annotations.places == ()  # "Santiago" of his name is no place


def test_people_known_official_goes_by_a_middle_name() -> None:
    people = _people(
        "President Luiz Inácio Lula da Silva arrived on Monday. The talks with Lula lasted "
        "two hours."
    )
    assert [m.text for m in people["Luiz Inácio Lula da Silva"].mentions] == [
        "Luiz Inácio Lula da Silva",
        "Lula",
    ]


def test_people_surname_he_and_the_pronoun_he() -> None:
    people = _people(
        "October 02, 2024 1:41 PM GMT+7\n\nThe Prime Minister received Ambassador of China "
        "to Viet Nam He Wei on Tuesday. He said ties were strong."
    )
    assert [m.text for m in people["He Wei"].mentions] == ["He Wei"]
    assert "GMT+7" not in people  # "1:41 PM" is the afternoon, not a prime minister


def test_people_two_offices_joined_by_a_dash() -> None:
    people = _people(
        "The meeting was chaired by Deputy Prime Minister – Minister of Foreign Affairs of "
        "the Republic of Kazakhstan Murat Nurtleu."
    )
    assert people["Murat Nurtleu"].title == "Deputy Prime Minister – Minister of Foreign Affairs"


def test_people_release_names_its_own_side_without_a_country() -> None:
    # The side a release never qualifies is its own, even when the other side has as many
    # officials the reference data knows: its bare ministers serve it.
    people = _people(
        "Foreign Secretary Alicia Bárcena and the Secretary of State of the United States, "
        "Antony Blinken, opened the talks. President Andrés Manuel López Obrador received "
        "Secretary Blinken and US Attorney General Merrick Garland. The Foreign Secretary was "
        "joined by the Secretary of the Interior, Luisa María Alcalde. Secretary of Commerce "
        "Gina Raimondo and Trade Representative Katherine Tai met the Secretary of Economy, "
        "Raquel Buenrostro."
    )
    assert people["Luisa María Alcalde"].country == "MEX"
    assert people["Raquel Buenrostro"].country == "MEX"


def test_people_gulf_styles_and_lineages() -> None:
    # "HE" in capitals is a style; a lineage the model cuts short is taken in whole; the
    # officials table knows the name with or without "Sheikh".
    people = _people(
        "HE Prime Minister and Minister of Foreign Affairs Sheikh Mohammed bin Abdulrahman "
        "bin Jassim Al-Thani spoke by phone with US Secretary of State HE Antony Blinken."
    )
    assert people["Sheikh Mohammed bin Abdulrahman bin Jassim Al-Thani"].country == "QAT"
    assert people["Antony Blinken"].country == "USA"


def test_people_malaysian_styles_and_military_ranks() -> None:
    # "Datuk Seri" is a style, not a name; a rank heads the name of a known head of state.
    people = _people(
        "PUTRAJAYA - Prime Minister Datuk Seri Anwar Ibrahim received Foreign Minister Dato' "
        "Sri Mohamad Hasan. President John Dramani Mahama later met Captain Ibrahim Traoré in "
        "Ouagadougou."
    )
    assert set(people) == {
        "Anwar Ibrahim",
        "Mohamad Hasan",
        "John Dramani Mahama",
        "Ibrahim Traoré",
    }
    assert people["Ibrahim Traoré"].country == "BFA"


def test_people_country_of_another_office_does_not_place_an_official() -> None:
    # "the Indian Prime Minister" is someone else's office, not the Kuwaiti's country.
    people = _people(
        "KUWAIT CITY, May 9 (KUNA) -- Meanwhile, His Highness the Prime Minister Sheikh Ahmad "
        "Abdullah Al-Ahmad Al-Sabah held official talks with the Indian Prime Minister."
    )
    assert people["Sheikh Ahmad Abdullah Al-Ahmad Al-Sabah"].country == "KWT"


def test_people_eu_official_takes_no_country_from_the_sentence() -> None:
    people = _people(
        "President Xi Jinping came to the Élysée for a meeting with the President of the "
        "European Commission, Ursula von der Leyen, on the war in Ukraine."
    )
    assert people["Ursula von der Leyen"].country is None
    assert people["Ursula von der Leyen"].body == "EU"


def test_people_city_as_given_name_and_a_city_office() -> None:
    # "Jining" is also a city; "Party Secretary of Shanghai" serves Shanghai's country.
    people = _people(
        "Earlier in the visit, the Prime Minister met Chen Jining, Party Secretary of "
        "Shanghai, and led a delegation of business leaders."
    )
    assert people["Chen Jining"].country == "CHN"
    assert people["Chen Jining"].title == "Party Secretary"


def test_people_a_page_s_issuer_line_names_its_official() -> None:
    # The Prime Minister is never named in the body; the "From:" line is no headline.
    text = (
        "PM call with President Macron: 10 May 2024\n\n"
        "From: Prime Minister's Office, 10 Downing Street and The Rt Hon Rishi Sunak MP\n"
        "Published 10 May 2024\n\n"
        "The Prime Minister spoke to President Emmanuel Macron of France this evening."
    )
    assert _role(_people(text)["Rishi Sunak"]) == ("Prime Minister", "GBR")


def test_people_lone_surnames_the_model_reads_as_a_law_are_the_people() -> None:
    # "On 10 July 2025 Aliyev and Pashinyan sat down": the model takes the two names for
    # one LAW entity; names joined by "and" are still the officials named before.
    people = _people(
        "Azerbaijan's President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan "
        "spoke on 17 February 2024.\n\nOn 10 July 2025 Aliyev and Pashinyan sat down in Abu "
        "Dhabi for talks."
    )
    assert [m.text for m in people["Ilham Aliyev"].mentions] == ["Ilham Aliyev", "Aliyev"]
    assert [m.text for m in people["Nikol Pashinyan"].mentions] == [
        "Nikol Pashinyan",
        "Pashinyan",
    ]


def test_people_its_office_serves_the_country_named_last() -> None:
    people = _people(
        "Kazakhstan then offered a venue. On 10 May 2024 its foreign minister, Murat Nurtleu, "
        "welcomed the two ministers to Almaty."
    )
    assert people["Murat Nurtleu"].country == "KAZ"


def test_people_a_title_before_a_place_s_name_is_no_official() -> None:
    people = _people(
        "Upon his arrival at King Khalid International Airport, President Xi Jinping was "
        "received by the Governor of Riyadh Region."
    )
    assert set(people) == {"Xi Jinping"}


def test_people_a_body_named_inside_the_title_is_the_official_s_body() -> None:
    people = _people(
        "President Lula received UN Secretary-General António Guterres and NATO Secretary "
        "General Mark Rutte in Rio de Janeiro."
    )
    assert (people["António Guterres"].body, people["Mark Rutte"].body) == ("UN", "NATO")
    assert people["António Guterres"].country is None


def test_people_the_organ_of_a_city_is_part_of_the_office_and_gives_its_country() -> None:
    people = _people(
        "On August 23, Secretary of the Ho Chi Minh City Party Committee Nguyen Van Nen "
        "received Foreign Minister Penny Wong, and Chairman of the Hanoi People's Committee "
        "Tran Sy Thanh hosted a dinner."
    )
    assert (people["Nguyen Van Nen"].title, people["Nguyen Van Nen"].country) == (
        "Secretary of the Ho Chi Minh City Party Committee",
        "VNM",
    )
    assert (people["Tran Sy Thanh"].title, people["Tran Sy Thanh"].country) == (
        "Chairman of the Hanoi People's Committee",
        "VNM",
    )


def test_people_whom_a_visitor_called_on_serves_the_country_visited() -> None:
    people = _people(
        "External Affairs Minister S. Jaishankar paid an official visit to Sri Lanka on "
        "19-20 January 2023. EAM also called on Prime Minister Dinesh Gunawardena, and was "
        "received by Speaker Mahinda Yapa Abeywardena."
    )
    assert people["Dinesh Gunawardena"].country == "LKA"
    assert people["Mahinda Yapa Abeywardena"].country == "LKA"


def test_people_a_surname_in_a_place_named_after_someone_is_no_mention() -> None:
    people = _people(
        "President Uhuru Kenyatta hosted the talks in 2021. On arrival at Jomo Kenyatta "
        "International Airport in Nairobi, President Cyril Ramaphosa was received by Cabinet "
        "Secretary Alfred Mutua."
    )
    assert [m.text for m in people["Uhuru Kenyatta"].mentions] == ["Uhuru Kenyatta"]
