"""Bulk ingestion of news archives: batched, multi-process or on a Dask cluster, resumable.

`ingest_bulk` is what `accord ingest --jobs N` (or `--scheduler tcp://HOST:8786`) runs:
see `accord.bulk.engine` for the flow and `accord.bulk.workers` for where analysis runs.
"""

from __future__ import annotations

from accord.bulk.engine import DEFAULT_BATCH_SIZE, BulkProgress, BulkSummary, ingest_bulk
from accord.bulk.workers import LocalAnalyser, analyse_batch, open_analyser

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "BulkProgress",
    "BulkSummary",
    "LocalAnalyser",
    "analyse_batch",
    "ingest_bulk",
    "open_analyser",
]
