"""The write side: articles in, events stored.

``sources`` reads files and records; ``language`` refuses what is not English; ``pipeline``
runs an article through extraction (``service.events``, ``service.temporal``) and stores it in
one transaction; ``bulk`` does the same for many files on every core; ``curation`` applies a
person's edits and merges to stored events. It imports storage and the pure packages, never
the read side's rendering nor anything of the HTTP edge.
"""
