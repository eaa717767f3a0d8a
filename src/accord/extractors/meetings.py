"""Meetings: officials of two or more parties meeting, calling, or holding a named dialogue.

A sentence reports a meeting when it has a meeting cue from `nlp/patterns/meetings.yaml`
(a verb such as "met", "spoke", "hosted", or "held" with an event noun), the cue is not
future, hypothetical or negated, and two parties take part: the countries of the officials
named in it, else the countries it names. The same meeting reported twice (same date and
parties) is one record. CAMEO codes follow the 04x "consult" family.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml
from spacy.tokens import Doc, Span

from accord.errors import ReferenceDataError
from accord.extractors.entities import DATELINE_LINES
from accord.records import (
    Annotations,
    Evidence,
    Meeting,
    Participant,
    Person,
    Place,
    TimeExpression,
)


@dataclass(frozen=True)
class MeetingLexicon:
    verbs: frozenset[str]
    joint_verbs: frozenset[str]
    event_nouns: frozenset[str]
    mechanism_heads: tuple[str, ...]
    not_held: frozenset[str]
    margins: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> MeetingLexicon:
    """The meeting cues, read once from the packaged data file."""
    source = resources.files("accord.nlp") / "patterns" / "meetings.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    try:
        return MeetingLexicon(
            verbs=frozenset(data["verbs"]),
            joint_verbs=frozenset(data["joint_verbs"]),
            event_nouns=frozenset(str(n) for n in data["event_nouns"]),
            mechanism_heads=tuple(data["mechanism_heads"]),
            not_held=frozenset(data["not_held"]),
            margins=tuple(data["margins"]),
        )
    except (KeyError, TypeError) as error:
        raise ReferenceDataError(f"meetings.yaml: missing or malformed section {error}") from error


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

_PHONE_WORDS = ("phone", "telephone", "call", "video")
# Days counted from the date the text gave last: "The following day, Ishiba met ...".
_FOLLOWING_DAY = re.compile(r"\b(?:the (?:following|next) day|a day later)\b", re.IGNORECASE)


@dataclass
class _Draft:
    date: dt.date | None
    parties: frozenset[str]
    sentence: Span
    participants: dict[str, Participant] = field(default_factory=dict)
    city: str | None = None
    country: str | None = None
    mechanism: str | None = None
    cameo: str = "040"


def _dateline(text: str, annotations: Annotations) -> Place | None:
    """The place of the dateline, when the document has one in its first lines."""
    end = _dateline_end_anywhere(text)
    return next((p for p in annotations.places if p.evidence.start < end), None) if end else None


def _dateline_end_anywhere(text: str) -> int:
    offset = 0
    for line in text.split("\n")[:DATELINE_LINES]:
        end = _dateline_end(line)
        if end:
            return offset + end
        offset += len(line) + 1
    return 0


def _places_nearby(
    sent: Span,
    annotations: Annotations,
    drafts: list[_Draft],
    *,
    date: dt.date | None,
    dateline: Place | None,
    published: dt.date | None,
) -> list[Place]:
    """Where a meeting was held when its own sentence names no place.

    In order: a city introduced by "in" earlier in the same paragraph; the city of an earlier
    meeting the same day; the dateline, when the meeting is within three days of the report.
    """
    text = sent.doc.text
    paragraph_start = text.rfind("\n", 0, sent.start_char) + 1
    earlier = [
        p
        for p in annotations.places
        if paragraph_start <= p.evidence.start < sent.start_char
        and text[max(0, p.evidence.start - 3) : p.evidence.start].lower() == "in "
    ]
    if earlier:
        return earlier[-1:]
    same_day = [d for d in drafts if d.date == date and d.city]
    if same_day:
        return [Place(same_day[-1].city, same_day[-1].country, Evidence(0, 0, ""))]
    near_report = date is not None and published is not None and abs((published - date).days) <= 3
    return [dateline] if dateline is not None and near_report else []


_GROUP_SUBJECT = re.compile(
    r"\b(?:the two|both|they|the (?:leaders|ministers|heads|presidents|prime ministers|"
    r"officials|delegations|sides|foreign ministers))\b",
    re.IGNORECASE,
)


def _recent_parties(sent: Span, annotations: Annotations) -> set[str]:
    """Countries of the officials named in the two sentences before `sent`."""
    doc = sent.doc
    start = sent.start
    for _ in range(2):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    window = (doc[start].idx, sent.start_char)
    return {
        p.country
        for p in annotations.people
        if p.country and any(window[0] <= m.start < window[1] for m in p.mentions)
    }


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


def _cue_position(sent: Span) -> int:
    """Character offset of the sentence's first meeting verb (or its start)."""
    verbs = load_lexicon().verbs
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs:
            return token.idx
    return sent.start_char


