# The two commands of the README. Each does all of its own set-up on a fresh clone:
#   make run   - install, start the local Neo4j (jars via Maven on first use), load the bundled protocols
#                when the database is empty, and serve the GraphQL API on http://127.0.0.1:8000/graphql
#                (make run HOST=0.0.0.0 PORT=9000 to listen elsewhere; see GOVGRAPH_ALLOWED_HOSTS)
#   make test  - install, lint, and run the test suite against a real Neo4j it starts itself
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml setup.py | cksum | cut -d' ' -f1)

.PHONY: run test lint bench clean schema

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	scripts/fetch-ide-assets
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	scripts/system-deps run
	$(BIN)/govgraph serve --host $(HOST) --port $(PORT)

schema: $(STAMP)
	$(BIN)/python -m govgraph.api.export_schema

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	scripts/system-deps test
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench.load_bench
	$(BIN)/python -m bench.refusal_bench
	$(BIN)/python -m bench.check_bench
	$(BIN)/python -m bench.api_bench
	$(BIN)/python -m bench.diagram_bench

clean:
	rm -rf $(VENV) build dist *.egg-info bench/out
