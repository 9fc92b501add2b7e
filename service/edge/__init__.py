"""The HTTP edge: everything between a socket and a view.

``server`` starts granian (or gunicorn); ``front`` buffers each request on the event loop and
answers what it can before the app runs, asking ``guard`` (token, size limits) and
``notmodified`` (repeated 304s); ``limits`` and ``security`` refuse what is over a rate or not
allowed; ``logs``, ``metrics`` and ``extensions`` (CORS, compression) wrap every request. Nothing
here knows what an event is: it imports only ``errors``, ``config`` and the storage's data version.
"""
