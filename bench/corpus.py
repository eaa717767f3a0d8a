# ruff: noqa: E501  (sentence templates read best one to a line)
"""A deterministic generator of synthetic news and diplomatic corpora for the benchmarks.

Documents are assembled from sentence templates and the slot lexicons in
`corpus_lexicon.py`: readouts, joint statements, wire news with datelines, analyses with
footnotes, and non-diplomatic sports, weather and business articles. Lengths follow a
log-normal curve clipped to 150-900 words, like news copy. Document i depends only on
the seed, i and whether it is diplomatic (the seeded shuffle of those flags sets the
exact ratio), so the same arguments always give the same corpus on any machine.

Run as a script to write a corpus for the CLI:
    python bench/corpus.py bench/out/corpus --docs 500 --format jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_lexicon as lex

__all__ = [
    "DIPLOMATIC_KINDS",
    "OTHER_KINDS",
    "CorpusDocument",
    "generate_corpus",
    "generate_documents",
    "word_count",
    "write_corpus",
]

DIPLOMATIC_KINDS = ("readout", "joint_statement", "news", "analysis")
OTHER_KINDS = ("sports", "weather", "business")
# How often each kind is drawn within its group; news dominates, as it does in feeds.
_DIPLOMATIC_WEIGHTS = (3, 2, 4, 2)
_OTHER_WEIGHTS = (1, 1, 1)
# Record-format kinds for the JSONL metadata; non-diplomatic articles are "other".
_RECORD_KIND = {"readout": "readout", "joint_statement": "joint_statement",
                "news": "news", "analysis": "analysis"}  # fmt: skip

MIN_WORDS, MAX_WORDS = 150, 900
# Median about 430 words with a long right tail, clipped: the usual shape of news copy.
_LENGTH_MEDIAN, _LENGTH_SIGMA = 430.0, 0.45

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_T = TypeVar("_T")
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve")


@dataclass(frozen=True)
class CorpusDocument:
    """One generated document and what the generator knows about it."""

    slug: str
    text: str
    kind: str  # one of DIPLOMATIC_KINDS or OTHER_KINDS
    title: str
    published: dt.date
    diplomatic: bool


def word_count(text: str) -> int:
    """Words as the benchmarks count them: runs of non-space characters."""
    return len(text.split())


def _cap(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _uncap(sentence: str) -> str:
    # Only "The two ..."/"Both ..." openings are lowered; names keep their capital.
    if sentence.startswith(("The ", "Both ", "In addition", "They ")):
        return sentence[:1].lower() + sentence[1:]
    return sentence


class _Slots(dict[str, str]):
    """Template slots: fixed ones are stored, the rest are drawn afresh on every use."""

    def __init__(self, draw: Callable[[str], str]) -> None:
        super().__init__()
        self._draw = draw

    def __missing__(self, key: str) -> str:
        return self._draw(key)


class _Writer:
    """Writes one document; all randomness comes from its own seeded Random."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.apostrophe = rng.choice(("'", "’"))
        self.slots = _Slots(self._draw)
        self.footnotes: list[str] = []
        self.published = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
        self.named_orgs: set[str] = set()
        self.extra: dict[str, Callable[[], str]] = {}  # a builder's own slots
        self._decks: dict[int, list[str]] = {}

    # -- small helpers --------------------------------------------------------------------
    def pick(self, items: Sequence[_T]) -> _T:
        return self.rng.choice(items)

    def fill(self, template: str) -> str:
        return _cap(template.format_map(self.slots))

    def deal(self, templates: tuple[str, ...]) -> str:
        """The next template of a shuffled deck: no repeat until every one has been used."""
        deck = self._decks.get(id(templates))
        if not deck:
            deck = list(templates)
            self.rng.shuffle(deck)
            self._decks[id(templates)] = deck
        return deck.pop()

    def sentences(self, templates: tuple[str, ...], low: int, high: int) -> str:
        count = self.rng.randint(low, high)
        return " ".join(self.fill(self.deal(templates)) for _ in range(count))

    def possessive(self, name: str) -> str:
        if name.endswith("s"):
            return f"{name}{self.apostrophe}"
        return f"{name}{self.apostrophe}s"

    def person(self, country: lex.Country) -> tuple[str, str]:
        """A full name and the name used on later mentions."""
        culture = lex.CULTURES[self.pick(country.cultures)]
        given, family = self.pick(culture.given), self.pick(culture.family)
        if culture.family_first:
            return f"{family} {given}", family
        return f"{given} {family}", family

    def date_text(self, day: dt.date) -> str:
        month = _MONTHS[day.month - 1]
        form = self.rng.random()
        if form < 0.5:
            return f"{month} {day.day}, {day.year}"
        if form < 0.8:
            return f"{day.day} {month} {day.year}"
        if form < 0.9:
            return f"{_WEEKDAYS[day.weekday()]}, {month} {day.day}, {day.year}"
        return day.isoformat()

    def relative_day(self, day: dt.date) -> str:
        gap = (self.published - day).days
        if gap == 0:
            return self.pick(("today", f"on {_WEEKDAYS[day.weekday()]}"))
        if gap == 1:
            return self.pick(("yesterday", f"on {_WEEKDAYS[day.weekday()]}"))
        if gap < 7:
            return self.pick((f"on {_WEEKDAYS[day.weekday()]}", "earlier this week"))
        return self.pick(("last week", f"on {_MONTHS[day.month - 1]} {day.day}"))

    def deadline(self) -> str:
        year = self.published.year
        if self.rng.random() < 0.35:
            return ""
        return " " + self.pick((
            "this year", "by the end of this year", f"by {year + 5}", "by 2030", "next month",
            "within six months", f"before the end of {year + 1}", "in the first half of next year",
            f"by {self.pick(_MONTHS)} {year + 1}", "early next year", "later this month",
            "within the year", f"by the end of {year}", "over the next three years",
        ))  # fmt: skip

    def organization(self) -> str:
        short, long = self.pick(lex.ORGANIZATIONS)
        if (
            short in self.named_orgs
            or short == long.removeprefix("the ")
            or self.rng.random() < 0.3
        ):
            return short if short != "World Bank" else "the World Bank"
        self.named_orgs.add(short)
        return f"{long} ({short})"

    def footnote(self) -> str:
        number = len(self.footnotes) + 1
        if self.footnotes and self.rng.random() < 0.25:
            self.footnotes.append("Ibid.")
        else:
            seen = self.published - dt.timedelta(days=self.rng.randint(0, 3))
            headline = self.pick((
                f"{self.slots['A']} and {self.slots['B']} widen their partnership",
                f"What the {self.slots['mech']} means for the region",
                f"New momentum in {self.slots['A_adj']}-{self.slots['B_adj']} relations",
                f"Ministers set out plans on {self.pick(self.pick(tuple(lex.AREAS.values())))}",
            ))  # fmt: skip
            slug = headline.lower().replace(" ", "-").replace("'", "")[:60]
            self.footnotes.append(
                f"“{headline}”, {self.pick(lex.PUBLISHERS)}, "
                f"https://news.example.org/{seen.year}/{seen.month:02d}/{slug}, "
                f"(Date Accessed: {seen.day:02d}.{seen.month:02d}.{seen.year})."
            )
        return f"[{number}]"

    def _draw(self, key: str) -> str:
        rng = self.rng
        if key in self.extra:
            return self.extra[key]()
        areas = tuple(lex.AREAS.values())
        match key:
            case "area" | "area2" | "area3":
                return self.pick(self.pick(areas))
            case "org":
                return self.organization()
            case "summit":
                return self.pick(("G7", "G20", "APEC", "NATO", "ASEAN", "East Asia", "EU"))
            case "weekday":
                return self.pick(_WEEKDAYS)
            case "deadline":
                return self.deadline()
            case "region":
                return self.pick(lex.REGIONS)
            case "nth":
                return _ordinal(rng.randint(2, 12))
            case "num":
                return self.pick(_NUMBER_WORDS)
            case "amount":
                return f"US${rng.randint(5, 120)} billion"
            case "pct":
                return f"{rng.randint(2, 35)}.{rng.randint(0, 9)}"
            case "third":
                return self.pick(lex.COUNTRIES).name
            case "year_old":
                return str(rng.randint(1950, 2015))
            case "hotspot":
                return self.pick((
                    "the Korean Peninsula", "Ukraine", "the Middle East", "the South China Sea",
                    "the Sahel", "Myanmar", "the Red Sea", "Sudan", "Haiti", "the Arctic",
                ))  # fmt: skip
            case "fn":
                return self.footnote()
            case "publisher":
                return self.pick(lex.PUBLISHERS)
            case "cverb":
                return self.pick((
                    "agreed to", "pledged to", "vowed to", "decided to", "plan to", "will",
                    "reaffirmed their resolve to", "undertook to", "committed themselves to",
                ))  # fmt: skip
            case "action":
                return self.pick(_ACTIONS).format_map(self.slots)
            case "demand":
                return self.pick(_DEMANDS)
            case "quote":
                return self.pick(_QUOTES).format_map(self.slots)
        raise KeyError(key)

    # -- shared diplomatic setting ----------------------------------------------------------
    def set_scene(self) -> None:
        """Fix the two countries, officials, place, date and dialogue of a diplomatic text."""
        a, b = self.rng.sample(lex.COUNTRIES, 2)
        self.meeting_day = self.published - dt.timedelta(days=self.rng.randint(0, 9))
        host = self.pick((a, b))
        city = (
            host.capital if self.rng.random() < 0.7 or not host.cities else self.pick(host.cities)
        )
        s = self.slots
        for tag, country, other in (("A", a, b), ("B", b, a)):
            name, short = self.person(country)
            s[tag] = country.name
            s[f"{tag}_formal"] = country.formal
            s[f"{tag}_adj"] = country.adjective
            s[f"{tag}_cap"] = country.capital
            s[f"{tag}_poss"] = self.possessive(country.name)
            s[f"{tag}_city"] = self.pick(country.cities) if country.cities else country.capital
            s[f"{tag}_ministry"] = country.ministry
            s[f"name{tag}"], s[f"short{tag}"] = name, short
            s[f"title{tag}"] = self.pick((
                country.foreign_title, country.foreign_title, "Vice Minister for Political Affairs",
                f"Assistant Deputy Minister for the {country.region}", "Deputy Foreign Minister",
                f"Director-General for {self.pick(lex.REGIONS)} Affairs", "Minister of Trade",
                "Defence Minister", f"Ambassador to {other.name}", "National Security Adviser",
                country.leader_title,
            ))  # fmt: skip
        s["city"] = city
        s["CITY"] = city.upper()
        s["date_abs"] = self.date_text(self.meeting_day)
        s["date_rel"] = self.relative_day(self.meeting_day)
        s["pub"] = self.date_text(self.published)
        s["mech"] = self.pick(lex.MECHANISM_KINDS).format(a=a.adjective, b=b.adjective)
        s["both"] = self.pick(("the two sides", "both countries", f"{a.name} and {b.name}",
                               "the two ministers", "both governments", "they"))  # fmt: skip
        s["year"] = str(self.published.year)

    def build(
        self, header: str, opening: str, body: tuple[Callable[[], str], ...], closing: str
    ) -> str:
        """Paragraphs until the drawn length is reached; the closing paragraph comes last.

        Footnote references written so far count towards the length, since they end the text.
        """
        target = min(
            MAX_WORDS,
            max(MIN_WORDS, int(self.rng.lognormvariate(math.log(_LENGTH_MEDIAN), _LENGTH_SIGMA))),
        )
        paragraphs = [opening]
        words = word_count(header) + word_count(opening) + word_count(closing)

        def total() -> int:
            return words + sum(word_count(ref) + 1 for ref in self.footnotes)

        while total() < target:
            marks = len(self.footnotes)
            paragraph = self.pick(body)()
            if total() + word_count(paragraph) > MAX_WORDS and total() >= MIN_WORDS:
                del self.footnotes[marks:]
                break
            paragraphs.append(paragraph)
            words += word_count(paragraph)
        paragraphs.append(closing)
        return header + "\n\n".join(p for p in paragraphs if p)


# -- diplomatic sentence templates --------------------------------------------------------------
_ACTIONS = (
    "hold the next round of the {mech} in {B_city}{deadline}",
    "launch a joint working group on {area}{deadline}",
    "sign a memorandum of understanding on {area}{deadline}",
    "raise two-way trade to {amount} a year{deadline}",
    "conclude talks on an upgraded trade agreement{deadline}",
    "open a new consulate in {A_city}{deadline}",
    "expand exchanges between their coast guards{deadline}",
    "coordinate their positions within {org}",
    "deepen cooperation on {area} and {area2}",
    "hold regular consultations on {region} affairs",
    "double the number of government scholarships for students{deadline}",
    "finalize a joint roadmap on {area}{deadline}",
    "fund joint research projects in {area}{deadline}",
    "organize a business forum in {B_cap}{deadline}",
    "work together on {area} within {org}",
)
_DEMANDS = (
    "return to negotiations without preconditions", "refrain from further missile launches",
    "respect the ceasefire in full", "release detained aid workers",
    "allow unhindered humanitarian access", "abide by its obligations under international law",
)  # fmt: skip
_QUOTES = (
    "Our partnership has never mattered more than it does today",
    "We share a commitment to {area}, and today we turned it into concrete steps",
    "This visit opens a new chapter in relations between our peoples",
    "We will keep working side by side on {area} and {area2}",
    "Trust between our governments is the foundation for everything else we do",
    "The {region} region needs partners who keep their word, and we intend to be one",
)

_READOUT_OPENINGS = (
    "{titleA} {nameA} met {nameB}, {B_poss} {titleB}, in {city} {date_rel} to discuss {area} and {area2}.",
    "On {date_abs}, {titleA} {nameA} held talks in {city} with {titleB} {nameB} of {B}.",
    "{A_poss} {titleA}, {nameA}, spoke by telephone with {titleB} {nameB} of {B} {date_rel}.",
    "{nameA}, {titleA} of {A}, and {nameB}, {titleB} of {B}, co-chaired the {mech} in {city} on {date_abs}.",
    "On the margins of a meeting of {org} in {city}, {titleA} {nameA} met {B_poss} {titleB}, {nameB}, {date_rel}.",
)  # fmt: skip
_AGENDA = (
    "The two sides reviewed progress on {area}, {area2} and {area3}.",
    "Both officials stressed the importance of {area} for prosperity in the {region} region.",
    "They exchanged views on the situation in {hotspot} and on developments in the {region} region.",
    "{shortA} welcomed the growing cooperation between the two countries in {area}.",
    "{shortB} noted that {A} is one of {B_poss} most important partners in {area}.",
    "The meeting was the {nth} round of consultations between the foreign ministries.",
    "Officials from the {A_ministry} and their counterparts also discussed {area}.",
)  # fmt: skip
_COMMITMENTS = (
    "{both} {cverb} {action}.",
    "{both} {cverb} {action}, officials said.",
    "In addition, {both} {cverb} {action}.",
    "{A} and {B} {cverb} {action}.",
    "The ministers {cverb} {action}.",
    "Both sides {cverb} {action} and to {action}.",
)  # fmt: skip
_NON_COMMITMENTS = (
    "They called on {third} to {demand}.",
    "The ministers condemned recent attacks on commercial shipping near {hotspot}.",
    "Trade between the two countries reached {amount} last year, according to official figures.",
    "The two countries established diplomatic relations in {year_old}.",
    "Observers said the two governments are expected to announce further steps at the next {summit} summit.",
    "Closer ties could lead to new investment in {area}, analysts said.",
    "{A} has long been a supporter of {area} in international forums.",
)  # fmt: skip
_CLOSINGS = (
    "{shortA} invited {shortB} to visit {A_cap} at a mutually convenient time, and the invitation was accepted.",
    "The two officials agreed to stay in close contact.",
    "The next meeting of the {mech} is to take place in {B_cap}.",
    "The {A_ministry} said the talks were held in a warm and constructive atmosphere.",
)  # fmt: skip


def _readout(w: _Writer) -> tuple[str, str]:
    w.set_scene()
    s = w.slots
    title = w.fill(w.pick((
        "Readout of {titleA} {nameA}'s meeting with {titleB} {nameB}",
        "{A} and {B} hold talks in {city}", "Meeting between {A} and {B} on {area}",
    )))  # fmt: skip
    header = f"{title}\n{s['pub']}\n"
    opening = w.fill(w.pick(_READOUT_OPENINGS)) + " " + w.sentences(_AGENDA, 1, 2)
    body = (
        lambda: w.sentences(_AGENDA, 2, 3),
        lambda: w.sentences(_COMMITMENTS, 2, 4),
        lambda: w.sentences(_COMMITMENTS, 1, 2) + " " + w.sentences(_NON_COMMITMENTS, 1, 2),
        lambda: w.fill('"{quote}," {shortA} said.') + " " + w.sentences(_AGENDA, 1, 2),
        lambda: w.sentences(_NEWS_BACKGROUND, 1, 2) + " " + w.sentences(_COMMITMENTS, 1, 1),
    )
    closing = w.sentences(_CLOSINGS, 1, 2)
    return title, w.build(header, opening, body, closing)


_JOINT_PARAGRAPHS = (
    "The two sides welcomed the progress made since the last meeting of the {mech} and {cverb} {action}.",
    "Recognizing the importance of {area}, the two sides {cverb} {action}.",
    "The two sides reaffirmed their support for {area} and for the central role of {org}.",
    "The two sides expressed grave concern over the situation in {hotspot} and called on all parties to {demand}.",
    "The two sides {cverb} {action}. They further {cverb} {action}.",
    "Noting that bilateral trade reached {amount} last year, the two sides {cverb} {action}.",
    "The two sides underlined that {area} and {area2} are pillars of their partnership in the {region} region.",
)  # fmt: skip


def _joint_statement(w: _Writer) -> tuple[str, str]:
    w.set_scene()
    s = w.slots
    theme = w.pick(("a Strategic Partnership", "Economic Security", "Cooperation in the "
                    + w.pick(lex.REGIONS), "Climate and Energy", "Future Cooperation"))  # fmt: skip
    title = f"Joint Statement by {_cap(s['A'])} and {s['B']} on {theme}"
    # Issued on the document's own date, which may be a few days after the meeting.
    header = f"{title}\nIssued in {s['city']}, {s['pub']}\n"
    opening = "1. " + w.fill(
        "{A_formal} and {B_formal} (hereinafter “the two sides”) held the {mech} in {city} on"
        " {date_abs}, led by {titleA} {nameA} and {titleB} {nameB}."
    )
    counter = iter(range(2, 100))
    body = (lambda: f"{next(counter)}. " + w.fill(w.pick(_JOINT_PARAGRAPHS)),)
    closing = w.fill(
        "The two sides agreed to hold the next meeting of the {mech} in {B_cap}{deadline}."
    )
    return title, w.build(header, opening, body, closing)


