"""Document metadata from files: date parsing, YAML front matter and JSONL/front-matter fields."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from collections.abc import Mapping
from typing import Any

import yaml

from accord.errors import InputError
from accord.ingest.dateline import DATE_EXPRESSION, date_from_match
from accord.records import DocumentMetadata

__all__ = ["METADATA_FIELDS", "metadata_from_mapping", "parse_date", "split_front_matter"]

log = logging.getLogger("accord")

METADATA_FIELDS = ("title", "url", "published", "publisher", "kind")
_DATE_ALIASES = ("published", "date")
_WEEKDAY_PREFIX = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_FRONT_MATTER_FENCE = "---"
_FRONT_MATTER_CLOSERS = ("---", "...")
_MAX_FRONT_MATTER_LINES = 200
_KEY = re.compile(r"^[a-z_][a-z0-9_-]*$")


def parse_date(value: str, *, source: str) -> dt.date:
    """A metadata date: YYYY-MM-DD, an ISO timestamp, "March 7, 2025", "7 March 2025", ...

    A timestamp gives the calendar date as written (its own time zone), not converted.
    Raises InputError naming `source` when the value is not a date.
    """
    text = _WEEKDAY_PREFIX.sub("", value.strip())
    match = DATE_EXPRESSION.fullmatch(text)
    if match:
        found = date_from_match(match)
        if found is not None:
            return found
    compact = _COMPACT_DATE.match(text)
    if compact:
        try:
            return dt.date(*(int(g) for g in compact.groups()))
        except ValueError:
            pass
    try:
        return dt.datetime.fromisoformat(text.replace(" ", "T", 1)).date()
    except ValueError:
        pass
    try:
        # RFC 2822, as in feeds and HTTP headers: "Fri, 07 Mar 2025 09:00:00 +0900".
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise InputError(
        source, f"cannot read the date {value!r}; write it as YYYY-MM-DD, e.g. 2025-03-08"
    )


def _text_field(data: Mapping[str, Any], key: str, *, source: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(
            source, f"metadata field {key!r} should be text, got {type(value).__name__}"
        )
    text = " ".join(str(value).split())
    return text or None


def _date_field(data: Mapping[str, Any], *, source: str) -> dt.date | None:
    for key in _DATE_ALIASES:
        value = data.get(key)
        if value is None or value == "":
            continue
        # YAML already turns 2025-03-08 into a date (and a timestamp into a datetime).
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            return parse_date(value, source=source)
        raise InputError(
            source, f"metadata field {key!r} should be a date like 2025-03-08, got {value!r}"
        )
    return None


def metadata_from_mapping(data: Mapping[str, Any], *, source: str) -> DocumentMetadata:
    """DocumentMetadata from title/url/published (or date)/publisher/kind; others ignored."""
    unknown = sorted(set(data) - set(METADATA_FIELDS) - set(_DATE_ALIASES) - {"text"})
    if unknown:
        log.debug("%s: ignoring metadata fields %s", source, ", ".join(map(str, unknown)))
    return DocumentMetadata(
        title=_text_field(data, "title", source=source),
        url=_text_field(data, "url", source=source),
        published=_date_field(data, source=source),
        publisher=_text_field(data, "publisher", source=source),
        kind=_text_field(data, "kind", source=source),
    )


def split_front_matter(text: str, *, source: str) -> tuple[DocumentMetadata, str]:
    """Split a leading YAML block between `---` lines off the text, as metadata.

    The block counts as front matter only when it parses as a mapping with lower-case keys,
    so a Markdown horizontal rule at the top of a file is left alone. A recognized field
    with a bad value (a date that is not a date) raises InputError naming `source`.
    """
    body = text.lstrip("\ufeff")
    lines = body.split("\n")
    if not lines or lines[0].rstrip() != _FRONT_MATTER_FENCE:
        return DocumentMetadata(), text
    for end in range(1, min(len(lines), _MAX_FRONT_MATTER_LINES + 1)):
        if lines[end].rstrip() in _FRONT_MATTER_CLOSERS:
            break
    else:
        return DocumentMetadata(), text
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return DocumentMetadata(), text
    if not isinstance(data, dict) or not data:
        return DocumentMetadata(), text
    if not all(isinstance(key, str) and _KEY.match(key) for key in data):
        return DocumentMetadata(), text
    metadata = metadata_from_mapping(data, source=source)
    return metadata, "\n".join(lines[end + 1 :])
