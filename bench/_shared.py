"""Where ``../shared`` is: the team's corpora and evaluators (data/timebank, data/t17-dev, eval/),
kept beside the main checkout, never in it.

From the main checkout (``/work/main``) that is ``/work/shared``; from a git worktree of it
(``/work/wt/NAME``, whose ``.git`` is a file pointing into the main checkout's ``.git``) it is the
same folder, found through the main checkout rather than beside the worktree.
``TIMELINE_SHARED_DIR`` overrides both (a copy elsewhere, a CI cache).
"""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable that names the shared folder explicitly.
ENV = "TIMELINE_SHARED_DIR"
ROOT = Path(__file__).resolve().parent.parent


def main_checkout(root: Path = ROOT) -> Path:
    """The checkout ``root`` belongs to: ``root`` itself, or for a git worktree the main
    checkout its ``.git`` file points into (``gitdir:``, then that folder's ``commondir``)."""
    dot_git = root / ".git"
    if not dot_git.is_file():
        return root
    text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
    if not text.startswith("gitdir:"):
        return root
    gitdir = (root / text.removeprefix("gitdir:").strip()).resolve()
    common = gitdir / "commondir"
    if common.is_file():
        gitdir = (gitdir / common.read_text(encoding="utf-8").strip()).resolve()
    return gitdir.parent


def shared_dir(root: Path = ROOT) -> Path:
    """The shared folder: ``$TIMELINE_SHARED_DIR``, else ``shared`` beside the main checkout."""
    named = os.environ.get(ENV, "").strip()
    if named:
        return Path(named).expanduser()
    return main_checkout(root).parent / "shared"


def timebank(root: Path = ROOT) -> Path:
    """The TimeBank development corpus (``../shared/data/timebank``)."""
    return shared_dir(root) / "data" / "timebank"
