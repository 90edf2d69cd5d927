# Set-up and the two everyday jobs. Everything a test needs is installed
# here, so a fresh clone needs only `make demo` or `make test`.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint bench gazetteer clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	touch $(STAMP)

## demo: set up, then run the tool on the bundled example article
demo: $(STAMP)
	$(BIN)/bordermap gazetteer stats
	$(BIN)/python examples/demo.py examples/nogales-seizure.txt

## test: set up, then lint and run the whole test suite (slow tests included)
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "slow or not slow"

## test-fast: the quick tests only
test-fast: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

## bench: speed figures (see benchmarks/)
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_gazetteer.py

## gazetteer: rebuild gazetteer/data from the pinned packages and facts
gazetteer: $(STAMP)
	$(BIN)/python -m gazetteer.build

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
