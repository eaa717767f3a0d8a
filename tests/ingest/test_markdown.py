"""Tests for accord.ingest.markdown: markup stripped, title from the first level-1 heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.ingest import read_file
from accord.ingest.markdown import strip_markdown

MAX = 1024 * 1024


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("## A heading ##", "A heading"),
        ("Some **bold**, __strong__, *em* and _em_ text", "Some bold, strong, em and em text"),
        ('A [link](https://example.org "t") here', "A link here"),
        ("A [reference][ref] link\n\n[ref]: https://example.org", "A reference link\n\n"),
        ("Before ![a photo](img.png) after", "Before  after"),
        ("* one\n+ two\n- three\n1. four", "- one\n- two\n- three\n1. four"),
        ("> quoted line", "quoted line"),
        ("```\nkeep *this* [as](is)\n```", "keep *this* [as](is)"),
        ("Use `code_with_underscores` here", "Use code_with_underscores here"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("~~gone~~ struck", "gone struck"),
        ("Footnote marker [1] stays", "Footnote marker [1] stays"),
        ("Escaped \\*star\\*", "Escaped *star*"),
        ("Text<br/>with a tag <!-- and a comment -->", "Textwith a tag "),
        ("Title\n=====\nBody", "Title\nBody"),
        ("Para\n\n---\n\nNext", "Para\n\n\n\nNext"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n\n| 1 | 2 |"),
        ("<https://example.org/x>", "https://example.org/x"),
    ],
)
def test_markdown_strip(markdown: str, expected: str) -> None:
    assert strip_markdown(markdown)[0] == expected


@pytest.mark.parametrize(
    ("markdown", "title"),
    [
        ("# First\n\n# Second", "First"),
        ("## Not level one\n\n# Level *one*", "Level one"),
        ("Setext title\n============\n\nBody", "Setext title"),
        ("No heading at all", None),
    ],
)
def test_markdown_title(markdown: str, title: str | None) -> None:
    assert strip_markdown(markdown)[1] == title


def test_markdown_reader_file(data_dir: Path) -> None:
    result = read_file(data_dir / "statement.md", max_bytes=MAX)
    assert result.errors == []
    [raw] = result.documents
    assert raw.format == "md"
    assert raw.metadata.title == "Joint Statement on Maritime Cooperation"
    assert "The ministers agreed to expand" in raw.text
    assert "joint plan adopted last year" in raw.text
    assert "photo.jpg" not in raw.text and "Ministers at the podium" not in raw.text
    assert "- closer information sharing\n- joint training" in raw.text
    assert "code block kept *as is*" in raw.text
    assert "Issued by the two foreign ministries" in raw.text
    assert "[1]" in raw.text


def test_markdown_front_matter_title_wins(tmp_path: Path) -> None:
    path = tmp_path / "a.markdown"
    path.write_text("---\ntitle: From front matter\n---\n# From heading\n\nBody.", encoding="utf-8")
    [raw] = read_file(path, max_bytes=MAX).documents
    assert raw.metadata.title == "From front matter"
    assert raw.text.strip().startswith("From heading")


def test_markdown_only_markup_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("![only an image](x.png)\n\n---\n", encoding="utf-8")
    [error] = read_file(path, max_bytes=MAX).errors
    assert error.problem == "empty file: no text to read"
