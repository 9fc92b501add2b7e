"""Read articles from files: plain text, JSON, JSON Lines, TimeML (.tml) and seed metadata."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

Record = tuple[str, dict[str, Any] | None, str | None]  # (label, raw article, error)


NO_DATE = (
    "a plain-text file carries no publication date: pass --published-at YYYY-MM-DD "
    "(relative dates such as 'on Monday' are resolved against it)"
)


def read_files(
    paths: list[Path],
    published_at: dt.date | None = None,
    warn: Callable[[str], None] = lambda message: None,
) -> Iterator[Record]:
    """Yield one record per article found in ``paths``; unreadable input yields an error, and
    a file with no article at all is reported to ``warn``."""
    for path in paths:
        found = 0
        try:
            for record in _read(path, published_at):
                found += 1
                yield record
        except (OSError, UnicodeDecodeError, ValueError, ET.ParseError) as exc:
            found += 1
            yield str(path), None, f"unreadable: {exc}"
        if not found:
            warn(f"{path}: empty, no article in it")


def _read(path: Path, published_at: dt.date | None) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield from _json_record(f"{path}:{n}", line)
    elif suffix == ".json":
        raw = path.read_text(encoding="utf-8")
        if not raw.strip():
            return  # empty: the caller warns
        data = json.loads(raw)
        items = data if isinstance(data, list) else [data]
        for n, item in enumerate(items, 1):
            label = str(path) if len(items) == 1 else f"{path}[{n}]"
            yield label, _with_text_file(item, path.parent), None
    elif suffix == ".tml":
        yield str(path), read_timeml(path), None
    else:
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            return  # empty: the caller warns
        if not published_at:
            yield str(path), None, NO_DATE
            return
        yield (
            str(path),
            {"text": text, "title": path.stem, "published_at": published_at.isoformat()},
            None,
        )


def _json_record(label: str, line: str) -> Iterator[Record]:
    try:
        yield label, json.loads(line), None
    except ValueError as exc:
        yield label, None, f"invalid JSON: {exc}"


def _with_text_file(item: Any, folder: Path) -> Any:
    """Seed metadata names its text in ``text_file`` beside it; inline ``text`` also works."""
    if isinstance(item, dict) and "text_file" in item and "text" not in item:
        item = dict(item)
        item["text"] = (folder / item.pop("text_file")).read_text(encoding="utf-8")
        item.pop("note", None)
    return item


def read_timeml(path: Path) -> dict[str, Any]:
    """A TimeML document: the text of <TEXT> (tags removed) and its creation date."""
    root = ET.fromstring(path.read_bytes())
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError("no <TEXT> element")
    dct = next(
        (
            t.get("value")
            for t in root.iter("TIMEX3")
            if t.get("functionInDocument") == "CREATION_TIME"
        ),
        None,
    )
    if not dct:
        raise ValueError("no document creation time")
    title_el = root.find("TITLE")
    title = " ".join("".join(title_el.itertext()).split()) if title_el is not None else ""
    return {
        "text": "".join(text_el.itertext()),
        "published_at": dct[:10],
        "title": title or path.stem,
        "source": "TimeML",
    }
