"""Where documents are analysed in bulk: in this process, in a pool of processes, or on Dask.

Every analyser takes batches of prepared documents and hands back futures of their
records in the same order; the writer (`accord.bulk.engine`) never knows where the work
ran. A worker loads the spaCy model once, when it starts, never per batch.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from accord.records import Document, DocumentRecord

__all__ = ["Analyser", "LocalAnalyser", "analyse_batch", "open_analyser", "warm_up"]

log = logging.getLogger("accord")

# A document's outcome from a worker: its record, or why its analysis failed.
Outcome = DocumentRecord | str


class ResultLike(Protocol):
    def result(self) -> Any: ...


class Analyser(Protocol):
    """Runs `analyse_batch` somewhere; `capacity` is how many batches to keep in flight."""

    capacity: int

    def submit(self, documents: list[Document]) -> ResultLike: ...

    def close(self) -> None: ...


def warm_up() -> None:
    """Load the model, the knowledge base and the lexicons, so no batch pays for them."""
    from accord.extractors import extract
    from accord.ingest import prepare
    from accord.records import RawDocument

    sample = "Japan and the Philippines agreed to hold talks in Manila on March 3, 2025."
    extract(prepare(RawDocument(text=sample, source="<warm-up>", format="txt")))


def analyse_batch(documents: Sequence[Document]) -> list[Outcome]:
    """The records of a batch: one `nlp.pipe` pass over their bodies, then the extractors.

    A document whose analysis raises becomes the error's message; the rest of the batch is
    analysed all the same (one bad document must not cost a whole archive its run).
    """
    from accord.extractors import analysis_text, extract
    from accord.nlp import load_nlp

    nlp = load_nlp()
    texts = [analysis_text(d) for d in documents]
    outcomes: list[Outcome] = []
    for document, doc in zip(
        documents, nlp.pipe(texts, batch_size=max(1, len(texts))), strict=True
    ):
        try:
            outcomes.append(extract(document, doc=doc))
        except Exception as error:  # reported per document, never fatal
            log.warning("%s: analysis failed", document.source, exc_info=True)
            outcomes.append(f"analysis failed: {type(error).__name__}: {error}")
    return outcomes


class _Done:
    """A computed result behind the futures' `result()`: the in-process analyser's."""

    def __init__(self, value: list[Outcome]) -> None:
        self._value = value

    def result(self) -> list[Outcome]:
        return self._value


def _ready() -> int:
    # Held a moment, so the pool's other workers take the other start-up tasks.
    time.sleep(1.0)
    return os.getpid()


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent decides, the workers carry on
    # until it shuts them down, so no half-finished batch is reported as an error.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


# A worker is replaced after this many batches: spaCy's vocabulary only grows (every new
# word of a corpus is interned for good), so a worker that lived for a whole large corpus
# would end it larger than it began. A fresh worker loads the model in a few seconds, a
# small cost against the minutes its batches take.
BATCHES_PER_WORKER = 100


class LocalAnalyser:
    """`jobs` worker processes on this machine (1: this process, no pool)."""

    def __init__(self, *, jobs: int, batches_per_worker: int = BATCHES_PER_WORKER) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None
        if jobs > 1:
            # spawn, not fork: the parent runs threads (the progress bar, SQLAlchemy's pool)
            # and a forked child could inherit a held lock.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=context,
                initializer=_start_worker,
                max_tasks_per_child=batches_per_worker,
            )
        # Two batches per worker: one being analysed, one waiting, so no worker idles while
        # the parent writes.
        self.capacity = 2 * jobs

    def start(self) -> None:
        """Start the workers now and wait until they have loaded the model (best effort:
        benchmarks call it so that start-up is not timed; `submit` starts them anyway)."""
        if self._pool is None:
            warm_up()
            return
        for future in [self._pool.submit(_ready) for _ in range(self.jobs)]:
            future.result()

    def submit(self, documents: list[Document]) -> ResultLike:
        if self._pool is None:
            return _Done(analyse_batch(documents))
        future: Future[list[Outcome]] = self._pool.submit(analyse_batch, documents)
        return future

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def open_analyser(*, jobs: int = 1, scheduler: str | None = None) -> Analyser:
    """A Dask analyser when `scheduler` is given (tcp://HOST:8786), else a local one."""
    if scheduler is not None:
        from accord.bulk.cluster import DaskAnalyser

        return DaskAnalyser(scheduler)
    return LocalAnalyser(jobs=jobs)
