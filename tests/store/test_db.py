"""Tests of opening the store: URLs, migrations, SQLite settings and errors."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from accord.errors import StoreError
from accord.store import Store, add_record, list_documents
from accord.store.db import MIGRATIONS_DIR
from accord.store.models import UNMANAGED_PREFIXES, Base, DocumentRow, MeetingRow, ParticipantRow

from .builders import MakeRecord

HEAD = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def _revision(store: Store) -> str | None:
    with store.session() as session:
        return session.scalar(sa.text("SELECT version_num FROM alembic_version"))


def test_db_open_creates_the_folder_and_sets_sqlite_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "accord.db"
    with Store.open(f"sqlite:///{path}") as store:
        with store.session() as session:
            journal = session.scalar(sa.text("PRAGMA journal_mode"))
            foreign_keys = session.scalar(sa.text("PRAGMA foreign_keys"))
        assert store.dialect == "sqlite"
    assert path.is_file()
    assert (journal, foreign_keys) == ("wal", 1)


def test_db_open_again_keeps_documents(store_url: str, make_record: MakeRecord) -> None:
    with Store.open(store_url) as store:
        assert _revision(store) == HEAD
        with store.session() as session:
            add_record(session, record=make_record())
    for _ in range(2):  # migrating a store at head changes nothing
        with Store.open(store_url) as store, store.session() as session:
            assert len(list_documents(session)) == 1
            assert _revision(store) == HEAD


@pytest.mark.postgres
def test_db_open_migrates_an_empty_postgresql_database(pg_database_url: str) -> None:
    plain = pg_database_url.replace("postgresql+psycopg://", "postgresql://")
    with Store.open(plain) as store:
        assert store.dialect == "postgresql"
        assert _revision(store) == HEAD
        with store.session() as session:
            assert list_documents(session, search="anything") == []


def test_db_in_memory_store_is_shared_between_sessions(make_record: MakeRecord) -> None:
    with Store.open("sqlite://") as store:
        with store.session() as session:
            add_record(session, record=make_record())
        with store.session() as session:
            assert len(list_documents(session, search="Korea")) == 1


def test_db_models_match_the_migrations(store: Store) -> None:
    """A model changed without a migration (or the reverse) shows up here."""

    def include(obj: object, name: str | None, *_: object) -> bool:
        return name is None or not name.startswith(UNMANAGED_PREFIXES)

    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_db_deleting_a_document_removes_its_rows(store: Store, make_record: MakeRecord) -> None:
    record = make_record()
    with store.session() as session:
        add_record(session, record=record)
    with store.session() as session:
        session.delete(session.get(DocumentRow, record.document.id))
    with store.session() as session:
        for model in (MeetingRow, ParticipantRow):
            assert session.scalar(sa.select(sa.func.count()).select_from(model)) == 0
        assert list_documents(session, search="Korea") == []


def test_db_open_rejects_a_file_that_is_not_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("x.db").write_text("shopping list: eggs, flour\n", encoding="utf-8")
    with pytest.raises(StoreError) as error:
        Store.open("sqlite:///x.db")
    assert str(error.value) == "cannot open store 'sqlite:///x.db': file is not a database"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("accord.db", "not a database URL"),
        ("", "not a database URL"),
        ("mysql://user@localhost/accord", "unsupported database 'mysql'"),
        ("postgresql+psycopg2://user@localhost/accord", "unsupported database"),
        ("postgresql+psycopg://user:s3cret@local host:x/db", "not a database URL"),
    ],
)
def test_db_open_rejects_bad_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as error:
        Store.open(url)
    assert "s3cret" not in str(error.value)


def test_db_open_rejects_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unable to open database file"):
        Store.open(f"sqlite:///{tmp_path}")


def test_db_open_reports_an_unreachable_server_without_its_password() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError) as error:
        Store.open(f"postgresql://accord:s3cret@127.0.0.1:{port}/accord")
    message = str(error.value)
    assert message.startswith(
        f"cannot open store 'postgresql://accord:***@127.0.0.1:{port}/accord'"
    )
    assert "s3cret" not in message
    assert "\n" not in message


def test_db_open_refuses_a_store_from_a_newer_version(store_url: str) -> None:
    with Store.open(store_url) as store, store.session() as session:
        session.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="unknown to this version of Accord"):
        Store.open(store_url)


def test_db_write_session_takes_the_sqlite_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "accord.db"
    with Store.open(f"sqlite:///{path}") as store:
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            with store.session() as session:
                session.scalar(sa.text("SELECT count(*) FROM documents"))
                other.execute("BEGIN IMMEDIATE")  # a plain session leaves writers free
                other.execute("ROLLBACK")
            with store.session(write=True) as session:
                session.scalar(sa.text("SELECT count(*) FROM documents"))
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
