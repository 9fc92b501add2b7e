"""The expression index behind date-window filters, and its expression as the reads spell it.

Window filters without a full scan. An event's known interval is [lo, hi] with lo = its
sort_date (start, else end) and hi = its end, else start. Events are put in classes by the
length of that interval (0 = one day ... 7 = longer than ten years, or undated); in class c no
interval is longer than SPAN_DAYS[c], so an event overlapping [from, to] has its sort_date in
[from - SPAN_DAYS[c], to]: one range of the index (span class, sort_date, precision, id) each.
"""

from __future__ import annotations

from . import search
from .connection import database
from .order import precision_rank, timeline_key_sql

SPAN_DAYS = (0, 1, 7, 31, 92, 366, 3660)
_SPAN = {
    "sqlite": "(julianday(COALESCE(date_end, date_start))"
    " - julianday(COALESCE(date_start, date_end)))",
    "postgresql": "(COALESCE(date_end, date_start) - COALESCE(date_start, date_end))",
}


def span_class_sql(backend: str) -> str:
    """The span-class expression, spelt exactly as the expression index is (no parameters)."""
    span = _SPAN[backend]
    cases = " ".join(f"WHEN {span} <= {days} THEN {c}" for c, days in enumerate(SPAN_DAYS))
    return f"(CASE {cases} ELSE {len(SPAN_DAYS)} END)"


def create_indexes(added: list[tuple[str, str]] = ()) -> None:
    """The expression index behind window filters, and the actor links in timeline order with
    the triggers that keep their keys (idempotent). ``added``: the columns just added to an
    existing database (the links' keys are then filled in)."""
    backend = "postgresql" if search.is_postgres() else "sqlite"
    for statement in PAGE_INDEXES[backend]:
        database.execute_sql(statement)
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS event_span_class_sort ON event "
        f"({span_class_sql(backend)}, sort_date, precision_rank, id)"
    )
    for statement in LINK_KEYS[backend]:
        database.execute_sql(statement)
    if ("event_actor", "timeline_key") in added:
        database.execute_sql(FILL_LINK_KEYS.format(key=timeline_key_sql(backend, "e.")))
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS event_actor_actor_timeline ON event_actor "
        "(actor_id, timeline_key)"
    )
    # Wire copies of a sentence (service.write.copies), the digest's days by weight and each
    # day's events by standing.
    database.execute_sql("CREATE INDEX IF NOT EXISTS mention_fingerprint ON mention (fingerprint)")
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS event_day_weight ON event (precision_rank, sort_date, weight)"
    )
    # (with the id, the order a date's events are shown in: a backward walk stops at its first
    # matches instead of sorting the date's hundreds of events; PostgreSQL 20 -> 0.4 ms)
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS event_day_standing_id ON event "
        "(precision_rank, sort_date, standing, id)"
    )
    database.execute_sql("DROP INDEX IF EXISTS event_day_standing")
    # The digest's dates read from the heaviest down (the unfiltered digest's first rows; the
    # walk of a filtered one, service.read.daywalk).
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS day_weight_heaviest ON day_weight "
        "(key_rank, total DESC, sort_date)"
    )
    # The unfiltered digest's burst days: articles counted by publication day from the index
    # alone (an article's row holds its text).
    database.execute_sql("CREATE INDEX IF NOT EXISTS article_published ON article (published_at)")
    # The filtered digest's dates of some types, summed from the index alone.
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS event_type_day_weight ON event "
        "(type, precision_rank, sort_date, weight)"
    )
    # A salience floor's matches (/events?min_salience=): a rare floor's events listed here,
    # then fetched by id and sorted (a common floor walks the order index instead).
    database.execute_sql("CREATE INDEX IF NOT EXISTS event_salience ON event (salience, id)")
    # An actor's or a word's matches summed without reading their rows (found by id).
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS event_id_day_weight ON event "
        "(id, precision_rank, sort_date, weight)"
    )
    for statement in DAY_WEIGHTS[backend]:
        database.execute_sql(statement)
    database.execute_sql(FILL_DAY_WEIGHTS)


# A page of events in timeline order (all, or of one type) read from its index alone: the order
# (sort_date, precision_rank, id) and the page's one other column, updated_at (queries.
# PAGE_COLUMNS), so no row of the table is read (PostgreSQL: an index-only scan, 4 buffers for
# a page of 51 instead of 52, backend CPU per list request 0.17 -> 0.12 ms). They replace
# peewee's indexes of the same keys without updated_at (made by the model before).
PAGE_INDEXES = {
    backend: [
        f"CREATE INDEX IF NOT EXISTS event_page ON event (sort_date, precision_rank, id{tail}",
        "CREATE INDEX IF NOT EXISTS event_type_page ON event "
        f"(type, sort_date, precision_rank, id{tail}",
        "DROP INDEX IF EXISTS event_sort_date_precision_rank_id",
        "DROP INDEX IF EXISTS event_type_sort_date_precision_rank_id",
    ]
    for backend, tail in (("sqlite", ", updated_at)"), ("postgresql", ") INCLUDE (updated_at)"))
}


