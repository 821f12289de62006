# The README's two commands: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install system-test-deps run test test-sqlite test-postgres lint eval eval-real bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

# System packages the tests need (PostgreSQL server binaries); installed under CI,
# explained otherwise.
system-test-deps:
	@bin/install-system-test-deps

run: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(PY) -m ruff check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

test-sqlite: install system-test-deps
	$(PY) -m pytest

test-postgres: install system-test-deps
	bin/with-throwaway-postgres $(PY) -m pytest

test: lint test-sqlite test-postgres

eval: install
	$(PY) -m jdcheck.evaluate

# The checker on real public postings (texts in REAL_CORPUS_DIR, outside the checkout).
eval-real: install
	$(PY) -m jdcheck.realcorpus eval

bench: install
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
