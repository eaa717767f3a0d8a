"""The dashboard in headless Chromium: every page loads with its charts, a click path from
the home page to the sentence a commitment came from, an upload, and markup kept as text."""

from __future__ import annotations

import re

import httpx
import pytest

from .conftest import LiveServer, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.model]

PAGES = {
    "home": "/",
    "partnership": "/partnerships/KOR/CAN?as_of=2025-12-31",
    "search": "/search?q=Ottawa",
    "upload": "/upload",
    "login": "/login",
    "docs": "/docs",
}


def _first_commitment(server: LiveServer) -> dict:  # type: ignore[type-arg]
    items = httpx.get(f"{server.url}/api/v1/commitments", params={"party": "KOR"}).json()["items"]
    return items[0]


def test_browser_every_page_loads(live_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    documents = httpx.get(f"{live_server.url}/api/v1/documents").json()["items"]
    pages = {
        **PAGES,
        "document": f"/documents/{documents[0]['id']}",
        "commitment": f"/commitments/{_first_commitment(live_server)['id']}",
    }
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert "default-src 'self'" in response.headers["content-security-policy"]
        if name in ("home", "partnership"):
            # Plotly drew every chart (an SVG each), served from this server.
            charts = page.locator(".chart")
            assert charts.count() >= (3 if name == "partnership" else 1)
            assert page.locator(".chart .main-svg").count() >= charts.count()
            assert page.locator(".chart .xtitle").count() >= charts.count()  # axes titled
            # Plotly found its styles served as files and inserted no <style> element,
            # which the policy would refuse.
            assert page.locator("head style").count() == 0
        screenshot(page, name)
        # No console error on any page: no policy violation, no failed load.
        assert page.errors == [], name


def test_browser_click_from_home_to_the_sentence(live_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=re.compile("Korea.*Canada|Canada.*Korea")).first.click()
    page.wait_for_url(re.compile(r"/partnerships/(KOR/CAN|CAN/KOR)"))
    assert page.locator(".board .card").count() > 3
    page.locator(".board .card-link").first.click()
    page.wait_for_url(re.compile(r"/commitments/\d+"))
    clause = page.locator("blockquote.clause").inner_text()
    assert clause
    page.locator("a.evidence-link").first.click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}#ev-commitment-\d+"))
    fact = page.url.rsplit("#ev-", 1)[1]
    current = page.locator(".doc-text .f.current")
    current.first.wait_for()
    assert fact in (current.first.get_attribute("data-facts") or "").split()
    assert current.first.is_visible()
    # The highlighted words are the commitment's words, in view.
    said = " ".join(current.all_inner_texts())
    assert said.strip() and said.split()[0] in page.locator("#doc-text").inner_text()
    # And the record entry beside the text is marked too.
    assert page.locator(f'.record [data-fact="{fact}"].current').count() == 1
    screenshot(page, "document-evidence")
    assert page.errors == []


def test_browser_upload_with_a_token_then_listed(live_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/upload")
    assert page.locator("input[type=file]").count() == 0  # no form before logging in
    page.locator("main").get_by_role("link", name="log in").click()
    page.fill("input[name=token]", live_server.token)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/upload$"))
    title = "Browser test: Canada and Korea open a clean energy office"
    page.fill(
        "textarea[name=text]",
        "OTTAWA, March 3, 2026 - Canada and the Republic of Korea agreed on Tuesday to open "
        "a joint clean energy office in Ottawa by the end of 2026.",
    )
    page.fill("input[name=title]", title)
    page.fill("input[name=published]", "2026-03-03")
    page.get_by_role("button", name="Ingest").click()
    page.locator("a.uploaded-link").wait_for()
    screenshot(page, "upload-done")
    page.goto(live_server.url + "/search")
    page.fill("#search-input", "clean energy office")
    page.locator("a.doc-link", has_text=title).wait_for()
    screenshot(page, "search-after-upload")
    assert page.errors == []


def test_browser_markup_in_a_document_renders_as_text(live_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    hostile = (
        "Canada and Korea met in Seoul. <script>window.__pwned = 1</script> "
        '<img src=x onerror="window.__pwned = 2"> The ministers agreed to meet again.'
    )
    response = httpx.post(
        f"{live_server.url}/api/v1/documents",
        data={"text": hostile, "title": "<b onmouseover=alert(1)>Markup</b> test"},
        headers={"Authorization": f"Bearer {live_server.token}"},
        timeout=60,
    )
    assert response.status_code == 201, response.text
    refused = httpx.post(f"{live_server.url}/api/v1/documents", data={"text": hostile})
    assert refused.status_code == 401
    doc_id = response.json()["stored"][0]["document_id"]
    page.goto(f"{live_server.url}/documents/{doc_id}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.locator("#doc-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert 'onerror="window.__pwned = 2"' in text
    assert page.locator("#doc-text script, #doc-text img").count() == 0
    assert "<b onmouseover=alert(1)>Markup</b> test" in page.locator("h1").inner_text()
    screenshot(page, "markup-as-text")
    assert page.errors == []
