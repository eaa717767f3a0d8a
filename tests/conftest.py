"""Shared fixtures: stores on SQLite and on a throwaway PostgreSQL server."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from accord.store import Store

PG_URL_ENV = "ACCORD_TEST_PG_URL"
PG_MISSING = "PostgreSQL server binaries not found (apt-get install postgresql)"


@dataclass(frozen=True)
class PgServer:
    """A PostgreSQL server tests may create databases on, as a superuser."""

    host: str
    port: int
    user: str
    password: str | None = None
    admin_db: str = "postgres"

    def url(self, database: str) -> str:
        auth = quote(self.user, safe="")
        if self.password is not None:
            auth += ":" + quote(self.password, safe="")
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=self.admin_db,
            autocommit=True,
        )

    def create_database(self, *, template: str | None = None) -> str:
        """Create a database with a new unique name (a copy of `template` if given)."""
        name = f"accord_test_{uuid.uuid4().hex[:16]}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with self.admin() as admin:
            admin.execute(statement)
        return name

    def drop_database(self, name: str) -> None:
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        with self.admin() as admin:
            admin.execute(statement.format(sql.Identifier(name)))


def _pg_bin_dir() -> Path | None:
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    for directory in reversed(candidates):  # the newest installed version
        if (Path(directory) / "pg_ctl").exists() and (Path(directory) / "initdb").exists():
            return Path(directory)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_from_env(url: str) -> PgServer:
    info = conninfo_to_dict(url.replace("postgresql+psycopg://", "postgresql://"))
    return PgServer(
        host=str(info.get("host", "127.0.0.1")),
        port=int(info.get("port", 5432)),
        user=str(info.get("user", "postgres")),
        password=info.get("password"),  # type: ignore[arg-type]
        admin_db=str(info.get("dbname", "postgres")),
    )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The server from $ACCORD_TEST_PG_URL, or a throwaway cluster for this test session."""
    if url := os.environ.get(PG_URL_ENV):
        yield _server_from_env(url)
        return
    bin_dir = _pg_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI") == "true":
            pytest.fail(PG_MISSING)
        pytest.skip(PG_MISSING)
    # root may not run the server: when we are root, the cluster belongs to `postgres`.
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="accord-pg-"))
    if as_postgres:
        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)

    def run(*args: str) -> None:
        command = ["runuser", "-u", "postgres", "--", *args] if as_postgres else list(args)
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    data, port = root / "data", _free_port()
    try:
        run(
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
        )
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(root / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        )
    except subprocess.CalledProcessError as e:
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL: {e.stderr.decode(errors='replace')}")
    try:
        yield PgServer(host="127.0.0.1", port=port, user="postgres")
    finally:
        try:
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_migrated_template(pg_server: PgServer) -> Iterator[str]:
    """A database migrated to head and left empty, copied for each test's store: copying
    it is faster than creating and migrating a database every time."""
    name = pg_server.create_database()
    Store.open(pg_server.url(name)).close()
    yield name
    pg_server.drop_database(name)


@pytest.fixture
def pg_database_url(pg_server: PgServer) -> Iterator[str]:
    """A URL to a new, empty (not migrated) PostgreSQL database, dropped after the test."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def pg_store_url(pg_server: PgServer, pg_migrated_template: str) -> Iterator[str]:
    """A URL to a new PostgreSQL database holding an empty store, dropped after the test."""
    name = pg_server.create_database(template=pg_migrated_template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to a fresh store with no documents, once on SQLite and once on PostgreSQL.

    The SQLite file does not exist yet; the PostgreSQL database is already migrated (a
    copy of `pg_migrated_template`), which `Store.open` finds at head.
    """
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'accord.db'}"
    return request.getfixturevalue("pg_store_url")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An opened (migrated) store on each backend."""
    opened = Store.open(store_url)
    try:
        yield opened
    finally:
        opened.close()
