"""Fixtures of the store's tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from accord.store import Store

from .builders import MakeRecord, build_record

# The backends of the root conftest's `store_url`, for fixtures of a wider scope.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture
def make_record() -> MakeRecord:
    """`build_record`: a DocumentRecord with a meeting, a commitment, entities, a citation."""
    return build_record


@contextmanager
def open_fresh_store(request: pytest.FixtureRequest, backend: str) -> Iterator[Store]:
    """A new empty store on `backend` for a fixture wider than one test (read-only tests
    share it, which saves creating a PostgreSQL database per test)."""
    database = None
    if backend == "sqlite":
        folder = request.getfixturevalue("tmp_path_factory").mktemp("store")
        url = f"sqlite:///{folder / 'accord.db'}"
    else:
        server = request.getfixturevalue("pg_server")
        database = server.create_database(template=request.getfixturevalue("pg_migrated_template"))
        url = server.url(database)
    store = Store.open(url)
    try:
        yield store
    finally:
        store.close()
        if database is not None:
            server.drop_database(database)
