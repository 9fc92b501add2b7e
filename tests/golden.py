"""Golden timelines: run each scenario in fixtures/articles/ through the whole service and
compare with fixtures/expected/. ``python -m tests.golden --write`` (``make golden``) rewrites
the expected files from the code; review the diff, never edit them by hand.
``python -m tests.golden`` (or ``--check``) writes nothing: it prints a unified diff of each
expected file the code would change and exits 1 if there is one."""

from __future__ import annotations

import difflib
import json
import sys
import tempfile
from pathlib import Path

from service import create_app
from service.storage.schema import create_tables
from service.write.sources import read_files

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
EXPECTED = ROOT / "fixtures" / "expected"
#: Folders of articles scored by a benchmark rather than goldened: t17 (30 real articles), kinds
#: and kinds2 (24 and 16 written across kinds of news), wire, wire2, wire3, wire4, wire5, wire6
#: and wire7 (16 real TimeBank reports each), t17b, t17c and t17d (16 more real articles each), the
#: development sets of bench/realnews.py.
NOT_SCENARIOS = frozenset(
    {
        "t17",
        "t17b",
        "t17c",
        "t17d",
        "kinds",
        "kinds2",
        "wire",
        "wire2",
        "wire3",
        "wire4",
        "wire5",
        "wire6",
        "wire7",
    }
)


def scenarios() -> list[str]:
    names = (p.relative_to(ARTICLES) for p in ARTICLES.rglob("*.json"))
    return sorted(str(n.with_suffix("")) for n in names if n.parts[0] not in NOT_SCENARIOS)


def timeline(name: str, database_url: str | None = None) -> dict:
    """The scenario's articles posted in order, then its timeline without volatile fields."""
    with tempfile.TemporaryDirectory() as tmp:
        url = database_url or f"sqlite:///{tmp}/golden.sqlite3"
        app = create_app({"TESTING": True, "DATABASE_URL": url})
        create_tables()
        client = app.test_client()
        article_ids = []
        for label, raw, error in read_files([ARTICLES / f"{name}.json"]):
            assert error is None, f"{label}: {error}"
            response = client.post("/api/v1/articles", json=raw)
            assert response.status_code == 201, response.get_json()
            article_ids.append(response.get_json()["id"])
        body = client.get("/api/v1/timeline?limit=500").get_json()
    number = {aid: n for n, aid in enumerate(article_ids)}
    return {
        "timeline": [_stable(e, number) for e in body["data"]],
        "undated": [_stable(e, number) for e in body["undated"]],
    }


def _stable(event: dict, number: dict[int, int]) -> dict:
    return {
        "title": event["title"],
        "type": event["type"],
        "cameo": event["cameo"],
        "status": event["status"],
        "date": event["date"],
        "actors": [a["id"] for a in event["actors"]],
        "sources": [
            [number[m["article_id"]], m["start"], m["end"], m["sentence"][:60]]
            for m in event["mentions"]
        ],
    }


def expected(name: str) -> dict:
    return json.loads((EXPECTED / f"{name}.json").read_text())


def render(name: str) -> str:
    """The text ``--write`` would put in the scenario's expected file."""
    return json.dumps(timeline(name), indent=2, ensure_ascii=False) + "\n"


def write(name: str) -> None:
    path = EXPECTED / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(name))


def diff(name: str) -> str:
    """Unified diff from the scenario's expected file to what the code gives now ('' if equal)."""
    label = f"fixtures/expected/{name}.json"
    path = EXPECTED / f"{name}.json"
    old = path.read_text().splitlines(keepends=True) if path.exists() else []
    new = render(name).splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, f"a/{label}", f"b/{label}"))


def check(names: list[str]) -> int:
    """Print the diff of every scenario whose expected file would change; 1 if any, else 0."""
    changed = 0
    for name in names:
        text = diff(name)
        if text:
            changed += 1
            sys.stdout.write(text)
    print(f"{changed} of {len(names)} expected files differ", file=sys.stderr)
    return 1 if changed else 0


USAGE = "usage: python -m tests.golden [--check | --write]"


def main(argv: list[str]) -> int:
    if argv in ([], ["--check"]):
        return check(scenarios())
    if argv == ["--write"]:
        for scenario in scenarios():
            write(scenario)
            print(f"wrote fixtures/expected/{scenario}.json")
        return 0
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
