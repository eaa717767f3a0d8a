"""Speed of the cross-document layer: ingesting into an empty or a 50,000-document store; reports.

Building 50,000 documents through spaCy would take hours, so the big store is made of
synthetic `DocumentRecord`s (meetings, commitments, people, organizations, areas over
190 country pairs, two of them dense) written with `add_record` and `fold_document`
exactly as the pipeline writes them, in batches. The store file is cached under
`bench/out/` and reused while the generator and its arguments are unchanged.

Then, on a fresh copy of that store and on an empty store, alternately:
(1) ingest one more real document through the real pipeline (`ingest_paths`: spaCy,
    extractors, `add_record`, the fold), and, separately, store one pre-extracted record
    (`add_record` + `fold_document`: the part that can depend on the store's size);
(2) build and render `accord report` for a typical pair and for the densest pair;
(3) the same on PostgreSQL when a throwaway server can be started (`--postgres`): the
    SQLite store's rows are copied over, which is much faster than folding again.

    .venv/bin/python bench/bench_store.py                  # 50,000 documents, SQLite
    .venv/bin/python bench/bench_store.py --docs 5000 --postgres
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import logging
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_lexicon as lex
from corpus import generate_documents

from accord.kb import load_kb
from accord.records import (
    Annotations,
    Commitment,
    CountryMention,
    Document,
    DocumentRecord,
    Evidence,
    Meeting,
    OrganizationMention,
    Participant,
    Person,
    document_id,
)
from accord.store import Store, add_record
from accord.tracking.events import fold_document

OUT = Path(__file__).resolve().parent / "out"
# Bump when the synthetic records change, so a cached store is not reused by mistake.
GENERATOR_VERSION = 1
N_COUNTRIES = 20  # 20 countries: 190 pairs
# (pair, share of the diplomatic documents): the dense pairs every feed over-reports.
DENSE_PAIRS: tuple[tuple[tuple[str, str], float], ...] = (
    (("JPN", "USA"), 0.08),
    (("CHN", "USA"), 0.03),
)
TYPICAL_PAIR = ("KOR", "CAN")
DIPLOMATIC_SHARE = 0.5  # as in the benchmark corpus: feeds carry much else
SOURCES_PER_MEETING = 1.6  # how many documents report the average meeting
FIRST_DAY, LAST_DAY = dt.date(2015, 1, 1), dt.date(2025, 12, 31)
AS_OF = dt.date(2026, 1, 1)
PUBLISHERS = ("Accord Bench Wire", "Capital Daily", "Regional Review", "Foreign Desk")

log = logging.getLogger("accord.bench")


# --- the synthetic store ----------------------------------------------------------------


@dataclass(frozen=True)
class _Side:
    iso3: str
    country: lex.Country


class _Text:
    """A text assembled sentence by sentence, remembering where each clause sits."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str) -> None:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        self.parts.append(sentence)
        self.length += len(sentence)

    def span(self, sentence_start: int, sentence: str, needle: str) -> Evidence:
        at = sentence_start + sentence.index(needle)
        return Evidence(at, at + len(needle), needle)

    def value(self) -> str:
        return "".join(self.parts)


