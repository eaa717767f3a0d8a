"""Start-up and small-call costs: loading the reference data, the officials table and the
model, and reading dates in a 1,000-word text. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

FRESH_PROCESS_SNIPPETS = {
    "load_kb()": "from accord.kb import load_kb as f",
    "load_people()": "from accord.kb.people import load_people as f",
    "load_nlp()": "from accord.nlp import load_nlp as f",
}


def fresh_process_seconds(import_line: str) -> float:
    """Time one call in a new interpreter, so no cache hides the cost."""
    code = (
        f"import time; {import_line}; t = time.perf_counter(); f(); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def dates_milliseconds() -> float:
    from accord.extractors.dates import find_time_expressions

    sentence = (
        "On Friday, March 7, 2025, the ministers met in Ottawa and agreed to hold a dialogue "
        "this year, to review progress by the end of 2026 and to meet again next month. "
    )
    text = sentence * (1000 // len(sentence.split()))
    anchor = __import__("datetime").date(2025, 3, 8)
    find_time_expressions(text, anchor=anchor)
    timings = []
    for _ in range(9):
        started = time.perf_counter()
        find_time_expressions(text, anchor=anchor)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    print(f"{'what':<44} {'time':>10}")
    for name, import_line in FRESH_PROCESS_SNIPPETS.items():
        print(f"{name + ' in a fresh process':<44} {fresh_process_seconds(import_line):>9.2f}s")
    print(f"{'dates in 1,000 words (median of 9)':<44} {dates_milliseconds():>8.1f}ms")


if __name__ == "__main__":
    main()
