"""The read side: stored events out, as the API and the exports show them.

``queries`` pages and filters events (windows, actors, full text) in timeline order;
``keyset`` holds the cursors and "the rows after this key" every list uses; ``lists`` builds
the actors, articles and changes lists; ``digest`` picks a story's key dates by the stored
weights; ``cache`` keeps each event's rendered JSON per worker; ``rendering`` puts a page's
JSON text together from those parts; ``json_sql`` builds the same objects inside SQLite for
exports; ``histogram`` counts events per period. The shapes themselves are built in
``service.shapes``. It imports storage and the leaf modules only: never the write side,
extraction or Flask (``tests/test_layers.py``).
"""
