"""Scores predicted document records against a gold set: precision, recall and F1 per field.

The measures follow `shared/spec/record-format.md` ("Gold files") and the gold format notes:
a field the gold JSON leaves out is not scored, an empty gold list is. The caller supplies
`predict` (the real pipeline); this module only compares, in the manner of spaCy's `Scorer`
and its `PRFScore` value object.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.evaluation_gold import GoldDocument, load_gold, load_gold_pair
from accord.evaluation_measures import (
    MissKind,
    Tally,
    classify_warning,
    clip,
    empty_record,
    normalize_name,
    normalize_title,
    overlaps_by_half,
    score_document,
)
from accord.records import DocumentRecord

logger = logging.getLogger("accord")

__all__ = [
    "PRF",
    "EvalReport",
    "GoldDocument",
    "Miss",
    "classify_warning",
    "compare_to_targets",
    "evaluate",
    "load_gold",
    "load_gold_pair",
    "normalize_name",
    "normalize_title",
    "overlaps_by_half",
]

# The order fields are reported in; anything else follows alphabetically.
_ORDER = [
    "people",
    "organizations",
    "agreements",
    "places",
    "areas",
    "citations",
    "dates_found",
    "dates",
    "meetings",
    "meetings_date_parties",
    "participants",
    "commitments",
    "commitment_deadline",
    "commitment_modality",
    "commitment_parties",
    "commitment_areas",
    "commitment_forums",
    "opinions_as_commitments",
    "warnings",
]


@dataclass(slots=True)
class PRF:
    """True positives, false positives and false negatives of one field (spaCy's PRFScore)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        # Nothing predicted is perfect precision only when nothing was expected either.
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def merge(self, other: PRF) -> PRF:
        """A new score holding both counts."""
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def __add__(self, other: PRF) -> PRF:
        return self.merge(other)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """One disagreement between gold and prediction, for the report's list of errors."""

    doc: str  # the gold slug
    field: str
    kind: MissKind
    expected: str | None
    predicted: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "field": self.field,
            "kind": self.kind,
            "expected": self.expected,
            "predicted": self.predicted,
        }


