"""Read articles from files: plain text, JSON, JSON Lines, TimeML (.tml) and seed metadata."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Record = tuple[str, dict[str, Any] | None, str | None]  # (label, raw article, error)


def read_files(paths: list[Path], published_at: dt.date | None = None) -> Iterator[Record]:
    """Yield one record per article found in ``paths``; unreadable input yields an error."""
    for path in paths:
        try:
            yield from _read(path, published_at)
        except (OSError, UnicodeDecodeError, ValueError, ET.ParseError) as exc:
            yield str(path), None, f"unreadable: {exc}"


def _read(path: Path, published_at: dt.date | None) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield from _json_record(f"{path}:{n}", line)
    elif suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else [data]
        for n, item in enumerate(items, 1):
            label = str(path) if len(items) == 1 else f"{path}[{n}]"
            yield label, _with_text_file(item, path.parent), None
    elif suffix == ".tml":
        yield str(path), read_timeml(path), None
    else:
        record = {"text": path.read_text(encoding="utf-8"), "title": path.stem}
        if published_at:
            record["published_at"] = published_at.isoformat()
        yield str(path), record, None


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
    return {
        "text": "".join(text_el.itertext()),
        "published_at": dct[:10],
        "title": path.stem,
        "source": "TimeML",
    }
