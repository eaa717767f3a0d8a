"""Commitments: what parties undertake about their own future conduct, each tied to its clause.

Candidate sentences are those with a commissive cue (`nlp/patterns/commissives.yaml`); only
they are dependency-parsed. `_clauses.undertakings` finds each undertaking in the tree; this
module decides who committed (countries, people, "the two sides" resolved from context),
drops what is not a commitment (a future whose subject is not a party acting, an agreement
dated in the past) and reads each clause's deadline, areas and forums.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord.extractors._clauses import Lexicon, Undertaking, load_lexicon, trim, undertakings
from accord.extractors._places import dateline_end
from accord.extractors.dates import deadline_of
from accord.kb import KnowledgeBase
from accord.nlp import parse_sentences
from accord.records import Annotations, Commitment, Evidence, Meeting, Modality, Person

__all__ = ["candidate_sentences", "find_commitments"]

# How far back (in characters) the people of a meeting still define "the two sides".
_CONTEXT_CHARS = 1500
# The lead of a text names the parties of its meeting; it weighs more than later mentions.
_LEAD_CHARS = 600
_CLOSING = frozenset(".!\"”’')]:;")
# A time between "agreed" and its undertaking this close before the document's date is the
# day of the agreement being reported ("agreed on Friday to ..."); an older one is history.
_RECENT = dt.timedelta(days=7)


@dataclass(slots=True)
class _Mentions:
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


def _mentions(annotations: Annotations, *, dateline_end: int = 0) -> _Mentions:
    spans: list[tuple[int, int, str, str]] = []
    spans.extend(
        (c.evidence.start, c.evidence.end, c.iso3, "country")
        for c in annotations.countries
        if c.evidence.start >= dateline_end
    )
    for person in annotations.people:
        if person.country:
            spans.extend((m.start, m.end, person.country, "person") for m in person.mentions)
    for place in annotations.places:
        # The dateline's city ("DUBAI, March 10 -") is where the story was filed, no party.
        if place.country and place.evidence.start >= dateline_end:
            spans.append((place.evidence.start, place.evidence.end, place.country, "place"))
    spans.extend(
        (o.evidence.start, o.evidence.end, o.org_id, "org") for o in annotations.organizations
    )
    return _Mentions(spans)


def candidate_sentences(doc: Doc, *, lexicon: Lexicon | None = None) -> list[Span]:
    """The sentences (split again at line breaks, which the sentence recognizer misses)
    that hold a commissive cue word."""
    lex = lexicon or load_lexicon()
    found: list[Span] = []
    for sent in doc.sents:
        begin = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > begin:
                    found.append(doc[begin : token.i])
                begin = token.i + 1
        if begin < sent.end:
            found.append(doc[begin : sent.end])
    # A line without closing punctuation is a headline, whose verbs are in the present
    # ("Leaders agree to ...") and whose facts the body reports again; a question ("Will the
    # two sides agree to ...?") undertakes nothing.
    return [s for s in found if lex.cue_pattern.search(s.text) and s.text.rstrip()[-1:] in _CLOSING]


@dataclass(slots=True)
class _Context:
    """What party resolution needs beyond the sentence: mentions, and the last group named."""

    mentions: _Mentions
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


def _explicit(sub: Doc, subject: Token, offset: int, ctx: _Context) -> list[str]:
    """The countries a subject phrase names: countries, people, capitals, groupings."""
    start = sub[subject.left_edge.i].idx + offset
    last = sub[subject.right_edge.i]
    end = last.idx + len(last.text) + offset
    found: list[str] = []
    for _, _, key, kind in ctx.mentions.within(start, end):
        if kind == "org":
            found.extend(ctx.lex.groups.get(key, ()))
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


def _parties(sub: Doc, u: Undertaking, offset: int, ctx: _Context) -> tuple[str, ...]:
    if u.object_parties is not None and u.modality == "reaffirmed":
        owners = _explicit(sub, u.object_parties, offset, ctx)
        if owners:
            return tuple(sorted(owners))
    elif u.object_parties is not None:
        return _parties_of(sub, u.object_parties, u, offset, ctx)
    if u.subject is None:
        return ()
    return _parties_of(sub, u.subject, u, offset, ctx)


def _parties_of(
    sub: Doc, subject: Token, u: Undertaking, offset: int, ctx: _Context
) -> tuple[str, ...]:
    if subject.lower_ in ("it", "they", "he", "she") and (u.future or subject.lower_ == "it"):
        # "Seoul said it would ...": the reporting subject is the party.
        head = u.verb.head
        reporter = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if reporter is None or head.lemma_.lower() not in ctx.lex.reporting_verbs:
            return _continued(subject, ctx)
        if not _party_head(reporter, ctx.lex):
            return ()
        return tuple(sorted(_explicit(sub, reporter, offset, ctx)))
    if not _party_head(subject, ctx.lex):
        return ()
    if subject.lower_ == "we":
        speaker = _quoted_speaker(sub, u.verb, offset, ctx)
        if speaker:
            return speaker
    explicit = _explicit(sub, subject, offset, ctx)
    if not explicit and not _plural(subject):
        office_holder = _office_holder(subject, ctx)
        if office_holder:
            return office_holder
    collective, count = _collective(subject, ctx.lex)
    named = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    if not collective and len(named) >= 2 and all(t.pos_ == "PROPN" for t in named):
        # "Sunak and Kishida": people the reading layer gave no country are still parties.
        collective, count = True, len(named)
        if len(explicit) >= count:
            return tuple(sorted(explicit))
        explicit_fill = True
    else:
        explicit_fill = False
    if not collective:
        return tuple(sorted(explicit))
    pronoun_in_list = bool(explicit) and any(t.lower_ in ("i", "we") for t in named[1:])
    if explicit and not pronoun_in_list and not explicit_fill:
        return tuple(sorted(explicit))
    if count is None and pronoun_in_list:
        count = len(explicit) + 1
    cue_char = sub[u.cue.i].idx + offset
    if not explicit:
        referent = _referent_group(ctx, cue_char, count)
        if referent:
            return referent
    if count is None and ctx.last_group:
        return ctx.last_group
    # Countries named after the cue are the objects of the undertaking, not its parties.
    later = {
        key
        for _, _, key, kind in ctx.mentions.within(cue_char, offset + len(sub.text))
        if kind == "country"
    }
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


def _office_holder(subject: Token, ctx: _Context) -> tuple[str, ...]:
    """ "The Prime Minister pledged ...": an office named alone refers to the official
    named with it before; of several holders, the one the text names first (a readout names
    its own side first)."""
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
    first = min(holders, key=lambda p: p.mentions[0].start if p.mentions else 0)
    return (first.country,) if first.country else ()


def _quoted_speaker(sub: Doc, verb: Token, offset: int, ctx: _Context) -> tuple[str, ...]:
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


def _referent_group(ctx: _Context, cue_char: int, count: int | None) -> tuple[str, ...]:
    """The group "the two sides", "both leaders", "the four ministers" refers back to: the
    latest meeting reported (up to the cue's own sentence) or the latest group that
    committed, whichever comes later and fits the count, counted in parties or in people."""
    options: list[tuple[int, tuple[str, ...]]] = []
    for start, parties, people in ctx.meetings:
        fits = count is None or count in (len(parties), people)
        if start <= cue_char and cue_char - start <= _CONTEXT_CHARS and len(parties) >= 2 and fits:
            options.append((start, parties))
    if ctx.last_group and (count is None or count == len(ctx.last_group)):
        options.append((ctx.last_group_at, ctx.last_group))
    return max(options)[1] if options else ()


def _continued(subject: Token, ctx: _Context) -> tuple[str, ...]:
    """ "Japan will provide X. It will also ...": a pronoun opening the sentence right after
    a commitment continues that commitment's parties, when their number fits."""
    if not ctx.follows_previous or not ctx.previous:
        return ()
    single = subject.lower_ in ("it", "he", "she")
    if single != (len(ctx.previous) == 1):
        return ()
    return ctx.previous


def _past_account(
    u: Undertaking, sub: Doc, offset: int, anchor: dt.date | None, annotations: Annotations
) -> bool:
    """ "agreed last November to ...": a time between the cue and its undertaking, ended
    well before the document's date, makes the sentence an account of the past; "agreed on
    Friday to ..." in a report of Friday's talks is the agreement the text reports."""
    if anchor is None or u.future:
        return False
    cue_end = sub[u.cue.i].idx + len(u.cue.text) + offset
    verb_start = sub[u.verb.i].idx + offset
    for expr in annotations.times:
        inside = cue_end <= expr.evidence.start and expr.evidence.end <= verb_start
        if inside and expr.end is not None and expr.end < anchor - _RECENT:
            return True
    return False


def _deadline(
    start: int, end: int, anchor: dt.date | None, annotations: Annotations
) -> dt.date | None:
    """The first time expression in `[start, end)`, the undertaking after its verb (the day
    of agreeing, "agreed on Friday to", is not a deadline), that is not already past."""
    for expr in annotations.times:
        if start <= expr.evidence.start and expr.evidence.end <= end:
            last = deadline_of(expr)
            if last is not None and (anchor is None or last >= anchor):
                return last
    return None


def _overlaps_half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


def find_commitments(
    doc: Doc,
    *,
    text: str,
    annotations: Annotations,
    anchor: dt.date | None,
    kb: KnowledgeBase,
    meetings: Sequence[Meeting] = (),
) -> list[Commitment]:
    """Every commitment the parties of `doc` state, with its clause as evidence.

    `doc` is the main (unparsed) pass over `text` or its body; `annotations` are the
    reading layer's findings over the same text, `anchor` the date relative expressions
    resolve against, `meetings` those the text reports (they tell whom "the two sides"
    means). Only reported commitments are returned: an author's forecast is not
    one (see the record format, "What counts as a commitment").
    """
    lex = load_lexicon()
    sentences = candidate_sentences(doc, lexicon=lex)
    if not sentences:
        return []
    cut = dateline_end(text)
    sentences = [_after_dateline(s, cut) for s in sentences]
    mentions = _mentions(annotations, dateline_end=cut)
    ctx = _Context(
        mentions=mentions,
        lex=lex,
        kb=kb,
        doc_people=Counter(p.country for p in annotations.people if p.country for _ in p.mentions),
        doc_countries=Counter(c.iso3 for c in annotations.countries),
        lead_countries=Counter(
            key for _, _, key, kind in mentions.within(0, _LEAD_CHARS) if kind != "org"
        ),
        people=annotations.people,
        meetings=sorted(
            (m.evidence.start, m.parties, len(m.participants)) for m in meetings if m.parties
        ),
    )
    found: list[Commitment] = []
    for sentence, sub in zip(sentences, parse_sentences(sentences), strict=True):
        offset = sentence.start_char
        ctx.follows_previous = (
            ctx.previous_end >= 0 and not doc.text[ctx.previous_end : offset].strip()
        )
        parties: tuple[str, ...] = ()
        for u in undertakings(sub, lex):
            commitment = _commitment(u, sub, offset, text, annotations, anchor, ctx)
            if commitment is None:
                continue
            span = (commitment.evidence.start, commitment.evidence.end)
            if any(_overlaps_half(span, (c.evidence.start, c.evidence.end)) for c in found):
                continue
            found.append(commitment)
            parties = parties or commitment.parties
            if len(commitment.parties) >= 2:
                ctx.last_group = commitment.parties
                ctx.last_group_at = commitment.evidence.start
        ctx.previous = parties
        ctx.previous_end = sentence.end_char if parties else -1
    return found


def _after_dateline(sentence: Span, cut: int) -> Span:
    """The sentence without the dateline it opens with ("DOHA, March 7 (Wire) - "), which
    the parser would otherwise take for its subject."""
    if not sentence.start_char < cut < sentence.end_char:
        return sentence
    first = next((t.i for t in sentence if t.idx >= cut), sentence.end)
    return sentence.doc[first : sentence.end] if first < sentence.end else sentence


def _commitment(
    u: Undertaking,
    sub: Doc,
    offset: int,
    text: str,
    annotations: Annotations,
    anchor: dt.date | None,
    ctx: _Context,
) -> Commitment | None:
    parties = _parties(sub, u, offset, ctx)
    if not parties or _past_account(u, sub, offset, anchor, annotations):
        return None
    last = sub[u.end - 1]
    start, end = trim(text, sub[u.start].idx + offset, last.idx + len(last.text) + offset)
    if end <= start:
        return None
    clause = text[start:end]
    modality: Modality = _modality(u, parties, ctx.lex)
    forums = tuple(
        dict.fromkeys(
            o.org_id
            for o in annotations.organizations
            if start <= o.evidence.start and o.evidence.end <= end
        )
    )
    return Commitment(
        parties=parties,
        text=clause,
        modality=modality,
        deadline=_deadline(
            max(start, _undertaking_start(u, sub, offset)), end, anchor, annotations
        ),
        areas=ctx.kb.classify_areas(clause),
        forums=forums,
        evidence=Evidence(start, end, clause),
        attribution="reported",
        plover=ctx.lex.plover,
        cameo=ctx.lex.cameo_by_verb.get(u.verb.lemma_.lower(), ctx.lex.cameo_default),
    )


def _undertaking_start(u: Undertaking, sub: Doc, offset: int) -> int:
    """Where the undertaking itself begins: after a future's auxiliary ("will next year
    open"), at the verb of a commissive ("agreed on Friday | to restore ...")."""
    token = u.cue if u.future else u.verb
    return sub[token.i].idx + offset


def _modality(u: Undertaking, parties: tuple[str, ...], lex: Lexicon) -> Modality:
    if u.future and u.subject is not None and u.cue.lower_ in lex.future:
        # "We will launch ...", "the two governments will ...": a joint decision; one party's
        # "will", or a list of named parties ("France and Brazil will hold"), is a plan.
        joint = _collective_head(u.subject, lex) or (
            # "They will also meet ...", continuing the parties of the sentence before; a
            # reported "Seoul and Tokyo said they will" keeps the plan of the reporters.
            u.subject.lower_ == "they"
            and not (u.verb.dep_ == "ccomp" and u.verb.head.lemma_.lower() in lex.reporting_verbs)
        )
        if (u.subject.lower_ == "we" or joint) and len(parties) >= 2:
            return "agreed"
    if len(parties) == 1 and u.object_parties is None:
        single = lex.single_party_modality.get(u.cue.lemma_.lower())
        if single is not None:
            return single  # type: ignore[return-value]
    return u.modality  # type: ignore[return-value]


def _collective_head(subject: Token, lex: Lexicon) -> bool:
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
