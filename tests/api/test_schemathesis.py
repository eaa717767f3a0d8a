"""Property-based requests from the OpenAPI document (schemathesis): no input makes a 5xx.

Driven through schemathesis' Python API rather than its pytest plugin, whose
`@schema.parametrize` does not run under pytest 9 (it reads `Function._nodeid`).
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.model  # the API runs over the sample store

MAX_EXAMPLES = 20


def test_schemathesis_no_input_gives_a_server_error(sample_app: FastAPI) -> None:
    # Called in process (no server); no token is sent, so writes answer 401 and the
    # shared sample store stays unchanged.
    schema = schemathesis.openapi.from_asgi("/openapi.json", sample_app)
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def exercise(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.text[:300]}")

        exercise()
    assert operations >= 13
    assert not failures, "\n".join(dict.fromkeys(failures))
