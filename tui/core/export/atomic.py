"""Writing a report atomically: a reader of the target sees the old report or the new one.

Parallax never writes over one of the articles it compares, however the path is spelt, and a
pipe or a device is written through rather than replaced.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import ParallaxError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return _resolved(a) == _resolved(b)


def _resolved(path: Path) -> Path:
    """`path.resolve()`, or the path itself when resolving fails (a loop, no permission)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def check_output(path: str | os.PathLike[str], protect: Sequence[str] = ()) -> Path:
    """The file a report for `path` will really be written to, or a one-line ParallaxError.

    Called before a long comparison too, so a typo in -o fails at once. A symlink is followed
    (as a shell's `>` would), so the link survives and its target gets the report. Every way a
    name can be unusable (empty, a folder that does not exist yet, a symlink loop, a folder
    the user cannot enter, a name too long for the file system) is named in one line.
    """
    raw = os.fspath(path)
    if not raw:
        raise ParallaxError("the output name is empty (-o needs a file name)")
    target = Path(raw).expanduser()
    if raw.endswith(("/", os.sep)) and not target.is_dir():
        raise ParallaxError(f"{raw}: folder does not exist (-o names a file, not a folder)")
    try:
        return _checked(target, protect)
    except RuntimeError:  # Path.resolve() on a symlink loop (Python 3.11)
        raise ParallaxError(f"{target}: symbolic link loop") from None
    except OSError as exc:
        raise ParallaxError(f"{target}: cannot write ({_why(exc)})") from None


def _checked(target: Path, protect: Sequence[str]) -> Path:
    for p in protect:
        if _same_file(target, Path(p)) or _resolved(target) == _resolved(Path(p)):
            raise ParallaxError(f"{target}: refusing to overwrite an input article")
    if target.is_symlink():
        real = Path(os.path.realpath(target, strict=True))
        if real.is_file() and not str(real).startswith(("/proc/", "/dev/")):
            target = real
    if target.is_dir():
        raise ParallaxError(f"{target}: is a directory")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ParallaxError(f"{target}: folder {folder} does not exist")
    if target.is_file() and not target.stat().st_mode & 0o222:
        # Replacing a file the user made read-only would defeat the point of making it so.
        raise ParallaxError(f"{target}: is read-only; not replacing it")
    return target


def _open(fd: int, text: str | bytes) -> IO[Any]:
    """A file object for `fd` that takes `text`: bytes (a report already encoded as UTF-8) as
    they are, text encoded as UTF-8 with its newlines as written."""
    if isinstance(text, bytes):
        return os.fdopen(fd, "wb")
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n")


def _write_through(target: Path, text: str | bytes) -> None:
    try:
        # Non-blocking open: a pipe nobody reads from is an error, not a hang.
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        reason = "nothing is reading from it" if exc.errno == errno.ENXIO else exc.strerror
        raise ParallaxError(f"{target}: cannot write ({reason})") from None
    try:
        os.set_blocking(fd, True)
        with _open(fd, text) as fh:
            fh.write(text)
    except OSError as exc:
        raise ParallaxError(f"{target}: cannot write ({exc.strerror})") from None


def write_atomic(
    path: str | os.PathLike[str], text: str | bytes, protect: Sequence[str] = ()
) -> Path:
    """Write `text` (or UTF-8 bytes) to `path` so that readers see the old file or the new
    one, never half.

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
        fd, tmp = _temporary(folder, target.name)
    except OSError as exc:
        raise ParallaxError(f"{target}: cannot write ({_why(exc)})") from None
    try:
        os.fchmod(fd, _mode_for(target))
        with _open(fd, text) as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        # Whatever stops the write (a full disk, ctrl+c, SIGTERM raised as an exception by the
        # CLI), the old report stays whole and no temporary file is left beside it.
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ParallaxError(f"{target}: cannot write ({_why(exc)})") from None
        raise
    return target


# What tempfile.mkstemp opens with: a new file only (never one a link points to), private.
_TEMP_FLAGS = (
    os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new private file `.NAME.XXXXXXXXXXXX.tmp` in `folder`, as `tempfile.mkstemp` makes
    one, without importing tempfile (with shutil and random, about 5 ms of every start)."""
    for _ in range(100):
        path = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(path, _TEMP_FLAGS, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name")


def _mode_for(target: Path) -> int:
    """An existing report keeps its mode; a new one gets the user's usual mode (mkstemp makes
    files private, 0600, which a report should not be)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
