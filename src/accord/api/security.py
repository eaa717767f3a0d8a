"""Browser sessions and CSRF tokens, signed with the app's secret, and the security headers
every response carries.

A session cookie names the API token the analyst logged in with (never the token itself)
and its expiry, signed with HMAC-SHA256; each write re-checks that the token is not
revoked. CSRF protection is a signed double submit: a random `accord_csrf` cookie, and
forms carry HMAC(secret, cookie) in a hidden field, which a cross-site page cannot compute.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.api.errors import Problem

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "CSRF_COOKIE",
    "SESSION_COOKIE",
    "SESSION_SECONDS",
    "BodyLimit",
    "SecurityHeaders",
    "Signer",
]

SESSION_COOKIE = "accord_session"
CSRF_COOKIE = "accord_csrf"
SESSION_SECONDS = 12 * 3600

# The SHA-256 of the empty string. Plotly clears the style attribute of a heat map's
# colour bar (`style=""`), which `style-src 'self'` alone refuses with a console error;
# 'unsafe-hashes' with this hash allows exactly the empty style and no other.
EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
# Everything from our own origin; no inline script or style, no plugins, no framing.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        f"style-src 'self' 'unsafe-hashes' {EMPTY_STYLE_HASH}",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class Signer:
    """Signs and checks session cookies and CSRF tokens with one secret."""

    def __init__(self, secret: bytes | None = None) -> None:
        # A fresh secret per process unless one is given: restarting the server logs
        # everyone out, which is the safe default for a single-user tool.
        self._secret = secret or secrets.token_bytes(32)

    def _mac(self, purpose: str, value: str) -> str:
        digest = hmac.new(self._secret, f"{purpose}|{value}".encode(), hashlib.sha256)
        return _b64(digest.digest())

    def session_value(self, token_id: int, *, now: float | None = None) -> str:
        expires = int((time.time() if now is None else now) + SESSION_SECONDS)
        payload = f"{token_id}.{expires}"
        return f"{payload}.{self._mac('session', payload)}"

    def session_token_id(self, value: str | None, *, now: float | None = None) -> int | None:
        """The token id a valid, unexpired session cookie names, else None."""
        if not value or value.count(".") != 2:
            return None
        token_id, expires, mac = value.split(".")
        if not hmac.compare_digest(mac, self._mac("session", f"{token_id}.{expires}")):
            return None
        if not (token_id.isdigit() and expires.isdigit()):
            return None
        if int(expires) < (time.time() if now is None else now):
            return None
        return int(token_id)

    @staticmethod
    def new_csrf_seed() -> str:
        return secrets.token_urlsafe(24)

    def csrf_token(self, seed: str) -> str:
        return self._mac("csrf", seed)

    def csrf_ok(self, seed: str | None, token: str | None) -> bool:
        if not seed or not token:
            return False
        return hmac.compare_digest(token, self.csrf_token(seed))


class SecurityHeaders:
    """ASGI middleware: the security headers on every HTTP response (pages, API, files)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware: refuse a request body over `max_body` bytes with 413, by its
    Content-Length when it gives one, else while it streams in, before any parsing."""

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    def _detail(self) -> str:
        return (
            f"the request body is over the limit of {self.max_body} bytes; "
            "send a smaller file or raise ACCORD_MAX_BYTES"
        )

    async def _refuse(self, scope: Scope, send: Send) -> None:
        body = json.dumps(
            {
                "type": "about:blank",
                "title": "Upload too large",
                "status": 413,
                "detail": self._detail(),
                "instance": scope["path"],
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body:
                await self._refuse(scope, send)
                return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # Raised inside the app, so its error handlers answer (problem+json).
                    raise Problem(413, self._detail(), title="Upload too large")
            return message

        await self.app(scope, counting_receive, send)
