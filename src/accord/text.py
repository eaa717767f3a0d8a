"""Text normalization: decoding bytes, Unicode NFC, whitespace and look-alike letters.

Every document passes through `normalize_text` before analysis, and evidence spans are
offsets into its result, so the rules here are deliberately conservative: curly quotes,
dashes and genuine non-Latin words are kept exactly as a reader sees them.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from importlib import resources

from accord.errors import ReferenceDataError, UnsupportedFormatError

__all__ = ["decode_bytes", "normalize_text"]

SUPPORTED_FORMATS_HINT = "Accord reads .txt, .md, .html, .pdf and .jsonl"

# (magic prefix, what it looks like). Checked before any decoding: these never start text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/OpenDocument file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"%PDF-", "a PDF document (give it a .pdf name)"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.05
_SAMPLE_CHARS = 8192


def _binary_error(source: str, what: str) -> UnsupportedFormatError:
    return UnsupportedFormatError(
        source, f"binary file (looks like {what}); {SUPPORTED_FORMATS_HINT}"
    )


def sniff_magic(data: bytes) -> str | None:
    """What a file's magic number says it is ("a PNG image"), or None for no known magic."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    # WebP is RIFF....WEBP: the size sits between the two markers.
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes are plainly UTF-16 text with no BOM, else None.

    Mostly-ASCII UTF-16 has a NUL in every other byte and none in the others; real binary
    data does not keep to one side so neatly.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls >= 0.6 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.6 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
    )
    return controls / len(sample)


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode a text file: BOM (UTF-8, UTF-16 LE/BE), else strict UTF-8, else cp1252.

    Raises UnsupportedFormatError for binary data: a known magic number (PNG, JPEG, ZIP, a
    PDF where text was expected, ...), NUL bytes outside UTF-16, or mostly control characters.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as e:
                raise UnsupportedFormatError(
                    source,
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} ({e.reason} at byte {e.start + len(bom)}); "
                    "re-save it as UTF-8",
                ) from e
    what = sniff_magic(data)
    if what is not None:
        raise _binary_error(source, what)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise _binary_error(source, "binary data: it holds NUL bytes")
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as e:
            raise _binary_error(source, "binary data: it holds NUL bytes") from e
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                # Five bytes are undefined in cp1252; latin-1 maps them to C1 controls,
                # which the control-character test below then weighs.
                text = data.decode("latin-1")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise _binary_error(source, "binary data: it is mostly control characters")
    return text


# --- normalization -----------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n|[\r\u0085\u2028\v\f]")
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters a reader never sees; they only break matching.
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff\u00ad\u180e]")
# ZWJ/ZWNJ shape Persian, Indic scripts and emoji; drop them only after Latin or space.
_JOINERS_AFTER_LATIN = re.compile(r"(?:(?<=[\x00-\u024f])|^)[\u200c\u200d]+", re.MULTILINE)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_HSPACE_RUN = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")


@functools.cache
def _confusables() -> dict[str, str]:
    """The look-alike table (packaged `kb/data/confusables.csv`): character -> Latin letter."""
    resource = resources.files("accord").joinpath("kb/data/confusables.csv")
    try:
        raw = resource.read_text(encoding="utf-8")
    except OSError as e:
        raise ReferenceDataError(
            f"cannot read the look-alike table kb/data/confusables.csv: {e}; reinstall accord"
        ) from e
    table: dict[str, str] = {}
    for line_no, row in enumerate(csv.DictReader(io.StringIO(raw)), start=2):
        char, latin, codepoint = row.get("char") or "", row.get("latin") or "", row.get("codepoint")
        if len(char) != 1 or not latin or codepoint != f"U+{ord(char[:1] or ' '):04X}":
            raise ReferenceDataError(
                f"kb/data/confusables.csv line {line_no}: expected one character, its "
                f"U+XXXX code point and a Latin replacement, got {row!r}"
            )
        table[char] = latin
    return table


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def _fold_word(match: re.Match[str]) -> str:
    word = match.group(0)
    table = _confusables()
    if not any(ch in table for ch in word):
        return word
    latin = lookalike = 0
    for ch in word:
        if unicodedata.combining(ch):
            continue
        if ch in table:
            lookalike += 1
        elif _script(ch) == "LATIN":
            latin += 1
        else:
            # A letter of another script that has no Latin twin: a genuine foreign word.
            return word
    # A word mostly in Latin letters with a few twins is disguised Latin; a word made
    # only of twins ("ТОР", "οχι") is genuinely Cyrillic or Greek and stays.
    if latin == 0 or lookalike > latin:
        return word
    return "".join(table.get(ch, ch) for ch in word)


@functools.cache
def _lookalike_pattern() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(_confusables())) + "]")


def fold_lookalikes(text: str) -> str:
    """Replace Cyrillic/Greek look-alike letters by Latin ones inside otherwise Latin words."""
    if not _lookalike_pattern().search(text):
        return text  # the common case: no twin anywhere, no word-by-word pass
    folded = _WORD.sub(_fold_word, text)
    return unicodedata.normalize("NFC", folded) if folded != text else text


def normalize_text(text: str) -> str:
    """The normalized form every stage works on (and evidence offsets point into).

    NFC; line endings to \\n; Unicode spaces to plain spaces; zero-width characters and
    stray control characters removed; runs of spaces and tabs collapsed; lines stripped;
    three or more newlines collapsed to two; look-alike letters folded inside Latin words.
    Curly quotes and dashes are kept.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2029", "\n\n")
    text = _LINE_BREAKS.sub("\n", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _JOINERS_AFTER_LATIN.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _HSPACE_RUN.sub(" ", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    text = fold_lookalikes(text)
    return text.strip()
