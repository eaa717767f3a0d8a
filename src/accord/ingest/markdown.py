"""The Markdown reader: the text a reader sees once markup is gone; title from the `# ` heading."""

from __future__ import annotations

import re

from accord.ingest.base import require_text
from accord.ingest.metadata import split_front_matter
from accord.records import DocumentMetadata, RawDocument

__all__ = ["read_markdown", "strip_markdown"]

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
_SETEXT_H2 = re.compile(r"^ {0,3}-+[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]+\S+(?:[ \t]+([\"'(]).*[\"')])?[ \t]*$")

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_INLINE_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
# Code spans are swapped for placeholders so emphasis rules never touch their content.
_PLACEHOLDER = "\x00{}\x00"
_PLACEHOLDER_RE = re.compile(r"\x00(\d+)\x00")


def _strip_inline(line: str) -> str:
    codes: list[str] = []

    def hold(match: re.Match[str]) -> str:
        codes.append(match.group(2).strip())
        return _PLACEHOLDER.format(len(codes) - 1)

    line = _CODE_SPAN.sub(hold, line)
    line = _IMAGE.sub("", line)
    line = _INLINE_LINK.sub(r"\1", line)
    line = _REFERENCE_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    line = _STRONG.sub(r"\2", line)
    line = _EM_STAR.sub(r"\1", line)
    line = _EM_UNDERSCORE.sub(r"\1", line)
    line = _STRIKE.sub(r"\1", line)
    line = _ESCAPE.sub(r"\1", line)
    return _PLACEHOLDER_RE.sub(lambda m: codes[int(m.group(1))], line)


def strip_markdown(markdown: str) -> tuple[str, str | None]:
    """(plain text, first level-1 heading or None). Code blocks are kept verbatim."""
    markdown = _HTML_COMMENT.sub("", markdown.replace("\r\n", "\n").replace("\r", "\n"))
    lines = markdown.split("\n")
    out: list[str] = []
    title: str | None = None
    fence: str | None = None
    for i, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence is not None:
            if (
                fence_match
                and fence_match.group(1)[0] == fence[0]
                and len(fence_match.group(1)) >= len(fence)
            ):
                fence = None
            else:
                out.append(line)
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        previous = out[-1] if out else ""
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        # A setext underline turns the line above it into a heading: drop the underline.
        if previous.strip() and (_SETEXT_H1.match(line) or _SETEXT_H2.match(line)):
            if title is None and _SETEXT_H1.match(line):
                title = previous.strip()
            continue
        if _RULE.match(line) or _TABLE_RULE.match(line) or _LINK_DEFINITION.match(line):
            out.append("")
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            text = _strip_inline(heading.group(2) or "")
            if title is None and len(heading.group(1)) == 1 and text.strip():
                title = text.strip()
            out.append(text)
            # A heading is its own paragraph even when the author wrote no blank line.
            if next_line.strip():
                out.append("")
            continue
        line = _QUOTE.sub("", line)
        line = _BULLET.sub(r"\1- ", line)
        out.append(_strip_inline(line))
    return "\n".join(out), title


def read_markdown(text: str, *, source: str) -> RawDocument:
    """A .md document: markup stripped, title from front matter or the first `# ` heading."""
    metadata, body = split_front_matter(text, source=source)
    plain, heading = strip_markdown(body)
    require_text(plain, source=source)
    if metadata.title is None and heading is not None:
        metadata = DocumentMetadata(title=" ".join(heading.split())).merged_over(metadata)
    return RawDocument(text=plain, source=source, format="md", metadata=metadata)
