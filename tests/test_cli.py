"""The `accord` command line, driven for real through Typer's runner against real stores."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from accord.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"

pytestmark = pytest.mark.model

READOUT = (
    "OTTAWA, March 8, 2025 – Canada's Minister of Foreign Affairs met her counterpart from the "
    "Republic of Korea in Ottawa. The two ministers agreed to hold a dialogue on maritime "
    "security this year.\n"
)


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


# Every command the app registers, so a new command cannot go without help.
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_cli_help_names_every_command() -> None:
    assert {"ingest", "documents", "show", "extract", "meetings", "commitments"} <= set(COMMANDS)
    result = run("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command: str) -> None:
    assert (typer.main.get_command(app).commands[command].help or "").strip()  # type: ignore[attr-defined]
    result = run(command, "--help")
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) > 3


def test_cli_ingest_samples_then_again_stores_nothing_new(store_url: str) -> None:
    first = run("ingest", str(SAMPLES), "--recursive", "--db", store_url)
    assert first.exit_code == 0, first.output
    sample_count = int(first.output.strip().splitlines()[-1].split()[0])
    assert sample_count >= 12
    second = run("ingest", str(SAMPLES), "--recursive", "--db", store_url)
    assert second.exit_code == 0
    assert f"0 new, {sample_count} already stored, 0 failed" in second.output
    listed = run("documents", "--format", "json", "--db", store_url)
    rows = json.loads(listed.output)
    assert len(rows) == sample_count
    assert all(len(r["id"]) == 64 for r in rows)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_cli_ingest_seed_folder_once(store_url: str) -> None:
    first = run("ingest", str(SEEDS), "--db", store_url)
    assert "1 new, 0 already stored, 0 failed" in first.output
    second = run("ingest", str(SEEDS), "--db", store_url)
    assert "0 new, 1 already stored, 0 failed" in second.output


def test_cli_ingest_stdin_with_metadata_and_show_by_prefix(store_url: str) -> None:
    result = run(
        "ingest",
        "-",
        "--title",
        "Ministers meet",
        "--kind",
        "readout",
        "--db",
        store_url,
        input=READOUT,
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(run("documents", "--format", "json", "--db", store_url).output)
    assert rows[0]["title"] == "Ministers meet"
    assert rows[0]["kind"] == "readout"
    assert rows[0]["published"] == "2025-03-08"  # from the dateline
    shown = run("show", rows[0]["id"][:8], "--format", "json", "--db", store_url)
    assert shown.exit_code == 0
    assert json.loads(shown.output)["text"].startswith("OTTAWA, March 8, 2025")


def test_cli_documents_search_and_since(store_url: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Seoul and Ottawa held a coast guard dialogue.\n")
    (tmp_path / "b.txt").write_text(
        "---\npublished: 2020-01-02\n---\nTrade ministers discussed tariffs.\n"
    )
    assert run("ingest", str(tmp_path), "--db", store_url).exit_code == 0
    found = json.loads(
        run("documents", "-s", "coast guard", "-f", "json", "--db", store_url).output
    )
    assert [r["source"].endswith("a.txt") for r in found] == [True]
    since = json.loads(
        run("documents", "--since", "2020-01-01", "-f", "json", "--db", store_url).output
    )
    assert [r["published"] for r in since] == ["2020-01-02"]


def test_cli_show_unknown_and_ambiguous_ids(store_url: str) -> None:
    result = run("show", "ffffffff", "--db", store_url)
    assert result.exit_code == 1
    assert "no document id starts with" in result.output


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Each bad file, and a word its one-line error must contain."""
    (folder / "empty.txt").write_text("")
    (folder / "blank.md").write_text("   \n\t\n")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with zipfile.ZipFile(folder / "archive.zip", "w") as archive:
        archive.writestr("inner.txt", "hello")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "lines.jsonl").write_text(
        json.dumps({"text": "Japan and India held talks on trade.", "title": "ok line"})
        + "\n{not json\n"
    )
    (folder / "big.txt").write_text("Diplomacy. " * 200_000)
    return {
        "empty.txt": "empty",
        "blank.md": "empty",
        "image.png": "binary",
        "broken.pdf": "PDF",
        "nav.html": "text",
        "lines.jsonl:2": "JSON",
        "big.txt": "limit",
    }


def test_cli_ingest_bad_inputs_fail_one_line_each_and_keep_the_rest(
    store_url: str, tmp_path: Path
) -> None:
    expected = _bad_inputs(tmp_path)
    (tmp_path / "good.txt").write_text(READOUT)
    loop = tmp_path / "sub"
    loop.mkdir()
    (loop / "again").symlink_to(tmp_path, target_is_directory=True)
    # Inside a folder only document types are read; other files are named directly.
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            str(tmp_path),
            str(tmp_path / "image.png"),
            str(tmp_path / "archive.zip"),
            "--recursive",
            "--max-size",
            "1",
            "--db",
            store_url,
        ],
    )
    assert result.exit_code == 1
    failures = [line for line in result.output.splitlines() if line.startswith("failed")]
    for name, word in expected.items():
        lines = [f for f in failures if f"{name}:" in f]
        assert len(lines) == 1, (name, failures)
        assert word.lower() in lines[0].lower(), lines[0]
    assert any("symlink loop" in f for f in failures)
    # good.txt, the good JSONL line and the zip archive's text file
    assert "3 new, 0 already stored" in result.output
    rows = json.loads(run("documents", "-f", "json", "--db", store_url).output)
    assert sorted(r["title"] or "" for r in rows) == ["", "", "ok line"]


def test_cli_extract_prints_the_document_record(tmp_path: Path) -> None:
    path = tmp_path / "readout.txt"
    path.write_text(READOUT)
    result = run("extract", str(path), "--published", "2025-03-09")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert set(record) >= {
        "document",
        "meetings",
        "commitments",
        "areas",
        "organizations",
        "agreements",
        "citations",
        "warnings",
    }
    assert record["document"]["published"] == "2025-03-09"
    assert len(record["document"]["id"]) == 64


def test_cli_extract_missing_file_is_one_line(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert "nope.txt" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "-", "--published", "March 2025"], "YYYY-MM-DD"),
        (["ingest", "-", "--kind", "memo"], "--kind"),
        (["documents", "--format", "xml"], "--format"),
    ],
)
def test_cli_bad_options_say_what_to_do(args: list[str], message: str, tmp_path: Path) -> None:
    result = run(*args, "--db", f"sqlite:///{tmp_path / 'x.db'}", input="text")
    assert result.exit_code == 1
    assert message in result.output
