"""The `parallax` console command, kept tiny so that ctrl+c while Parallax is still importing
ends quietly with status 130 instead of a KeyboardInterrupt traceback."""

import sys


def run() -> None:
    try:
        from .__main__ import run as run_parallax
    except KeyboardInterrupt:
        sys.exit(130)
    run_parallax()
