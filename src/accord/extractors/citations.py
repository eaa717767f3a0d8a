"""Citations: the reference list at the end of a document and the footnote markers pointing into it.

A reference list is either a block under a heading line ("Sources:", "References",
"Notes", ...) or, without one, the trailing run of lines that open with a marker ("[1] ...",
"1. ..."). Markers are normalized to "[N]" so that a body's "[1]" or "¹" and a list's "1."
name the same reference; entries of an unnumbered list are numbered by position.
Each entry is split by the conventions of web and academic references: a quoted title, the
publisher after it (or, unquoted, "Author, Title, Publisher, Date"), a URL, and an access
date after "Date Accessed:", "Accessed" or "Retrieved".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from accord.extractors.dates import find_time_expressions
from accord.records import Citation, Evidence

__all__ = ["find_citations", "find_footnote_markers", "reference_list_start"]

_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:Sources|References|Notes|Endnotes|Footnotes|Bibliography"
    r"|Works[ \t]+Cited|Citations)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(_SUPERSCRIPTS, "0123456789")
_MARKER_LINE = re.compile(
    rf"[ \t]*(?:\[(?P<bracket>\d{{1,3}})\]|(?P<number>\d{{1,3}})[.)](?=\s)"
    rf"|(?P<super>[{_SUPERSCRIPTS}]+))[ \t]*"
)
_BULLET_LINE = re.compile(r"[ \t]*[-*•–][ \t]+")
_IBID = re.compile(r"(?:ibid(?:em)?|id)(?:\.|\b)", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+")
_ACCESSED = re.compile(
    r"(?:date[ \t]+)?(?:last[ \t]+)?(?:accessed|retrieved|viewed|consulted)"
    r"(?:[ \t]+on)?[ \t]*:?[ \t]*",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"](?P<t>[^”\"]+)[”\"]|‘(?P<s>.+?)’(?!\w)")
_LOOKS_CITED = re.compile(
    r"https?://|www\.|[“\"‘]|\b(?:ibid|accessed|retrieved)\b|\b(?:19|20)\d\d\b", re.IGNORECASE
)
_BODY_BRACKET = re.compile(r"\[(?P<n>\d{1,3}(?:[ \t]*[,–-][ \t]*\d{1,3})*)\]")
_BODY_SUPER = re.compile(rf"[{_SUPERSCRIPTS}]+")
_SEGMENT_JUNK = " \t,.;:()[]"
_PAGE = re.compile(r"(?:pp?\.|pages?)\s*[\d–-]+", re.IGNORECASE)
_UNITS_BEFORE_SUPER = frozenset({"m", "cm", "mm", "km", "ft", "mi", "in", "yd"})


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    text: str


def _lines(text: str, start: int = 0) -> list[_Line]:
    out: list[_Line] = []
    pos = start
    for line in text[start:].split("\n"):
        out.append(_Line(pos, line))
        pos += len(line) + 1
    return out


def _marker_of(line: str) -> tuple[str | None, str]:
    """("[N]", the rest) for a line opening with a marker, else (None, line)."""
    m = _MARKER_LINE.match(line)
    if m is None:
        return None, line
    number = m["bracket"] or m["number"] or (m["super"] or "").translate(_SUPER_TO_DIGIT)
    return f"[{int(number)}]", line[m.end() :]


def reference_list_start(text: str) -> int | None:
    """The offset where the reference list begins (its heading, or its first entry), or None."""
    for heading in reversed(list(_HEADING.finditer(text))):
        following = [ln for ln in _lines(text, heading.end() + 1) if ln.text.strip()]
        if following and (
            _marker_of(following[0].text)[0]
            or _BULLET_LINE.match(following[0].text)
            or _LOOKS_CITED.search(following[0].text)
        ):
            return heading.start()
    return _trailing_block_start(text)


def _trailing_block_start(text: str) -> int | None:
    """The first line of the run of marker lines that ends the text.

    A line without a marker is kept as a wrapped continuation only when a marker line sits
    directly above it; numbered lines ("1.") count only when they read like references,
    since a numbered list of points can also end a text.
    """
    lines = [ln for ln in _lines(text) if ln.text.strip()]
    start: int | None = None
    numbers: list[int] = []
    cited = plain = 0
    held: _Line | None = None
    for ln in reversed(lines):
        marker, _ = _marker_of(ln.text)
        if marker is None:
            if held is not None:  # two unmarked lines in a row: the body
                break
            held = ln
            continue
        held = None
        start = ln.start
        numbers.append(int(marker[1:-1]))
        if _MARKER_LINE.match(ln.text)["number"]:  # type: ignore[index]
            plain += 1
            cited += bool(_LOOKS_CITED.search(ln.text))
    if start is None:
        return None
    if plain and (numbers[-1] != 1 or cited * 2 < plain):
        return None
    if plain and len(text[:start].split()) < len(text[start:].split()):
        return None  # numbered paragraphs under a headline are the body of a statement
    return start


def find_citations(text: str) -> list[Citation]:
    """The entries of the reference list, each parsed; "Ibid." resolves to the one it repeats."""
    begin = reference_list_start(text)
    if begin is None:
        return []
    lines = _lines(text, begin)
    if _HEADING.match(text, begin):
        lines = lines[1:]
    entries = _entries([ln.text for ln in lines if ln.text.strip()])
    citations: list[Citation] = []
    for marker, ref in entries:
        if _IBID.match(ref):
            previous = citations[-1].resolves_to if citations else None
            citations.append(Citation(marker=marker, ref=ref, resolves_to=previous))
        else:
            citations.append(_parse(marker, ref))
    return citations


def _entries(lines: list[str]) -> list[tuple[str, str]]:
    marked = any(_marker_of(ln)[0] or _BULLET_LINE.match(ln) for ln in lines)
    entries: list[tuple[str, str]] = []
    for line in lines:
        marker, rest = _marker_of(line)
        bullet = _BULLET_LINE.match(line)
        if marker is None and bullet is not None:
            marker, rest = f"[{len(entries) + 1}]", line[bullet.end() :]
        if marker is None and marked and entries:  # a wrapped line of the entry above
            entries[-1] = (entries[-1][0], f"{entries[-1][1]} {line.strip()}")
            continue
        entries.append((marker or f"[{len(entries) + 1}]", rest.strip()))
    return entries


def _parse(marker: str, ref: str) -> Citation:
    url_match = _URL.search(ref)
    url = _clean_url(url_match.group()) if url_match else None
    accessed, accessed_span = _accessed(ref)
    # Blank out what is already read, keeping offsets, before splitting the rest on commas.
    rest = list(ref)
    for span in (url_match.span() if url_match else None, accessed_span):
        if span is not None:
            rest[span[0] : span[1]] = " " * (span[1] - span[0])
    remainder = "".join(rest)
    quoted = _QUOTED.search(remainder)
    title: str | None = None
    publisher: str | None = None
    if quoted is not None:
        title = (quoted["t"] or quoted["s"] or "").strip(" ,.;:") or None
        after = _segments(remainder[quoted.end() :])
        publisher = after[0] if after else None
    else:
        segments = _segments(remainder)
        if len(segments) >= 3:
            title, publisher = segments[1], segments[2]
        elif len(segments) == 2:
            title, publisher = segments
        elif segments:
            title = segments[0]
    return Citation(
        marker=marker,
        ref=ref,
        resolves_to=marker,
        title=title,
        publisher=publisher,
        url=url,
        accessed=accessed,
    )


def _clean_url(url: str) -> str:
    url = url.rstrip(".,;:")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:")
    return url


def _accessed(ref: str) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The access date and the span of its whole clause ("Date Accessed: 08.03.2025")."""
    m = _ACCESSED.search(ref)
    if m is None:
        return None, None
    for expr in find_time_expressions(ref, anchor=None, start=m.end()):
        if expr.evidence.start - m.end() > 3:
            break
        if expr.precision == "day" and expr.start is not None:
            return expr.start, (m.start(), expr.evidence.end)
    return None, None


