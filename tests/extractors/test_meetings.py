"""Tests for the meetings extractor: cues, parties, splitting, places, on our own sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.records import Document, Meeting, document_id

PUBLISHED = dt.date(2025, 3, 8)

pytestmark = pytest.mark.model


def _meetings(text: str, published: dt.date | None = PUBLISHED) -> list[Meeting]:
    from accord.extractors import read_annotations
    from accord.extractors.meetings import find_meetings
    from accord.nlp import load_nlp

    document = Document(
        id=document_id(text), text=text, source="test", format="txt", published=published
    )
    annotations = read_annotations(document)
    return find_meetings(load_nlp()(text), annotations=annotations, published=published)


def _shape(meeting: Meeting) -> tuple[str | None, tuple[str, ...], str | None]:
    return (meeting.date.isoformat() if meeting.date else None, meeting.parties, meeting.city)


# (text, [(date, parties, city)]): one of our own sentences per shape.
SHAPES = [
    # The city of a meeting recalled in a relative clause is not today's venue; "with whom
    # he had met" is the earlier meeting of "he" and the official "whom" stands for.
    (
        "HANOI, March 5 (Wire) - On March 5, 2025, Prime Minister Ishiba Shigeru paid a "
        "courtesy call on President Luong Cuong, with whom he had met in Lima, Peru, in "
        "November 2024.",
        [(None, ("JPN", "VNM"), "Lima"), ("2025-03-05", ("JPN", "VNM"), "Hanoi")],
    ),
    # "Shortly before the talks" another official of the host side: a meeting of its own.
    (
        "President Gustavo Petro was received on 25 October 2023 by President Xi Jinping in "
        "Beijing, where the two Heads of State held talks.\n\nShortly before the talks, the "
        "Colombian Head of State held a meeting in Beijing with the Chairman of the Standing "
        "Committee, Zhao Leji.",
        [("2023-10-25", ("CHN", "COL"), "Beijing"), ("2023-10-25", ("CHN", "COL"), "Beijing")],
    ),
    # "When X called on Y ...": a visit told inside a clause of time.
    (
        "President Mohamed Muizzu took office on 17 November 2023. When Union Minister Kiren "
        "Rijiju called on President Muizzu in Malé on 18 November 2023, the new president "
        "asked India to withdraw its troops.",
        [("2023-11-18", ("IND", "MDV"), "Male")],
    ),
    # "the President held separate meetings with the Prime Minister of Italy, ...": the
    # principal named first met each office's country apart.
    (
        "President Abdel Fattah El-Sisi received Giorgia Meloni, Prime Minister of Italy, and "
        "Nikos Christodoulides, President of Cyprus, in Cairo on 5 March 2025. The Spokesman "
        "added that, ahead of the summit, the President held separate bilateral meetings with "
        "the Prime Minister of Italy and the President of Cyprus.",
        [
            ("2025-03-05", ("CYP", "EGY", "ITA"), "Cairo"),
            ("2025-03-05", ("EGY", "ITA"), "Cairo"),
            ("2025-03-05", ("CYP", "EGY"), "Cairo"),
        ],
    ),
    # "on the sidelines of the summit": not in the city of a meeting recalled before it.
    (
        "VILNIUS, March 8 (Wire) - President Joe Biden met Ukrainian President Volodymyr "
        "Zelenskyy on the sidelines of the NATO summit on Wednesday, March 5, 2025.\n\nThe "
        "two leaders last met in Hiroshima, Japan, in May 2023.\n\nOn Thursday, March 6, "
        "2025, Biden sat down with Turkish President Recep Tayyip Erdogan on the sidelines "
        "of the summit.",
        [
            ("2025-03-05", ("UKR", "USA"), "Vilnius"),
            (None, ("UKR", "USA"), "Hiroshima"),
            ("2025-03-06", ("TUR", "USA"), "Vilnius"),
        ],
    ),
    # "called on X to discuss" is a visit; "in Singapore" the city; "hosted her" the visitor
    # named before; "The next morning" the day after.
    (
        "On March 4, 2025 in Singapore, Minister Anita Anand called on Deputy Prime Minister "
        "Gan Kim Yong to discuss trade links. The next morning, Minister for Foreign Affairs "
        "Vivian Balakrishnan hosted her for breakfast.",
        [("2025-03-04", ("CAN", "SGP"), "Singapore"), ("2025-03-05", ("CAN", "SGP"), "Singapore")],
    ),
    # A meeting recalled in two months is two meetings, each in the city told with it.
    (
        "Prime Minister Anthony Albanese met President Xi Jinping in Beijing on 4 March 2025."
        "\n\nThe two leaders had met in Jakarta in November 2022 and in San Francisco in "
        "November 2023.",
        [
            ("2025-03-04", ("AUS", "CHN"), "Beijing"),
            (None, ("AUS", "CHN"), "Jakarta"),
            (None, ("AUS", "CHN"), "San Francisco"),
        ],
    ),
    # A call recalled by its month is not the meeting recalled before it.
    (
        "Prime Minister Anthony Albanese met President Xi Jinping in Beijing on 4 March 2025."
        "\n\nThe two leaders had met in San Francisco in November 2023. Albanese last spoke "
        "with Premier Li Qiang by telephone in January.",
        [
            ("2025-03-04", ("AUS", "CHN"), "Beijing"),
            (None, ("AUS", "CHN"), "San Francisco"),
            (None, ("AUS", "CHN"), None),
        ],
    ),
    # A seat of government named instead of its city.
    (
        "President Recep Tayyip Erdoğan received Prime Minister Keir Starmer at the "
        "Presidential Complex on 5 March 2025.",
        [("2025-03-05", ("GBR", "TUR"), "Ankara")],
    ),
    # A two-party format's short name stands for its pair.
    (
        "In 2022 the two sides set up an EU-India Trade and Technology Council (TTC). The TTC "
        "held its first ministerial meeting in Brussels on 16 May 2023.",
        [("2023-05-16", ("EUU", "IND"), "Brussels")],
    ),
    # A visit that brought officials of two sides together is their meeting.
    (
        "During European Commission President Ursula von der Leyen's visit to New Delhi on 25 "
        "April 2022, she and Prime Minister "
        "Narendra Modi announced a Trade and Technology Council.",
        [("2022-04-25", ("EUU", "IND"), "New Delhi")],
    ),
    # "On that occasion": the day and city named last, not today's meeting.
    (
        "Foreign Secretary Alicia Bárcena held a working meeting today in Washington with "
        "Secretary of State Antony Blinken, to follow up on the commitments adopted on "
        "December 27, 2024 in Mexico City.\n\nOn that occasion, President Andrés Manuel López "
        "Obrador received Secretary Blinken at the National Palace.",
        [
            ("2025-03-08", ("MEX", "USA"), "Washington"),
            ("2024-12-27", ("MEX", "USA"), "Mexico City"),
        ],
    ),
    # "At a meeting of the U.S.-Japan ... Committee": the two countries of the format met.
    (
        "At a meeting of the U.S.-Japan Security Consultative Committee in Tokyo on March 4, "
        "2025, the two governments identified missiles for co-production.",
        [("2025-03-04", ("JPN", "USA"), "Tokyo")],
    ),
    # Offices and their countries after a dateline; hours "spent in talks".
    (
        "BEIJING, March 6 — The foreign ministers of Saudi Arabia and Iran met in Beijing on "
        "Thursday.",
        [("2025-03-06", ("IRN", "SAU"), "Beijing")],
    ),
    (
        "President Xi Jinping and President Vladimir Putin spent four hours in informal talks "
        "over dinner at the Kremlin in Moscow on Monday, March 3, 2025.",
        [("2025-03-03", ("CHN", "RUS"), "Moscow")],
    ),
    # A readout that never names its own principal: the country it names most is his.
    (
        "PM call with Prime Minister Carney of Canada\n\nThe Prime Minister spoke to Prime "
        "Minister Mark Carney of Canada this afternoon. They discussed trade "
        "between the UK and Canada and the UK's support for Ukraine.",
        [("2025-03-08", ("CAN", "GBR"), None)],
    ),
    # "Earlier today" another official of a side held talks: a meeting of its own; a call
    # "Last month" is an earlier one, dated by its month only.
    (
        "Riyadh, 8 March 2025 -- Crown Prince Mohammed bin Salman received US Secretary of State "
        "Marco Rubio in Riyadh today. Earlier today, Foreign Minister Prince Faisal bin Farhan "
        "held talks with Secretary Rubio in Riyadh.\n\nLast month, the Crown Prince received "
        "a phone call from President Donald Trump.",
        [
            ("2025-03-08", ("SAU", "USA"), "Riyadh"),
            ("2025-03-08", ("SAU", "USA"), "Riyadh"),
            (None, ("SAU", "USA"), None),
        ],
    ),
    # "The visit to X included talks with": the visiting side met the host named.
    (
        "Jakarta, 27 June 2024\n\nDuring her visit to Vienna on 25 June 2024, Foreign "
        "Minister Retno Marsudi met Austrian Foreign Minister Alexander Schallenberg. The "
        "visit to Ljubljana on 26 June 2024 included talks with Slovenian Foreign Minister "
        "Tanja Fajon.",
        [("2024-06-25", ("AUT", "IDN"), "Vienna"), ("2024-06-26", ("IDN", "SVN"), "Ljubljana")],
    ),
    # "The ambassador presented his credentials to": the envoy named before, by his office.
    (
        "Prime Minister Phạm Minh Chính received Ambassador Extraordinary and Plenipotentiary "
        "of the People's Republic of China to Việt Nam He Wei in Hà Nội on 1 October 2024. "
        "The ambassador presented his credentials to State President Tô Lâm in Hà Nội on "
        "September 17.",
        [("2024-10-01", ("CHN", "VNM"), "Hanoi"), ("2024-09-17", ("CHN", "VNM"), "Hanoi")],
    ),
    # "I spoke by telephone with A and with B": the speaker's two calls.
    (
        "Statement made by David Lammy, Foreign Secretary\n\nOn 5 July 2024 I spoke by "
        "telephone with US Secretary of State Antony Blinken and with Ukrainian Foreign "
        "Minister Dmytro Kuleba.",
        [("2024-07-05", ("GBR", "USA"), None), ("2024-07-05", ("GBR", "UKR"), None)],
    ),
    # "The two Heads of State" paragraphs after the lead named them: the two named last.
    (
        "At the invitation of King Mohammed VI, President Emmanuel Macron paid a State visit to "
        "Morocco.\n\nOn Monday 3 March 2025, a welcome ceremony was held in Rabat. The two "
        "Heads of State then held talks at the Royal Palace.",
        [("2025-03-03", ("FRA", "MAR"), "Rabat")],
    ),
    # An attendee list after the gathering: each listed state took part, envoys' too.
    (
        "Today Tashkent hosted a meeting of foreign ministers in the Central Asia – Japan "
        "format, chaired by Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov.\n\n"
        "Taking part in the meeting were:\n"
        "– from Japan: Minister for Foreign Affairs Yoko Kamikawa;\n"
        "– from the Kyrgyz Republic: Minister of Foreign Affairs Zheenbek Kulubaev;\n"
        "– from Turkmenistan: the Ambassador of Turkmenistan to Japan.\n\n"
        "The ministers discussed transport links.",
        [("2025-03-08", ("JPN", "KGZ", "TKM", "UZB"), "Tashkent")],
    ),
    # "... also attended": one more party of the gathering, not a meeting of its own.
    (
        "On 3 July 2025, President Javier Milei received Paraguayan President Santiago Peña "
        "and Uruguayan President Yamandú Orsi in Buenos Aires for the bloc's summit. "
        "Panamanian President José Raúl Mulino also attended.",
        [("2025-07-03", ("ARG", "PAN", "PRY", "URY"), "Buenos Aires")],
    ),
    # A meeting that "brought together" the ministers of the states it lists.
    (
        "On 5 March 2025, the meeting of the SCO Council of Foreign Ministers in Astana brought "
        "together the foreign ministers of China, India, Kazakhstan and Russia.",
        [("2025-03-05", ("CHN", "IND", "KAZ", "RUS"), "Astana")],
    ),
    # A visitor met the same hosts' side a day later: still in the city of the day before.
    (
        "On 5 March 2025, Foreign Minister Annalena Baerbock held talks with Chinese Foreign "
        "Minister Wang Yi in Beijing.\n\nOn 6 March 2025, Baerbock also met Chinese Vice "
        "President Han Zheng.",
        [("2025-03-05", ("CHN", "DEU"), "Beijing"), ("2025-03-06", ("CHN", "DEU"), "Beijing")],
    ),
    # "In the margins of the meeting": the gathering the report opened with, not a topic's
    # place ("an operation in Rafah") in the paragraph before.
    (
        "Prime Minister Luc Frieden of Luxembourg attended a meeting of the European Council in "
        "Brussels on "
        "6 March 2025.\n\nLeaders urged Israel not to launch an operation in Rafah.\n\n"
        "In the margins of the meeting, Frieden met Prime Minister Pedro Sánchez of Spain.",
        [("2025-03-06", ("ESP", "LUX"), "Brussels")],
    ),
    # "in the Rwandan capital" names Kigali.
    (
        "On 4 March 2025, Foreign Secretary David Lammy and Rwanda's Foreign Minister Olivier "
        "Nduhungirehe signed a memorandum in the Rwandan capital.",
        [("2025-03-04", ("GBR", "RWA"), "Kigali")],
    ),
    # The city travelled to "for talks" is the venue, not the city of today's visit.
    (
        "WELLINGTON, March 7 (Wire) - Australian Prime Minister Anthony Albanese's trip is his "
        "first visit to Wellington this term and comes a month after New Zealand Prime "
        "Minister Christopher Luxon traveled to Canberra for talks with Albanese on February 6.",
        [("2025-02-06", ("AUS", "NZL"), "Canberra")],
    ),
    # A first-person release speaks for the official its header names.
    (
        "The Hon Mark Carney\nPrime Minister\n\nMedia release\n\n"
        "Today I spoke by telephone with Japanese Prime Minister Ishiba Shigeru about "
        "trade and energy security.",
        [("2025-03-08", ("CAN", "JPN"), None)],
    ),
    # "separate talks with A and with B": one bilateral meeting per counterpart.
    (
        "On 5 March 2025, President Luiz Inácio Lula da Silva held separate talks with "
        "Chinese Premier Li Qiang and with "
        "Indian Prime Minister Narendra Modi in Brasília.",
        [
            ("2025-03-05", ("BRA", "CHN"), "Brasília"),
            ("2025-03-05", ("BRA", "IND"), "Brasília"),
        ],
    ),
    # A separate meeting is not folded into the wider summit of the same day.
    (
        "On 4 March 2025, President Emmanuel Macron hosted German Chancellor Olaf Scholz and "
        "Polish Prime Minister Donald Tusk in Paris for a summit on defence. Macron also "
        "hosted Scholz for separate talks at the Élysée the same evening, on 4 March 2025.",
        [
            ("2025-03-04", ("DEU", "FRA", "POL"), "Paris"),
            ("2025-03-04", ("DEU", "FRA"), "Paris"),
        ],
    ),
    # Officials of two parties together as the subject of a dated act at a place.
    (
        "On 6 March 2025, in Canberra, Australian Prime Minister Anthony Albanese and "
        "Indonesian President Prabowo Subianto unveiled a plan for joint maritime patrols.",
        [("2025-03-06", ("AUS", "IDN"), "Canberra")],
    ),
    # "On 26 May" is a date, not the modal "may".
    (
        "On 3 March, South Korean President Yoon Suk Yeol held talks with Japanese Prime "
        "Minister Ishiba Shigeru in Seoul.",
        [("2025-03-03", ("JPN", "KOR"), "Seoul")],
    ),
    # The most specific city, not the island it lies on; "Rio" is Rio de Janeiro.
    (
        "President Joe Biden met Chinese President Xi Jinping in Nusa Dua, on the Indonesian "
        "island of Bali, on November 14, 2022.",
        [("2022-11-14", ("CHN", "USA"), "Nusa Dua")],
    ),
    # A dateline of a place and a date alone gives the place of a joint statement.
    (
        "Joint Statement\n\nWashington, D.C., March 7, 2025\n\n"
        "We, Prime Minister Ishiba Shigeru of Japan and President Donald Trump of the United "
        "States, met today at the White House.",
        [("2025-03-08", ("JPN", "USA"), "Washington")],
    ),
    # Real readout shapes. "met with ... today in Manila".
    (
        "Secretary Antony Blinken met with Philippine Foreign Secretary Enrique Manalo today "
        "in Manila.",
        [("2025-03-08", ("PHL", "USA"), "Manila")],
    ),
    # A telephone conversation is a meeting; "On Tuesday" is the latest Tuesday.
    (
        "On Tuesday, Prime Minister Anthony Albanese held a telephone conversation with "
        "Japanese Prime Minister Ishiba Shigeru.",
        [("2025-03-04", ("AUS", "JPN"), None)],
    ),
    # "welcomed ... to Canberra": the place after "to" is the venue.
    (
        "Foreign Minister Penny Wong welcomed New Zealand Foreign Minister Winston Peters to "
        "Canberra on Wednesday.",
        [("2025-03-05", ("AUS", "NZL"), "Canberra")],
    ),
    # A courtesy call on an official, and "called on" an official (no demand follows).
    (
        "Japanese Foreign Minister Iwaya Takeshi paid a courtesy call on Indonesian President "
        "Prabowo Subianto in Jakarta on 5 March.",
        [("2025-03-05", ("IDN", "JPN"), "Jakarta")],
    ),
    (
        "On 5 March, Foreign Minister Iwaya Takeshi called on Indonesian President Prabowo "
        "Subianto in Jakarta.",
        [("2025-03-05", ("IDN", "JPN"), "Jakarta")],
    ),
    # Sidelines: "He also met A and B" is one bilateral meeting per counterpart, at the
    # place and on the day of the sentence before.
    (
        "On the margins of the G20 Summit in Johannesburg on 5 March, Prime Minister Narendra "
        "Modi met Chinese Premier Li Qiang. He also met Brazilian President Lula da Silva and "
        "South African President Cyril Ramaphosa.",
        [
            ("2025-03-05", ("CHN", "IND"), "Johannesburg"),
            ("2025-03-05", ("BRA", "IND"), "Johannesburg"),
            ("2025-03-05", ("IND", "ZAF"), "Johannesburg"),
        ],
    ),
    # "held bilateral meetings with A, B and C": one per counterpart.
    (
        "On 5 March in Brussels, Prime Minister Keir Starmer held bilateral meetings with "
        "French President Emmanuel Macron, German Chancellor Olaf Scholz and Polish Prime "
        "Minister Donald Tusk.",
        [
            ("2025-03-05", ("FRA", "GBR"), "Brussels"),
            ("2025-03-05", ("DEU", "GBR"), "Brussels"),
            ("2025-03-05", ("GBR", "POL"), "Brussels"),
        ],
    ),
    # Each counterpart with a place of its own: two meetings.
    (
        "On 5 March, Prime Minister Keir Starmer met German Chancellor Olaf Scholz in Berlin "
        "and French President Emmanuel Macron in Paris.",
        [("2025-03-05", ("DEU", "GBR"), "Berlin"), ("2025-03-05", ("FRA", "GBR"), "Paris")],
    ),
    # A working lunch; a dialogue round held in the passive voice.
    (
        "Prime Minister Keir Starmer hosted Polish Prime Minister Donald Tusk for a working "
        "lunch at Chequers on Thursday.",
        [("2025-03-06", ("GBR", "POL"), "Chequers")],
    ),
    (
        "The fifth round of the Japan-Philippines Strategic Dialogue was held in Manila on 4 "
        "March, co-chaired by Japanese Vice-Minister Funakoshi Takehiro and Philippine "
        "Undersecretary Theresa Lazaro.",
        [("2025-03-04", ("JPN", "PHL"), "Manila")],
    ),
    # "held the 23rd Meeting of ...": one sentence, however the statistical splitter reads it.
    (
        "On 4 March, Foreign Minister Wang Yi held the 24th Meeting of the Special "
        "Representatives of China and India in Beijing with Indian National Security Advisor "
        "Ajit Doval.",
        [("2025-03-04", ("CHN", "IND"), "Beijing")],
    ),
    # An office alone names the official the text named before: "The Prime Minister met ...".
    (
        "Prime Minister Keir Starmer travelled to Europe on Wednesday.\n\n"
        "The Prime Minister met German Chancellor Olaf Scholz in Berlin today.",
        [("2025-03-08", ("DEU", "GBR"), "Berlin")],
    ),
    # An office's short form stands bare for the official: India's "EAM".
    (
        "External Affairs Minister Dr. S. Jaishankar is visiting Nepal.\n\n"
        "This morning, EAM called on President Ram Chandra Paudel of Nepal in Kathmandu. "
        "EAM thereafter called on Prime Minister Pushpa Kamal Dahal.",
        [("2025-03-08", ("IND", "NPL"), "Kathmandu"), ("2025-03-08", ("IND", "NPL"), "Kathmandu")],
    ),
    # A government page names its issuer in a "From:" header; "spoke to X, following his
    # meeting with Y" is a call; "the two leaders" are those of the sentence before.
    (
        "PM call with President Trump: 8 March 2025\n\nFrom: Prime Minister's Office, 10 "
        "Downing Street\nPublished 8 March 2025\n\nThe Prime Minister welcomed President "
        "Volodymyr Zelenskyy of Ukraine to Downing Street this afternoon. The Prime Minister "
        "spoke to President Donald Trump this evening, following his meeting with President "
        "Zelenskyy. The two leaders last met at the White House in Washington on Thursday.",
        [
            ("2025-03-08", ("GBR", "UKR"), "London"),
            ("2025-03-08", ("GBR", "USA"), None),
            ("2025-03-06", ("GBR", "USA"), "Washington"),
        ],
    ),
    # "the President and the Foreign Minister met" (offices named in full before, one as
    # "Minister of Foreign Affairs"); a release with no dateline places the day's meetings
    # in its lead's city; "the two leaders" are those of the paragraph's meeting.
    (
        "Foreign Minister accompanies the President in Sweden\n\nFriday, 8 March 2025\n\n"
        "Minister of Foreign Affairs Alberto van Klaveren today accompanied the President of "
        "the Republic, Gabriel Boric, in Stockholm, on the last day of his official visit.\n\n"
        "At the start of the day, the President and the Foreign Minister met Prime Minister of "
        "Sweden Ulf Kristersson.\n\nBefore that, the President was in Germany. On Monday 3 "
        "March, he was received in Berlin by Chancellor Olaf Scholz. The leaders discussed "
        "lithium. The two leaders had held talks in Santiago in January 2023.",
        [
            ("2025-03-08", ("CHL", "SWE"), "Stockholm"),
            ("2025-03-03", ("CHL", "DEU"), "Berlin"),
            (None, ("CHL", "DEU"), "Santiago"),
        ],
    ),
    # "He informed Nausėda about his meeting with Trump": "his" is the subject's; "the two
    # heads of state" are the two of the last meeting reported, not one recalled in passing.
    (
        "VILNIUS, March 8, 2025 - On Saturday, President Karol Nawrocki of Poland held talks "
        "with President Gitanas Nausėda of Lithuania in Vilnius. He informed President "
        "Nausėda about the results of his meeting with U.S. President Donald Trump in "
        "Washington on 3 March. The two heads of state last met in Warsaw on 28 February.",
        [
            ("2025-03-08", ("LTU", "POL"), "Vilnius"),
            ("2025-03-03", ("POL", "USA"), "Washington"),
            ("2025-02-28", ("LTU", "POL"), "Warsaw"),
        ],
    ),
    # A release dated in the host's capital: "the President" who met the host's Speaker is
    # the visitor.
    (
        "Vilnius, 8 March 2025\n\nPresident Karol Nawrocki of Poland held talks with President "
        "Gitanas Nausėda of Lithuania today. The President also met the Speaker of the Seimas, "
        "Saulius Skvernelis, later in the day.",
        [("2025-03-08", ("LTU", "POL"), "Vilnius"), ("2025-03-08", ("LTU", "POL"), "Vilnius")],
    ),
    # A stop before ("after a state visit to Indonesia") and a country in a quoted remark
    # are no parties.
    (
        "KUALA LUMPUR, March 8, 2025 - Brazilian President Luiz Inácio Lula da Silva met U.S. "
        "President Donald Trump on Saturday. The Brazilian leader, who arrived in Malaysia on "
        "Friday after a state visit to Indonesia, held talks with Malaysian Prime Minister "
        'Anwar Ibrahim on Saturday. "I think we\'re gonna have a deal with China," Trump told '
        "reporters during the meeting with Lula.",
        [
            ("2025-03-08", ("BRA", "USA"), "Kuala Lumpur"),
            ("2025-03-08", ("BRA", "MYS"), "Kuala Lumpur"),
        ],
    ),
    # A Downing Street readout never names its Prime Minister.
    (
        "A Downing Street spokesperson said:\n\n"
        "The Prime Minister spoke to President Lula of Brazil this afternoon.",
        [("2025-03-08", ("BRA", "GBR"), None)],
    ),
    # "I was pleased to welcome ...": the welcome is reported, not planned.
    (
        "Senator the Hon Penny Wong\nMinister for Foreign Affairs\n\nMedia release\n\n"
        "I was pleased to welcome Singapore's Foreign Minister Vivian Balakrishnan to Canberra "
        "today.",
        [("2025-03-08", ("AUS", "SGP"), "Canberra")],
    ),
    # A header "Statement by ..." names who "I" is.
    (
        "Statement by Prime Minister Carney on his call with President Trump\n\n"
        "This morning I spoke with President Donald Trump of the United States.",
        [("2025-03-08", ("CAN", "USA"), None)],
    ),
    # "The day before" counts back from the day read last; a district names its city.
    (
        "President Yoon Suk Yeol held a summit with U.S. President Joe Biden on 5 March at the "
        "presidential office in Yongsan, Seoul. The day before, President Yoon welcomed "
        "President Biden at a factory in Pyeongtaek.",
        [("2025-03-05", ("KOR", "USA"), "Seoul"), ("2025-03-04", ("KOR", "USA"), "Pyeongtaek")],
    ),
    # A second official of the same side met "also": another meeting the same day.
    (
        "Chancellor Olaf Scholz met President Xi Jinping in Beijing on Friday. The chancellor "
        "also held talks with Li Qiang, China's Premier, before flying back to Berlin.",
        [("2025-03-07", ("CHN", "DEU"), "Beijing"), ("2025-03-07", ("CHN", "DEU"), "Beijing")],
    ),
    # One sentence tells the same leaders meeting at two times in two cities: two meetings,
    # each city with the time told beside it.
    (
        "NEW DELHI, March 8, 2025 - President Emmanuel Macron held talks with Prime Minister "
        "Narendra Modi in New Delhi. The two leaders also met in Nice in February 2025 at the "
        "AI Action Summit, and on July 14, 2023, in Paris, when Modi attended the Bastille Day "
        "parade.",
        [
            ("2025-03-08", ("FRA", "IND"), "New Delhi"),
            (None, ("FRA", "IND"), "Nice"),
            ("2023-07-14", ("FRA", "IND"), "Paris"),
        ],
    ),
    # "The leaders" after a sentence on another pair's call are the leaders of the last
    # meeting of the side the sentence names.
    (
        "MOSCOW, March 8, 2025 - President Vladimir Putin received Prime Minister Narendra Modi "
        "in Moscow on Saturday. On Friday, Putin held a telephone call with U.S. President "
        "Donald Trump. The leaders had also met in Kazan in October 2024, when Narendra Modi "
        "attended the BRICS summit.",
        [
            ("2025-03-08", ("IND", "RUS"), "Moscow"),
            ("2025-03-07", ("RUS", "USA"), None),
            (None, ("IND", "RUS"), "Kazan"),
        ],
    ),
    # Two earlier meetings one sentence recalls, neither with a day, are two meetings.
    (
        "CANBERRA, March 8, 2025 - Prime Minister Anthony Albanese met President Xi Jinping of "
        "China in Lima on Saturday. The two leaders last held formal talks in Beijing in "
        "November 2023, a year after their first meeting on the sidelines of the G20 summit "
        "in Bali.",
        [
            ("2025-03-08", ("AUS", "CHN"), "Lima"),
            (None, ("AUS", "CHN"), None),
            (None, ("AUS", "CHN"), "Beijing"),
        ],
    ),
    # "with A and with B": a call with each; a call has no venue, whatever city it names;
    # a meeting that "would not take place" is none.
    (
        "WASHINGTON, March 8, 2025 - President Joe Biden spoke by phone on Saturday with King "
        "Abdullah II of Jordan and with Israeli Prime Minister Benjamin Netanyahu. Earlier, "
        "Secretary of State Antony Blinken spoke by phone with Chinese Foreign Minister Wang "
        "Yi and urged Beijing to use its influence. Jordan's foreign minister said the meeting "
        "between Biden, King Abdullah II and President Mahmoud Abbas would not take place.",
        [
            ("2025-03-08", ("JOR", "USA"), None),
            ("2025-03-08", ("ISR", "USA"), None),
            ("2025-03-08", ("CHN", "USA"), None),
        ],
    ),
    # A clause of time dated before its meeting verb: "when he arrived in Riyadh on Thursday
    # and held talks with ...".
    (
        "WASHINGTON, March 8, 2025 - Secretary of State Marco Rubio ended his tour of the Gulf "
        "on Saturday. The trip began when he arrived in Riyadh on Thursday and held talks with "
        "Saudi Foreign Minister Prince Faisal bin Farhan.",
        [("2025-03-06", ("SAU", "USA"), "Riyadh")],
    ),
    # A tour's summary of bilateral meetings is none of its own when the text tells them
    # one by one, and the last stop's meeting is not folded into it.
    (
        "AMMAN, March 8, 2025 - President Prabowo Subianto on Saturday wrapped up a tour that "
        "took him to Egypt, Qatar and Jordan, where he held bilateral meetings with the heads "
        "of state of the three countries.\n\nIn Cairo on Thursday, President Prabowo held "
        "talks with President Abdel Fattah El-Sisi. In Doha on Friday, he met the Emir of "
        "Qatar, Sheikh Tamim bin Hamad Al Thani. The last stop was Amman, where King Abdullah "
        "II received President Prabowo on Saturday.",
        [
            ("2025-03-06", ("EGY", "IDN"), "Cairo"),
            ("2025-03-07", ("IDN", "QAT"), "Doha"),
            ("2025-03-08", ("IDN", "JOR"), "Amman"),
        ],
    ),
    # A tour story's "he" is its protagonist, also after an opening with no comma and after
    # a meeting where he was received; an official the tables know speaks for his state.
    (
        "ACCRA, 8 March 2025 - President John Dramani Mahama on Saturday concluded a tour of "
        "the Sahel states. In Bamako on Thursday he was received by Colonel Assimi Goïta. The "
        "next day, in Ouagadougou, he held talks with Captain Ibrahim Traoré.",
        [("2025-03-06", ("GHA", "MLI"), "Bamako"), ("2025-03-07", ("BFA", "GHA"), "Ouagadougou")],
    ),
    (
        "WASHINGTON, March 8, 2025 - Secretary of State Marco Rubio ended his trip on Saturday. "
        "He met Panamanian President José Raúl Mulino in Panama City on Thursday. On Friday in "
        "San José he held talks with President Rodrigo Chaves. His final stop was Santo "
        "Domingo, where President Luis Abinader hosted him on Saturday.",
        [
            ("2025-03-06", ("PAN", "USA"), "Panama City"),
            ("2025-03-07", ("CRI", "USA"), "San José"),
            ("2025-03-08", ("DOM", "USA"), "Santo Domingo"),
        ],
    ),
    # "During that visit" puts the meeting in the city of the visit told just before.
    (
        "ISLAMABAD, 8 March 2025 - Deputy Prime Minister Mohammad Ishaq Dar of Pakistan held "
        "talks with Acting Foreign Minister Amir Khan Muttaqi of Afghanistan in Kabul today. "
        "Earlier, the Special Representative for Afghanistan travelled on a visit to Kabul "
        "from 21 to 23 February. During that visit, Ambassador Mohammad Sadiq called on Acting "
        "Foreign Minister Muttaqi on 22 February.",
        [("2025-03-08", ("AFG", "PAK"), "Kabul"), ("2025-02-22", ("AFG", "PAK"), "Kabul")],
    ),
    # A meeting a year back is no detail of the lead: the lead's meeting stands.
    (
        "MOSCOW, March 8, 2025 - President Vladimir Putin held talks with President "
        "Kassym-Jomart Tokayev of Kazakhstan in Astana. Earlier Russian-Kazakhstani talks "
        "were held in Almaty on November 9, 2023.",
        [("2025-03-08", ("KAZ", "RUS"), "Astana"), ("2023-11-09", ("KAZ", "RUS"), "Almaty")],
    ),
    # A lead that sums up meetings the text then dates one by one adds no meeting; a place
    # in the background ("after Blinken's visit to Beijing") or a government ("Tokyo's
    # plan") is not the venue.
    (
        "JAKARTA, March 7, 2025 (Wire) - Chinese Foreign Minister Wang Yi held separate talks with "
        "his U.S. and Japanese counterparts in the Indonesian capital.\n\n"
        "Wang Yi met U.S. Secretary of State Antony Blinken on Thursday, weeks after Blinken's "
        "visit to Beijing. Later on Thursday, Wang met Japanese Foreign Minister Hayashi "
        "Yoshimasa and criticised Tokyo's plan.",
        [("2025-03-06", ("CHN", "USA"), "Jakarta"), ("2025-03-06", ("CHN", "JPN"), "Jakarta")],
    ),
    # "They last met in ...": the officials named just before are the participants' sides.
    (
        "Chinese President Xi Jinping and U.S. President Joe Biden met on Thursday, "
        "March 6, 2025, in Lima. They last met in Rio de Janeiro on November 18, 2024.",
        [
            ("2025-03-06", ("CHN", "USA"), "Lima"),
            ("2024-11-18", ("CHN", "USA"), "Rio de Janeiro"),
        ],
    ),
    # A day of the month by its ordinal alone, as Korean and Japanese readouts write it.
    (
        "President Yoon Suk Yeol held a summit with Turkmen President Serdar Berdimuhamedov "
        "in Ashgabat on the 6th.",
        [("2025-03-06", ("KOR", "TKM"), "Ashgabat")],
    ),
    # A wire dateline's day stands in for an undated meeting's day.
    (
        "TOKYO, March 6 (Wire) - Japanese Prime Minister Shigeru Ishiba and Indian Prime "
        "Minister Narendra Modi held talks in Tokyo, officials said.",
        [("2025-03-06", ("IND", "JPN"), "Tokyo")],
    ),
    # A meeting told by the headline only: the body gives its day and place.
    (
        "Wang Yi Holds Talks with German Foreign Minister Annalena Baerbock\n\n"
        "2025-03-06 20:15\n\n"
        "On the afternoon of March 6, 2025, in Beijing, Wang Yi said that China and Germany "
        "are comprehensive strategic partners and should deepen their cooperation.",
        [("2025-03-06", ("CHN", "DEU"), "Beijing")],
    ),
    # "held a telephone talk", the Japanese foreign ministry's phrase for a call.
    (
        "On March 6, Ms. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held a "
        "telephone talk with Mr. Enrique Manalo, Secretary of Foreign Affairs of the "
        "Republic of the Philippines.",
        [("2025-03-06", ("JPN", "PHL"), None)],
    ),
    # "his Australian counterpart" in New Delhi: the host is the venue's side.
    (
        "Raksha Mantri Shri Rajnath Singh held bilateral talks with his Australian "
        "counterpart Richard Marles in New Delhi on March 6, 2025.",
        [("2025-03-06", ("AUS", "IND"), "New Delhi")],
    ),
    # "On the sidelines" of a gathering placed in the paragraph before; a city travelled to.
    (
        "On 6 March 2025, the East Asia Summit foreign ministers gathered in Vientiane.\n\n"
        "On the sidelines, Foreign Minister Penny Wong met Chinese Foreign Minister Wang Yi.",
        [("2025-03-06", ("AUS", "CHN"), "Vientiane")],
    ),
    (
        "Foreign Minister Penny Wong travelled to Tokyo. On 6 March 2025, Wong met Japanese "
        "Foreign Minister Iwaya Takeshi.",
        [("2025-03-06", ("AUS", "JPN"), "Tokyo")],
    ),
    # A seat of government stands for its city.
    (
        "President Donald Trump hosted Japanese Prime Minister Shigeru Ishiba at the White "
        "House on March 6, 2025.",
        [("2025-03-06", ("JPN", "USA"), "Washington")],
    ),
    # A call has no venue, whatever the dateline says.
    (
        "BEIJING, March 7 (Wire) - Chinese Foreign Minister Wang Yi spoke by phone with "
        "French Foreign Minister Jean-Noël Barrot on Thursday.",
        [("2025-03-06", ("CHN", "FRA"), None)],
    ),
    (
        "Talks in Tokyo\n\nTOKYO, March 7 - Japanese Foreign Minister Iwaya Takeshi met his "
        "Philippine counterpart Enrique Manalo on Friday. Secretary of State Marco Rubio "
        "spoke with Foreign Minister Iwaya Takeshi on Friday.",
        [("2025-03-07", ("JPN", "PHL"), "Tokyo"), ("2025-03-07", ("JPN", "USA"), None)],
    ),
    # "the foreign ministers of ..." names its own countries, not the officials before.
    (
        "Foreign Minister Penny Wong met Indian External Affairs Minister S. Jaishankar on "
        "5 March 2025.\n\nOn 6 March 2025 in Vientiane, Saleumxay Kommasith, Minister of "
        "Foreign Affairs of the Lao PDR, met the foreign ministers of Indonesia and Malaysia.",
        [
            ("2025-03-05", ("AUS", "IND"), None),
            ("2025-03-06", ("IDN", "LAO", "MYS"), "Vientiane"),
        ],
    ),
    # A grouping's meeting that took place speaks for its members of that day (Timor-Leste
    # joined ASEAN in October 2025); a forum of ASEAN and partners counts ASEAN's members.
    (
        "The 57th ASEAN Foreign Ministers' Meeting (AMM) was held in Vientiane on 25 July "
        "2024 under the chairmanship of the Lao PDR.",
        [
            (
                "2024-07-25",
                ("BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"),
                "Vientiane",
            )
        ],
    ),
    (
        "The 25th ASEAN Plus Three Foreign Ministers' Meeting was held in Vientiane on 27 "
        "July 2024.",
        [
            (
                "2024-07-27",
                (
                    "BRN",
                    "CHN",
                    "IDN",
                    "JPN",
                    "KHM",
                    "KOR",
                    "LAO",
                    "MMR",
                    "MYS",
                    "PHL",
                    "SGP",
                    "THA",
                    "VNM",
                ),
                "Vientiane",
            )
        ],
    ),
    # The office's country, told in the possessive by the office's own sentence.
    (
        "The Prime Minister spoke to President Alexander Stubb of Finland this evening.\n\n"
        "The Prime Minister set out the UK's continued support for Ukraine.",
        [("2025-03-08", ("FIN", "GBR"), None)],
    ),
    # Officials named by their offices and countries only.
    (
        "The foreign ministers of Saudi Arabia and Iran met in Beijing on 6 March 2025.",
        [("2025-03-06", ("IRN", "SAU"), "Beijing")],
    ),
    # A journey whose purpose was the talks.
    (
        "On 6 March 2025, Turkish President Recep Tayyip Erdoğan travelled to Cairo for talks "
        "with Egyptian President Abdel Fattah el-Sisi.",
        [("2025-03-06", ("EGY", "TUR"), "Cairo")],
    ),
    # The date of a comment on the treaty is not the meeting's.
    (
        "On 6 March 2025, German Defence Minister Boris Pistorius met British Defence "
        "Secretary John Healey in Berlin.\n\nPistorius hosted Healey for the talks, which "
        "reviewed the Trinity House Agreement, a pact concluded last October.",
        [("2025-03-06", ("DEU", "GBR"), "Berlin")],
    ),
    # The EU's officials speak for the EU, a party beside states (EUU).
    (
        "President of the European Commission Ursula von der Leyen met Prime Minister "
        "Ishiba Shigeru in Tokyo on 6 March 2025.",
        [("2025-03-06", ("EUU", "JPN"), "Tokyo")],
    ),
    # A day after "since" is another event's; a document welcomed is no visitor.
    (
        "Foreign Minister Penny Wong met Japanese Foreign Minister Iwaya Takeshi in New York "
        "on 6 March 2025. It was the first meeting between the two ministers since Iwaya "
        "took office on 1 October 2024.",
        [("2025-03-06", ("AUS", "JPN"), "New York")],
    ),
    # The statement's "we" met: "We, the Leaders of the G7 and of the EU, met in ...".
    (
        "1. We, the Leaders of the Group of Seven (G7) and of the European Union, met in "
        "Hiroshima on 6 March 2025 for our annual Summit.",
        [
            (
                "2025-03-06",
                ("CAN", "DEU", "EUU", "FRA", "GBR", "ITA", "JPN", "USA"),
                "Hiroshima",
            )
        ],
    ),
    # "Earlier on ...": another meeting with another official of the same side.
    (
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on 6 "
        "March 2025. Earlier that day, Xi met Russian Prime Minister Mikhail Mishustin.",
        [("2025-03-06", ("CHN", "RUS"), "Moscow"), ("2025-03-06", ("CHN", "RUS"), "Moscow")],
    ),
    # An official whose visit dates the sentence took no part in its meeting.
    (
        "Three months after Biden's visit, on 6 March 2025, Chinese President Xi Jinping "
        "held talks with Vietnamese leader To Lam in Hanoi.",
        [("2025-03-06", ("CHN", "VNM"), "Hanoi")],
    ),
    # A state venue stands for its city (kb/data/landmarks.csv).
    (
        "On 6 March 2025, Italian Prime Minister Giorgia Meloni met Argentine President "
        "Javier Milei at Palazzo Chigi.",
        [("2025-03-06", ("ARG", "ITA"), "Rome")],
    ),
    # "received today Mr. ...": the day is no thing received.
    (
        "Cairo, 8 March 2025\n\nEgyptian President Abdel Fattah El-Sisi received today Mr. "
        "Antonio Tajani, Minister of Foreign Affairs of Italy.",
        [("2025-03-08", ("EGY", "ITA"), "Cairo")],
    ),
    # An agency's dateline closed by a colon; a call received has no venue.
    (
        "ISLAMABAD, March 6 (APP): Pakistani Prime Minister Shehbaz Sharif received a "
        "telephone call from Turkish President Recep Tayyip Erdoğan on Thursday.",
        [("2025-03-06", ("PAK", "TUR"), None)],
    ),
    # A meeting told as the setting of what was said.
    (
        "At a meeting with Japanese Foreign Minister Iwaya Takeshi in Tokyo on 6 March 2025, "
        "Chinese Foreign Minister Wang Yi said ties had improved.",
        [("2025-03-06", ("CHN", "JPN"), "Tokyo")],
    ),
    # Side talks over two days in one sentence, each dated by the day told before it; who
    # is named after a denial took no part.
    (
        "On the margins, Indian External Affairs Minister S. Jaishankar held bilateral talks "
        "on 4 March 2025 with Chinese Foreign Minister Qin Gang and Russian Foreign Minister "
        "Sergey Lavrov, and on 5 March 2025 with Kazakh Foreign Minister Murat Nurtleu.",
        [
            ("2025-03-04", ("CHN", "IND"), None),
            ("2025-03-04", ("IND", "RUS"), None),
            ("2025-03-05", ("IND", "KAZ"), None),
        ],
    ),
    (
        "Pakistani Foreign Minister Bilawal Bhutto Zardari met Russian Foreign Minister Sergey "
        "Lavrov on 4 March 2025, but there was no meeting between him and Indian External "
        "Affairs Minister S. Jaishankar.",
        [("2025-03-04", ("PAK", "RUS"), None)],
    ),
    # "the President" among several presidents is the one of the dateline's country.
    (
        "LIMA, March 7 - Peruvian President Dina Boluarte received Chinese President Xi "
        "Jinping on 5 March 2025. On 6 March 2025, the President met the President of the "
        "Republic of Chile, Gabriel Boric.",
        [("2025-03-05", ("CHN", "PER"), "Lima"), ("2025-03-06", ("CHL", "PER"), "Lima")],
    ),
    # "at the Government Palace" in a readout from Lima is in Lima, whatever the day.
    (
        "Press Release\n\nLima, 16 March 2025\n\nOn 6 March 2025, Peruvian President Dina "
        "Boluarte received Chilean President Gabriel Boric at the Government Palace.",
        [("2025-03-06", ("CHL", "PER"), "Lima")],
    ),
    # A dated earlier meeting of the same leaders, told in passing.
    (
        "Indian Prime Minister Narendra Modi met UAE President Mohamed bin Zayed Al Nahyan in "
        "Abu Dhabi on 6 March 2025. The Leaders also recalled their talks in Ahmedabad on 9 "
        "January 2025.",
        [("2025-03-06", ("ARE", "IND"), "Abu Dhabi"), ("2025-01-09", ("ARE", "IND"), "Ahmedabad")],
    ),
    # Well-known officials named without an office.
    (
        "Rajnath Singh held talks with Richard Marles in Canberra on 6 March 2025.",
        [("2025-03-06", ("AUS", "IND"), "Canberra")],
    ),
    # "back-to-back meetings with A and B": one bilateral per counterpart.
    (
        "Indian Prime Minister Narendra Modi held back-to-back meetings with British Prime "
        "Minister Rishi Sunak and Japanese Prime Minister Fumio Kishida in New Delhi on 6 "
        "March 2025.",
        [("2025-03-06", ("GBR", "IND"), "New Delhi"), ("2025-03-06", ("IND", "JPN"), "New Delhi")],
    ),
    # "pulled aside": an informal meeting is a meeting.
    (
        "On 6 March 2025, Indian Prime Minister Narendra Modi pulled aside Canadian Prime "
        "Minister Justin Trudeau in New Delhi.",
        [("2025-03-06", ("CAN", "IND"), "New Delhi")],
    ),
    # A noun of meeting followed by "between" and who took part.
    (
        "The call grew out of a long session between US National Security Adviser Jake "
        "Sullivan and Chinese diplomat Yang Jiechi in Zurich on 6 March 2025.",
        [("2025-03-06", ("CHN", "USA"), "Zürich")],
    ),
    # A meeting of named officials recalled by its month has no day.
    (
        "When Australian Prime Minister Anthony Albanese and Vietnamese Prime Minister Pham "
        "Minh Chinh met in Canberra in March 2024, they raised ties to the highest level.",
        [(None, ("AUS", "VNM"), "Canberra")],
    ),
    # A format named after its members: their meeting was the third member's too.
    (
        "Foreign Minister Cho Tae-yul of Korea and Chinese Foreign Minister Wang Yi attended "
        "the Korea-Japan-China Foreign Ministers' Meeting held in Busan on 6 March 2025.",
        [("2025-03-06", ("CHN", "JPN", "KOR"), "Busan")],
    ),
    # A headline over a body that reports its meeting adds none of its own.
    (
        "Foreign Secretary hosts US Secretary of State in London\n\n"
        "Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London on "
        "6 March 2025. They discussed Iran's supply of missiles to Russia for its war on "
        "Ukraine.",
        [("2025-03-06", ("GBR", "USA"), "London")],
    ),
    # The offices' countries before the verb are the parties; the topic's country is not.
    (
        "The leaders of Germany, France and Poland met in Berlin on 6 March 2025 to show a "
        "united front on military support for Ukraine.",
        [("2025-03-06", ("DEU", "FRA", "POL"), "Berlin")],
    ),
    # "Name of Country" after the title gives the official's side.
    (
        "On 6 March 2025, Irish Prime Minister Leo Varadkar met Prime Minister Robert Golob of "
        "Slovenia in Brussels.",
        [("2025-03-06", ("IRL", "SVN"), "Brussels")],
    ),
    # "The leaders last met ..." a paragraph after their talks: the same leaders, earlier.
    (
        "Ukrainian President Volodymyr Zelenskyy met Indian Prime Minister Narendra Modi in "
        "Kyiv on 6 March 2025.\n\nThe leaders committed to closer ties. They also agreed to "
        "hold a working group in India.\n\nThe leaders last met in Rome on 14 June 2024.",
        [("2025-03-06", ("IND", "UKR"), "Kyiv"), ("2024-06-14", ("IND", "UKR"), "Rome")],
    ),
    # Talks the leaders agreed to continue are no meeting of theirs.
    (
        "Turkish President Recep Tayyip Erdoğan met Greek Prime Minister Kyriakos Mitsotakis "
        "in New York on 6 March 2025.\n\nThe leaders welcomed the calm. They also agreed to "
        "continue the positive agenda talks between their foreign ministries.",
        [("2025-03-06", ("GRC", "TUR"), "New York")],
    ),
    # "travelled to Kigali and signed it with ...": "to" names a place, not a plan.
    (
        "On 6 March 2025, British Home Secretary James Cleverly travelled to Kigali and signed "
        "the treaty with Rwandan Foreign Minister Vincent Biruta.",
        [("2025-03-06", ("GBR", "RWA"), "Kigali")],
    ),
    # A host's minister the text gives no country is of the venue's side.
    (
        "On 6 March 2025, in Brasília, Minister Annalena Baerbock of Germany also met the "
        "Minister of the Environment and Climate Change, Marina Silva.",
        [("2025-03-06", ("BRA", "DEU"), "Brasília")],
    ),
    # An earlier meeting told inside a clause of time, by its month: no day.
    (
        "Chinese President Xi Jinping said on 6 March 2025 that ties had steadied since he and "
        "Australian Prime Minister Anthony Albanese met in Lima in November 2024.",
        [(None, ("AUS", "CHN"), "Lima")],
    ),
    (
        "Kazakh President Kassym-Jomart Tokayev hosted South Korean President Yoon Suk Yeol in "
        "Astana on 6 March 2025.\n\nIt is the first such trip since May 2019, when Korean "
        "President Moon Jae-in held talks with Tokayev in Almaty.",
        [("2025-03-06", ("KAZ", "KOR"), "Astana"), (None, ("KAZ", "KOR"), "Almaty")],
    ),
    # "after the two prime ministers held talks": the leaders of the meeting told before;
    # two meetings recalled without a day are told apart by their cities.
    (
        "When Indian Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida met "
        "in Tokyo in May 2023, they set a new investment target.\n\nThe step came only months "
        "after the two prime ministers held talks in New Delhi in March 2023, when they agreed "
        "on the target.",
        [(None, ("IND", "JPN"), "Tokyo"), (None, ("IND", "JPN"), "New Delhi")],
    ),
    # "The two had last spoken by phone in January": the officials of the meeting told last.
    (
        "U.S. Secretary of State Marco Rubio and Chinese Foreign Minister Wang Yi met in Kuala "
        "Lumpur on 6 March 2025.\n\nRubio called the talks useful. Reporters asked about "
        "tariffs. The two had last spoken by phone in January.",
        [("2025-03-06", ("CHN", "USA"), "Kuala Lumpur"), (None, ("CHN", "USA"), None)],
    ),
    # A meeting named as someone's, with whom and when.
    (
        "Italian Prime Minister Giorgia Meloni met Chinese President Xi Jinping in Beijing on 6 "
        "March 2025.\n\nAt her meeting with Premier Li Qiang in New Delhi in September 2023, "
        "the two discussed trade.",
        [("2025-03-06", ("CHN", "ITA"), "Beijing"), (None, ("CHN", "ITA"), "New Delhi")],
    ),
    # Two counterparts, each with a day of its own: two meetings.
    (
        "Ukrainian President Volodymyr Zelenskyy met French President Emmanuel Macron in "
        "Hiroshima on 5 March 2025, and held talks with Japanese Prime Minister Fumio Kishida "
        "on 6 March 2025.",
        [("2025-03-05", ("FRA", "UKR"), "Hiroshima"), ("2025-03-06", ("JPN", "UKR"), "Hiroshima")],
    ),
    # A release's bare office opening a sentence ("Prime Minister also met") is its own
    # principal; a new official of the same side is another meeting.
    (
        "Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in Tianjin on 6 "
        "March 2025. Prime Minister also met Mr. Cai Qi, Member of the Politburo Standing "
        "Committee of the Communist Party of China, in Tianjin.",
        [("2025-03-06", ("CHN", "IND"), "Tianjin"), ("2025-03-06", ("CHN", "IND"), "Tianjin")],
    ),
    # A building named after a city is not that city: "Hyderabad House" is in New Delhi.
    (
        "On 6 March 2025, Indian Prime Minister Narendra Modi met Saudi Crown Prince "
        "Mohammed bin Salman at Hyderabad House.",
        [("2025-03-06", ("IND", "SAU"), "New Delhi")],
    ),
    # Two earlier meetings recalled in one sentence: a possessive one and a "when" clause.
    (
        "Foreign Minister Mélanie Joly met Japanese Foreign Minister Iwaya Takeshi in Tokyo on "
        "March 5, 2025. The ministers built on their meeting in New York on September 24, 2024, "
        "and on the guidance the two prime ministers gave when they met in Vientiane in "
        "October 2024.",
        [
            ("2025-03-05", ("CAN", "JPN"), "Tokyo"),
            ("2024-09-24", ("CAN", "JPN"), "New York"),
            (None, ("CAN", "JPN"), "Vientiane"),
        ],
    ),
    # "the meeting between A and B" that was held recalls a meeting; "After talks in X on D,
    # the two leaders ..." is the talks of the two.
    (
        "Building on the meeting between Prime Minister Shigeru Ishiba and President Yoon Suk "
        "Yeol in Lima in November 2024, the two foreign ministers discussed supply chains.",
        [(None, ("JPN", "KOR"), "Lima")],
    ),
    (
        "Indonesian President Prabowo Subianto paid a state visit to India in January 2025 at "
        "the invitation of Prime Minister Narendra Modi. After talks "
        "at Hyderabad House in New Delhi on 25 January, the two leaders adopted a joint statement.",
        [("2025-01-25", ("IDN", "IND"), "New Delhi")],
    ),
    # "with A and, on the same day, with B": one meeting each.
    (
        "In New Delhi on March 5, 2025, Minister Anita Anand met with India's External "
        "Affairs Minister Subrahmanyam Jaishankar, and, on the same day, with Prime Minister "
        "Narendra Modi.",
        [("2025-03-05", ("CAN", "IND"), "New Delhi"), ("2025-03-05", ("CAN", "IND"), "New Delhi")],
    ),
    # An office of the EU's bodies stands for the EU; the greeting's addressee took no part.
    (
        "On March 5, 2025, President Abdel Fattah El-Sisi held separate meetings in Cairo with "
        "the President of the European Commission and the Prime Minister of Italy.",
        [("2025-03-05", ("EGY", "EUU"), "Cairo"), ("2025-03-05", ("EGY", "ITA"), "Cairo")],
    ),
    # A look back in the past perfect does not move the story's day.
    (
        "President Lee Jae-myung met Prime Minister Shigeru Ishiba in Kananaskis on March 5, "
        "2025. They had spoken by telephone on February 20. A day earlier, President Lee met "
        "Prime Minister Anthony Albanese in Calgary.",
        [
            ("2025-03-05", ("JPN", "KOR"), "Kananaskis"),
            ("2025-02-20", ("JPN", "KOR"), None),
            ("2025-03-04", ("AUS", "KOR"), "Calgary"),
        ],
    ),
    # "in the capital" of a release datelined from one; a working dinner is a meeting.
    (
        "MEXICO CITY, March 6 (Wire) - The visit had opened on the evening of March 5, when "
        "Foreign Secretary Alicia Bárcena and Secretary of State Antony Blinken held a working "
        "dinner in the capital.",
        [("2025-03-05", ("MEX", "USA"), "Mexico City")],
    ),
    # "Before the Dialogue began" another meeting, whose own attendee "also took part".
    (
        "Foreign Secretary Alicia Bárcena and Secretary of State Antony Blinken opened the "
        "High-Level Security Dialogue in Mexico City on March 5, 2025. Before the Dialogue "
        "began, President Andrés Manuel López Obrador received Secretary Blinken in a private "
        "meeting, in which the Foreign Secretary also took part.",
        [
            ("2025-03-05", ("MEX", "USA"), "Mexico City"),
            ("2025-03-05", ("MEX", "USA"), "Mexico City"),
        ],
    ),
    # "he" right before the meeting verb, late in the sentence.
    (
        "President Prabowo Subianto arrived in Ankara on March 4, 2025. On Wednesday (05/03), "
        "after addressing the Grand National Assembly, he was welcomed by President Recep "
        "Tayyip Erdoğan at the Presidential Complex.",
        [("2025-03-05", ("IDN", "TUR"), "Ankara")],
    ),
    # An office subject whose first verb is a journey: "The President arrived ... and met".
    (
        "President Prabowo Subianto met President Recep Tayyip Erdoğan in Ankara on March 3, "
        "2025. The President arrived in Doha that evening and, the following day, met the Emir "
        "of Qatar, Sheikh Tamim bin Hamad Al Thani.",
        [("2025-03-03", ("IDN", "TUR"), "Ankara"), ("2025-03-04", ("IDN", "QAT"), "Doha")],
    ),
    # An office subject in the passive: "The Prime Minister was received by ...".
    (
        "Prime Minister Keir Starmer arrived in Washington on March 4, 2025. The Prime "
        "Minister was received by President Joe Biden at the White House on March 5.",
        [("2025-03-05", ("GBR", "USA"), "Washington")],
    ),
    # Calls told in the plural over a list of days: one per day.
    (
        "President Vladimir Putin met Prime Minister Narendra Modi in New Delhi on March 5, "
        "2025. Earlier, on February 8 and February 18, Vladimir Putin and Narendra Modi had "
        "telephone conversations.",
        [
            ("2025-03-05", ("IND", "RUS"), "New Delhi"),
            ("2025-02-08", ("IND", "RUS"), None),
            ("2025-02-18", ("IND", "RUS"), None),
        ],
    ),
    # "the Secretary's meeting with X on D and ... the summit at which A hosted B": two
    # recalled meetings, the first owned by an office named before.
    (
        "Secretary of State Marco Rubio met Foreign Minister Cho Tae-yul in Munich on March 5, "
        "2025. It built on the Secretary's bilateral meeting with Japanese Foreign Minister "
        "Iwaya Takeshi in Washington on January 21 and on the February 7 summit at which "
        "President Donald Trump hosted Japanese Prime Minister Ishiba Shigeru in Washington.",
        [
            ("2025-03-05", ("KOR", "USA"), "Munich"),
            ("2025-01-21", ("JPN", "USA"), "Washington"),
            ("2025-02-07", ("JPN", "USA"), "Washington"),
        ],
    ),
    # Two recalled months with an aside between them: one meeting in each city.
    (
        "President Lula met Prime Minister Pham Minh Chinh in Hanoi on March 5, 2025. The two "
        "leaders had met in Brasília in September 2023, during the Prime Minister's official "
        "visit to Brazil, and again in Rio de Janeiro in November 2024, on the margins of the "
        "G20 Summit.",
        [
            ("2025-03-05", ("BRA", "VNM"), "Hanoi"),
            (None, ("BRA", "VNM"), "Brasília"),
            (None, ("BRA", "VNM"), "Rio de Janeiro"),
        ],
    ),
    # A visit to the other side's city recalled in a clause of time, both sides named.
    (
        "President Ferdinand Marcos Jr. met European Council President António Costa in Kuala "
        "Lumpur on March 5, 2025. The talks were the first since European Commission President "
        "Ursula von der Leyen and President Marcos agreed to relaunch negotiations, and since "
        "Prime Minister Anthony Albanese visited Manila in September 2024 to meet President "
        "Marcos.",
        [("2025-03-05", ("EUU", "PHL"), "Kuala Lumpur"), (None, ("AUS", "PHL"), "Manila")],
    ),
    # A recalled visit with one official named: the visited city's state received them.
    (
        "President Ferdinand Marcos Jr. met European Council President António Costa in Kuala "
        "Lumpur on March 5, 2025. Trade talks resumed after European Commission President "
        "Ursula von der Leyen visited Manila in July 2023.",
        [("2025-03-05", ("EUU", "PHL"), "Kuala Lumpur"), (None, ("EUU", "PHL"), "Manila")],
    ),
    # "had" before a participle is a tense, not the meeting verb: the office after the
    # opening clause is the subject of "hosted".
    (
        "From: Prime Minister's Office, 10 Downing Street\n\n"
        "Once the summit had closed, the Prime Minister hosted President Emmanuel Macron "
        "for dinner on 5 March 2025.",
        [("2025-03-05", ("FRA", "GBR"), None)],
    ),
    # A programme that began with a meeting: the meeting with whom it began.
    (
        "In Kuala Lumpur on 5 March 2025, External Affairs Minister S. Jaishankar began his "
        "programme with a meeting with Foreign Minister Mohamad Hasan of Malaysia.",
        [("2025-03-05", ("IND", "MYS"), "Kuala Lumpur")],
    ),
    # A capital a speaker urged is its government, not the venue.
    (
        "On 5 March 2025, Chinese President Xi Jinping met French President Emmanuel Macron, "
        "who urged Beijing to use its influence with Moscow.",
        [("2025-03-05", ("CHN", "FRA"), None)],
    ),
    # An office joined by "and" to a named official is the subject with him.
    (
        "Malaysian Prime Minister Anwar Ibrahim received Chinese Premier Li Qiang in Putrajaya "
        "on 5 March 2025.\n\nThe Prime Minister and Premier Li had also met in Nanning, "
        "Guangxi, in September 2023.",
        [("2025-03-05", ("CHN", "MYS"), "Putrajaya"), (None, ("CHN", "MYS"), "Nanning")],
    ),
    # Two encounters joined by "and", each with its own noun and time: a call by day (no
    # venue) and a meeting by month in its city.
    (
        "U.S. Secretary of State Antony Blinken met Korean Foreign Minister Cho Tae-yul in "
        "Washington on 5 March 2025. Their meeting followed the Secretary's 11 January call "
        "with the Foreign Minister, in which he congratulated him on his appointment, and the "
        "meeting of the two ministers in Johannesburg in February.",
        [
            ("2025-03-05", ("KOR", "USA"), "Washington"),
            ("2025-01-11", ("KOR", "USA"), None),
            (None, ("KOR", "USA"), "Johannesburg"),
        ],
    ),
    # An audience granted by a head of state is a meeting.
    (
        "On 5 March 2025, Chinese Premier Li Qiang was granted an audience by Malaysian King "
        "Sultan Ibrahim at Istana Negara, Kuala Lumpur.",
        [("2025-03-05", ("CHN", "MYS"), "Kuala Lumpur")],
    ),
    # A day between the programme's noun and its "with": the meeting of that day.
    (
        "JAKARTA, March 7 (Wire) - President Ferdinand Marcos Jr. of the Philippines opened "
        "his series of bilateral talks on Wednesday with Canadian Prime Minister Justin "
        "Trudeau.",
        [("2025-03-05", ("CAN", "PHL"), "Jakarta")],
    ),
    # ... and its subject named by office alone, before the verb that leads to the noun.
    (
        "JAKARTA, March 7 (Wire) - President Ferdinand R. Marcos Jr. arrived for the summit."
        "\n\nThe President opened his series of bilateral talks on Wednesday with Canadian "
        "Prime Minister Justin Trudeau.",
        [("2025-03-05", ("CAN", "PHL"), "Jakarta")],
    ),
    # "During her stay" with no day of its own: some day of a visit of several.
    (
        "Australian Foreign Minister Penny Wong held talks with Vietnamese Foreign Minister "
        "Bui Thanh Son in Hanoi on 5 March 2025, at the start of a three-day visit. During "
        "her stay in Hanoi, Minister Wong paid a courtesy call on Prime Minister Pham Minh "
        "Chinh.",
        [("2025-03-05", ("AUS", "VNM"), "Hanoi"), (None, ("AUS", "VNM"), "Hanoi")],
    ),
    # A day owning something other than a meeting ("Sunday's text") is that thing's day.
    (
        "KUALA LUMPUR, March 8 (Wire) - Sunday's text built on a meeting of the two "
        "countries' border committee in Kuala Lumpur on March 4, co-chaired by Cambodian "
        "Defence Minister Tea Seiha and Thai Defence Minister Nattaphon Narkphanit.",
        [("2025-03-04", ("KHM", "THA"), "Kuala Lumpur")],
    ),
    # A past journey to a format's meeting.
    (
        "Turkish President Recep Tayyip Erdoğan received Greek Prime Minister Kyriakos "
        "Mitsotakis in Ankara on 5 March 2025.\n\nPresident Erdoğan had travelled to Athens on 7 "
        "December 2023 for a meeting of the High-Level Cooperation Council, where the two "
        "leaders signed a declaration.",
        [("2025-03-05", ("GRC", "TUR"), "Ankara"), ("2023-12-07", ("GRC", "TUR"), "Athens")],
    ),
    # "While in the region": some day of the trip, none told.
    (
        "Secretary of State Marco Rubio met President Luis Abinader in Santo Domingo on 5 "
        "March 2025. While in the region, the Secretary also spoke by phone with Mexican "
        "Foreign Secretary Juan Ramón de la Fuente.",
        [("2025-03-05", ("DOM", "USA"), "Santo Domingo"), (None, ("MEX", "USA"), None)],
    ),
    # Meetings "over two days" with no day told: not all on the day of the dateline.
    (
        "JAKARTA, March 7 (Wire) - President Ferdinand Marcos Jr. of the Philippines held "
        "bilateral meetings with the leaders of Canada and Cambodia over two days.",
        [(None, ("CAN", "PHL"), "Jakarta"), (None, ("KHM", "PHL"), "Jakarta")],
    ),
    # A release signed off with a place over a date: the meetings of its day are there.
    (
        "Visit of the Foreign Minister of Ghana to India\n\n"
        "Foreign Minister Samuel Okudzeto Ablakwa called on Prime Minister Narendra Modi "
        "today.\n\nNew Delhi\nMarch 8, 2025",
        [("2025-03-08", ("GHA", "IND"), "New Delhi")],
    ),
    # ... but not when the text tells of travel abroad: the sign-off is where it was issued.
    (
        "Visit of External Affairs Minister to Malaysia\n\n"
        "External Affairs Minister S. Jaishankar called on Prime Minister Anwar Ibrahim of "
        "Malaysia today.\n\nNew Delhi\nMarch 8, 2025",
        [("2025-03-08", ("IND", "MYS"), None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_meetings_shapes(text: str, expected: list[tuple[str, tuple[str, ...], str]]) -> None:
    assert [_shape(m) for m in _meetings(text)] == expected


# Sentences that report no meeting between parties.
NOT_MEETINGS = [
    # A meeting an official would be pleased to host is a wish.
    "On 15 May 2025, Turkish President Recep Tayyip Erdoğan said he would be pleased to host "
    "a meeting between Ukrainian President Volodymyr Zelenskyy and Russian President Vladimir "
    "Putin.",
    "On 15 May 2025, Turkish President Recep Tayyip Erdoğan said he would be pleased to host "
    "Ukrainian President Volodymyr Zelenskyy in Istanbul.",
    # A people or business group met is no counterpart state.
    "On 6 March 2025, President Lee Jae-myung arrived in Astana and met members of the Korean "
    "diaspora, whose forebears were deported to Kazakhstan in 1937.",
    # "to" before the verb, with only an adverb between: a plan.
    "On 6 March 2025, British Home Secretary James Cleverly and Rwandan Foreign Minister "
    "Vincent Biruta agreed to jointly sign a treaty next year.",
    # A participle of speaking opens a statement, not a call.
    "Speaking on 6 March 2025, Biden said the two leaders had agreed that their officials "
    "would look at starting talks on strategic stability.",
    # A nationality that qualifies a company names no party.
    "On 6 March 2025, Brazilian President Lula da Silva visited a research centre of the "
    "Chinese technology company Huawei, where he met with the company's executives.",
    # Welcoming or receiving a thing is no visit: a decision, a letter.
    "On 6 March 2025, Foreign Minister Penny Wong welcomed Indonesia's decision to join the "
    "initiative.",
    "On 6 March 2025, President Yoon Suk Yeol received a letter from President Joe Biden.",
    # A headline about a visit "in Estonia" names a place, not a counterpart.
    "Starmer meets troops in Estonia\n\nOn 6 March 2025, British Prime Minister Keir Starmer "
    "thanked soldiers at the base in Tapa for their service to the alliance.",
    # A procurement decision told to a news conference; "has" is a tense, not "held".
    "OSLO — Norway has chosen the British Type 26 frigate for its navy, Prime Minister "
    "Jonas Gahr Støre told a news conference, in what London called its largest export deal.",
    # "a call to fight hunger" is an appeal, not a phone call.
    "Brazil's President Luiz Inácio Lula da Silva opened the summit with a call to fight "
    "hunger, while Chinese President Xi Jinping and the other leaders called for a ceasefire "
    "in Gaza.",
    # A document welcomed, written in capitals like a name, is no visitor.
    "On 6 March 2025, Secretary Austin and Minister Rajnath Singh welcomed the Memorandum of "
    "Agreement on Liaison Officers.",
    # A meeting that was called off.
    "The meeting between President Lula and President Xi Jinping, planned for Friday, was "
    "cancelled.",
    # A summons to act is not a visit.
    "On 5 March, President Emmanuel Macron called on Russian President Vladimir Putin to "
    "accept a ceasefire.",
    # An announced visit.
    "Japanese Prime Minister Ishiba Shigeru will visit Washington next week to meet "
    "President Donald Trump.",
    # An office nobody in the text holds yet is no party ("The Prime Minister spoke to ...").
    "The Prime Minister spoke to President Lula of Brazil this afternoon.",
    # Two parties' officials together, but in the future tense.
    "On 6 March 2025, in Canberra, Australian Prime Minister Anthony Albanese and "
    "Indonesian President Prabowo Subianto will unveil a plan for joint patrols.",
    # An honour conferred on a guest is no conferring with him.
    "On 6 March 2025, Nigerian President Bola Tinubu conferred on Indian Prime Minister "
    "Narendra Modi the country's second-highest national honour.",
]


@pytest.mark.parametrize("text", NOT_MEETINGS)
def test_meetings_not_meetings(text: str) -> None:
    assert _meetings(text) == []


def test_meetings_participant_without_country_takes_the_unrepresented_side() -> None:
    (meeting,) = _meetings(
        "On 6 March 2025, in Brasília, Minister Annalena Baerbock of Germany also met the "
        "Minister of the Environment and Climate Change, Marina Silva."
    )
    assert {p.name: p.country for p in meeting.participants} == {
        "Annalena Baerbock": "DEU",
        "Marina Silva": "BRA",
    }


def test_meetings_place_in_the_topic_is_not_the_venue() -> None:
    text = (
        "RIO DE JANEIRO — British Prime Minister Keir Starmer met Chinese President Xi "
        "Jinping on Monday, March 3, 2025, and the two leaders discussed the war in Ukraine."
    )
    [meeting] = _meetings(text)
    assert (meeting.city, meeting.country) == ("Rio de Janeiro", "BRA")


def test_meetings_first_person_speaker_is_a_participant() -> None:
    text = (
        "Senator the Hon Penny Wong\nMinister for Foreign Affairs\n\nMedia release\n\n"
        "Today I spoke by telephone with Indonesia's Foreign Minister, Sugiono, about the "
        "region."
    )
    [meeting] = _meetings(text)
    assert {p.name for p in meeting.participants} == {"Penny Wong", "Sugiono"}
    assert (meeting.city, meeting.country) == (None, None)


def test_meetings_office_with_a_nationality_names_that_country_s_holder() -> None:
    # Two prime ministers were named: "the Malaysian prime minister" is Anwar.
    meetings = _meetings(
        "KUALA LUMPUR, March 8, 2025 - Prime Minister Anwar Ibrahim of Malaysia and Prime "
        "Minister Paetongtarn Shinawatra of Thailand spoke by phone on Monday.\n\nThe "
        "Malaysian prime minister met Cambodia's Prime Minister Hun Manet in Putrajaya on "
        "Saturday."
    )
    assert [sorted(p.name for p in m.participants) for m in meetings] == [
        ["Anwar Ibrahim", "Paetongtarn Shinawatra"],
        ["Anwar Ibrahim", "Hun Manet"],
    ]


def test_meetings_a_party_title_is_no_mechanism() -> None:
    [meeting] = _meetings(
        "On 8 March 2025, Member of the Political Bureau of the CPC Central Committee and "
        "Foreign Minister Wang Yi held talks with Japanese Foreign Minister Takeshi Iwaya in "
        "Beijing."
    )
    assert (meeting.parties, meeting.mechanism) == (("CHN", "JPN"), None)


def test_meetings_headline_is_no_speaker() -> None:
    # A headline that names an official is not a byline: "we" in a quote adds no party.
    text = (
        "Starmer visits troops in Estonia\n\n"
        "British Prime Minister Keir Starmer met soldiers in Tapa on Friday. "
        '"We are with you," he told them.'
    )
    assert _meetings(text) == []


def test_meetings_an_issuer_s_office_is_its_own_unnamed_official() -> None:
    # On a Downing Street page, "the Prime Minister" is the UK's, never named, not the
    # Italian Prime Minister the page named in the readout before.
    text = (
        "From: Prime Minister's Office, 10 Downing Street\n\n"
        "The Prime Minister met Prime Minister Giorgia Meloni of Italy in London on 5 March "
        "2025.\n\n"
        "The Prime Minister welcomed Taoiseach Micheál Martin to Chequers on 6 March 2025."
    )
    assert [(_shape(m), [p.name for p in m.participants]) for m in _meetings(text)] == [
        (("2025-03-05", ("GBR", "ITA"), "London"), ["Giorgia Meloni"]),
        (("2025-03-06", ("GBR", "IRL"), None), ["Micheál Martin"]),
    ]


def test_meetings_a_readout_s_dated_heading_gives_its_day() -> None:
    # A page of readouts, each under a heading with its day: the second is weeks older than
    # the first, and no look back.
    text = (
        "PM meeting with President Lula of Brazil: 5 March 2025\n\n"
        "British Prime Minister Keir Starmer met President Luiz Inácio Lula da Silva in London "
        "today.\n\n"
        "PM call with Prime Minister Modi of India: 6 February 2025\n\n"
        "Starmer spoke to Prime Minister Narendra Modi of India."
    )
    assert [_shape(m) for m in _meetings(text, dt.date(2025, 3, 5))] == [
        ("2025-03-05", ("BRA", "GBR"), "London"),
        ("2025-02-06", ("GBR", "IND"), None),
    ]


def test_meetings_officials_met_one_by_one_are_meetings_of_their_own() -> None:
    meetings = _meetings(
        "Chinese President Xi Jinping held talks with Brazilian President Luiz Inácio Lula da "
        "Silva in Beijing on 6 March 2025.\n\nChinese Premier Li Qiang and Zhao Leji, Chairman of "
        "the Standing Committee of the National People's Congress, met separately with "
        "President Lula on 6 March 2025."
    )
    chinese = [sorted(p.name for p in m.participants if p.country == "CHN") for m in meetings]
    assert chinese == [["Xi Jinping"], ["Li Qiang"], ["Zhao Leji"]]
    assert {m.parties for m in meetings} == {("BRA", "CHN")}


def test_meetings_second_official_of_the_day_then_is_another_meeting() -> None:
    meetings = _meetings(
        "On 6 March 2025, German Foreign Minister Annalena Baerbock met Chinese Foreign "
        "Minister Wang Yi in Beijing. She was then received by Vice President Han Zheng."
    )
    chinese = [sorted(p.name for p in m.participants if p.country == "CHN") for m in meetings]
    assert chinese == [["Wang Yi"], ["Han Zheng"]]


def test_meetings_lone_surname_the_model_reads_as_a_place_is_the_person() -> None:
    # The model tags "Iwaya" a location; he was named in full earlier in the text.
    meetings = _meetings(
        "BEIJING, December 25, 2024 -- Foreign Minister Wang Yi held talks with Japanese "
        "Foreign Minister Takeshi Iwaya in Beijing.\n\n"
        "Earlier on the same day, Premier Li Qiang met with Iwaya at the Great Hall of the People."
    )
    chinese = [sorted(p.name for p in m.participants if p.country == "CHN") for m in meetings]
    assert chinese == [["Wang Yi"], ["Li Qiang"]]


def test_meetings_a_visit_told_over_recalled_meetings_keeps_its_day() -> None:
    # The day of a meeting told in passing does not move the story; "have spoken since ..."
    # is of no one day; "met A, and held talks with B" is a meeting with each.
    meetings = _meetings(
        "Vilnius, 8 September 2025\n\n"
        "On 8 September 2025, Polish President Karol Nawrocki held talks in Vilnius with "
        "Lithuanian President Gitanas Nausėda.\n\n"
        "He briefed President Nausėda on his meeting with US President Donald Trump in "
        "Washington on 3 September 2025. The two heads of state last met in Warsaw on 28 August "
        "2025. "
        "Since Nawrocki took office, the two Presidents have also spoken by telephone.\n\n"
        "In Vilnius, the President also met the Speaker of the Seimas, Saulius Skvernelis, and "
        "held talks with the Prime Minister-designate, Inga Ruginienė."
    )
    assert [_shape(m) for m in meetings] == [
        ("2025-09-08", ("LTU", "POL"), "Vilnius"),
        ("2025-09-03", ("POL", "USA"), "Washington"),
        ("2025-08-28", ("LTU", "POL"), "Warsaw"),
        (None, ("LTU", "POL"), None),
        ("2025-09-08", ("LTU", "POL"), "Vilnius"),
        ("2025-09-08", ("LTU", "POL"), "Vilnius"),
    ]
    lithuanians = [[p.name for p in m.participants if p.country == "LTU"] for m in meetings[-2:]]
    assert lithuanians == [["Saulius Skvernelis"], ["Inga Ruginienė"]]


def test_meetings_a_tour_s_hosts_the_text_places_nowhere_are_of_the_country_visited() -> None:
    # Tkatchenko and Salwai have no country in the text: the venue's, or the paragraph's.
    meetings = _meetings(
        "15 May 2024\n\n"
        "Foreign Minister Winston Peters has completed the Melanesian leg of his Pacific "
        "mission.\n\n"
        "In Honiara on 12 May 2024, Mr Peters met Prime Minister Jeremiah Manele, who was "
        "sworn in on 2 May.\n\n"
        "In Port Moresby on 13 May 2024, Mr Peters and Foreign Minister Justin Tkatchenko led "
        "their delegations in bilateral talks.\n\n"
        "The delegation arrived in Port Vila on 14 May 2024. On 15 May 2024 Mr Peters held "
        "talks with Prime Minister Charlot Salwai."
    )
    assert [_shape(m) for m in meetings] == [
        ("2024-05-12", ("NZL", "SLB"), "Honiara"),
        ("2024-05-13", ("NZL", "PNG"), "Port Moresby"),
        ("2024-05-15", ("NZL", "VUT"), "Port-Vila"),
    ]


def test_meetings_since_in_the_sentence_before_does_not_void_the_day() -> None:
    # "since" opens a clause of its own sentence only: the next sentence's day is its own.
    meetings = _meetings(
        "Ties have cooled since the election.\n\n"
        "On 3 June 2025, Polish President Andrzej Duda met German Chancellor Olaf Scholz in "
        "Berlin."
    )
    assert [_shape(m) for m in meetings] == [("2025-06-03", ("DEU", "POL"), "Berlin")]


def test_meetings_the_two_of_a_recalled_visit_are_the_visitor_and_whom_he_met() -> None:
    # A forum "where the key players sit together" and "the meeting ... continues the
    # communication between" report nothing; "the two ministers" with Lavrov are he and
    # the Indonesian minister he met, not the Chinese one named since.
    meetings = _meetings(
        "Jakarta, 12 July 2023\n\n"
        "On 12 July 2023, Indonesian Foreign Minister Retno Marsudi held a bilateral meeting "
        "with Russian Foreign Minister Sergey Lavrov in Jakarta. Earlier that afternoon, Retno "
        "had received Chinese Foreign Minister Wang Yi.\n\n"
        "Wang Yi and Lavrov praised ASEAN. Both called the ASEAN Regional Forum a place where "
        "the key players of the region sit together. The meeting in Jakarta continues the "
        "regular communication between the two ministers. Lavrov visited Jakarta in July "
        "2021, when the two ministers held talks at the ministry."
    )
    assert [_shape(m) for m in meetings] == [
        ("2023-07-12", ("IDN", "RUS"), "Jakarta"),
        ("2023-07-12", ("CHN", "IDN"), "Jakarta"),
        (None, ("IDN", "RUS"), None),
    ]


def test_meetings_the_two_leaders_are_those_of_the_meeting_told_last() -> None:
    # The talks with Yoon join the lead's summary; "the two leaders" after them are still
    # he and the President, not the Cook Islands leader named a sentence before.
    meetings = _meetings(
        "JAKARTA, 7 September 2023 -- President Ferdinand Marcos Jr. held bilateral meetings "
        "with the leaders of Korea and the Cook Islands.\n\n"
        "In a separate meeting, the President met Cook Islands Prime Minister Mark Brown.\n\n"
        "The President also held talks with South Korean President Yoon Suk Yeol, with whom he "
        "witnessed the signing of a trade agreement. The two leaders previously met in Phnom "
        "Penh in November 2022."
    )
    assert [_shape(m) for m in meetings][-1] == (None, ("KOR", "PHL"), "Phnom Penh")


def test_meetings_a_courtesy_call_beside_the_talks_is_a_meeting_of_its_own() -> None:
    meetings = _meetings(
        "On 22 August 2023, Vietnamese Foreign Minister Bui Thanh Son held talks with "
        "Australian Foreign Minister Penny Wong in Hanoi. During her stay, Minister Wong paid a "
        "courtesy call on Prime Minister Pham Minh Chinh."
    )
    vietnamese = [[p.name for p in m.participants if p.country == "VNM"] for m in meetings]
    assert vietnamese == [["Bui Thanh Son"], ["Pham Minh Chinh"]]


def test_meetings_a_list_of_encounters_set_apart_by_semicolons_is_one_meeting_each() -> None:
    meetings = _meetings(
        "The letter changed everything: the telephone call in which King Mohammed VI of "
        "Morocco, on 31 March 2022, thanked Spanish Prime Minister Pedro Sánchez; and the "
        "audience at the Royal Palace in Rabat on 7 April 2022, when Sánchez was received by "
        "the King."
    )
    assert [_shape(m) for m in meetings] == [
        ("2022-03-31", ("ESP", "MAR"), None),
        ("2022-04-07", ("ESP", "MAR"), "Rabat"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On 8 May 2025, President Lula telephoned Indian Prime Minister Narendra Modi from Moscow.",
        "On 8 May 2025, Brazilian President Lula phoned Indian Prime Minister Narendra Modi.",
    ],
)
def test_meetings_telephoned_is_a_call_with_no_venue(text: str) -> None:
    meetings = _meetings(text)
    assert [_shape(m) for m in meetings] == [("2025-05-08", ("BRA", "IND"), None)]
    assert meetings[0].cameo == "041"


def test_meetings_a_call_and_then_another_call_are_two_calls() -> None:
    meetings = _meetings(
        "On 11 May 2025, Turkish President Recep Tayyip Erdoğan held a phone call with "
        "President Emmanuel Macron of France and then spoke with Russian President Vladimir "
        "Putin."
    )
    assert [_shape(m) for m in meetings] == [
        ("2025-05-11", ("FRA", "TUR"), None),
        ("2025-05-11", ("RUS", "TUR"), None),
    ]


def test_meetings_sat_down_for_a_breakfast_recalled_by_month() -> None:
    meetings = _meetings(
        "By the time Spanish Foreign Minister José Manuel Albares and Moroccan Foreign Minister "
        "Nasser Bourita sat down for a working breakfast in Barcelona in November 2022, the two "
        "could count seven meetings."
    )
    assert [_shape(m) for m in meetings] == [(None, ("ESP", "MAR"), "Barcelona")]


def test_meetings_an_office_with_an_aside_is_still_the_subject() -> None:
    meetings = _meetings(
        "Spanish Prime Minister Pedro Sánchez held talks with Moroccan King Mohammed VI in "
        "Rabat on 2 February 2023. On 5 February 2023, the King, who was abroad, spoke to "
        "Sánchez by telephone."
    )
    assert [_shape(m) for m in meetings] == [
        ("2023-02-02", ("ESP", "MAR"), "Rabat"),
        ("2023-02-05", ("ESP", "MAR"), None),
    ]


def test_meetings_the_three_leaders_are_those_of_the_last_three_sided_meeting() -> None:
    meetings = _meetings(
        "On 7 April 2025, Egyptian President Abdel Fattah El-Sisi held a trilateral summit in "
        "Cairo with French President Emmanuel Macron and King Abdullah II of Jordan.\n\n"
        "King Abdullah II warned of famine in Gaza. Macron called for more aid.\n\n"
        "During the summit, the three leaders held a joint phone call with US President "
        "Donald Trump."
    )
    assert [m.parties for m in meetings][-2:] == [
        ("EGY", "FRA", "JOR"),
        ("EGY", "FRA", "JOR", "USA"),
    ]


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        (
            "The state visit builds on talks that Prime Cabinet Secretary Musalia Mudavadi held "
            "with President Lourenço in Luanda.",
            [("2025-02-25", ("AGO", "KEN"), "Nairobi"), (None, ("AGO", "KEN"), "Luanda")],
        ),
        # Talks still to be held are no meeting yet.
        (
            "The talks that Kenyan ministers will hold with President Lourenço in Luanda next "
            "month matter.",
            [("2025-02-25", ("AGO", "KEN"), "Nairobi")],
        ),
    ],
)
def test_meetings_talks_that_an_official_held_are_an_earlier_meeting(
    later: str, expected: list[tuple[str | None, tuple[str, ...], str | None]]
) -> None:
    meetings = _meetings(
        "NAIROBI, 25 February 2025 -- Kenyan President William Ruto received Angolan President "
        "João Lourenço at State House. " + later
    )
    assert [_shape(m) for m in meetings] == expected


def test_meetings_an_office_with_a_nationality_may_be_the_one_met() -> None:
    meetings = _meetings(
        "RIYADH, 17 September 2025 -- Saudi Crown Prince Mohammed bin Salman received "
        "Pakistani Prime Minister Shehbaz Sharif in Riyadh. The Crown Prince had also met the "
        "Pakistani Prime Minister in Makkah in June 2025."
    )
    assert [_shape(m) for m in meetings] == [
        ("2025-09-17", ("PAK", "SAU"), "Riyadh"),
        (None, ("PAK", "SAU"), "Makkah"),
    ]
    assert sorted(p.name for p in meetings[1].participants) == [
        "Mohammed bin Salman",
        "Shehbaz Sharif",
    ]


def test_meetings_a_day_in_the_aside_of_a_look_back_does_not_move_the_story() -> None:
    meetings = _meetings(
        "KUALA LUMPUR, 26 October 2025 -- US President Donald Trump met Brazilian President "
        "Luiz Inácio Lula da Silva on Sunday, 26 October 2025.\n\n"
        "Lula, who arrived in Malaysia on Friday, 24 October 2025, had held talks with "
        "Malaysian Prime Minister Anwar Ibrahim.\n\n"
        "Trump also met Thai Prime Minister Anutin Charnvirakul."
    )
    assert [_shape(m) for m in meetings][-1] == ("2025-10-26", ("THA", "USA"), "Kuala Lumpur")


def test_meetings_a_call_noun_s_subject_is_before_the_verb_that_leads_to_it() -> None:
    meetings = _meetings(
        "CAIRO, March 8 -- President Abdel Fattah El-Sisi received King Abdullah II of Jordan "
        "today. The President reviewed these efforts with the US President in a phone call "
        "last Tuesday."
    )
    assert [_shape(m) for m in meetings] == [
        ("2025-03-08", ("EGY", "JOR"), "Cairo"),
        ("2025-03-04", ("EGY", "USA"), None),
    ]


def test_meetings_an_office_is_the_holder_the_body_names_first_not_the_headline() -> None:
    # The headline names the guest in full and the host in a form not linked to him.
    meetings = _meetings(
        "President El-Sisi Holds Talks with French President Macron\n\n"
        "President Abdel Fattah El-Sisi received President Emmanuel Macron of France in Cairo "
        "today. The President had spoken with the US President by phone last Tuesday."
    )
    assert [_shape(m) for m in meetings] == [
        ("2025-03-08", ("EGY", "FRA"), "Cairo"),
        ("2025-03-04", ("EGY", "USA"), None),
    ]


def test_meetings_offices_are_taken_in_the_order_the_sentence_names_them() -> None:
    # "he" is the one who held the meeting told last: the President, named first in it.
    meetings = _meetings(
        "Minister of Foreign Affairs Alberto van Klaveren today accompanied the President of "
        "the Republic, Gabriel Boric Font, in Stockholm. The President and the Foreign "
        "Minister met Prime Minister of Sweden Ulf Kristersson.\n\n"
        "On Monday 3 March, he was received in Berlin by Chancellor Olaf Scholz."
    )
    berlin = next(m for m in meetings if m.city == "Berlin")
    assert [p.name for p in berlin.participants] == ["Gabriel Boric Font", "Olaf Scholz"]


def test_meetings_the_delegation_welcomed_by_a_host_the_text_places_nowhere() -> None:
    meetings = _meetings(
        "Deputy Prime Minister Winston Peters of New Zealand is leading a delegation to the "
        "Pacific.\n\nThe delegation arrived in Port Vila yesterday and was welcomed by "
        "President Nikenike Vurobaravu."
    )
    assert [_shape(m) for m in meetings] == [("2025-03-07", ("NZL", "VUT"), "Port-Vila")]


def test_meetings_a_joint_commission_co_chaired_in_a_when_clause_past_a_name_in_commas() -> None:
    meetings = _meetings(
        "The bilateral agenda was also reviewed in August 2024, when the Minister of Foreign "
        "Affairs of Chile, Alberto van Klaveren, and Indian Minister Subrahmanyam Jaishankar "
        "co-chaired in New Delhi the second session of the India-Chile Joint Commission."
    )
    assert [_shape(m) for m in meetings] == [(None, ("CHL", "IND"), "New Delhi")]


def test_meetings_two_meetings_recalled_by_different_months_are_two_records() -> None:
    meetings = _meetings(
        "The talks were led by Chilean Undersecretary Claudia Sanhueza, who first met Indian "
        "Commerce Minister Piyush Goyal in October 2023.\n\nThe agenda was also reviewed in "
        "August 2024, when Chilean Foreign Minister Alberto van Klaveren and Indian Minister "
        "Subrahmanyam Jaishankar co-chaired in New Delhi the second session of the India-Chile "
        "Joint Commission."
    )
    assert sorted(tuple(p.name for p in m.participants) for m in meetings) == [
        ("Alberto van Klaveren", "Subrahmanyam Jaishankar"),
        ("Claudia Sanhueza", "Piyush Goyal"),
    ]


def test_meetings_two_officials_of_one_side_in_bilateral_talks_are_one_meeting() -> None:
    meetings = _meetings(
        "New Zealand Foreign Minister Winston Peters is touring the Pacific.\n\nIn Port "
        "Moresby on Monday, Mr Peters and Foreign Minister Justin Tkatchenko led their "
        "delegations in bilateral talks, with Prime Minister James Marape heading the Papua "
        "New Guinea side."
    )
    assert [_shape(m) for m in meetings] == [("2025-03-03", ("NZL", "PNG"), "Port Moresby")]
    assert {p.name for p in meetings[0].participants} == {
        "Winston Peters",
        "Justin Tkatchenko",
        "James Marape",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Secretary of State Marco Rubio arrived on 5 March 2025. In Santo Domingo today, "
            "Secretary Rubio saw Foreign Minister Roberto Álvarez and President Luis Abinader "
            "separately.",
            [
                ("2025-03-08", ("DOM", "USA"), "Santo Domingo"),
                ("2025-03-08", ("DOM", "USA"), "Santo Domingo"),
            ],
        ),
        # "saw" a thing is no meeting
        (
            "Secretary of State Marco Rubio saw the new port in Santo Domingo on 5 March 2025.",
            [],
        ),
    ],
)
def test_meetings_saw_an_official_is_a_meeting(text: str, expected: list[tuple]) -> None:
    assert [_shape(m) for m in _meetings(text)] == expected


def test_meetings_a_meeting_told_as_someone_s_then_another_with_its_own_verb_and_day() -> None:
    meetings = _meetings(
        "KUALA LUMPUR, March 8 (Wire) - Australian Prime Minister Anthony Albanese held his "
        "first meeting with Japanese Prime Minister Sanae Takaichi on Thursday evening and met "
        "Chinese Premier Li Qiang on Friday morning."
    )
    assert sorted((str(m.date), m.parties) for m in meetings) == [
        ("2025-03-06", ("AUS", "JPN")),
        ("2025-03-07", ("AUS", "CHN")),
    ]


def test_meetings_held_qualifying_a_noun_holds_no_meeting() -> None:
    meetings = _meetings(
        "French President Emmanuel Macron received US President Joe Biden in Paris on 8 June "
        "2024.\n\nAt the Élysée, the two Presidents held talks.\n\nOn the Middle East, the two "
        "Presidents welcomed the rescue of four hostages held in Gaza and called for the "
        "ceasefire plan outlined by President Biden on 31 May to be implemented."
    )
    assert [_shape(m) for m in meetings] == [("2024-06-08", ("FRA", "USA"), "Paris")]


def test_meetings_an_office_subject_of_a_passive_first_predicate() -> None:
    meetings = _meetings(
        "Prime Minister Anthony Albanese of Australia met Prime Minister Narendra Modi in New "
        "Delhi on 10 March 2023.\n\nThe Prime Minister was accorded a ceremonial welcome at "
        "Rashtrapati Bhavan and paid a courtesy call on the Head of State, President Droupadi "
        "Murmu."
    )
    assert [sorted(p.name for p in m.participants) for m in meetings] == [
        ["Anthony Albanese", "Narendra Modi"],
        ["Anthony Albanese", "Droupadi Murmu"],
    ]


def test_meetings_other_officials_on_the_same_day_are_another_meeting() -> None:
    meetings = _meetings(
        "Kyrgyz President Sadyr Japarov arrived in Astana on 18 April 2024 and was welcomed "
        "at the airport by Kazakh Prime Minister Olzhas Bektenov. On the same day, Kazakh "
        "Foreign Minister Murat Nurtleu and Kyrgyz Foreign Minister Jeenbek Kulubaev held a "
        "meeting of the Council of Foreign Ministers in Astana."
    )
    assert sorted(sorted(p.name for p in m.participants) for m in meetings) == [
        ["Jeenbek Kulubaev", "Murat Nurtleu"],
        ["Olzhas Bektenov", "Sadyr Japarov"],
    ]


def test_meetings_the_head_of_state_is_the_president_the_sentence_does_not_name() -> None:
    meetings = _meetings(
        "Kassym-Jomart Tokayev holds talks with President of Kyrgyzstan Sadyr Japarov\n\n"
        "19 April 2024\n\n"
        "The Head of State held talks at the Akorda in Astana with President of the Kyrgyz "
        "Republic Sadyr Japarov, who is in Kazakhstan on an official visit."
    )
    assert [sorted(p.name for p in m.participants) for m in meetings] == [
        ["Kassym-Jomart Tokayev", "Sadyr Japarov"]
    ]


def test_meetings_a_group_subject_after_a_phrase_of_time() -> None:
    meetings = _meetings(
        "Federal Chancellor Friedrich Merz received the President of Ukraine, Volodymyr "
        "Zelensky, in Berlin on 28 February 2025.\n\nOn 3 March, two days after the Chancellor "
        "had returned home, the two spoke by telephone."
    )
    assert [_shape(m) for m in meetings] == [
        ("2025-02-28", ("DEU", "UKR"), "Berlin"),
        ("2025-03-03", ("DEU", "UKR"), None),
    ]


def test_meetings_a_second_clause_with_its_own_subject_is_another_meeting() -> None:
    meetings = _meetings(
        "On Tuesday 4 March, President Emmanuel Macron received President Volodymyr Zelensky "
        "at the Élysée Palace in Paris, while Prime Minister Keir Starmer held a separate "
        "meeting with the Ukrainian President in London.\n\nPrime Minister Narendra Modi met "
        "President Donald Trump in Washington on Thursday 13 February, and Foreign Minister "
        "S. Jaishankar held talks with Secretary of State Marco Rubio on 14 February."
    )
    assert [(_shape(m), sorted(p.name for p in m.participants)) for m in meetings] == [
        (("2025-03-04", ("FRA", "UKR"), "Paris"), ["Emmanuel Macron", "Volodymyr Zelensky"]),
        (("2025-03-04", ("GBR", "UKR"), "London"), ["Keir Starmer", "Volodymyr Zelensky"]),
        (("2025-02-13", ("IND", "USA"), "Washington"), ["Donald Trump", "Narendra Modi"]),
        (("2025-02-14", ("IND", "USA"), "Washington"), ["Marco Rubio", "S. Jaishankar"]),
    ]


def test_meetings_a_call_to_both_leaders_is_one_call_with_each_days_before() -> None:
    meetings = _meetings(
        "President Abdel Fattah El-Sisi received King Abdullah II of Jordan in Cairo on "
        "Tuesday 4 March. President Donald Trump had phoned both leaders two days earlier."
    )
    assert [_shape(m) for m in meetings] == [
        ("2025-03-04", ("EGY", "JOR"), "Cairo"),
        ("2025-03-02", ("EGY", "USA"), None),
        ("2025-03-02", ("JOR", "USA"), None),
    ]


def test_meetings_a_royal_style_stands_for_the_royal_it_first_named() -> None:
    meetings = _meetings(
        "ABU DHABI, 18th January, 2023 (WAM) -- President His Highness Sheikh Mohamed bin "
        "Zayed Al Nahyan today received Prime Minister Shehbaz Sharif of Pakistan.\n\n"
        "On Monday, His Highness met separately with President Hakainde Hichilema of Zambia "
        "and President Yoweri Museveni of Uganda.",
        published=dt.date(2023, 1, 18),
    )
    assert [_shape(m) for m in meetings] == [
        ("2023-01-18", ("ARE", "PAK"), "Abu Dhabi"),
        ("2023-01-16", ("ARE", "ZMB"), "Abu Dhabi"),
        ("2023-01-16", ("ARE", "UGA"), "Abu Dhabi"),
    ]


def test_meetings_the_days_a_sentence_on_the_call_just_told_names_are_not_its_day() -> None:
    meetings = _meetings(
        "President Joe Biden today received a phone call from President Emmanuel Macron.\n\n"
        "During the call, the two leaders marked the anniversary of the attacks of 13 "
        "November 2015 in Paris.",
        published=dt.date(2023, 11, 13),
    )
    assert [_shape(m) for m in meetings] == [("2023-11-13", ("FRA", "USA"), None)]


def test_meetings_a_city_where_a_gathering_is_to_come_is_no_venue() -> None:
    meetings = _meetings(
        "ABU DHABI, 18th January, 2023 (WAM) -- The conference, which the UAE will host in "
        "Dubai in December, is expected to draw many leaders.\n\nOn Monday, on the sidelines "
        "of the World Future Energy Summit, President Mohamed bin Zayed Al Nahyan met "
        "President Hakainde Hichilema of Zambia.",
        published=dt.date(2023, 1, 18),
    )
    assert [_shape(m) for m in meetings] == [("2023-01-16", ("ARE", "ZMB"), "Abu Dhabi")]


def test_meetings_a_call_to_two_leaders_is_a_call_with_each_unless_joint() -> None:
    meetings = _meetings(
        "On 22 November, President Joe Biden telephoned President Abdel Fattah El-Sisi of "
        "Egypt and the Emir of the State of Qatar, Sheikh Tamim bin Hamad Al Thani.\n\n"
        "On 24 November, President Joe Biden held a joint phone call with President Emmanuel "
        "Macron and Chancellor Olaf Scholz."
    )
    assert [_shape(m) for m in meetings] == [
        ("2024-11-22", ("EGY", "USA"), None),
        ("2024-11-22", ("QAT", "USA"), None),
        ("2024-11-24", ("DEU", "FRA", "USA"), None),
    ]


def test_meetings_the_days_and_places_of_a_visit_told_in_passing() -> None:
    meetings = _meetings(
        "External Affairs Minister S. Jaishankar paid an official visit to Sri Lanka on 19-20 "
        "January 2023. He arrived in Colombo from the Maldives, where on 18 January he called "
        "on President Ibrahim Mohamed Solih.\n\nOn the evening of 19 January, EAM held talks "
        "with Foreign Minister Ali Sabry of Sri Lanka.\n\nOn the second day of the visit, EAM "
        "called on President Ranil Wickremesinghe of Sri Lanka. He briefed the President on "
        "assurances conveyed in a letter dated 16 January. EAM also called on Prime Minister "
        "Dinesh Gunawardena of Sri Lanka.",
        published=dt.date(2023, 1, 20),
    )
    assert [_shape(m) for m in meetings] == [
        ("2023-01-18", ("IND", "MDV"), None),
        ("2023-01-19", ("IND", "LKA"), "Colombo"),
        ("2023-01-20", ("IND", "LKA"), "Colombo"),
        ("2023-01-20", ("IND", "LKA"), "Colombo"),
    ]
    assert meetings[0].country == "MDV"


def test_meetings_leaders_from_a_list_of_states_are_one_meeting() -> None:
    meetings = _meetings(
        "President Donald Trump met President Javier Milei on Tuesday 23 September. He then "
        "sat down with leaders and senior officials from Qatar, Saudi Arabia, Indonesia and "
        "Jordan to discuss ending the war in Gaza."
    )
    assert [m.parties for m in meetings] == [
        ("ARG", "USA"),
        ("IDN", "JOR", "QAT", "SAU", "USA"),
    ]


def test_meetings_a_day_naming_another_occasion_does_not_date_the_meeting() -> None:
    meetings = _meetings(
        "The week's busiest day was Tuesday 23 September in New York. After addressing the "
        "General Assembly, President Donald Trump met President Javier Milei, whom he endorsed "
        "ahead of Argentina's Oct. 26 legislative elections."
    )
    assert [_shape(m) for m in meetings] == [("2024-09-23", ("ARG", "USA"), "New York")]


def test_meetings_after_which_tells_what_came_next_not_an_earlier_meeting() -> None:
    meetings = _meetings(
        "In Ha Noi, Prime Minister Pham Minh Chinh hosted an official welcome ceremony for "
        "Prime Minister Christopher Luxon of New Zealand on 26 February, after which the two "
        "leaders held talks."
    )
    assert [_shape(m) for m in meetings] == [("2025-02-26", ("NZL", "VNM"), "Hanoi")]


def test_meetings_other_officials_meeting_in_parallel_is_another_meeting() -> None:
    meetings = _meetings(
        "Prime Minister Pedro Sánchez held a bilateral meeting with Chancellor Olaf Scholz in "
        "A Coruña on 5 October 2022. In parallel, the Minister of Defence, Margarita Robles, "
        "met the Federal Minister of Defence, Christine Lambrecht."
    )
    assert [sorted(p.name for p in m.participants) for m in meetings] == [
        ["Olaf Scholz", "Pedro Sánchez"],
        ["Christine Lambrecht", "Margarita Robles"],
    ]


def test_meetings_a_readout_on_a_page_of_several_is_where_its_own_heading_places_it() -> None:
    meetings = _meetings(
        "Prime Minister Carney meets with President of Indonesia Prabowo Subianto\n\n"
        "September 24, 2025\nOttawa, Ontario\n\n"
        "Today, Prime Minister Mark Carney welcomed President Prabowo Subianto of Indonesia "
        "to Parliament Hill in Ottawa. They last met in Lima, Peru.\n\n"
        "Prime Minister Carney meets with Premier of China Li Qiang\n\n"
        "September 23, 2025\nNew York, New York\n\n"
        "Prime Minister Mark Carney met with Premier Li Qiang of China on the margins of the "
        "80th session of the United Nations General Assembly.",
        published=dt.date(2025, 9, 24),
    )
    assert ("2025-09-23", ("CAN", "CHN"), "New York") in [_shape(m) for m in meetings]


def test_meetings_a_during_which_clause_after_a_dated_event_is_its_own_recall() -> None:
    meetings = _meetings(
        "Prime Minister Giorgia Meloni today received President Volodymyr Zelensky in Rome."
        "\n\nThe visit comes two weeks after the conference on the reconstruction of Ukraine "
        "hosted by the Government in Rome on 26 April, during which the Prime Minister held "
        "talks with the Prime Minister of Ukraine, Denys Shmyhal."
    )
    assert [(_shape(m), sorted(p.name for p in m.participants)) for m in meetings] == [
        (("2025-03-08", ("ITA", "UKR"), "Rome"), ["Giorgia Meloni", "Volodymyr Zelensky"]),
        (("2024-04-26", ("ITA", "UKR"), "Rome"), ["Denys Shmyhal", "Giorgia Meloni"]),
    ]


def test_meetings_the_meeting_also_attended_by_is_the_one_told_just_before() -> None:
    meetings = _meetings(
        "Prime Minister Giorgia Meloni today received President Volodymyr Zelensky at Palazzo "
        "Chigi in Rome.\n\nBefore coming to Palazzo Chigi, President Zelensky paid a courtesy "
        "call on the President of the Republic, Sergio Mattarella, at the Quirinale Palace. "
        "The meeting, which was also attended by the Minister of Foreign Affairs, Antonio "
        "Tajani, opened with the President welcoming his guest back to the Quirinale, where "
        "the two Heads of State had met before the war."
    )
    assert [sorted(p.name for p in m.participants) for m in meetings] == [
        ["Giorgia Meloni", "Volodymyr Zelensky"],
        ["Antonio Tajani", "Sergio Mattarella", "Volodymyr Zelensky"],
    ]


def test_meetings_a_visit_to_a_city_places_the_host_s_meetings_of_other_days() -> None:
    meetings = _meetings(
        "Minister for Foreign Affairs Vivian Balakrishnan concluded his visit to Jakarta "
        "today.\n\nOn 23 April, Minister Balakrishnan called on President-elect Prabowo "
        "Subianto of Indonesia at the Ministry of Defence.",
        published=dt.date(2024, 4, 26),
    )
    assert [_shape(m) for m in meetings] == [("2024-04-23", ("IDN", "SGP"), "Jakarta")]


def test_meetings_an_office_met_with_no_name_is_of_the_country_visited() -> None:
    meetings = _meetings(
        "Minister for Foreign Affairs Vivian Balakrishnan concluded his visit to Jakarta "
        "today.\n\nDuring the visit, Minister Balakrishnan also met the Coordinating Minister "
        "for Economic Affairs. They discussed investment in Nusantara.\n\nOn 26 April, "
        "Minister Balakrishnan held a bilateral meeting with Foreign Minister Retno Marsudi "
        "of Indonesia.",
        published=dt.date(2024, 4, 26),
    )
    assert [_shape(m) for m in meetings] == [
        (None, ("IDN", "SGP"), "Jakarta"),
        ("2024-04-26", ("IDN", "SGP"), "Jakarta"),
    ]
