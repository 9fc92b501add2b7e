"""The plain-text tables the scoring benchmarks print (bench/events.py, factuality.py,
realnews.py): one line a figure, labels padded to the longest, then per-group breakdowns
indented under them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Rows = Sequence[tuple[str, str]]


def width(rows: Rows) -> int:
    """The longest label of ``rows`` ((label, key) pairs)."""
    return max(len(label) for label, _ in rows)


def figure_lines(rows: Rows, result: Mapping) -> list[str]:
    """A line per row: its label, then ``result[key]`` to three decimals."""
    pad = width(rows)
    return [f"{label:<{pad}}  {result[key]:8.3f}" for label, key in rows]


def group_lines(rows: Rows, groups: Mapping, columns: Sequence[str], total: str) -> list[str]:
    """A line per group (indented, aligned under ``rows``): its ``columns`` to three decimals,
    then "of" its ``total``."""
    pad = width(rows) - 2
    return [
        f"  {name or '(none)':<{pad}}  "
        + "  ".join(f"{row[column]:8.3f}" for column in columns)
        + f"  of {row[total]}"
        for name, row in groups.items()
    ]
