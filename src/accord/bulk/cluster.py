"""Analysis on a Dask distributed cluster: workers load the model once, the client writes.

Workers need only Accord installed (`pip install accord`); a worker plugin loads the spaCy
model when each worker starts (and on workers that join later), so no task pays for it.
Results stream back in submission order and are written to the store by the client.
"""

from __future__ import annotations

import logging
from typing import Any

from distributed import Client, Future
from distributed.diagnostics.plugin import WorkerPlugin

from accord.bulk.workers import analyse_batch, warm_up
from accord.errors import ClusterError
from accord.records import Document

__all__ = ["DaskAnalyser", "LoadModel"]

log = logging.getLogger("accord")

_CONNECT_TIMEOUT = "20s"
PLUGIN_NAME = "accord-load-model"


class LoadModel(WorkerPlugin):
    """Loads Accord's model, knowledge base and lexicons once per worker process."""

    def setup(self, worker: Any) -> None:
        warm_up()


class DaskAnalyser:
    """Submits batches to the cluster at `address`; keeps two batches per worker thread busy."""

    def __init__(self, address: str) -> None:
        try:
            self._client = Client(address, timeout=_CONNECT_TIMEOUT, set_as_default=False)
        except OSError as error:
            raise ClusterError(
                f"cannot reach the Dask scheduler at {address!r}: {error}; start one with "
                "`dask scheduler` and workers with `dask worker " + address + "`"
            ) from error
        self._client.register_plugin(LoadModel(), name=PLUGIN_NAME)
        threads = sum(self._client.nthreads().values()) or 1
        self.capacity = 2 * threads
        log.info("Dask cluster at %s: %d worker threads", address, threads)

    def submit(self, documents: list[Document]) -> Future:
        return self._client.submit(analyse_batch, documents, pure=False)

    def close(self) -> None:
        self._client.close()
