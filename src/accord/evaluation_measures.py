"""The measures behind `accord.evaluation`: how each gold field is compared with a record.

Internal to the scorer: `evaluation.evaluate` drives `score_document` once per gold
document and turns the `Tally` into an `EvalReport`. The rules are those of
`shared/spec/record-format.md` ("Gold files") and the gold format notes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from accord.evaluation_gold import GoldDocument
from accord.records import Document, DocumentRecord, document_id

MissKind = Literal["missed", "spurious", "wrong"]
Span = tuple[int, int]

# --- normalization -------------------------------------------------------------------

_HONORIFIC = re.compile(
    r"^(?:(?:the|his|her|rt\.?|right)\s+)*"
    r"(?:mr|mrs|ms|mx|miss|dr|prof|professor|sir|dame|hon|honourable|honorable|excellency|h\.\s?e)"
    r"\.?\s+"
)


_APOSTROPHES = str.maketrans({"‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'"})


def _fold(text: str) -> str:
    """Casefolded, without diacritics, one apostrophe, single-spaced: for comparisons only
    ("Nuku‘alofa" is "Nuku'alofa")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


def normalize_name(name: str) -> str:
    """A person's name for comparison: no honorifics, dots or diacritics, casefolded."""
    folded = _fold(name)
    while (m := _HONORIFIC.match(folded)) and m.end() < len(folded):
        folded = folded[m.end() :]
    return " ".join(folded.replace(".", " ").replace("-", " ").split())


def normalize_title(title: str | None) -> str | None:
    """An office for comparison: casefolded, single-spaced, without a leading "the "."""
    if title is None or not title.strip():
        return None
    folded = " ".join(title.casefold().split())
    return folded.removeprefix("the ")


_WEEKDAY_WARNING = re.compile(r"\bweekdays?\b", re.IGNORECASE)
_COUNT_WARNING = re.compile(r"\b(?:counts?|counted|numbers?)\b", re.IGNORECASE)


def classify_warning(message: str) -> str | None:
    """The gold kind of a predicted warning: "weekday", "count" or None.

    The contract with the warnings extractor: a warning about a weekday that disagrees with
    its date contains the word "weekday"; one about a stated count that disagrees with a list
    contains "count" (or "number"). Other warnings are not scored.
    """
    if _WEEKDAY_WARNING.search(message):
        return "weekday"
    if _COUNT_WARNING.search(message):
        return "count"
    return None


