"""Commitments: what parties undertake about their own future conduct, each tied to its clause.

Candidate sentences are those with a commissive cue (`nlp/patterns/commissives.yaml`); only
they are dependency-parsed. `_clauses.undertakings` finds each undertaking in the tree; this
module decides who committed (`_commitment_parties`: countries, people, "the two sides"),
drops what is not a commitment (a future whose subject is not a party acting, an agreement
dated in the past) and reads each clause's deadline, areas and forums.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from accord.extractors._clauses import Lexicon, Undertaking, load_lexicon, trim, undertakings
from accord.extractors._commitment_parties import (
    Context,
    collective_head,
    joint_report,
    mentions_of,
    names_states,
    parties_of_undertaking,
    we_group,
)
from accord.extractors._meeting_rules import issuer_country, text_speaker
from accord.extractors._places import dateline_end
from accord.extractors.dates import deadline_of
from accord.kb import KnowledgeBase
from accord.nlp import parse_sentences
from accord.records import Annotations, Commitment, Evidence, Meeting, Modality

__all__ = ["candidate_sentences", "find_commitments"]

# The lead of a text names the parties of its meeting; it weighs more than later mentions.
_LEAD_CHARS = 600
_CLOSING = frozenset(".!\"”’')]:;")
# A time between "agreed" and its undertaking this close before the document's date is the
# day of the agreement being reported ("agreed on Friday to ..."); an older one is history.
_RECENT = dt.timedelta(days=7)


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
        # "which the two countries agreed to build in 2018": the undertaking's own time,
        # on its verb, ended before the report.
        if (
            u.modality != "reaffirmed"
            and expr.end is not None
            and expr.end < anchor - _PAST_YEAR
            and offset <= expr.evidence.start < offset + len(sub.text)
            and _on_verb(sub, u.verb, expr.evidence.start - offset)
        ):
            return True
    return False


# An undertaking dated more than a year before its report is history, not news.
_PAST_YEAR = dt.timedelta(days=366)


def _on_verb(sub: Doc, verb: Token, char: int) -> bool:
    """Whether the time expression starting at `char` of `sub` modifies `verb` itself
    ("build in 2018"), not a noun of its object ("the 2018 agreement")."""
    token = next((t for t in sub if t.idx <= char < t.idx + len(t.text)), None)
    if token is None:
        return False
    head = token.head
    if head.dep_ == "prep" and head.head.i == verb.i:
        return True  # "in 2018"
    return token.dep_ in ("npadvmod", "pobj") and head.i == verb.i


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
    mentions = mentions_of(annotations, dateline_end=cut)
    ctx = Context(
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
    ctx.on = anchor
    ctx.actors = names_states(annotations, kb, text)
    ctx.we_group = we_group(text, mentions, kb, on=anchor)
    speaker = text_speaker(text, annotations)
    ctx.speaker = speaker.country if speaker is not None else None
    ctx.issuer = issuer_country(text, annotations)
    found: list[Commitment] = []
    for sentence, sub in zip(sentences, parse_sentences(sentences), strict=True):
        offset = sentence.start_char
        ctx.follows_previous = ctx.previous_end >= 0 and not text[ctx.previous_end : offset].strip()
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
    ctx: Context,
) -> Commitment | None:
    parties = parties_of_undertaking(sub, u, offset, ctx)
    if not parties or _past_account(u, sub, offset, anchor, annotations):
        return None
    last = sub[u.end - 1]
    start, end = trim(text, sub[u.start].idx + offset, last.idx + len(last.text) + offset)
    if end <= start:
        return None
    clause = text[start:end]
    modality: Modality = _modality(u, parties, ctx.lex)
    deadline = _deadline(max(start, _undertaking_start(u, sub, offset)), end, anchor, annotations)
    if deadline is None and u.future:
        deadline = _fronted_time(offset, start, text, anchor, annotations)
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
        deadline=deadline,
        areas=ctx.kb.classify_areas(clause),
        forums=forums,
        evidence=Evidence(start, end, clause),
        attribution="reported",
        plover=ctx.lex.plover,
        cameo=ctx.lex.cameo_by_verb.get(u.verb.lemma_.lower(), ctx.lex.cameo_default),
    )


def _fronted_time(
    sentence_start: int, start: int, text: str, anchor: dt.date | None, annotations: Annotations
) -> dt.date | None:
    """The day a plan's sentence opens with, right before its subject: "On June 20, Prabowo
    will speak ...", "Later today, Putin will meet ..." (not "On Saturday, before leaving
    Hanoi, he will ...", whose day goes with another clause)."""
    for expr in annotations.times:
        before = sentence_start <= expr.evidence.start and expr.evidence.end <= start
        if before and _FRONTED_GAP.fullmatch(text, expr.evidence.end, start):
            last = deadline_of(expr)
            if last is not None and (anchor is None or last >= anchor):
                return last
    return None


# Between a fronted time and the plan's subject: a comma, perhaps a day in brackets ("On
# Saturday (15), Lula will travel").
_FRONTED_GAP = re.compile(r"\s*(?:\(\d{1,2}\)\s*)?,\s*")


def _undertaking_start(u: Undertaking, sub: Doc, offset: int) -> int:
    """Where the undertaking itself begins: after a future's auxiliary ("will next year
    open"), at the verb of a commissive ("agreed on Friday | to restore ...")."""
    token = u.cue if u.future else u.verb
    return sub[token.i].idx + offset


def _modality(u: Undertaking, parties: tuple[str, ...], lex: Lexicon) -> Modality:
    if u.future and u.subject is not None and u.cue.lower_ in lex.future:
        # "We will launch ...", "the two governments will ...", "Norway and the United
        # Kingdom will establish ...": a joint decision; one party's "will" is a plan.
        named_list = any(c.dep_ == "conj" for c in u.subject.children) and u.subject.pos_ != "PRON"
        joint = (
            named_list
            or collective_head(u.subject, lex)
            or (
                # "They will also meet ...", continuing the parties of the sentence before; a
                # reported "Seoul and Tokyo said they will" keeps the plan of the reporters.
                u.subject.lower_ == "they"
                and not (
                    u.verb.dep_ == "ccomp" and u.verb.head.lemma_.lower() in lex.reporting_verbs
                )
            )
        )
        if (u.subject.lower_ == "we" or joint) and len(parties) >= 2:
            return "agreed"
    if u.future and len(parties) >= 2 and joint_report(u.verb, lex):
        return "agreed"
    if len(parties) == 1 and u.object_parties is None:
        single = lex.single_party_modality.get(u.cue.lemma_.lower())
        if single is not None:
            return single  # type: ignore[return-value]
    return u.modality  # type: ignore[return-value]
