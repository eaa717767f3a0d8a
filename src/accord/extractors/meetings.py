"""Meetings: officials of two or more parties meeting, calling, or holding a named dialogue.

A sentence reports a meeting when it has a meeting cue from `nlp/patterns/meetings.yaml`
(a verb such as "met", "spoke", "hosted", or "held" with an event noun), the cue is not
future, hypothetical or negated, and two parties take part: the countries of the officials
named in it, else the countries it names ("I" and "we" speak for the official a release's
header names). Officials of two parties who are together the subject of a dated act at a
place also met. A meeting told inside a clause of time ("since they last met in Kazan in
October 2024") or named as someone's ("her meeting with Li Qiang in New Delhi") is an
earlier meeting of its own. "Separate talks with A and with B" are one meeting per
counterpart. The same meeting reported twice (same date and parties) is one record. CAMEO
codes follow the 04x "consult" family.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from accord.extractors._attendance import attendance_end, gathering_before, join_attendees
from accord.extractors._commitment_parties import mentions_of, we_group
from accord.extractors._meeting_cues import (
    CALL,
    cue_position,
    has_cue,
    is_call,
    load_lexicon,
    qualifies_business,
    recall_clauses,
    second_meeting_clause,
    told_meeting,
)
from accord.extractors._meeting_drafts import (
    SEPARATE,
    Draft,
    drop_summaries,
    drop_undated_repeats,
    merge_into,
    split_clauses,
    split_counterparts,
    split_officials,
)
from accord.extractors._meeting_rules import (
    body_offices,
    day_offset,
    format_acronyms,
    grouping_members,
    headline_report,
    home_country,
    names_an_office,
    occasion,
    office_subject,
    pronoun_subject,
    text_speaker,
    title_references,
    unnamed_side,
)
from accord.extractors._places import (
    dateline_end,
    dateline_place,
    landmark_place,
    located_countries,
    places_nearby,
    venue_of,
    venues_in,
    visited_country,
)
from accord.kb import load_kb
from accord.nlp import parse_sentences
from accord.nlp.components import GAZETTEER_KEY
from accord.records import (
    Annotations,
    CountryMention,
    Evidence,
    Meeting,
    Person,
    Place,
    TimeExpression,
)


@functools.lru_cache(maxsize=1)
def _mechanism_pattern() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in load_lexicon().mechanism_heads)
    word = r"(?:[A-Z][\w.'’&+-]*|\(\d\+\d\)|\d\+\d|of|and|for|on|the|de|\d+(?:st|nd|rd|th)?)"
    return re.compile(rf"\b((?:[A-Z][\w.'’&+-]*|\d\+\d)(?:\s+{word})*?\s+(?:{heads}))\b")


_ORDINALS = re.compile(
    r"^(?:the\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"inaugural|\d+(?:st|nd|rd|th)|annual|latest|next)\s+)+",
    re.IGNORECASE,
)


# "The two leaders", "they": officials named before. "the foreign ministers of Indonesia
# and Malaysia" names its own countries.
_GROUP_SUBJECT = re.compile(
    r"\b(?:the (?:two|three|four)|both|they|the pair|the (?:leaders|ministers|heads|presidents|"
    r"prime ministers|officials|delegations|sides|foreign ministers))\b"
    r"(?!\s+of\s+(?!them\b|us\b))",
    re.IGNORECASE,
)


# A call of three sides or more told as one: "a joint phone call", "a trilateral call".
_JOINT_CALL = re.compile(
    r"\b(?:joint|jointly|together|trilateral|three-way|four-way|conference\s+call|"
    r"videoconference|video\s+conference|virtual\s+(?:meeting|summit)|leaders|all)\b",
    re.IGNORECASE,
)


# A sentence about the meeting told just before: "During the call, ...", "At the talks, ...".
_OF_THE_MEETING_TOLD = re.compile(
    r"\s*(?:During|At|In|Over|Throughout)\s+(?:the|their|this|that)\s+(?:(?:tele)?phone\s+|"
    r"video\s+)?(?:call|meeting|talks|conversation|discussions?|session)\s*,",
    re.IGNORECASE,
)


# The visit a readout's own official made, as the subject: "The visit to Ljubljana ...".
_VISIT_SUBJECT = re.compile(
    r"(?:the|her|his)\s+(?:visit|trip|programme|program|stop|delegation|mission)\b", re.I
)


# A group subject that names offices ("The two Heads of State"): officials, not teams.
_OFFICE_GROUP = re.compile(
    r"\bthe (?:two |three )?(?:heads of (?:state|government)|leaders|presidents|"
    r"prime ministers|(?:foreign )?ministers|officials)\b",
    re.IGNORECASE,
)


# "The foreign ministers of Saudi Arabia and Iran met ...": the officials are named by
# their offices and countries only.
_OFFICES_OF = re.compile(
    r"(?:the\s+)?(?:[a-z]+\s+){0,2}(?:ministers|leaders|presidents|heads of state|"
    r"heads of government|secretaries|envoys|delegations|chiefs|negotiators)\s+(?:of|from)\s",
    re.IGNORECASE,
)


def _recent_parties(sent: Span, annotations: Annotations) -> set[str]:
    """Countries of the officials named in the two sentences before `sent`."""
    return {p.country for p in _recent_officials(sent, annotations) if p.country}


def _recent_officials(sent: Span, annotations: Annotations) -> list[Person]:
    """The officials named in the two sentences before `sent`."""
    doc = sent.doc
    start = sent.start
    for _ in range(2):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    window = (doc[start].idx, sent.start_char)
    return [
        p
        for p in annotations.people
        if p.country and any(window[0] <= m.start < window[1] for m in p.mentions)
    ]


def _last_pair(sent: Span, annotations: Annotations) -> list[Person]:
    """The officials of the last two countries named before `sent`, one each."""
    pair: dict[str, Person] = {}
    for person in reversed(_officials_in_order(annotations, 0, sent.start_char)):
        if person.country:
            pair.setdefault(person.country, person)
        if len(pair) == 2:
            return list(pair.values())
    return []


# The meeting verb's object is a pronoun: "hosted her for breakfast", "received him".
# "..., he was welcomed by President Erdoğan": the pronoun right before the meeting verb.
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+(?:(?:was|had|has|also|then|later)\s+){0,2}$")
_OBJECT_PRONOUN = re.compile(r"\w+\s+(?:him|her)\b(?!\s+(?:counterpart|\w+\s+counterpart))")


# "During the visit, the Foreign Secretary also called on ...", "During her stay in Hanoi",
# "While in the region": the visit told before, not one told here ("During his visit to
# Vienna on 25 June").
_DURING_THE_STAY = re.compile(
    r"\W*(?:(?:during|in the course of)\s+(?:that|this|the|his|her|their)\s+"
    r"(?:(?:official|state|working)\s+)?(?:visit|trip|stay)\b(?!\s+to\b)|"
    # "While in the region, the Secretary also spoke by phone with ...", "While in Port Vila"
    r"while\s+(?:(?:he|she|they)\s+(?:was|were)\s+)?in\b)",
    re.IGNORECASE,
)


# "held bilateral meetings with five leaders over two days": meetings of several days, the
# day of each not told here.
_OVER_DAYS = re.compile(
    r"\bover\s+(?:the\s+)?(?:(?:past|last|next)\s+)?"
    r"(?:two|three|four|five|six|seven|several|a\s+few|\d+)\s+days\b",
    re.IGNORECASE,
)


# "During von der Leyen's visit to New Delhi", "During the state visit to Tokyo".
_DURING_VISIT = re.compile(
    r"(?:During|On the occasion of|In the course of)\s+(?:(?:the|his|her|their)\s+)?"
    r"(?:[\w.'’ -]{1,80}?['’]s\s+)?(?:(?:first|official|state|working)\s+)*visit\s+to\b"
)


def _named_last(annotations: Annotations, country: str | None, *, before: int) -> Person | None:
    """The official of `country` the text named last before `before`."""
    earlier = _officials_in_order(annotations, 0, before)
    return next((p for p in reversed(earlier) if country and p.country == country), None)


def _paragraph_officials(
    sent: Span, annotations: Annotations, *, parties: set[str]
) -> list[Person]:
    """Officials of the meeting's parties named elsewhere in its paragraph ("... met their
    Philippine counterparts. Foreign Secretary Enrique Manalo said ...")."""
    text = sent.doc.text
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char - 1)
    end = len(text) if end == -1 else end
    return [
        p
        for p in annotations.people
        if p.country in parties and any(start <= m.start < end for m in p.mentions)
    ]


def _first_person(sent: Span) -> bool:
    """The sentence speaks in the first person ("Today I spoke ...", "We met ...")."""
    return any(t.lower_ in ("i", "we") and t.pos_ == "PRON" for t in sent)


def _together_somewhere(sent: Span, annotations: Annotations, *, dateline: Place | None) -> bool:
    """The sentence puts its people in a place: a city after "in" or "at", or the dateline's."""
    if dateline is not None and dateline.country:
        return True
    text = sent.doc.text
    return any(
        _inside(p.evidence, sent)
        and text[max(0, p.evidence.start - 3) : p.evidence.start].lower() in ("in ", "at ")
        for p in annotations.places
    )


def _joint_subject(sent: Span, people: list[Person]) -> bool:
    """Officials of two or more parties are together the subject of a reported act: "On 13
    March, at Point Loma in San Diego, Biden, Albanese and Sunak set out ...".

    Only sentences that name officials of two parties, a day and a place are parsed; the
    verb must be in the past tense (a plan or a forecast is not a meeting).
    """
    (sub,) = parse_sentences([sent])
    offset = sent.start_char
    for token in sub:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.tag_ != "VBD":
            continue
        if token.head.lemma_.lower() in load_lexicon().not_held:
            continue
        start = sub[token.left_edge.i].idx + offset
        end = sub[token.right_edge.i].idx + len(sub[token.right_edge.i].text) + offset
        # (an official the text places nowhere counts as a side of his own: the caller
        # only asks when the sentence's venue is abroad)
        countries = {
            p.country or ("" if p.body is None else None)
            for p in people
            if any(start <= m.start < end for m in p.mentions)
        } - {None}
        if len(countries) >= 2:
            return True
    return False


