# Mentos: `make run` serves the embedded default; `make test` runs the whole suite.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export PIP_FIND_LINKS ?= /opt/wheels

.PHONY: run test venv migrate lint test-sqlite test-mariadb worker messages

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	touch $@

venv: $(BIN)/.installed

migrate: venv
	$(BIN)/python manage.py migrate --noinput

run: migrate
	$(BIN)/daphne -b $(HOST) -p $(PORT) mentos_site.asgi:application

worker: venv
	$(BIN)/celery -A mentos_site worker -Q inference -l info

lint: venv
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

# The whole suite: lint, then every test on SQLite, then every test on MariaDB.
test: lint
	$(BIN)/python -m pytest -q
	DATABASE_URL=$${MARIADB_URL:-mysql://root@127.0.0.1:3306/mentos} $(BIN)/python -m pytest -q