class SyntheticStore:
    """Deterministic synthetic records: record i depends only on the seed and i."""

    def __init__(self, *, seed: int = 0) -> None:
        kb = load_kb()
        sides = []
        for country in lex.COUNTRIES:
            found = kb.country(country.name.removeprefix("the "))
            if found is not None and found.iso3 not in {s.iso3 for s in sides}:
                sides.append(_Side(found.iso3, country))
        self.sides = {s.iso3: s for s in sides[:N_COUNTRIES]}
        for pair, _ in DENSE_PAIRS:
            assert set(pair) <= set(self.sides), pair
        self.seed = seed
        self.pairs = list(itertools.combinations(sorted(self.sides), 2))
        dense = {tuple(sorted(p)): share for p, share in DENSE_PAIRS}
        rest = (1.0 - sum(dense.values())) / (len(self.pairs) - len(dense))
        self.weights = [dense.get(p, rest) for p in self.pairs]
        self.cumulative = list(itertools.accumulate(self.weights))

    def _pair(self, rng: random.Random) -> tuple[str, str]:
        return rng.choices(self.pairs, cum_weights=self.cumulative)[0]

    def _minister(self, side: _Side, year: int) -> tuple[str, str]:
        """(name, title) of the side's foreign minister in a two-year term."""
        rng = random.Random(f"{self.seed}:minister:{side.iso3}:{year // 2}")
        culture = lex.CULTURES[rng.choice(side.country.cultures)]
        given, family = rng.choice(culture.given), rng.choice(culture.family)
        name = f"{family} {given}" if culture.family_first else f"{given} {family}"
        return name, side.country.foreign_title

    def _meeting_day(self, pair: tuple[str, str], n_docs: int, rng: random.Random) -> dt.date:
        """One of the pair's meeting days: several documents report the same meeting."""
        share = self.weights[self.pairs.index(pair)] / self.cumulative[-1]
        days = max(1, round(n_docs * DIPLOMATIC_SHARE * share / SOURCES_PER_MEETING))
        k = rng.randrange(days)
        span = (LAST_DAY - FIRST_DAY).days
        offset = random.Random(f"{self.seed}:day:{pair}:{k}").randrange(span)
        return FIRST_DAY + dt.timedelta(days=offset)

    def record(self, i: int, *, n_docs: int, body: str) -> DocumentRecord:
        """Document i of a store of `n_docs`: a diplomatic report with a meeting and
        pledges, or (1 - DIPLOMATIC_SHARE of the time) an unrelated article."""
        rng = random.Random(f"{self.seed}:doc:{i}")
        if rng.random() >= DIPLOMATIC_SHARE:
            published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
            text = f"{body}\n(ref {i})"
            document = Document(
                id=document_id(text),
                text=text,
                source=f"bench/synthetic/{i}.txt",
                format="txt",
                title=f"Item {i}",
                published=published,
                publisher=rng.choice(PUBLISHERS),
                kind="other",
            )
            return DocumentRecord(document=document)
        pair = self._pair(rng)
        a, b = self.sides[pair[0]], self.sides[pair[1]]
        if rng.random() < 0.5:
            a, b = b, a
        day = self._meeting_day(pair, n_docs, rng)
        published = day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2)))
        kind = rng.choice(("readout", "news", "news", "joint_statement", "analysis"))
        # What the meeting was (host, format) is the meeting's, not the reporting document's.
        meeting_rng = random.Random(f"{self.seed}:meeting:{pair}:{day}")
        first, second = self.sides[pair[0]], self.sides[pair[1]]
        host = meeting_rng.choice((first, second))
        city = host.country.capital
        mechanism = None
        if meeting_rng.random() < 0.6:
            mechanism = meeting_rng.choice(lex.MECHANISM_KINDS).format(
                a=first.country.adjective, b=second.country.adjective
            )
        name_a, title_a = self._minister(a, day.year)
        name_b, title_b = self._minister(b, day.year)
        if rng.random() < 0.2:
            title_a = "Minister of Foreign Affairs"  # outlets differ on titles
        t = _Text()
        when = f"{day:%B} {day.day}, {day.year}"
        meet = f"{title_a} {name_a} met {name_b} of {b.country.name} in {city} on {when}"
        start = t.length
        sentence = f"{meet}." if not mechanism else f"{meet} for the {mechanism}."
        t.add(sentence)
        meeting_evidence = t.span(start, sentence, meet)
        people = [
            Person(name_a, title_a, a.iso3, None, (t.span(start, sentence, name_a),)),
            Person(name_b, title_b, b.iso3, None, (t.span(start, sentence, name_b),)),
        ]
        countries = [CountryMention(b.iso3, t.span(start, sentence, b.country.name))]
        # Pledges: the dense pairs repeat a few near-identical ones, as real coverage does.
        commitments = []
        area_ids = list(lex.AREAS)
        doc_areas = []
        for _ in range(rng.choice((0, 1, 1, 2))):
            area = rng.choice(area_ids)
            phrase = rng.choice(lex.AREAS[area])
            doc_areas.append(area)
            template = rng.randrange(4)
            if template == 0:
                next_mech = rng.choice(lex.MECHANISM_KINDS).format(
                    a=first.country.adjective, b=second.country.adjective
                )
                clause = (
                    f"the two sides agreed to hold the first {next_mech} by the end of the year"
                )
                deadline, modality = dt.date(day.year, 12, 31), "agreed"
            elif template == 1:
                clause = f"both countries pledged to expand cooperation on {phrase}"
                deadline, modality = None, "pledged"
            elif template == 2:
                years = rng.choice((1, 2, 5))
                clause = (
                    f"the ministers decided to conclude talks on {phrase} by {day.year + years}"
                )
                deadline, modality = dt.date(day.year + years, 12, 31), "decided"
            else:
                clause = f"they reaffirmed their plan to work together on {phrase}"
                deadline, modality = None, "reaffirmed"
            start = t.length
            sentence = f"In {city}, {clause}."
            t.add(sentence)
            commitments.append(
                Commitment(
                    parties=tuple(sorted(pair)),
                    text=clause,
                    modality=modality,  # type: ignore[arg-type]
                    deadline=deadline,
                    areas=(area,),
                    forums=(),
                    evidence=t.span(start, sentence, clause),
                )
            )
        organizations = []
        if rng.random() < 0.5:
            org, _ = rng.choice(lex.ORGANIZATIONS)
            start = t.length
            sentence = f"They compared notes on work at the {org}."
            t.add(sentence)
            organizations.append(OrganizationMention(org, t.span(start, sentence, org)))
        t.add(body)
        t.add(f"(ref {i})")
        text = t.value()
        document = Document(
            id=document_id(text),
            text=text,
            source=f"bench/synthetic/{i}.txt",
            format="txt",
            title=f"{a.country.adjective} and {b.country.adjective} ministers meet ({i})",
            url=f"https://bench.example.org/{i}",
            published=published,
            publisher=rng.choice(PUBLISHERS),
            kind=kind,
        )
        meeting = Meeting(
            date=day,
            city=city,
            country=host.iso3,
            parties=tuple(sorted(pair)),
            participants=(
                Participant(name_a, a.iso3, title_a),
                Participant(name_b, b.iso3, title_b),
            ),
            mechanism=mechanism,
            evidence=meeting_evidence,
        )
        return DocumentRecord(
            document=document,
            meetings=(meeting,),
            commitments=tuple(commitments),
            areas=tuple(dict.fromkeys(doc_areas)),
            annotations=Annotations(
                people=tuple(people),
                countries=tuple(countries),
                organizations=tuple(organizations),
            ),
        )