def _occurrences(needle: str, haystack: str) -> list[tuple[int, int]]:
    spans, i = [], haystack.find(needle)
    while needle and i >= 0:
        spans.append((i, i + len(needle)))
        i = haystack.find(needle, i + 1)
    return spans


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlaps_by_half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans share at least half of the shorter one's characters (the spec's rule)."""
    shared = _overlap(a, b)
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shared > 0 and 2 * shared >= shorter


def clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- accumulation --------------------------------------------------------------------


class Tally:
    """Counts over a gold set, as plain numbers; `evaluation.evaluate` turns them into a report."""

    def __init__(self) -> None:
        self.fields: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
        self.accuracies: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # correct, total
        self.rates: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # count, total
        self.misses: list[tuple[str, str, MissKind, str | None, str | None]] = []

    def sink(self, slug: str, *, quiet: bool) -> Sink:
        return Sink(self, slug, quiet)


@dataclass(slots=True)
class Sink:
    """Where one document's scores go; a quiet sink (a failed document) records no misses."""

    tally: Tally
    slug: str
    quiet: bool

    def count(self, name: str, *, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        counts = self.tally.fields[name]
        counts[0] += tp
        counts[1] += fp
        counts[2] += fn

    def accuracy(self, name: str, correct: bool | None = None) -> None:
        """Count one judgement (or, with None, just make the measure appear)."""
        pair = self.tally.accuracies[name]
        if correct is not None:
            pair[0] += int(correct)
            pair[1] += 1

    def rate(self, name: str, hit: bool | None = None) -> None:
        """Count one case (or, with None, just make the rate appear)."""
        pair = self.tally.rates[name]
        if hit is not None and not self.quiet:  # a failed document says nothing of a rate
            pair[0] += int(hit)
            pair[1] += 1

    def miss(self, name: str, kind: MissKind, expected: str | None, predicted: str | None) -> None:
        if not self.quiet:
            self.tally.misses.append((self.slug, name, kind, expected, predicted))

    def sets(self, name: str, gold: Mapping[Hashable, str], pred: Mapping[Hashable, str]) -> None:
        """Score two sets given as {comparison key: what to show}."""
        self.count(
            name,
            tp=len(gold.keys() & pred.keys()),
            fp=len(pred.keys() - gold.keys()),
            fn=len(gold.keys() - pred.keys()),
        )
        for key, shown in gold.items():
            if key not in pred:
                self.miss(name, "missed", shown, None)
        for key, shown in pred.items():
            if key not in gold:
                self.miss(name, "spurious", None, shown)


def _keyed(items: Iterable[tuple[Hashable, str]]) -> dict[Hashable, str]:
    """{key: shown}, keeping the first shown form of duplicate keys."""
    out: dict[Hashable, str] = {}
    for key, shown in items:
        out.setdefault(key, shown)
    return out


def empty_record(g: GoldDocument) -> DocumentRecord:
    doc = Document(document_id(g.text), g.text, g.slug, "txt", published=g.published)
    return DocumentRecord(document=doc)


# --- the measures --------------------------------------------------------------------


def score_document(g: GoldDocument, record: DocumentRecord, out: Sink) -> None:
    """Score each field the gold gives; a field it leaves out (None) is not scored."""
    text, a = record.document.text, record.annotations

    def locate(quote: str) -> list[Span]:
        # Spans index the record's text; fall back to the gold text if the pipeline changed it.
        return _occurrences(quote, text) or _occurrences(quote, g.text)

    if g.people is not None:
        _score_people(g, record, out)
    if g.organizations is not None:
        out.sets(
            "organizations",
            _keyed((o.upper(), o) for o in g.organizations),
            _keyed((o.upper(), o) for o in record.organizations),
        )
    if g.agreements is not None:
        _score_agreements(g, record, out)
    if g.places is not None:
        out.sets(
            "places",
            _keyed(((_city_key(p.city), p.country), f"{p.city}, {p.country}") for p in g.places),
            _keyed(
                ((_city_key(p.city), p.country), f"{p.city}, {p.country}")
                for p in a.places
                if p.city
            ),
        )
    if g.areas is not None:
        out.sets("areas", _keyed((x, x) for x in g.areas), _keyed((x, x) for x in record.areas))
    if g.citations is not None:
        out.sets(
            "citations",
            _keyed(_citation(c.marker, c.resolves_to, c.accessed) for c in g.citations),
            _keyed(_citation(c.marker, c.resolves_to, c.accessed) for c in a.citations),
        )
    if g.dates is not None:
        _score_dates(g, record, out, locate)
    if g.meetings is not None:
        _score_meetings(g, record, out)
    if g.commitments is not None:
        _score_commitments(g, record, out, locate)
    if g.not_commitments is not None:
        out.rate("opinions_as_commitments")
        for quote in dict.fromkeys(g.not_commitments):
            spans = locate(quote)
            hit = next((c for c in record.commitments if _half_of_any(spans, _span(c))), None)
            out.rate("opinions_as_commitments", hit is not None)
            if hit is not None:
                out.miss("opinions_as_commitments", "spurious", None, hit.text)
    if g.warnings is not None:
        _score_warnings(g.warnings, record.warnings, out)


def _citation(marker: str, resolves_to: str | None, accessed: Any) -> tuple[Hashable, str]:
    key = (marker, resolves_to, accessed.isoformat() if accessed else None)
    return key, f"{marker} -> {resolves_to}, accessed {key[2]}"


def _span(item: Any) -> Span:
    return (item.evidence.start, item.evidence.end)


def _half_of_any(spans: Iterable[Span], other: Span) -> bool:
    return any(overlaps_by_half(s, other) for s in spans)


def _show_person(name: str, title: str | None, country: str | None) -> str:
    return f"{name} ({title}, {country})"


def _score_people(g: GoldDocument, record: DocumentRecord, out: Sink) -> None:
    """Tp when name, title and country agree; a right name with a wrong role is fp + fn."""
    out.count("people")  # an empty gold list is scored, even with nothing to count
    by_name: dict[str, list[Any]] = defaultdict(list)
    for p in record.annotations.people:
        by_name[normalize_name(p.name)].append(p)
    seen: set[str] = set()
    for gp in g.people or ():
        key = normalize_name(gp.name)
        if key in seen:  # the gold lists each person once; a repeat is not counted twice
            continue
        seen.add(key)
        want = (normalize_title(gp.title), gp.country)
        found = by_name.get(key, [])
        if any((normalize_title(p.title), p.country) == want for p in found):
            out.count("people", tp=1)
        elif found:
            out.count("people", fp=1, fn=1)
            got = found[0]
            out.miss(
                "people",
                "wrong",
                _show_person(gp.name, gp.title, gp.country),
                _show_person(got.name, got.title, got.country),
            )
        else:
            out.count("people", fn=1)
            out.miss("people", "missed", _show_person(gp.name, gp.title, gp.country), None)
    for key, found in by_name.items():
        if key not in seen:
            out.count("people", fp=1)
            p = found[0]
            out.miss("people", "spurious", None, _show_person(p.name, p.title, p.country))


def _agreement_keys(name: str, short: str | None) -> set[str]:
    return {_fold(name)} | ({_fold(short)} if short else set())


def _score_agreements(g: GoldDocument, record: DocumentRecord, out: Sink) -> None:
    """An agreement matches when its name or short name matches either of the other's."""
    out.count("agreements")
    gold = list(dict.fromkeys((a.name, a.short) for a in g.agreements or ()))
    pred = list(dict.fromkeys((a.name, a.short) for a in record.annotations.agreements))
    pred_keys = [_agreement_keys(name, short) for name, short in pred]
    used: set[int] = set()
    matched: set[str] = set()
    for name, short in gold:
        keys = _agreement_keys(name, short)
        hit = next((j for j, pk in enumerate(pred_keys) if j not in used and keys & pk), None)
        if hit is None:
            out.count("agreements", fn=1)
            out.miss("agreements", "missed", short or name, None)
        else:
            out.count("agreements", tp=1)
            used.add(hit)
            matched |= keys | pred_keys[hit]
    for j, (name, short) in enumerate(pred):
        # A second form of an agreement already matched (name alone, then with short) is a repeat.
        if j not in used and not pred_keys[j] & matched:
            out.count("agreements", fp=1)
            out.miss("agreements", "spurious", None, short or name)


def _show_date(text: str, start: Any, end: Any, precision: str) -> str:
    return f'"{text}" {start}..{end} ({precision})'


def _score_dates(
    g: GoldDocument, record: DocumentRecord, out: Sink, locate: Callable[[str], list[Span]]
) -> None:
    """Detection (dates_found) by span overlap; normalization accuracy (dates) over found ones."""
    out.accuracy("dates")
    out.count("dates_found")
    times = list({_span(t): t for t in record.annotations.times}.values())
    claimed: set[int] = set()
    for gd in dict.fromkeys(g.dates or ()):
        spans = locate(gd.text)
        hits = [
            (max((_overlap(s, _span(t)) for s in spans), default=0), i) for i, t in enumerate(times)
        ]
        hits = [(shared, i) for shared, i in hits if shared > 0]
        claimed.update(i for _, i in hits)
        shown = _show_date(gd.text, gd.start, gd.end, gd.precision)
        if not hits:
            out.count("dates_found", fn=1)
            out.miss("dates_found", "missed", shown, None)
            continue
        out.count("dates_found", tp=1)
        t = times[max(hits)[1]]
        correct = (t.start, t.end, t.precision) == (gd.start, gd.end, gd.precision)
        out.accuracy("dates", correct)
        if not correct:
            out.miss("dates", "wrong", shown, _show_date(t.text, t.start, t.end, t.precision))
    for i, t in enumerate(times):
        if i not in claimed:
            out.count("dates_found", fp=1)
            out.miss(
                "dates_found", "spurious", None, _show_date(t.text, t.start, t.end, t.precision)
            )


def _greedy(
    gold: Sequence[Any],
    pred: Sequence[Any],
    ok: Callable[[Any, Any], bool],
    prefer: Callable[[Any, Any], bool],
) -> dict[int, int]:
    """One-to-one matching in gold order; among candidates, the first `prefer`red one wins."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for i, gm in enumerate(gold):
        cands = [j for j, pm in enumerate(pred) if j not in used and ok(gm, pm)]
        if cands:
            pairs[i] = next((j for j in cands if prefer(gm, pred[j])), cands[0])
            used.add(pairs[i])
    return pairs


def _city_key(name: str) -> str:
    """A city for comparison: the gazetteer's name for it when it knows the name ("Hà Nội"
    and "Hanoi", "Kiev" and "Kyiv" are one city), else the folded name."""
    from accord.kb import load_kb

    city = load_kb().city(name) if name else None
    return _fold(city.name if city is not None else name)


def _show_meeting(date: Any, parties: Iterable[str], city: str | None, evidence: str) -> str:
    return f'{date} {"+".join(sorted(parties))} in {city}: "{clip(evidence, 50)}"'


def _score_meetings(g: GoldDocument, record: DocumentRecord, out: Sink) -> None:
    """Meetings match on date and parties (the spec), and also on the city where gold has one."""
    gold, pred = list(g.meetings or ()), list(record.meetings)

    def same(gm: Any, pm: Any) -> bool:
        return bool(gm.date == pm.date and set(gm.parties) == set(pm.parties))

    def city_ok(gm: Any, pm: Any) -> bool:
        return gm.city is None or _city_key(gm.city) == _city_key(pm.city or "")

    loose = _greedy(gold, pred, same, city_ok)
    strict = _greedy(gold, pred, lambda gm, pm: same(gm, pm) and city_ok(gm, pm), city_ok)
    for name, pairs in (("meetings", strict), ("meetings_date_parties", loose)):
        out.count(name, tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    for i, gm in enumerate(gold):
        shown = _show_meeting(gm.date, gm.parties, gm.city, gm.evidence_text)
        if i in loose and i not in strict:
            pm = pred[loose[i]]
            got = _show_meeting(pm.date, pm.parties, pm.city, pm.evidence.text)
            out.miss("meetings", "wrong", shown, got)
        elif i not in loose:
            out.miss("meetings", "missed", shown, None)
    for j, pm in enumerate(pred):
        if j not in loose.values():
            shown = _show_meeting(pm.date, pm.parties, pm.city, pm.evidence.text)
            out.miss("meetings", "spurious", None, shown)
    for i, j in loose.items():
        expected = gold[i].participants
        if expected is not None:
            out.sets(
                "participants",
                _keyed(
                    ((normalize_name(p.name), p.country), f"{p.name} ({p.country})")
                    for p in expected
                ),
                _keyed(
                    ((normalize_name(p.name), p.country), f"{p.name} ({p.country})")
                    for p in pred[j].participants
                ),
            )


def _score_commitments(
    g: GoldDocument, record: DocumentRecord, out: Sink, locate: Callable[[str], list[Span]]
) -> None:
    """Match by text overlap (half of the shorter, one-to-one, best overlap first); then
    score each matched pair's deadline, modality, parties, areas and forums."""
    gold, pred = list(g.commitments or ()), list(record.commitments)
    for name in ("commitment_deadline", "commitment_modality", "commitment_parties"):
        out.accuracy(name)
    candidates = []
    for i, gc in enumerate(gold):
        for j, pc in enumerate(pred):
            ps = _span(pc)
            shares = [
                _overlap(s, ps) / min(s[1] - s[0], ps[1] - ps[0])
                for s in locate(gc.text)
                if overlaps_by_half(s, ps)
            ]
            if shares:
                candidates.append((-max(shares), i, j))
    pairs: dict[int, int] = {}
    for _, i, j in sorted(candidates):
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    out.count("commitments", tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    for i, gc in enumerate(gold):
        if i not in pairs:
            out.miss("commitments", "missed", gc.text, None)
    for j, pc in enumerate(pred):
        if j not in pairs.values():
            out.miss("commitments", "spurious", None, pc.text)
    for i, j in pairs.items():
        gc, pc = gold[i], pred[j]
        context = f' in "{clip(gc.text, 40)}"'
        for name, want, got in (
            ("commitment_deadline", gc.deadline, pc.deadline),
            ("commitment_modality", gc.modality, pc.modality),
            (
                "commitment_parties",
                "+".join(sorted(set(gc.parties))),
                "+".join(sorted(set(pc.parties))),
            ),
        ):
            out.accuracy(name, want == got)
            if want != got:
                out.miss(name, "wrong", f"{want}{context}", f"{got}{context}")
        for name, want_ids, got_ids in (
            ("commitment_areas", gc.areas, pc.areas),
            ("commitment_forums", gc.forums, pc.forums),
        ):
            if want_ids is not None:
                out.sets(
                    name,
                    _keyed((x, f"{x}{context}") for x in want_ids),
                    _keyed((x, f"{x}{context}") for x in got_ids),
                )


def _score_warnings(gold: Sequence[str], warnings: Sequence[str], out: Sink) -> None:
    """Gold warning kinds against predicted warnings classified by `classify_warning`."""
    out.count("warnings")
    left = Counter(gold)
    for message in warnings:
        kind = classify_warning(message)
        if kind is None:
            continue
        if left[kind] > 0:
            left[kind] -= 1
            out.count("warnings", tp=1)
        else:
            out.count("warnings", fp=1)
            out.miss("warnings", "spurious", None, message)
    for kind, n in left.items():
        out.count("warnings", fn=n)
        for _ in range(n):
            out.miss("warnings", "missed", kind, None)
