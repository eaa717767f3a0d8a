"""The JSON API and the pages over the sample corpus: contents, errors, headers."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from accord.api import service
from accord.api.app import plotly_bundled_css
from accord.api.security import CONTENT_SECURITY_POLICY
from accord.api.tokens import create_token
from accord.web import views

pytestmark = pytest.mark.model  # the sample store is built by the spaCy pipeline

MINISTERIAL = "07_kor_can_2plus2_ministerial_2024.html"


def _doc_id(client: TestClient, source_name: str) -> str:
    items = client.get("/api/v1/documents", params={"limit": 500}).json()["items"]
    return next(d["id"] for d in items if d["source"].endswith(source_name))


PAGES = ["/", "/partnerships/KOR/CAN", "/search", "/search?q=Ottawa", "/upload", "/login", "/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_app_pages_render_with_strict_csp(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    # No inline script and nothing from another origin.
    assert "<script>" not in response.text
    assert "https://" not in response.text.split("<main>")[0]


def test_app_serves_the_styles_plotly_would_insert(client: TestClient) -> None:
    """Plotly's own rules and the stylesheets it bundles are files of this server, named on
    each chart page by the ids plotly looks for before inserting a <style> element."""
    page = client.get("/").text
    assert 'id="plotly.js-style-global" class="no-inline-styles"' in page
    bundled = plotly_bundled_css()
    assert bundled  # plotly 3 bundles MapLibre's stylesheet
    for style_id, css in bundled.items():
        assert f'href="/vendor/plotly-bundled/{style_id}.css" id="{style_id}"' in page
        response = client.get(f"/vendor/plotly-bundled/{style_id}.css")
        assert response.status_code == 200 and response.text == css
        assert response.headers["content-type"].startswith("text/css")
    assert client.get("/vendor/plotly-bundled/unknown.css").status_code == 404


def test_app_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/documents",
        "/api/v1/documents/{doc_id}",
        "/api/v1/documents/{doc_id}/check",
        "/api/v1/meetings",
        "/api/v1/commitments",
        "/api/v1/commitments/{commitment_id}",
        "/api/v1/commitments/{commitment_id}/status",
        "/api/v1/partnerships/{a}/{b}",
        "/api/v1/organizations",
        "/api/v1/exports/records.jsonl",
        "/api/v1/exports/plover.jsonl",
        "/api/v1/exports/meetings.csv",
        "/api/v1/exports/commitments.csv",
    ):
        assert path in paths
    assert "post" in paths["/api/v1/documents"]
    assert not any(p.startswith(("/documents", "/search", "/login")) for p in paths)


def test_app_docs_page_is_local(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/api/v1/partnerships/{a}/{b}" in page
    assert "cdn" not in page.lower()


def test_app_documents_list_search_and_pages(client: TestClient) -> None:
    everything = client.get("/api/v1/documents", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) == 15
    first = client.get("/api/v1/documents", params={"limit": 5, "offset": 0}).json()
    second = client.get("/api/v1/documents", params={"limit": 5, "offset": 5}).json()
    assert {d["id"] for d in first["items"]}.isdisjoint({d["id"] for d in second["items"]})
    found = client.get("/api/v1/documents", params={"q": "Kananaskis"}).json()
    assert found["total"] >= 1
    assert any(
        "Kananaskis" in (d["title"] or "") or d["source"].endswith("kananaskis_2025.txt")
        for d in found["items"]
    )
    since = client.get("/api/v1/documents", params={"since": "2025-06-01", "limit": 500}).json()
    assert all(d["published"] >= "2025-06-01" for d in since["items"])


def test_app_document_with_record_and_check(client: TestClient) -> None:
    doc_id = _doc_id(client, MINISTERIAL)
    doc = client.get(f"/api/v1/documents/{doc_id[:10]}").json()
    assert doc["id"] == doc_id
    assert doc["record"]["document"]["id"] == doc_id
    assert doc["record"]["commitments"]
    check = client.get(f"/api/v1/documents/{doc_id}/check").json()
    assert set(check["counts"]) == {"supported", "differing", "absent", "omitted"}


def test_app_partnership_has_everything_the_report_has(client: TestClient) -> None:
    body = client.get("/api/v1/partnerships/kor/can", params={"as_of": "2025-12-31"}).json()
    assert body["parties"] == ["KOR", "CAN"]
    assert len(body["meetings"]) >= 8
    assert body["ledger"] and body["mechanisms"] and body["areas_by_year"]
    assert body["cooperation_index"]["quarters"]
    assert any(a["short"] == "CKFTA" for a in body["agreements"])
    assert {d["id"] for d in body["documents"]} >= {
        s["document_id"] for m in body["meetings"] for s in m["sources"]
    }


def test_app_commitments_filter_by_status_and_party(client: TestClient) -> None:
    params = {"party": "CAN", "as_of": "2025-12-31", "limit": 500}
    everything = client.get("/api/v1/commitments", params=params).json()
    assert everything["total"] > 5
    assert all("CAN" in c["parties"] for c in everything["items"])
    statuses = {c["status"] for c in everything["items"]}
    assert "fulfilled" in statuses
    for status in statuses:
        chosen = client.get("/api/v1/commitments", params={**params, "status": status}).json()
        assert chosen["items"] and all(c["status"] == status for c in chosen["items"])
    dated = client.get(
        "/api/v1/commitments",
        params={**params, "due_after": "2025-01-01", "due_before": "2027-01-01"},
    ).json()
    assert all("2025-01-01" <= c["deadline"] < "2027-01-01" for c in dated["items"])
    one = everything["items"][0]
    detail = client.get(f"/api/v1/commitments/{one['id']}", params={"as_of": "2025-12-31"}).json()
    assert detail["text"] == one["text"] and detail["reports"]


def test_app_meetings_filter_by_party(client: TestClient) -> None:
    body = client.get("/api/v1/meetings", params={"party": "JPN"}).json()
    assert body["total"] >= 2
    assert all("JPN" in m["parties"] for m in body["items"])


def test_app_exports_stream_every_format(client: TestClient) -> None:
    records = client.get("/api/v1/exports/records.jsonl")
    lines = [json.loads(line) for line in records.text.splitlines()]
    assert len(lines) == 15 and all("document" in r for r in lines)
    plover = [
        json.loads(line) for line in client.get("/api/v1/exports/plover.jsonl").text.splitlines()
    ]
    assert {e["accord_kind"] for e in plover} == {"meeting", "commitment"}
    meetings = list(csv.DictReader(io.StringIO(client.get("/api/v1/exports/meetings.csv").text)))
    assert meetings and "evidence" in meetings[0]
    commitments = client.get("/api/v1/exports/commitments.csv")
    assert commitments.headers["content-type"].startswith("text/csv")


def test_app_partners_and_organizations(client: TestClient) -> None:
    partners = client.get("/api/v1/partners/KOR", params={"as_of": "2025-12-31"}).json()
    assert partners[0]["partner"] == "CAN"
    organizations = {o["id"] for o in client.get("/api/v1/organizations").json()}
    assert "G7" in organizations or "APEC" in organizations
    pairs = client.get("/api/v1/partnerships", params={"as_of": "2025-12-31"}).json()
    assert (pairs[0]["a"], pairs[0]["b"]) == ("CAN", "KOR")


@pytest.mark.parametrize(
    ("path", "status", "title"),
    [
        ("/api/v1/documents/ffff0000", 404, "Document not found"),
        ("/api/v1/documents/not-hex", 404, "Document not found"),
        ("/api/v1/commitments/999999", 404, "Commitment not found"),
        ("/api/v1/partnerships/KOR/XXX", 404, "Unknown country"),
        ("/api/v1/commitments?area=nonsense", 422, "Unknown area"),
        ("/api/v1/documents?limit=0", 422, "Invalid request"),
        ("/api/v1/nowhere", 404, "Not Found"),
    ],
)
def test_app_errors_are_problem_json(
    client: TestClient, path: str, status: int, title: str
) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == title and body["status"] == status and body["detail"]


def test_app_error_pages_are_html(client: TestClient) -> None:
    response = client.get("/documents/ffff0000")
    assert response.status_code == 404
    assert "no document id starts with" in response.text
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_app_document_page_highlights_and_links_every_fact(client: TestClient) -> None:
    doc = client.get(f"/api/v1/documents/{_doc_id(client, MINISTERIAL)}").json()
    page = client.get(f"/documents/{doc['id']}").text
    for i in range(len(doc["record"]["commitments"])):
        assert f'id="ev-commitment-{i}"' in page and f'href="#ev-commitment-{i}"' in page
    for i in range(len(doc["record"]["entities"])):
        assert f'id="ev-entity-{i}"' in page


def test_app_commitment_page_links_to_its_sentence(client: TestClient) -> None:
    one = client.get("/api/v1/commitments", params={"party": "KOR", "limit": 1}).json()["items"][0]
    page = client.get(f"/commitments/{one['id']}").text
    assert "#ev-commitment-" in page
    assert "Status history" in page


_COLUMN = re.compile(
    r'<div class="column col-(\w+)">(.*?)</div>\s*(?=<div class="column|</div>)', re.S
)
_CARD = re.compile(r'href="/commitments/(\d+)\?as_of=')
_NEXT = re.compile(r'href="([^"]+)" rel="next"')


def test_app_partnership_page_pages_the_board_and_keeps_every_card(client: TestClient) -> None:
    """Each column of the board shows a page of its cards; following its "next" links
    shows each commitment of that status once, as the JSON report lists them."""
    as_of = {"as_of": "2025-12-31"}
    ledger = client.get("/api/v1/partnerships/KOR/CAN", params=as_of).json()["ledger"]
    first = client.get("/partnerships/KOR/CAN", params=as_of).text
    columns = dict(_COLUMN.findall(first))
    assert set(columns) == {"open", "due_soon", "overdue", "fulfilled", "renewed"}
    for status in columns:
        shown: list[int] = []
        page = first
        while True:
            column = dict(_COLUMN.findall(page))[status]
            cards = [int(i) for i in _CARD.findall(column)]
            assert len(cards) <= views.BOARD_PAGE_SIZE
            shown += cards
            following = _NEXT.search(column)
            if following is None:
                break
            page = client.get(html.unescape(following.group(1))).text
        assert shown == [e["id"] for e in ledger if e["status"] == status]


def test_app_partnership_page_pages_meetings_and_sources(client: TestClient) -> None:
    as_of = {"as_of": "2025-12-31"}
    report = client.get("/api/v1/partnerships/KOR/CAN", params=as_of).json()
    page = client.get("/partnerships/KOR/CAN", params=as_of).text
    rows = re.findall(r'<tr id="meeting-(\d+)">', page)
    assert [int(i) for i in rows] == [m["id"] for m in report["meetings"]][: views.LIST_PAGE_SIZE]
    # A page past the end shows the last one, never an empty table.
    past = client.get("/partnerships/KOR/CAN", params={**as_of, "meetings_page": "999"}).text
    assert re.findall(r'<tr id="meeting-(\d+)">', past)
    assert f"{len(report['documents'])} source document(s)" in page


def test_app_commitments_pages_add_up_to_the_whole_list(client: TestClient) -> None:
    params = {"party": "KOR", "as_of": "2025-12-31"}
    whole = client.get("/api/v1/commitments", params={**params, "limit": 500}).json()
    pages = [
        client.get("/api/v1/commitments", params={**params, "limit": 4, "offset": k}).json()
        for k in range(0, whole["total"], 4)
    ]
    assert all(p["total"] == whole["total"] for p in pages)
    assert [c for p in pages for c in p["items"]] == whole["items"]
    assert len(whole["items"]) == whole["total"] > 4
    # Known by the as-of date only: nothing reported later is listed, nor counted.
    early = client.get("/api/v1/commitments", params={**params, "as_of": "2000-01-01"}).json()
    assert early["total"] == 0 and early["items"] == []


def test_app_home_lists_commitments_falling_due(client: TestClient) -> None:
    as_of = "2025-12-31"
    due = client.get(
        "/api/v1/commitments",
        params={
            "as_of": as_of,
            "due_after": "2025-12-01",
            "due_before": "2026-04-30",
            "limit": 500,
        },
    ).json()["items"]
    expected = [c["id"] for c in due if c["status"] != "fulfilled"][: service.HOME_DUE_LIMIT]
    page = client.get("/", params={"as_of": as_of}).text
    listed = page.split("Commitments falling due", 1)[1]
    assert [int(i) for i in re.findall(r'href="/commitments/(\d+)"', listed)] == expected


def test_app_reads_follow_the_store_after_each_write(writable_client: TestClient) -> None:
    """Reports and ledgers are kept between requests, but never past a change: a status
    override shows at once in the report, its page and the commitments list, and so
    does an ingested document."""
    store = writable_client.app.state.store  # type: ignore[attr-defined]
    with store.session(write=True) as session:
        token = create_token(session, name="writer")[1]
    auth = {"Authorization": f"Bearer {token}"}
    params = {"as_of": "2025-12-31"}
    before = writable_client.get("/api/v1/partnerships/KOR/CAN", params=params).json()
    writable_client.get("/partnerships/KOR/CAN", params=params)
    target = next(e for e in before["ledger"] if e["status"] != "overdue")
    response = writable_client.post(
        f"/api/v1/commitments/{target['id']}/status",
        json={"status": "overdue", "note": "checked with the ministry"},
        headers=auth,
    )
    assert response.status_code == 201, response.text
    after = writable_client.get("/api/v1/partnerships/KOR/CAN", params=params).json()
    assert next(e for e in after["ledger"] if e["id"] == target["id"])["status"] == "overdue"
    page = writable_client.get("/partnerships/KOR/CAN", params=params).text
    overdue = dict(_COLUMN.findall(page))["overdue"]
    assert f'href="/commitments/{target["id"]}?as_of=' in overdue
    listed = writable_client.get(
        "/api/v1/commitments", params={**params, "status": "overdue", "limit": 500}
    ).json()
    assert target["id"] in [c["id"] for c in listed["items"]]

    home = writable_client.get("/").text
    documents = int(re.search(r"(\d+) document\(s\) in the store", home).group(1))  # type: ignore[union-attr]
    before = writable_client.get("/api/v1/partnerships/KOR/CAN").json()
    text = (
        "OTTAWA, 3 March 2026 - Foreign Minister Cho Tae-yul of the Republic of Korea met "
        "Canadian Foreign Minister Melanie Joly in Ottawa on 3 March 2026. The two ministers "
        "agreed to hold a joint hydrogen forum by the end of 2026."
    )
    response = writable_client.post(
        "/api/v1/documents", data={"text": text, "title": "Hydrogen forum"}, headers=auth
    )
    assert response.status_code == 201, response.text
    assert f"{documents + 1} document(s) in the store" in writable_client.get("/").text
    after = writable_client.get("/api/v1/partnerships/KOR/CAN").json()
    assert len(after["documents"]) == len(before["documents"]) + 1
    assert len(after["meetings"]) == len(before["meetings"]) + 1
    page = writable_client.get("/partnerships/KOR/CAN").text
    assert f"{len(after['meetings'])} meeting(s)" in page
