"""Reading: the checks that refuse a path before a byte of it is interpreted.

A path may name nothing, a folder, a device, a locked file or a 20 MB dump. Each is refused with
one line that names the file, and an oversized file is refused from its size alone, before it
is read, so the worst accepted input still loads in a few seconds.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import LoadError
from .clean import CONTROL_RE

# A long-form feature is ~100 KB and "War and Peace" ~3 MB; anything beyond this is not an article
# and would only make the reader slow. Refused at once from the file size, before reading, so
# the worst case (millions of one-word paragraphs) still loads in a few seconds.
MAX_BYTES = 2 * 1024 * 1024


def read_bytes(path: str | bytes | os.PathLike[str], name: str) -> bytes:
    """The file's bytes (at most MAX_BYTES + 1). Never writes; refuses non-files early."""
    p = Path(os.fsdecode(path))
    try:
        st = p.stat()
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except (OSError, ValueError) as exc:
        raise LoadError(f"{name}: cannot read ({_reason(exc)})") from None
    if stat.S_ISDIR(st.st_mode):
        raise LoadError(f"{name}: is a directory, not an article file")
    if not stat.S_ISREG(st.st_mode):
        raise LoadError(f"{name}: not a regular file")
    if st.st_size > MAX_BYTES:
        raise LoadError(f"{name}: {too_large(st.st_size)}")
    try:
        with p.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except OSError as exc:
        raise LoadError(f"{name}: cannot read ({_reason(exc)})") from None


def display_name(path: str) -> str:
    """The path as the user gave it, safe to print on one line."""
    return CONTROL_RE.sub("?", path) or "<text>"


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return CONTROL_RE.sub(" ", text).strip()


def too_large(size: int) -> str:
    """The refusal for an oversized input, in MB so a user sees how far over the limit it is."""
    return (
        f"too large for an article ({size / 1024 / 1024:.1f} MB; "
        f"the limit is {MAX_BYTES // 1024 // 1024} MB)"
    )
