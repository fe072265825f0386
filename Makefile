# The two commands of the README. Each does all of its own set-up on a fresh clone:
#   make run   - install, start the local Neo4j (jars via Maven on first use), load the bundled protocols
#   make test  - install, lint, and run the test suite against a real Neo4j it starts itself
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	scripts/system-deps run
	$(BIN)/govgraph up

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	scripts/system-deps test
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench.load_bench

clean:
	rm -rf $(VENV) build dist *.egg-info bench/out
