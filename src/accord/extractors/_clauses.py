"""The grammar of commitments: the undertakings a parsed sentence holds, by the commissive lexicon.

The shapes follow the record format's "What counts as a commitment": a commissive verb
("agreed", "pledged", "plan", "decided", "committed") with its "to"-clauses, each conjoined
"to X and to Y" (or "to X, Y and Z" when each verb has words of its own) a separate
undertaking; "reaffirmed their commitment to X"; "be set to X"; "look to X" (but not the hope
"look forward to"); a party's "will X" (or "said ... would X", not a conditional one) and its
present progressive of an act ("are launching"). Readout shapes: "concurred to X", "It was
agreed that ...", "agreed on the establishment of X" (not "on the importance of"), and
"expressed their determination to X" (a noun of intent). "had agreed" outside reported
speech is background; "agreed that X is important" states a view. Whether the subject is a
party is decided by the caller (`commitments.py`, `_commitment_parties.py`), which sees
the annotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from accord.extractors._commissives import LEXICON_PATH, Lexicon, load_lexicon

__all__ = ["LEXICON_PATH", "Lexicon", "Undertaking", "load_lexicon", "trim", "undertakings"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Trailing characters a clause never ends on: punctuation, quotes and footnote markers.
_TRAILING = re.compile(r"(?:\s|[,;:.\-–—\"'“”‘’(]|\[\d+\])+$")


@dataclass(frozen=True, slots=True)
class Undertaking:
    """One undertaking in a parsed sentence: token offsets of its clause and of its parts."""

    cue: Token  # the commissive verb, auxiliary or "reaffirmed"
    verb: Token  # the verb (or object noun) of the undertaking
    start: int  # first token of the clause
    end: int  # one past its last token
    modality: str
    subject: Token | None  # head of the subject phrase the commitment is attributed to
    future: bool  # a "will"/"would" future, whose subject must be a party acting
    object_parties: Token | None = None  # "commits the two countries to": the parties


def _subject(verb: Token) -> Token | None:
    """The subject of `verb`, inherited through conjoined and open-clausal heads."""
    seen = 0
    while seen < 6:
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return child
        if verb.dep_ in ("conj", "xcomp", "acomp") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or (
        verb.dep_ == "pcomp" and verb.head.lower_ == "to"
    )


def _to_complements(prep: Token, *, nouns: bool = False) -> list[Token]:
    """The verbs (or, with `nouns`, objects) of "to doing X" and of "and to doing Y"."""
    deps = ("pcomp", "pobj") if nouns else ("pcomp",)
    found = [c for c in prep.children if c.dep_ in deps]
    for c in prep.children:
        if c.dep_ == "conj" and c.lower_ == "to":
            found.extend(_to_complements(c, nouns=nouns))
    for head in list(found):
        for c in head.children:
            if c.dep_ == "conj" and c.lower_ == "to":
                found.extend(_to_complements(c, nouns=nouns))
    return found


def _conjuncts(verb: Token, *, bare: bool) -> list[Token]:
    """Verbs conjoined to `verb` as undertakings of their own: "to X and to Y"; with `bare`,
    also "X and Y" without a second "to"."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX"):
            continue
        if _has_to(child) or bare or (child.tag_ == "VBG" and verb.tag_ == "VBG"):
            found.append(child)
            found.extend(_conjuncts(child, bare=bare))
    return found


def _own_material(doc: Doc, conj: Token) -> bool:
    """Whether the verb before `conj` has words of its own ("expand trade, deepen ..."),
    so that the two verbs are two undertakings and not one ("strengthen and deepen ties")."""
    i = conj.left_edge.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].dep_ in ("cc", "preconj")):
        i -= 1
    return i >= 0 and doc[i].pos_ not in ("VERB", "AUX") and doc[i].dep_ != "aux"


