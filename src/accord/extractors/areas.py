"""Areas of cooperation: which sentences of a text speak of working together, and on what.

A sentence speaks of cooperation when it holds one of the cue words in
`nlp/patterns/cooperation.yaml` ("cooperation", "partnership", "areas", "dialogue",
"agreed", ...); the area lexicon (`kb/data/areas.yaml`) then classifies it.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml
from spacy.tokens import Doc

from accord.errors import ReferenceDataError


@functools.lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    source = resources.files("accord.nlp") / "patterns" / "cooperation.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    cues = data.get("cues") if isinstance(data, dict) else None
    if not cues or not all(isinstance(c, str) for c in cues):
        raise ReferenceDataError("cooperation.yaml: 'cues' must be a list of words or phrases")
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})", re.IGNORECASE)


def cooperation_sentences(doc: Doc) -> list[str]:
    """The sentences of `doc` that speak of cooperation between parties."""
    pattern = _cue_pattern()
    return [sent.text for sent in doc.sents if pattern.search(sent.text)]
