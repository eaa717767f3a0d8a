"""Turn the paths a user gives into the list of files to read, reporting what cannot be found."""

from __future__ import annotations

import errno
import fnmatch
import os
from collections.abc import Sequence
from pathlib import Path

from accord.errors import InputError

__all__ = ["KNOWN_SUFFIXES", "discover"]

# Inside a folder (with no pattern) only files with these endings are documents: a gold
# folder holds SLUG.json next to SLUG.txt, and a JSON answer key is not a document.
KNOWN_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".jsonl", ".ndjson"}
    | {".csv", ".tsv", ".gz", ".zip"}
)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _wanted(name: str, pattern: str | None) -> bool:
    if pattern is None:
        return Path(name).suffix.lower() in KNOWN_SUFFIXES
    return fnmatch.fnmatchcase(name.lower(), pattern.lower())


class _Walker:
    def __init__(self, *, recursive: bool, pattern: str | None) -> None:
        self.recursive = recursive
        self.pattern = pattern
        self.files: dict[str, Path] = {}  # real path -> path as found (first one wins)
        self.errors: list[InputError] = []
        self.visited: set[str] = set()

    def add_file(self, path: Path) -> None:
        self.files.setdefault(os.path.realpath(path), path)

    def loop(self, path: Path, target: str) -> None:
        self.errors.append(
            InputError(
                str(path), f"symlink loop: leads back to {target}, which is already read; skipped"
            )
        )

    def walk(self, folder: Path, *, via_link: bool = False) -> None:
        real = os.path.realpath(folder)
        if real in self.visited:
            # A folder given twice (or inside another given one) is simply read once; only a
            # link that leads back into what was read is a loop worth reporting.
            if via_link:
                self.loop(folder, real)
            return
        self.visited.add(real)
        try:
            # Real entries before links, so a link (not its target) is the one reported.
            entries = sorted(os.scandir(folder), key=lambda e: (e.is_symlink(), e.name))
        except OSError as e:
            self.errors.append(InputError(str(folder), f"cannot list folder: {e.strerror}"))
            return
        for entry in entries:
            if _is_hidden(entry.name):
                continue
            path = Path(entry.path)
            try:
                entry.stat()  # follows links: fails on a loop or a dangling link
            except OSError as e:
                if entry.is_symlink() and e.errno == errno.ELOOP:
                    self.errors.append(InputError(str(path), "symlink loop: skipped"))
                elif entry.is_symlink():
                    self.errors.append(
                        InputError(str(path), "no such file or folder (the link is broken)")
                    )
                else:
                    self.errors.append(InputError(str(path), f"cannot read: {e.strerror}"))
                continue
            if entry.is_dir():
                if self.recursive:
                    self.walk(path, via_link=entry.is_symlink())
            elif _wanted(entry.name, self.pattern):
                self.add_file(path)


def discover(
    paths: Sequence[Path], *, recursive: bool = False, pattern: str | None = None
) -> tuple[list[Path], list[InputError]]:
    """The files to read under `paths`, sorted and without duplicates, and the path errors.

    A file is taken as given (whatever its name). A folder gives its files with a known
    ending, or those whose name matches the glob `pattern`; only its top level unless
    `recursive`. Hidden files and folders inside folders are skipped. A missing path, a
    broken link or a symlink loop is reported as an InputError and discovery goes on.
    """
    walker = _Walker(recursive=recursive, pattern=pattern)
    for given in paths:
        path = Path(given)
        try:
            path.stat()
        except OSError as e:
            if e.errno == errno.ELOOP:
                walker.errors.append(InputError(str(path), "symlink loop: skipped"))
            else:
                walker.errors.append(InputError(str(path), "no such file or folder"))
            continue
        if path.is_dir():
            walker.walk(path)
        else:
            walker.add_file(path)
    files = sorted(walker.files.values(), key=lambda p: str(p))
    return files, walker.errors
