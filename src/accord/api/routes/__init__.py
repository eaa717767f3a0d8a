"""The JSON API's routers, mounted under /api/v1 by `create_app`."""

from __future__ import annotations

from fastapi import APIRouter

from accord.api.routes import documents, events, exports, partnerships

__all__ = ["api_router"]

api_router = APIRouter(prefix="/api/v1")
for _module in (documents, events, partnerships, exports):
    api_router.include_router(_module.router)