def _ratio(pair: tuple[int, int]) -> float | None:
    return pair[0] / pair[1] if pair[1] else None


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores over a gold set: PRF per field, accuracies (correct, total), rates (count, total)."""

    fields: dict[str, PRF]
    accuracies: dict[str, tuple[int, int]]
    rates: dict[str, tuple[int, int]]
    misses: list[Miss]
    documents: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "fields": {name: prf.to_dict() for name, prf in self.fields.items()},
            "accuracies": {
                name: {"correct": c, "total": t, "accuracy": _ratio((c, t))}
                for name, (c, t) in self.accuracies.items()
            },
            "rates": {
                name: {"count": c, "total": t, "rate": _ratio((c, t))}
                for name, (c, t) in self.rates.items()
            },
            "misses": [m.to_dict() for m in self.misses],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def format_text(self) -> str:
        """A readable table of the scores, then the misses grouped by document."""
        lines = [f"Accord evaluation over {self.documents} documents", ""]
        lines.append(f"{'field':<24} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
        for name, prf in self.fields.items():
            lines.append(
                f"{name:<24} {prf.precision:>6.3f} {prf.recall:>6.3f} {prf.f1:>6.3f}"
                f" {prf.tp + prf.fn:>8}"
            )
        for title, count_title, table in (
            ("accuracy", "correct", self.accuracies),
            ("rate", "count", self.rates),
        ):
            if table:
                lines += ["", f"{'measure':<24} {title:>8} {count_title:>7} {'total':>6}"]
            for name, (count, total) in table.items():
                value = _ratio((count, total))
                shown = "-" if value is None else f"{value:.3f}"
                lines.append(f"{name:<24} {shown:>8} {count:>7} {total:>6}")
        by_doc: dict[str, list[Miss]] = defaultdict(list)
        for miss in self.misses:
            by_doc[miss.doc].append(miss)
        if by_doc:
            lines += ["", f"Misses ({len(self.misses)})"]
        for doc, misses in by_doc.items():
            lines.append(f"  {doc}")
            for m in misses:
                parts = [f"    {m.field:<22} {m.kind:<8}"]
                if m.expected is not None:
                    parts.append(f"expected: {clip(m.expected)}")
                if m.predicted is not None:
                    parts.append(f"predicted: {clip(m.predicted)}")
                lines.append("  ".join(parts))
        return "\n".join(lines) + "\n"


def compare_to_targets(report: EvalReport, targets: Mapping[str, float]) -> list[str]:
    """A line for each target the report falls short of.

    A target names a PRF field ("people": its F1; "people.precision", ".recall", ".f1"), an
    accuracy ("dates": its accuracy) or a rate ("opinions_as_commitments": a ceiling, since
    lower is better). A target for something the gold set did not measure is reported too,
    so that a misspelled name does not pass silently.
    """
    shortfalls = []
    for key, target in targets.items():
        name, _, part = key.partition(".")
        if name in report.fields and part in ("", "f1", "precision", "recall"):
            value: float | None = getattr(report.fields[name], part or "f1")
            label = "F1" if part in ("", "f1") else part
        elif name in report.accuracies and not part:
            value, label = _ratio(report.accuracies[name]), "accuracy"
        elif name in report.rates and not part:
            value = _ratio(report.rates[name])
            if value is not None and value > target:
                shortfalls.append(f"{key}: rate {value:.3f} > {target:.3f}")
            continue
        else:
            shortfalls.append(f"{key}: not measured by this gold set")
            continue
        if value is not None and value < target:
            shortfalls.append(f"{key}: {label} {value:.3f} < {target:.3f}")
    return shortfalls


def evaluate(
    gold: Sequence[GoldDocument], predict: Callable[[GoldDocument], DocumentRecord]
) -> EvalReport:
    """Run `predict` on each gold document and score its record against the gold."""
    tally = Tally()
    for g in gold:
        try:
            record = predict(g)
        except Exception as e:  # one broken document must not end the evaluation
            logger.warning("eval: predicting %s failed: %s", g.slug, e)
            logger.debug("eval: the traceback of %s", g.slug, exc_info=True)
            tally.misses.append((g.slug, "document", "missed", None, f"{type(e).__name__}: {e}"))
            # Everything of the document counts as missed; its items are not listed one by one.
            score_document(g, empty_record(g), tally.sink(g.slug, quiet=True))
            continue
        if record.document.text != g.text:
            logger.warning("eval: %s: the record's text differs from the gold text", g.slug)
        score_document(g, record, tally.sink(g.slug, quiet=False))
    return EvalReport(
        fields={k: PRF(*v) for k, v in _ranked(tally.fields)},
        accuracies={k: (v[0], v[1]) for k, v in _ranked(tally.accuracies)},
        rates={k: (v[0], v[1]) for k, v in _ranked(tally.rates)},
        misses=[Miss(*m) for m in tally.misses],
        documents=len(gold),
    )


def _ranked(table: Mapping[str, list[int]]) -> list[tuple[str, list[int]]]:
    def rank(name: str) -> tuple[int, str]:
        return (_ORDER.index(name) if name in _ORDER else len(_ORDER), name)

    return sorted(table.items(), key=lambda kv: rank(kv[0]))


def predict_gold(gold: GoldDocument) -> DocumentRecord:
    """Run the real extraction on a gold document's text, dated as the gold says."""
    from accord.extractors import extract
    from accord.records import Document, document_id

    document = Document(
        id=document_id(gold.text),
        text=gold.text,
        source=gold.source or gold.slug,
        format="txt",
        title=gold.title,
        published=gold.published,
        kind=gold.kind or "other",
    )
    return extract(document)


def evaluate_folder(gold_dir: Path) -> EvalReport:
    """Score the real pipeline on every gold pair in `gold_dir` (what `accord eval` runs)."""
    return evaluate(load_gold(gold_dir), predict_gold)
