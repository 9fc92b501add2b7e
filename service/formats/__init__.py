"""Export formats for events: pure functions from event dicts to lines, bytes or dicts.

Nothing here imports Flask or the database. Each module takes the event dicts the API
serialises (see ``schemas.event.EventSchema``) and returns something a view can stream or send:

- ``ndjson.ndjson_lines(events)`` and ``csv.csv_lines(events)`` yield ``str`` lines lazily, and
  ``ndjson_chunks(batches)`` (UTF-8 bytes) and ``csv_chunks(batches)`` one chunk per batch;
- ``ical.to_ical(events, calendar_name)`` returns iCalendar ``bytes``;
- ``timelinejs.to_timelinejs(events, title)`` returns the TimelineJS3 JSON shape;
- ``histogram.histogram(rows, bucket)`` counts ``(start, end, precision)`` rows per bucket;
- ``negotiate.choose_format(accept, format_param, allowed)`` picks one of ``FORMATS``.
"""
