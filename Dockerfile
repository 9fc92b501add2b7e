# The service in production: slim Python, non-root, idempotent schema creation, then granian.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    TIMELINE_HOST=0.0.0.0 TIMELINE_PORT=8000 \
    TIMELINE_DATABASE_URL=sqlite:////data/timeline.sqlite3 \
    LOAD_SEEDS=1

WORKDIR /app
COPY setup.cfg pyproject.toml README.md ./
COPY service ./service
COPY schemas ./schemas
COPY seeds ./seeds
RUN pip install --no-cache-dir '.[postgres]' \
    && useradd --system --uid 10001 --home-dir /app timeline \
    && mkdir -p /data && chown timeline /data

USER timeline
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
    CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)" || exit 1
# First start: create the tables and load seeds/ (idempotent: a stored seed is skipped; set
# LOAD_SEEDS=0 to start empty). `serve` creates missing tables itself, then runs granian.
CMD ["sh", "-c", "if [ \"$LOAD_SEEDS\" = 1 ]; then timeline seed --dir /app/seeds; fi && exec timeline serve"]
