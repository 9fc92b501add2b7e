"""Make a real-news fixture body (``fixtures/articles/wire*/``) from a TBAQ-cleaned TimeML file.

    python scripts/tbaq_article.py DOCID KIND SOURCE OUTDIR

The text inside ``<TEXT>`` with every TimeML tag removed and entities unescaped, whitespace
folded, paragraphs (blank lines in the source) kept as ``\\n\\n``; ``published_at`` is the date of
the creation time (the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"``); ``title`` and
``url`` are null. Written as ``OUTDIR/KIND-DOCID.json`` (dots of the DOCID as dashes). The wire
set's bodies were made by these rules; this script reproduces them byte for byte.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from _shared import timebank  # noqa: E402

DATA = timebank()


def body(raw: str) -> str:
    """The plain text of a TimeML document's ``<TEXT>``, paragraphs kept."""
    text = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    paragraphs = (re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def creation_date(raw: str) -> str:
    """The date (YYYY-MM-DD) of the document creation time."""
    tag = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw).group(0)
    return re.search(r'value="([^"]+)"', tag).group(1)[:10]


def article(docid: str, source: str) -> dict[str, str | None]:
    """The API body of one TBAQ document."""
    (path,) = DATA.glob(f"*/{docid}.tml")
    raw = path.read_text(encoding="utf-8")
    return {
        "title": None,
        "source": source,
        "url": None,
        "published_at": creation_date(raw),
        "text": body(raw),
    }


def main(argv: list[str]) -> None:
    docid, kind, source, outdir = argv
    out = Path(outdir) / f"{kind}-{docid.replace('.', '-')}.json"
    out.write_text(json.dumps(article(docid, source), indent=1, ensure_ascii=False) + "\n")
    print(out)


if __name__ == "__main__":
    main(sys.argv[1:])
