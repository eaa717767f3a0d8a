"""The relevance pre-filter: one regex pass over raw text that spares spaCy the documents
that cannot hold a meeting or a commitment.

A document can hold one only if it has both
- a **cue**: a commissive cue of `nlp/patterns/commissives.yaml` (the very pattern that picks
  the candidate sentences of `extractors.commitments`), a meeting verb of
  `nlp/patterns/meetings.yaml` in any inflection, or one of its event nouns; and
- an **actor**: any alias the gazetteer tags (countries and their adjectives,
  international organizations, government bodies, agreements, official titles) or a name
  or surname of the known officials, since every party of a meeting or a commitment is a
  country reached through one of them.
Each test is looser than the extractor it stands for (word prefixes, any case, anywhere in
the text), so the filter only ever keeps too much; `tests/test_prefilter.py` checks it
keeps every document of the gold sets that has a meeting or a commitment.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Prefilter", "Relevance", "is_relevant", "load_prefilter"]

# Irregular forms of the meeting verbs: the regular ones share the lemma's first letters.
# (Verbs that are cues only beside an event noun, "held" or "spent", are left to the noun.)
_IRREGULAR = {
    "meet": ("met",),
    "speak": ("spoke",),
}


@dataclass(frozen=True, slots=True)
class Relevance:
    """What the pre-filter found: the first cue and the first actor, or None."""

    cue: str | None
    actor: str | None

    @property
    def relevant(self) -> bool:
        return self.cue is not None and self.actor is not None


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation for many literal words, shared prefixes factored out: the
    engine then tries each letter once instead of each word (Python's `re` has no
    Aho-Corasick)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ending = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ending:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def _stem(word: str) -> str:
    # "receive" -> "receiv" matches received/receiving; "meet" matches meets/meeting.
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


class Prefilter:
    """A compiled relevance test; build it with `load_prefilter()`."""

    def __init__(
        self,
        *,
        actors: Iterable[str],
        meeting_verbs: Iterable[str],
        event_nouns: Iterable[str],
        commissive_cue: re.Pattern[str],
    ) -> None:
        exact: set[str] = set()
        folded: set[str] = set()
        for term in actors:
            term = " ".join(term.split())
            if not term:
                continue
            # The gazetteer takes two- and three-letter capitals ("US", "UN") only as
            # written; in any case they would match every "us" and "un".
            if len(term) <= 3 and term.isalpha() and term.isupper():
                exact.add(term)
            else:
                folded.add(term.casefold())
        # Spaces in a term match any run of white space, as the tokenizer sees it.
        space = re.escape(" ")

        def words(terms: set[str]) -> str:
            return _trie_pattern(sorted(terms)).replace(space, r"\s+")

        self._actor_exact = re.compile(rf"(?<!\w)(?:{words(exact)})(?!\w)") if exact else None
        self._actor_folded = re.compile(rf"(?<!\w)(?:{words(folded)})(?!\w)", re.IGNORECASE)
        stems: set[str] = set()
        for verb in meeting_verbs:
            stems.add(_stem(verb.lower()))
            stems.update(_IRREGULAR.get(verb, ()))
        self._meeting_verb = re.compile(rf"\b(?:{_trie_pattern(sorted(stems))})", re.IGNORECASE)
        # _meeting_cues.has_cue tests event nouns as plain substrings of the sentence.
        self._event_noun = re.compile(
            _trie_pattern(sorted({n.lower() for n in event_nouns})), re.IGNORECASE
        )
        self._commissive = commissive_cue

    def check(self, text: str) -> Relevance:
        """The first cue and actor in `text` (None where there is none)."""
        cue = None
        for pattern in (self._commissive, self._meeting_verb, self._event_noun):
            found = pattern.search(text)
            if found:
                cue = found.group(0)
                break
        if cue is None:
            return Relevance(cue=None, actor=None)
        actor = None
        for actor_pattern in (self._actor_exact, self._actor_folded):
            if actor_pattern is None:
                continue
            found = actor_pattern.search(text)
            if found:
                actor = found.group(0)
                break
        return Relevance(cue=cue, actor=actor)

    def is_relevant(self, text: str) -> bool:
        """Whether the text may hold a meeting or a commitment (else spaCy can skip it)."""
        return self.check(text).relevant


@functools.lru_cache(maxsize=1)
def load_prefilter() -> Prefilter:
    """The pre-filter over the packaged knowledge base and lexicons, built once per process."""
    from accord.extractors._clauses import load_lexicon as load_commissives
    from accord.extractors._meeting_cues import load_lexicon as load_meetings
    from accord.kb import load_kb
    from accord.kb.people import load_people

    kb = load_kb()
    people = load_people()
    actors: set[str] = {surface for surface, _, _ in kb.gazetteer_terms()}
    for surface, person in people.names():
        actors.add(surface)
        actors.update(person.surnames)
    meetings = load_meetings()
    return Prefilter(
        actors=actors,
        # A verb that is a cue only beside an event noun ("held talks"): the noun stands for it.
        meeting_verbs=(meetings.verbs | meetings.joint_verbs) - meetings.with_event_noun,
        event_nouns=meetings.event_nouns,
        commissive_cue=load_commissives().cue_pattern,
    )


def is_relevant(text: str) -> bool:
    """Whether `text` may hold a meeting or a commitment, by the packaged pre-filter."""
    return load_prefilter().is_relevant(text)