def _bare_conjuncts(doc: Doc, verb: Token) -> list[Token]:
    """ "agreed to X, Y and Z": bare infinitives conjoined to the cue or to an undertaking
    (the parser hangs them on either) that share its "to" and its subject."""
    found: list[Token] = []
    for child in verb.children:
        if (
            child.dep_ == "conj"
            and child.pos_ == "VERB"
            and child.tag_ == "VB"
            and not _has_to(child)
            and not any(c.dep_ in _SUBJECTS or c.tag_ == "MD" for c in child.children)
            and _own_material(doc, child)
        ):
            found.append(child)
            found.extend(_bare_conjuncts(doc, child))
    return found


def _stray_to_conjuncts(verb: Token, skip: set[int]) -> list[Token]:
    """ "to X, doing Y, and to Z": the parser often hangs the second "to"-clause on a word
    inside the first; a conjoined verb with its own "to" anywhere in the clause is one."""
    return [
        t
        for t in verb.subtree
        if t.i not in skip
        and t.i != verb.i
        and t.dep_ == "conj"
        and t.pos_ == "VERB"
        and _has_to(t)
        and t.head.dep_ not in ("xcomp",)
        and t.head.i != verb.i
    ]


def _listed_purposes(verb: Token, skip: set[int]) -> list[Token]:
    """ "to X, to Y, and to Z": the parser takes ", to Y" for the purpose of X; followed by
    its own "and to Z", it is an item of the list."""
    return [
        t
        for t in verb.subtree
        if t.i not in skip
        and t.dep_ == "advcl"
        and t.pos_ == "VERB"
        and _has_to(t)
        and t.left_edge.i > 0
        and t.doc[t.left_edge.i - 1].text == ","
        and any(c.dep_ == "conj" and c.i in skip for c in t.children)
    ]


def _purpose_conjuncts(verb: Token) -> list[Token]:
    """ "to hold X to share Y and enhance Z": a bare verb conjoined to the purpose clause
    reads as a second plan of the same parties (the gold convention on the seed)."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "advcl" and _has_to(child):
            for c in child.children:
                if c.dep_ == "conj" and c.tag_ == "VB" and not _has_to(c):
                    found.append(c)
    return found


def _clause_end(doc: Doc, tokens: set[int], *, after: int | None = None) -> int:
    """One past the clause's last word; with `after` (the undertaking's object), a comment
    that follows it (", which was first set out in 2021") is left out."""
    last = max(tokens)
    comment = next(
        (
            i
            for i in sorted(tokens)
            if after is not None
            and i > after
            and doc[i].lower_ in ("which", "who", "whose")
            and doc[i - 1].text == ","
        ),
        None,
    )
    if comment is not None:
        last = comment - 1
    while last > 0 and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        last -= 1
    return last + 1


def _split(
    doc: Doc, cue: Token, first: Token, verbs: list[Token], *, start: int
) -> list[tuple[Token, int, int]]:
    """Each undertaking verb with its clause [start, end): the first from `start`, the
    others from their "to"; each ends where the next conjunct's subtree begins."""
    verbs = sorted({v.i: v for v in verbs}.values(), key=lambda v: v.i)
    out: list[tuple[Token, int, set[int]]] = []
    spill: set[int] = set()
    for k, verb in enumerate(verbs):
        inside = {t.i for t in verb.subtree}
        # Conjuncts below this verb, and clauses with a subject of their own ("and the two
        # navies will operate ..."), are not part of its clause.
        cut = [v for v in verbs if v.i != verb.i and v.i in inside]
        cut += [
            t
            for t in verb.subtree
            if t.i != verb.i  # the verb's own subject ("and Japan will provide ...") stays
            and t.dep_ == "conj"
            and t.pos_ in ("VERB", "AUX")
            and any(g.dep_ in _SUBJECTS for g in t.children)
        ]
        # A relative clause after a comma ("..., which was launched in 2022") is comment.
        cut += [
            t
            for t in verb.subtree
            if t.dep_ == "relcl" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","
        ]
        # So is a noun after a comma that a relative clause describes: "will travel to China
        # early next year, a visit that could pave the way ..." is the author's comment.
        cut += [
            t
            for t in verb.subtree
            if t.dep_ in ("appos", "npadvmod", "dobj")
            and t.pos_ == "NOUN"
            and t.left_edge.i > 0
            and doc[t.left_edge.i - 1].text == ","
            and any(c.dep_ == "relcl" for c in t.children)
        ]
        others = {t.i for v in cut for t in _lead(v).subtree}
        own = {t.i for t in verb.subtree if t.i not in others or t.i == verb.i}
        if verb.i == first.i:
            own.update(range(start, verb.i))
            begin = start
        else:
            begin = min(t.i for t in _lead(verb).subtree)
        # Later conjuncts sit inside an earlier one's subtree: cut there.
        later = [_lead(v).left_edge.i for v in verbs[k + 1 :] if _lead(v).left_edge.i > begin]
        stop = min(later) if later else None
        # Punctuation hung on the verb after a cut comment (the full stop) does not stretch
        # the clause over the comment.
        kept = {
            i
            for i in own
            if i >= begin
            and (stop is None or i < stop)
            and not (doc[i].is_punct and others and i > min(others))
        }
        if stop is not None:
            spill.update(i for i in own if i >= stop)
        if not kept:
            continue
        out.append((verb, begin, kept))
    if out and spill:
        # Words after the last conjunct that the parser hung on an earlier one ("resume
        # flights and ease visa rules by the end of the year") end the last clause.
        verb, begin, kept = out[-1]
        out[-1] = (verb, begin, kept | {i for i in spill if i > max(kept)})
    return [(verb, begin, _clause_end(doc, kept)) for verb, begin, kept in out]


