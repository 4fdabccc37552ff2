# Toetssteen: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed

.PHONY: run test bench install translations migrate lint messages clean

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Toetssteen needs Python 3.11 or newer; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

# Compiles locale/*/LC_MESSAGES/django.po with Babel, so GNU gettext is not needed.
translations: install
	$(BIN)/pybabel compile --statistics -d locale -D django

migrate: install
	$(PY) manage.py migrate --noinput

run: install translations migrate
	$(PY) manage.py load_demo
	@echo
	@echo "Toetssteen runs on http://127.0.0.1:8000 — log in with one of the demo accounts above."
	@# The worker runs background work (exports) beside the web server and stops with it.
	@$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

test: install translations lint
	$(BIN)/pytest

bench: install translations
	$(PY) bench/step_pages.py
	$(PY) bench/record_pdf.py
	$(PY) bench/room_load.py
	$(PY) bench/casebook_search.py

# Re-extract the translatable strings (needs GNU gettext, for developers only).
messages: install
	$(PY) manage.py makemessages -l nl -l en --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --no-obsolete

clean:
	rm -rf $(VENV) staticfiles test-artifacts
