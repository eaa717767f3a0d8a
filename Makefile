# One command per chore. `make demo` and `make test` are the two the README names.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast lint fix typecheck bench serve clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

## Ingest the bundled sample documents into ./accord.db, list them, print the KOR-CAN report.
demo: install
	$(BIN)/accord ingest samples --recursive
	$(BIN)/accord documents
	$(BIN)/accord report KOR CAN
	@echo
	@echo "Dashboard: run 'make serve' (or .venv/bin/accord serve) and open http://127.0.0.1:8000/"

## The whole suite, as CI runs it (model, PostgreSQL included).
test: install
	$(BIN)/python -m pytest

## The inner loop: no model, no PostgreSQL.
test-fast: install
	$(BIN)/python -m pytest -m "not postgres and not model and not slow and not browser"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

fix: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

typecheck: install
	$(BIN)/mypy src

## The dashboard and the JSON API on http://127.0.0.1:8000/ over ./accord.db.
serve: install
	$(BIN)/accord serve

bench: install
	$(BIN)/python bench/bench_nlp.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache .mypy_cache