def _bodies(n: int, *, seed: int) -> list[str]:
    """Realistic filler paragraphs (the synthetic corpus' non-diplomatic articles)."""
    return [d.text for d in generate_documents(n, seed=seed, diplomatic_share=0.0)]


def build_shard(
    url: str,
    *,
    n_docs: int,
    seed: int,
    shard: int = 0,
    shards: int = 1,
    batch: int = 500,
    report: Callable[[str], None] | None = None,
) -> int:
    """Write this shard's synthetic records into the store at `url` with `add_record` and
    `fold_document`, `batch` per transaction; returns how many it wrote.

    Shards split the records by country pair (unrelated articles by index): merging only
    ever relates reports of the same parties, so folding each shard alone gives the events
    one sequential build would give.
    """
    generator = SyntheticStore(seed=seed)
    bodies = _bodies(200, seed=seed)
    started, written = time.perf_counter(), 0
    mine = (generator.record(i, n_docs=n_docs, body=bodies[i % len(bodies)]) for i in range(n_docs))
    mine = (r for i, r in enumerate(mine) if _shard_of(r, i, shards) == shard)
    with Store.open(url) as store:
        while chunk := list(itertools.islice(mine, batch)):
            with store.session(write=True) as session:
                for record in chunk:
                    outcome = add_record(session, record=record)
                    fold_document(session, document_id=outcome.document_id)
            written += len(chunk)
            if report is not None:
                rate = written / (time.perf_counter() - started)
                report(f"  shard {shard}: {written} documents ({rate:.0f}/s)")
    return written


def _shard_of(record: DocumentRecord, i: int, shards: int) -> int:
    if not record.meetings:
        return i % shards
    key = "|".join(record.meetings[0].parties)
    return int.from_bytes(key.encode(), "little") % shards


def _build_shard_job(job: tuple[str, int, int, int, int]) -> int:
    url, n_docs, seed, shard, shards = job
    return build_shard(
        url,
        n_docs=n_docs,
        seed=seed,
        shard=shard,
        shards=shards,
        report=lambda m: print(m, file=sys.stderr, flush=True),
    )


