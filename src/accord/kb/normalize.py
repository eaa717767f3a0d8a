"""Lookup keys for reference-data aliases: folding case, punctuation and spelling, sparing acronyms.

Two kinds of key keep "US" (the country) apart from "us" (the pronoun):
- an *acronym* ("US", "U.S.", "ROK", "G20", "AfDB", "MoD") is matched case-sensitively,
  with its periods and hyphens dropped, so "U.S." and "US" meet but "us" does not;
- any other alias is *folded*: case, diacritics, quotes, dashes, periods, a leading "the",
  and British/American spellings ("Organisation", "Defence", "Co-operation") are evened out.
  A folded one-word alias written with a capital ("Turkey", "Chad", "Jordan") only matches
  text that starts with a capital, so "turkey" and "chad" stay common words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_CHAR_MAP = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")

# British -> American spellings, applied to folded keys only (both spellings then meet).
_SPELLINGS: dict[str, str] = {
    "organis": "organiz",
    "defence": "defense",
    "co operat": "cooperat",
    "programme": "program",
    "centre": "center",
    "labour": "labor",
    "counsell": "counsel",
    "honourable": "honorable",
    "adviser": "advisor",
}
_SPELLING_PATTERN = re.compile("|".join(re.escape(key) for key in _SPELLINGS))
_FOLD_PUNCTUATION = str.maketrans({".": " ", "-": " ", "(": " ", ")": " ", ",": " "})


# Pairs used to generate surface variants for gazetteers, which match text literally.
_VARIANT_PAIRS: tuple[tuple[str, str], ...] = (
    ("Organisation", "Organization"),
    ("organisation", "organization"),
    ("Defence", "Defense"),
    ("defence", "defense"),
    ("Co-operation", "Cooperation"),
    ("co-operation", "cooperation"),
    ("Programme", "Program"),
    ("Centre", "Center"),
    ("Labour", "Labor"),
    ("Adviser", "Advisor"),
)


def clean(text: str) -> str:
    """NFC, straight quotes, plain hyphens, single spaces, no outer whitespace."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_CHAR_MAP)
    return " ".join(text.split())


def strip_possessive(text: str) -> str:
    """Drop a final possessive: "Korea's" -> "Korea", "Philippines'" -> "Philippines"."""
    return _POSSESSIVE.sub("", clean(text)).rstrip()


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def is_acronym(text: str) -> bool:
    """True for case-sensitive short forms: "US", "U.S.", "G20", "AfDB", "MoD", "PM&C"."""
    text = clean(text)
    if not text or " " in text:
        return False
    upper = sum(1 for c in text if c.isupper())
    lower = sum(1 for c in text if c.islower())
    has_digit = any(c.isdigit() for c in text)
    return (upper >= 2 and upper >= lower) or (upper >= 1 and has_digit and lower <= 1)


def acronym_key(text: str) -> str:
    """The case-sensitive key of an acronym: periods, hyphens and spaces dropped."""
    return re.sub(r"[.\-\s]", "", clean(text))


def fold(text: str) -> str:
    """The case-, accent-, punctuation- and spelling-insensitive key of a name."""
    text = clean(text)
    if not text.isascii():
        text = strip_diacritics(text)
    text = text.casefold().replace("&", " and ").translate(_FOLD_PUNCTUATION)
    text = " ".join(text.split())
    text = _SPELLING_PATTERN.sub(lambda m: _SPELLINGS[m.group(0)], text)
    if text.startswith("the "):
        text = text[4:]
    return text


def needs_capital(text: str) -> bool:
    """True when `text` is one word written with an initial capital (matched only so)."""
    text = clean(text)
    if text.casefold().startswith("the "):
        text = text[4:]
    return " " not in text and "-" not in text and text[:1].isupper()


def starts_with_capital(text: str) -> bool:
    text = clean(text)
    if text.casefold().startswith("the "):
        text = text[4:]
    return text[:1].isupper()


def spelling_variants(text: str) -> Iterator[str]:
    """`text`, then its other British/American spellings and its curly-apostrophe form."""
    seen = {text}
    yield text
    forms = [text]
    for british, american in _VARIANT_PAIRS:
        for form in list(forms):
            for old, new in ((british, american), (american, british)):
                if old in form:
                    variant = form.replace(old, new)
                    if variant not in seen:
                        seen.add(variant)
                        forms.append(variant)
                        yield variant
    for form in list(forms):
        if "'" in form:
            curly = form.replace("'", "\u2019")
            if curly not in seen:
                seen.add(curly)
                yield curly