def _lead(verb: Token) -> Token:
    """Where a conjoined undertaking starts: its own "to" in "to X and to doing Y"."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "to" and head.dep_ == "conj":
        return head
    return verb


def _hoped_or_past(cue: Token, lex: Lexicon) -> bool:
    """ "look forward to" is a hope; "had agreed to" tells an earlier undertaking as
    background, unless it is reported speech ("told reporters that they had agreed to")."""
    reported = cue.dep_ == "ccomp" and cue.head.lemma_.lower() in lex.reporting_verbs
    for child in cue.children:
        if child.dep_ in ("advmod", "prt") and child.lower_ in lex.hope_adverbs:
            return True
        if child.dep_ == "aux" and child.lower_ in ("had", "'d") and not reported:
            return True
    # "The negotiations were relaunched after A and B agreed to revive them": an undertaking
    # told as the time of a past event (read from the words: the parse often takes "after"
    # for a preposition there).
    sent = cue.sent
    for token in reversed(cue.doc[sent.start : cue.i]):
        if token.text in (",", ";", ":"):
            return False
        if token.lower_ in _TIME_MARKS:
            return any(t.tag_ in ("VBD", "VBN") for t in cue.doc[sent.start : token.i])
    return False


_TIME_MARKS = frozenset({"after", "since", "when", "once", "before", "until"})


def _hedged(verb: Token, lex: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "take" and any(c.lower_ == "part" for c in verb.children):
        return False  # "will take part in": an act
    if lemma in lex.hedge_verbs:
        return True
    if lemma in lex.effect_verbs and not _acting_subject(verb):
        return True
    for child in verb.children:
        if child.dep_ == "neg" or child.dep_ == "auxpass":
            return True
        if child.dep_ == "advmod" and child.lower_ in lex.hedge_adverbs:
            return True
    return False


def _acting_subject(verb: Token) -> bool:
    """A subject that can act: a state, people, a named body ("Mexico", "the two leaders",
    "we"), not a thing ("the deal", "this")."""
    subject = _subject(verb)
    if subject is None:
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ in ("we", "they", "i", "he", "she")
    return subject.pos_ == "PROPN" or subject.ent_type_ in ("GPE", "NORP", "PERSON", "ORG")


def undertakings(doc: Doc, lex: Lexicon) -> list[Undertaking]:
    """Every undertaking the parsed sentence `doc` states, in text order."""
    found: list[Undertaking] = []
    taken: set[int] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "ADJ" and token.lower_ == "committed":
            lemma = "commit"  # "We remain committed to ...": the tagger's adjective
        if token.i in taken:
            continue
        if lemma in lex.verbs and token.pos_ in ("VERB", "ADJ", "AUX"):
            found.extend(_verb_cue(doc, token, lex.verbs[lemma], lex, taken))
        elif lemma in lex.reaffirm_verbs and token.pos_ == "VERB":
            found.extend(_reaffirm_cue(doc, token, lex))
        elif lemma in lex.intent_verbs and token.pos_ == "VERB":
            found.extend(_intent_cue(doc, token, lex))
        elif lemma in lex.set_verbs and token.tag_ == "VBN":
            if any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" for c in token.children):
                found.extend(_verb_cue(doc, token, "planned", lex, taken))
        elif token.tag_ == "MD" and token.lower_ in lex.future | lex.reported_future:
            found.extend(_future_cue(doc, token, lex, taken))
        elif token.tag_ == "VBG" and lemma in lex.progressive_verbs:
            found.extend(_progressive_cue(doc, token, lex))
    return sorted(found, key=lambda u: u.start)


def _demand_on_another(clause: Token) -> bool:
    """ "agreed that Iran must return to the negotiating table": a named state told what it
    must do, not the parties' own undertaking. ("should" is left out: "agreed that Japan
    should host the next round" is as often a party's own undertaking.)"""
    modal = any(c.dep_ == "aux" and c.lower_ == "must" for c in clause.children)
    named = any(
        c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "NORP")
        for c in clause.children
    )
    return modal and named


def _verb_cue(
    doc: Doc, cue: Token, modality: str, lex: Lexicon, taken: set[int]
) -> list[Undertaking]:
    if _hoped_or_past(cue, lex):
        return []
    if cue.lemma_.lower() in lex.instruction_verbs and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.instruction_objects for c in cue.children
    ):
        return []  # "directed Russia to withdraw" is a demand; "directed their officials to"
    heads: list[Token] = []
    object_parties: Token | None = None
    reflexive = False
    for child in cue.children:
        if (child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX")) or (
            child.dep_ == "advcl"
            and cue.lemma_.lower() in lex.purpose_cues
            and child.pos_ == "VERB"
            and _has_to(child)
        ):
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ == "to":
            heads.extend(_to_complements(child))
        elif child.dep_ == "prep" and child.lower_ in ("on", "upon") and modality != "pledged":
            heads.extend(
                c
                for c in child.children
                if c.dep_ == "pobj" and c.lemma_.lower() in lex.action_nouns
            )
        elif child.dep_ == "dobj" and child.lower_.endswith(("selves", "self")):
            # "committed themselves to": the subject binds itself.
            reflexive = True
        elif child.dep_ == "dobj" and child.lemma_.lower() not in lex.reaffirm_objects:
            object_parties = child
        elif child.dep_ == "dobj" and modality == "pledged":
            heads.append(child)  # "pledged India's support for ...": the support is the pledge
        elif (
            child.dep_ == "ccomp"
            and modality in ("agreed", "decided")
            and cue.lemma_ != "commit"
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            and not _stative(child, lex)
            and not _demand_on_another(child)
        ):
            heads.append(child)
    # "committed to" as an adjective ("We are committed to building ...").
    if cue.pos_ == "ADJ" or cue.tag_ == "VBN" or reflexive:
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ == "to" and not heads:
                heads.extend(_to_complements(child, nouns=True))
    # "pledged 500 million dollars in ...": a promise whose object is the undertaking.
    if (
        not heads
        and modality == "pledged"
        and object_parties is not None
        and object_parties.pos_ != "PRON"
    ):
        heads.append(object_parties)
        object_parties = None
    if not heads:
        return []
    if cue.lemma_.lower() in lex.set_verbs and any(_hedged(h, lex) for h in heads):
        return []
    first = min(heads, key=lambda h: h.i)
    verbs = list(heads)
    for head in heads:
        verbs.extend(_conjuncts(head, bare=False))
        if head.pos_ == "VERB":
            verbs.extend(_bare_conjuncts(doc, head))
    if first.pos_ == "VERB":
        verbs.extend(v for v in _bare_conjuncts(doc, cue) if v.i > first.i)
    verbs.extend(_stray_to_conjuncts(first, {v.i for v in verbs}))
    verbs.extend(_listed_purposes(first, {v.i for v in verbs}))
    verbs.extend(_purpose_conjuncts(first))
    for verb in verbs:
        taken.update(t.i for t in verb.children if t.tag_ == "MD")
    subject = _subject(cue)
    start = cue.i
    if (
        subject is not None
        and subject.i < cue.i
        and (subject.head.i == cue.i or cue.pos_ == "ADJ" or cue.dep_ == "acomp")
    ):
        start = subject.left_edge.i
    instrument = subject is not None and subject.lemma_.lower() in lex.instrument_nouns
    if cue.dep_ == "acomp" and cue.head.lemma_.lower() in lex.continuing_verbs:
        modality = "reaffirmed"  # "remained committed to": an undertaking held again
    return [
        Undertaking(
            cue=cue,
            verb=verb,
            start=begin,
            end=end,
            modality=modality,
            subject=subject,
            future=False,
            object_parties=object_parties if instrument else None,
        )
        for verb, begin, end in _split(doc, cue, first, verbs, start=start)
    ]


def _reaffirm_cue(doc: Doc, cue: Token, lex: Lexicon) -> list[Undertaking]:
    for child in cue.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in lex.reaffirm_objects:
            subject = _subject(cue)
            start = cue.i
            if subject is not None and subject.head.i == cue.i and subject.i < cue.i:
                start = subject.left_edge.i
            # "reaffirmed their plan to co-host ...": the parser may hang the plan's
            # "to"-clause on the verb; it is still the plan's.
            # (Taken while contiguous: a hyphen can split "co-host" into three heads.)
            covered = {t.i for t in child.subtree} | {cue.i}
            for c in sorted(cue.children, key=lambda t: t.i):
                if c.i <= child.i or c.dep_ == "punct":
                    continue
                if c.dep_ == "cc":
                    break  # "..., and agreed to meet": another undertaking
                gap = doc[max(covered) + 1 : c.left_edge.i]
                if c.left_edge.i <= max(covered) or not all(t.is_punct for t in gap):
                    break
                covered |= {t.i for t in c.subtree}
            # "reaffirmed their aim of doubling trade and underlined the need ...": a past
            # verb the parser hung inside the object starts another statement.
            told = [
                i for i in covered if i > child.i and doc[i].tag_ == "VBD" and doc[i].dep_ == "conj"
            ]
            if told:
                covered = {i for i in covered if i < min(told)}
            end = _clause_end(doc, covered, after=child.i)
            owner = next(
                (c for c in child.children if c.dep_ in ("poss", "compound") and c.pos_ != "PRON"),
                None,
            )
            return [Undertaking(cue, child, start, end, "reaffirmed", subject, False, owner)]
    return []


def _stative(verb: Token, lex: Lexicon) -> bool:
    """ "agreed that peace is important": a "that"-clause stating a view (a copula without
    a future), not what the parties will do."""
    if any(c.tag_ == "MD" and c.lower_ in lex.future | lex.reported_future for c in verb.children):
        return False
    # (or a past or present tense: "agreed that the summit offered a chance to ...")
    return verb.lemma_ == "be" or verb.tag_ in ("VBD", "VBZ")


def _intent_cue(doc: Doc, cue: Token, lex: Lexicon) -> list[Undertaking]:
    """ "expressed their determination to X": the noun of intent's "to"-clause (and its
    "and to Y") are the undertakings; the noun gives the modality."""
    noun = next(
        (c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.intent_nouns),
        None,
    )
    if noun is None or _hoped_or_past(cue, lex):
        return []
    heads = [c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB" and _has_to(c)]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"):
        heads.extend(_to_complements(prep))
    if not heads:
        return []
    first = min(heads, key=lambda h: h.i)
    verbs = list(heads)
    for head in heads:
        verbs.extend(_conjuncts(head, bare=False))
        verbs.extend(_bare_conjuncts(doc, head))
    subject = _subject(cue)
    start = cue.i
    if subject is not None and subject.head.i == cue.i and subject.i < cue.i:
        start = subject.left_edge.i
    modality = lex.intent_nouns[noun.lemma_.lower()]
    return [
        Undertaking(cue, verb, begin, end, modality, subject, False)
        for verb, begin, end in _split(doc, cue, first, verbs, start=start)
    ]


