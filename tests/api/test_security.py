"""Access: reads are open, writes need a token (bearer, or a browser session with CSRF);
uploads have a size limit; every answer carries the security headers."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from accord.api.security import (
    CONTENT_SECURITY_POLICY,
    CSRF_COOKIE,
    EMPTY_STYLE_HASH,
    SESSION_COOKIE,
    SESSION_SECONDS,
    Signer,
)
from accord.api.tokens import create_token
from accord.store import Store

from .conftest import make_client

_CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def _token(client: TestClient, name: str = "tester") -> str:
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    with store.session(write=True) as session:
        return create_token(session, name=name)[1]


def _csrf(client: TestClient, path: str = "/login") -> str:
    match = _CSRF_FIELD.search(client.get(path).text)
    assert match is not None
    return match.group(1)


def _set_cookie_headers(response) -> list[str]:  # type: ignore[no-untyped-def]
    return response.headers.get_list("set-cookie")


@pytest.mark.parametrize(
    "path", ["/", "/search", "/upload", "/login", "/docs", "/api/v1/documents"]
)
def test_security_empty_store_reads_need_no_login(fresh_client: TestClient, path: str) -> None:
    response = fresh_client.get(path)
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("headers", "title"),
    [
        ({}, "Authentication required"),
        ({"Authorization": "Bearer acc_wrong"}, "Invalid token"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, "Invalid token"),
    ],
)
def test_security_writes_without_a_valid_token_are_refused(
    fresh_client: TestClient, headers: dict[str, str], title: str
) -> None:
    response = fresh_client.post("/api/v1/documents", data={"text": "Some text."}, headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == title
    assert response.headers["www-authenticate"].startswith("Bearer")
    status = fresh_client.post(
        "/api/v1/commitments/1/status", json={"status": "open", "note": "x"}, headers=headers
    )
    assert status.status_code == 401


def test_security_a_valid_token_gets_past_the_door(fresh_client: TestClient) -> None:
    token = _token(fresh_client)
    response = fresh_client.post(
        "/api/v1/documents", data={"text": "  "}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 422  # authorized, but nothing to read
    assert response.json()["title"] == "Nothing to ingest"
    missing = fresh_client.post(
        "/api/v1/commitments/424242/status",
        json={"status": "fulfilled", "note": "seen"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert missing.status_code == 404


@pytest.fixture
def small_client(tmp_path) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    client, store = make_client(f"sqlite:///{tmp_path / 'small.db'}", max_bytes=2000)
    try:
        with client:
            yield client
    finally:
        store.close()


def test_security_uploads_over_the_limit_get_413(small_client: TestClient) -> None:
    token = _token(small_client)
    big = b"word " * 200_000  # 1 MB against a limit of 2000 bytes (+ form overhead)
    response = small_client.post(
        "/api/v1/documents",
        files={"file": ("big.txt", big, "text/plain")},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Upload too large"
    medium = b"word " * 1000  # over max_bytes, under the body limit: refused by the route
    response = small_client.post(
        "/api/v1/documents",
        files={"file": ("medium.txt", medium, "text/plain")},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 413


def test_security_login_sets_a_strict_session_cookie(fresh_client: TestClient) -> None:
    token = _token(fresh_client)
    first = fresh_client.get("/login")
    csrf_cookie = next(h for h in _set_cookie_headers(first) if h.startswith(CSRF_COOKIE))
    for flag in ("HttpOnly", "Secure", "SameSite=strict"):
        assert flag.lower() in csrf_cookie.lower()
    csrf = _CSRF_FIELD.search(first.text).group(1)  # type: ignore[union-attr]
    refused = fresh_client.post("/login", data={"token": token, "csrf_token": "forged"})
    assert refused.status_code == 403
    wrong = fresh_client.post("/login", data={"token": "acc_nope", "csrf_token": csrf})
    assert wrong.status_code == 401 and "unknown or revoked" in wrong.text
    ok = fresh_client.post(
        "/login",
        data={"token": token, "csrf_token": csrf, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/"
    session_cookie = next(h for h in _set_cookie_headers(ok) if h.startswith(SESSION_COOKIE))
    for flag in ("HttpOnly", "Secure", "SameSite=strict", "Max-Age"):
        assert flag.lower() in session_cookie.lower()
    assert token not in session_cookie
    assert "Signed in as" in fresh_client.get("/upload").text
    # With a session but no CSRF header, the JSON API refuses the write.
    api = fresh_client.post("/api/v1/documents", data={"text": "x"})
    assert api.status_code == 403
    upload = fresh_client.post("/upload", data={"text": "x", "csrf_token": "forged"})
    assert upload.status_code == 403
    out = fresh_client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert out.status_code == 303
    assert "Log in" in fresh_client.get("/upload").text


@pytest.mark.parametrize(
    ("value", "expected"),
    [("ok", True), ("tampered", False), ("expired", False), ("", False), ("a.b", False)],
)
def test_security_signer_checks_sessions(value: str, expected: bool) -> None:
    signer = Signer(b"k" * 32)
    good = signer.session_value(7, now=1000.0)
    cookies = {
        "ok": good,
        "tampered": good.replace("7.", "8.", 1),
        "expired": signer.session_value(7, now=1000.0 - SESSION_SECONDS - 1),
        "": "",
        "a.b": "a.b",
    }
    found = signer.session_token_id(cookies[value], now=1001.0)
    assert (found == 7) is expected
    assert Signer(b"other" * 8).session_token_id(good, now=1001.0) is None


@pytest.mark.model
def test_security_status_override_with_a_token(writable_client: TestClient) -> None:
    token = _token(writable_client, "analyst")
    one = writable_client.get(
        "/api/v1/commitments", params={"party": "KOR", "status": "open"}
    ).json()
    target = one["items"][0]["id"]
    response = writable_client.post(
        f"/api/v1/commitments/{target}/status",
        json={"status": "fulfilled", "note": "delivered per the 2026 readout"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.text
    detail = writable_client.get(f"/api/v1/commitments/{target}").json()
    assert detail["status"]["status"] == "fulfilled"
    assert detail["overrides"][-1]["note"].endswith("(by analyst)")
    # And through the page's form, with a browser session.
    csrf = _csrf(writable_client)
    writable_client.post("/login", data={"token": token, "csrf_token": csrf})
    form = writable_client.post(
        f"/commitments/{target}/status",
        data={"status": "overdue", "note": "slipped again", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert form.status_code == 303
    assert "slipped again" in writable_client.get(f"/commitments/{target}").text


def test_security_policy_allows_no_inline_script_and_only_the_empty_style() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == f"'self' 'unsafe-hashes' {EMPTY_STYLE_HASH}"
    # The hash is the empty string's: no style that does anything is allowed inline.
    empty = base64.b64encode(hashlib.sha256(b"").digest()).decode()
    assert f"'sha256-{empty}'" == EMPTY_STYLE_HASH
