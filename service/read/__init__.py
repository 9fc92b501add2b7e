"""The read side: stored events out, as the API and the exports show them.

``queries`` pages and filters events (keyset cursors, windows, actors, full text);
``cache`` keeps each event's rendered JSON per worker; ``rendering`` puts a page's JSON text
together from those parts; ``json_sql`` builds the same objects inside SQLite for exports;
``histogram`` counts events per period. It imports storage and the pure leaf modules only:
never the write side, extraction or Flask's request.
"""
