"""What the read side and the write side refuse, in their own words: no HTTP here.

``service/errors.py`` maps each to the API's one problem+json shape (an ``Invalid`` is a 422
naming its fields; a ``Gone`` a 404). A leaf: it imports nothing (``tests/test_layers.py``)."""

from __future__ import annotations


class Invalid(Exception):
    """A request the domain cannot carry out as asked: ``detail`` says why, ``errors`` maps
    each field at fault to its messages (the same shape as a schema's validation errors)."""

    def __init__(self, detail: str, errors: dict | None = None) -> None:
        super().__init__(detail)
        self.detail, self.errors = detail, errors


class Unreadable(Exception):
    """An article whose reading failed: a fault of the extractors on this text (it fails the same
    way each time). The article is refused, nothing of it stored, and the other articles of a
    run or a batch go on; ``detail`` says why (the traceback goes to the log, not the client)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail
