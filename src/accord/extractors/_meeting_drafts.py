"""Meeting drafts: one per reporting sentence, split per counterpart and folded per meeting."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Span

from accord.records import Participant, Person, Place

__all__ = [
    "Draft",
    "drop_summaries",
    "drop_undated_repeats",
    "merge_into",
    "split_clauses",
    "split_counterparts",
    "split_officials",
]


@dataclass
class Draft:
    date: dt.date | None
    parties: frozenset[str]
    sentence: Span
    participants: dict[str, Participant] = field(default_factory=dict)
    city: str | None = None
    country: str | None = None
    mechanism: str | None = None
    cameo: str = "040"
    # Reported as apart from the others ("separate talks"): not folded into a wider meeting.
    separate: bool = False
    # The date came from the sentence itself, not from the text read before it.
    dated: bool = True
    # The official who met the others ("Modi held talks with ..."), for "He also met ...".
    host: Person | None = None
    # "also" met someone new: "The chancellor also held talks with Li Keqiang".
    another: bool = False
    # The officials the sentence itself names.
    named: frozenset[str] = frozenset()
    # The one official of a side this meeting was held with, when that side's officials met
    # the other side one by one ("held separate meetings with Li Qiang and Zhao Leji").
    official: str | None = None
    # An earlier meeting told in passing ("The leaders last met ..."), not a lead's detail.
    recalled: bool = False
    # The month a meeting recalled without a day was told in: "in November 2022 and in
    # November 2023" are two meetings.
    month: dt.date | None = None

    def take_part(self, person: Person) -> None:
        """Record `person` as a participant (the first record of a name stands); a
        spokesperson who tells of the meeting took no part in it."""
        if person.title and _SPOKESPERSON.search(person.title):
            return
        self.participants.setdefault(
            person.name, Participant(person.name, person.country, person.title)
        )


_SPOKESPERSON = re.compile(
    r"\bspokes(?:person|man|woman)\b|\bpress\s+(?:secretary|officer)\b", re.I
)


# "held separate talks", "met separately with", "held bilateral meetings with A, B and C",
# "held back-to-back meetings with A and B":
# one meeting apart from the others per counterpart.
SEPARATE = re.compile(
    r"\bseparately\b|\bindividually\b|\brespectively\b|\bseparate\s+(?:[\w-]+\s+){0,2}"
    r"(?:talks|meetings?|bilaterals?|calls?|sessions?|discussions|consultations)\b|"
    r"\bbilateral\s+(?:meetings|talks|calls|discussions)\b|\bbilaterals\b|\bback-to-back\b|"
    # "held his first in-person summits ..., with A and B", "with meetings with A, B and C"
    r"\b(?:summits|meetings)\b(?![^.]*\b(?:joint|trilateral|three-way)\b)|"
    r"\bone after the other\b|\bin turn\b|\bone by one\b|"
    # "had phoned both leaders": a call is with one at a time
    r"\b(?:phoned|called|rang|telephoned|spoke\s+(?:by\s+(?:tele)?phone\s+)?(?:with|to))"
    r"\s+(?:both|each)\b",
    re.IGNORECASE,
)


def _in_or_at(place: Place, text: str) -> bool:
    return (
        text[max(0, place.evidence.start - 4) : place.evidence.start]
        .lower()
        .endswith(("in ", "at "))
    )


def split_counterparts(
    draft: Draft,
    mentions: list[tuple[str, int]],
    *,
    cue: int,
    places: list[Place],
    days: Sequence[tuple[int, dt.date]] = (),
) -> list[Draft]:
    """One meeting of the host's side with each counterpart, not one of all of them:
    "Yoon held separate talks with Li and with Kishida", "held bilateral meetings with A, B
    and C", "met Scholz in Berlin and Macron in Paris" (each with its own place).

    `mentions` holds (country, offset) of the officials and countries the sentence names;
    `days` the (offset, day) of the days it names: "with A and B on Thursday, and on Friday
    with C" dates each counterpart by the day told before it.
    """
    sent = draft.sentence
    host = {country for country, start in mentions if start < cue}
    guests: list[tuple[str, int]] = []
    for country, start in sorted(mentions, key=lambda m: m[1]):
        if start > cue and country not in host and country not in {g for g, _ in guests}:
            guests.append((country, start))
    if len(host) != 1 or len(guests) < 2 or host | {g for g, _ in guests} != set(draft.parties):
        return [draft]
    text = sent.doc.text
    venues: dict[str, Place] = {}
    own_days: dict[str, set[dt.date]] = {}
    for index, (guest, start) in enumerate(guests):
        stop = guests[index + 1][1] if index + 1 < len(guests) else sent.end_char
        own = [p for p in places if start < p.evidence.start < stop and _in_or_at(p, text)]
        if own:
            venues[guest] = own[0]
        own_days[guest] = {day for offset, day in days if start < offset < stop}
    each_own_place = len(venues) == len(guests) and len({v.city for v in venues.values()}) > 1
    # "met Macron on Saturday, and held talks with Kishida on Sunday"
    each_own_day = all(len(d) == 1 for d in own_days.values()) and len(
        set().union(*own_days.values())
    ) == len(guests)
    if not draft.separate and not each_own_place and not each_own_day:
        return [draft]
    several_days = len({day for _, day in days}) > 1
    parts = []
    for guest, start in guests:
        parties = frozenset(host | {guest})
        part = replace(draft, parties=parties, separate=True)
        told_before = [(offset, day) for offset, day in days if offset < start]
        if each_own_day:
            (part.date,) = own_days[guest]
        elif several_days and told_before:
            part.date = max(told_before)[1]
        part.participants = {n: p for n, p in draft.participants.items() if p.country in parties}
        if each_own_place:
            part.city, part.country = venues[guest].city, venues[guest].country
        parts.append(part)
    return parts


def split_clauses(
    draft: Draft,
    at: int,
    mentions: Sequence[tuple[str, int, str | None]],
    *,
    host: Person,
    venues: tuple[Place | None, Place | None],
    days: Sequence[tuple[int, dt.date]] = (),
) -> list[Draft]:
    """The meetings of a sentence that tells two, each of its own clause, the second from
    offset `at` on with `host` its subject: "Macron received Zelensky at the Élysée, while
    President Biden held a separate meeting with the Ukrainian President the same day".

    `mentions` holds (country, offset, official's name or None) of the officials and
    countries the sentence names; an official it does not name (one an office stands for)
    is of the first clause. The second clause meets an official of the first by his country
    alone ("the Ukrainian President"). Each clause keeps its own venue and day, if told.
    """
    first = {c for c, offset, _ in mentions if offset < at}
    second = {c for c, offset, _ in mentions if offset >= at}
    named_first = {n for _, offset, n in mentions if n and offset < at}
    named_second = {n for _, offset, n in mentions if n and offset >= at}
    unnamed = {n for n in draft.participants if n not in named_first | named_second}
    first |= {c for n in unnamed if (c := draft.participants[n].country) is not None}
    if len(first) < 2 or len(second) < 2 or host.name in named_first:
        return [draft]
    parts: list[Draft] = []
    for parties, own, venue, clause_days in (
        (first, named_first | unnamed, venues[0], [d for o, d in days if o < at]),
        (second, named_second, venues[1], [d for o, d in days if o >= at]),
    ):
        sides = {draft.participants[n].country for n in own if n in draft.participants}
        # ("the Ukrainian President": the one official of that side the sentence names)
        met_by_country = {
            n
            for n, p in draft.participants.items()
            if p.country in parties - sides and n not in own
        }
        part = replace(draft, parties=frozenset(parties), separate=True)
        part.participants = {
            n: p for n, p in draft.participants.items() if n in own | met_by_country
        }
        part.named = frozenset(draft.named & own)
        if venue is not None:
            part.city, part.country = venue.city, venue.country
        elif not parts and venues[1] is not None and venues[1].city == draft.city:
            part.city = part.country = None  # (the second's: "while B met C in London")
        if len(set(clause_days)) == 1:
            (part.date,) = set(clause_days)
        parts.append(part)
    # (another meeting of the same sides, not the first told again: "Macron received
    # Zelensky, while Foreign Minister Barrot held talks with Foreign Minister Sybiha")
    parts[1].host, parts[1].another = host, True
    return parts


def split_officials(draft: Draft) -> list[Draft]:
    """One meeting per official of the side the sentence names several of, when they met
    the other side's one official separately: "Lula held separate meetings with Li Qiang and
    Zhao Leji", "Li Qiang and Zhao Leji met separately with President Lula"."""
    if not draft.separate or len(draft.parties) != 2:
        return [draft]
    # (with the host a pronoun or an office stands for: "the President also met A, and held
    # talks with B")
    host = draft.host.name if draft.host is not None else None
    named = [p for n, p in draft.participants.items() if n in draft.named or n == host]
    # An official without a country whom the host met is of the host's counterpart side.
    hosts_side = draft.host.country if draft.host is not None else None
    other_side = next((side for side in draft.parties if side != hosts_side), None)
    by_side = {
        side: [
            p
            for p in named
            if p.country == side or (p.country is None and hosts_side and side == other_side)
        ]
        for side in draft.parties
    }
    several = [side for side, people in by_side.items() if len(people) >= 2]
    single = [side for side, people in by_side.items() if len(people) == 1]
    if len(several) != 1 or len(single) != 1:
        return [draft]
    parts = []
    others = {p.name for p in by_side[several[0]]}
    for official in by_side[several[0]]:
        part = replace(draft, official=official.name)
        part.participants = {
            n: p for n, p in draft.participants.items() if n not in others or n == official.name
        }
        parts.append(part)
    return parts


def _another_meeting(draft: Draft, new: Draft) -> bool:
    """ "also held talks with Li Keqiang": a new official of a side the draft already has."""
    if not new.another:
        return False
    sides = {p.country for p in draft.participants.values()}
    # Against the officials the draft's own sentences name: its paragraph may name more.
    return any(
        name not in draft.named and new.participants[name].country in sides
        for name in new.named
        if name in new.participants
    )


def merge_into(drafts: list[Draft], new: Draft, *, first: Draft | None = None) -> Draft:
    """Fold a second report of the same meeting into the first; the draft that holds it.

    The same meeting is the same date with the same parties, or with some of them (a later
    sentence naming one side's official); a wider set of parties is another meeting (a
    trilateral summit beside a bilateral one). The draft `first`, if given, is tried before
    the others: the one a sentence refers back to ("The meeting, which was also attended
    by ...").
    """
    for draft in ([first] if first is not None else []) + [d for d in drafts if d is not first]:
        # A separate meeting ("held separate talks") is not folded into a wider one.
        # (nor is one folded into a summary of separate meetings: "held a series of
        # bilateral meetings with the heads of state of the five countries")
        fits = new.parties == draft.parties or (
            new.parties < draft.parties and not new.separate and not draft.separate
        )
        # One of officials met one by one is the same meeting only with his own report.
        apart = new.official is not None and (
            draft.official != new.official
            if draft.official is not None
            else new.official not in draft.named
        )
        # Two meetings recalled without a day are told apart by their cities, ...
        # by their months, and a call recalled without a day is no meeting held somewhere.
        elsewhere = draft.date is None and (
            # (two earlier meetings one sentence recalls: "last held talks in Beijing, a
            # year after their first meeting in Bali")
            (draft.recalled and new.recalled and draft.sentence == new.sentence)
            or (None not in (draft.city, new.city) and draft.city != new.city)
            or (None not in (draft.country, new.country) and draft.country != new.country)
            or draft.cameo != new.cameo
            or (None not in (draft.month, new.month) and draft.month != new.month)
        )
        if (
            draft.date == new.date
            and fits
            and not apart
            and not elsewhere
            and not _another_meeting(draft, new)
        ):
            for name, participant in new.participants.items():
                draft.participants.setdefault(name, participant)
            draft.city = draft.city or new.city
            draft.country = draft.country or new.country
            draft.mechanism = draft.mechanism or new.mechanism
            draft.dated = draft.dated or new.dated
            draft.named = draft.named | new.named
            return draft
    drafts.append(new)
    return new


def drop_summaries(drafts: list[Draft]) -> list[Draft]:
    """A summary of separate meetings with several sides ("a tour of five countries, where
    he held bilateral meetings with their heads of state") is no meeting of them all when
    the text tells those meetings one by one."""
    return [
        d
        for d in drafts
        if not (d.separate and len(d.parties) >= 3)
        or sum(1 for e in drafts if e is not d and len(e.parties) == 2 and e.parties < d.parties)
        < 2
    ]


def drop_undated_repeats(drafts: list[Draft]) -> list[Draft]:
    """A lead that sums up meetings the text then dates one by one ("Wang held separate
    talks with his U.S., Japanese and Indian counterparts ... met Blinken on Thursday") is
    not another meeting: an undated draft goes when a later one has its parties and a date
    of its own within days of the lead's. An earlier meeting told in passing is no lead, nor
    is one a year back ("Earlier talks were held in Almaty on November 9, 2023")."""
    return [
        d
        for i, d in enumerate(drafts)
        if d.dated
        or d.recalled
        or d.month is not None  # told in a month of its own: "met in Nice in February"
        or d.another  # "During the visit, he also met ...": one more, no summary of them
        or not any(
            e.dated
            and e.date is not None
            and not e.recalled
            and e.parties == d.parties
            and e.date != d.date
            and _days_apart(d.date, e.date) <= _LEAD_SPAN_DAYS
            for e in drafts[i:]
        )
    ]


# The days a lead's summary spans: "held talks with A, B and C" over a visit or a summit.
_LEAD_SPAN_DAYS = 14


def _days_apart(one: dt.date | None, other: dt.date | None) -> int:
    return 0 if one is None or other is None else abs((one - other).days)