# Each link carries its event's timeline key: set when the link is made or moved to another
# event (a merge), and again whenever the event's date keys change.
_LINK_KEY = "(SELECT {key} FROM event AS e WHERE e.id = {link}event_id)"
FILL_LINK_KEYS = "UPDATE event_actor SET timeline_key = " + _LINK_KEY.format(
    key="{key}", link="event_actor."
)
_SQLITE_SET = (
    "UPDATE event_actor SET timeline_key = "
    + _LINK_KEY.format(key=timeline_key_sql("sqlite", "e."), link="new.")
    + " WHERE id = new.id;"
)
LINK_KEYS = {
    "sqlite": [
        "CREATE TRIGGER IF NOT EXISTS event_actor_key_insert AFTER INSERT ON event_actor "
        f"BEGIN {_SQLITE_SET} END",
        "CREATE TRIGGER IF NOT EXISTS event_actor_key_move AFTER UPDATE OF event_id "
        f"ON event_actor BEGIN {_SQLITE_SET} END",
        "CREATE TRIGGER IF NOT EXISTS event_key_links AFTER UPDATE OF sort_date, precision_rank "
        "ON event BEGIN UPDATE event_actor SET "
        f"timeline_key = {timeline_key_sql('sqlite', 'new.')} WHERE event_id = new.id; END",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION event_actor_key() RETURNS trigger AS $$ BEGIN "
        "NEW.timeline_key := "
        + _LINK_KEY.format(key=timeline_key_sql("postgresql", "e."), link="NEW.")
        + "; RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE OR REPLACE TRIGGER event_actor_key BEFORE INSERT OR UPDATE OF event_id "
        "ON event_actor FOR EACH ROW EXECUTE FUNCTION event_actor_key()",
        "CREATE OR REPLACE FUNCTION event_key_links() RETURNS trigger AS $$ BEGIN "
        "UPDATE event_actor SET "
        f"timeline_key = {timeline_key_sql('postgresql', 'NEW.')} WHERE event_id = NEW.id; "
        "RETURN NULL; END $$ LANGUAGE plpgsql",
        "CREATE OR REPLACE TRIGGER event_key_links AFTER UPDATE OF sort_date, precision_rank "
        "ON event FOR EACH ROW EXECUTE FUNCTION event_key_links()",
    ],
}


# Each date's summed weight (models.DayWeight), kept as events are weighed, moved or deleted:
# an event's old weight leaves its old date, its new weight joins its new date. An event not yet
# weighed counts with weight 0, as the filtered digest's SUM reads it: every dated event's date
# has its row, so the two paths find the same dates.
_DAY = precision_rank("day")
_KEY = f"CASE WHEN {{e}}.precision_rank <= {_DAY} THEN {_DAY} ELSE {{e}}.precision_rank END"
_ADD = (
    "INSERT INTO day_weight (key_rank, sort_date, total, events) "
    f"SELECT {_KEY}, {{e}}.sort_date, COALESCE({{e}}.weight, 0), 1 "
    "WHERE {e}.sort_date IS NOT NULL "
    "ON CONFLICT (key_rank, sort_date) DO UPDATE SET "
    "total = day_weight.total + excluded.total, events = day_weight.events + 1;"
)
_TAKE = (
    "UPDATE day_weight SET total = total - COALESCE({e}.weight, 0), events = events - 1 "
    f"WHERE key_rank = {_KEY} AND sort_date = {{e}}.sort_date; "
    f"DELETE FROM day_weight WHERE key_rank = {_KEY} AND sort_date = {{e}}.sort_date "
    "AND events <= 0;"
)
DAY_WEIGHTS = {
    "sqlite": [
        "CREATE TRIGGER IF NOT EXISTS day_weight_insert AFTER INSERT ON event "
        f"BEGIN {_ADD.format(e='new')} END",
        "CREATE TRIGGER IF NOT EXISTS day_weight_update "
        "AFTER UPDATE OF weight, sort_date, precision_rank ON event "
        f"BEGIN {_TAKE.format(e='old')} {_ADD.format(e='new')} END",
        "CREATE TRIGGER IF NOT EXISTS day_weight_delete AFTER DELETE ON event "
        f"BEGIN {_TAKE.format(e='old')} END",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION day_weight_keep() RETURNS trigger AS $$ BEGIN "
        f"IF TG_OP <> 'INSERT' THEN {_TAKE.format(e='OLD')} END IF; "
        f"IF TG_OP <> 'DELETE' THEN {_ADD.format(e='NEW')} END IF; "
        "RETURN NULL; END $$ LANGUAGE plpgsql",
        "CREATE OR REPLACE TRIGGER day_weight_keep "
        "AFTER INSERT OR DELETE OR UPDATE OF weight, sort_date, precision_rank "
        "ON event FOR EACH ROW EXECUTE FUNCTION day_weight_keep()",
    ],
}
# A database weighed before the table existed: filled once (an empty table with weighed events
# can only be new, as the triggers keep a row for every weighed event's date).
FILL_DAY_WEIGHTS = (
    "INSERT INTO day_weight (key_rank, sort_date, total, events) "
    f"SELECT {_KEY.format(e='event')}, sort_date, COALESCE(SUM(weight), 0), COUNT(*) FROM event "
    "WHERE sort_date IS NOT NULL "
    f"AND NOT EXISTS (SELECT 1 FROM day_weight) GROUP BY {_KEY.format(e='event')}, sort_date"
)
