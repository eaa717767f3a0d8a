"""Kill a bulk ingestion half-way, resume it, and compare the store with an uninterrupted run.

Writes a synthetic corpus of --docs documents (JSON Lines, half diplomatic), runs
`accord ingest CORPUS --jobs N` once to the end (the reference), then runs the same command
into a second store, kills its whole process group with SIGKILL once half the documents
are stored, runs it again to the end, and prints the timings and whether the two stores
hold the same documents, records and merged events.

    .venv/bin/python bench/bench_resume.py --docs 20000 --jobs 2
    .venv/bin/python bench/bench_resume.py --docs 20000 --jobs 2 --postgres
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from accord.store import Store
from accord.store.models import DocumentRow, EventRow, EventSourceRow


def digest(url: str) -> dict[str, Any]:
    """What two stores must share to be the same: every document's status and record, the
    row counts, and the merged events, each named by its sources (row ids may differ)."""
    with Store.open(url) as store, store.session() as session:
        documents = {
            row.id: (row.status, json.dumps(row.record, sort_keys=True))
            for row in session.scalars(sa.select(DocumentRow))
        }
        counts = {
            table: session.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("meetings", "commitments", "entities", "events", "event_sources")
        }
        sources: dict[int, list[str]] = {}
        for event_id, key in session.execute(
            sa.select(EventSourceRow.event_id, EventSourceRow.source_key)
        ):
            sources.setdefault(event_id, []).append(key)
        events = sorted(
            json.dumps([sorted(sources.get(e.id, [])), *_summary(e)])
            for e in session.scalars(sa.select(EventRow))
        )
    return {"documents": documents, "counts": counts, "events": events}


def _summary(event: EventRow) -> list[Any]:
    return [event.kind, event.parties_key, str(event.date), str(event.deadline), event.text,
            event.source_count]  # fmt: skip


def _fingerprint(state: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]


def _command(corpus_path: Path, url: str, jobs: int) -> list[str]:
    accord = Path(sys.executable).with_name("accord")
    return [str(accord), "ingest", str(corpus_path), "--db", url, "--jobs", str(jobs)]


def _stored(url: str) -> int:
    try:
        with Store.open(url) as store, store.session() as session:
            return session.execute(sa.text("SELECT count(*) FROM documents")).scalar_one()
    except Exception:  # not created yet, or locked for a moment: ask again
        return 0


def _fresh_url(kind: str, folder: Path, name: str, admin_url: str | None) -> str:
    if kind == "sqlite":
        return f"sqlite:///{folder / (name + '.db')}"
    import psycopg

    assert admin_url is not None
    conninfo = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{admin_url.rsplit('/', 1)[0]}/{name}"


def run(args: argparse.Namespace, admin_url: str | None) -> int:
    kind = "postgresql" if admin_url else "sqlite"
    with tempfile.TemporaryDirectory(prefix="accord-resume-") as tmp:
        folder = Path(tmp)
        path = corpus.write_corpus(folder / "corpus", args.docs, seed=args.seed, fmt="jsonl")[0]
        print(f"bench_resume: {args.docs} documents, --jobs {args.jobs}, {kind}")

        reference = _fresh_url(kind, folder, "accord_reference", admin_url)
        start = time.perf_counter()
        subprocess.run(_command(path, reference, args.jobs), check=True, capture_output=True)
        print(f"uninterrupted run: {time.perf_counter() - start:8.1f} s")

        url = _fresh_url(kind, folder, "accord_resumed", admin_url)
        start = time.perf_counter()
        process = subprocess.Popen(
            _command(path, url, args.jobs),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: the workers die with it
        )
        half = args.docs // 2
        try:
            while _stored(url) < half and process.poll() is None:
                time.sleep(1.0)
        finally:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        partial = _stored(url)
        print(f"killed (SIGKILL) at: {time.perf_counter() - start:8.1f} s, {partial} stored")
        start = time.perf_counter()
        resumed = subprocess.run(
            _command(path, url, args.jobs), check=True, capture_output=True, text=True
        )
        print(f"resumed run:       {time.perf_counter() - start:8.1f} s")
        print("  " + " ".join(resumed.stdout.split())[:200])

        got, expected = digest(url), digest(reference)
        same = got == expected
        print(f"reference store: {_fingerprint(expected)}  {expected['counts']}")
        print(f"resumed store:   {_fingerprint(got)}  {got['counts']}")
        print("same final store: " + ("yes" if same else "NO"))
        return 0 if same else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pg-url", default=None, help="an admin URL; databases are created")
    parser.add_argument(
        "--postgres", action="store_true", help="start a throwaway PostgreSQL (fsync on)"
    )
    parser.add_argument(
        "--high-priority", action="store_true", help="raise the CPU priority (see priority.py)"
    )
    args = parser.parse_args(argv)
    if args.high_priority:
        from priority import raise_priority

        print(raise_priority())
    with contextlib.ExitStack() as stack:
        admin_url = args.pg_url
        if args.postgres and not admin_url:
            from bench_store import pg_server

            admin_url = stack.enter_context(pg_server(fsync=True))
        return run(args, admin_url)


if __name__ == "__main__":
    raise SystemExit(main())