_NEWS_BACKGROUND = (
    "The visit comes as {A} seeks to broaden its partnerships across the {region} region.",
    "{A} and {B} have stepped up contacts over the past two years, with {num} ministerial visits.",
    "{B} is {A_poss} {nth}-largest trading partner, with two-way trade of about {amount}.",
    "Officials in {B_cap} have described the relationship as a priority for {year}.",
    "The talks took place against the backdrop of rising tension over {hotspot}.",
    "Both countries are members of {org} and have coordinated closely on {area}.",
)  # fmt: skip


def _news(w: _Writer) -> tuple[str, str]:
    w.set_scene()
    s = w.slots
    title = w.fill(w.pick((
        "{A} and {B} agree to deepen ties on {area}", "{A_adj}, {B_adj} ministers meet in {city}",
        "{A} pledges closer cooperation with {B}", "{A_adj} envoy visits {B_cap} as ties grow",
    )))  # fmt: skip
    dateline = w.pick((
        f"{s['CITY']}, {s['pub']} — ", f"{s['CITY']} ({w.pick(lex.PUBLISHERS)}) — ",
        f"{s['CITY']}, {s['pub']} /Newswire/ -- ",
    ))  # fmt: skip
    opening = dateline + w.fill(w.pick(_READOUT_OPENINGS)) + " " + w.sentences(_COMMITMENTS, 1, 1)
    body = (
        lambda: w.sentences(_NEWS_BACKGROUND, 2, 3),
        lambda: (
            w.fill('"{quote}," {shortA} told reporters after the meeting.')
            + " "
            + w.sentences(_COMMITMENTS, 1, 2)
        ),
        lambda: w.sentences(_NON_COMMITMENTS, 2, 3),
        lambda: (
            w.fill("According to a statement from the {A_ministry}, ")
            + _uncap(w.sentences(_COMMITMENTS, 1, 1))
        ),
        lambda: w.sentences(_AGENDA, 2, 3),
    )
    closing = w.fill("{shortB} is scheduled to travel to {third} after the visit.")
    return title, w.build(f"{title}\n\n", opening, body, closing)


_ANALYSIS = (
    "The partnership between {A} and {B} rests on a shared interest in {area}.{fn}",
    "Since the {mech} was launched, the two governments have widened their agenda to include {area} and {area2}.{fn}",
    "For {A}, closer ties with {B} offer a way to diversify its relationships in the {region} region.",
    "Critics argue that statements of intent are easier to make than to implement, particularly on {area}.{fn}",
    "Deeper cooperation could lead to new supply routes and more investment, although much depends on domestic politics.",
    "Both countries are active in {org}, where they have often voted together on {area}.{fn}",
    "The tension over {hotspot} has given the relationship a sharper security dimension.",
    "In the past decade, {B} has emerged as one of {A_poss} most reliable partners on {area}.",
    "Officials agreed to {action}, a step that would give the relationship a concrete timetable.{fn}",
)  # fmt: skip


def _analysis(w: _Writer) -> tuple[str, str]:
    w.set_scene()
    s = w.slots
    author, _ = w.person(w.pick(lex.COUNTRIES))
    title = w.fill(w.pick((
        "Why the {A}-{B} partnership matters for the {region} region",
        "Beyond the communiqué: assessing {A_adj}-{B_adj} cooperation on {area}",
        "{A} and {B}: a partnership in search of substance",
    )))  # fmt: skip
    header = f"{title}\nBy {author}, {w.pick(lex.PUBLISHERS)}\n{s['pub']}\n"
    opening = (
        w.fill(w.pick(_READOUT_OPENINGS))
        + w.footnote()
        + " "
        + w.fill("{both} {cverb} {action}.")
        + w.footnote()
    )
    body = (lambda: w.sentences(_ANALYSIS, 2, 4),)
    closing = w.fill(
        "In short, the relationship between {A} and {B} will be judged by whether these plans"
        " are carried out, not by how often they are announced."
    )
    text = w.build(header, opening, body, closing)
    references = "\n".join(f"[{i}] {ref}" for i, ref in enumerate(w.footnotes, start=1))
    return title, text + "\n\n" + references


