"""Configuration, read once at the edge (CLI, app factory) and passed down."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DB_URL = "sqlite:///accord.db"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class Settings(BaseSettings):
    """Accord's settings; each may be set as an `ACCORD_*` environment variable."""

    model_config = SettingsConfigDict(env_prefix="ACCORD_", extra="ignore")

    db: str = DEFAULT_DB_URL
    max_bytes: int = DEFAULT_MAX_BYTES
