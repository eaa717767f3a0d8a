"""Opening the store: an engine for SQLite or PostgreSQL, migrated to head, and sessions."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from accord.errors import StoreError

__all__ = ["MIGRATIONS_DIR", "Store"]

log = logging.getLogger("accord")

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# Any constant works: it only has to be the same for every Accord process migrating a
# PostgreSQL database, so two of them never create the tables at the same time.
_PG_MIGRATION_LOCK = 0x6163636F7264  # "accord"
_PG_CONNECT_TIMEOUT_S = 10
_EXPECTED = "expected sqlite:///PATH or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
_PASSWORD_IN_URL = re.compile(r"(://[^/:@]*:)[^@/]*@")
# Set on the migration connection so SQLite takes the write lock before reading the
# schema version: a second process then waits instead of creating the tables twice.
_WRITE_LOCK_OPTION = "accord_sqlite_begin_immediate"


def _shown(url: str) -> str:
    """The URL as it may appear in messages and logs: never with its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return _PASSWORD_IN_URL.sub(r"\1***@", url)


def _one_line(error: BaseException) -> str:
    """A driver's message on one line (psycopg's span several, with hints)."""
    orig = getattr(error, "orig", None) or error
    return " ".join(str(orig).split()) or type(orig).__name__


def _normalized_url(url: str) -> URL:
    """Parse `url`, accept the two backends and pick the psycopg driver for PostgreSQL."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as e:
        raise StoreError(
            f"cannot open store {_shown(url)!r}: not a database URL; {_EXPECTED}"
        ) from e
    backend, _, driver = parsed.drivername.partition("+")
    if backend in ("postgresql", "postgres") and driver in ("", "psycopg"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        database = parsed.database or ""
        if database and database != ":memory:" and not parsed.query.get("uri"):
            database = str(Path(database).expanduser())
        return parsed.set(drivername="sqlite+pysqlite", database=database)
    raise StoreError(
        f"cannot open store {_shown(url)!r}: unsupported database {parsed.drivername!r}; "
        f"{_EXPECTED}"
    )


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling skips BEGIN before DDL and SAVEPOINTs; turn it
    # off and issue BEGIN ourselves (_sqlite_on_begin), as SQLAlchemy's docs recommend.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        # Reading the journal mode is also the first read of the file: a file that is not
        # a database fails here, while the store is being opened.
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # durable enough with WAL, and faster
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_WRITE_LOCK_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "postgresql":
        connect_args: dict[str, Any] = {}
        if "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = _PG_CONNECT_TIMEOUT_S
        return create_engine(
            url, connect_args=connect_args, pool_pre_ping=True, json_serializer=_json_dumps
        )
    database = url.database or ""
    in_memory = database in ("", ":memory:")
    if in_memory:
        # One shared connection, or every new connection would see a new empty database.
        engine = create_engine(
            url,
            poolclass=StaticPool,
            connect_args={"check_same_thread": False},
            json_serializer=_json_dumps,
        )
    else:
        if not url.query.get("uri"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, json_serializer=_json_dumps)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction on our own connection."""
    config = Config()
    # ConfigParser interpolates '%': a path holding one must escape it.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.execution_options(**{_WRITE_LOCK_OPTION: True})
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
                )
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


class Store:
    """An open store: an engine whose schema is at the newest migration.

    Use `Store.open(url)`, then `with store.session() as session:` around the query
    functions of `accord.store.queries`; `close()` (or a `with` block) releases the engine.
    """

    def __init__(self, engine: Engine, *, url: str) -> None:
        self._engine = engine
        self._url = url
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (creating if needed) the store at `url` and migrate it to the newest schema.

        Accepts `sqlite:///PATH` (the folder is created), `postgresql://...` and
        `postgresql+psycopg://...`. Raises `StoreError` when the URL is malformed, the server
        cannot be reached, or the file is not a database.
        """
        shown = _shown(url)
        parsed = _normalized_url(url)
        try:
            engine = _create_engine(parsed)
        except OSError as e:
            raise StoreError(f"cannot open store {shown!r}: {e.strerror or e}") from e
        except ArgumentError as e:
            raise StoreError(f"cannot open store {shown!r}: {_one_line(e)}; {_EXPECTED}") from e
        try:
            _migrate(engine)
        except DBAPIError as e:
            engine.dispose()
            raise StoreError(f"cannot open store {shown!r}: {_one_line(e)}") from e
        except CommandError as e:
            engine.dispose()
            # Typically a store written by a newer Accord, at a revision this one lacks.
            raise StoreError(
                f"cannot open store {shown!r}: its schema is unknown to this version of "
                f"Accord ({e}); upgrade Accord or use another store"
            ) from e
        except BaseException:
            engine.dispose()
            raise
        log.debug("opened store %s (%s)", shown, engine.dialect.name)
        return cls(engine, url=shown)

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    @property
    def url(self) -> str:
        """The store's URL with any password hidden."""
        return self._url

    @property
    def engine(self) -> Engine:
        return self._engine

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session in a transaction: committed if the block succeeds, rolled back if not.

        `write=True` suits a block that reads, then writes (as `add_record` does): on SQLite
        it takes the write lock at the start (BEGIN IMMEDIATE), so a second writer waits
        for the first instead of failing with "database is locked" half-way. Readers are
        never blocked (WAL). PostgreSQL needs no such hint.
        """
        options = {_WRITE_LOCK_OPTION: True} if write and self.dialect == "sqlite" else {}
        with self._sessions(execution_options=options) as session, session.begin():
            yield session

    def close(self) -> None:
        """Release every connection; the store cannot be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._url!r})"