# -- non-diplomatic articles -------------------------------------------------------------------
_SPORTS_MOMENTS = (
    "{player} opened the scoring in the {minute} minute after a quick break down the left.",
    "{player} levelled for the visitors shortly before half-time with a low shot.",
    "The decisive moment came when {player} converted from close range with {left} minutes left.",
    "{player} was forced off with a hamstring problem early in the second half.",
    "A crowd of {crowd} watched at the stadium in {home_city}.",
    "{player} made several important saves to keep the home side in front.",
    "{away} pressed hard after the break, and {player} struck the post twice.",
    "The referee waved away two penalty appeals in the first half, to the fury of the home fans.",
    "{player}, signed from a rival club in the summer, was named player of the match.",
    "Rain made the surface slippery, and both sides struggled to keep possession.",
    "{player} was shown a yellow card for a late challenge in the {minute} minute.",
    "The home side had not won at this ground since {season}.",
)  # fmt: skip
_SPORTS_QUOTES = (
    '"We stayed patient and took our chances," {coach} said after the game.',
    '"The players showed a lot of character tonight," said {coach}, who took charge last season.',
    '"There is still a lot to improve before the next round," {coach} admitted.',
    '"I am proud of the way we defended in the last ten minutes," {coach} told reporters.',
    '"We gave them too much space early on," said {rival}, the visiting coach.',
)  # fmt: skip
_SPORTS_TABLE = (
    "The win lifts {home} to {place} place with {points} points from {games} games.",
    "{away} have now lost {lost} of their last {last} matches.",
    "{home} play their next match on {weekday} against the {nickname}.",
    "{away} sit {lower} in the standings, {gap} points behind the leaders.",
    "The league resumes after a two-week break for international fixtures.",
)  # fmt: skip


def _sports(w: _Writer) -> tuple[str, str]:
    rng = w.rng
    home, away = rng.sample(lex.COUNTRIES, 2)
    sport = w.pick(lex.SPORTS)
    if rng.random() < 0.3:  # national teams: countries named in a non-diplomatic text
        t1, t2, city = home.name, away.name, home.capital
    else:  # two clubs of one domestic league
        places = rng.sample((home.capital, *home.cities, home.capital + " City"), 2)
        nicknames = rng.sample(lex.TEAM_NICKNAMES, 2)
        t1, t2, city = f"{places[0]} {nicknames[0]}", f"{places[1]} {nicknames[1]}", places[0]
    s1, s2 = rng.randint(1, 5), rng.randint(0, 4)
    if sport in ("basketball", "rugby"):
        s1, s2 = s1 * 17 + rng.randint(10, 19), s2 * 15 + rng.randint(0, 9)
    s2 = min(s2, s1 - 1)
    coach = w.person(home)[1]
    last = rng.randint(5, 12)
    w.extra.update(
        player=lambda: w.person(w.pick((home, away)))[0],
        minute=lambda: _ordinal(rng.randint(3, 88)),
        left=lambda: str(rng.randint(2, 15)),
        crowd=lambda: f"{rng.randint(8, 60)},{rng.randint(100, 999)}",
        season=lambda: str(w.published.year - rng.randint(2, 12)),
        coach=lambda: coach,
        rival=lambda: w.person(away)[0],
        home=lambda: t1,
        away=lambda: t2,
        home_city=lambda: city,
        place=lambda: w.pick(("first", "second", "third", "fourth", "fifth")),
        points=lambda: str(rng.randint(10, 60)),
        games=lambda: str(rng.randint(18, 30)),
        lost=lambda: str(rng.randint(2, last)),
        last=lambda: str(last),
        lower=lambda: _ordinal(rng.randint(6, 14)),
        gap=lambda: str(rng.randint(3, 20)),
        nickname=lambda: w.pick(lex.TEAM_NICKNAMES),
    )
    title = f"{_cap(t1)} beat {t2} {s1}-{s2} in {sport} thriller"
    opening = (
        f"{city.upper()} — {_cap(t1)} beat {t2} {s1}-{s2} on {w.pick(_WEEKDAYS)} night"
        f" in a {sport} match that stayed tense until the final whistle. "
        + w.sentences(_SPORTS_MOMENTS, 1, 1)
    )
    closing = f"Tickets for the return match against {t2} go on sale next week."
    body = (
        lambda: w.sentences(_SPORTS_MOMENTS, 2, 3),
        lambda: w.sentences(_SPORTS_QUOTES, 1, 1) + " " + w.sentences(_SPORTS_MOMENTS, 1, 2),
        lambda: w.sentences(_SPORTS_TABLE, 2, 3),
    )
    return title, w.build(f"{title}\n\n", opening, body, closing)


