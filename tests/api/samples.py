"""The sample corpus in a store, built once per test session and copied for tests that write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from accord.pipeline import ingest_paths
from accord.settings import DEFAULT_MAX_BYTES
from accord.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sample_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the ingested samples/ folder (ingesting runs the spaCy model,
    20-40 s): built on the first call of the session, found on disk afterwards."""
    path = tmp_path_factory.getbasetemp() / "accord-samples" / "samples.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        building = path.with_suffix(".building.db")
        with Store.open(f"sqlite:///{building}") as store:
            summary = ingest_paths(
                [str(SAMPLES)], store=store, recursive=True, max_bytes=DEFAULT_MAX_BYTES
            )
        assert not summary.failed, summary.failed
        building.rename(path)
    return path


def copy_of_samples(tmp_path_factory: pytest.TempPathFactory, folder: Path) -> str:
    """A URL to a private copy of the sample store, for a test that writes."""
    target = folder / "samples-copy.db"
    shutil.copyfile(sample_store_file(tmp_path_factory), target)
    return f"sqlite:///{target}"
