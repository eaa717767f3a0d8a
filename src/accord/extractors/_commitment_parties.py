"""Who committed: the parties of an undertaking, from its subject and from the text around it.

Countries, people, capitals and groupings the subject names; "the two sides", "they" or "It
was agreed" resolved to the meeting reported last (of several, the one whose own party the
text named last) or to the group that committed last; "we" in a statement that opens "We,
the leaders of A, B and C"; the speaker of a quoted "we"; an office named alone.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from accord.extractors._clauses import Lexicon, Undertaking
from accord.extractors._meeting_rules import GROUPING_MEETING
from accord.kb import KnowledgeBase, load_kb, load_non_state_words
from accord.records import Annotations, Person

__all__ = [
    "Context",
    "Mentions",
    "collective_head",
    "joint_report",
    "mentions_of",
    "names_states",
    "parties_of_undertaking",
    "we_group",
]

# How far back (in characters) the people of a meeting still define "the two sides".
_CONTEXT_CHARS = 1500


@dataclass(slots=True)
class Mentions:
    """Character spans of the parties the annotations name, sorted by start."""

    spans: list[tuple[int, int, str, str]]  # (start, end, iso3 or org id, kind)
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.spans.sort()
        self.starts = [s[0] for s in self.spans]

    def within(self, start: int, end: int) -> Iterator[tuple[int, int, str, str]]:
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                yield self.spans[i]
            i += 1


def mentions_of(annotations: Annotations, *, dateline_end: int = 0) -> Mentions:
    kb = load_kb()
    spans: list[tuple[int, int, str, str]] = []
    spans.extend(
        (c.evidence.start, c.evidence.end, c.iso3, "country")
        for c in annotations.countries
        if c.evidence.start >= dateline_end
    )
    for person in annotations.people:
        party = person.country or kb.body_party(person.body)
        if party:
            spans.extend((m.start, m.end, party, "person") for m in person.mentions)
    for place in annotations.places:
        # The dateline's city ("DUBAI, March 10 -") is where the story was filed, no party.
        if place.country and place.evidence.start >= dateline_end:
            spans.append((place.evidence.start, place.evidence.end, place.country, "place"))
    spans.extend(
        (o.evidence.start, o.evidence.end, o.org_id, "org") for o in annotations.organizations
    )
    return Mentions(spans)


@dataclass(slots=True)
class Context:
    """What party resolution needs beyond the sentence: mentions, and the last group named."""

    mentions: Mentions
    lex: Lexicon
    kb: KnowledgeBase
    doc_people: Counter[str]
    doc_countries: Counter[str]
    lead_countries: Counter[str]
    people: tuple[Person, ...] = ()
    last_group: tuple[str, ...] = ()
    last_group_at: int = -1
    # (where the meeting's sentence starts, its parties, how many took part).
    meetings: list[tuple[int, tuple[str, ...], int]] = field(default_factory=list)
    # The parties of the last sentence that gave a commitment, and where that sentence ended:
    # "It will also ..." right after "Japan will ..." continues Japan's undertakings.
    previous: tuple[str, ...] = ()
    previous_end: int = -1
    follows_previous: bool = False
    # "We, the leaders of A, B and C, ...": the parties every "we" of the statement names.
    we_group: tuple[str, ...] = ()
    # The country of the official a first-person text speaks as ("Statement made by David
    # Lammy ..."): its "I", and its "we will", are that country.
    speaker: str | None = None
    # The government that issued the text, whose own officials it names by office alone.
    issuer: str | None = None
    # The day the text speaks of: a grouping's members are those of that day.
    on: dt.date | None = None
    # Whether the text names two states by name, not only by adjective ("Egypt and Jordan
    # held talks", not "the German university").
    actors: bool = False

    def ranked(self, before: int, exclude: set[str]) -> list[str]:
        """Countries by how strongly the text around `before` makes them a party: people
        in the recent text first, then people anywhere, then country names."""
        recent_people: Counter[str] = Counter()
        recent_countries: Counter[str] = Counter()
        for _, _, key, kind in self.mentions.within(max(0, before - _CONTEXT_CHARS), before):
            if kind == "person":
                recent_people[key] += 1
            elif kind == "country":
                recent_countries[key] += 1
        keys = set(recent_people) | set(self.doc_people) | set(self.doc_countries)

        def score(k: str) -> float:
            return (
                20 * recent_people[k]
                + 10 * self.doc_people[k]
                + 4 * self.lead_countries[k]
                + 2 * recent_countries[k]
                + self.doc_countries[k]
            )

        return sorted((k for k in keys if k not in exclude), key=lambda k: (-score(k), k))


# Groupings without a legal person of their own: when "the Quad" or "the G7" undertakes
# something, its members do. The EU, ASEAN or NATO act as bodies in their own right.
_GROUPING_KINDS = frozenset({"forum", "dialogue", "partnership"})


def _grouping_states(org_id: str, ctx: Context) -> tuple[str, ...]:
    org = ctx.kb.organizations.get(org_id)
    if org is None or org.kind not in _GROUPING_KINDS:
        return ()
    return ctx.kb.member_states(org_id, on=ctx.on)


def _explicit(sub: Doc, subject: Token, offset: int, ctx: Context) -> list[str]:
    """The countries a subject phrase names: countries, people, capitals, groupings."""
    start = sub[subject.left_edge.i].idx + offset
    last = sub[subject.right_edge.i]
    end = last.idx + len(last.text) + offset
    # "Korea and Japan, together with the United States, will ...": the companion named
    # aside is not one of the parties that undertook.
    aside = [
        (
            sub[p.left_edge.i].idx + offset,
            sub[p.right_edge.i].idx + len(sub[p.right_edge.i]) + offset,
        )
        for p in subject.children
        if p.dep_ == "prep"
        and p.lower_ == "with"
        and (
            any(c.lower_ in ("together", "along") for c in p.children)
            or (p.i > 0 and sub[p.i - 1].lower_ in ("together", "along"))
        )
    ]
    found: list[str] = []
    for m_start, m_end, key, kind in ctx.mentions.within(start, end):
        if any(a <= m_start and m_end <= b for a, b in aside):
            continue
        if kind == "org":
            party = ctx.kb.body_party(key)
            found.extend([party] if party else _grouping_states(key, ctx))
        else:
            found.append(key)
    if not found:
        for token in subject.subtree:
            if token.pos_ == "PROPN" and token.text[:1].isupper():
                city = ctx.kb.city(token.text)
                if city is not None and city.is_capital:
                    found.append(city.iso3)
    return list(dict.fromkeys(found))


def _party_head(subject: Token, lex: Lexicon) -> bool:
    """A subject headed by a common noun that names no party ("the deal", "some farmers'
    representatives", "South Australia's industry") is not a party, whatever it mentions."""
    if subject.pos_ == "PROPN" and subject.lower_ in load_non_state_words().institution_heads:
        return False  # "Kyoto University", "Novo Holdings": no state
    if subject.pos_ != "NOUN":
        return True
    head = subject.lemma_.lower()
    return head in lex.collective_nouns or subject.lower_.removesuffix("s") in lex.collective_nouns


def _collective(subject: Token, lex: Lexicon) -> tuple[bool, int | None]:
    """Whether the subject names the meeting's parties together, and how many it says."""
    words = list(subject.subtree)
    count = next((lex.numbers[t.lower_] for t in words if t.lower_ in lex.numbers), None)
    if any(t.lower_ in lex.collective_pronouns and t.pos_ == "PRON" for t in words):
        return True, count
    head = subject.lemma_.lower()
    if head not in lex.collective_nouns:
        head = _noun_key(subject)
    if head in lex.collective_nouns and _plural(subject):
        # "both sides of the border" names no party.
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
            return count is not None and head != "side", count
        if any(t.lower_ in ("each", "some", "many", "other", "no") for t in words):
            return False, None
        return True, count
    # "our three coast guards", "their navies": a compound head of a possessed plural.
    if subject.tag_ in ("NNS", "NNPS") and any(
        t.lower_ in ("our", "their") for t in subject.children
    ):
        return True, count
    return False, None


def parties_of_undertaking(sub: Doc, u: Undertaking, offset: int, ctx: Context) -> tuple[str, ...]:
    if u.object_parties is not None and u.modality == "reaffirmed":
        owners = _explicit(sub, u.object_parties, offset, ctx)
        if owners:
            return tuple(sorted(owners))
    elif u.object_parties is not None:
        return _parties_of(sub, u.object_parties, u, offset, ctx)
    if u.subject is None or _impersonal(u.subject, u):
        # "It was agreed that ...", a numbered paragraph "3. Agreed to ...": the meeting's
        # parties, the text's own group, agreed.
        return _unnamed_group(sub, u, offset, ctx)
    return _parties_of(sub, u.subject, u, offset, ctx)


def _impersonal(subject: Token, u: Undertaking) -> bool:
    return (
        subject.lower_ == "it"
        and subject.dep_ == "nsubjpass"
        and subject.head.i == u.cue.i
        and not u.future
    )


def _unnamed_group(sub: Doc, u: Undertaking, offset: int, ctx: Context) -> tuple[str, ...]:
    """The parties of a cue with no party named: a passive "It was agreed" or a paragraph
    opening on the past participle ("3. Agreed to ..."), never a headline's bare verb."""
    if u.future or u.modality not in ("agreed", "decided"):
        return ()
    if u.subject is None:
        first = next(
            (
                t
                for t in sub
                if t.dep_ != "meta" and not (t.is_punct or t.like_num or t.tag_ == "LS")
            ),
            None,
        )
        if first is None or first.i != u.cue.i or u.cue.tag_ not in ("VBD", "VBN"):
            return ()
    cue_char = sub[u.cue.i].idx + offset
    group = _referent_group(ctx, cue_char, None) or ctx.last_group
    if group:
        return group
    later = _named_after(sub, offset, cue_char, ctx)
    ranked = ctx.ranked(cue_char, exclude=later - set(ctx.doc_people))
    people = [k for k in ranked if ctx.doc_people[k]]
    count = max(2, len(people)) if len(people) <= 4 else 2
    return tuple(sorted(ranked[:count])) if len(ranked) >= 2 else ()


def _named_after(sub: Doc, offset: int, cue_char: int, ctx: Context) -> set[str]:
    """Countries named after the cue: the objects of the undertaking, not its parties."""
    return {
        key
        for _, _, key, kind in ctx.mentions.within(cue_char, offset + len(sub.text))
        if kind == "country"
    }


def _parties_of(
    sub: Doc, subject: Token, u: Undertaking, offset: int, ctx: Context
) -> tuple[str, ...]:
    if subject.lower_ in ("it", "they", "he", "she") and (u.future or subject.lower_ == "it"):
        # "Seoul said it would ...": the reporting subject is the party.
        head = u.verb.head
        reporter = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if reporter is None or head.lemma_.lower() not in ctx.lex.reporting_verbs:
            return _continued(subject, ctx)
        if not _party_head(reporter, ctx.lex):
            return ()
        if reporter.lower_ in ("they", "we") or collective_head(reporter, ctx.lex):
            # "They confirmed that they would ...": the group that reports is the party.
            return _parties_of(sub, reporter, replace(u, future=False), offset, ctx)
        return tuple(sorted(_explicit(sub, reporter, offset, ctx)))
    if subject.lower_ == "i" and ctx.speaker:
        return (ctx.speaker,)
    if not _party_head(subject, ctx.lex):
        return ()
    if subject.lower_ == "we":
        speaker = _quoted_speaker(sub, u.verb, offset, ctx)
        if speaker:
            return speaker
        if ctx.speaker and u.future and not ctx.we_group:
            return (ctx.speaker,)  # "We will provide £3 billion" in a minister's statement
        if ctx.we_group and not any(c.dep_ in ("appos", "conj") for c in subject.children):
            return ctx.we_group
    explicit = _explicit(sub, subject, offset, ctx)
    if not explicit and not _plural(subject):
        office_holder = _office_holder(subject, ctx)
        if office_holder:
            return office_holder
    collective, count = _collective(subject, ctx.lex)
    named = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    # "Minister Baerbock and I agreed", parsed as two subjects of "agreed".
    named += [
        c
        for c in subject.head.children
        if c.dep_ == "nsubj"
        and c.i > subject.i
        and c.lower_ in ("i", "we")
        and sub[c.i - 1].lower_ == "and"
    ]
    if ctx.speaker and explicit and any(t.lower_ == "i" for t in named[1:]):
        return tuple(sorted({*explicit, ctx.speaker}))  # "Minister Baerbock and I agreed"
    if (
        not collective
        and len(named) >= 2
        and all(t.pos_ == "PROPN" or t.lower_ in ("he", "she") for t in named)
    ):
        # "Sunak and Kishida": people the reading layer gave no country are still parties.
        # A body among them ("Chile and the EU") acts in its own right: no state to find.
        bodies = sum(1 for t in named if _names_body(sub, t, offset, ctx))
        collective, count = True, len(named) - bodies
        if len(explicit) >= count:
            return tuple(sorted(explicit))
        explicit_fill = True
    else:
        explicit_fill = False
    if not collective:
        return tuple(sorted(explicit))
    # "Albanese and I", "He and Wang": a pronoun in a list of people is one more party.
    pronoun_in_list = bool(explicit) and (
        any(t.lower_ in ("i", "we") for t in named[1:])
        or (len(named) >= 2 and any(t.lower_ in ("he", "she") for t in named))
    )
    if explicit and not pronoun_in_list and not explicit_fill:
        return tuple(sorted(explicit))
    if count is None and pronoun_in_list:
        count = len(explicit) + 1
    cue_char = sub[u.cue.i].idx + offset
    if not explicit and not (ctx.meetings or ctx.doc_people or ctx.last_group or ctx.actors):
        # "The two sides agreed ..." in a text with no meeting, no official and no state
        # named as such: the sides are universities or firms ("the German university").
        return ()
    if not explicit:
        referent = _referent_group(ctx, cue_char, count)
        if referent:
            return referent
    if count is None and ctx.last_group:
        return ctx.last_group
    later = _named_after(sub, offset, cue_char, ctx)
    ranked = ctx.ranked(cue_char, exclude=later - set(explicit) - set(ctx.doc_people))
    if count is None:
        people = [k for k in ranked if ctx.doc_people[k]]
        count = max(2, len(people)) if len(people) <= 4 else 2
    group = list(explicit)
    for key in ranked:
        if len(group) >= count:
            break
        if key not in group:
            group.append(key)
    return tuple(sorted(group))


def _names_body(sub: Doc, token: Token, offset: int, ctx: Context) -> bool:
    """Whether `token` is the name of an international body that is no grouping of states."""
    start = token.idx + offset
    return any(
        kind == "org" and not _grouping_states(key, ctx) and not ctx.kb.body_party(key)
        for _, _, key, kind in ctx.mentions.within(start, start + len(token.text))
    )


def _office_holder(subject: Token, ctx: Context) -> tuple[str, ...]:
    """ "The Prime Minister pledged ...": an office named alone refers to the official
    named with it before; of several holders, the one the text names first (a readout names
    its own side first). In a text a government issued, an office none of its named
    officials holds is its own."""
    words = [t for t in subject.subtree if t.i >= subject.left_edge.i and t.lower_ != "the"]
    if not words or words[0].i > subject.i or not all(t.text[:1].isupper() for t in words):
        return ()
    office = " ".join(t.lower_ for t in words)
    holders = [
        p
        for p in ctx.people
        if p.country and p.title and p.title.casefold().split(" of ")[0].endswith(office)
    ]
    if not holders or subject.left_edge.lower_ != "the":
        return ()
    if ctx.issuer is not None and all(p.country != ctx.issuer for p in holders):
        # "The Prime Minister will travel to Dublin" on a Downing Street page that named
        # Prime Minister Meloni: the issuer's own, never named.
        return (ctx.issuer,)
    first = min(holders, key=lambda p: p.mentions[0].start if p.mentions else 0)
    return (first.country,) if first.country else ()


def _quoted_speaker(sub: Doc, verb: Token, offset: int, ctx: Context) -> tuple[str, ...]:
    """ "'We will keep working with China,' Albanese said": a "we" quoted from one speaker
    speaks for the speaker's side alone."""
    for head in verb.ancestors:
        if head.lemma_.lower() not in ctx.lex.reporting_verbs:
            continue
        reporter = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if reporter is None or reporter.lower_ == "we" or _plural(reporter):
            return ()
        if any(c.dep_ == "conj" for c in reporter.children):
            return ()  # "Albanese and Li said": the two of them
        found = _explicit(sub, reporter, offset, ctx)
        return tuple(found) if len(found) == 1 else ()
    return ()


def _referent_group(ctx: Context, cue_char: int, count: int | None) -> tuple[str, ...]:
    """The group "the two sides", "both leaders", "the four ministers" refers back to: the
    latest meeting reported (up to the cue's own sentence) or the latest group that
    committed, whichever comes later and fits the count, counted in parties or in people."""
    options: list[tuple[int, tuple[str, ...]]] = []
    for start, parties, people in ctx.meetings:
        fits = count is None or count in (len(parties), people)
        if start <= cue_char and cue_char - start <= _CONTEXT_CHARS and len(parties) >= 2 and fits:
            options.append((start, parties))
    if len({parties for _, parties in options}) >= 2:
        options = [_last_named_meeting(ctx, cue_char, options)]
    if ctx.last_group and (count is None or count == len(ctx.last_group)):
        # A meeting whose own party the text names after the last group committed is the
        # next meeting being reported ("... agreed X. The Prime Minister then met Macron.
        # They agreed Y").
        fresh = options and any(
            key not in ctx.last_group and kind != "org"
            for _, _, key, kind in ctx.mentions.within(ctx.last_group_at, cue_char)
            if key in options[0][1]
        )
        if not fresh:
            options.append((ctx.last_group_at, ctx.last_group))
    return max(options)[1] if options else ()


def _last_named_meeting(
    ctx: Context, cue_char: int, options: list[tuple[int, tuple[str, ...]]]
) -> tuple[int, tuple[str, ...]]:
    """Of several meetings that fit ("Modi met Macron, Sunak and Meloni ... In his meeting
    with Macron, they agreed"), the one whose own party the text named last before the cue."""
    shared = set.intersection(*(set(parties) for _, parties in options))
    last_named: dict[str, int] = {}
    for start, _, key, kind in ctx.mentions.within(max(0, cue_char - _CONTEXT_CHARS), cue_char):
        if kind != "org":
            last_named[key] = start

    def recency(option: tuple[int, tuple[str, ...]]) -> tuple[int, int]:
        own = [last_named.get(k, -1) for k in option[1] if k not in shared]
        return (max(own, default=-1), option[0])

    return max(options, key=recency)


def _continued(subject: Token, ctx: Context) -> tuple[str, ...]:
    """ "Japan will provide X. It will also ...": a pronoun opening the sentence right after
    a commitment continues that commitment's parties, when their number fits."""
    if not ctx.follows_previous or not ctx.previous:
        return ()
    single = subject.lower_ in ("it", "he", "she")
    if single != (len(ctx.previous) == 1):
        return ()
    return ctx.previous


# The appositive ends at the comma before the verb ("..., met in", "..., reaffirm").
_WE_THE = re.compile(r"\bWe,\s+the\b[^.;]*?,(?=\s+[a-z])")
# A statement of a grouping's meeting ("Chairman's Statement of the 57th ASEAN Foreign
# Ministers' Meeting", "The Quad Foreign Ministers' Meeting took place ..."): its "we" are
# the grouping's members.
_STATEMENT_LEAD_CHARS = 400


def we_group(
    text: str, mentions: Mentions, kb: KnowledgeBase, *, on: dt.date | None
) -> tuple[str, ...]:
    """The parties a statement's "we" stands for: those its "We, the leaders of A, B and
    C," declares, if it names at least two (a grouping such as the Quad counts for its
    members); else, in a text that speaks as "We", the members of the grouping whose
    meeting its lead names."""
    match = _WE_THE.search(text)
    if match is not None:
        found: list[str] = []
        for _, _, key, kind in mentions.within(match.start(), match.end()):
            if kind == "org":
                # "We, the Leaders of the G7 and the EU": the EU is a party of its own.
                party = kb.body_party(key)
                found.extend([party] if party else kb.member_states(key, on=on))
            elif kind == "country":
                found.append(key)
        group = tuple(sorted(set(found)))
        return group if len(group) >= 2 else ()
    if not re.search(r"(?:^|[.\n]\s*|\d\.\s+)We\s+[a-z]", text):
        return ()
    for _, end, key, kind in mentions.within(0, _STATEMENT_LEAD_CHARS):
        if kind != "org" or not GROUPING_MEETING.match(text, end):
            continue
        members = kb.member_states(key, on=on)
        if len(members) >= 2:
            return members
    return ()


def joint_report(verb: Token, lex: Lexicon) -> bool:
    """ "The two sides confirmed that they would ...": a future the group reports together
    with a verb of joint affirmation states what they agreed."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in lex.joint_reporting_verbs:
        return False
    reporter = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return reporter is not None and (
        reporter.lower_ in ("they", "we") or collective_head(reporter, lex)
    )


def collective_head(subject: Token, lex: Lexicon) -> bool:
    """A plural common noun naming the parties together ("the two governments", "their
    foreign ministers", "both leaders"), not a list of names."""
    if not _plural(subject):
        return False
    return (
        subject.lemma_.lower() in lex.collective_nouns or _noun_key(subject) in lex.collective_nouns
    )


def _plural(token: Token) -> bool:
    """A plural noun, also a capitalized one the tagger took for a singular name ("The Prime
    Ministers")."""
    return token.tag_ in ("NNS", "NNPS") or (token.pos_ == "PROPN" and token.lower_.endswith("s"))


def _noun_key(token: Token) -> str:
    """The singular of a plural noun by its spelling, for when the lemma is missing (a
    proper noun such as "Parties")."""
    word = token.lower_
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word.removesuffix("s")


_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|of|from|to|at|across|throughout|near|into|for|with|by|on)\s+(?:the\s+)?$", re.I
)
_LIST_JOIN = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?$", re.I)


def names_states(annotations: Annotations, kb: KnowledgeBase, text: str) -> bool:
    """Whether the text names at least two states as actors: by name, not by adjective ("the
    German university") and not as a place ("universities in France and Austria")."""
    actors: set[str] = set()
    previous_end, previous_actor = -1, False
    for mention in sorted(annotations.countries, key=lambda c: c.evidence.start):
        start = mention.evidence.start
        country = kb.countries.get(mention.iso3)
        forms = (
            {f.casefold() for f in (*country.adjectives, *country.demonyms)} if country else set()
        )
        if previous_end >= 0 and _LIST_JOIN.match(text[previous_end:start]):
            actor = previous_actor  # "France and Austria": the list shares its preposition
        else:
            actor = not _PLACE_PREPOSITION.search(text[max(0, start - 20) : start])
        actor = actor and mention.evidence.text.casefold() not in forms
        if actor:
            actors.add(mention.iso3)
        previous_end, previous_actor = mention.evidence.end, actor
    return len(actors) >= 2
