"""Accord over HTTP: `create_app()` builds the JSON API and the dashboard."""

from __future__ import annotations

from accord.api.app import create_app

__all__ = ["create_app"]
