"""Writing a report atomically: a reader of the target sees the old report or the new one.

Parallax never writes over one of the articles it compares, however the path is spelt, and a
pipe or a device is written through rather than replaced.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import ParallaxError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def check_output(path: str | os.PathLike[str], protect: Sequence[str] = ()) -> Path:
    """The file a report for `path` will really be written to, or a one-line ParallaxError.

    Called before a long comparison too, so a typo in -o fails at once. A symlink is followed
    (as a shell's `>` would), so the link survives and its target gets the report.
    """
    target = Path(path).expanduser()
    for p in protect:
        if _same_file(target, Path(p)) or target.resolve() == Path(p).resolve():
            raise ParallaxError(f"{target}: refusing to overwrite an input article")
    if target.is_dir():
        raise ParallaxError(f"{target}: is a directory")
    if target.is_symlink():
        real = Path(os.path.realpath(target))
        if real.is_file() and not str(real).startswith(("/proc/", "/dev/")):
            target = real
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ParallaxError(f"{target}: folder {folder} does not exist")
    return target


def _write_through(target: Path, text: str) -> None:
    try:
        # Non-blocking open: a pipe nobody reads from is an error, not a hang.
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        reason = "nothing is reading from it" if exc.errno == errno.ENXIO else exc.strerror
        raise ParallaxError(f"{target}: cannot write ({reason})") from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        raise ParallaxError(f"{target}: cannot write ({exc.strerror})") from None


def write_atomic(path: str | os.PathLike[str], text: str, protect: Sequence[str] = ()) -> Path:
    """Write `text` to `path` so that readers see the old file or the new one, never half.

    `protect` lists the input articles: an export must never overwrite what the user compares.
    """
    target = check_output(path, protect)
    if target.exists() and not target.is_file():
        # A named pipe or a device (-o /dev/stdout): there is nothing to replace atomically, and
        # replacing it with a regular file would break whatever the user connected to it.
        _write_through(target, text)
        return target
    folder = target.parent if str(target.parent) else Path(".")
    try:
        import tempfile  # only a run that writes a file pays for the import

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ParallaxError(f"{target}: cannot write ({exc.strerror})") from None
    try:
        # mkstemp makes the file private (0600); a report should get the user's usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ParallaxError(f"{target}: cannot write ({exc.strerror})") from None
    return target
