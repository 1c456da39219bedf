# Two commands matter: `make run` (the app) and `make test` (every check).
# Both create the virtual environment on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run web test lint unit e2e content bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## open the app (a window with a display, else http://127.0.0.1:8550)
	$(BIN)/decisionaid

web: $(STAMP)  ## serve the app to a browser on http://127.0.0.1:8550
	$(BIN)/decisionaid --web

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

content: $(STAMP)
	$(BIN)/decisionaid check-content

test: lint content  ## every check: lint, layers, content, unit, GUI and end-to-end tests
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder

unit: $(STAMP)
	$(BIN)/pytest -m "not e2e"

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis tests/e2e/artifacts
