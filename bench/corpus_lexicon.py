# ruff: noqa: E501  (one lexicon entry to a line reads best)
"""Slot lexicons for the synthetic benchmark corpus: countries, names, titles, bodies, topics.

All entries are our own wording; names of real countries, capitals and international
bodies are public facts, and personal names are common given and family names combined
at random (no entry stands for a real official).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AREAS",
    "BUSINESS_SECTORS",
    "COMPANY_HEADS",
    "COMPANY_TAILS",
    "COUNTRIES",
    "CULTURES",
    "MECHANISM_KINDS",
    "ORGANIZATIONS",
    "PUBLISHERS",
    "REGIONS",
    "SPORTS",
    "TEAM_NICKNAMES",
    "WEATHER_SYSTEMS",
    "Country",
    "Culture",
]


@dataclass(frozen=True)
class Culture:
    """Name pools of one naming tradition; `family_first` puts the family name first."""

    given: tuple[str, ...]
    family: tuple[str, ...]
    family_first: bool = False


CULTURES: dict[str, Culture] = {
    "korean": Culture(
        ("Min-jun", "Seo-yeon", "Ji-ho", "Hye-jin", "Dong-hyun", "Sung-ho", "Young-mi",
         "Jae-won", "Eun-ji", "Tae-yang", "Byung-soo", "Mi-kyung"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
         "Shin"),
        family_first=True,
    ),
    "japanese": Culture(
        ("Hiroshi", "Yuko", "Takeshi", "Naoko", "Kenji", "Akiko", "Daisuke", "Emi", "Masato",
         "Haruka", "Shunsuke", "Rie"),
        ("Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura",
         "Kobayashi", "Sato", "Hayashi", "Mori", "Ishikawa"),
    ),
    "chinese": Culture(
        ("Wei", "Jianguo", "Xiaoming", "Lihua", "Yong", "Hongmei", "Jun", "Fang", "Zhiqiang",
         "Mingyu"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"),
        family_first=True,
    ),
    "indian": Culture(
        ("Arjun", "Priya", "Rahul", "Sunita", "Vikram", "Ananya", "Rajesh", "Kavita", "Sanjay",
         "Meera"),
        ("Sharma", "Iyer", "Patel", "Reddy", "Nair", "Gupta", "Menon", "Singh", "Bose", "Rao"),
    ),
    "arabic": Culture(
        ("Ahmed", "Fatima", "Khalid", "Layla", "Omar", "Noura", "Youssef", "Mariam", "Tariq",
         "Salma"),
        ("Al-Mansouri", "Haddad", "El-Sayed", "Al-Qasimi", "Nasser", "Khoury", "Al-Rashid",
         "Mahmoud", "Bakr", "Farouk"),
    ),
    "hispanic": Culture(
        ("Alejandro", "Lucía", "Carlos", "Valentina", "Javier", "Camila", "Diego", "Isabel",
         "Mateo", "Gabriela"),
        ("García", "Fernández", "López", "Martínez", "Rodríguez", "Morales", "Herrera",
         "Castillo", "Vargas", "Ortega", "García Morales", "Ruiz de la Torre"),
    ),
    "portuguese": Culture(
        ("João", "Ana", "Pedro", "Beatriz", "Rafael", "Mariana", "Lucas", "Fernanda"),
        ("Silva", "Souza", "Oliveira", "Costa", "Pereira", "Almeida", "Carvalho", "Ribeiro"),
    ),
    "french": Culture(
        ("Julien", "Claire", "Mathieu", "Sophie", "Antoine", "Camille", "Nicolas", "Élise",
         "Thomas", "Hélène"),
        ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau",
         "Fontaine", "Chevalier"),
    ),
    "german": Culture(
        ("Lukas", "Anna", "Jonas", "Katrin", "Matthias", "Sabine", "Florian", "Julia", "Tobias",
         "Ursula"),
        ("Müller", "Schmidt", "Becker", "Hoffmann", "Wagner", "Richter", "Keller",
         "Zimmermann", "Braun", "Krüger"),
    ),
    "dutch": Culture(
        ("Sanne", "Pieter", "Lotte", "Joris", "Femke", "Bram"),
        ("Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "van den Berg"),
    ),
    "italian": Culture(
        ("Marco", "Giulia", "Luca", "Francesca", "Alessandro", "Chiara"),
        ("Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Marino"),
    ),
    "anglo": Culture(
        ("James", "Sarah", "Michael", "Emily", "David", "Rachel", "Andrew", "Karen", "Daniel",
         "Megan", "Weldon", "Harriet"),
        ("Thompson", "Campbell", "Walker", "Mitchell", "Robertson", "Clarke", "Hughes",
         "Bennett", "Fraser", "Stewart", "O'Neill", "MacDonald"),
    ),
    "slavic": Culture(
        ("Piotr", "Agnieszka", "Tomasz", "Magdalena", "Andriy", "Oksana", "Marek", "Iryna"),
        ("Nowak", "Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Kowal", "Melnyk",
         "Dudek"),
    ),
    "indonesian": Culture(
        ("Budi", "Siti", "Agus", "Dewi", "Retno", "Hendra", "Rizky", "Putri"),
        ("Santoso", "Rahayu", "Wijaya", "Lestari", "Kusuma", "Gunawan", "Pratama", "Hidayat"),
    ),
    "vietnamese": Culture(
        ("Van Minh", "Thi Lan", "Duc Anh", "Thanh Hai", "Quoc Bao", "Thi Huong"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang"),
        family_first=True,
    ),
    "filipino": Culture(
        ("Maria", "Jose", "Ramon", "Cristina", "Enrique", "Rosario"),
        ("Santos", "Reyes", "Cruz", "Bautista", "Villanueva", "Dela Cruz"),
    ),
    "turkish": Culture(
        ("Mehmet", "Ayşe", "Emre", "Zeynep", "Burak", "Elif", "Serkan", "Deniz"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan"),
    ),
    "east_african": Culture(
        ("Wanjiru", "Baraka", "Amani", "Neema", "Juma", "Zawadi"),
        ("Mwangi", "Otieno", "Kamau", "Njoroge", "Odhiambo", "Wambua"),
    ),
    "nigerian": Culture(
        ("Chinedu", "Ngozi", "Oluwaseun", "Funmilayo", "Emeka", "Adaeze", "Tunde", "Bisi"),
        ("Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Adebayo", "Nwosu", "Ogunleye"),
    ),
    "nordic": Culture(
        ("Erik", "Ingrid", "Lars", "Astrid", "Magnus", "Sigrid"),
        ("Andersen", "Lindqvist", "Johansson", "Haugen", "Nielsen", "Berg"),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Country:
    """One country as the corpus writes about it."""

    name: str  # the everyday short name
    formal: str  # a formal or alternative name used in statements
    adjective: str
    capital: str
    cities: tuple[str, ...]  # other cities where meetings or games happen
    ministry: str  # the foreign ministry as the country itself names it
    foreign_title: str  # the foreign minister's title
    leader_title: str
    cultures: tuple[str, ...]
    region: str


COUNTRIES: tuple[Country, ...] = (
    Country("South Korea", "the Republic of Korea", "South Korean", "Seoul", ("Busan", "Incheon", "Jeju"),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("korean",), "Indo-Pacific"),
    Country("Japan", "Japan", "Japanese", "Tokyo", ("Osaka", "Hiroshima", "Nagoya"),
            "Ministry of Foreign Affairs", "Foreign Minister", "Prime Minister", ("japanese",), "Indo-Pacific"),
    Country("China", "the People's Republic of China", "Chinese", "Beijing", ("Shanghai", "Guangzhou"),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("chinese",), "Indo-Pacific"),
    Country("India", "the Republic of India", "Indian", "New Delhi", ("Mumbai", "Bengaluru", "Chennai"),
            "Ministry of External Affairs", "External Affairs Minister", "Prime Minister", ("indian",), "Indo-Pacific"),
    Country("Canada", "Canada", "Canadian", "Ottawa", ("Toronto", "Vancouver", "Montreal"),
            "Global Affairs Canada", "Minister of Foreign Affairs", "Prime Minister", ("anglo", "french"), "North American"),
    Country("the United States", "the United States of America", "American", "Washington", ("New York", "Honolulu", "San Francisco"),
            "Department of State", "Secretary of State", "President", ("anglo", "hispanic"), "North American"),
    Country("the United Kingdom", "the United Kingdom", "British", "London", ("Edinburgh", "Manchester"),
            "Foreign, Commonwealth and Development Office", "Foreign Secretary", "Prime Minister", ("anglo",), "European"),
    Country("Australia", "the Commonwealth of Australia", "Australian", "Canberra", ("Sydney", "Melbourne", "Perth"),
            "Department of Foreign Affairs and Trade", "Foreign Minister", "Prime Minister", ("anglo",), "Indo-Pacific"),
    Country("New Zealand", "New Zealand", "New Zealand", "Wellington", ("Auckland", "Christchurch"),
            "Ministry of Foreign Affairs and Trade", "Foreign Minister", "Prime Minister", ("anglo",), "Pacific"),
    Country("France", "the French Republic", "French", "Paris", ("Marseille", "Lyon", "Strasbourg"),
            "Ministry for Europe and Foreign Affairs", "Foreign Minister", "President", ("french",), "European"),
    Country("Germany", "the Federal Republic of Germany", "German", "Berlin", ("Munich", "Hamburg", "Bonn"),
            "Federal Foreign Office", "Foreign Minister", "Chancellor", ("german",), "European"),
    Country("Italy", "the Italian Republic", "Italian", "Rome", ("Milan", "Naples"),
            "Ministry of Foreign Affairs and International Cooperation", "Foreign Minister", "Prime Minister", ("italian",), "European"),
    Country("the Netherlands", "the Kingdom of the Netherlands", "Dutch", "The Hague", ("Amsterdam", "Rotterdam"),
            "Ministry of Foreign Affairs", "Foreign Minister", "Prime Minister", ("dutch",), "European"),
    Country("Spain", "the Kingdom of Spain", "Spanish", "Madrid", ("Barcelona", "Seville"),
            "Ministry of Foreign Affairs", "Foreign Minister", "Prime Minister", ("hispanic",), "European"),
    Country("Poland", "the Republic of Poland", "Polish", "Warsaw", ("Kraków", "Gdańsk"),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("slavic",), "European"),
    Country("Ukraine", "Ukraine", "Ukrainian", "Kyiv", ("Lviv", "Odesa"),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("slavic",), "European"),
    Country("Norway", "the Kingdom of Norway", "Norwegian", "Oslo", ("Bergen", "Tromsø"),
            "Ministry of Foreign Affairs", "Foreign Minister", "Prime Minister", ("nordic",), "Arctic"),
    Country("Sweden", "the Kingdom of Sweden", "Swedish", "Stockholm", ("Gothenburg", "Malmö"),
            "Ministry for Foreign Affairs", "Foreign Minister", "Prime Minister", ("nordic",), "European"),
    Country("Mexico", "the United Mexican States", "Mexican", "Mexico City", ("Guadalajara", "Monterrey"),
            "Secretariat of Foreign Affairs", "Foreign Secretary", "President", ("hispanic",), "Latin American"),
    Country("Brazil", "the Federative Republic of Brazil", "Brazilian", "Brasília", ("São Paulo", "Rio de Janeiro"),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("portuguese",), "Latin American"),
    Country("Argentina", "the Argentine Republic", "Argentine", "Buenos Aires", ("Córdoba", "Rosario"),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("hispanic",), "Latin American"),
    Country("Chile", "the Republic of Chile", "Chilean", "Santiago", ("Valparaíso",),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("hispanic",), "Latin American"),
    Country("Indonesia", "the Republic of Indonesia", "Indonesian", "Jakarta", ("Surabaya", "Bali"),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("indonesian",), "Indo-Pacific"),
    Country("Vietnam", "Viet Nam", "Vietnamese", "Hanoi", ("Ho Chi Minh City", "Da Nang"),
            "Ministry of Foreign Affairs", "Foreign Minister", "Prime Minister", ("vietnamese",), "Indo-Pacific"),
    Country("the Philippines", "the Republic of the Philippines", "Philippine", "Manila", ("Cebu", "Davao"),
            "Department of Foreign Affairs", "Foreign Secretary", "President", ("filipino",), "Indo-Pacific"),
    Country("Singapore", "the Republic of Singapore", "Singaporean", "Singapore", (),
            "Ministry of Foreign Affairs", "Foreign Minister", "Prime Minister", ("chinese", "indian"), "Indo-Pacific"),
    Country("Malaysia", "Malaysia", "Malaysian", "Kuala Lumpur", ("Penang",),
            "Ministry of Foreign Affairs", "Foreign Minister", "Prime Minister", ("indonesian",), "Indo-Pacific"),
    Country("Türkiye", "the Republic of Türkiye", "Turkish", "Ankara", ("Istanbul", "Izmir"),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("turkish",), "Middle East"),
    Country("Saudi Arabia", "the Kingdom of Saudi Arabia", "Saudi", "Riyadh", ("Jeddah",),
            "Ministry of Foreign Affairs", "Foreign Minister", "Crown Prince", ("arabic",), "Middle East"),
    Country("the United Arab Emirates", "the UAE", "Emirati", "Abu Dhabi", ("Dubai",),
            "Ministry of Foreign Affairs", "Minister of Foreign Affairs", "President", ("arabic",), "Middle East"),
    Country("Egypt", "the Arab Republic of Egypt", "Egyptian", "Cairo", ("Alexandria", "Sharm El-Sheikh"),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("arabic",), "Middle East"),
    Country("Jordan", "the Hashemite Kingdom of Jordan", "Jordanian", "Amman", ("Aqaba",),
            "Ministry of Foreign Affairs", "Foreign Minister", "King", ("arabic",), "Middle East"),
    Country("Kenya", "the Republic of Kenya", "Kenyan", "Nairobi", ("Mombasa",),
            "Ministry of Foreign and Diaspora Affairs", "Cabinet Secretary for Foreign Affairs", "President", ("east_african",), "African"),
    Country("Nigeria", "the Federal Republic of Nigeria", "Nigerian", "Abuja", ("Lagos",),
            "Ministry of Foreign Affairs", "Foreign Minister", "President", ("nigerian",), "African"),
    Country("South Africa", "the Republic of South Africa", "South African", "Pretoria", ("Cape Town", "Johannesburg"),
            "Department of International Relations and Cooperation", "Minister of International Relations", "President", ("anglo", "nigerian"), "African"),
)  # fmt: skip

ORGANIZATIONS: tuple[tuple[str, str], ...] = (
    ("UN", "the United Nations"),
    ("UNSC", "the United Nations Security Council"),
    ("UNGA", "the United Nations General Assembly"),
    ("G7", "the Group of Seven"),
    ("G20", "the Group of Twenty"),
    ("OECD", "the Organisation for Economic Co-operation and Development"),
    ("APEC", "Asia-Pacific Economic Cooperation"),
    ("NATO", "the North Atlantic Treaty Organization"),
    ("ASEAN", "the Association of Southeast Asian Nations"),
    ("EU", "the European Union"),
    ("WTO", "the World Trade Organization"),
    ("IAEA", "the International Atomic Energy Agency"),
    ("IMF", "the International Monetary Fund"),
    ("World Bank", "the World Bank"),
    ("WHO", "the World Health Organization"),
    ("AU", "the African Union"),
    ("PIF", "the Pacific Islands Forum"),
    ("ARF", "the ASEAN Regional Forum"),
    ("EAS", "the East Asia Summit"),
    ("OSCE", "the Organization for Security and Co-operation in Europe"),
    ("UNHCR", "the UN Refugee Agency"),
    ("WFP", "the World Food Programme"),
    ("CPTPP", "the Comprehensive and Progressive Agreement for Trans-Pacific Partnership"),
)

# Area id -> phrases a text uses for it (ids as in shared/spec/record-format.md).
AREAS: dict[str, tuple[str, ...]] = {
    "international_order": ("the rules-based international order", "multilateralism",
                            "reform of global governance", "respect for international law"),
    "defence_security": ("defence industry cooperation", "nonproliferation", "cyber security",
                         "joint military exercises", "counter-terrorism", "national security"),
    "maritime": ("maritime security", "coast guard cooperation", "freedom of navigation",
                 "the fight against illegal fishing"),
    "trade_economy": ("trade and investment", "resilient supply chains", "economic security",
                      "a free trade agreement", "tariff reductions", "small business exports"),
    "technology": ("artificial intelligence", "semiconductors", "space exploration",
                   "quantum science", "battery technology", "digital infrastructure"),
    "energy_resources": ("energy security", "critical minerals", "liquefied natural gas",
                         "civil nuclear energy", "clean hydrogen"),
    "climate_environment": ("climate change", "the path to net zero", "biodiversity",
                            "clean air and water"),
    "health": ("pandemic preparedness", "public health", "vaccine production"),
    "culture_people": ("youth mobility", "student exchanges", "tourism",
                       "consular cooperation", "cultural exchanges"),
    "development_humanitarian": ("development assistance", "humanitarian aid",
                                 "food security in vulnerable regions"),
    "human_rights": ("human rights", "gender equality", "democratic resilience"),
}  # fmt: skip

REGIONS: tuple[str, ...] = (
    "Indo-Pacific", "North American", "European", "Middle East", "African",
    "Latin American", "Asia-Pacific", "Arctic", "Central Asian",
)  # fmt: skip

# Named dialogue formats; "{a}" and "{b}" take the two countries' short adjectives.
MECHANISM_KINDS: tuple[str, ...] = (
    "{a}-{b} Strategic Dialogue",
    "{a}-{b} Joint Commission",
    "{a}-{b} Foreign and Defence Ministers' Meeting",
    "{a}-{b} Policy Consultations",
    "{a}-{b} High-Level Economic Dialogue",
    "{a}-{b} Indo-Pacific Dialogue",
    "{a}-{b} Economic Security Dialogue",
    "{a}-{b} Summit",
)

PUBLISHERS: tuple[str, ...] = (
    "The Harbour Times", "Capital Ledger", "Pacific Review Weekly", "The Northern Courier",
    "Global Affairs Monitor", "The Institute for Regional Studies", "Continental Post",
    "Policy Quarterly", "The Meridian Herald", "Dispatch International",
)  # fmt: skip

SPORTS: tuple[str, ...] = ("football", "basketball", "rugby", "cricket", "volleyball", "hockey")

TEAM_NICKNAMES: tuple[str, ...] = (
    "Falcons", "Rovers", "Lions", "Mariners", "Comets", "Wolves", "Rangers", "Hornets",
    "Storm", "Pioneers", "Dragons", "United", "Athletic", "Thunder",
)  # fmt: skip

WEATHER_SYSTEMS: tuple[str, ...] = (
    "a slow-moving low-pressure system", "a band of heavy showers", "a cold front",
    "a ridge of high pressure", "a tropical depression", "a warm and humid air mass",
    "a line of thunderstorms", "an early-season snow band",
)  # fmt: skip

COMPANY_HEADS: tuple[str, ...] = (
    "Northgate", "Helix", "Bluewater", "Summit Ridge", "Crescent", "Ironbark", "Lumen",
    "Redstone", "Silverline", "Tidewell", "Orchard", "Keystone",
)  # fmt: skip

COMPANY_TAILS: tuple[str, ...] = (
    "Logistics", "Semiconductor", "Foods", "Energy", "Retail Group", "Motors", "Pharma",
    "Telecom", "Holdings", "Airlines", "Software", "Steel",
)  # fmt: skip

BUSINESS_SECTORS: tuple[str, ...] = (
    "consumer electronics", "freight", "packaged foods", "renewable power", "online retail",
    "electric vehicles", "generic medicines", "mobile networks", "cloud software",
    "regional air travel", "construction materials",
)  # fmt: skip