def _future_cue(doc: Doc, aux: Token, lex: Lexicon, taken: set[int]) -> list[Undertaking]:
    verb = aux.head
    if aux.dep_ != "aux" or verb.pos_ not in ("VERB", "AUX") or _hedged(verb, lex):
        return []
    if verb.lemma_ == "be":
        return []
    if aux.lower_ in lex.reported_future:
        # (also a second verb of the reported clause: "said Australia supports ASEAN and
        # would continue to promote ...")
        clause = verb
        while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
        if not (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lex.reporting_verbs):
            return []
    if _conditional(verb) or (aux.lower_ in lex.reported_future and _conditioned(verb)):
        return []
    if (
        verb.dep_ in ("ccomp", "acl")
        and {verb.head.lemma_.lower(), verb.head.lower_} & lex.belief_heads
    ):
        # "I am sure that we will pass ...", "expressed his confidence that Indonesia will
        # provide ...", "hopes that Australia will ...": a forecast or a wish
        return []
    acts = _acts(doc, aux, verb, lex)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.reaffirm_verbs:
        # "Biden reaffirmed that the United States will keep providing ...": restated
        return [replace(act, modality="reaffirmed") for act in acts]
    return acts


def _conditional(verb: Token) -> bool:
    """ "whether they will", "what it would do", "if Japan will": not a statement of intent."""
    return any(
        c.tag_ in ("WRB", "WDT", "WP") or (c.dep_ == "mark" and c.lower_ in ("if", "whether"))
        for c in verb.children
    )


def _conditioned(verb: Token) -> bool:
    """ "would open embassies if talks succeed": a conditional, not a reported plan."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children
    )


def _progressive_cue(doc: Doc, verb: Token, lex: Lexicon) -> list[Undertaking]:
    """ "The two countries are launching a joint fund": a present progressive of an act, in a
    main clause (not "the submarines that Brazil is building"), announces a plan."""
    aux = next(
        (
            c
            for c in verb.children
            if c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") and c.lemma_ == "be"
        ),
        None,
    )
    if aux is None or verb.dep_ not in ("ROOT", "conj", "ccomp") or _hedged(verb, lex):
        return []
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() not in lex.reporting_verbs:
        return []
    if _conditional(verb):
        return []
    return _acts(doc, aux, verb, lex)


def _acts(doc: Doc, aux: Token, verb: Token, lex: Lexicon) -> list[Undertaking]:
    """The undertakings of a party's "will X" or "is X-ing": the verb and its conjuncts."""
    subject = _subject(verb)
    if subject is None or subject.dep_ != "nsubj" or subject.tag_ in ("WDT", "WP"):
        return []
    verbs = [verb, *(v for v in _conjuncts(verb, bare=True) if not _hedged(v, lex))]
    # A conjoined "and the two navies will operate ..." carries its own subject and cue.
    verbs = [v for v in verbs if v is verb or not any(c.dep_ == "nsubj" for c in v.children)]
    # (a subject the verb shares with another, "Australia supports ASEAN and would continue
    # to ...": the clause starts at its own auxiliary)
    own_subject = subject.i < verb.i and subject.head.i == verb.i
    start = subject.left_edge.i if own_subject else aux.i
    return [
        Undertaking(aux, v, begin, end, "planned", subject, future=True)
        for v, begin, end in _split(doc, aux, verb, verbs, start=start)
    ]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` without trailing punctuation, footnote markers or spaces."""
    match = _TRAILING.search(text, start, end)
    if match is not None and match.end() == end:
        end = match.start()
    return start, end
