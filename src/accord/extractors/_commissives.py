"""The commissive lexicon (`nlp/patterns/commissives.yaml`) as sets and maps, checked on load."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from accord.errors import ReferenceDataError

__all__ = ["LEXICON_PATH", "Lexicon", "load_lexicon"]

LEXICON_PATH = Path(__file__).resolve().parents[1] / "nlp" / "patterns" / "commissives.yaml"

_SECTIONS = (
    "verbs",
    "reaffirm_verbs",
    "reaffirm_objects",
    "continuing_verbs",
    "belief_heads",
    "effect_verbs",
    "instruction_verbs",
    "instruction_objects",
    "set_verbs",
    "future",
    "reported_future",
    "reporting_verbs",
    "hedge_verbs",
    "hedge_adverbs",
    "collective_nouns",
    "collective_pronouns",
    "numbers",
    "instrument_nouns",
    "irregular_forms",
    "hope_adverbs",
    "purpose_cues",
    "single_party_modality",
    "progressive_verbs",
    "intent_verbs",
    "intent_nouns",
    "joint_reporting_verbs",
    "action_nouns",
    "plover",
    "cameo",
)
_MODALITIES = frozenset({"agreed", "pledged", "planned", "reaffirmed", "decided"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The commissive lexicon of `commissives.yaml`, as sets and maps."""

    verbs: dict[str, str]
    reaffirm_verbs: frozenset[str]
    reaffirm_objects: frozenset[str]
    continuing_verbs: frozenset[str]
    belief_heads: frozenset[str]
    effect_verbs: frozenset[str]
    instruction_verbs: frozenset[str]
    instruction_objects: frozenset[str]
    set_verbs: frozenset[str]
    future: frozenset[str]
    reported_future: frozenset[str]
    reporting_verbs: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    collective_nouns: frozenset[str]
    collective_pronouns: frozenset[str]
    numbers: dict[str, int]
    instrument_nouns: frozenset[str]
    hope_adverbs: frozenset[str]
    purpose_cues: frozenset[str]
    single_party_modality: dict[str, str]
    progressive_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    intent_nouns: dict[str, str]
    joint_reporting_verbs: frozenset[str]
    action_nouns: frozenset[str]
    plover: str
    cameo_default: str
    cameo_by_verb: dict[str, str]
    cue_pattern: re.Pattern[str]


_IRREGULAR_PARTICIPLES = {"set": "set", "put": "put"}


def _participle(verb: str) -> str:
    """ "set" -> "set", "schedule" -> "scheduled", "direct" -> "directed"."""
    if verb in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[verb]
    return verb + "d" if verb.endswith("e") else verb + "ed"


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data[key])


def _stem(word: str) -> str:
    """The prefix every inflection of `word` starts with ("agree" -> "agre")."""
    return word[:-1] if word.endswith("e") else word


@functools.lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The lexicon, checked for every section and for known modalities."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ReferenceDataError(f"cannot read the commissive lexicon {path}: {e}") from e
    missing = [k for k in _SECTIONS if not isinstance(data, dict) or k not in data]
    if missing:
        raise ReferenceDataError(
            f"the commissive lexicon {path} lacks the sections {missing}; restore them"
        )
    verbs = {str(k).lower(): str(v) for k, v in data["verbs"].items()}
    single = {str(k).lower(): str(v) for k, v in data["single_party_modality"].items()}
    intents = {str(k).lower(): str(v) for k, v in data["intent_nouns"].items()}
    bad = sorted((set(verbs.values()) | set(single.values()) | set(intents.values())) - _MODALITIES)
    if bad:
        raise ReferenceDataError(
            f"the commissive lexicon {path} names unknown modalities {bad}; "
            f"use one of {sorted(_MODALITIES)}"
        )
    instruction = {str(v).lower() for v in data["instruction_verbs"]}
    stems = (
        [v for v in verbs if v not in instruction]
        # "direct" is too common a prefix ("director", "directly") for the cheap cue test:
        # the instruction verbs count in the forms that instruct.
        + [f"{_participle(v)} " for v in sorted(instruction)]
        + [f"{v}s " for v in sorted(instruction)]
        + list(data["reaffirm_verbs"])
        + list(data["future"])
        + list(data["reported_future"])
        + list(data["irregular_forms"])
        + list(intents)
        + [f"{_participle(str(v))} to" for v in data["set_verbs"]]
        + ["committed"]
    )
    progressive = [str(w).lower() for w in data["progressive_verbs"]]
    # A cheap word-prefix test that keeps the parser off sentences with no cue at all.
    cue = re.compile(
        r"\b(?:"
        + "|".join(re.escape(_stem(s)) for s in stems)
        + r"|(?:is|are)\s+(?:"
        + "|".join(re.escape(_stem(s)) for s in progressive)
        + r"))",
        re.IGNORECASE,
    )
    cameo = data["cameo"]
    return Lexicon(
        verbs=verbs,
        reaffirm_verbs=_words(data, "reaffirm_verbs"),
        reaffirm_objects=_words(data, "reaffirm_objects"),
        continuing_verbs=_words(data, "continuing_verbs"),
        belief_heads=_words(data, "belief_heads"),
        effect_verbs=_words(data, "effect_verbs"),
        instruction_verbs=_words(data, "instruction_verbs"),
        instruction_objects=_words(data, "instruction_objects"),
        set_verbs=_words(data, "set_verbs"),
        future=_words(data, "future"),
        reported_future=_words(data, "reported_future"),
        reporting_verbs=_words(data, "reporting_verbs"),
        hedge_verbs=_words(data, "hedge_verbs"),
        hedge_adverbs=_words(data, "hedge_adverbs"),
        collective_nouns=_words(data, "collective_nouns"),
        collective_pronouns=_words(data, "collective_pronouns"),
        numbers={str(k).lower(): int(v) for k, v in data["numbers"].items()},
        instrument_nouns=_words(data, "instrument_nouns"),
        hope_adverbs=_words(data, "hope_adverbs"),
        purpose_cues=_words(data, "purpose_cues"),
        single_party_modality=single,
        progressive_verbs=frozenset(progressive),
        intent_verbs=_words(data, "intent_verbs"),
        intent_nouns=intents,
        joint_reporting_verbs=_words(data, "joint_reporting_verbs"),
        action_nouns=_words(data, "action_nouns"),
        plover=str(data["plover"]),
        cameo_default=str(cameo["default"]),
        cameo_by_verb={str(k).lower(): str(v) for k, v in cameo["by_verb"].items()},
        cue_pattern=cue,
    )
