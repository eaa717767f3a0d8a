"""Request latency of the dashboard and the JSON API on a large store: p50 and p95.

The store is filled from the synthetic corpus (`corpus.py`): `--analysed` documents go
through the real pipeline, then their records are copied with a marker appended to the
text (a new id) and every date moved back by a different number of days, until the store
holds `--docs` documents. Copies are folded into the tracking tables like any document,
so the partnership of the busiest pair grows with the store, as it would in use. Running
the spaCy pipeline on all 50,000 documents would take hours; the copies keep the store's
shape (facts per document, pairs, dates spread over ten years) at a fraction of that.

    .venv/bin/python bench/bench_web.py --docs 50000 --db sqlite:///bench/out/web.db

An existing store at --db with enough documents is reused (the fill is the slow part),
e.g. a copy of the one bench_store.py builds:

    cp bench/out/store-50000-s0-v1.db bench/out/web-50k.db
    .venv/bin/python bench/bench_web.py --docs 50000 --db sqlite:///bench/out/web-50k.db
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import resource
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_documents

from accord.api import create_app, service
from accord.api.queries import pair_overview
from accord.pipeline import analyse
from accord.records import DocumentMetadata, DocumentRecord, RawDocument
from accord.records import document_id as text_id
from accord.settings import Settings
from accord.store import Store, count_documents
from accord.store.queries import add_record
from accord.tracking.events import fold_document


def _shift(day: dt.date | None, days: int) -> dt.date | None:
    return None if day is None else day - dt.timedelta(days=days)


def _copy(record: DocumentRecord, k: int) -> DocumentRecord:
    """Copy k of a record: a marker after the text (offsets stay valid), dates moved back."""
    days = (k * 37) % 3650
    text = f"{record.document.text}\n\n[copy {k}]"
    document = dataclasses.replace(
        record.document,
        id=text_id(text),
        text=text,
        url=None,
        published=_shift(record.document.published, days),
    )
    meetings = tuple(dataclasses.replace(m, date=_shift(m.date, days)) for m in record.meetings)
    commitments = tuple(
        dataclasses.replace(c, deadline=_shift(c.deadline, days)) for c in record.commitments
    )
    return dataclasses.replace(
        record, document=document, meetings=meetings, commitments=commitments
    )


def fill(store: Store, *, docs: int, analysed: int, seed: int) -> None:
    from accord.ingest import prepare

    have = _count(store)
    if have >= docs:
        print(f"store holds {have} documents already; reusing it")
        return
    started = time.perf_counter()
    records = []
    for d in generate_documents(analysed, seed=seed, diplomatic_share=0.8):
        raw = RawDocument(
            text=d.text,
            source=f"{d.slug}.txt",
            format="txt",
            metadata=DocumentMetadata(title=d.title, published=d.published, kind="news"),
        )
        records.append(analyse(prepare(raw)))
    print(f"analysed {len(records)} documents in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    k = have
    while k < docs:
        record = records[k % len(records)]
        copy = record if k < len(records) else _copy(record, k)
        with store.session(write=True) as session:
            outcome = add_record(session, record=copy)
            fold_document(session, document_id=outcome.document_id)
        k += 1
        if k % 5000 == 0:
            rate = (k - have) / (time.perf_counter() - started)
            print(f"  stored {k} documents ({rate:.0f}/s)", flush=True)
    print(f"stored {docs - have} documents in {time.perf_counter() - started:.1f} s")


def _count(store: Store) -> int:
    with store.session() as session:
        return count_documents(session)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(base: str, path: str, *, repeat: int) -> tuple[float, float, float, int]:
    """(first, p50, p95 in ms, bytes): the first request pays for what later ones reuse
    (the knowledge base, SQLite's page cache, the server's report cache), so it is shown
    apart from the percentiles of the repeats."""
    with httpx.Client(base_url=base, timeout=120) as client:
        started = time.perf_counter()
        first = client.get(path)
        first.raise_for_status()
        cold = (time.perf_counter() - started) * 1000
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
    return cold, statistics.median(times), _percentile(times, 0.95), len(first.content)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--analysed", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--db", default="sqlite:///bench/out/web.db")
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="keep no computed report or ledger between requests: every request as the "
        "first after a change to the store",
    )
    args = parser.parse_args(argv)
    if args.uncached:
        service.MEMO_SIZE = 0

    store = Store.open(args.db)
    fill(store, docs=args.docs, analysed=args.analysed, seed=args.seed)
    with store.session() as session:
        pairs = pair_overview(session, as_of=dt.date.today())
    a, b = pairs[0].a, pairs[0].b
    print(f"{_count(store)} documents; busiest pair {a}-{b}: {pairs[0].total} events")

    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings=Settings(db=args.db), store=store),
            host="127.0.0.1",
            port=0,
            log_level="warning",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    targets = [
        (f"partnership page {a}-{b}", f"/partnerships/{a}/{b}"),
        (f"partnership API {a}-{b}", f"/api/v1/partnerships/{a}/{b}"),
        ("partnership page KOR-CAN", "/partnerships/KOR/CAN"),
        ("partnership API KOR-CAN", "/api/v1/partnerships/KOR/CAN"),
        (f"commitments API {a}", f"/api/v1/commitments?party={a}&limit=50"),
        ("document search API", "/api/v1/documents?q=ministers&limit=20"),
        ("home page", "/"),
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load} (1, 5, 15 min) before measuring")
    header = f"{'request':<30} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>10}"
    print(f"\n{header}   (n={args.repeat})")
    for label, path in targets:
        cold, p50, p95, size = measure(base, path, repeat=args.repeat)
        print(f"{label:<30} {cold:9.1f} {p50:8.1f} {p95:8.1f} {size:10d}", flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load average {load} after measuring; peak RSS {peak:.0f} MB (server and client)")
    server.should_exit = True
    thread.join(timeout=10)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
