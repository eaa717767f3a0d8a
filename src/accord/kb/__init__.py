"""Reference data: countries, organizations, bodies, agreements, titles, areas, cities; lookups."""

from __future__ import annotations

from accord.kb.base import (
    DATA_DIR,
    KnowledgeBase,
    NonStateWords,
    build_kb,
    load_kb,
    load_non_state_words,
)
from accord.kb.entries import (
    AgreementInfo,
    Area,
    Body,
    City,
    Country,
    Organization,
    Region,
    Title,
    TitleMatch,
)

__all__ = [
    "DATA_DIR",
    "AgreementInfo",
    "Area",
    "Body",
    "City",
    "Country",
    "KnowledgeBase",
    "NonStateWords",
    "Organization",
    "Region",
    "Title",
    "TitleMatch",
    "build_kb",
    "load_kb",
    "load_non_state_words",
]