# ", which reviewed the pact concluded last October", ", a pact signed in 2024": a comment
# on something the sentence names, whose date is not the meeting's.
_COMMENT = re.compile(r",\s+(?:which|who|whose|an?)\s")


def _dated_elsewhere(
    times: list[TimeExpression], previous: dt.date | None, *, text: str, cue: int
) -> bool:
    """The sentence dates itself to a period that does not hold the date read so far
    (`cue`: the offset of its meeting verb)."""
    periods = [
        t
        for t in times
        if t.start is not None
        and t.end is not None
        and not (t.evidence.start > cue and _COMMENT.search(text, cue, t.evidence.start))
    ]
    if not periods:
        return False
    return previous is None or not any(
        t.start is not None and t.end is not None and t.start <= previous <= t.end for t in periods
    )


_TIME_PREPOSITION = re.compile(r"\b(?:after|before|since|following|ahead of)\s+$", re.I)


def _token_at(sent: Span, offset: int) -> Token | None:
    return next((t for t in sent if t.idx == offset), None)


def _cue_verb(sent: Span, cue: int) -> Token | None:
    """The sentence's meeting verb (None when the cue is no verb, a noun of meeting)."""
    verb = _token_at(sent, cue)
    return verb if verb is not None and verb.pos_ == "VERB" else None


def _officials_in_order(annotations: Annotations, start: int, end: int) -> list[Person]:
    """The officials with a country mentioned between the offsets, once per mention, in
    the order of their mentions."""
    mentions = [
        (m.start, p)
        for p in annotations.people
        if p.country
        for m in p.mentions
        if start <= m.start < end
    ]
    return [p for _, p in sorted(mentions, key=lambda pair: pair[0])]


def _of_last_meeting(parties: Collection[str | None], last: Draft | None) -> bool:
    """Fewer than two parties, all of them of the meeting told last: the officials a group
    subject ("the two", "they") stands for are that meeting's."""
    return last is not None and len(parties) < 2 and set(parties) <= last.parties


def _met(sent: Span, cue: int) -> bool:
    """The sentence's meeting verb is told in the past: "The leaders last met ..."."""
    verb = _cue_verb(sent, cue)
    return verb is not None and verb.tag_ in ("VBD", "VBN")


def _over_a_period(sent: Span, cue: int) -> bool:
    """The meeting verb is in the present perfect over a span of time, not on a day:
    "Since Nawrocki took office, the two Presidents have also spoken by telephone", "The
    leaders have met three times this year"."""
    verb = _token_at(sent, cue)
    if verb is not None and verb.lemma_ == "have":
        verb = next((t for t in sent.doc[verb.i + 1 : verb.i + 4] if t.tag_ == "VBN"), None)
    if verb is None or verb.tag_ != "VBN":
        return False
    before = sent.doc[max(sent.start, verb.i - 3) : verb.i]
    perfect = any(t.lower_ in ("has", "have") for t in before)
    return perfect and bool(_OVER_A_PERIOD.search(sent.text))


_OVER_A_PERIOD = re.compile(
    r"\bsince\b|\b(?:two|three|four|five|six|several|many|\d+)\s+times\b|\brepeatedly\b",
    re.IGNORECASE,
)


def _recalled_meeting(
    sent: Span,
    annotations: Annotations,
    people: list[Person],
    *,
    cue: int,
    earlier: Draft | None,
) -> bool:
    """Officials of two sides who met (past tense) in a month the sentence names: "When
    Albanese and Chinh met in Canberra in March 2024", "The two had last spoken by phone in
    January" (the officials named just before, else the parties of the meeting told last,
    `earlier`)."""
    text = sent.doc.text
    verb = _token_at(sent, cue)
    if verb is not None and verb.lemma_ == "have":  # "had last spoken"
        verb = next((t for t in sent.doc[verb.i + 1 : verb.i + 4] if t.tag_ == "VBN"), verb)
    if verb is not None and not told_meeting(verb):
        # "Muizzu attended Modi's swearing-in in June, and in August Jaishankar called on
        # Muizzu": a later verb of the sentence tells the meeting.
        verb = next((t for t in sent.doc[verb.i + 1 : sent.end] if told_meeting(t)), None)
        cue = verb.idx if verb is not None else cue
    if verb is None or not told_meeting(verb):
        return False
    countries = {p.country for p in people if p.country}
    if len(countries) < 2 and _GROUP_SUBJECT.search(text, sent.start_char, cue):
        countries |= _recent_parties(sent, annotations)
        if earlier is not None and _of_last_meeting(countries, earlier):
            countries |= earlier.parties
    return (
        len(countries) >= 2
        and any(
            t.precision == "month"
            and _inside(t.evidence, sent)
            and (
                (
                    t.evidence.start > cue
                    and not _OTHER_EVENT_TIME.search(text, cue, t.evidence.start)
                )
                # "Last month, the Crown Prince received a phone call from ...", "..., and in
                # August 2024 Jaishankar called on Muizzu": the time opens the verb's clause
                or (
                    t.evidence.start < cue
                    and _OPENS_CLAUSE.search(text[sent.start_char : t.evidence.start]) is not None
                    and not _CLAUSE_BREAK.search(text, t.evidence.end, cue)
                )
            )
            for t in annotations.times
        )
    )


# A time that opens a clause: at the sentence's start, or after ", and" or ";".
_OPENS_CLAUSE = re.compile(r"(?:^|[,;]\s*(?:and|but|then)?\s*)(?:(?:in|on|during)\s+)?\Z")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|which|who|where|when)\b")


def _last_official(
    sent: Span, annotations: Annotations, earlier: Draft | None, *, others: set[str | None]
) -> Person | None:
    """Whom "he" or "she" opening a sentence stands for: the official who held the meeting
    told last, else the official named last before the sentence; never one of the side of
    the officials the sentence names (`others`: their countries)."""
    if earlier is not None and earlier.host is not None and earlier.host.country not in others:
        return earlier.host
    before = _officials_in_order(annotations, 0, sent.start_char)
    # A tour story's "he" is its protagonist, the official it named first, while he took
    # part in the meeting told last ("In Bamako he was received by Goïta. The next day he
    # held talks with Traoré": not Goïta).
    if (
        before
        and before[0].country not in others
        and (earlier is None or before[0].name in earlier.participants)
    ):
        return before[0]
    return next((p for p in reversed(before) if p.country not in others), None)