def merge_shards(target: Path, shards: Sequence[Path]) -> None:
    """Append every shard's rows to the (migrated) SQLite store `target`, shifting integer
    ids past the rows already there; foreign keys follow their table's shift."""
    import sqlite3

    from accord.store.models import Base

    tables = Base.metadata.sorted_tables
    with contextlib.closing(sqlite3.connect(target)) as db:
        for shard in shards:
            db.execute("ATTACH DATABASE ? AS shard", (str(shard),))
            present = {r[0] for r in db.execute("SELECT name FROM shard.sqlite_master")}
            offsets = {}
            for table in tables:
                if (
                    "id" in table.c
                    and table.c.id.primary_key
                    and table.c.id.type.python_type is int
                ):
                    offsets[table.name] = db.execute(
                        f"SELECT coalesce(max(id), 0) FROM main.{table.name}"
                    ).fetchone()[0]
            for table in tables:
                if table.name not in present:
                    continue
                exprs = []
                for column in table.c:
                    shift = None
                    if column.name == "id" and table.name in offsets:
                        shift = offsets[table.name]
                    for fk in column.foreign_keys:
                        if fk.column.table.name in offsets:
                            shift = offsets[fk.column.table.name]
                    exprs.append(f'"{column.name}"' + (f" + {shift}" if shift else ""))
                names = ", ".join(f'"{c.name}"' for c in table.c)
                db.execute(
                    f"INSERT INTO main.{table.name} ({names}) "
                    f"SELECT {', '.join(exprs)} FROM shard.{table.name}"
                )
            db.commit()
            db.execute("DETACH DATABASE shard")
        db.execute("ANALYZE")
        db.commit()


def cached_store(*, n_docs: int, seed: int, jobs: int = 1, report: Callable[[str], None]) -> Path:
    """The path of the built store for these arguments, building it when missing."""
    from concurrent.futures import ProcessPoolExecutor

    path = OUT / f"store-{n_docs}-s{seed}-v{GENERATOR_VERSION}.db"
    if path.exists():
        report(f"reusing {path}")
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    shard_paths = [path.with_suffix(f".shard{k}") for k in range(jobs)]
    for leftover in [p for base in (partial, *shard_paths) for p in OUT.glob(base.name + "*")]:
        leftover.unlink()
    report(f"building {path} ({n_docs} synthetic documents, {jobs} processes)")
    shard_jobs = [(f"sqlite:///{p}", n_docs, seed, k, jobs) for k, p in enumerate(shard_paths)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        written = sum(pool.map(_build_shard_job, shard_jobs))
    assert written == n_docs, (written, n_docs)
    for shard in shard_paths:
        _checkpoint(shard)
    Store.open(f"sqlite:///{partial}").close()
    merge_shards(partial, shard_paths)
    _checkpoint(partial)
    for shard in shard_paths:
        shard.unlink()
    partial.rename(path)
    report(f"built in {time.perf_counter() - started:.0f} s")
    return path


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file, so copying the one file copies the whole store."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")


def store_stats(store: Store) -> dict[str, int]:
    import sqlalchemy as sa

    with store.session() as session:
        count = lambda table: session.scalar(sa.text(f"SELECT count(*) FROM {table}"))  # noqa: E731
        return {t: count(t) for t in ("documents", "events", "event_sources", "meetings")}


def densest_pair(store: Store) -> tuple[str, str, int, int]:
    """(a, b, meetings, commitment sources) of the pair with the most event sources."""
    import sqlalchemy as sa

    stmt = sa.text(
        "SELECT parties_key, sum(kind = 'meeting'), sum(kind = 'commitment') FROM event_sources"
        " GROUP BY parties_key ORDER BY count(*) DESC LIMIT 1"
    )
    with store.session() as session:
        key, meetings, commitments = session.execute(stmt).one()
    a, b = key.split("|")
    return a, b, int(meetings), int(commitments)


# --- measuring --------------------------------------------------------------------------


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


@dataclass
class Row:
    """One measure: wall-clock seconds per repeat, and this process's CPU seconds (on a
    shared machine the CPU figure moves less with other people's load)."""

    label: str
    values: list[float]
    cpu: list[float]

    def cells(self) -> tuple[str, ...]:
        ms = [v * 1000.0 for v in self.values]
        return (
            self.label,
            str(len(ms)),
            f"{statistics.median(ms):9.1f}",
            f"{_percentile(ms, 0.95):9.1f}",
            f"{min(ms):9.1f}",
            f"{statistics.median(self.cpu) * 1000.0:9.1f}",
        )


