"""Who else attended a gathering told just before: an attendee list ("Taking part in the
meeting were: – from China: ..."), "Panama's President ... also attended"."""

from __future__ import annotations

import re

from spacy.tokens import Span

from accord.extractors._meeting_cues import CALL
from accord.extractors._meeting_drafts import Draft
from accord.records import Annotations

__all__ = ["attendance_end", "gathering_before", "join_attendees"]

# A sentence that lists who took part in the gathering before it.
_LIST_LEAD = re.compile(
    r"^(?:(?:Also\s+)?(?:taking|took)\s+part(?:\s+in\s+the\s+\w+)?\s+(?:were|was)|"
    r"(?:Also\s+)?(?:participating|attending|present)(?:\s+(?:in|at)\s+the\s+\w+)?\s+(?:were|was)|"
    r"(?:The\s+)?participants\s+(?:included|were)|"
    r"The\s+(?:meeting|summit|session|conference|talks)\s+(?:was|were)\s+(?:also\s+)?attended\s+by)\b",
    re.IGNORECASE,
)
# "José Raúl Mulino, whose country is an associate state, also attended."
_ALSO_ATTENDED = re.compile(
    r"\b(?:also|too)\s+(?:attended|took\s+part|participated|joined(?:\s+(?:them|the\s+\w+))?)\s*"
    r"(?:[.;]|$)|\b(?:was|were)\s+also\s+present\b",
    re.IGNORECASE,
)
_OWN_MEETING = re.compile(r",\s+(?:in|at|during)\s+which\b|,\s+where\b", re.IGNORECASE)
# A line of a list: "– from the Kyrgyz Republic: Minister ...;", "• Japan: ...".
_LIST_LINE = re.compile(r"[ \t]*[–—•*-][ \t]")


def attendance_end(sent: Span, text: str) -> int | None:
    """Where the attendance a sentence of `text` tells ends (its list lines included), or
    None when the sentence tells none."""
    also = _ALSO_ATTENDED.search(sent.text)
    if also is not None:
        # "received X in a private meeting, in which the Foreign Secretary also took part":
        # attendance at the sentence's own meeting, not at the one before.
        return None if _OWN_MEETING.search(sent.text, 0, also.start()) else sent.end_char
    if not _LIST_LEAD.match(sent.text.lstrip()):
        return None
    end = sent.end_char
    if sent.text.rstrip().endswith(":"):
        while True:
            line_start = text.find("\n", end - 1)
            if line_start < 0 or not _LIST_LINE.match(text, line_start + 1):
                break
            next_end = text.find("\n", line_start + 1)
            end = len(text) if next_end < 0 else next_end
    return end


def gathering_before(drafts: list[Draft], sent: Span) -> Draft | None:
    """The meeting told last, when attendance in `sent` can be its own: no call, told in
    this paragraph or the one before."""
    if not drafts:
        return None
    last = drafts[-1]
    between = sent.doc.text[last.sentence.end_char : sent.start_char]
    paragraphs_apart = len(re.findall(r"\n\s*\n|\n", between.strip()))
    if last.cameo == CALL or paragraphs_apart > 1 or last.sentence.start_char > sent.start_char:
        return None
    return last


def join_attendees(gathering: Draft, sent: Span, end: int, annotations: Annotations) -> None:
    """Add the states and officials the attendance from `sent` to `end` names to the
    gathering: each attendee's state took part, if only through an envoy."""
    start = sent.start_char
    parties = {c.iso3 for c in annotations.countries if start <= c.evidence.start < end}
    for person in annotations.people:
        if not any(start <= m.start < end for m in person.mentions):
            continue
        if person.country:
            parties.add(person.country)
        gathering.take_part(person)
    gathering.parties = gathering.parties | frozenset(parties)
