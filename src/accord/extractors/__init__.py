"""Extractors: from a prepared document to its record (people, dates, meetings, commitments).

`extract` runs the spaCy pass once over the document's body (the text before its
reference list) and hands the parsed Doc to each extractor, which returns typed records.
"""

from __future__ import annotations

from spacy.tokens import Doc

from accord.records import Annotations, Commitment, Document, DocumentRecord, Meeting

__all__ = ["analysis_text", "extract", "read_annotations"]


def read_annotations(document: Document) -> Annotations:
    """The reading layer: people, countries, organizations, bodies, places, times, citations."""
    return _read(document)[1]


def analysis_text(document: Document) -> str:
    """The text the spaCy pass reads: the body, before any reference list.

    Batch callers run `load_nlp().pipe` over these texts and hand each Doc to `extract`.
    """
    from accord.extractors.citations import reference_list_start

    text = document.text
    body_end = reference_list_start(text)
    return text if body_end is None else text[:body_end]


def _read(document: Document, *, doc: Doc | None = None) -> tuple[Doc, Annotations]:
    from accord.extractors.citations import find_citations
    from accord.extractors.dates import document_anchor, find_time_expressions
    from accord.extractors.entities import (
        find_agreements,
        find_bodies,
        find_countries,
        find_organizations,
        find_places,
    )
    from accord.extractors.people import find_people
    from accord.kb import load_kb
    from accord.nlp import load_nlp

    kb = load_kb()
    text = document.text
    if doc is None:
        doc = load_nlp()(analysis_text(document))
    elif doc.text != analysis_text(document):
        raise ValueError("the Doc given to extract() must be load_nlp() over analysis_text()")
    countries = find_countries(doc)
    anchor = document_anchor(text, published=document.published)
    people = find_people(doc, kb=kb, on=anchor)
    named = [m for person in people for m in person.mentions]
    return doc, Annotations(
        people=tuple(people),
        countries=tuple(countries),
        organizations=tuple(find_organizations(doc, kb=kb)),
        bodies=tuple(find_bodies(doc, kb=kb, context_countries={c.iso3 for c in countries})),
        # "Santiago" of "President Santiago Peña" is part of a name, not a place.
        places=tuple(
            p
            for p in find_places(doc, kb=kb)
            if not any(m.start <= p.evidence.start < m.end for m in named)
        ),
        times=tuple(find_time_expressions(text, anchor=anchor)),
        agreements=tuple(find_agreements(doc, kb=kb)),
        citations=tuple(find_citations(text)),
    )


def document_areas(
    doc: Doc, *, commitments: list[Commitment], meetings: list[Meeting]
) -> tuple[str, ...]:
    """The areas of cooperation a text names: those of its commitments and meetings, and of
    the sentences that speak of cooperation. A word in passing ("the war in Ukraine") in a
    sentence about something else names no area."""
    from accord.extractors.areas import cooperation_sentences
    from accord.kb import load_kb

    kb = load_kb()
    found: set[str] = set()
    for commitment in commitments:
        found.update(commitment.areas)
    for text in [m.evidence.text for m in meetings] + cooperation_sentences(doc):
        found.update(kb.classify_areas(text))
    return tuple(area for area in kb.areas if area in found)


def extract(document: Document, *, doc: Doc | None = None) -> DocumentRecord:
    """The document record of one document.

    `doc` is the spaCy pass over `analysis_text(document)` when the caller already ran it
    (batched through `load_nlp().pipe`); None runs it here.
    """
    from accord.extractors.commitments import find_commitments
    from accord.extractors.dates import document_anchor
    from accord.extractors.meetings import find_meetings
    from accord.extractors.warnings import find_warnings
    from accord.kb import load_kb

    doc, annotations = _read(document, doc=doc)
    meetings = find_meetings(doc, annotations=annotations, published=document.published)
    commitments = find_commitments(
        doc,
        text=document.text,
        annotations=annotations,
        anchor=document_anchor(document.text, published=document.published),
        kb=load_kb(),
        meetings=meetings,
    )
    return DocumentRecord(
        document=document,
        meetings=tuple(meetings),
        commitments=tuple(commitments),
        warnings=tuple(find_warnings(document.text, annotations=annotations)),
        areas=document_areas(doc, commitments=commitments, meetings=meetings),
        annotations=annotations,
    )