def _dated_elsewhere(times: list[TimeExpression], previous: dt.date | None) -> bool:
    """The sentence dates itself to a period that does not hold the date read so far."""
    periods = [t for t in times if t.start is not None and t.end is not None]
    if not periods:
        return False
    return previous is None or not any(t.start <= previous <= t.end for t in periods)


def _has_cue(sent: Span, *, joint: bool = False) -> bool:
    """A meeting verb that is not future, hypothetical or negated, or an event noun followed
    by who took part ("Last Friday's meeting at Camp David between President Biden, ...")."""
    lex = load_lexicon()
    for token in sent:
        if token.lower_ in ("meeting", "talks", "summit", "call") and token.pos_ == "NOUN":
            following = {t.lower_ for t in sent.doc[token.i + 1 : min(token.i + 8, sent.end)]}
            before = {t.lower_ for t in sent.doc[max(sent.start, token.i - 3) : token.i]}
            if "between" in following and not before & lex.not_held:
                return True
    text = sent.text.lower()
    has_event_noun = any(noun in text for noun in lex.event_nouns)
    verbs = lex.verbs | lex.joint_verbs if joint else lex.verbs
    for token in sent:
        if token.pos_ not in ("VERB", "AUX", "NOUN") or token.lemma_.lower() not in verbs:
            continue
        if (
            token.lemma_ in ("hold", "have", "sit", "convene", "chair", "co-chair")
            and not has_event_noun
        ):
            continue
        if token.pos_ == "NOUN" and token.lemma_ != "call":
            continue
        following = sent.doc[token.i + 1].lower_ if token.i + 1 < len(sent.doc) else ""
        if token.lemma_ == "call" and following in ("on", "upon", "for"):
            continue  # "called on X to ...": a demand, not a call
        before = {t.lower_ for t in sent.doc[max(sent.start, token.i - 3) : token.i]}
        if before & lex.not_held:
            continue
        return True
    return False


_TRAILING_MARKERS = re.compile(r"(?:\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)+\s*$")


def _is_reported_sentence(sent: Span) -> bool:
    """A sentence of the body, not a headline: it ends with a full stop or a quote (before
    any footnote marker)."""
    text = _TRAILING_MARKERS.sub("", sent.text.rstrip())
    return text[-1:] in (".", "!", '"', "”", "’", ")")


def _names_event(sent: Span) -> bool:
    text = sent.text.lower()
    return any(re.search(rf"\b{re.escape(noun)}\b", text) for noun in load_lexicon().event_nouns)


def _venue(sent: Span, places: list[Place]) -> Place:
    """The place the meeting was held: one introduced by "in" or "at", else the first named."""
    text = sent.doc.text
    for place in places:
        before = text[max(0, place.evidence.start - 4) : place.evidence.start].lower()
        if before.endswith(("in ", "at ")):
            return place
    return places[0]


def _inside(evidence: Evidence, sent: Span) -> bool:
    return sent.start_char <= evidence.start < sent.end_char


def _mechanism(sent: Span) -> str | None:
    """A named dialogue or summit in the sentence; after "on the margins of" it wins."""
    text = sent.text
    candidates = [m for m in _mechanism_pattern().finditer(text)]
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


def _day_date(times: list[TimeExpression], *, after: int) -> dt.date | None:
    """The day the sentence names, preferring the first one after the meeting cue."""
    days = [t for t in times if t.precision == "day" and t.start is not None]
    later = [t for t in days if t.evidence.start >= after]
    chosen = (later or days)[:1]
    return chosen[0].start if chosen else None


# "SAN FRANCISCO, Nov. 16, 2023 —": a dateline's date is when the story was filed, not
# when the meeting it reports took place.
_DATELINE_END = re.compile(r"^[^\n]{0,120}?\s[—–-]{1,2}\s")


def _dateline_end(text: str) -> int:
    match = _DATELINE_END.match(text)
    return match.end() if match and match.group(0)[:1].isupper() else 0


