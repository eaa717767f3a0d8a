"""Tests for accord.ingest.discover: paths in, a sorted file list and path errors out."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.ingest import discover


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """docs/ with documents, a gold answer key, hidden entries and a subfolder."""
    docs = tmp_path / "docs"
    (docs / "sub" / "deeper").mkdir(parents=True)
    (docs / ".hidden").mkdir()
    for name in (
        "b.txt",
        "a.md",
        "c.html",
        "d.pdf",
        "e.jsonl",
        "gold.json",
        "photo.png",
        ".secret.txt",
    ):
        (docs / name).write_text("x", encoding="utf-8")
    (docs / "sub" / "s.txt").write_text("x", encoding="utf-8")
    (docs / "sub" / "deeper" / "t.htm").write_text("x", encoding="utf-8")
    (docs / ".hidden" / "h.txt").write_text("x", encoding="utf-8")
    return docs


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_discover_folder_top_level_known_formats(tree: Path) -> None:
    files, errors = discover([tree])
    assert errors == []
    assert _names(files, tree) == ["a.md", "b.txt", "c.html", "d.pdf", "e.jsonl"]


def test_discover_recursive(tree: Path) -> None:
    files, errors = discover([tree], recursive=True)
    assert errors == []
    assert _names(files, tree) == [
        "a.md", "b.txt", "c.html", "d.pdf", "e.jsonl", "sub/deeper/t.htm", "sub/s.txt",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("pattern", "recursive", "expected"),
    [
        ("*.html", False, ["c.html"]),
        ("*.HTM*", True, ["c.html", "sub/deeper/t.htm"]),
        ("*.json", False, ["gold.json"]),  # a pattern may pick any ending
        ("*.png", False, ["photo.png"]),
        ("*.txt", True, ["b.txt", "sub/s.txt"]),  # still no hidden files
        ("nothing*", True, []),
    ],
)
def test_discover_pattern(tree: Path, pattern: str, recursive: bool, expected: list[str]) -> None:
    files, errors = discover([tree], recursive=recursive, pattern=pattern)
    assert (errors, _names(files, tree)) == ([], expected)


def test_discover_files_as_given_sorted_and_deduplicated(tree: Path) -> None:
    given = [tree / "gold.json", tree / "b.txt", tree, tree / "b.txt", tree / ".secret.txt"]
    files, errors = discover(given)
    assert errors == []
    assert _names(files, tree) == [
        ".secret.txt", "a.md", "b.txt", "c.html", "d.pdf", "e.jsonl", "gold.json",
    ]  # fmt: skip


def test_discover_missing_path_goes_on(tree: Path) -> None:
    files, errors = discover([tree / "missing.txt", tree / "b.txt"])
    assert _names(files, tree) == ["b.txt"]
    [error] = errors
    assert (error.source, error.problem) == (str(tree / "missing.txt"), "no such file or folder")


def test_discover_symlink_loop(tree: Path) -> None:
    (tree / "sub" / "back").symlink_to(tree, target_is_directory=True)
    files, errors = discover([tree], recursive=True)
    assert "sub/s.txt" in _names(files, tree)
    [error] = errors
    assert error.source == str(tree / "sub" / "back")
    assert "symlink loop" in error.problem


def test_discover_self_referencing_links(tree: Path) -> None:
    (tree / "loop1.txt").symlink_to(tree / "loop2.txt")
    (tree / "loop2.txt").symlink_to(tree / "loop1.txt")
    files, errors = discover([tree])
    assert _names(files, tree) == ["a.md", "b.txt", "c.html", "d.pdf", "e.jsonl"]
    assert sorted(e.source for e in errors) == [str(tree / "loop1.txt"), str(tree / "loop2.txt")]
    assert all("symlink loop" in e.problem for e in errors)


def test_discover_link_to_a_file_counts_once(tree: Path) -> None:
    (tree / "z-link.txt").symlink_to(tree / "b.txt")
    files, _ = discover([tree])
    assert _names(files, tree).count("b.txt") + _names(files, tree).count("z-link.txt") == 1


def test_discover_broken_link(tree: Path) -> None:
    (tree / "dangling.txt").symlink_to(tree / "gone.txt")
    _, errors = discover([tree])
    [error] = errors
    assert error.source == str(tree / "dangling.txt")
    assert "no such file or folder" in error.problem


def test_discover_same_folder_twice_is_no_loop(tree: Path) -> None:
    files, errors = discover([tree / "sub", tree], recursive=True)
    assert errors == []
    assert len(files) == len(set(files)) == 7
