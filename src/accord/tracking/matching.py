"""Lexical meaning-matching shared by merging, the ledger and source checks: names, tokens, scores.

Heuristic, measured on our gold cases (tests/data/gold_multi): content words with country
names, modal verbs and filler removed, a few spelling variants folded (defense/defence,
ministerial/minister), and overlap scores over those sets. Named mechanisms, parties and
dates carry most of the meaning in diplomatic text, so this is enough without embeddings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say nothing about *what* was met or pledged.
_STOP = _words(
    """
    a an and the of to in on at by for with from into their its his her our we they them
    this that these those be been is are was were will would shall should can could may
    might must as or nor also both two sides side countries country officials leaders
    ministers governments agreed agree agreement pledged pledge plan plans planned decided
    decide reaffirmed reaffirm commit committed commitment vowed continue hold held convene
    convened launch launching launched work towards toward together further first inaugural
    next new year years month within before end soon possible later senior session meeting
    regular regularly each other more closely close ties bilateral between which who it out
    up
    """
)
# Country names and demonyms that appear inside mechanism names ("Korea-Canada ...").
_COUNTRY_WORDS = _words(
    """
    korea korean rok republic south canada canadian japan japanese philippines philippine
    australia australian united states us u.s kingdom china chinese
    """
)
_FOLD = {
    "defense": "defence",
    "ministerial": "minister",
    "ministers": "minister",
    "ministry": "minister",
    "dialogues": "dialogue",
    "strategies": "strategy",
    "talks": "dialogue",
    "economy": "economic",
    "programme": "program",
}
_WORD = re.compile(r"2\+2|[^\W_]+(?:\.[^\W_]+)*")
_NAMED = re.compile(
    r"(?:[A-Z][\w.+-]*|2\+2|\"2\+2\"|\(2\+2\)|and|of|on|for)(?:\s+(?:[A-Z][\w.+-]*|\"?\(?2\+2\)?\"?|and|of|on|for))*"
    r"\s+(?:Dialogue|Meeting|Summit|Forum|Committee|Commission|Consultations?|Talks|Partnership|Agreement|Arrangement)"
)


def fold(text: str) -> str:
    """Lower case without diacritics: 'Mélanie' and 'Melanie' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_key(name: str) -> str:
    """A person's name as a comparison key: 'Lee Jae-myung' == 'Lee Jae Myung'."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


# Cached: the ledger compares every pledge with every later event of the pair.
@lru_cache(maxsize=65536)
def tokens(text: str) -> frozenset[str]:
    """The content words of `text`: what it is about, without filler or country names."""
    out = set()
    for word in _WORD.findall(fold(text.replace("’", "'"))):
        word = _FOLD.get(word, word)
        if word in _STOP or word in _COUNTRY_WORDS or (len(word) < 2 and word != "2+2"):
            continue
        out.add(word)
    return frozenset(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def coverage(needle: frozenset[str], haystack: frozenset[str]) -> float:
    """The share of `needle`'s words found in `haystack`."""
    return len(needle & haystack) / len(needle) if needle else 0.0


@lru_cache(maxsize=16384)
def named_things(text: str) -> tuple[str, ...]:
    """Capitalised names of mechanisms in `text` ('Korea-Canada Indo-Pacific Dialogue')."""
    found = []
    for match in _NAMED.finditer(text):
        name = match.group(0).strip()
        name = re.sub(r"^(?:and|of|on|for)\s+", "", name)
        if len(tokens(name)) >= 2:
            found.append(name)
    return tuple(found)


def parties_key(parties: tuple[str, ...] | list[str]) -> str:
    """Parties as one sorted string: the key merging compares."""
    return "|".join(sorted({p.upper() for p in parties}))
