"""Cross-document measures: merge precision/recall, ledger status and source-check accuracy.

A multi-document gold set is a folder of cases (see tests/data/gold_multi/README.md):
each case's documents are ingested, in file order, into a fresh in-memory store through
the real pipeline (extraction, storing, merging), then compared with its `case.json`.
Merging is scored over pairs of reports (pairwise precision and recall): a true
positive is a pair of reports the gold puts in one meeting and the store merged. A
report the extractor did not find at all is an extraction miss, counted apart
(`reports_missing`), and its pairs are left out of the merge score.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from accord.errors import GoldFormatError
from accord.evaluation import PRF
from accord.settings import DEFAULT_MAX_BYTES

__all__ = ["MultiReport", "evaluate_multi", "pairwise_prf"]

log = logging.getLogger("accord")


@dataclass
class MultiReport:
    """The cross-document figures of a gold set, with each miss described."""

    merge: PRF = field(default_factory=PRF)
    status_correct: int = 0
    status_total: int = 0
    check_correct: int = 0
    check_total: int = 0
    reports_found: int = 0
    reports_missing: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.status_total if self.status_total else 1.0

    @property
    def check_accuracy(self) -> float:
        return self.check_correct / self.check_total if self.check_total else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "merge": self.merge.to_dict(),
            "reports": {"found": self.reports_found, "missing": self.reports_missing},
            "ledger_status": {
                "correct": self.status_correct,
                "total": self.status_total,
                "accuracy": self.status_accuracy,
            },
            "source_check": {
                "correct": self.check_correct,
                "total": self.check_total,
                "accuracy": self.check_accuracy,
            },
            "misses": self.misses,
        }

    def format_text(self) -> str:
        m = self.merge
        lines = [
            "Cross-document measures",
            f"  merge          P {m.precision:.3f}  R {m.recall:.3f}  F1 {m.f1:.3f}  "
            f"(tp {m.tp}, fp {m.fp}, fn {m.fn} pairs)",
            f"  reports        {self.reports_found} found by extraction, "
            f"{self.reports_missing} missing (left out of the merge score)",
            f"  ledger status  accuracy {self.status_accuracy:.3f} "
            f"({self.status_correct}/{self.status_total})",
            f"  source check   accuracy {self.check_accuracy:.3f} "
            f"({self.check_correct}/{self.check_total})",
        ]
        if self.misses:
            lines += ["", f"Misses ({len(self.misses)}):"] + [f"  {x}" for x in self.misses]
        return "\n".join(lines)


def pairwise_prf(gold: list[list[str]], predicted: dict[str, int | None]) -> PRF:
    """Pairwise merge scores: `gold` clusters of report ids; `predicted` maps each report
    to its event id, or None when extraction missed the report (its pairs are not scored)."""
    reports = sorted({r for cluster in gold for r in cluster if predicted.get(r) is not None})
    cluster_of = {r: i for i, cluster in enumerate(gold) for r in cluster}
    score = PRF()
    for a, b in combinations(reports, 2):
        same_gold = cluster_of[a] == cluster_of[b]
        ea, eb = predicted.get(a), predicted.get(b)
        same_pred = ea is not None and ea == eb
        if same_gold and same_pred:
            score.tp += 1
        elif same_pred:
            score.fp += 1
        elif same_gold:
            score.fn += 1
    return score


def _load_case(folder: Path) -> dict[str, Any]:
    path = folder / "case.json"
    try:
        case = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldFormatError(str(path), f"cannot read the case: {e}") from e
    if not isinstance(case, dict):
        raise GoldFormatError(str(path), "expected a JSON object with meetings/statuses/checks")
    return case


def _overlaps_by_half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def _evaluate_case(folder: Path, report: MultiReport) -> None:
    from accord.pipeline import ingest_paths
    from accord.store import Store, load_record
    from accord.store.models import EventSourceRow
    from accord.tracking.checking import check_document
    from accord.tracking.ledger import build_ledger

    case = _load_case(folder)
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))
    with Store.open("sqlite:///:memory:") as store:
        summary = ingest_paths([str(p) for p in files], store=store, max_bytes=DEFAULT_MAX_BYTES)
        ids = {Path(d.source).name: d.id for d, _ in summary.stored}
        for error in summary.failed:
            report.misses.append(f"{folder.name}: could not ingest: {error}")
        with store.session() as session:
            predicted: dict[str, int | None] = {}
            for cluster in case.get("meetings", []):
                for ref in cluster:
                    name, _, day = ref.partition("@")
                    predicted[ref] = session.scalar(
                        sa.select(EventSourceRow.event_id).where(
                            EventSourceRow.document_id == ids.get(name, ""),
                            EventSourceRow.kind == "meeting",
                            EventSourceRow.date == dt.date.fromisoformat(day),
                        )
                    )
                    if predicted[ref] is None:
                        report.reports_missing += 1
                        report.misses.append(f"{folder.name}: extraction found no meeting {ref}")
                    else:
                        report.reports_found += 1
            score = pairwise_prf(case.get("meetings", []), predicted)
            if score.fp or score.fn:
                report.misses.append(
                    f"{folder.name}: merge fp {score.fp} fn {score.fn} ({predicted})"
                )
            report.merge += score
            for want in case.get("statuses", []):
                report.status_total += 1
                got = _status(session, ids, want, load_record, build_ledger, EventSourceRow)
                if got == want["status"]:
                    report.status_correct += 1
                else:
                    report.misses.append(
                        f"{folder.name}: {want['file']} as of {want['as_of']}: "
                        f"expected {want['status']}, got {got}"
                    )
            for want in case.get("checks", []):
                report.check_total += 1
                document = ids.get(want["file"])
                found = False
                if document:
                    checked = check_document(session, id_prefix=document)
                    found = any(
                        i.aspect == want["aspect"] and i.verdict == want["verdict"]
                        for i in checked.items
                    )
                if found:
                    report.check_correct += 1
                else:
                    report.misses.append(
                        f"{folder.name}: check {want['file']}: no {want['aspect']} "
                        f"{want['verdict']}"
                    )


def _status(session, ids, want, load_record, build_ledger, source_row) -> str | None:
    document = ids.get(want["file"])
    if document is None:
        return None
    record = load_record(session, document_id=document)
    start = record.document.text.find(want["text"])
    if start < 0:
        raise GoldFormatError(want["file"], f"the clause {want['text']!r} is not in the text")
    gold_span = (start, start + len(want["text"]))
    position = next(
        (
            i
            for i, c in enumerate(record.commitments)
            if _overlaps_by_half(gold_span, (c.evidence.start, c.evidence.end))
        ),
        None,
    )
    if position is None:
        return None
    key = f"{document}:commitment:{position}"
    event_id = session.scalar(sa.select(source_row.event_id).where(source_row.source_key == key))
    parties = list(record.commitments[position].parties)
    as_of = dt.date.fromisoformat(want["as_of"])
    for entry in build_ledger(session, parties=parties, as_of=as_of):
        if entry.event.id == event_id:
            return entry.status
    return None


def evaluate_multi(gold_dir: Path) -> MultiReport:
    """Score every case folder under `gold_dir` (one holding a `case.json`)."""
    report = MultiReport()
    if not gold_dir.is_dir():
        raise GoldFormatError(str(gold_dir), "not a folder; give a folder of case folders")
    cases = sorted(p for p in gold_dir.iterdir() if (p / "case.json").is_file())
    if not cases:
        raise GoldFormatError(str(gold_dir), "no case folders (with a case.json) found")
    for folder in cases:
        _evaluate_case(folder, report)
    return report
