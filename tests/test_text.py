"""Tests for accord.text: decoding, normalization and look-alike folding."""

from __future__ import annotations

import unicodedata

import pytest

from accord.errors import UnsupportedFormatError
from accord.text import decode_bytes, fold_lookalikes, normalize_text

SAMPLE = "Mélanie Joly said “we agreed” — in Québec."

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(40))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SAMPLE.encode("utf-8"), SAMPLE),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), SAMPLE),
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), SAMPLE),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), SAMPLE),
        (SAMPLE.encode("cp1252"), SAMPLE),
        ("“Smart quotes” and café".encode("cp1252"), "“Smart quotes” and café"),
        ("Plain ASCII text.".encode("utf-16-le"), "Plain ASCII text."),  # no BOM
        (b"", ""),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "cp1252",
        "cp1252-quotes",
        "utf16-nobom",
        "empty",
    ],
)
def test_text_decode_bytes_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data, source="doc.txt") == expected


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        (PNG, "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (ZIP, "a ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"text\x00with\x00 a few NULs here and there\x00", "NUL bytes"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
    ids=["png", "jpeg", "gif", "zip", "gzip", "pdf", "nul", "controls"],
)
def test_text_decode_bytes_rejects_binary(data: bytes, looks_like: str) -> None:
    with pytest.raises(UnsupportedFormatError) as caught:
        decode_bytes(data, source="photo.txt")
    message = str(caught.value)
    assert message.startswith("photo.txt: binary file (looks like ")
    assert looks_like in message
    assert message.endswith("Accord reads .txt, .md, .html, .pdf and .jsonl")


def test_text_decode_bytes_png_message_is_exact() -> None:
    with pytest.raises(UnsupportedFormatError) as caught:
        decode_bytes(PNG, source="x.png")
    assert caught.value.problem == (
        "binary file (looks like a PNG image); Accord reads .txt, .md, .html, .pdf and .jsonl"
    )
    assert caught.value.source == "x.png"


def test_text_decode_bytes_bad_utf16_after_bom() -> None:
    with pytest.raises(UnsupportedFormatError, match="UTF-16-LE"):
        decode_bytes(b"\xff\xfe\x00\xd8", source="odd.txt")  # a lone surrogate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("e\u0301te\u0301", "été"),  # NFD -> NFC
        ("one\r\ntwo\rthree\u2028four", "one\ntwo\nthree\nfour"),
        ("a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"),
        ("many   spaces\tand\t\ttabs", "many spaces and tabs"),
        ("trailing   \nspaces \t\n", "trailing\nspaces"),
        ("  indented line\n   another", "indented line\nanother"),
        ("para one\n\n\n\n\npara two", "para one\n\npara two"),
        ("  \n\n  text  \n\n ", "text"),
        ("zero\u200bwidth\u2060joined\ufeff soft\u00adhyphen", "zerowidthjoined softhyphen"),
        ("Ott\u200dawa", "Ottawa"),
        ("page\fbreak", "page\nbreak"),
        ("bell\x07 and \x1bescape", "bell and escape"),
        ("“Curly” ‘quotes’ – en — em", "“Curly” ‘quotes’ – en — em"),
        ("line\u2029paragraph", "line\n\nparagraph"),
        ("", ""),
        (" \t\n\u00a0\u200b ", ""),
    ],
)
def test_text_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mélаnie Jоly", "Mélanie Joly"),  # Cyrillic а, о
        ("Cаnаdа", "Canada"),
        ("Sеoul", "Seoul"),
        ("АРЕС", "АРЕС"),  # all Cyrillic: left alone
        ("Αθηνα Cafe", "Αθηνα Cafe"),  # a Greek word next to a Latin one
        ("ОЕСD", "ОЕСD"),  # three twins, one Latin: not mostly Latin, left alone
        ("Москва", "Москва"),
        ("Αθήνα", "Αθήνα"),
        ("Ukrаїne", "Ukraïne"),  # precomposed Cyrillic ї
        ("Kоrea and Москва", "Korea and Москва"),
        ("Jаpan’s", "Japan’s"),
        ("NАТO", "NATO"),  # Cyrillic А and Т among N, O
        ("plain Latin words", "plain Latin words"),
    ],
)
def test_text_fold_lookalikes(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_text_fold_lookalikes_result_is_latin() -> None:
    folded = fold_lookalikes("Mélаnie Jоly")
    assert all(unicodedata.name(ch).startswith("LATIN") for ch in folded if ch.isalpha()), folded


def test_text_normalize_text_is_idempotent() -> None:
    messy = "  Ministers\u00a0met \r\n\r\n\r\n in  Sеoul\u200b.  "
    once = normalize_text(messy)
    assert normalize_text(once) == once == "Ministers met\n\nin Seoul."


def test_text_confusables_table_is_valid() -> None:
    from accord.text import _confusables

    table = _confusables()
    assert len(table) >= 60
    for char, latin in table.items():
        assert unicodedata.name(char).split()[0] in {"CYRILLIC", "GREEK"}, char
        assert all(unicodedata.name(ch).startswith("LATIN") for ch in latin), (char, latin)
