"""The write side: articles in, events stored.

``sources`` reads files and records; ``inputs`` adds folders, web pages (``pages``), feeds
(``feeds``), web archives (``warc``) and URLs, fetched safely by ``fetch``; ``polling`` keeps
the feed subscriptions and polls them; ``language`` refuses what is not English; ``pipeline``
runs an article through extraction (``service.events``, ``service.temporal``) and stores it in
one transaction, joining wire copies (``copies``) and reweighing events (``importance``);
``bulk`` does the same for many files on every core; ``warm`` loads the model before the first
write; ``curation`` applies a person's edits and merges to stored events. It imports storage,
the pure packages and the leaves, never the read side, Flask or the HTTP edge
(``tests/test_layers.py``).
"""
