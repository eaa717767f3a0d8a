"""Accord's spaCy components: the reference-data gazetteer and entity clean-up.

The algorithms live in plain functions; the registered components only call them and
write to `doc.ents` and `doc.spans["accord_gazetteer"]`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

GAZETTEER_KEY = "accord_gazetteer"

# Our reference labels, and the NER label each takes in `doc.ents` so that the statistical
# NER works around them instead of splitting or re-labelling them.
ENT_LABELS: dict[str, str] = {
    "GPE": "GPE",
    "NORP": "NORP",
    "ORG_INTL": "ORG",
    "GOV_BODY": "ORG",
    "AGREEMENT": "LAW",
    "TITLE": "TITLE",
    "REGION": "LOC",
    "PERSON": "PERSON",
    "CITY": "GPE",
}

# Cities the gazetteer names on its own (the model often takes "Abuja" or "Santiago" for a
# person): capitals and cities of at least this many people.
GAZETTEER_CITY_POPULATION = 1_000_000

# Words the model tags as ORG or GPE that are regions or concepts in diplomatic prose.
_REGION_WORDS = frozenset({"indo-pacific", "asia-pacific", "north pacific", "korean peninsula"})


def _starts_capitalized(span: Span) -> bool:
    first = span.text[0]
    return first.isupper() or first.isdigit()


def _written_forms(name: str) -> set[str]:
    """A city's name as texts write it: GeoNames' "Nuku‘alofa" and "Port-Vila" are also
    "Nuku'alofa" and "Port Vila"."""
    plain = name.replace("\u2018", "'").replace("\u2019", "'")
    return {name, plain, plain.replace("-", " ")}


def build_matcher(nlp: Language) -> tuple[PhraseMatcher, dict[int, tuple[str, str]]]:
    """A case-insensitive phrase matcher over every alias in the knowledge base."""
    from accord.kb import load_kb
    from accord.kb.people import load_people

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, tuple[str, str]] = {}
    by_key: dict[tuple[str, str], list[str]] = {}
    for surface, label, key in load_kb().gazetteer_terms():
        by_key.setdefault((label, key), []).append(surface)
    kb = load_kb()
    for city in kb.cities:
        # A name of two words or more ("New Delhi", "Rio de Janeiro") is rarely anything else.
        well_known = city.is_capital or city.population >= GAZETTEER_CITY_POPULATION
        if (well_known or " " in city.name) and kb.country(city.name) is None:
            for name in (city.name, *city.aliases):
                by_key.setdefault(("CITY", f"{city.iso3}|{city.name}"), []).extend(
                    _written_forms(name)
                )
    people = load_people()
    for surface, person in people.names():
        # One-word forms ("Lula") and shared aliases would tag too much: full names only.
        if " " in surface and not people.is_ambiguous(surface):
            by_key.setdefault(("PERSON", person.name), []).append(surface)
    tokenizer = cast(Tokenizer, nlp.tokenizer)  # spaCy's stubs type it as a callable
    for (label, key), surfaces in by_key.items():
        match_id = nlp.vocab.strings.add(f"{label}|{key}")
        keys[match_id] = (label, key)
        matcher.add(str(match_id), list(tokenizer.pipe(sorted(set(surfaces)))))
    return matcher, keys


def gazetteer_spans(
    doc: Doc, matcher: PhraseMatcher, keys: dict[int, tuple[str, str]]
) -> list[Span]:
    """Longest non-overlapping reference-data matches, written as written in the text.

    Matching is case-insensitive but a match must start with a capital or a digit, so
    "US" is the country and "us" is not; all-caps aliases of two or three letters must
    match exactly.
    """
    spans: list[Span] = []
    for match_id, start, end in matcher(doc):
        label, key = keys[int(doc.vocab.strings[match_id])]
        span = Span(doc, start, end, label=label, kb_id=key)
        # News writes offices in lower case ("Canada's new prime minister, Mark Carney"); a
        # one-word lower-case title ("the president said") is too common to count.
        lower_title_ok = label == "TITLE" and (
            len(span) > 1
            or (start > 0 and doc[start - 1].text == ",")  # "Ali Shamkhani, secretary"
        )
        if not _starts_capitalized(span) and not lower_title_ok:
            continue
        # A short country word in title case ("Lao", "BiH") is the country; other short
        # words in mixed case are too often something else.
        short = len(span.text) <= 3 and span.text.isalpha() and not span.text.isupper()
        if short and label not in ("GPE", "NORP"):
            continue
        spans.append(span)
    return filter_spans(spans)


@Language.factory(
    "accord_gazetteer",
    assigns=["doc.ents"],
    requires=["token.orth"],
)
def make_gazetteer(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    matcher, keys = build_matcher(nlp)

    def gazetteer(doc: Doc) -> Doc:
        spans = gazetteer_spans(doc, matcher, keys)
        doc.spans[GAZETTEER_KEY] = spans
        doc.ents = [
            Span(doc, s.start, s.end, label=ENT_LABELS.get(s.label_, s.label_), kb_id=s.kb_id_)
            for s in spans
        ]
        return doc

    return gazetteer


def clean_entities(doc: Doc) -> list[Span]:
    """Entities trimmed of a leading "the" and a trailing possessive; regions relabelled LOC."""
    cleaned: list[Span] = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        if end - start > 1 and doc[start].lower_ == "the":
            start += 1
        if end - start > 1 and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
            end -= 1
        label = ent.label_
        text = doc[start:end].text.lower()
        if label in ("ORG", "GPE", "NORP") and not ent.kb_id_ and text in _REGION_WORDS:
            label = "LOC"
        cleaned.append(Span(doc, start, end, label=label, kb_id=ent.kb_id_))
    return cleaned


@Language.factory("accord_entity_cleanup", assigns=["doc.ents"], requires=["doc.ents"])
def make_entity_cleanup(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def cleanup(doc: Doc) -> Doc:
        doc.ents = clean_entities(doc)
        return doc

    return cleanup


# Abbreviations that end in a full stop inside a sentence ("Senator the Hon. Penny Wong").
_ABBREVIATIONS = frozenset(
    {
        "Hon.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "H.E.",
        "Amb.",
        "Gen.",
        "Sen.",
        "Rep.",
        "Prof.",
        "Lt.",
        "Col.",
        "Adm.",
        "Gov.",
        "Sec.",
        "No.",
        "St.",
        "Rt.",
        "Jr.",
        "Sr.",
        "U.S.",
        "U.K.",
    }
)


def _is_abbreviation(doc: Doc, i: int) -> bool:
    """Token `i` ends an abbreviation: "Hon." as one token, or "Hon" + "." as two."""
    token = doc[i]
    if token.text in _ABBREVIATIONS:
        return True
    return (
        token.text == "."
        and i > 0
        and not doc[i - 1].whitespace_
        and doc[i - 1].text + "." in _ABBREVIATIONS
    )


def _ends_with_footnote(doc: Doc, i: int) -> bool:
    """Token `i` closes a footnote marker after a full stop: ".", "[", "1", "]"."""
    return (
        doc[i].text == "]"
        and i >= 3
        and doc[i - 1].is_digit
        and doc[i - 2].text == "["
        and doc[i - 3].text in (".", "!", "?")
    )


_SENTENCE_ENDS = frozenset('.!?"”’)]:;…')


def _may_end_sentence(token: Token) -> bool:
    """A token a sentence can end with inside a line: punctuation, or a word glued to it."""
    return token.is_space or token.text[-1:] in _SENTENCE_ENDS


def break_at_newlines(doc: Doc) -> None:
    """Start a sentence after every line break (headlines, datelines and list items are
    lines of their own, which the statistical recognizer often runs together), and never
    right after a title's abbreviation ("the Hon. Penny Wong")."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.text == "[" and following.is_digit and token.i > 0:
            # A footnote marker stays with the sentence it annotates.
            token.is_sent_start = False
            following.is_sent_start = False
            if token.i + 2 < len(doc) and doc[token.i + 2].text == "]":
                doc[token.i + 2].is_sent_start = False
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            following.is_sent_start = True
        elif following.is_sent_start and not _may_end_sentence(token):
            # "held the 23rd Meeting of ...": inside a line, a sentence ends at punctuation.
            following.is_sent_start = False
        elif _ends_with_footnote(doc, token.i) and following.text[:1].isupper():
            following.is_sent_start = True  # "... a summit.[1] The leaders agreed ..."
        elif _is_abbreviation(doc, token.i) and token.text not in ("U.S.", "U.K.", "Jr.", "Sr."):
            following.is_sent_start = False
        elif (
            token.text in ("U.S.", "U.K.")
            and following.text[:1].isupper()
            and (following.ent_type_ or following.pos_ == "PROPN")
        ):
            following.is_sent_start = False  # "the U.S. Secretary of State", not an end


@Language.factory(
    "accord_line_breaks", assigns=["token.is_sent_start"], requires=["token.is_sent_start"]
)
def make_line_breaks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def line_breaks(doc: Doc) -> Doc:
        break_at_newlines(doc)
        return doc

    return line_breaks
