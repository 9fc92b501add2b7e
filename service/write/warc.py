"""Web archives (WARC, as in Common Crawl's news crawl) -> the HTML pages they hold, read with
warcio. The archive's own dates are when pages were crawled, never their publication dates."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from .fetch import PAGE_TYPES


@dataclasses.dataclass(frozen=True)
class ArchivedPage:
    url: str
    html: bytes | None
    #: Why the record gives no page (a redirect, an error status, not HTML), else None.
    skipped: str | None = None


def read_warc(path: Path) -> Iterator[ArchivedPage]:
    """Each HTTP response in the archive (``.warc`` or ``.warc.gz``), as a page or a reason."""
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue  # request, metadata, warcinfo records: no page
            url = record.rec_headers.get_header("WARC-Target-URI") or "?"
            http = record.http_headers
            status = http.get_statuscode() if http else None
            kind = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
            if status != "200":
                yield ArchivedPage(url, None, f"archived response is HTTP {status}")
            elif kind not in PAGE_TYPES:
                yield ArchivedPage(url, None, f"not a web page ({kind or 'no content type'})")
            else:
                yield ArchivedPage(url, record.content_stream().read())
