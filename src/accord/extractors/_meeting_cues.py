"""Meeting cues: whether a sentence reports a meeting or a call, from the lexicon in
`nlp/patterns/meetings.yaml` and the words around its verb ("met", "held talks", "spoke by
phone"; not "will meet", "called on X to", "welcomed the decision")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from accord.errors import ReferenceDataError
from accord.kb import load_non_state_words

__all__ = [
    "CALL",
    "MeetingLexicon",
    "cue_position",
    "cue_token",
    "has_cue",
    "is_call",
    "load_lexicon",
    "qualifies_business",
    "recall_clauses",
    "second_meeting_clause",
    "told_meeting",
]


@dataclass(frozen=True)
class MeetingLexicon:
    verbs: frozenset[str]
    joint_verbs: frozenset[str]
    with_event_noun: frozenset[str]
    phrasal_verbs: dict[str, str]
    between_nouns: frozenset[str]
    event_nouns: frozenset[str]
    mechanism_heads: tuple[str, ...]
    not_held: frozenset[str]
    margins: tuple[str, ...]
    reported_with_to: frozenset[str]
    cancelled: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> MeetingLexicon:
    """The meeting cues, read once from the packaged data file."""
    source = resources.files("accord.nlp") / "patterns" / "meetings.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    try:
        return MeetingLexicon(
            verbs=frozenset(data["verbs"]),
            phrasal_verbs={str(k): str(v) for k, v in data["phrasal_verbs"].items()},
            between_nouns=frozenset(data["between_nouns"]),
            joint_verbs=frozenset(data["joint_verbs"]),
            with_event_noun=frozenset(data["with_event_noun"]),
            event_nouns=frozenset(str(n) for n in data["event_nouns"]),
            mechanism_heads=tuple(data["mechanism_heads"]),
            not_held=frozenset(data["not_held"]),
            margins=tuple(data["margins"]),
            reported_with_to=frozenset(data["reported_with_to"]),
            cancelled=tuple(data["cancelled"]),
        )
    except (KeyError, TypeError) as error:
        raise ReferenceDataError(f"meetings.yaml: missing or malformed section {error}") from error


def cue_position(sent: Span) -> int:
    """Character offset of the sentence's first meeting verb, else of the verb that leads
    to its meeting noun ("The President opened his series of bilateral talks with ...",
    "reviewed these efforts with the US President in a phone call"), else of its start.
    Who met is the subject before it."""
    lex = load_lexicon()
    for token in sent:
        if token.lemma_ == "have" and _auxiliary(token):
            continue  # "Once the summit had closed, the Prime Minister hosted ...": a tense
        if token.pos_ in ("VERB", "AUX") and (
            token.lemma_.lower() in lex.verbs or _phrasal(token) or _saw_someone(token)
        ):
            return token.idx
    # (most sentences name no meeting noun: the full reading only where one is)
    if not any(t.pos_ == "NOUN" and t.lower_ in lex.between_nouns for t in sent):
        return sent.start_char
    noun = cue_token(sent)
    if noun is None or noun.pos_ != "NOUN":
        return sent.start_char
    leading = (t for t in reversed(sent.doc[sent.start : noun.i]) if t.pos_ == "VERB")
    return next(leading, noun).idx


def qualifies_business(text: str, end: int) -> bool:
    """Whether the nationality ending at `end` qualifies a company or its people ("the
    Chinese technology company Huawei"), not a party."""
    words = re.findall(r"[\w-]+|[^\w\s]", text[end : end + 40])[:3]
    nouns = load_non_state_words().business_nouns
    for word in words:
        if not word[:1].isalnum():
            return False
        if word.lower() in nouns:
            return True
    return False


def _next_word(token: Token) -> str:
    return token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""


def _phrasal(token: Token) -> bool:
    """ "pulled aside", "sat down with": a verb that reports a meeting with its particle."""
    particle = load_lexicon().phrasal_verbs.get(token.lemma_.lower())
    following = token.doc[token.i + 1 : token.i + 4]
    return particle is not None and any(t.lower_ == particle for t in following)


def _saw_someone(token: Token) -> bool:
    """ "Secretary Rubio saw Foreign Minister Roberto Álvarez and President Luis Abinader
    separately": "saw" an official is a meeting; "saw an increase" is not."""
    if token.lemma_ != "see" or token.tag_ != "VBD":
        return False
    following = next((t for t in token.doc[token.i + 1 : token.i + 3] if t.pos_ != "DET"), None)
    return following is not None and following.ent_type_ in ("PERSON", "TITLE")


# Events of one side only: "told a news conference" reports no meeting between parties.
_NOT_EVENTS = re.compile(r"\b(?:news|press|media)\s+(?:conference|briefing|session)s?\b")


def _words_before(sent: Span, token: Token) -> set[str]:
    """The three words before a cue, without names: "On 26 May, Yoon held" is not "may".

    "was pleased to welcome" reports the welcome: "to" after such a word is no plan ("would
    be pleased to host" is one).
    """
    window = sent.doc[max(sent.start, token.i - 3) : token.i]
    words = [t.lower_ for t in window]
    found = {t.lower_ for t in window if t.pos_ != "PROPN"}
    if words[-2:-1] and words[-1] == "to" and words[-2] in load_lexicon().reported_with_to:
        found.discard("to")
        # ("would be pleased to host them": a wish, still)
        found |= {
            t.lower_
            for t in sent.doc[max(sent.start, token.i - 5) : token.i - 2]
            if t.lower_ in ("will", "would")
        }
    last_to = max((t.i for t in window if t.lower_ == "to"), default=None)
    if last_to is not None and any(t.pos_ != "ADV" for t in sent.doc[last_to + 1 : token.i]):
        found.discard("to")  # "travelled to Kigali and signed it": a place, not "to jointly sign"
    return found


def _auxiliary(token: Token) -> bool:
    """ "has chosen", "had already met": "have" before a participle is a tense, not a verb."""
    for following in token.doc[token.i + 1 : token.i + 4]:
        if following.pos_ in ("ADV", "PART"):
            continue
        return following.tag_ == "VBN"
    return False


def _cancelled(lowered: str) -> bool:
    """The text says the meeting was called off ("did not take place", "was cancelled"), not
    that it was late ("did not take place until Sunday")."""
    return any(
        re.search(rf"\b{re.escape(phrase)}\b(?!\s+until)", lowered)
        for phrase in load_lexicon().cancelled
    )


def has_cue(sent: Span, *, joint: bool = False) -> bool:
    """A meeting verb that is not future, hypothetical or negated, or an event noun followed
    by who took part ("Last Friday's meeting at Camp David between President Biden, ...")."""
    return cue_token(sent, joint=joint) is not None


def cue_token(sent: Span, *, joint: bool = False) -> Token | None:
    """The word by which the sentence reports a meeting held (see `has_cue`), if any."""
    lex = load_lexicon()
    lowered = sent.text.lower()
    if _cancelled(lowered):
        return None  # "the talks planned for Friday were cancelled"
    for token in sent:
        if token.lower_ in lex.between_nouns and token.pos_ == "NOUN":
            # (up to a verb: "The meeting in Jakarta continues the communication between
            # the two" names no one who met)
            words_after = set()
            for after in sent.doc[token.i + 1 : min(token.i + 8, sent.end)]:
                if after.pos_ in ("VERB", "AUX"):
                    break
                words_after.add(after.lower_)
            before = _words_before(sent, token)
            # ("would be pleased to host a meeting between ...": the verb's plan)
            verb = next(
                (
                    t
                    for t in reversed(sent.doc[max(sent.start, token.i - 3) : token.i])
                    if t.pos_ == "VERB"
                ),
                None,
            )
            if verb is not None:
                before |= _words_before(sent, verb)
            if "between" in words_after and not before & lex.not_held:
                return token
            if _went_for_talks(sent, token):
                return token
    text = _NOT_EVENTS.sub("", sent.text.lower())
    has_event_noun = any(noun in text for noun in lex.event_nouns)
    verbs = lex.verbs | lex.joint_verbs if joint else lex.verbs
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and (_phrasal(token) or _saw_someone(token)):
            if not _words_before(sent, token) & lex.not_held:
                return token
            continue
        if token.pos_ not in ("VERB", "AUX", "NOUN") or token.lemma_.lower() not in verbs:
            continue
        if token.lemma_ in lex.with_event_noun and not has_event_noun:
            continue
        if token.lemma_ in lex.with_event_noun and _qualifies_a_thing(token, lex.event_nouns):
            continue  # "hostages held in Gaza": a participle of something else held
        if token.lemma_ == "have" and _auxiliary(token):
            continue  # "Norway has chosen ...": an auxiliary holds nothing
        if (
            token.tag_ == "VBG"
            and token.lemma_ == "speak"
            and _next_word(token) not in ("with", "by")
        ):
            continue  # "Speaking on Tuesday, he said ...": a statement, not a call
        if token.lemma_ in ("welcome", "receive") and _welcomes_a_thing(token):
            continue  # "welcomed Indonesia's decision", "received a letter": no visitor
        if token.lemma_ == "host" and _hosts_an_event(token):
            continue  # "The two-day summit is hosted by Lula": a gathering, not a guest
        if token.lemma_ == "meet" and _meets_non_officials(token):
            continue  # "met members of the Korean diaspora": no counterpart state
        if token.pos_ == "NOUN" and token.lemma_ != "call":
            continue
        if _habitual(sent, token):
            continue  # "a forum where the key players sit together": what is done there
        following = sent.doc[token.i + 1].lower_ if token.i + 1 < len(sent.doc) else ""
        if (
            token.lemma_ == "call"
            and following in ("on", "upon", "for", "to")
            and not (following in ("on", "upon") and _calls_on_someone(sent, token))
        ):
            continue  # "called on X to ...", "a call to fight hunger": a demand, not a call
        before = _words_before(sent, token)
        if token.lemma_ == "call" and ("what" in before or following in ("its", "their")):
            continue  # "in what London called its largest deal": naming, not a call
        if before & lex.not_held:
            continue
        return token
    return None


def _qualifies_a_thing(token: Token, event_nouns: frozenset[str]) -> bool:
    """A participle right after a noun other than a meeting's, which it qualifies: "four
    hostages held in Gaza", not "the talks held in Beijing". (Read from the tags: the parse
    may not have run.)"""
    if token.tag_ != "VBN" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.tag_ in ("NN", "NNS") and before.lower_ not in event_nouns


def _habitual(sent: Span, verb: Token) -> bool:
    """A verb in the present tense in a clause of place tells what is done there, not what
    was: "the ARF, where all the key players sit together". (Not "which" or "that": "the
    Council, which meets today, ..." can be the news.)"""
    if verb.tag_ not in ("VBP", "VBZ"):
        return False
    doc = sent.doc
    start = verb.i
    while start > sent.start and doc[start - 1].text not in (",", ";"):
        start -= 1
    return any(t.lower_ == "where" for t in doc[start : verb.i])


# "hosted the G20 summit", "is hosting the conference": a gathering, not a guest.
_HOSTED_EVENTS = frozenset(
    {"summit", "conference", "forum", "games", "olympics", "event", "exhibition", "expo"}
    | {"festival", "ceremony", "assembly", "cup", "tournament", "congress", "session"}
)


def _hosts_an_event(token: Token) -> bool:
    """ "hosted the G20 summit", "the summit is hosted by": the verb's gathering."""
    doc = token.doc
    near = doc[max(0, token.i - 3) : min(len(doc), token.i + 5)]
    return any(t.lower_ in _HOSTED_EVENTS for t in near)


def told_meeting(token: Token) -> bool:
    """A meeting told in the past: "met", "held talks", "had last spoken by phone" (its
    participle; "had" there is a tense), "received a phone call from"."""
    lemma = token.lemma_.lower()
    told = (
        "meet",
        "hold",
        "have",
        "speak",
        "talk",
        "receive",
        "make",
        "call",
        "host",
        "visit",
        "telephone",
        "phone",
        "sit",
        "chair",
    )
    if token.tag_ not in ("VBD", "VBN") or lemma not in told:
        return False
    if lemma == "have" and _auxiliary(token):
        return False
    following = [t.lower_ for t in token.doc[token.i + 1 : token.i + 5]]
    if lemma == "receive" and following[:1] in (["him"], ["her"], ["them"]):
        return True  # "when Xi received him in Beijing"
    if lemma in ("receive", "make"):
        return "call" in following  # "received a phone call from", "made a call to"
    if lemma == "sit":
        return following[:1] == ["down"]  # "when they sat down for a working breakfast"
    if lemma == "visit":
        # "when she visited Manila in July 2023": a visit to the other side's city
        following_token = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following_token is not None and following_token.ent_type_ == "GPE"
    if lemma == "host":
        # "whom he hosted in Wellington", "hosted Modi", "Modi hosted the first in New Delhi"
        return not _hosts_an_event(token)
    if lemma == "call":
        # "When Union Minister Kiren Rijiju called on Muizzu": a visit, not "called on X to"
        return following[:1] == ["on"] and "to" not in following[1:]
    if lemma in ("hold", "have", "chair"):
        # "held talks", or "the Dialogue held in Brasília in January between ...", "when A
        # and B co-chaired in New Delhi the second session of the Joint Commission"
        preceding = token.doc[token.i - 1].lower_ if token.i > 0 else ""
        nouns = load_lexicon().event_nouns
        # (the noun a few words on: "held their first in-person meeting")
        ahead = [t.lower_ for t in token.doc[token.i + 1 : token.i + 8]]
        return preceding in nouns or any(word in nouns for word in ahead)
    if lemma in ("speak", "talk"):
        return any(word in ("with", "by", "over", "to") for word in following[:3])
    return True


# "since he and Albanese met in Bali", "after the two prime ministers held talks in Hanoi",
# "since April 2019, when Moon held talks with Tokayev": an earlier meeting told inside a
# clause of time that dates something else.
_RECALL_OPENERS = frozenset({"since", "after", "when", "whom"})
# (", and", or "and on the" opening a second item: "built on the Secretary's meeting with X
# on January 21 and on the February 7 summit at which ...")
_CLAUSE_END = re.compile(
    r",\s+(?:when|which|where|while|and|but|as|(?:during|at|in)\s+which)\b|;|"
    r"\s+and\s+(?:on|at)\s+the\b|"
    # "held his first meeting with Takaichi on Sunday and met Li Qiang on Monday"
    r"\s+and\s+(?:then\s+|later\s+|also\s+)?(?:met|held|received|hosted|spoke|visited)\b"
)
_PHRASE_END = re.compile(r"[,;]")


# "his meeting with Biden in the Oval Office on 15 March", "At her meeting with Premier Li
# Qiang ... in September 2023": a meeting named as someone's, with whom and when.
_POSSESSIVES = frozenset({"his", "her", "their"})
_CALLED_OFF = frozenset({"cancel", "postpone", "scrap", "delay", "plan"})


def _called_off(token: Token) -> bool:
    """ "was cancelled", "planned for Friday", "was called off"."""
    return token.lemma_ in _CALLED_OFF or (token.lemma_ == "call" and _next_word(token) == "off")


_PLACED = ("in", "at", "on")
_OWNED_MEETINGS = frozenset({"meeting", "talks", "call", "conversation", "summit"})


def _recall_head(opener: Token, sent: Span) -> Token | None:
    """The meeting verb of a clause of time `opener` opens, or the meeting noun after a
    possessive `opener`."""
    doc = sent.doc
    if (
        opener.lower_ in _OWNED_MEETINGS
        and _next_word(opener) == "between"
        and opener.i > sent.start
        and doc[opener.i - 1].lower_ == "the"
    ):
        # "Building on the meeting between Carney and Li in New York in September"; not "The
        # meeting between A and B, planned for Friday, was cancelled".
        after = list(doc[opener.i : sent.end])
        clause = after[: next((k for k, t in enumerate(after) if t.text == ","), len(after))]
        held = not {t.lower_ for t in clause} & load_lexicon().not_held
        called_off = any(_called_off(t) for t in after) or _cancelled(
            doc[opener.i : sent.end].text.lower()
        )
        return opener if held and not called_off else None
    if opener.lower_ in _POSSESSIVES or _named_owner(opener):
        return next(
            (
                t
                for t in doc[opener.i + 1 : min(opener.i + 3, sent.end)]
                if t.lower_ in _OWNED_MEETINGS and _next_word(t) in ("with", "in", "on", "at")
            ),
            None,
        )
    if opener.lower_ in ("after", "following"):
        # "After talks at Hyderabad House on 7 October, the two leaders adopted ..."
        noun = doc[opener.i + 1] if opener.i + 1 < sent.end else None
        if noun is not None and noun.lower_ == "the":
            noun = doc[noun.i + 1] if noun.i + 1 < sent.end else None
        if noun is not None and noun.lower_ in _OWNED_MEETINGS and _next_word(noun) in _PLACED:
            return noun
    if (
        opener.lower_ == "which"
        and opener.i > sent.start
        and doc[opener.i - 1].lower_
        in (
            "at",
            "during",
        )
    ):
        # "the February 7 summit at which President Trump hosted Prime Minister Ishiba"
        return next(
            (t for t in doc[opener.i + 1 : min(opener.i + 8, sent.end)] if told_meeting(t)), None
        )
    if (
        opener.lower_ == "that"
        and opener.i > sent.start
        and doc[opener.i - 1].lower_ in _OWNED_MEETINGS
    ):
        # "builds on talks that Mudavadi held with President Lourenço in Luanda"
        for token in doc[opener.i + 1 : min(opener.i + 10, sent.end)]:
            if token.text in (",", ";", ":") or token.lower_ in load_lexicon().not_held:
                return None
            held = token.lemma_ in ("hold", "have") and token.tag_ in ("VBD", "VBN")
            if held or told_meeting(token):
                return token
    if opener.lower_ == "after" and _next_word(opener) == "which":
        return None  # "hosted a welcome ceremony ..., after which the two leaders held talks"
    if opener.lower_ in _RECALL_OPENERS:
        # (ten words on, not counting names and offices: "when the Minister of Foreign
        # Affairs, Alberto van Klaveren, and Minister Jaishankar co-chaired ...")
        i, words = opener.i + 1, 0
        while i < sent.end and words < 9:
            token = doc[i]
            if token.text in (",", ";", ":"):
                name_end = _apposed_name_end(doc, i, sent.end)  # (a name set off by commas)
                if name_end is None:
                    return None
                i = name_end
                continue
            if told_meeting(token):
                return token
            words += token.ent_type_ not in ("PERSON", "TITLE")
            i += 1
    return None


def _apposed_name_end(doc: Doc, comma: int, end: int) -> int | None:
    """Where the name set off by the comma at `comma` closes with its second comma, if
    what follows the comma is a person's name and then a comma."""
    i = comma + 1
    while i < end and doc[i].ent_type_ == "PERSON":
        i += 1
    if i == comma + 1 or i >= end or doc[i].text != ",":
        return None
    return i + 1


def _named_owner(token: Token) -> bool:
    """The "'s" of a name: "Foreign Minister Moosa Zameer's talks with ..."."""
    return token.text in ("'s", "’s") and token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN"


def recall_clauses(sent: Span) -> list[tuple[Span, Token]]:
    """The clauses of time in `sent` that tell of an earlier meeting, or meetings named as
    someone's, in order: each clause (from its opening word, or the owner's name) and its
    meeting verb or noun. "built on their meeting in New York on September 29, and on the
    guidance the two gave when they met in Kananaskis in June" tells of two."""
    clauses: list[tuple[Span, Token]] = []
    after = sent.start
    for opener in sent:
        if opener.i < after:
            continue
        head = _recall_head(opener, sent)
        if head is None:
            continue
        # "After talks in New Delhi on 7 October, the two ...": a phrase, not a clause
        ends = (
            _PHRASE_END
            if opener.lower_ in ("after", "following") and head.pos_ == "NOUN"
            else _CLAUSE_END
        )
        end = ends.search(sent.text, head.idx + len(head.text) - sent.start_char)
        end_char = sent.start_char + end.start() if end else sent.end_char
        start = opener
        if _named_owner(opener):
            # "Moosa Zameer's talks with ...": the clause starts at the owner's name
            while start.i > sent.start and sent.doc[start.i - 1].pos_ == "PROPN":
                start = sent.doc[start.i - 1]
        clause = sent.doc.char_span(start.idx, end_char, alignment_mode="contract")
        if clause is not None:
            clauses.append((clause, head))
            after = clause.end
    return clauses


# What opens a second clause with a subject of its own: ", while President Biden held a
# separate meeting with ...", "; Wang Yi met ...", ", and Foreign Minister X held talks ...".
_SECOND_CLAUSE = re.compile(r",\s+(?:while|whereas|and|as)\s+|;\s+(?:and\s+|while\s+)?")


def second_meeting_clause(sent: Span, *, cue: int) -> tuple[int, Span] | None:
    """Where a clause after the sentence's meeting verb tells a meeting of its own subject,
    and that subject: "Macron received Zelensky at the Élysée, while President Biden held a
    separate meeting with the Ukrainian President" tells two meetings. (Whether the subject
    is an official other than the first clause's is the caller's to judge.)"""
    for found in _SECOND_CLAUSE.finditer(sent.text):
        start = sent.start_char + found.end()
        if start <= cue:
            continue
        clause = sent.doc.char_span(start, sent.end_char, alignment_mode="expand")
        verb = cue_token(clause) if clause is not None else None
        if clause is None or verb is None or verb.pos_ not in ("VERB", "AUX"):
            continue
        # (read from the tags: the parse may not have run)
        subject = sent.doc[clause.start : verb.i]
        if not subject or any(t.pos_ in ("VERB", "PRON") for t in subject):
            continue  # ", and he also met ...": the first clause's official again
        return sent.start_char + found.start(), subject
    return None


def _went_for_talks(sent: Span, noun: Token) -> bool:
    """ "travelled to Cairo for talks with ...", "was in Delhi for a meeting with ...": a
    past journey whose purpose was the meeting; "At a meeting with X ..., Y said": a
    meeting told as the setting of what was said."""
    doc = sent.doc
    after = doc[noun.i + 1] if noun.i + 1 < sent.end else None
    if after is not None and after.lower_ in ("on", "in") and after.i + 1 < sent.end:
        # "talks on Wednesday with Prime Minister Trudeau": past the day to the "with"
        following = doc[after.i + 1 : min(after.i + 5, sent.end)]
        day = [t for t in following if t.ent_type_ in ("DATE", "TIME")]
        if day and day[-1].i + 1 < sent.end and doc[day[-1].i + 1].lower_ == "with":
            after = doc[day[-1].i + 1]
    window = [t.lower_ for t in doc[max(sent.start, noun.i - 3) : noun.i]]
    if after is not None and after.lower_ == "of" and window[-2:] in (["at", "a"], ["at", "the"]):
        # "At a meeting of the U.S.-Japan Security Consultative Committee ..., the two
        # governments identified ...": the meeting of a two-country format, as the setting.
        return _pair_format_follows(doc, after.i + 1, sent.end) and any(
            t.tag_ == "VBD" for t in sent
        )
    if after is not None and after.lower_ == "of" and "for" in window:
        # "travelled to Athens on 7 December for a meeting of the High-Level Cooperation
        # Council": a past journey to a format's meeting
        heads = load_lexicon().mechanism_heads
        format_named = any(t.text in heads for t in doc[after.i + 1 : min(after.i + 7, sent.end)])
        return format_named and any(t.tag_ == "VBD" for t in doc[sent.start : noun.i])
    if after is None or after.lower_ != "with" or any(t.tag_ == "MD" for t in sent):
        return False
    if "for" in window:
        return any(t.tag_ == "VBD" for t in doc[sent.start : noun.i])
    # "The visit to Ljubljana on 26 June included talks with ...": a programme's meeting;
    # "began his programme with a meeting with", "opened his series of bilateral talks with".
    verb = next(
        (t for t in reversed(doc[max(sent.start, noun.i - 7) : noun.i]) if t.pos_ == "VERB"), None
    )
    if verb is not None and verb.lemma_ in _PROGRAMME_VERBS and verb.tag_ == "VBD":
        # (with someone: "opened the summit with a call to fight hunger" is no meeting)
        return _someone_follows(doc, after.i + 1, sent.end)
    # "At a meeting with X in Tokyo on Monday, Y said ...", "During talks with X, ...";
    # not "In his meeting with X, ...", which goes back to a meeting already told.
    setting = window[-2:] in (["at", "a"], ["during", "a"], ["in", "a"]) or (
        noun.lower_ == "talks" and window[-1:] in (["at"], ["during"], ["in"])
    )
    return setting and any(t.tag_ == "VBD" for t in sent)


def _someone_follows(doc: Doc, start: int, end: int) -> bool:
    """A name or an office from `start`, past an article or possessive: "with Foreign
    Minister ...", "with the President", "with his counterpart"."""
    for token in doc[start:end]:
        if token.lower_ in ("the", "his", "her", "their", "its"):
            continue
        return token.text[:1].isupper() or token.lower_ in ("counterpart", "counterparts")
    return False


def _pair_format_follows(doc: Doc, start: int, end: int) -> bool:
    """Two countries joined by a hyphen within the few words from `start`: "the U.S.-Japan"."""
    window = doc[start : min(start + 4, end)]
    return any(
        a.ent_type_ == "GPE" and b.text in ("-", "–") and c.ent_type_ == "GPE"
        for a, b, c in zip(window, window[1:], window[2:], strict=False)
    )


# Verbs by which a visit or programme holds its meetings: "the visit included talks with",
# "he began his programme with a meeting with".
_PROGRAMME_VERBS = frozenset(
    {"include", "feature", "comprise", "involve", "begin", "start", "open", "conclude", "end"}
)


# Common nouns that stand for visitors: "welcomed the delegation", "received the envoys".
_VISITORS = re.compile(
    r"(?:leader|delegation|minister|president|premier|counterpart|envoy|ambassador|guest|"
    r"chancellor|secretary|official|king|queen|prince|princess|chairman|chair|head)s?$"
)


# Names of documents and programmes, written in capitals like a visitor's name.
_DOCUMENT_NOUNS = frozenset(
    {
        "memorandum", "strategy", "agreement", "declaration", "plan", "initiative",
        "framework", "roadmap", "statement", "accord", "treaty", "arrangement", "programme",
        "program", "outlook", "vision", "charter", "communique", "communiqué", "partnership",
    }
)  # fmt: skip


_WHEN_WORDS = frozenset({"today", "yesterday", "tonight", "here", "on", "this", "morning"})


def _welcomes_a_thing(token: Token) -> bool:
    """The object welcomed or received is a thing, not a visitor: "welcomed New Zealand's
    progress", "received a letter from President Biden"."""
    doc = token.doc
    owner = False  # after "India's": a title ("India's External Affairs Minister") is a visitor
    for t in doc[token.i + 1 : min(token.i + 7, len(doc))]:
        if t.lower_ in ("'s", "’s"):
            owner = True
        elif t.lower_ in _DOCUMENT_NOUNS:
            return True  # "welcomed the Indo-Pacific Strategy", "... the Memorandum of ..."
        elif t.text in ("-", "–") or t.lower_ in _WHEN_WORDS:
            continue  # "Indo-Pacific"; "received today Mr. Antonio Tajani"
        elif t.pos_ == "PROPN" and owner:
            return False
        elif t.pos_ not in ("DET", "ADJ", "PROPN", "ADV"):
            return t.pos_ == "NOUN" and not _VISITORS.match(t.lower_)
    return False


_GROUP_MEMBERS = frozenset({"member", "representative", "leader", "head"})


def _meets_non_officials(token: Token) -> bool:
    """The one met is a people or business group: "met members of the Korean diaspora",
    "met with Japanese business leaders". (Read from the words: the parse may not have run.)"""
    nouns = load_non_state_words().business_nouns
    doc = token.doc
    after = doc[token.i + 1 : min(token.i + 9, len(doc))]
    first_noun = None
    for t in after:
        if (t.lower_ == "with" and t.i == token.i + 1) or t.pos_ in ("DET", "ADJ", "NUM"):
            continue
        if t.lower_ in nouns:
            # "met students", "met Japanese business leaders"; not "... and Prime Minister X"
            rest = doc[t.i + 1 : t.sent.end]
            return not any(
                a.lower_ == "and" and a.i + 1 < len(doc) and doc[a.i + 1].pos_ == "PROPN"
                for a in rest
            )
        if t.pos_ == "NOUN" and first_noun is None:
            first_noun = t
            continue
        if first_noun is not None and first_noun.lemma_ in _GROUP_MEMBERS and t.lower_ == "of":
            continue  # "members of the Korean diaspora"
        break
    return False


def _calls_on_someone(sent: Span, token: Token) -> bool:
    """ "paid a courtesy call on President X", "called on Prime Minister X in Jakarta": a
    visit to an official, not a demand ("called on X to stop ...")."""
    if token.i > sent.start and sent.doc[token.i - 1].lower_ == "courtesy":
        return True
    rest = sent.doc[token.i + 2 : sent.end]
    officials = [t for t in rest[:6] if t.pos_ == "PROPN"]
    demands = [
        t
        for t in rest
        if t.lower_ == "to"
        and t.tag_ == "TO"
        # "called on the Deputy Prime Minister to discuss trade": the visit's purpose
        and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_ in _PURPOSE_VERBS)
    ]
    return bool(officials) and not demands


# What a visit is for: "called on X to discuss ...", not what X is asked to do.
_PURPOSE_VERBS = frozenset({"discuss", "review", "exchange", "explore", "talk", "consult"})


CALL = "041"  # CAMEO: make a telephone call
# "a courtesy call on the President" is a visit; "calls on X to" a demand.
_PHONE = re.compile(
    r"\b(?:(?:tele)?phoned?|video|virtual(?:ly)?|videoconference)\b"
    r"|(?<!courtesy )\bcalls?\s+(?:with|between)\b|\b(?:held|had|made)\s+an?\s+call\b",
    re.I,
)
# "Secretary Rubio spoke with ...": a State Department or No.10 readout's word for a call,
# unless the sentence puts the two somewhere together.
_SPOKE = re.compile(r"\b(?:spoke|spoken|speaks|talked)\s+(?:\w+\s+)?(?:with|to)\b", re.I)
_IN_PERSON = re.compile(
    r"\b(?:met|meets|meeting|visit\w*|host\w*|received|sidelines|margins|fringes)\b", re.I
)


_CALL_RECEIVED = re.compile(r"\b(?:received|made|had|held)\s+an?\s+(?:(?:tele)?phone|video)\s+call")


# "spoke to X this evening, following his meeting with Y": the meeting is another one.
_OTHER_EVENT = re.compile(
    r",?\s+(?:following|after|before|ahead of)\s+(?:his|her|their|the)\b[^.;]*"
)


def is_call(sent: Span, *, placed: bool) -> bool:
    """Whether the sentence reports a telephone or video call rather than a meeting."""
    text = _OTHER_EVENT.sub("", sent.text)
    in_person = _IN_PERSON.search(_CALL_RECEIVED.sub("", text))
    if _PHONE.search(text) and not (placed and in_person):
        return True
    return bool(_SPOKE.search(text)) and not placed and not _IN_PERSON.search(text)
