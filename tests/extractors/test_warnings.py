"""Self-contradictions a reader would want to know of: stated counts and weekdays."""

import pytest

from accord.extractors.warnings import count_warnings


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # The seed's shape: five stated, six listed.
        (
            "They agreed on five key areas of cooperation: international order, national "
            "security, economy and trade, energy, science and technology, and culture.",
            6,
        ),
        # Items holding "and" themselves are set apart by semicolons.
        (
            "The leaders endorsed four pillars: defence and security; food and energy "
            "security; trade; and science and technology.",
            None,
        ),
        (
            "The leaders endorsed three pillars: defence and security; food and energy "
            "security; trade; and science and technology.",
            4,
        ),
        # A semicolon that ends a comma list leaves the rest of the sentence out of it.
        ("They named three areas: trade, energy and health; the ministers also met.", None),
        ("They named four areas: trade, energy and health; the ministers also met.", 3),
    ],
)
def test_count_warnings_compare_the_stated_count_with_the_list(
    text: str, listed: int | None
) -> None:
    found = count_warnings(text)
    if listed is None:
        assert found == []
    else:
        assert len(found) == 1 and f"but lists {listed}:" in found[0]