_WEATHER_DAYS = (
    "On {weekday}, highs will reach {high}C with lows near {low}C.",
    "Up to {rain} millimetres of rain could fall in the hills north of {city}.",
    "Winds may gust to {wind} km/h along the coast, the weather service said.",
    "Skies should clear by {weekday} afternoon, bringing cooler nights.",
    "Humidity will stay high through {weekday}, making it feel warmer than it is.",
    "Temperatures are forecast to stay about {anomaly} degrees above the seasonal average.",
    "Fog is likely in low-lying areas on {weekday} morning.",
    "The heaviest showers are expected overnight, easing by {weekday}.",
)  # fmt: skip
_WEATHER_ADVICE = (
    '"Drivers should allow extra time and avoid flooded roads," said {forecaster}, a forecaster at the national weather service.',
    "Authorities in {city} opened {shelters} shelters and urged residents to check on elderly neighbours.",
    "Several ferry services were cancelled and airlines warned of delays, {short} said.",
    "Farmers welcomed the rain after weeks of dry conditions, though some warned of crop damage.",
    "Schools in the northern districts will open two hours late on {weekday}.",
    "The power company said crews were on standby to repair damaged lines.",
    "Organizers of the weekend market in {city} said it would go ahead under covered stalls.",
)  # fmt: skip


def _weather(w: _Writer) -> tuple[str, str]:
    rng = w.rng
    country = w.pick(lex.COUNTRIES)
    city = w.pick((country.capital, *country.cities))
    forecaster, short = w.person(country)
    highs: list[int] = []

    def high() -> str:
        highs.append(rng.randint(5, 36))
        return str(highs[-1])

    w.extra.update(
        city=lambda: city,
        high=high,
        low=lambda: str((highs[-1] if highs else 20) - rng.randint(4, 12)),
        rain=lambda: str(rng.randint(10, 120)),
        wind=lambda: str(rng.randint(40, 110)),
        anomaly=lambda: w.pick(_NUMBER_WORDS),
        forecaster=lambda: forecaster,
        short=lambda: short,
        shelters=lambda: str(rng.randint(2, 14)),
    )
    system = w.pick(lex.WEATHER_SYSTEMS)
    title = f"{w.pick(('Heavy rain', 'Strong winds', 'Unsettled weather', 'Storms'))} expected in {city} this weekend"
    opening = (
        f"{system.capitalize()} will bring unsettled weather to {city} and surrounding areas"
        f" from {w.pick(_WEEKDAYS)}, forecasters said. " + w.sentences(_WEATHER_DAYS, 2, 2)
    )
    closing = "The weather service will update its warnings every six hours."
    body = (
        lambda: w.sentences(_WEATHER_DAYS, 2, 3),
        lambda: w.sentences(_WEATHER_ADVICE, 1, 2) + " " + w.sentences(_WEATHER_DAYS, 1, 1),
    )
    return title, w.build(f"{title}\n\n", opening, body, closing)


_BUSINESS_FIGURES = (
    "Revenue came to {revenue} billion dollars, against analyst forecasts of {forecast} billion.",
    "Operating margin {moved} to {margin} percent.",
    "Shares in {company} {went} {pct} percent in early trading in {capital}.",
    "The company said demand for {sector} had {demand} in the second half of the quarter.",
    "Exports to {third} accounted for about a {fraction} of sales.",
    "Net debt fell to {revenue} billion dollars at the end of the period.",
    "Spending on research rose to {margin} percent of sales.",
    "The company cut its headcount by {pct} percent over the year.",
)  # fmt: skip
_BUSINESS_COMMENTS = (
    '"We are investing through the cycle and expect a stronger second half," chief executive {chief} said on a call with analysts.',
    "Analysts at {bank} Securities said the results showed resilient pricing in {sector}.",
    "{short} said higher tariffs and shipping costs would weigh on margins next quarter.",
    "The board approved a dividend of {cents} cents a share, payable next month.",
    "Rating agencies have kept the company's outlook at stable since last year.",
    "{company} also confirmed plans to build a new plant outside {capital}.",
    "Some investors questioned the pace of the company's spending on acquisitions.",
)  # fmt: skip


def _business(w: _Writer) -> tuple[str, str]:
    rng = w.rng
    country = w.pick(lex.COUNTRIES)
    company = f"{w.pick(lex.COMPANY_HEADS)} {w.pick(lex.COMPANY_TAILS)}"
    sector = w.pick(lex.BUSINESS_SECTORS)
    chief, short = w.person(country)
    rise = rng.random() < 0.6
    w.extra.update(
        revenue=lambda: f"{rng.randint(1, 90)}.{rng.randint(0, 9)}",
        forecast=lambda: str(rng.randint(1, 90)),
        moved=lambda: "widened" if rise else "narrowed",
        went=lambda: "rose" if rise else "fell",
        demand=lambda: "picked up" if rise else "cooled",
        margin=lambda: f"{rng.randint(3, 25)}.{rng.randint(0, 9)}",
        company=lambda: company,
        capital=lambda: country.capital,
        sector=lambda: sector,
        fraction=lambda: w.pick(("third", "quarter", "fifth")),
        chief=lambda: chief,
        short=lambda: short,
        bank=lambda: w.pick(lex.COMPANY_HEADS),
        cents=lambda: str(rng.randint(10, 95)),
    )
    pct = f"{rng.randint(2, 40)}.{rng.randint(0, 9)}"
    title = f"{company} reports {pct}% {'rise' if rise else 'fall'} in quarterly profit"
    opening = (
        f"{company}, a {sector} company based in {country.capital}, said on"
        f" {w.pick(_WEEKDAYS)} that net profit {'rose' if rise else 'fell'} {pct} percent"
        " in the latest quarter. " + w.sentences(_BUSINESS_FIGURES, 1, 1)
    )
    closing = f"{company} will publish its full-year results in {w.pick(_MONTHS)}."
    body = (
        lambda: w.sentences(_BUSINESS_FIGURES, 2, 3),
        lambda: w.sentences(_BUSINESS_COMMENTS, 1, 2) + " " + w.sentences(_BUSINESS_FIGURES, 1, 1),
    )
    return title, w.build(f"{title}\n\n", opening, body, closing)


