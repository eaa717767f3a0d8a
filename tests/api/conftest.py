"""Fixtures of the API tests: the app over the sample store (read-only, shared) and over
fresh stores for tests that write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.api import create_app
from accord.settings import Settings
from accord.store import Store

from .samples import copy_of_samples, sample_store_file

# The session cookie is Secure: the test client must speak "https" to send it back.
BASE_URL = "https://testserver"


@pytest.fixture(scope="session")
def sample_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The app over the sample corpus; tests must not write through it."""
    url = f"sqlite:///{sample_store_file(tmp_path_factory)}"
    with Store.open(url) as store:
        yield create_app(settings=Settings(db=url), store=store)


@pytest.fixture
def client(sample_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(sample_app, base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture
def samples_copy_url(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> str:
    return copy_of_samples(tmp_path_factory, tmp_path)


def make_client(url: str, *, max_bytes: int | None = None) -> tuple[TestClient, Store]:
    store = Store.open(url)
    settings = Settings(db=url) if max_bytes is None else Settings(db=url, max_bytes=max_bytes)
    return TestClient(create_app(settings=settings, store=store), base_url=BASE_URL), store


@pytest.fixture
def fresh_client(store_url: str) -> Iterator[TestClient]:
    """The app over an empty store, on SQLite and on PostgreSQL."""
    test_client, store = make_client(store_url)
    try:
        with test_client:
            yield test_client
    finally:
        store.close()


@pytest.fixture
def writable_client(samples_copy_url: str) -> Iterator[TestClient]:
    """The app over a private copy of the sample store."""
    test_client, store = make_client(samples_copy_url)
    try:
        with test_client:
            yield test_client
    finally:
        store.close()
