"""Default settings; every key can be overridden by an environment variable ``TIMELINE_<KEY>``."""

#: Database URL (peewee ``db_url``): ``sqlite:///path.sqlite3`` or ``postgresql://user@host/db``.
#: Empty means a SQLite file in the instance folder.
DATABASE_URL = ""
#: /readyz says not ready (503) when the SQLite file's disk has less free space than this.
READY_MIN_FREE_BYTES = 8 * 1024 * 1024
#: Seconds a SQLite writer waits for a lock before giving up.
SQLITE_BUSY_TIMEOUT = 10
#: Largest request body accepted, in bytes (larger: 413).
MAX_CONTENT_LENGTH = 2 * 1024 * 1024
#: Largest article text accepted, in characters (longer: 422).
MAX_ARTICLE_CHARS = 500_000
#: Most articles in one batch (POST /api/v1/articles with a JSON array or NDJSON; more: 413).
#: The whole body is under MAX_CONTENT_LENGTH too.
MAX_BATCH_ARTICLES = 100
#: Page size of list endpoints when ``limit`` is not given, and the largest allowed.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
#: Events each worker keeps rendered as JSON (about 1 kB each), reused until the event changes.
#: 0 turns the cache off.
EVENT_CACHE_SIZE = 20_000
#: Seconds a worker answers conditional GETs from the data version it last read: another
#: process's write shows in ETags and 304s within this time (this process's own at once).
#: 0 reads the version for every request.
DATA_VERSION_TTL = 1.0
#: Most events an iCalendar or TimelineJS export may hold (NDJSON and CSV stream any number).
MAX_EXPORT_EVENTS = 10_000
#: Exports streaming at once from one client, and in one worker process (0: half its threads);
#: more get 429 with Retry-After, so exports never hold every thread.
EXPORTS_PER_CLIENT = 2
EXPORTS_PER_WORKER = 0
#: Origins allowed to call the API from a browser (CORS): "*" or a comma-separated list.
CORS_ORIGINS = "*"
#: Load the language model on a thread when the app is built, /readyz 503 until done (the
#: workers of ``timeline serve`` set it); then touch ``WARM_DIR``/<pid> when WARM_DIR is set.
WARM_UP = False
WARM_DIR = ""
#: The job queue's broker (``timeline worker``, ``timeline ingest --queue``, ``Prefer:
#: respond-async``): ``amqp://guest:guest@127.0.0.1:5672/`` (RabbitMQ) or
#: ``redis://127.0.0.1:6379/0``. Empty: no queue, every write is done in the request.
BROKER_URL = ""
#: The broker's queue of articles (workers consume it; instances sharing a broker and a
#: database share it).
QUEUE_NAME = "articles"
#: Tries of a queued article before its job fails (a worker killed during it counts as one).
QUEUE_MAX_TRIES = 3
#: Redis broker: seconds without a heartbeat before a worker is taken for dead and its
#: unacknowledged articles are given to another (RabbitMQ does so when the connection drops).
QUEUE_REDELIVER_SECONDS = 30
#: Address and port ``timeline serve`` binds to, and its number of worker processes.
HOST = "127.0.0.1"
PORT = 8000
WORKERS = 2
#: Threads per worker (gunicorn gthread): concurrent requests per process, kept-alive
#: connections, and long streamed exports that are not cut by the worker timeout.
THREADS = 4
#: The WSGI server of ``timeline serve``: granian (its event loop reads requests and holds idle
#: connections; slow clients cost no thread) or gunicorn (gthread: a thread per connection).
SERVER = "granian"
#: Connections one worker holds at once (granian's backpressure; lowered to fit the open-file
#: limit); more wait in the listen backlog. A connection that sends no complete request head
#: within 5 s of being accepted is closed (service/edge/server.py).
MAX_CONNECTIONS = 256
#: ``timeline serve`` refuses a port already in use; true lets several servers share it on
#: purpose (port reuse, e.g. to replace one server with another without a gap).
SHARE_PORT = False
#: Bearer tokens allowed to write: a JSON list or comma-separated, each at least 16 characters.
#: None configured: writes are accepted only while bound to a loopback ``HOST``, else refused.
API_TOKENS: list[str] = []
#: Rate limit per client address (the limits library): reads (GET/HEAD/OPTIONS) and writes counted
#: apart; 429 with Retry-After above. Storage ``memory://`` counts per worker process; use
#: ``redis://127.0.0.1:6379`` to share the counts between workers.
RATELIMIT_ENABLED = True
RATELIMIT_STORAGE_URL = "memory://"
RATELIMIT_READS = "1200/minute"
RATELIMIT_WRITES = "120/minute"
#: Longest query string accepted, in bytes (longer: 414).
MAX_QUERY_STRING = 2048
#: Longest URL (path and query string) accepted, in bytes, checked before anything else (414).
MAX_URL_BYTES = 8192
#: Largest body of POST /annotate, in bytes (larger: 413), and its rate per client (429 above).
MAX_ANNOTATE_BYTES = 64 * 1024
RATELIMIT_ANNOTATE = "30/minute"
#: Seconds of CPU one annotation may take (ordinary text at the 64 KiB cap: about 0.2 s); over
#: it, 422. Article extraction has its own budget, linear in the text (service/write/bounds.py).
ANNOTATE_CPU_SECONDS = 1.0
#: Host names the server answers to besides loopback ones: a JSON list or comma-separated.
#: Set: any other ``Host`` gets 421. Unset: only loopback names while writes need no token.
ALLOWED_HOSTS: list[str] = []
#: The public base URL (e.g. https://timeline.example.org) of next-page links; unset, links
#: are absolute only for a loopback or allowed ``Host``, else relative (the request's Host is
#: never echoed).
PUBLIC_URL = ""
#: Logs are JSON lines on stderr (false: leave logging as the host configured it), at this level.
LOG_JSON = True
LOG_LEVEL = "INFO"
#: The server fetches from the web (POST /feeds and ``timeline watch``) only when true; the
#: CLI's ``ingest`` fetches the URLs its user names whatever this says.
FETCH = False
#: Seconds to connect and between bytes of a fetch (the whole fetch: three times this), and
#: the largest response read, in bytes.
FETCH_TIMEOUT = 10.0
FETCH_MAX_BYTES = 5 * 1024 * 1024
#: Host names fetched even though they resolve to private, loopback or link-local addresses
#: (an intranet's news site): a JSON list or comma-separated. Every other such address is refused.
FETCH_ALLOW_HOSTS: list[str] = []
#: The User-Agent of fetches (empty: the service's own, which says what it is).
FETCH_USER_AGENT = ""
#: Seconds between two polls of a feed, and the longest back-off after errors in a row.
FEED_INTERVAL = 900
FEED_MAX_BACKOFF = 86_400

API_TITLE = "Event timeline"
API_VERSION = "v1"
OPENAPI_VERSION = "3.0.3"
OPENAPI_URL_PREFIX = "/api/v1"
OPENAPI_JSON_PATH = "openapi.json"
JSON_SORT_KEYS = False