def _segments(text: str) -> list[str]:
    """Comma-separated parts that are neither dates nor page numbers, cleaned of punctuation."""
    out: list[str] = []
    for raw in text.split(","):
        part = raw.strip(_SEGMENT_JUNK)
        if not part or _PAGE.fullmatch(part) or _is_date(part):
            continue
        out.append(part)
    return out


def _is_date(part: str) -> bool:
    exprs = find_time_expressions(part, anchor=None)
    if not exprs:
        return bool(re.fullmatch(r"(?:19|20)\d\d", part))
    covered = sum(e.evidence.end - e.evidence.start for e in exprs)
    return covered * 2 >= len(part)


def find_footnote_markers(text: str) -> list[tuple[str, Evidence]]:
    """In-text markers ("[1]", "[2, 3]", "¹²") in the body, before the reference list.

    A marker naming several references ("[1-3]") is returned once per reference, each with
    the span of the whole marker. Superscripts after a unit ("km²") are not markers.
    """
    end = reference_list_start(text)
    stop = len(text) if end is None else end
    found: list[tuple[int, str, Evidence]] = []
    for m in _BODY_BRACKET.finditer(text, 0, stop):
        ev = Evidence(m.start(), m.end(), m.group())
        for n in _numbers(m["n"]):
            found.append((m.start(), f"[{n}]", ev))
    for m in _BODY_SUPER.finditer(text, 0, stop):
        if not _footnote_position(text, m.start()):
            continue
        n = int(m.group().translate(_SUPER_TO_DIGIT))
        found.append((m.start(), f"[{n}]", Evidence(m.start(), m.end(), m.group())))
    found.sort(key=lambda t: t[0])
    return [(marker, ev) for _, marker, ev in found]


def _numbers(spec: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"[ \t]*,[ \t]*", spec):
        bounds = [int(x) for x in re.split(r"[ \t]*[–-][ \t]*", part)]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= 50:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


def _footnote_position(text: str, i: int) -> bool:
    """A superscript number follows punctuation or a word, not a unit or another number."""
    if i == 0:
        return False
    before = text[i - 1]
    if before.isdigit() or before.isspace():
        return False
    if before.isalpha():
        word = re.search(r"[A-Za-z]+$", text[max(0, i - 12) : i])
        return (
            word is not None and word.group() not in _UNITS_BEFORE_SUPER and len(word.group()) > 1
        )
    return True