class _Clock:
    """Wall and CPU time of a block."""

    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def print_table(title: str, rows: Sequence[Row]) -> None:
    print(f"\n{title}")
    header = ("measure", "n", "p50 ms", "p95 ms", "min ms", "p50 cpu ms")
    cells = [header, *(r.cells() for r in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    for j, c in enumerate(cells):
        print(
            "  "
            + "  ".join(
                c[i].ljust(widths[i]) if i == 0 else c[i].rjust(widths[i]) for i in range(len(c))
            )
        )
        if j == 0:
            print("  " + "  ".join("-" * w for w in widths))


def _ingest_documents(n: int, *, seed: int, folder: Path) -> list[Path]:
    """`n` real-looking diplomatic documents, one JSONL file each (with their metadata)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    kinds = {"readout": "readout", "joint_statement": "joint_statement", "news": "news"}
    for d in generate_documents(n, seed=seed, diplomatic_share=1.0):
        item = {
            "text": d.text,
            "title": d.title,
            "published": d.published.isoformat(),
            "kind": kinds.get(d.kind, "analysis"),
        }
        path = folder / f"{d.slug}.jsonl"
        path.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def measure_ingest(
    stores: dict[str, Store], *, repeats: int, warmup: int, seed: int, folder: Path
) -> list[Row]:
    """Alternate between the stores: the same documents go into each, in the same order."""
    from accord.extractors import extract
    from accord.pipeline import ingest_paths, read_documents

    paths = _ingest_documents(2 * (repeats + warmup), seed=seed, folder=folder)
    full, store_only = paths[: repeats + warmup], paths[repeats + warmup :]
    timings: dict[str, Row] = {
        f"{k}: {m}": Row(f"ingest one document, {k}: {m}", [], [])
        for m in ("pipeline", "store")
        for k in stores
    }
    for n, path in enumerate(full):
        for name, store in stores.items():
            with _Clock() as clock:
                summary = ingest_paths([str(path)], store=store, max_bytes=10_000_000)
            assert summary.new and not summary.failed, (path, summary.failed)
            if n >= warmup:
                timings[f"{name}: pipeline"].values.append(clock.wall)
                timings[f"{name}: pipeline"].cpu.append(clock.cpu)
    # The store's share alone (add_record + fold), on records extracted beforehand:
    # what can grow with the store, without spaCy's larger variance around it.
    records = [extract(read_documents(str(p), max_bytes=10_000_000)[0]) for p in store_only]
    for n, record in enumerate(records):
        for name, store in stores.items():
            with _Clock() as clock, store.session(write=True) as session:
                outcome = add_record(session, record=record)
                fold_document(session, document_id=outcome.document_id)
            if n >= warmup:
                timings[f"{name}: store"].values.append(clock.wall)
                timings[f"{name}: store"].cpu.append(clock.cpu)
    return list(timings.values())


def measure_report(
    store: Store, *, pairs: Sequence[tuple[str, str]], repeats: int, label: str
) -> list[Row]:
    """build_report + render_report (text and HTML) per pair, each in a fresh session."""
    from accord.report import build_report, rank_partners, render_report

    rows = []
    for a, b in pairs:
        row = Row("", [], [])
        for n in range(repeats + 1):
            with _Clock() as clock:
                with store.session() as session:
                    report = build_report(session, a=a, b=b, as_of=AS_OF)
                render_report(report, output_format="text")
                render_report(report, output_format="html")
            if n:  # the first one warms the knowledge base and caches
                row.values.append(clock.wall)
                row.cpu.append(clock.cpu)
        row.label = (
            f"report {a}-{b} ({len(report.meetings)} meetings, {len(report.ledger)} "
            f"commitments), {label}"
        )
        rows.append(row)
    row = Row(f"partners {pairs[0][0]}, {label}", [], [])
    for _ in range(repeats):
        with _Clock() as clock, store.session() as session:
            rank_partners(session, country=pairs[0][0], as_of=AS_OF)
        row.values.append(clock.wall)
        row.cpu.append(clock.cpu)
    rows.append(row)
    return rows


# --- PostgreSQL -------------------------------------------------------------------------


@contextlib.contextmanager
def pg_server(*, fsync: bool = False) -> Iterator[str]:
    """A throwaway PostgreSQL cluster (as tests/conftest.py starts one); yields its URL.

    fsync is off by default: the store benchmark measures queries, not the disk."""
    import glob
    import pwd
    import socket

    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if not bins:
        raise RuntimeError("PostgreSQL server binaries not found")
    bin_dir = Path(bins[-1])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(tempfile.mkdtemp(prefix="accord-bench-pg-"))
    as_postgres = os.geteuid() == 0
    if as_postgres:
        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)

    def run(*args: str) -> None:
        command = ["runuser", "-u", "postgres", "--", *args] if as_postgres else list(args)
        subprocess.run(command, check=True, capture_output=True)

    data = root / "data"
    run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
        "--no-locale")  # fmt: skip
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync={'on' if fsync else 'off'}"
    )
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "pg.log"), "-w", "-o", options,
        "start")  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def copy_to_postgres(sqlite_path: Path, url: str, *, report: Callable[[str], None]) -> None:
    """Copy every table of the SQLite store into a migrated PostgreSQL store, then fix
    the id sequences and refresh the planner's statistics."""
    import sqlalchemy as sa

    from accord.store.models import Base

    started = time.perf_counter()
    source = sa.create_engine(f"sqlite:///{sqlite_path}")
    with Store.open(url) as target:
        with source.connect() as read, target.engine.begin() as write:
            for table in Base.metadata.sorted_tables:
                rows = read.execute(sa.select(table)).mappings()
                chunk: list[dict] = []
                for row in rows:
                    chunk.append(dict(row))
                    if len(chunk) == 5000:
                        write.execute(table.insert(), chunk)
                        chunk = []
                if chunk:
                    write.execute(table.insert(), chunk)
                if "id" in table.c and isinstance(table.c.id.type, sa.Integer):
                    write.execute(
                        sa.text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"coalesce((SELECT max(id) FROM {table.name}), 1))"
                        )
                    )
        with target.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(sa.text("ANALYZE"))
    source.dispose()
    report(f"copied the store to PostgreSQL in {time.perf_counter() - started:.0f} s")


# --- the command ------------------------------------------------------------------------


def _working_copy(path: Path, folder: Path) -> Path:
    copy = folder / path.name
    shutil.copyfile(path, copy)
    return copy


def run(args: argparse.Namespace) -> int:
    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    logging.basicConfig(level=logging.WARNING)
    big = cached_store(n_docs=args.docs, seed=args.seed, jobs=args.jobs, report=say)
    rows: list[Row] = []
    with (
        tempfile.TemporaryDirectory(prefix="accord-bench-", dir=OUT) as tmp,
        contextlib.ExitStack() as stack,
    ):
        work = Path(tmp)
        big_store = stack.enter_context(Store.open(f"sqlite:///{_working_copy(big, work)}"))
        stats = store_stats(big_store)
        a, b, dense_meetings, dense_pledges = densest_pair(big_store)
        print(
            f"store: {stats['documents']} documents, {stats['events']} events, "
            f"{stats['event_sources']} event sources; densest pair {a}-{b}: "
            f"{dense_meetings} meeting and {dense_pledges} commitment reports"
        )
        pairs = [TYPICAL_PAIR, (a, b)]
        # Reports first, before spaCy loads: `accord report` runs in a process without the
        # model, and the model's many objects make every garbage collection slower.
        say("measuring reports")
        rows += measure_report(big_store, pairs=pairs, repeats=args.repeat, label="SQLite")
        targets = {
            "empty store": stack.enter_context(Store.open(f"sqlite:///{work / 'empty.db'}")),
            f"{args.docs:,}-document store": big_store,
        }
        pg_targets = {}
        if args.postgres:
            try:
                url = stack.enter_context(pg_server())
                copy_to_postgres(big, url, report=say)
                pg_store = stack.enter_context(Store.open(url))
                rows += measure_report(
                    pg_store, pairs=pairs, repeats=args.repeat, label="PostgreSQL"
                )
                _create_database(url, "empty")
                pg_targets = {
                    "empty PG": stack.enter_context(Store.open(url.rsplit("/", 1)[0] + "/empty")),
                    f"{args.docs:,}-document PG": pg_store,
                }
            except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
                print(f"PostgreSQL skipped: {error}")
        if not args.skip_ingest:
            say("measuring ingestion (spaCy loads on the first document)")
            for number, stores in enumerate((targets, pg_targets)):
                if stores:
                    rows += measure_ingest(
                        stores,
                        repeats=args.repeat,
                        warmup=args.warmup,
                        seed=args.seed + 1000 * (number + 1),
                        folder=work / f"docs-{number}",
                    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print_table(
        f"bench_store: {args.docs:,} documents, as of {AS_OF}, {os.cpu_count()} cores, "
        f"load average {load}",
        rows,
    )
    return 0


def _create_database(url: str, name: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50_000, help="store size (50000)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (0)")
    parser.add_argument("--repeat", type=int, default=20, help="timed repeats per row (20)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (3)")
    parser.add_argument(
        "--jobs", type=int, default=2, help="processes building the store, by pair (2)"
    )
    parser.add_argument("--skip-ingest", action="store_true", help="reports only")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
