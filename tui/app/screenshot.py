"""Regenerate docs/screenshot.svg: the samples at 140x45, cursor on an aligned passage.

    .venv/bin/python -m tui.app.screenshot [docs/screenshot.svg]

Kept as a module (not a hand-made image) so the picture in the README always shows what the
current engine and reader really do.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from tui.core.ingest import load_article
from tui.core.pipeline import compare
from tui.resources import sample_articles


async def render(target: Path, size: tuple[int, int] = (140, 45)) -> None:
    from .app import ParallaxApp

    app = ParallaxApp(compare([load_article(p) for p in sample_articles()]))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("n", "n")
        await pilot.pause()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(app.export_screenshot(title="Parallax"), encoding="utf-8")


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.svg")
    asyncio.run(render(target))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
