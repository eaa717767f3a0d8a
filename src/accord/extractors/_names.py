"""Name shapes: which tokens can stand in a person's name, and where a name before or
after a title begins and ends."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from accord.kb import KnowledgeBase

NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "da", "di", "du", "del", "la", "le", "bin", "al", "el"}
)

_NAME_STOP_LOWER = frozenset({"and", "met", "said", "held", "on", "in", "at", "with", "who", "the"})


_LOOSE_ENT_TYPES = frozenset(
    {"", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"}
)
INITIAL_OR_SUFFIX = frozenset({"Jr.", "Jr", "Sr.", "III", "II", "MP"})
# Letters after a name that are honours or a seat, not part of it ("the Hon Feleti Teo OBE").
POST_NOMINALS = frozenset(
    {"MP", "OBE", "MBE", "CBE", "KBE", "DBE", "KC", "QC", "GCON", "GCMG", "KCMG", "CMG", "AC", "AO"}
)


# Heads of institutional names, never part of a person's name ("General Agreement for ...").
INSTITUTION_WORDS = frozenset(
    {
        "Agreement",
        "Treaty",
        "Accord",
        "Convention",
        "Pact",
        "Dialogue",
        "Summit",
        "Meeting",
        "Forum",
        "Partnership",
        "Statement",
        "Declaration",
        "Ministry",
        "Department",
        "Office",
        "Council",
        "Committee",
        "Commission",
        "Government",
        "Embassy",
        "Talks",
        "Cooperation",
    }
)


def is_name_token(token: Token) -> bool:
    """A token that can stand in a name: capitalized, not a reference-data entity, not a verb."""
    text = token.text
    if text in INSTITUTION_WORDS:
        return False
    if (
        token.ent_kb_id_ and token.ent_type_ != "PERSON"
    ) or token.ent_type_ not in _LOOSE_ENT_TYPES:
        return False
    if text in INITIAL_OR_SUFFIX or token.lower_ in NAME_PARTICLES:
        return True
    if token.lower_ in _NAME_STOP_LOWER or token.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON"):
        return text[:1].isupper() and token.pos_ == "VERB" and token.ent_type_ == "PERSON"
    return bool(text[:1].isupper()) and any(c.isalpha() for c in text)


def proper_noun_follows(token: Token) -> bool:
    """Whether a capitalized proper noun comes right after `token`."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()


