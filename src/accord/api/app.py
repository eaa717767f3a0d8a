"""The web application: the JSON API under /api/v1, the dashboard pages, static files,
and a local API docs page (nothing is loaded from a CDN)."""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from accord.api.errors import install_error_handlers
from accord.api.routes import api_router
from accord.api.security import BodyLimit, SecurityHeaders, Signer
from accord.settings import Settings
from accord.store import Store
from accord.web.views import STATIC_DIR, make_templates
from accord.web.views import router as web_router

__all__ = ["PLOTLY_JS", "create_app"]

API_VERSION = "1.0"
# Room for the multipart envelope and the form fields around a file at the size limit.
_FORM_OVERHEAD = 256 * 1024


def _plotly_js() -> Path:
    spec = importlib.util.find_spec("plotly")
    assert spec is not None and spec.origin is not None  # a declared dependency
    return Path(spec.origin).parent / "package_data" / "plotly.min.js"


PLOTLY_JS = _plotly_js()
_STYLE_RULES = re.compile(r""""((?:[^"\\]|\\.)*)":(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


@functools.cache
def plotly_css() -> str:
    """The style rules plotly.js inserts at run time, as a stylesheet.

    Under a strict Content-Security-Policy the browser refuses plotly's own <style>
    element, and charts lose their layout (the SVG layers no longer stack). The rules are
    one object literal in the shipped plotly.min.js (`{"X,X div": ...}`, X and Y standing
    for plotly's container classes, as in plotly's `addStyleRule`); read them from there,
    so they always match the installed version.
    """
    source = PLOTLY_JS.read_text(encoding="utf-8")
    start = source.find('{"X,X div":')
    if start < 0:
        return ""
    end, quote, i = start, None, start
    while i < len(source):
        char = source[i]
        if quote:
            if char == "\\":
                i += 2
                continue
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "}":
            end = i
            break
        i += 1
    rules = []
    for selector, double, single in _STYLE_RULES.findall(source[start + 1 : end]):
        full = selector.replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        rules.append(f"{full} {{{double or single}}}")
    return "\n".join(rules) + "\n"


_BUNDLED_STYLE = re.compile(
    r'getElementById\("([0-9a-f]{64})"\)\)\{var (\w+)=document\.createElement\("style"\);'
    r'\2\.id="\1",\2\.textContent=`([^`]*)`'
)


@functools.cache
def plotly_bundled_css() -> dict[str, str]:
    """Stylesheets plotly.min.js bundles and inserts as <style> elements when it loads
    (MapLibre's, for map charts), by the element id it checks first: id -> rules.

    A strict Content-Security-Policy refuses those elements, with a console error on every
    page with a chart. Served as files under the same ids, plotly finds them present and
    inserts nothing, and a map chart would still be styled.
    """
    source = PLOTLY_JS.read_text(encoding="utf-8")
    return {m.group(1): m.group(3) for m in _BUNDLED_STYLE.finditer(source)}


def create_app(
    *,
    settings: Settings | None = None,
    store: Store | None = None,
    secret: bytes | None = None,
) -> FastAPI:
    """The Accord web app over `store` (else the store at `settings.db`, opened here and
    closed when the app shuts down). `secret` signs sessions and CSRF tokens; by default a
    random one per process, so restarting the server ends every browser session."""
    settings = settings or Settings()
    owned = store is None
    opened = store if store is not None else Store.open(settings.db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if owned:
                opened.close()

    app = FastAPI(
        title="Accord",
        version=API_VERSION,
        summary="The source-linked record of partnerships between countries.",
        description=(
            "Reads need no login. Writes (ingest, status overrides) need an API token from "
            "`accord token create NAME`, sent as `Authorization: Bearer <token>`. Errors are "
            "`application/problem+json` with a `title` and a `detail`."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = opened
    app.state.signer = Signer(secret)
    app.state.templates = make_templates()
    app.state.templates.env.globals["plotly_bundled_css"] = sorted(plotly_bundled_css())
    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/vendor/plotly.css", include_in_schema=False)
    def plotly_stylesheet() -> Response:
        return Response(
            plotly_css(), media_type="text/css", headers={"Cache-Control": "public, max-age=86400"}
        )

    @app.get("/vendor/plotly-bundled/{style_id}.css", include_in_schema=False)
    def plotly_bundled_stylesheet(style_id: str) -> Response:
        css = plotly_bundled_css().get(style_id)
        if css is None:
            return Response(status_code=404)
        return Response(
            css, media_type="text/css", headers={"Cache-Control": "public, max-age=86400"}
        )

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        # Streamed from the installed plotly package: nothing vendored, nothing from a CDN.
        return FileResponse(
            PLOTLY_JS,
            media_type="text/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    # Added last, so they run first: the limit before any parsing, the headers on every answer.
    app.add_middleware(BodyLimit, max_body=settings.max_bytes + _FORM_OVERHEAD)
    app.add_middleware(SecurityHeaders)
    return app
