"""Where bundled data lives: inside the installed package first, then the source checkout.

A wheel carries sample_articles/ (and themes) inside the package via hatchling's
force-include; an editable install or a plain checkout has them at the top level instead.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def bundled_dir(name: str, *, packaged_as: str | None = None) -> Path | None:
    """The folder `name` shipped with Parallax, or None if neither location has it."""
    for candidate in (_PACKAGE / (packaged_as or name), _CHECKOUT / name):
        if candidate.is_dir():
            return candidate
    return None


def sample_articles() -> list[Path]:
    folder = bundled_dir("sample_articles")
    if folder is None:
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in {".txt", ".md"})