def _cued_outside(sent: Span, clauses: list[Span], *, joint: bool) -> bool:
    """The sentence reports a meeting outside its clauses of time as well."""
    doc = sent.doc
    bounds = [sent.start] + [b for c in clauses for b in (c.start, c.end)] + [sent.end]
    parts = [doc[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    return any(len(part) and has_cue(part, joint=joint) for part in parts)


def _named_outside(person: Person, sent: Span, recalls: list[tuple[Span, Token]]) -> bool:
    """The sentence names the person outside its clauses of earlier meetings."""
    return any(
        _inside(m, sent) and not any(_inside(m, clause) for clause, _ in recalls)
        for m in person.mentions
    )


def _add_recalled(
    drafts: list[Draft], sent: Span, annotations: Annotations, recall: tuple[Span, Token]
) -> None:
    venues = venues_in(sent, annotations)
    earlier = drafts[-1] if drafts else None
    draft = _recalled_in_clause(sent, annotations, recall, venues, earlier=earlier, told=drafts)
    if draft is None:
        return
    clause = recall[0]
    cities = list(
        dict.fromkeys((p.city, p.country) for p in venues if p.city and _inside(p.evidence, clause))
    )
    if len(cities) < 2 or draft.date is not None:
        merge_into(drafts, draft)
        return
    # "when Xi received him in Beijing and then in Guangzhou", "talks in Geneva, London and
    # Stockholm": one meeting in each city.
    for city, country in cities:
        part = replace(draft, city=city, country=country)
        part.participants = dict(draft.participants)
        merge_into(drafts, part)


# "a year after their first meeting on the sidelines of the G20 summit in Bali", "since
# their last talks": an earlier meeting told without its date ("his first summit with" is
# as often one to come).
_ORDINAL_MEETING = re.compile(
    r"\b(?:their\s+first|last|previous|earlier)\s+(?:in-person\s+|formal\s+)?"
    r"(?:meeting|talks|summit|conversation|call)\b",
    re.IGNORECASE,
)


def _office_owner(clause: Span, annotations: Annotations, named: list[Person]) -> Person | None:
    """Whose meeting "the Secretary's bilateral meeting with X" is: the official named
    before by the office the owner word opens, when the owner is no name."""
    mark = next((t for t in clause[:4] if t.text in ("'s", "’s")), None)
    if mark is None or mark.i == 0:
        return None
    owner = clause.doc[mark.i - 1]
    if any(m.start <= owner.idx < m.end for p in named for m in p.mentions):
        return None  # "Moosa Zameer's talks": a name
    earlier = [
        p
        for p in annotations.people
        if p.title and p.title.split()[0] == owner.text and p.mentions[0].start < clause.start_char
    ]
    return min(earlier, key=lambda p: p.mentions[0].start, default=None)


def _recalled_in_clause(
    sent: Span,
    annotations: Annotations,
    recall: tuple[Span, Token],
    venues: list[Place],
    *,
    earlier: Draft | None,
    told: Sequence[Draft] = (),
) -> Draft | None:
    """An earlier meeting told inside a clause of time: "relations have improved since he
    and Albanese met in Bali in November last year", "the first visit since April 2019,
    when Moon held talks with Tokayev in the capital". A month dates it without a day."""
    clause, verb = recall
    opener = clause[0]
    text = sent.doc.text
    times = [
        t
        for t in annotations.times
        if opener.idx < t.evidence.start < clause.end_char
        # "since April 2019, when ...", "the February 7 summit at which ...": the time the
        # clause hangs on
        or (
            opener.lower_ in ("when", "which")
            and _inside(t.evidence, sent)
            and 0 <= opener.idx - t.evidence.end <= (2 if opener.lower_ == "when" else 16)
        )
    ]
    when = next((t for t in times if t.precision in ("day", "month")), None)
    in_clause = [
        p
        for p in annotations.people
        if p.country and any(clause.start_char <= m.start < clause.end_char for m in p.mentions)
    ]
    # A recalled meeting is dated by its month or day, or told by its rank ("a year after
    # their first meeting in Bali"), or placed in a city with both sides named in it ("after
    # the Foreign Minister travelled to New Delhi, where he met Prime Minister Modi").
    ranked = _ORDINAL_MEETING.search(text, clause.start_char, verb.idx + len(verb))
    placed = len({p.country for p in in_clause}) >= 2 and any(
        p.city and _inside(p.evidence, clause) for p in venues
    )
    if when is None and not ranked and not placed:
        return None
    before = _officials_in_order(annotations, sent.start_char, clause.start_char)
    subject = text[opener.idx : verb.idx]
    people = list(in_clause)
    holder = _office_owner(clause, annotations, in_clause)
    if holder is not None and holder not in people:
        people.insert(0, holder)  # "the Secretary's bilateral meeting with ..."
    if len({p.country for p in people}) < 2:
        # "during which the Prime Minister held talks with the Prime Minister of Ukraine,
        # Denys Shmyhal": the office the clause's subject names
        offices = title_references(clause, annotations, load_kb(), cue=verb.idx)
        people[:0] = [p for p in offices if p not in people]
    if opener.lower_ == "whom" and before and before[-1] not in people:
        people.append(before[-1])  # "talks with Premier Li, whom he hosted in Wellington"
    if re.match(r"(?:\w+\s+)?(?:he|she|his|her)\b", subject, re.IGNORECASE):
        # "Xi said ... since he and Albanese met", "She ... when she met Xi"
        others = {p.country for p in people}
        person = next((p for p in reversed(before) if p.country not in others), None)
        if person is None or pronoun_subject(sent):
            # ("He informed Nausėda about his meeting with Trump": "his" is the subject's)
            person = _last_official(sent, annotations, earlier, others=others)
        if person is not None and person not in people:
            people.insert(0, person)
    if re.match(r"\s+(?:him|her)\b", text[verb.idx + len(verb) :]):
        # "when President Xi Jinping received him in Beijing": the official named before
        others = {p.country for p in people}
        guest = next((p for p in reversed(before) if p.country not in others), None)
        guest = guest or _last_official(sent, annotations, earlier, others=others)
        if guest is not None and guest not in people:
            people.append(guest)
    # "After talks in New Delhi on 7 October, the two leaders adopted ...": the clause's
    # officials are the main clause's group subject.
    subject_after = text[clause.end_char : clause.end_char + 24]
    grouped = bool(
        _GROUP_SUBJECT.search(subject)
        or opener.lower_ == "their"
        or (verb.i == opener.i + 1 and _GROUP_SUBJECT.match(subject_after.lstrip(", ")))
    )
    if len({p.country for p in people}) < 2 and grouped:
        group = list(dict.fromkeys(before))
        named = {p.country for p in group if p.country}
        pair = _last_pair_with(named, told) if len(named) == 1 else None
        if pair is not None:
            # "Lavrov visited Jakarta in July 2021, when the two Ministers held talks": he
            # and whom he met in the meeting reported last that had his side.
            (other,) = pair - named
            counterpart = _named_last(annotations, other, before=sent.start_char)
            group += [counterpart] if counterpart is not None else []
        elif len(named) < 2:
            group = _recent_officials(sent, annotations)  # "since they last met in Kazan"
        people += [p for p in group if p not in people]
    parties = frozenset(p.country for p in people if p.country)
    if verb.lemma_ == "visit" and len(parties) == 1:
        # "when she visited Manila in July 2023": the visited city's state received her
        hosts = {
            p.country for p in venues if p.country and p.evidence.start == verb.idx + len(verb) + 1
        }
        parties |= hosts
    carried = grouped and _of_last_meeting(parties, earlier)
    if carried and earlier is not None:
        # "after the two prime ministers held talks in Hanoi" a paragraph after their
        # meeting: the leaders of the meeting told last.
        parties = earlier.parties
    if len(parties) < 2:
        return None
    date = when.start if when is not None and when.precision == "day" else None
    draft = Draft(date=date, parties=parties, sentence=sent)
    draft.dated = date is not None
    draft.recalled = True
    # (its month tells it apart from another meeting recalled without a day)
    draft.month = when.start if when is not None and when.precision == "month" else None
    draft.named = frozenset(p.name for p in in_clause)
    # "when she met Xi": she, for a "her meeting with" after it
    draft.host = people[0] if people else earlier.host if earlier is not None else None
    for person in people:
        draft.take_part(person)
    if carried and earlier is not None:
        for name, participant in earlier.participants.items():
            draft.participants.setdefault(name, participant)
    places = [p for p in venues if _inside(p.evidence, clause)]
    # "In Beijing, ..., when Meloni held talks with Li at the Great Hall of the People"
    landmark = landmark_place(clause)
    nearby = (
        places
        or ([landmark] if landmark else [])
        # (an undated one, told by its rank, is not placed by the sentence's other places)
        or ([p for p in venues if _in_or_at(p, sent)] if when is not None else [])
    )
    if nearby:
        venue = venue_of(sent, nearby)
        draft.city, draft.country = venue.city, venue.country
    draft.mechanism = _mechanism(clause)
    draft.cameo = CALL if is_call(clause, placed=bool(places)) else _cameo(clause, draft)
    return draft


# "held talks ... after the Taliban seized Kabul last month": the month dates another event.
_OTHER_EVENT_TIME = re.compile(r"\b(?:after|since|before|following|until|when)\b", re.I)


# "who conveyed his good wishes to Prime Minister Mark Carney", "a message from X",
# "on behalf of President X": an official the words reach, not one who was there;
# "Before the summit with Prime Minister Ishiba, the President also met ...": an official
# whose meeting dates the sentence's.
_ABSENT = re.compile(
    r"\b(?:(?:greetings|wishes|regards|message|letter|condolences)\s+(?:to|from)|"
    r"on\s+behalf\s+of|"
    r"(?:before|after|following|ahead\s+of)\s+(?:the|their|his|her)\s+"
    r"(?:summit|meeting|talks|call)\s+with)\s+(?:[\w.'’-]+\s+){0,5}$",
    re.IGNORECASE,
)


def _time_reference(mention: Evidence, text: str) -> bool:
    """ "Three months after Biden's visit, Xi ...": an official whose event dates the
    sentence, not one who took part in its meeting."""
    before = text[max(0, mention.start - 20) : mention.start]
    return bool(_TIME_PREPOSITION.search(before)) and text[mention.end : mention.end + 2] in (
        "'s",
        "’s",
    )


_TRAILING_MARKERS = re.compile(r"(?:\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)+\s*$")


def _is_reported_sentence(sent: Span) -> bool:
    """A sentence of the body, not a headline: it ends with a full stop or a quote (before
    any footnote marker)."""
    text = _TRAILING_MARKERS.sub("", sent.text.rstrip())
    return text[-1:] in (".", "!", '"', "”", "’", ")")


def _names_event(sent: Span) -> bool:
    text = sent.text.lower()
    return any(re.search(rf"\b{re.escape(noun)}\b", text) for noun in load_lexicon().event_nouns)


def _inside(evidence: Evidence, sent: Span) -> bool:
    return sent.start_char <= evidence.start < sent.end_char


_OFFICE_OF = re.compile(r"(?:the\s+)?((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)\s+of\b")


def _mechanism(sent: Span) -> str | None:
    """A named dialogue or summit in the sentence; after "on the margins of" it wins."""
    text = sent.text
    kb = load_kb()
    # "President of the European Council" is an office, not a meeting format.
    candidates = [
        m
        for m in _mechanism_pattern().finditer(text)
        if not any(kb.title(o.group(1)) for o in _OFFICE_OF.finditer(m.group(1)))
    ]
    if not candidates:
        return None  # (most sentences: the document's spans are not scanned)
    # Nor is "Member of the Political Bureau of the CPC Central Committee", a title the
    # reference data knows whole.
    titles = [
        (s.start_char - sent.start_char, s.end_char - sent.start_char)
        for s in sent.doc.spans[GAZETTEER_KEY]
        if s.label_ == "TITLE" and sent.start_char <= s.start_char < sent.end_char
    ]
    candidates = [m for m in candidates if not any(a <= m.start(1) < b for a, b in titles)]
    if not candidates:
        return None
    lowered = text.lower()
    margin_at = [lowered.find(m) for m in load_lexicon().margins[:3] if m in lowered]
    chosen = candidates[0]
    if margin_at:
        after = [c for c in candidates if c.start() > min(margin_at)]
        chosen = after[0] if after else chosen
    name = _ORDINALS.sub("", chosen.group(1)).strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return name if len(name.split()) >= 2 or "+" in name else None


_SINCE = re.compile(r"\bsince\b[^,;.\n]*$", re.IGNORECASE)
# "met Prime Minister Jeremiah Manele, who was sworn in on 2 May": the day the official
# took office. (Not any relative clause: "X, who arrived on Monday, met ..." dates it.)
_RELATIVE_CLAUSE = re.compile(
    r",\s+who\s+(?:was|had\s+been|has\s+been)\s+(?:sworn\s+in|elected|appointed|inaugurated|"
    r"re-elected)\b[^,;.\n]*$|,\s+who\s+(?:took|assumed)\s+office\b[^,;.\n]*$"
)


def _long_before(times: list[TimeExpression], lead: dt.date | None) -> bool:
    """Every day the sentence writes out falls weeks before the story's first meeting ("On 10
    May, the Chancellor travelled to Kyiv" in a report of talks on 28 May): a look back."""
    days = [t.start for t in times if t.precision == "day" and t.start and not day_offset(t.text)]
    return lead is not None and bool(days) and all(d < lead - _LOOK_BACK for d in days)


_LOOK_BACK = dt.timedelta(days=7)


def _dated_heading(sent: Span, times: list[TimeExpression]) -> bool:
    """A heading line of its own that ends with its day: "PM meeting with Prime Minister
    Tusk of Poland: 18 July 2024"."""
    line = sent.text.strip()
    return (
        "\n" not in line
        and not _is_reported_sentence(sent)
        and any(t.precision == "day" and line.endswith(t.evidence.text) for t in times)
    )


def _only_relative_days(times: list[TimeExpression]) -> bool:
    """No day of the sentence is written out: "A day earlier", "The following day"."""
    return all(t.precision != "day" or day_offset(t.text) for t in times)


def _flashback(sent: Span, times: list[TimeExpression]) -> bool:
    """The sentence's days are told in the past perfect ("a subject they had taken up in a
    telephone conversation on June 9", "He had spoken with X on June 12"): a look back that
    does not move the story's day."""
    days = [t for t in times if t.precision == "day"]
    if not days:
        return False  # (most sentences: no token scan)
    had = next(
        (
            t
            for t in sent
            if t.lower_ == "had" and any(u.tag_ == "VBN" for u in t.doc[t.i + 1 : t.i + 4])
        ),
        None,
    )
    # ("The Brazilian leader, who arrived in Malaysia on Friday ..., had held talks with
    # Anwar": the day of the aside is of the look back too)
    text = sent.doc.text
    return had is not None and all(
        t.evidence.start > had.idx
        or _WHO_ASIDE.search(text, sent.start_char, t.evidence.start) is not None
        for t in days
    )


# ", who arrived in Malaysia on Friday": an aside on an official, up to the day.
_WHO_ASIDE = re.compile(r",\s+who\b[^;]*$")


def _day_date(times: list[TimeExpression], *, after: int, text: str = "") -> dt.date | None:
    """The day the sentence names, preferring the first one after the meeting cue; a day
    after "since" ("the first meeting since she took office on 13 September") is another
    event's."""
    days = [
        t
        for t in times
        if t.precision == "day"
        and t.start is not None
        and not (
            text
            and (
                _SINCE.search(text, max(0, t.evidence.start - 60), t.evidence.start)
                or _RELATIVE_CLAUSE.search(text, max(0, t.evidence.start - 60), t.evidence.start)
            )
        )
    ]
    # ("Sunday's text built on a meeting ... on October 23": a day owning something other
    # than a meeting names that thing's day, not the meeting's)
    own = [t for t in days if not (text and _owns_no_meeting(text, t.evidence.end))]
    days = own or days
    later = [t for t in days if t.evidence.start >= after]
    chosen = (later or days)[:1]
    return chosen[0].start if chosen else None


# "On the second day of the visit, EAM called on ...": counted from the visit's first day.
_DAY_OF_THE_VISIT = re.compile(
    r"\b(?:on|during)\s+the\s+(first|second|third|fourth|fifth|opening|final|last|closing)"
    r"\s+day\s+of\s+(?:the|his|her|their|this)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|stay)\b",
    re.IGNORECASE,
)
_DAYS_IN = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


def _day_of_the_visit(sent: Span, times: Sequence[TimeExpression]) -> dt.date | None:
    """The day "On the second day of the visit" tells, from the span of days the text gave
    the visit before ("paid an official visit to Sri Lanka on 19-20 January 2023")."""
    told = _DAY_OF_THE_VISIT.search(sent.text)
    if told is None:
        return None
    visits = [
        t
        for t in times
        if t.precision == "interval"
        and t.start
        and t.end
        and t.evidence.end <= sent.start_char
        and 0 < (t.end - t.start).days <= 14
    ]
    if not visits:
        return None
    visit, ordinal = visits[-1], told.group(1).lower()
    assert visit.start is not None and visit.end is not None  # (checked above)
    if ordinal not in _DAYS_IN:
        return visit.end  # "On the final day of the visit"
    day = visit.start + dt.timedelta(days=_DAYS_IN[ordinal])
    return day if day <= visit.end else None


def _where_clause_country(
    text: str, sent: Span, annotations: Annotations, places: list[Place], *, cue: int
) -> str | None:
    """The country a ", where" clause that tells the meeting is about ("from the Maldives,
    where on 18 January he called on ..."), when the sentence names it right before and
    the clause names no city of its own ("to Israel, where he held talks in Tel Aviv")."""
    where = text.find(", where ", sent.start_char, cue)
    if where < 0 or any(p.evidence.start > where for p in places):
        return None
    return next((c.iso3 for c in annotations.countries if c.evidence.end == where), None)


# "ahead of Argentina's Oct. 26 legislative elections", "the 9 May parade": a day that
# names another occasion (not "the 3 May meeting", "their 14 June talks").
_OCCASION_DAY_BEFORE = re.compile(r"(?:'s|’s|\b(?:the|its|their|his|her))\s+$", re.I)
_OCCASION_DAY_AFTER = re.compile(
    r"\s+(?!(?:in|at|on|and|to|with|for|when|where|as|by|of|or|the|a|an|"
    r"meeting|meetings|talks|summit|call|visit|session|dialogue|consultations|conversation)\b)"
    r"[A-Za-z]",
    re.I,
)


def _names_another_occasion(text: str, evidence: Evidence) -> bool:
    return bool(
        _OCCASION_DAY_BEFORE.search(text, max(0, evidence.start - 8), evidence.start)
        and _OCCASION_DAY_AFTER.match(text, evidence.end)
    )


def _owns_no_meeting(text: str, end: int) -> bool:
    """The day ending at `end` owns a noun that is no meeting: "Sunday's text"."""
    owned = re.match(r"['’]s\s+([\w-]+)", text[end : end + 40])
    return owned is not None and owned.group(1).lower() not in load_lexicon().event_nouns


def find_meetings(
    doc: Doc, *, annotations: Annotations, published: dt.date | None
) -> list[Meeting]:
    """Every meeting the document reports, one record per distinct meeting."""
    annotations = _with_body_parties(annotations, doc.text)
    drafts: list[Draft] = []
    # The meeting the last sentence that told one was about (a draft it may have joined).
    told_last: Draft | None = None
    told_in: Span | None = None  # (and the sentence that told it)
    previous_date: dt.date | None = None
    text = doc.text  # (spaCy builds it from the tokens on every access)
    dateline = dateline_place(text, annotations)
    skip_before = dateline_end(text)
    # "TOKYO, June 3 (Reuters) -": the filing day stands in for an undated meeting's day.
    filed = _day_date([t for t in annotations.times if t.evidence.end <= skip_before], after=0)
    speaker = text_speaker(text, annotations)
    home = home_country(text, annotations)
    dateline_country = dateline.country if dateline is not None else None
    # "We, the Leaders of the G7 and of the EU, met in Hiroshima": the statement's "we".
    statement_group = set(we_group(text, mentions_of(annotations), load_kb(), on=published))
    formats = format_acronyms(text, annotations, load_kb())
    headline: Span | None = None
    in_header = True  # lines before the first sentence of the body
    story_date: dt.date | None = None
    flashback = looked_back = False
    for sent in doc.sents:
        if flashback:
            previous_date = story_date  # the story goes on from where it was before
        story_date = previous_date
        times = [
            t
            for t in annotations.times
            if _inside(t.evidence, sent)
            and t.evidence.start >= skip_before
            # ("in a letter dated 16 January": a paper's day, not the story's)
            and not text.endswith("dated ", 0, t.evidence.start)
            and not _names_another_occasion(text, t.evidence)
        ]
        # "During the call, the Vice President marked the anniversary of the attacks of 17
        # January 2022 in Abu Dhabi": its days and places are of what was said at the
        # meeting just told.
        of_the_told = told_last is not None and bool(_OF_THE_MEETING_TOLD.match(sent.text))
        if of_the_told:
            times = []
        # Whether the day written last (which "A day earlier" counts from) was a look back.
        looked_back = flashback or (looked_back and _only_relative_days(times))
        lead = next((d.date for d in drafts if d.date and d.dated and not d.recalled), None)
        # (a page of readouts heads each with its own day: "PM call with Prime Minister Modi
        # of India: 6 July 2024" moves the story there, however long before the first)
        flashback = not _dated_heading(sent, times) and (
            _flashback(sent, times) or _long_before(times, lead)
        )
        cue = cue_position(sent)
        # The sentence from its subject on: "BEIJING, April 6 — The foreign ministers of ...".
        opening = text[max(sent.start_char, skip_before) : sent.end_char].lstrip()
        sentence_date = _day_date(times, after=cue, text=text) or _day_of_the_visit(
            sent, annotations.times
        )
        offset = day_offset(sent.text)
        if (
            offset
            and previous_date is not None
            and (sentence_date is None or (looked_back and _only_relative_days(times)))
        ):
            # "A day earlier" after a look back ("they had spoken on June 9"): from the
            # story's day, not the day written last.
            sentence_date = previous_date + dt.timedelta(days=offset)
        told_occasion = occasion(sent, annotations, skip_before=skip_before)
        if sentence_date is None and told_occasion is not None:
            sentence_date = told_occasion[0]  # "On that occasion, ..." the day named last
        # The day the sentence itself tells of, read on when it reports no meeting: "arrived
        # on Wednesday ... is set to hold talks on Thursday" moves the story to Wednesday.
        narrative_date = _day_date(times, after=sent.start_char, text=text) or sentence_date
        # "..., but there was no bilateral meeting between him and Jaishankar": who is named
        # after the denial took no part.
        denial = _DENIAL.search(sent.text)
        told_until = sent.start_char + denial.start() if denial else sent.end_char
        people = [
            p
            for p in annotations.people
            if any(
                _inside(m, sent)
                and m.start < told_until
                and not _time_reference(m, text)
                and not _ABSENT.search(text, max(0, m.start - 60), m.start)
                for m in p.mentions
            )
        ]
        named = frozenset(p.name for p in people)
        if speaker is not None and speaker not in people and _first_person(sent):
            people.append(speaker)
        # "The Prime Minister met German Chancellor Olaf Scholz": the office stands for the
        # official only when the sentence names a counterpart official.
        # (or an office of a country it names after the verb: "held meetings with the Prime
        # Minister of Italy", "the Italian Prime Minister")
        met_countries = {q.country for q in people} | {
            c.iso3
            for c in annotations.countries
            if _inside(c.evidence, sent) and c.evidence.start > cue and names_an_office(c, text)
        }
        # (the issuer read loosely, from a possessive too: "The Prime Minister set out the
        # UK's support"; the commitments read only a header or a spokesperson)
        offices = title_references(
            sent, annotations, load_kb(), cue=cue, home=home or dateline_country, issuer=home
        )
        # ("The Crown Prince had also met the Pakistani Prime Minister": each office the
        # other's counterpart)
        met_countries |= {p.country for p in offices}
        office_holders = [
            p
            for p in offices
            if p not in people and any(c not in (None, p.country) for c in met_countries)
        ]
        people += office_holders
        pronoun_host: Person | None = None
        if (
            pronoun_subject(sent)
            or _OBJECT_PRONOUN.match(text, cue)
            or (
                # (only where the sentence names no two sides itself)
                len({p.country for p in people}) < 2
                and _PRONOUN_BEFORE.search(text, max(sent.start_char, cue - 24), cue)
            )
        ):
            # "He also met Prime Minister Meloni", "Balakrishnan hosted her for breakfast"
            last = told_last
            host = _last_official(sent, annotations, last, others={p.country for p in people})
            if host is not None and host not in people:
                people.insert(0, host)
                pronoun_host = host
        # "The 57th ASEAN Foreign Ministers' Meeting was held ...": every member took part.
        # (It widens the parties of a reported meeting; it is no cue of its own: a summit
        # that "opened" or "took place" is as often the backdrop as the news.)
        grouping = grouping_members(
            sent, annotations, load_kb(), on=sentence_date or previous_date or published
        )
        sides = {p.country for p in people if p.country}
        together = len(sides) >= 2 or (
            # "In Port Moresby, Mr Peters and Foreign Minister Justin Tkatchenko led their
            # delegations in talks": an official the text places nowhere, at a venue abroad.
            len(sides) == 1
            and any(p.country is None and p.body is None for p in people)
            and any(
                v.country and v.country not in sides and _in_or_at(v, sent)
                for v in venues_in(sent, annotations)
            )
        )
        # "During von der Leyen's visit to New Delhi on 25 April 2022, she and Modi announced
        # ...": a visit that brought officials of two sides together is their meeting.
        visit_told = together and bool(_DURING_VISIT.match(opening))
        if visit_told and sentence_date is None:
            sentence_date = _day_date(times, after=sent.start_char, text=text)
        recalls = recall_clauses(sent)
        cued = (
            visit_told
            or bool(recalls)
            or has_cue(sent, joint=together)
            or (
                together
                and sentence_date is not None
                and _together_somewhere(sent, annotations, dateline=dateline)
                and _joint_subject(sent, people)
            )
            or (sentence_date is not None and bool(_RECALLED.search(sent.text)))
        )
        attended_until = attendance_end(sent, text)
        gathering = gathering_before(drafts, sent) if attended_until is not None else None
        if gathering is not None and attended_until is not None:
            join_attendees(gathering, sent, attended_until, annotations)
            previous_date = narrative_date or previous_date
            continue
        if _is_reported_sentence(sent):
            in_header = False
        elif in_header and headline is None and has_cue(sent):
            headline = sent  # "Wang Yi Holds Talks with ...": kept in case the body names none
        if not _is_reported_sentence(sent) or not cued:
            previous_date = narrative_date or previous_date
            continue
        if recalls:
            # "paid a courtesy call on X, with whom he had met in Lima in November 2024": the
            # earlier meetings, and the sentence's own one if it tells one outside the clauses.
            for recall in recalls:
                _add_recalled(drafts, sent, annotations, recall)
            # The times of the earlier meetings do not date the sentence's own, nor move a
            # story that has reported its meeting: "He told Nausėda of his meeting with Trump
            # on 3 September" after their talks on 8 September ("When Meloni held talks with
            # Xi on Monday, 29 July, ..." opening an analysis gives it its day).
            times = [t for t in times if not any(_inside(t.evidence, c) for c, _ in recalls)]
            if not _cued_outside(sent, [clause for clause, _ in recalls], joint=together):
                own_date = _day_date(times, after=sent.start_char, text=text)
                previous_date = own_date or (previous_date if lead else narrative_date)
                continue
            # The sentence's own meeting, without the day and officials of a meeting told as
            # someone's: "held his first meeting with Takaichi on Sunday and met Li Qiang on
            # Monday" (a "when" clause may tell the same meeting: "last met in Warsaw on 28
            # August, when President Nawrocki hosted ...").
            owned = [r for r in recalls if r[0][0].lower_ in ("his", "her", "their")]
            if owned:
                sentence_date = _day_date(times, after=cue, text=text) or sentence_date
                people = [
                    p for p in people if p.name not in named or _named_outside(p, sent, owned)
                ]
        recalled = False
        if sentence_date is None and _dated_elsewhere(times, previous_date, text=text, cue=cue):
            # "When Albanese and Chinh met in Canberra in March 2024, ...": a meeting of named
            # officials told in the past and dated by its month is recorded without a day;
            # anything else dated elsewhere is background ("hosted talks in 2021 and 2022").
            earlier = told_last
            if not _recalled_meeting(sent, annotations, people, cue=cue, earlier=earlier):
                continue
            recalled = True
        if sentence_date is None and _over_a_period(sent, cue):
            recalled = True  # "Since X took office, the two have spoken by telephone."
        # (after a phrase of time set off by a comma: "On 8 May, two days after the
        # Chancellor took office, the two spoke by telephone")
        subject = text[sent.start_char : cue].rsplit(",", 1)[-1].lstrip()
        opens_with_group = bool(
            _GROUP_SUBJECT.match(opening)
            or _OFFICES_OF.match(opening)
            or (cue > sent.start_char and _GROUP_SUBJECT.match(subject))
        )
        if not people and not _names_event(sent) and not opens_with_group:
            previous_date = sentence_date or previous_date
            continue
        places = [
            p
            for p in venues_in(sent, annotations)
            if not of_the_told and not any(_inside(p.evidence, clause) for clause, _ in recalls)
        ]
        located = located_countries(sent, annotations, places)
        parties = {p.country for p in people if p.country} | grouping
        carried: Draft | None = None
        if len(parties) < 2 and _GROUP_SUBJECT.search(sent.text):
            gathered = _gathering_of(sent, drafts)
            if gathered is not None:
                # "During the summit, the three leaders held a joint phone call with Trump":
                # the leaders of the last meeting reported that had three sides.
                parties |= gathered.parties
                people += [
                    p
                    for p in annotations.people
                    if p.name in gathered.participants and p not in people
                ]
            else:
                # "The two Heads of State held talks": the officials were named just before.
                recent = _recent_officials(sent, annotations)
                last = told_last
                if (
                    last is not None
                    and len(last.parties) == 2
                    and parties <= last.parties
                    and not last.recalled  # (one told in passing: "his meeting with Trump")
                    and told_in is not None
                    and _earlier_in_paragraph(told_in, sent)
                ):
                    # "The Prime Minister had also spoken to President Trump last night. The two
                    # leaders last met ...": the two of the paragraph's last meeting, though the
                    # Prime Minister is never named.
                    recent = [p for p in recent if p.country in last.parties]
                    parties |= set(last.parties)
                elif len({p.country for p in recent} | parties) < 2 and _OFFICE_GROUP.search(
                    sent.text
                ):
                    # "The two Heads of State then held talks" paragraphs after the lead named
                    # the King and the President: the officials of the last meeting reported, or
                    # of the two sides named last.
                    reported = next(
                        (d for d in reversed(drafts) if len(d.parties) == 2 and not d.recalled),
                        None,
                    )
                    recent = _last_pair(sent, annotations)
                    if reported is not None and parties <= reported.parties:
                        recent = [
                            p
                            for p in _officials_in_order(annotations, 0, sent.start_char)
                            if p.name in reported.participants
                        ][-2:]
                widened = parties | {p.country for p in recent if p.country}
                pair = _last_pair_with(parties, drafts, within=widened)
                if len(widened) > 2 and pair is not None:
                    # "The leaders also met in Kazan ..., when Modi came to Russia" after a
                    # sentence on Putin's talks with Trump: the leaders of Modi's last meeting;
                    # "The two heads of state last met ..." after "He told Nausėda about his
                    # meeting with Trump": the two of the last meeting reported, not recalled.
                    recent = [p for p in recent if p.country in pair]
                    widened = set(pair)
                parties = widened
                if not people and len(recent) == len(parties) >= 2:
                    people = recent  # "They last met in Nusa Dua": one official of each side
                elif (
                    (recalled or _met(sent, cue))
                    and told_last is not None
                    and _of_last_meeting(parties, told_last)
                ):
                    # "The leaders last met on the sidelines of the G7 Summit" a paragraph after
                    # their talks, "The two had last spoken by phone in January": the leaders of
                    # the meeting told last.
                    carried = told_last
                    parties |= carried.parties
        countries_here = [
            c
            for c in annotations.countries
            if _inside(c.evidence, sent)
            and c.iso3 not in located
            and c.evidence.start < told_until
            and not any(_inside(c.evidence, clause) for clause, _ in recalls)
            and not qualifies_business(text, c.evidence.end)
            and not _PREVIOUS_STOP.search(text, max(0, c.evidence.start - 50), c.evidence.start)
            and not _quoted(c.evidence, sent)
        ]
        if len(parties) < 2:
            # "The leaders of Germany, France and Poland met ... on support for Ukraine": the
            # offices' countries before the verb are the parties, not those of the topic.
            offices_of = _OFFICES_OF.match(opening)
            parties |= {c.iso3 for c in countries_here if not offices_of or c.evidence.start < cue}
        unplaced = any(p.country is None and p.body is None for p in people)
        verb = _cue_verb(sent, cue)
        # ("also met the Coordinating Minister for Economic Affairs": an office, no name)
        office_met = verb is not None and bool(
            _UNNAMED_OFFICE.match(text, verb.idx + len(verb.text))
        )
        if len(parties) <= 1 and (_COUNTERPART.search(sent.text) or unplaced or office_met):
            # "X held talks with his Australian counterpart in New Delhi", "The Acting
            # Minister ... received the Federal Minister of Germany ... in Brasília", "in
            # Brasília, Minister Baerbock also met the Minister of the Environment": the
            # other side is the venue's country.
            parties |= {p.country for p in places if p.country and _in_or_at(p, sent)}
            if len(parties) == 1 and (unplaced or office_met) and not places:
                # "The delegation arrived in Port Vila yesterday ... Today Mr Peters held
                # talks with Prime Minister Charlot Salwai": the country the paragraph is in,
                # else the one the visit went to ("concluded his visit to Jakarta").
                parties |= _paragraph_venue_country(
                    sent, annotations, outside=parties
                ) or visited_country(text, annotations, before=sent.start_char, outside=parties)
        if len(parties) < 2:
            # "The TTC held its first ministerial meeting" after "an EU-India Trade and
            # Technology Council (TTC)": the pair the format is named after.
            parties |= next(
                (
                    pair
                    for short, pair in formats.items()
                    if re.search(rf"\b{re.escape(short)}(?!\w)", sent.text)
                ),
                frozenset(),
            )
        if len(parties) < 2 and statement_group and _WE_SUBJECT.match(sent.text):
            parties |= statement_group
        if len(parties) < 2 and statement_group and _RECALLED_OURS.search(sent.text):
            parties |= statement_group  # "following our meeting in Madrid on June 29"
        if office_subject(sent, cue=cue):
            # "The Prime Minister spoke to ..." in a Downing Street readout: its own office.
            own = home or (unnamed_side(text, annotations, parties) if len(parties) == 1 else None)
            if own is not None:
                parties.add(own)
        if len(parties) == 1 and _VISIT_SUBJECT.match(opening):
            # "The visit to Ljubljana included talks with ...", "The delegation arrived in
            # Port Vila and was welcomed by ...": the visit of the text's own government, of
            # the official who met the hosts last, or of the one the text is about.
            last_host = told_last.host if told_last is not None else None
            protagonist = next(iter(_officials_in_order(annotations, 0, sent.start_char)), None)
            visitors = [
                home,
                dateline_country,
                last_host.country if last_host else None,
                protagonist.country if protagonist else None,
            ]
            visitor = next((v for v in visitors if v and v not in parties), None)
            official = _named_last(annotations, visitor, before=sent.start_char)
            if visitor is not None:
                parties.add(visitor)
            if official is not None and official not in people:
                people.append(official)
        if len(parties) < 2:
            previous_date = sentence_date or previous_date
            continue
        mechanism = _mechanism(sent)
        # (Only a meeting of two parties already can be one of a format's members.)
        parties |= _format_members(sent, annotations, mechanism, parties=parties)
        # "During her stay in Hanoi, Minister Wong paid a courtesy call on ...": some day of
        # a visit of several, none told.
        in_the_stay = sentence_date is None and bool(
            _DURING_THE_STAY.match(opening) or _OVER_DAYS.search(sent.text)
        )
        date = (
            None
            if recalled or in_the_stay
            else sentence_date or previous_date or filed or published
        )
        draft = Draft(date=date, parties=frozenset(parties), sentence=sent)
        # A day carried from the sentence before is the story's own; a lead with none is not.
        draft.dated = sentence_date is not None or (
            previous_date is not None and not recalled and not in_the_stay
        )
        draft.recalled = recalled or carried is not None
        draft.named = named
        # ("The meeting, which was also attended by the Deputy Prime Minister, ...": the
        # same meeting, with one more official)
        draft.another = bool(_ALSO.search(_ALSO_ATTENDED.sub("", sent.text)))
        draft.host = (
            next((p for p in people if p.country and _mentioned_before(p, sent, cue)), None)
            or (people[0] if people and pronoun_subject(sent) else None)
            or pronoun_host  # "In Bamako he was received by ...": he is the visitor
            or (office_holders[0] if office_holders else None)
            or (
                speaker
                if speaker is not None and speaker in people and speaker.name not in named
                else None
            )
        )  # "I spoke with A and with B": the text's speaker met them
        for person in people + _paragraph_officials(sent, annotations, parties=parties):
            draft.take_part(person)
        if carried is not None and carried.parties == draft.parties:
            for name, participant in carried.participants.items():
                draft.participants.setdefault(name, participant)
        landmark = landmark_place(sent)
        # A call has no venue: the dateline or an earlier city is where the report was
        # filed or the previous meeting held, not where either caller sat.
        told_places = [p for p in places if p.evidence.start >= skip_before]
        call = is_call(sent, placed=bool(told_places or landmark))
        nearby = (
            []
            if call
            else places
            or ([landmark] if landmark else [])
            or ([told_occasion[1]] if told_occasion is not None and told_occasion[1] else [])
            or (
                []
                if call
                else places_nearby(
                    sent,
                    annotations,
                    drafts,
                    date=date,
                    dateline=dateline,
                    published=published,
                    parties=draft.parties,
                )
            )
        )
        if nearby:
            venue = venue_of(sent, nearby)
            draft.city, draft.country = venue.city, venue.country
        where = None if call else _where_clause_country(text, sent, annotations, places, cue=cue)
        if where is not None:
            # "He arrived in Colombo from the Maldives, where on 18 January he called on
            # President Solih": the meeting is in the country the clause is about.
            draft.city, draft.country = None, where
        draft.cameo = CALL if call else _cameo(sent, draft)
        draft.mechanism = mechanism
        one_by_one = _one_by_one(sent, draft)
        # ("Biden had telephoned President El-Sisi and the Emir of Qatar": a call is with one
        # at a time, unless told as joint)
        calls_each = call and len(parties) > 2 and not _JOINT_CALL.search(sent.text)
        draft.separate = bool(SEPARATE.search(sent.text)) or one_by_one or calls_each
        # ("led their delegations in bilateral talks, with Prime Minister Marape heading the
        # other side": two officials of one side in one bilateral, not met one by one)
        officials_apart = one_by_one or bool(SEPARATE.search(_BILATERAL_TALKS.sub("", sent.text)))
        mentions = [
            (p.country, m.start)
            for p in people
            if p.country
            for m in p.mentions
            if _inside(m, sent)
        ] + [(c.iso3, c.evidence.start) for c in countries_here if c.iso3 in parties]
        if draft.host is not None and draft.host.country and draft.host.name not in named:
            mentions.append((draft.host.country, sent.start_char))  # "He also met A and B"
        group = _GROUP_SUBJECT.search(text, cue, sent.end_char)
        if group is not None:
            # "Trump had phoned both leaders": the officials of the group where it is told.
            host_name = draft.host.name if draft.host is not None else None
            mentions += [
                (p.country, group.start())
                for p in draft.participants.values()
                if p.country and p.name not in named and p.name != host_name
            ]
        days = [(t.evidence.start, t.start) for t in times if t.precision == "day" and t.start]
        told = _each_month(draft, times, places, cue=cue) if recalled else _each_day(draft, times)
        if len(told) < 2:
            told = _each_occasion(told[0] if told else draft, times, places, cue=cue)
        if len(told) < 2:
            told = _each_listed_event(told[0], times, places)
        if len(told) < 2:
            told = _each_joined_event(told[0], times, places)
        clauses = _two_clauses(sent, people, cue=cue, places=places, landmark=landmark)
        if clauses is not None:
            at, clause_host, venues = clauses
            named_mentions = [
                (p.country, m.start, p.name)
                for p in people
                if p.country
                for m in p.mentions
                if _inside(m, sent)
            ] + [(c.iso3, c.evidence.start, None) for c in countries_here if c.iso3 in parties]
            told = [
                part
                for one in told
                for part in split_clauses(
                    one, at, named_mentions, host=clause_host, venues=venues, days=days
                )
            ]
        # ("The meeting, which was also attended by ...": the one told just before)
        referred = told_last if _THE_MEETING.match(opening) else None
        for one in told:
            for part in split_counterparts(one, mentions, cue=cue, places=places, days=days):
                for meeting in split_officials(part) if officials_apart else [part]:
                    told_last, told_in = merge_into(drafts, meeting, first=referred), sent
        previous_date = sentence_date or previous_date
    if headline is not None:
        _add_headline_meeting(headline, annotations, drafts, filed=filed, published=published)
    drafts = drop_undated_repeats(drop_summaries(drafts))
    _keep_own_officials(drafts)
    return [_to_meeting(d) for d in drafts]


def _two_clauses(
    sent: Span, people: list[Person], *, cue: int, places: list[Place], landmark: Place | None
) -> tuple[int, Person, tuple[Place | None, Place | None]] | None:
    """Where the sentence's second meeting begins, the official who is its subject, and the
    venue each clause tells, if it tells two meetings of different officials: "Macron
    received Zelensky at the Élysée Palace, while President Biden held a separate meeting
    with the Ukrainian President"."""
    found = second_meeting_clause(sent, cue=cue)
    if found is None:
        return None
    at, subject_span = found
    subject = next(
        (
            p
            for p in people
            if any(subject_span.start_char <= m.start < subject_span.end_char for m in p.mentions)
        ),
        None,
    )
    if subject is None:
        return None
    first = [p for p in places if p.evidence.start < at]
    second = [p for p in places if p.evidence.start >= at]
    first_venue = venue_of(sent, first) if first else None
    if first_venue is None and landmark is not None and landmark.evidence.start < at:
        first_venue = landmark
    return at, subject, (first_venue, venue_of(sent, second) if second else None)


# (", during the Prime Minister's official visit to Brazil, and again in Rio de Janeiro in")
_MONTH_LIST = re.compile(
    r"(?:\s*,[^,;.]{0,80})?\s*,?\s*(?:and|then)\s+(?:again\s+)?(?:in|at)\s+[^,;.]{0,40}$"
)


# "on August 8 and August 18 ... had telephone conversations": one meeting per day.
_PLURAL_EVENTS = re.compile(
    r"\b(?:conversations|calls|phone calls|meetings|summits|rounds of talks)\b", re.IGNORECASE
)


def _each_day(draft: Draft, times: list[TimeExpression]) -> list[Draft]:
    """The draft once per day of a list of days ("on August 8 and August 18") when the
    sentence tells its meetings in the plural; else none."""
    text = draft.sentence.doc.text
    days = sorted(
        (t for t in times if t.precision == "day" and t.start), key=lambda t: t.evidence.start
    )
    listed = [
        (a, b)
        for a, b in itertools.pairwise(days)
        if re.fullmatch(r",?\s*(?:and|,)\s*(?:on\s+)?", text[a.evidence.end : b.evidence.start])
    ]
    if not listed or not _PLURAL_EVENTS.search(draft.sentence.text):
        return []
    dates = list(dict.fromkeys(t.start for pair in listed for t in pair))
    parts = []
    for date in dates:
        part = replace(draft, date=date)
        part.participants = dict(draft.participants)
        parts.append(part)
    return parts


# What joins two occasions of one meeting sentence: "met in Kazan in October 2024 during
# the BRICS summit, and on July 9, 2024, in Moscow"; "met in Nice on 24 March and held talks
# in Paris on 26 March". Group 1 is the joining word.
_OCCASION_LIST = re.compile(
    r"[^;.]{0,80}?,?\s+(and|then)\s+(?:again\s+)?(?:[^,;.]{0,40}?\s+)?(?:in|at|on)\s+"
    r"[^,;.]{0,40}"
)


def _each_occasion(
    draft: Draft, times: list[TimeExpression], places: list[Place], *, cue: int
) -> list[Draft]:
    """The draft once per occasion of a sentence that tells the same officials meeting at
    two times in two cities ("in Kazan in October 2024 ..., and on July 9, 2024, in
    Moscow"); else the draft. Each occasion runs from the word that joins it to the one
    before ("and") to the one that joins the next, and its city is the one told there."""
    text = draft.sentence.doc.text
    told = sorted(
        (
            t
            for t in times
            if t.precision in ("day", "month") and t.start and t.evidence.start > cue
        ),
        key=lambda t: t.evidence.start,
    )
    occasions = told[:1]
    joins = [cue]
    for earlier, later in itertools.pairwise(told):
        joined = _OCCASION_LIST.fullmatch(text, earlier.evidence.end, later.evidence.start)
        if joined is None:
            break
        occasions.append(later)
        joins.append(joined.start(1))
    joins.append(draft.sentence.end_char)
    if len({t.start for t in occasions}) < 2:
        return [draft]
    parts = []
    for i, time in enumerate(occasions):
        own = [p for p in places if p.city and joins[i] <= p.evidence.start < joins[i + 1]]
        if len(own) != 1:
            return [draft]
        parts.append(
            replace(
                draft,
                date=time.start if time.precision == "day" else None,
                dated=draft.dated and time.precision == "day",
                month=time.start,
                city=own[0].city,
                country=own[0].country,
                participants=dict(draft.participants),
            )
        )
    if len({part.city for part in parts}) < len(parts):
        return [draft]
    return parts


def _each_listed_event(
    draft: Draft, times: list[TimeExpression], places: list[Place]
) -> list[Draft]:
    """The draft once per item of a list of the officials' encounters set apart by
    semicolons, each named by its own noun and day ("the telephone call in which the King,
    on 31 March 2022, thanked Sánchez; the audience at the Royal Palace in Rabat on 7 April
    2022, ..."); else the draft. A call has no venue; another item, the city told in it."""
    sent = draft.sentence
    if ";" not in sent.text:
        return [draft]
    parts = []
    start = sent.start_char
    for segment in sent.text.split(";"):
        end = start + len(segment)
        noun = _LISTED_EVENT.search(segment)
        days = [
            t for t in times if t.precision == "day" and t.start and start <= t.evidence.start < end
        ]
        own = [p for p in places if p.city and start <= p.evidence.start < end]
        start = end + 1
        if noun is None or len(days) != 1:
            continue
        call = noun.group("noun").lower() in ("call", "telephone call", "phone call")
        parts.append(
            replace(
                draft,
                date=days[0].start,
                dated=True,
                city=None if call or not own else own[0].city,
                country=None if call or not own else own[0].country,
                cameo=CALL if call else draft.cameo,
                participants=dict(draft.participants),
            )
        )
    if len(parts) < 2 or len({part.date for part in parts}) < len(parts):
        return [draft]
    return parts


def _each_joined_event(
    draft: Draft, times: list[TimeExpression], places: list[Place]
) -> list[Draft]:
    """The draft once per encounter of two joined by "and", each named by its own noun and
    time ("had held a telephone talk on June 9, ..., and their first face-to-face meeting
    on the margins of the G7 Summit in Canada in June"); else the draft. A call has no
    venue nor format; a month alone gives no day."""
    sent = draft.sentence
    found = list(_JOINED_EVENT.finditer(sent.text))
    joined = next((m for m in found[1:] if m.group("joined")), None)
    if joined is None:
        return [draft]
    nouns = [found[0], joined]
    bounds = [sent.start_char + nouns[0].start(), sent.start_char + nouns[1].start()]
    bounds.append(sent.end_char)
    parts = []
    for i, noun in enumerate(nouns):
        start, end = bounds[i], bounds[i + 1]
        told = [
            t
            for t in times
            if t.precision in ("day", "month") and t.start and start <= t.evidence.start < end
        ]
        if len(told) != 1:
            return [draft]
        own = [p for p in places if p.city and start <= p.evidence.start < end]
        call = noun.group("noun").lower().split()[0] in ("call", "telephone", "phone", "video")
        day = told[0].start if told[0].precision == "day" else None
        parts.append(
            replace(
                draft,
                date=day,
                dated=day is not None,
                month=told[0].start,
                city=None if call or not own else own[0].city,
                country=None if call or not own else own[0].country,
                cameo=CALL if call else draft.cameo,
                mechanism=None if call else draft.mechanism,
                participants=dict(draft.participants),
            )
        )
    if len({(part.date, part.month) for part in parts}) < 2:
        return [draft]
    return parts


# Two encounters named by their nouns, the second joined by "and": "a telephone talk on June
# 9 ... and their first face-to-face meeting ...".
_JOINED_EVENT = re.compile(
    r"(?P<joined>\band\s+)?\b(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>telephone (?:call|talk|conversation)|phone (?:call|talk|conversation)|"
    r"video (?:call|conference)|call|meeting|talks|summit|audience)\b",
    re.IGNORECASE,
)


# The noun that opens an item of a list of encounters: "the telephone call in which ...".
_LISTED_EVENT = re.compile(
    r"^(?:[^,;]*:)?\s*(?:and\s+)?(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>telephone call|phone call|call|audience|meeting|talks|summit|visit)\b",
    re.IGNORECASE,
)


def _each_month(
    draft: Draft, times: list[TimeExpression], places: list[Place], *, cue: int
) -> list[Draft]:
    """A meeting recalled in two months ("had met in Bali in November 2022 and in San
    Francisco in November 2023") is one meeting per month, each in the city told with it."""
    months = sorted(
        (t for t in times if t.precision == "month" and t.start and t.evidence.start > cue),
        key=lambda t: t.evidence.start,
    )
    text = draft.sentence.doc.text
    # Only months told as a list of the meeting's times ("in X in November 2022 and in Y in
    # November 2023"), not a later month of something else ("..., and it took effect in May").
    months = months[:1] + [
        later
        for earlier, later in itertools.pairwise(months)
        if _MONTH_LIST.match(text[earlier.evidence.end : later.evidence.start])
    ]
    if len({t.start for t in months}) < 2:
        return [replace(draft, month=months[0].start) if months else draft]
    parts = []
    told_from = cue
    for month in months:
        own = [p for p in places if told_from <= p.evidence.start < month.evidence.start]
        city, country = (own[-1].city, own[-1].country) if own else (None, None)
        parts.append(
            replace(
                draft,
                month=month.start,
                city=city,
                country=country,
                participants=dict(draft.participants),
            )
        )
        told_from = month.evidence.end
    return parts


def _paragraph_venue_country(
    sent: Span, annotations: Annotations, *, outside: set[str]
) -> set[str]:
    """The country of the city the paragraph last put its people in ("arrived in Port
    Vila"), before `sent`, when it is not one of the `outside` parties."""
    text = sent.doc.text
    paragraph_start = text.rfind("\n", 0, sent.start_char) + 1
    venues = [
        p
        for p in annotations.places
        if paragraph_start <= p.evidence.start < sent.start_char
        and p.country
        and text[max(0, p.evidence.start - 3) : p.evidence.start].lower() in ("in ", "at ")
    ]
    return {venues[-1].country} - outside if venues and venues[-1].country else set()


def _gathering_of(sent: Span, drafts: Sequence[Draft]) -> Draft | None:
    """The last meeting reported with as many sides as the sentence's group subject counts,
    three or more ("the three leaders", "the four ministers")."""
    counted = _SEVERAL.search(sent.text)
    if counted is None:
        return None
    sides = _COUNTS[counted.group(1).lower()]
    return next((d for d in reversed(drafts) if len(d.parties) == sides and not d.recalled), None)


_COUNTS = {"three": 3, "four": 4, "five": 5}
_SEVERAL = re.compile(
    r"\bthe (three|four|five) (?:leaders|heads of state|presidents|ministers|foreign ministers|"
    r"prime ministers|countries|sides)\b",
    re.IGNORECASE,
)


def _earlier_in_paragraph(earlier: Span, sent: Span) -> bool:
    """`earlier` is a sentence of the paragraph of `sent`, before it."""
    text = sent.doc.text
    paragraph_start = text.rfind("\n", 0, sent.start_char) + 1
    return paragraph_start <= earlier.start_char < sent.start_char


# "who arrived in Malaysia on Friday after a state visit to Indonesia": a stop before.
_PREVIOUS_STOP = re.compile(
    r"\b(?:after|following|from)\s+(?:a|an|his|her|the|their)\s+(?:[\w-]+\s+)?"
    r"(?:visit|trip|tour|stop)\s+(?:to|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _quoted(mention: Evidence, sent: Span) -> bool:
    """The mention is inside a quoted remark: '"We will have a deal with China," he said'
    (not a name in quotes: 'the "Central Asia – China" format')."""
    for quote in _QUOTE.finditer(sent.text):
        start, end = sent.start_char + quote.start(), sent.start_char + quote.end()
        if start <= mention.start < end and len(quote.group().split()) > 5:
            return True
    return False


_QUOTE = re.compile(r'"[^"]*"|“[^”]*”')


def _last_pair_with(
    parties: set[str], drafts: Sequence[Draft], *, within: set[str] | None = None
) -> frozenset[str] | None:
    """The two parties of the last meeting reported (not recalled in passing) that had
    `parties` among its own, all of them `within` the candidates when given."""
    return next(
        (
            d.parties
            for d in reversed(drafts)
            if len(d.parties) == 2
            and parties <= d.parties
            and (within is None or d.parties <= within)
            and not d.recalled
        ),
        None,
    )


def _keep_own_officials(drafts: list[Draft]) -> None:
    """Two meetings of a day (or of a visit's stay) with the same parties, each told in its
    own sentence ("met Wang Yi. She was then received by Han Zheng."): an official named
    for one is no participant of the other, though both are named in its paragraph."""
    for draft in drafts:
        host = draft.host.name if draft.host is not None else None
        for other in drafts:
            if other is draft or other.parties != draft.parties:
                continue
            if other.date != draft.date and not (_of_the_stay(other) or _of_the_stay(draft)):
                continue
            if other.date is None and draft.date is None:
                continue  # meetings recalled without a day are not of one day
            for name in other.named - draft.named - {host}:
                draft.participants.pop(name, None)


def _of_the_stay(draft: Draft) -> bool:
    """A meeting on some day of a visit the text told ("During her stay in Hanoi, ...")."""
    return draft.date is None and not draft.recalled and draft.month is None


def _add_headline_meeting(
    headline: Span,
    annotations: Annotations,
    drafts: list[Draft],
    *,
    filed: dt.date | None,
    published: dt.date | None,
) -> None:
    """The headline's meeting, when the body reported none: a headline over a body that
    reports meetings tells of one of them, or sums them up."""
    if drafts:
        return
    located = located_countries(headline, annotations, venues_in(headline, annotations))
    parties, day, place = headline_report(headline, annotations, located=located)
    if len(parties) < 2:
        return
    draft = Draft(date=day or filed or published, parties=frozenset(parties), sentence=headline)
    if place is not None:
        draft.city, draft.country = place.city, place.country
    drafts.append(draft)


# "also met", "Earlier on Tuesday, Xi met ...", "separately held talks", "She was then
# received by", "In the evening, ... met": another meeting when a side's official is new
# ("then Prime Minister" is a former office).
_ALSO = re.compile(
    r"\b(?:also|earlier|separately|afterwards|subsequently|later|thereafter|meanwhile|"
    r"simultaneously|in parallel|at the same time)\b"
    r"|\bthen\b(?![\s-]+(?-i:[A-Z]))"
    r"|\bin the (?:evening|afternoon)\b"
    # "Shortly before the talks, ... held a meeting with Zhao Leji": another one that day
    r"|\b(?:before|ahead of|prior to|after|following)\s+(?:the|their|his|her|that|this)\s+"
    r"(?:talks|meeting|summit|dialogue|consultations|session)\b"
    # "paid a courtesy call on the Prime Minister": a call of its own beside the talks
    r"|\bcourtesy (?:call|visit)\b"
    # "On the same day, the foreign ministers held a meeting of their council"
    r"|\bthe same day\b",
    re.IGNORECASE,
)
_WE_SUBJECT = re.compile(r"\s*(?:\d+\.\s*)?We\b")
# "recalled their talks in Ahmedabad on 9 January", "following our meeting in Madrid on
# June 29": a dated earlier meeting of the same parties, told in passing.
_RECALLED = re.compile(
    r"\b(?:their|our)\s+(?:(?:first|second|third|last|previous|earlier|bilateral|"
    r"trilateral)\s+)?(?:meeting|talks|summit)\s+(?:in|at)\s+(?:the\s+)?[A-Z]"
)
_RECALLED_OURS = re.compile(r"\bour\s+(?:\w+\s+)?(?:meeting|talks|summit)\b")
_COUNTERPART = re.compile(r"\bcounterparts?\b", re.IGNORECASE)
# An office met with no name after it: "also met the Coordinating Minister for Economic
# Affairs." (not "the Prime Minister of Italy", "the Minister, Mr X").
_UNNAMED_OFFICE = re.compile(
    r"\s+(?:with\s+)?the\s+(?:[A-Z][\w'-]*\s+){0,3}(?:Minister|Secretary|Governor|Chairman|"
    r"Chairperson|Speaker|Mayor)(?:\s+(?:for|of)\s+(?:the\s+)?(?:[A-Z][\w'-]*|and)"
    r"(?:\s+(?:[A-Z][\w'-]*|and))*)?(?=\s*[.;]|\s+(?:in|at|on|to|and)\s+[a-z])"
)
_DENIAL = re.compile(
    r",?\s+but\s+(?:there\s+(?:was|were)\s+)?(?:no|not|never)\b|\b(?:did not|didn't) meet\b",
    re.IGNORECASE,
)


def _in_or_at(place: Place, sent: Span) -> bool:
    before = sent.doc.text[max(0, place.evidence.start - 3) : place.evidence.start]
    return before.lower() in ("in ", "at ")


_SIDELINES = re.compile(r"\bon the (?:sidelines|margins|fringes) of\b", re.IGNORECASE)
# A telephone call, not a video conference (which several leaders join at once).
_BY_TELEPHONE = re.compile(
    r"\b(?:tele)?phone\b(?![^.]*\b(?:video|virtual|conference)\b)", re.IGNORECASE
)
# "with A and with B", "with A, and, on the same day, with B": each met on their own.
_AND_WITH = re.compile(
    r"\band\s*,?\s*(?:(?:then|later|also|afterwards|(?:on\s+)?the\s+same\s+day)\s*,?\s*)?with\b",
    re.IGNORECASE,
)
# "met the Speaker, Saulius Skvernelis, and held talks with the Prime Minister-designate",
# "held a phone call with President Macron and then spoke with President Putin": a second
# meeting verb after a named official, with an official of its own.
_AND_MET = re.compile(
    r"\b[A-Z][\w'’-]+,?\s+and\s+(?:then\s+|later\s+|also\s+|afterwards\s+)?"
    r"(?:held\s+(?:talks|a\s+meeting|a\s+bilateral\s+meeting)\s+with|met(?:\s+with)?|"
    r"received|was\s+received\s+by|(?:spoke|talked)\s+(?:by\s+(?:tele)?phone\s+)?(?:with|to))"
    r"\s+(?:the\s+)?[A-Z]"
)
_BILATERAL_TALKS = re.compile(r"\bbilateral\s+(?:talks|discussions)\b", re.IGNORECASE)
_THE_MEETING = re.compile(r"The\s+(?:meeting|talks|call|conversation|audience)\b")
_ALSO_ATTENDED = re.compile(
    r"\balso\s+(?:attended|present|took\s+part|participated|joined)\b", re.IGNORECASE
)
_TOGETHER = re.compile(
    r"\b(?:trilateral|three-way|quadrilateral|jointly|together)\b|"
    # "sat down with leaders and senior officials from Qatar, Saudi Arabia, ...": one group
    r"\bwith\s+(?:the\s+)?(?:leaders|officials|ministers|representatives|heads)\s+"
    r"(?:and\s+[\w\s]{0,30}?\s+)?(?:from|of)\s+(?!the\s+two\b)",
    re.I,
)


def _format_members(
    sent: Span, annotations: Annotations, mechanism: str | None, *, parties: set[str]
) -> set[str]:
    """The members a meeting's format is named after, when they include its parties: the
    "Korea-Japan-China Foreign Ministers' Meeting" of Korea's and China's ministers was
    Japan's too."""
    if mechanism is None:
        return set()
    text = sent.doc.text
    countries = sorted(
        (c for c in annotations.countries if _inside(c.evidence, sent)),
        key=lambda c: c.evidence.start,
    )
    chain: list[CountryMention] = []
    for country in countries:
        if chain and text[chain[-1].evidence.end : country.evidence.start] == "-":
            chain.append(country)
            continue
        if _names_the_format(chain, mechanism, text, parties):
            break
        chain = [country]
    if not _names_the_format(chain, mechanism, text, parties):
        return set()
    return {c.iso3 for c in chain}


def _names_the_format(
    chain: list[CountryMention], mechanism: str, text: str, parties: set[str]
) -> bool:
    if len(chain) < 3:
        return False
    named = text[chain[0].evidence.start : chain[-1].evidence.end]
    return named in mechanism and len({c.iso3 for c in chain} & parties) >= 2


def _one_by_one(sent: Span, draft: Draft) -> bool:
    """Meetings with several counterparts at a summit's sidelines, or "He also met A and
    B" after such a meeting, are bilateral: one per counterpart (unless "trilateral")."""
    if _TOGETHER.search(sent.text):
        return False
    if _AND_WITH.search(sent.text) and (draft.cameo != CALL or _BY_TELEPHONE.search(sent.text)):
        return True  # "met with A and, on the same day, with B": one meeting each
    if _AND_MET.search(sent.text):
        return True  # "met A, and held talks with B"
    for match in _SIDELINES.finditer(sent.text):
        before = sent.text[max(0, match.start() - 14) : match.start()].lower()
        if not re.search(r"\b(?:rather than|instead of|not)\s*$", before):
            return True  # "rather than on the margins of a larger gathering": not at one
    return draft.another and pronoun_subject(sent)


def _mentioned_before(person: Person, sent: Span, cue: int) -> bool:
    return any(_inside(m, sent) and m.start < cue for m in person.mentions)


def _cameo(sent: Span, draft: Draft) -> str:
    """CAMEO 043 for hosting, 044 for a third-country venue, else 040 (calls are 041)."""
    lowered = sent.text.lower()
    if draft.country and draft.country not in draft.parties:
        return "044"
    if "host" in lowered:
        return "043"
    return "040"


def _with_body_parties(annotations: Annotations, text: str) -> Annotations:
    """The officials of a body that is a party beside states (the EU's: "President of the
    European Commission Ursula von der Leyen") stand for it as a country's officials do for
    their country: the meeting rules read `country`."""
    kb = load_kb()
    people = tuple(
        replace(p, country=kb.body_party(p.body)) if p.country is None and p.body else p
        for p in annotations.people
    )
    # "met the President of the European Commission": the office names its body as "the
    # Prime Minister of Italy" names its country.
    offices = tuple(body_offices(text, kb))
    countries = tuple(sorted(annotations.countries + offices, key=lambda c: c.evidence.start))
    return replace(annotations, people=people, countries=countries)


def _to_meeting(draft: Draft) -> Meeting:
    sent = draft.sentence
    text = sent.text.rstrip()
    kb = load_kb()
    participants = list(draft.participants.values())
    # An official the text gave no country ("the Minister of the Environment, Marina Silva"
    # in a note of the host's ministry) is of the one side no other participant stands for.
    unrepresented = set(draft.parties) - {p.country for p in participants}
    if len(draft.parties) == 2 and len(unrepresented) == 1:
        side = unrepresented.pop()
        participants = [replace(p, country=p.country or side) for p in participants]
    # A body's official keeps the record's shape: no country, the body is the party.
    participants = [
        replace(p, country=None) if p.country and p.country not in kb.countries else p
        for p in participants
    ]
    return Meeting(
        date=draft.date,
        city=draft.city,
        country=draft.country,
        parties=tuple(sorted(draft.parties)),
        participants=tuple(participants),
        mechanism=draft.mechanism,
        evidence=Evidence(sent.start_char, sent.start_char + len(text), text),
        cameo=draft.cameo,
    )
