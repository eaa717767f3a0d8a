"""Alembic environment: runs the store's migrations on the caller's connection or a URL."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from accord.store.models import UNMANAGED_PREFIXES, Base

config = context.config
target_metadata = Base.metadata


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Hide the full-text objects the migrations create by hand from autogenerate."""
    if name is None:
        return True
    return not any(name.startswith(prefix) for prefix in UNMANAGED_PREFIXES)


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    # Store.open() hands over its own connection (already in a transaction); the
    # `alembic` command line (see alembic.ini, for writing new revisions) gives a URL.
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database: set sqlalchemy.url in alembic.ini")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported; run them on a database")
run_migrations_online()
