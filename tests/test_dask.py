"""Bulk ingestion on a real Dask cluster (two worker processes) stores exactly what the
single-machine run stores from the same input."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.bulk import ingest_bulk
from accord.store import Store
from test_bulk import MAX, assert_same_store, write_corpus

distributed = pytest.importorskip("distributed")

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_dask_cluster_run_equals_single_machine_run(store_url: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 16, seed=21)
    local_url = f"sqlite:///{tmp_path / 'local.db'}"
    with Store.open(local_url) as store:
        local = ingest_bulk([corpus], store=store, max_bytes=MAX, batch_size=3)
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            host="127.0.0.1",
        ) as cluster,
        Store.open(store_url) as store,
    ):
        remote = ingest_bulk(
            [corpus], store=store, max_bytes=MAX, batch_size=3, scheduler=cluster.scheduler_address
        )
        again = ingest_bulk(
            [corpus], store=store, max_bytes=MAX, batch_size=5, scheduler=cluster.scheduler_address
        )
    assert remote.failed == [] and remote.stored == local.stored == 16 - local.existing
    assert (again.analysed, again.existing) == (0, 16)
    assert_same_store(store_url, local_url)