def find_meetings(
    doc: Doc, *, annotations: Annotations, published: dt.date | None
) -> list[Meeting]:
    """Every meeting the document reports, one record per distinct meeting."""
    drafts: list[_Draft] = []
    previous_date: dt.date | None = None
    dateline = _dateline(doc.text, annotations)
    skip_before = _dateline_end_anywhere(doc.text)
    for sent in doc.sents:
        times = [
            t
            for t in annotations.times
            if _inside(t.evidence, sent) and t.evidence.start >= skip_before
        ]
        sentence_date = _day_date(times, after=_cue_position(sent))
        if sentence_date is None and previous_date is not None and _FOLLOWING_DAY.search(sent.text):
            sentence_date = previous_date + dt.timedelta(days=1)
        people = [p for p in annotations.people if any(_inside(m, sent) for m in p.mentions)]
        together = len({p.country for p in people if p.country}) >= 2
        if not _is_reported_sentence(sent) or not _has_cue(sent, joint=together):
            previous_date = sentence_date or previous_date
            continue
        if sentence_date is None and _dated_elsewhere(times, previous_date):
            continue  # "hosted talks in 2021 and 2022": background, not this report's meeting
        if not people and not _names_event(sent):
            previous_date = sentence_date or previous_date
            continue
        places = [p for p in annotations.places if _inside(p.evidence, sent)]
        located = {
            c.iso3
            for c in annotations.countries
            if _inside(c.evidence, sent)
            and any(0 < c.evidence.start - p.evidence.end <= 2 for p in places)
        }
        parties = {p.country for p in people if p.country}
        if len(parties) < 2 and _GROUP_SUBJECT.search(sent.text):
            # "The two Heads of State held talks": the officials were named just before.
            parties |= _recent_parties(sent, annotations)
        if len(parties) < 2:
            parties |= {
                c.iso3
                for c in annotations.countries
                if _inside(c.evidence, sent) and c.iso3 not in located
            }
        if len(parties) < 2:
            previous_date = sentence_date or previous_date
            continue
        date = sentence_date or previous_date or published
        draft = _Draft(date=date, parties=frozenset(parties), sentence=sent)
        for person in people + _paragraph_officials(sent, annotations, parties=parties):
            draft.participants.setdefault(
                person.name, Participant(person.name, person.country, person.title)
            )
        if not places:
            places = _places_nearby(
                sent, annotations, drafts, date=date, dateline=dateline, published=published
            )
        if places:
            venue = _venue(sent, places)
            draft.city, draft.country = venue.city, venue.country
        draft.mechanism = _mechanism(sent)
        draft.cameo = _cameo(sent, draft)
        _merge_into(drafts, draft)
        previous_date = sentence_date or previous_date
    return [_to_meeting(d) for d in drafts]


def _cameo(sent: Span, draft: _Draft) -> str:
    """CAMEO 041 for calls, 043 for hosting, 044 for a third-country venue, else 040."""
    lowered = sent.text.lower()
    if (any(w in lowered for w in _PHONE_WORDS) and "spoke" in lowered) or "phone" in lowered:
        return "041"
    if draft.country and draft.country not in draft.parties:
        return "044"
    if "host" in lowered:
        return "043"
    return "040"


def _merge_into(drafts: list[_Draft], new: _Draft) -> None:
    """Fold a second report of the same meeting into the first.

    The same meeting is the same date with the same parties, or with some of them (a later
    sentence naming one side's official); a wider set of parties is another meeting (a
    trilateral summit beside a bilateral one).
    """
    for draft in drafts:
        if draft.date == new.date and new.parties <= draft.parties:
            for name, participant in new.participants.items():
                draft.participants.setdefault(name, participant)
            draft.city = draft.city or new.city
            draft.country = draft.country or new.country
            draft.mechanism = draft.mechanism or new.mechanism
            return
    drafts.append(new)


def _to_meeting(draft: _Draft) -> Meeting:
    sent = draft.sentence
    text = sent.text.rstrip()
    return Meeting(
        date=draft.date,
        city=draft.city,
        country=draft.country,
        parties=tuple(sorted(draft.parties)),
        participants=tuple(draft.participants.values()),
        mechanism=draft.mechanism,
        evidence=Evidence(sent.start_char, sent.start_char + len(text), text),
        cameo=draft.cameo,
    )
