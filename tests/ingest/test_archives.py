"""CSV files and gzip/zip archives: read whole (`read_file`) and streamed (`iter_documents`)."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

from accord.errors import CorruptFileError, EmptyDocumentError, FileTooLargeError, InputError
from accord.ingest import read_file
from accord.ingest.discover import discover
from accord.ingest.stream import iter_documents
from accord.records import RawDocument

MAX = 1024 * 1024

TEXT_A = "Japan and the Philippines agreed to expand coast guard training."
TEXT_B = "Canada and Mexico held talks in Ottawa on trade and energy."
CSV = (
    "title,text,published,extra\n"
    f'First,"{TEXT_A}",2024-07-08,x\n'
    f'"Second, with comma","{TEXT_B}\nA second line inside the cell.",,y\n'
)
JSONL = (
    "\n".join(json.dumps({"text": t, "title": n}) for n, t in (("a", TEXT_A), ("b", TEXT_B))) + "\n"
)


def _both(path: Path) -> list[tuple[list[RawDocument], list[InputError]]]:
    """What `read_file` and `iter_documents` find in `path`: they must agree."""
    whole = read_file(path, max_bytes=MAX)
    streamed = list(iter_documents(path, max_bytes=MAX))
    return [
        (whole.documents, whole.errors),
        (
            [d for d in streamed if isinstance(d, RawDocument)],
            [e for e in streamed if isinstance(e, InputError)],
        ),
    ]


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_archives_csv_rows_are_documents_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(CSV, encoding="utf-8")
    for documents, errors in _both(path):
        assert errors == []
        assert [d.text for d in documents] == [TEXT_A, TEXT_B + "\nA second line inside the cell."]
        assert [d.metadata.title for d in documents] == ["First", "Second, with comma"]
        assert documents[0].metadata.published is not None
        assert documents[1].metadata.published is None  # an empty cell is no date
        assert [d.source for d in documents] == [f"{path}:2", f"{path}:3"]
        assert {d.format for d in documents} == {"csv"}


@pytest.mark.parametrize(
    ("content", "error", "where"),
    [
        ("title,body\nx,y\n", CorruptFileError, "no 'text' column"),
        ("text,title\n", EmptyDocumentError, "no rows"),
        ("text,title\n  ,x\nok text,y\n", EmptyDocumentError, "line 2 has an empty 'text'"),
        ("text,title\nonly one,a,b\n", CorruptFileError, "3 fields where the header has 2"),
        ("text;title\nsemicolons work;x\n", None, None),
        ("Text\tTitle\ntabs work\tx\n", None, None),
    ],
)
def test_archives_csv_problems_are_reported_per_row(
    tmp_path: Path, content: str, error: type[InputError] | None, where: str | None
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(content, encoding="utf-8")
    for documents, errors in _both(path):
        if error is None:
            assert errors == [] and len(documents) == 1
            assert documents[0].text.endswith("work")
        else:
            assert any(isinstance(e, error) and where in str(e) for e in errors), errors


@pytest.mark.parametrize("inner", ["news.jsonl", "news.csv", "note.txt"])
def test_archives_gzip_reads_the_format_its_name_has(tmp_path: Path, inner: str) -> None:
    content = {"news.jsonl": JSONL, "news.csv": CSV, "note.txt": TEXT_A}[inner]
    path = tmp_path / f"{inner}.gz"
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    for documents, errors in _both(path):
        assert errors == []
        assert documents[0].text == TEXT_A
        assert len(documents) == (1 if inner == "note.txt" else 2)
        assert documents[0].source.startswith(str(path))


def test_archives_zip_reads_every_member_it_can(tmp_path: Path) -> None:
    path = tmp_path / "archive.zip"
    members = {
        "a/news.jsonl": JSONL.encode(),
        "b/note.txt": TEXT_B.encode(),
        "c/rows.csv.gz": gzip.compress(CSV.encode()),
        "d/image.png": b"\x89PNG\r\n\x1a\n",  # not a document: ignored
        "e/": b"",
    }
    path.write_bytes(_zip(members))
    for documents, errors in _both(path):
        assert errors == []
        sources = [d.source for d in documents]
        assert sources == [
            f"{path}!a/news.jsonl:1",
            f"{path}!a/news.jsonl:2",
            f"{path}!b/note.txt",
            f"{path}!c/rows.csv.gz:2",
            f"{path}!c/rows.csv.gz:3",
        ]


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("broken.jsonl.gz", gzip.compress(JSONL.encode())[:-12], "gzip"),
        ("broken.zip", b"PK\x03\x04 not really a zip", "zip"),
        ("empty.zip", _zip({"image.png": b"\x89PNG"}), "no file Accord can read"),
    ],
)
def test_archives_broken_archives_are_errors_not_crashes(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for _, errors in _both(path):
        assert any(problem in str(e) for e in errors), errors


def test_archives_stream_applies_the_limit_per_document(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"text": f"Document {i}. " + "word " * 200}) for i in range(50)]
    lines.insert(10, json.dumps({"text": "long " * 2000}))
    path.write_text("\n".join(lines) + "\n")
    found = list(iter_documents(path, max_bytes=2000))
    documents = [d for d in found if isinstance(d, RawDocument)]
    errors = [e for e in found if isinstance(e, InputError)]
    # The file is far over the limit, yet only the one long line is refused.
    assert path.stat().st_size > 2000
    assert len(documents) == 50
    assert len(errors) == 1 and isinstance(errors[0], FileTooLargeError)
    assert errors[0].source == f"{path}:11"


def test_archives_folders_list_csv_and_archives(tmp_path: Path) -> None:
    for name in ("a.csv", "b.jsonl.gz", "c.zip", "d.json", "e.tsv"):
        (tmp_path / name).write_bytes(b"")
    found, _ = discover([tmp_path])
    assert [p.name for p in found] == ["a.csv", "b.jsonl.gz", "c.zip", "e.tsv"]
