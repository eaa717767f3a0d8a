"""The JSON API and the pages over the sample corpus: contents, errors, headers."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from accord.api.security import CONTENT_SECURITY_POLICY

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
