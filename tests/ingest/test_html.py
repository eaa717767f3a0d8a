"""Tests for accord.ingest.html: main text without boilerplate, metadata from the head only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.errors import EmptyDocumentError
from accord.ingest import read_bytes, read_file
from accord.ingest.html import read_html

MAX = 1024 * 1024
PARAGRAPH = (
    "The foreign ministers of both countries spoke at length about energy security, "
    "critical minerals and the protection of undersea cables in the region."
)


def _page(head: str = "", body: str = f"<article><p>{PARAGRAPH}</p></article>") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_html_reader_file(data_dir: Path) -> None:
    result = read_file(data_dir / "readout.html", max_bytes=MAX)
    assert result.errors == []
    [raw] = result.documents
    assert raw.format == "html"
    assert raw.metadata.title == "Ministers discuss supply chains"
    assert raw.metadata.url == "https://example.org/news/supply-chains"  # canonical beats og:url
    assert raw.metadata.publisher == "Example Foreign Office"
    assert raw.metadata.published == dt.date(2024, 11, 1)
    # Paragraphs stay apart; navigation and footer are gone.
    assert "supply chains in the Indo-Pacific region.\n\nThey decided" in raw.text
    assert "Travel advice" not in raw.text
    assert "Terms and conditions" not in raw.text


def test_html_reader_never_takes_a_date_from_the_body() -> None:
    body = (
        "<article><p>Published on 3 March 2025.</p>"
        f"<p>{PARAGRAPH} They met on March 7, 2025.</p></article>"
    )
    raw = read_html(_page("<title>Talks</title>", body), source="p.html")
    assert raw.metadata.published is None
    assert "March 7, 2025" in raw.text


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta name="date" content="2024-11-01">', dt.date(2024, 11, 1)),
        ('<meta name="DC.date" content="2024-11-02">', dt.date(2024, 11, 2)),
        (
            '<meta property="article:published_time" content="2024-11-03T08:00:00Z">',
            dt.date(2024, 11, 3),
        ),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "datePublished": "2024-11-04T10:00:00+09:00"}</script>',
            dt.date(2024, 11, 4),
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, '
            '{"@type": "Article", "datePublished": "2024-11-05"}]}</script>',
            dt.date(2024, 11, 5),
        ),
        ('<meta name="date" content="not a date">', None),
        ('<script type="application/ld+json">{broken json</script>', None),
    ],
)
def test_html_reader_date_from_metadata(head: str, expected: dt.date | None) -> None:
    assert read_html(_page(head), source="p.html").metadata.published == expected


@pytest.mark.parametrize(
    ("head", "title", "publisher"),
    [
        ("<title>Plain title</title>", "Plain title", None),
        (
            "<title>Talks held | Example Office</title>"
            '<meta property="og:site_name" content="Example Office">',
            "Talks held",
            "Example Office",
        ),
        ('<title>Long | Site</title><meta property="og:title" content="Short">', "Short", None),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "From JSON-LD",'
            ' "publisher": {"@type": "Organization", "name": "Example Wire"}}</script>',
            "From JSON-LD",
            "Example Wire",
        ),
    ],
)
def test_html_reader_title_and_publisher(head: str, title: str, publisher: str | None) -> None:
    meta = read_html(_page(head), source="p.html").metadata
    assert (meta.title, meta.publisher) == (title, publisher)


def test_html_reader_og_url_when_no_canonical() -> None:
    head = (
        '<meta property="og:url" content="https://example.org/a">'
        '<link rel="canonical" href="/relative">'
    )
    assert read_html(_page(head), source="p.html").metadata.url == "https://example.org/a"


def test_html_reader_short_page_still_read() -> None:
    raw = read_html(b"<html><body><p>Short note.</p></body></html>", source="s.html")
    assert raw.text.strip() == "Short note."


def test_html_reader_declared_charset() -> None:
    data = (
        '<html><head><meta charset="iso-8859-1"></head><body><p>Qu\u00e9bec talks</p></body></html>'
    )
    raw = read_html(data.encode("iso-8859-1"), source="l.html")
    assert "Québec talks" in raw.text


@pytest.mark.parametrize(
    "body",
    [
        "",
        '<nav><a href="/">Home</a></nav><script>var x = 1;</script>',
        "<style>p { color: red; }</style>",
        "<div>   \u00a0  </div>",
    ],
)
def test_html_reader_no_text(body: str) -> None:
    with pytest.raises(EmptyDocumentError, match="HTML page has no readable text"):
        read_html(_page("<title>Only a title</title>", body), source="e.html")


def test_html_no_text_is_returned_as_error() -> None:
    result = read_bytes(_page(body="<script>1</script>"), source="<stdin>", max_bytes=MAX)
    assert result.documents == []
    assert [type(e) for e in result.errors] == [EmptyDocumentError]
