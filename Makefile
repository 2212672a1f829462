# Everything runs from a local virtualenv built from the pinned requirements.lock.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test install lock bench lint clean compiled interpreted check-compiled

run: install ## the service on its embedded defaults: the bundled sample site, SQLite
	$(BIN)/policywatch serve --demo

test: install ## the whole test suite
	scripts/ensure-chromium
	$(BIN)/python -m pytest

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

lock: ## re-pin every dependency (needs uv: pip install uv)
	uv pip compile pyproject.toml --extra test --python-version 3.11 -o requirements.lock

compiled: install ## diff/ compiled with mypyc, for deployments that need 2 MB/s (needs cc, Python headers)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-compiled.lock
	$(MAKE) interpreted
	$(BIN)/python scripts/compile_diff.py

interpreted: ## back to the interpreted diff/: removes the compiled modules and their marker
	rm -f diff/*.so diff/compiled.json

check-compiled: install ## the compiled extractor's records are byte-identical to the interpreted ones
	$(MAKE) interpreted
	$(BIN)/python scripts/record_digests.py --expect interpreted build/records-interpreted.txt
	$(MAKE) compiled
	$(BIN)/python scripts/record_digests.py --expect compiled build/records-compiled.txt
	diff build/records-interpreted.txt build/records-compiled.txt
	$(BIN)/mypy diff/

bench: install
	for b in bench/bench_*.py; do $(BIN)/python $$b; done

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build *.egg-info
