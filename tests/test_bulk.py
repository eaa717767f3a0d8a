"""Bulk ingestion: batched analysis equals one-at-a-time, re-runs redo nothing, the
pre-filter's skipped documents can be revisited, a bad document spares its batch, and a
run killed with SIGKILL resumes to the same store as an uninterrupted one."""

from __future__ import annotations

import importlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from accord.bulk import ingest_bulk
from accord.extractors import extract
from accord.ingest import prepare, read_file
from accord.records import RawDocument
from accord.store import Store

BENCH = Path(__file__).resolve().parents[1] / "bench"
MAX = 1024 * 1024
WEATHER = "Light rain and a cool breeze from the north are forecast through the weekend."
READOUT = (
    "Foreign Minister Takeshi Iwaya met Philippine Foreign Secretary Enrique Manalo in "
    "Manila on July 8, 2024. The two ministers agreed to expand coast guard cooperation "
    "by the end of the year."
)

pytestmark = pytest.mark.model


def _from_bench(module: str, name: str) -> Any:
    """A function of a benchmark script: the corpus generator, the store digest."""
    sys.path.insert(0, str(BENCH))
    try:
        return getattr(importlib.import_module(module), name)
    finally:
        sys.path.remove(str(BENCH))


def write_corpus(folder: Path, n: int, *, seed: int) -> Path:
    """`n` synthetic news documents (half diplomatic) as one JSON Lines file."""
    return _from_bench("corpus", "write_corpus")(folder, n, seed=seed, fmt="jsonl")[0]


def dump(url: str) -> dict[str, Any]:
    """What a comparison of two stores looks at: each document's status and full record,
    row counts, and the merged events (by their sources, not their row ids)."""
    return _from_bench("bench_resume", "digest")(url)


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return path


def test_bulk_records_equal_one_at_a_time_and_a_rerun_redoes_nothing(
    store_url: str, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path, 10, seed=11)
    with Store.open(store_url) as store:
        first = ingest_bulk([corpus], store=store, max_bytes=MAX, batch_size=4, prefilter=False)
        again = ingest_bulk([corpus], store=store, max_bytes=MAX, batch_size=3)
    assert (first.new, first.analysed, first.failed) == (10, 10, [])
    assert (again.new, again.analysed, again.existing) == (0, 0, 10)
    stored = dump(store_url)["documents"]
    for raw in read_file(corpus, max_bytes=MAX).documents:
        record = extract(prepare(raw)).to_dict()
        assert stored[record["document"]["id"]] == (
            "analysed",
            json.dumps(record, sort_keys=True),
        )


def test_bulk_workers_replaced_between_batches_give_the_same_records(tmp_path: Path) -> None:
    from accord.bulk import LocalAnalyser

    # One batch per worker: every batch after the first two runs in a freshly started one.
    corpus = write_corpus(tmp_path, 8, seed=12)
    documents = [prepare(raw) for raw in read_file(corpus, max_bytes=MAX).documents]
    analyser = LocalAnalyser(jobs=2, batches_per_worker=1)
    try:
        futures = [analyser.submit(documents[i : i + 2]) for i in range(0, len(documents), 2)]
        records = [outcome for future in futures for outcome in future.result()]
    finally:
        analyser.close()
    assert [r.to_dict() for r in records] == [extract(d).to_dict() for d in documents]


def test_bulk_prefilter_skips_and_reprocess_skipped_analyses(
    store_url: str, tmp_path: Path
) -> None:
    corpus = _jsonl(tmp_path / "mixed.jsonl", [WEATHER, READOUT, WEATHER])
    with Store.open(store_url) as store:
        first = ingest_bulk([corpus], store=store, max_bytes=MAX)
        assert (first.new, first.skipped, first.existing, first.analysed) == (1, 1, 1, 1)
        before = dump(store_url)["documents"]
        assert sorted(status for status, _ in before.values()) == ["analysed", "skipped"]
        again = ingest_bulk([corpus], store=store, max_bytes=MAX, reprocess_skipped=True)
        assert (again.reanalysed, again.existing, again.analysed) == (1, 2, 1)
    after = dump(store_url)["documents"]
    assert set(after) == set(before)
    assert sorted(status for status, _ in after.values()) == ["analysed", "analysed"]
    weather_id = prepare(RawDocument(text=WEATHER, source="x", format="jsonl")).id
    record = json.loads(after[weather_id][1])
    assert record["meetings"] == [] and record["commitments"] == []


def test_bulk_a_failing_document_does_not_lose_its_batch(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    Store.open(url).close()
    # A real database refusal for one document: the rest of its batch must still be stored.
    with sqlite3.connect(tmp_path / "store.db") as connection:
        connection.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.title = 'refused' "
            "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END"
        )
    corpus = tmp_path / "batch.jsonl"
    lines = [
        {"text": WEATHER, "title": "kept 1"},
        {"text": WEATHER + " Warmer next week.", "title": "refused"},
        {"text": READOUT, "title": "kept 2"},
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Store.open(url) as store:
        summary = ingest_bulk([corpus], store=store, max_bytes=MAX, batch_size=8)
    assert (summary.new, summary.skipped) == (1, 1)
    assert len(summary.failed) == 1 and "refused by a trigger" in str(summary.failed[0])
    assert summary.failed[0].source == f"{corpus}:2"
    assert len(dump(url)["documents"]) == 2


def _ingest_command(corpus: Path, url: str, *extra: str) -> list[str]:
    accord = Path(sys.executable).with_name("accord")
    return [str(accord), "ingest", str(corpus), "--db", url, "--batch-size", "4", *extra]


def _stored_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.slow
def test_bulk_killed_with_sigkill_resumes_to_the_same_store(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 32, seed=5)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    # The uninterrupted run is the same command as the one killed and resumed.
    done = subprocess.run(
        _ingest_command(corpus, reference, "--jobs", "2"), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "32 documents" in done.stdout

    killed_db = tmp_path / "killed.db"
    url = f"sqlite:///{killed_db}"
    process = subprocess.Popen(
        _ingest_command(corpus, url, "--jobs", "2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the workers die with it
    )
    try:
        deadline = time.monotonic() + 120
        while _stored_count(killed_db) < 8 and process.poll() is None:
            assert time.monotonic() < deadline, "the run stored nothing in two minutes"
            time.sleep(0.2)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    partial = _stored_count(killed_db)
    assert 8 <= partial < 32, partial  # killed part-way

    resumed = subprocess.run(
        _ingest_command(corpus, url, "--jobs", "2"), capture_output=True, text=True
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{partial} already stored" in resumed.stdout
    assert_same_store(url, reference)


def assert_same_store(url: str, reference: str) -> None:
    """The two stores hold the same documents with the same records (named when not)."""
    got, expected = dump(url), dump(reference)
    assert set(got["documents"]) == set(expected["documents"])
    differing = [
        (doc_id[:12], [k for k in json.loads(record) if json.loads(record)[k] != json.loads(
            expected["documents"][doc_id][1])[k]])
        for doc_id, (_, record) in got["documents"].items()
        if (got["documents"][doc_id] != expected["documents"][doc_id])
    ]  # fmt: skip
    assert differing == []
    assert got == expected
