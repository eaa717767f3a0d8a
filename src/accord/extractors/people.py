"""People: each person named with an office, with the title and the country they speak for.

The shapes come from how readouts and news name officials: a title before the name
("Vice Minister for Political Affairs Chung Byung-won", "Japanese Foreign Minister
Kamikawa Yoko"), an apposition after it ("Weldon Epp, Canada's Assistant Deputy Minister
for the Indo-Pacific at Global Affairs Canada"), and later short mentions ("Minister Joly",
"Chung urged") that refer back to a person already named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord.kb import KnowledgeBase
from accord.nlp.components import GAZETTEER_KEY
from accord.records import Evidence, Person

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "da", "di", "du", "del", "la", "le", "bin", "al", "el"}
)
_NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "III", "II"})
_TITLE_LINKS = frozenset({"for", "of"})
# Words that begin a clause or a new noun phrase, never part of a name.
_NAME_STOP_LOWER = frozenset({"and", "met", "said", "held", "on", "in", "at", "with", "who", "the"})


@dataclass
class _PersonDraft:
    name: str
    title: str | None = None
    country: str | None = None
    body: str | None = None
    mentions: list[Evidence] = field(default_factory=list)

    def name_tokens(self) -> set[str]:
        return {t.strip(".,").casefold() for t in self.name.split() if len(t) > 1}


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    span = doc[start:end]
    return Evidence(span.start_char, span.end_char, span.text)


def _is_name_token(token: Token) -> bool:
    text = token.text
    if token.ent_type_ in ("GPE", "ORG", "LAW", "TITLE", "DATE", "NORP") and token.ent_type_:
        return False
    if text in _NAME_SUFFIXES:
        return True
    if token.lower_ in _NAME_PARTICLES:
        return True
    return (
        bool(text[:1].isupper())
        and any(c.isalpha() for c in text)
        and token.lower_ not in _NAME_STOP_LOWER
    )


def _name_after(doc: Doc, start: int, person_starts: dict[int, Span]) -> tuple[int, int] | None:
    """The name that follows a title at `start`: an NER PERSON there, else capitalized tokens."""
    if start >= len(doc):
        return None
    if start in person_starts:
        ent = person_starts[start]
        return ent.start, ent.end
    end = start
    while end < len(doc) and end - start < 4 and _is_name_token(doc[end]):
        if doc[end].text in _POSSESSIVES:
            break
        end += 1
    # Particles cannot end a name; a name needs one capitalized word at least.
    while end > start and doc[end - 1].lower_ in _NAME_PARTICLES:
        end -= 1
    if end == start or not doc[start].text[:1].isupper():
        return None
    return start, end


def _extend_title(doc: Doc, title: Span, stop: int) -> int:
    """Extend a title over "for the Indo-Pacific" / "of Foreign Affairs" up to `stop`."""
    end = title.end
    while end < stop and doc[end].lower_ in _TITLE_LINKS:
        j = end + 1
        if j < stop and doc[j].lower_ == "the":
            j += 1
        k = j
        while k < stop and (
            (doc[k].text[:1].isupper() and doc[k].ent_type_ not in ("GPE", "PERSON"))
            or (doc[k].lower_ in ("and", "-") and k + 1 < stop and doc[k + 1].text[:1].isupper())
        ):
            k += 1
        if k == j:
            break
        end = k
    return end


def _country_before(doc: Doc, index: int, kb: KnowledgeBase) -> tuple[str | None, str | None, int]:
    """A country adjective, a "Country's" or a "Body's" right before a title at `index`.

    Returns (country, body, start of the modifier).
    """
    i = index - 1
    if i >= 0 and doc[i].text in _POSSESSIVES:
        i -= 1
    if i < 0:
        return None, None, index
    for span in doc.spans[GAZETTEER_KEY]:
        if span.end - 1 == i or span.end == i + 1:
            if span.label_ in ("GPE", "NORP"):
                return span.kb_id_, None, span.start
            if span.label_ == "GOV_BODY":
                body = kb.body(span.text)
                return (body.country if body else None), span.text, span.start
    return None, None, index


def _affiliation_after(doc: Doc, index: int, kb: KnowledgeBase) -> tuple[str | None, str | None]:
    """ "at Global Affairs Canada", "of Canada", "of the Republic of Korea" right after a title."""
    if index >= len(doc) or doc[index].lower_ not in ("at", "of", "in"):
        return None, None
    for span in doc.spans[GAZETTEER_KEY]:
        if span.start in (index + 1, index + 2) and span.label_ in ("GPE", "GOV_BODY"):
            if span.label_ == "GPE":
                return span.kb_id_, None
            body = kb.body(span.text)
            return (body.country if body else None), span.text
    return None, None


def _title_text(doc: Doc, start: int, end: int) -> str:
    text = doc[start:end].text
    return text[4:] if text.lower().startswith("the ") else text


def _strip_honorific(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> int:
    while start < end - 1 and (
        doc[start].text in kb.honorifics or doc[start].text.rstrip(".") in kb.honorifics
    ):
        start += 1
    return start


def find_people(doc: Doc, *, kb: KnowledgeBase) -> list[Person]:
    """Every person named with an office, their short mentions linked to them."""
    titles = [s for s in doc.spans[GAZETTEER_KEY] if s.label_ == "TITLE"]
    person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
    person_starts = {e.start: e for e in person_ents}
    drafts: list[_PersonDraft] = []
    claimed: set[int] = set()

    def add(
        name_start: int, name_end: int, title: str | None, country: str | None, body: str | None
    ) -> None:
        name_start = _strip_honorific(doc, name_start, name_end, kb)
        name = doc[name_start:name_end].text
        evidence = _evidence(doc, name_start, name_end)
        claimed.update(range(name_start, name_end))
        for draft in drafts:
            if draft.name == name or (
                len(name.split()) == 1 and name.casefold() in draft.name_tokens()
            ):
                draft.mentions.append(evidence)
                draft.title = draft.title or title
                draft.country = draft.country or country
                draft.body = draft.body or body
                return
        drafts.append(_PersonDraft(name, title, country, body, [evidence]))

    # Title before the name, possibly with a country or body before the title.
    for title in titles:
        person_at = {e.start for e in person_ents if e.start > title.end}
        stop = min([s for s in person_at if s <= title.end + 8] or [len(doc)])
        title_end = _extend_title(doc, title, stop)
        name = _name_after(doc, title_end, person_starts)
        if name is None:
            continue
        country, body, _ = _country_before(doc, title.start, kb)
        # "Minister Joly": a one-word name after a title is a short mention.
        add(name[0], name[1], _title_text(doc, title.start, title_end), country, body)

    # Apposition: "NAME, [the] [Country's] TITLE [for ...] [at BODY]".
    title_by_start = {t.start: t for t in titles}
    for ent in person_ents:
        if ent.start in claimed:
            continue
        i = ent.end
        if i < len(doc) and doc[i].text == ",":
            i += 1
            if i < len(doc) and doc[i].lower_ == "the":
                i += 1
            j = i
            for span in doc.spans[GAZETTEER_KEY]:
                if span.start == i and span.label_ in ("GPE", "NORP", "GOV_BODY"):
                    j = span.end
                    if j < len(doc) and doc[j].text in _POSSESSIVES:
                        j += 1
            if j in title_by_start:
                title = title_by_start[j]
                title_end = _extend_title(doc, title, len(doc))
                country, body, _ = _country_before(doc, title.start, kb)
                after_country, after_body = _affiliation_after(doc, title_end, kb)
                add(
                    ent.start,
                    ent.end,
                    _title_text(doc, title.start, title_end),
                    country or after_country,
                    body or after_body,
                )
                continue
        # A later short mention of someone already named ("Chung urged").
        tokens = {t.text.strip(".,").casefold() for t in ent}
        for draft in drafts:
            if tokens <= draft.name_tokens():
                draft.mentions.append(_evidence(doc, ent.start, ent.end))
                break

    _assign_sentence_countries(doc, drafts)
    return [
        Person(
            d.name,
            d.title,
            d.country,
            d.body,
            tuple(sorted(set(d.mentions), key=lambda e: e.start)),
        )
        for d in drafts
        if d.title
    ]


def _assign_sentence_countries(doc: Doc, drafts: Sequence[_PersonDraft]) -> None:
    """Give a person with no country the one country of their sentence no one else holds.

    In "A statement from South Korea's ministry: Vice Minister Chung met Weldon Epp,
    Canada's ...", Canada is Epp's, so the sentence's other country is Chung's.
    """
    for draft in drafts:
        if draft.country is not None or not draft.mentions:
            continue
        first = draft.mentions[0]
        sentence = doc.char_span(first.start, first.end, alignment_mode="expand")
        if sentence is None:
            continue
        sent = sentence.sent
        countries = {
            s.kb_id_
            for s in doc.spans[GAZETTEER_KEY]
            if s.label_ in ("GPE", "NORP") and sent.start <= s.start < sent.end
        }
        taken = {
            d.country
            for d in drafts
            if d.country and any(sent.start_char <= m.start < sent.end_char for m in d.mentions)
        }
        free = countries - taken
        if len(free) == 1:
            draft.country = free.pop()
