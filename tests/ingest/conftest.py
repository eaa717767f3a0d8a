"""Fixtures for the readers' tests."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


@pytest.fixture
def data_dir() -> Path:
    """tests/data/ingest: small documents written for these tests."""
    return DATA
