"""The README's examples say what the seed really answers (issue 23, newcomer 10), and it says
what ``../shared`` is (newcomer 9)."""

from __future__ import annotations

import json
import re

from .conftest import ROOT

README = (ROOT / "README.md").read_text()


def _example_after(command: str) -> str:
    """The commented answer printed under ``command`` in the README."""
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if command in line)
    answer = []
    for line in lines[start + 1 :]:
        if not line.strip().startswith("#   "):
            break
        answer.append(line.strip().removeprefix("#").strip())
    return " ".join(answer)


def _numbers(text: str) -> dict[str, object]:
    """Every ``"name": value`` pair of a number or short string in ``text``."""
    return {name: json.loads(value) for name, value in re.findall(r'"(\w+)": ("[^"]*"|\d+)', text)}


def test_the_histogram_example_is_what_the_seed_answers(client, runner):
    assert runner.invoke(args=["seed"]).exit_code == 0
    answer = client.get("/api/v1/histogram?bucket=month").get_json()
    example = _example_after('curl -s "$B/histogram?bucket=month"')
    bucket, _, rest = example.partition('"imprecise"')
    first = answer["buckets"][0]
    assert _numbers(bucket) == {k: first[k] for k in ("key", "count", "overlapping")}
    assert _numbers(rest) == {
        "count": answer["imprecise"]["count"],
        **answer["imprecise"]["by_precision"],
        "open": answer["open"],
        "undated": answer["undated"],
    }


def test_the_readme_says_what_shared_is():
    uses = [m.start() for m in re.finditer(r"\.\./shared", README)]
    assert uses
    said = re.search(r"`\.\./shared`[^.]*(is|holds)[^.]*\.", README)
    assert said, "the README uses ../shared without saying what it is"
    assert said.start() <= uses[0] + 200


def test_every_date_basis_a_patch_can_give_is_documented(client, seeded):
    event = seeded["events"][0]
    body = {"date": {"value": "2023-11"}, "reason": "the text meant November"}
    basis = client.patch(f"/api/v1/events/{event['id']}", json=body).get_json()["date"]["basis"]
    row = next(line for line in README.splitlines() if line.startswith("| `basis` |"))
    assert f"`{basis}`" in row
    spec = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert basis in json.dumps(spec)