def skip_honorifics(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> int:
    """Move past "the Honourable", "Senator the Hon", "H.E. Mr." at the start of a name."""
    honorific_words = {w.casefold() for h in kb.honorifics for w in h.split()}
    while start < end - 1:
        word = doc[start].text.casefold()
        # A style before "the Hon" is part of the honorific: "Senator the Hon Penny Wong".
        styled = (
            start + 2 < end
            and doc[start].text[:1].isupper()
            and doc[start + 1].lower_ == "the"
            and doc[start + 2].text.casefold().rstrip(".") in _HON_WORDS
        )
        if word not in honorific_words and not styled and doc[start].text not in _STYLE_LETTERS:
            break
        start += 1
    return start


_HON_WORDS = frozenset({"hon", "honourable", "honorable"})
# "HE Antony Blinken", "HH the Amir", "HRH Prince William", "HM the King": styles written
# as capitals only ("He" is a pronoun and a surname).
_STYLE_LETTERS = frozenset({"HE", "HH", "HRH", "HM", "HEH"})


def with_suffix(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in a generational suffix set off by a comma ("Joseph R. Biden, Jr.") and the
    rest of a lineage the model cut short ("Mohammed bin Abdulrahman" + "bin Jassim
    Al-Thani")."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text in ("Jr.", "Jr", "Sr."):
        return start, end + 2
    return start, _lineage_end(doc, end)


_LINEAGE = frozenset({"bin", "bint", "ibn", "al", "el", "āl"})


def _lineage_end(doc: Doc, end: int) -> int:
    """Past "bin Jassim", "Al-Thani", "Al Nahyan" right after a name."""
    while end < len(doc) and doc[end].lower_ in _LINEAGE and doc[end - 1].whitespace_ != "":
        step = end + 1
        if step < len(doc) and doc[step].text in ("-", "‑") and not doc[end].whitespace_:
            step += 1  # "Al-Thani"
        if step >= len(doc) or not doc[step].text[:1].isupper() or not doc[step].is_alpha:
            break
        end = step + 1
    return end


def trim_name(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop what cannot end a name: particles, "MP", lower-case words the model ran on into.

    A lower-case part joined by a hyphen ("Cho Tae-yul") belongs to the name.
    """

    def loose_tail(i: int) -> bool:
        token = doc[i]
        if token.lower_ in NAME_PARTICLES or token.text in POST_NOMINALS:
            return True
        if not any(c.isalnum() for c in token.text):
            return True  # the full stop the model ran on into: "Minister Lai Mohammed."
        detached = i > start and bool(doc[i - 1].whitespace_)
        return detached and not token.text[:1].isupper() and token.text not in INITIAL_OR_SUFFIX

    while end > start and loose_tail(end - 1):
        end -= 1
    if end == start or not doc[start].text[:1].isupper():
        return None
    return start, end


def name_after(
    doc: Doc, start: int, person_starts: dict[int, Span], kb: KnowledgeBase
) -> tuple[int, int] | None:
    """The name that follows a title at `start`: an NER PERSON there, else capitalized tokens."""
    if start >= len(doc):
        return None
    start = skip_honorifics(doc, start, min(len(doc), start + 5), kb)
    if start in person_starts:
        ent = person_starts[start]
        return with_suffix(doc, *(trim_name(doc, ent.start, ent.end) or (ent.start, ent.end)))
    if start + 1 in person_starts and (_lead_name_word(doc[start]) or _place_as_name(doc[start])):
        # The model left off a first word it read as a verb ("Do" of "Do Hung Viet") or as a
        # city ("Santiago" of "Paraguayan President Santiago Peña").
        ent = person_starts[start + 1]
        return with_suffix(doc, start, ent.end)
    end = start
    if (_place_as_name(doc[start]) or doc[start].text == "He") and (
        start + 1 < len(doc) and is_name_token(doc[start + 1])
    ):
        end = start + 1  # "Santiago Peña" (a city), "He Wei" (the surname He) after a title
    while end < len(doc) and end - start < 5 and is_name_token(doc[end]):
        end += 1
    return trim_name(doc, start, end)


def _lead_name_word(token: Token) -> bool:
    """A capitalized word glued to the name after it (no punctuation, not a stop word)."""
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and token.lower_ not in _NAME_STOP_LOWER
        and token.pos_ not in ("ADP", "DET", "PRON", "CCONJ")
        and not token.ent_kb_id_
        and token.ent_type_ in ("", "PERSON")
    )


def _place_as_name(token: Token) -> bool:
    """A one-word city glued to the name after it, right after a title."""
    return token.ent_type_ == "GPE" and token.is_alpha and bool(token.whitespace_)


def name_before(doc: Doc, end: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """The name that ends right before `end` (a comma before an apposition)."""
    start = end
    if (
        end >= 2
        and doc[end - 1].ent_type_ == "GPE"
        and doc[end - 1].is_alpha
        and doc[end - 2].pos_ == "PROPN"
        and is_name_token(doc[end - 2])
    ):
        start = end - 1  # "Chen Jining, Party Secretary of Shanghai": a city as a given name
    while start > 0 and end - start < 5 and is_name_token(doc[start - 1]):
        start -= 1
    start = skip_honorifics(doc, start, end, kb)
    trimmed = trim_name(doc, start, end)
    if trimmed is None or trimmed[1] - trimmed[0] < 2:
        return None  # a lone capitalized word before a comma is too weak to be a name
    return trimmed
