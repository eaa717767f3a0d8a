"""The HTML reader: main text through trafilatura, metadata read from the page's own head.

trafilatura drops navigation, footers and other boilerplate well, but when a page's
metadata holds no date it takes one from the body without saying so (see
shared/spec/dependencies.md). So only the text comes from trafilatura; title, URL,
publisher and date are read here from <meta>, <link> and JSON-LD, and a date in the body
is left to the dateline step.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from accord.errors import CorruptFileError, EmptyDocumentError, InputError
from accord.ingest.base import require_text
from accord.ingest.metadata import parse_date
from accord.records import DocumentMetadata, RawDocument
from accord.text import decode_bytes

__all__ = ["extract_main_text", "read_html", "read_html_metadata"]

log = logging.getLogger("accord")

NO_TEXT = "HTML page has no readable text (only markup, scripts or navigation)"

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Meta names for the publication date, most specific first.
_DATE_METAS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "pubdate",
    "publish-date",
    "publish_date",
    "sailthru.date",
)
_JSONLD_TYPES_WITH_DATES = ("article", "newsarticle", "report", "webpage", "blogposting")
_SKIP_TAGS = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "blockquote", "pre", "table", "tr", "dd", "dt", "figcaption", "address",
}  # fmt: skip


def _decode_html(data: bytes, *, source: str) -> str:
    """Honour a declared <meta charset> other than UTF-8; otherwise decode like any text."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        if encoding not in ("utf-8", "utf8"):
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                log.debug("%s: declared charset %s does not fit; guessing", source, encoding)
    return decode_bytes(data, source=source)


def _parse(markup: str, *, source: str) -> Any:
    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as e:
        raise CorruptFileError(source, f"not a readable HTML page: {e}") from e


# --- metadata ---------------------------------------------------------------------


def _meta_values(tree: Any) -> dict[str, str]:
    """<meta name|property|itemprop=... content=...> as a lower-case name -> first value map."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                values.setdefault(key, content)
    return values


def _jsonld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


def _jsonld_type(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _absolute_url(value: str | None) -> str | None:
    if value and re.match(r"^https?://\S+$", value.strip()):
        return value.strip()
    return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def read_html_metadata(tree: Any, *, source: str) -> DocumentMetadata:
    """Title, URL, publisher and publication date from the page's <head> and JSON-LD only."""
    metas = _meta_values(tree)
    jsonld = [item for item in _jsonld_objects(tree) if _jsonld_type(item)]
    articles = [i for i in jsonld if _jsonld_type(i) & set(_JSONLD_TYPES_WITH_DATES)] or jsonld

    publisher = _clean(metas.get("og:site_name"))
    if publisher is None:
        for item in articles:
            org = item.get("publisher")
            name = org.get("name") if isinstance(org, dict) else org
            publisher = _clean(name)
            if publisher:
                break
    publisher = publisher or _clean(metas.get("publisher"))

    title = _clean(metas.get("og:title")) or _clean(metas.get("twitter:title"))
    if title is None:
        title = next((_clean(i.get("headline")) for i in articles if i.get("headline")), None)
    if title is None:
        element = tree.find(".//title")
        title = _clean(element.text_content()) if element is not None else None
        # "<title>Page | Site</title>": the site name is the publisher, not the title.
        if title and publisher:
            for sep in (" | ", " - ", " – ", " — ", " :: "):
                if title.endswith(sep + publisher):
                    title = title[: -len(sep + publisher)].strip() or title
                    break

    url = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            url = _absolute_url(link.get("href"))
            if url:
                break
    url = url or _absolute_url(metas.get("og:url"))

    published = None
    candidates = [metas[name] for name in _DATE_METAS if name in metas]
    candidates += [str(i["datePublished"]) for i in articles if i.get("datePublished")]
    for value in candidates:
        try:
            published = parse_date(value, source=source)
            break
        except InputError:  # a garbled meta date is skipped, not fatal
            log.debug("%s: ignoring unreadable meta date %r", source, value)
    return DocumentMetadata(title=title, url=url, published=published, publisher=publisher)


# --- text -------------------------------------------------------------------------


def _render_trafilatura_xml(xml: str) -> str:
    """trafilatura's XML as text: one block per paragraph, blank lines between them."""
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    if main is None:
        main = root
    blocks: list[str] = []
    for child in main:
        if child.tag == "list":
            blocks.append("\n".join(_list_items(child)))
        elif child.tag == "table":
            rows = [
                " | ".join(" ".join("".join(c.itertext()).split()) for c in row.iter("cell"))
                for row in child.iter("row")
            ]
            blocks.append("\n".join(r for r in rows if r.strip(" |")))
        else:
            blocks.append(_itertext_with_breaks(child))
    return "\n\n".join(b.strip() for b in blocks if b.strip())


def _list_items(list_element: Any) -> list[str]:
    """'- item' lines; a nested list's items follow their parent's as lines of their own."""
    lines: list[str] = []
    for item in list_element.findall("item"):
        parts = [item.text or ""]
        nested: list[str] = []
        for node in item:
            if node.tag == "list":
                nested += _list_items(node)
            else:
                parts.append("".join(node.itertext()))
            parts.append(node.tail or "")
        text = " ".join("".join(parts).split())
        if text:
            lines.append("- " + text)
        lines += nested
    return lines


def _itertext_with_breaks(element: Any) -> str:
    parts: list[str] = [element.text or ""]
    for node in element:
        parts.append("\n" if node.tag == "lb" else _itertext_with_breaks(node))
        parts.append(node.tail or "")
    return "".join(parts)


def _fallback_text(tree: Any) -> str:
    """Block text of the page minus scripts and page furniture, for pages trafilatura skips."""
    body = tree.find("body")
    if body is None:
        body = tree
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            blocks.append(text)
        current.clear()

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS:
            return
        block = node.tag in _BLOCK_TAGS
        if block:
            flush()
        if node.tag == "br":
            current.append(" ")
        current.append(node.text or "")
        for child in node:
            walk(child)
            current.append(child.tail or "")
        if block:
            flush()

    walk(body)
    flush()
    return "\n\n".join(blocks)


def extract_main_text(markup: str, tree: Any) -> str:
    """The page's main text, paragraphs separated by a blank line, boilerplate removed."""
    xml = trafilatura.extract(
        markup,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=False,
        deduplicate=False,
    )
    text = _render_trafilatura_xml(xml) if xml else ""
    return text if text.strip() else _fallback_text(tree)


def read_html(data: bytes, *, source: str) -> RawDocument:
    """An .html document: main text and the page's own metadata (never a date from the body)."""
    markup = _decode_html(data, source=source)
    if not markup.strip():
        raise EmptyDocumentError(source, "empty file: no text to read")
    tree = _parse(markup, source=source)
    text = extract_main_text(markup, tree)
    require_text(text, source=source, problem=NO_TEXT)
    metadata = read_html_metadata(tree, source=source)
    return RawDocument(text=text, source=source, format="html", metadata=metadata)