_BUILDERS: dict[str, Callable[[_Writer], tuple[str, str]]] = {
    "readout": _readout,
    "joint_statement": _joint_statement,
    "news": _news,
    "analysis": _analysis,
    "sports": _sports,
    "weather": _weather,
    "business": _business,
}


def generate_documents(
    n: int, *, seed: int = 0, diplomatic_share: float = 0.5
) -> list[CorpusDocument]:
    """`n` documents, round(n * diplomatic_share) of them diplomatic, in a seeded order."""
    if n < 0:
        raise ValueError(f"n must be zero or more, got {n}")
    if not 0.0 <= diplomatic_share <= 1.0:
        raise ValueError(f"diplomatic_share must be between 0 and 1, got {diplomatic_share}")
    n_diplomatic = round(n * diplomatic_share)
    flags = [True] * n_diplomatic + [False] * (n - n_diplomatic)
    random.Random(f"order:{seed}").shuffle(flags)
    documents = []
    for index, diplomatic in enumerate(flags):
        # A string seed is hashed the same way on every run and platform.
        rng = random.Random(f"doc:{seed}:{index}:{diplomatic}")
        if diplomatic:
            kind = rng.choices(DIPLOMATIC_KINDS, weights=_DIPLOMATIC_WEIGHTS)[0]
        else:
            kind = rng.choices(OTHER_KINDS, weights=_OTHER_WEIGHTS)[0]
        writer = _Writer(rng)
        title, text = _BUILDERS[kind](writer)
        slug = f"{index:05d}-{kind.replace('_', '-')}"
        documents.append(
            CorpusDocument(
                slug=slug,
                text=text,
                kind=kind,
                title=title,
                published=writer.published,
                diplomatic=diplomatic,
            )
        )
    return documents


def generate_corpus(
    n: int, *, seed: int = 0, diplomatic_share: float = 0.5
) -> list[tuple[str, str]]:
    """`n` (slug, text) pairs; the same seed and share always give the same corpus."""
    return [
        (d.slug, d.text)
        for d in generate_documents(n, seed=seed, diplomatic_share=diplomatic_share)
    ]


def write_corpus(
    folder: str | Path,
    n: int,
    *,
    seed: int = 0,
    diplomatic_share: float = 0.5,
    fmt: str = "txt",
) -> list[Path]:
    """Write the corpus under `folder`: one SLUG.txt per document, or one corpus.jsonl.

    The JSONL lines carry title, published date and kind ("other" for non-diplomatic
    articles) so `accord ingest` reads the same metadata the generator intended.
    Returns the paths written.
    """
    if fmt not in ("txt", "jsonl"):
        raise ValueError(f"fmt must be 'txt' or 'jsonl', got {fmt!r}")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    documents = generate_documents(n, seed=seed, diplomatic_share=diplomatic_share)
    if fmt == "txt":
        paths = []
        for d in documents:
            path = out / f"{d.slug}.txt"
            path.write_text(d.text + "\n", encoding="utf-8")
            paths.append(path)
        return paths
    path = out / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for d in documents:
            item = {
                "text": d.text,
                "title": d.title,
                "published": d.published.isoformat(),
                "kind": _RECORD_KIND.get(d.kind, "other"),
            }
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    return [path]


def main(argv: list[str] | None = None) -> int:
    """Write a corpus to a folder and print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the documents")
    parser.add_argument("--docs", type=int, default=200, help="number of documents (200)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    parser.add_argument(
        "--diplomatic-share", type=float, default=0.5, help="share of diplomatic texts (0.5)"
    )
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    args = parser.parse_args(argv)
    paths = write_corpus(
        args.folder,
        args.docs,
        seed=args.seed,
        diplomatic_share=args.diplomatic_share,
        fmt=args.format,
    )
    print(f"wrote {args.docs} documents to {len(paths)} file(s) under {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
