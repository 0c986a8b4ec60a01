"""Front matter: the optional YAML block between two `---` lines at the top of an article.

It is written by hand, so it breaks in every way a hand can break it: not valid YAML, a missing
closing fence, prose between two rules, `title: No` read as a boolean, aliases that make a tiny
block describe a huge or cyclic structure. Each is survived with a warning; the block is read
with `yaml.safe_load` only (it can never run code), and only when an article has one, so the
YAML library is imported on first use.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from typing import Any

from .clean import clean, inline
from .lazy import LazyRegex

_MAX_FRONT_MATTER = 64 * 1024  # YAML is slow and hostile input can nest deeply: keep it small
_FENCE_RE = LazyRegex(r"[ \t]*(---|\.\.\.)[ \t]*")
_KEY_LINE_RE = LazyRegex(r"^\s*([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$")
_KNOWN_KEYS = ("title", "source", "date", "url")


class Meta:
    """The known fields of the front matter (empty strings when absent) and every other key."""

    __slots__ = ("date", "extra", "source", "title", "url")

    def __init__(self, title: str, source: str, date: str, url: str, extra: dict[str, Any]):
        self.title, self.source, self.date, self.url, self.extra = title, source, date, url, extra


def split_front_matter(
    text: str, name: str, warnings: list[str]
) -> tuple[dict[str, Any] | None, str, bool]:
    """(metadata or None, body text, whether a front matter block was found)."""
    lead = len(text) - len(text.lstrip("\n "))
    lead = text.rfind("\n", 0, lead) + 1  # start of the first non-blank line
    first_end = text.find("\n", lead)
    first = text[lead:] if first_end < 0 else text[lead:first_end]
    if first.strip() != "---" or first_end < 0:
        return None, text, False
    close_start, close_end = _closing_fence(text, first_end + 1)
    if close_start < 0:
        return _unclosed_front_matter(text, first_end + 1, name, warnings)
    block = text[first_end + 1 : close_start]
    rest = text[close_end + 1 :] if close_end < len(text) else ""
    if len(block) > _MAX_FRONT_MATTER:
        warnings.append(f"{name}: front matter larger than 64 KB; ignored")
        return None, rest, True
    meta = _load_yaml(block)
    if isinstance(meta, dict):
        return _unbool(meta, block), rest, True
    if meta is None and not block.strip():
        return None, rest, True
    if _looks_like_keys(block):
        problem = "is not valid YAML" if meta is _INVALID else "is not a key: value mapping"
        salvaged = _salvage_keys(block)
        hint = "; read the simple key: value lines" if salvaged else "; ignored"
        warnings.append(f"{name}: front matter {problem}{hint}")
        return salvaged or None, rest, True
    # Prose between two rules is text, not metadata: keep its words in the body.
    warnings.append(f"{name}: text between --- lines is not front matter; kept as body text")
    return None, block + "\n\n" + rest, False


def _closing_fence(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the first line from `pos` that is exactly --- or ..., or (-1, -1)."""
    while pos <= len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        if _FENCE_RE.fullmatch(text, pos, line_end):
            return pos, line_end
        if nl < 0:
            break
        pos = nl + 1
    return -1, -1


def _unclosed_front_matter(
    text: str, start: int, name: str, warnings: list[str]
) -> tuple[dict[str, Any] | None, str, bool]:
    """A missing closing --- is a common slip: key lines up to the first blank line are meta."""
    blank = text.find("\n\n", start)
    block = text[start:] if blank < 0 else text[start:blank]
    if len(block) <= _MAX_FRONT_MATTER and block.strip() and _looks_like_keys(block, strict=True):
        meta = _load_yaml(block)
        if not isinstance(meta, dict):
            meta = _salvage_keys(block) or None
        warnings.append(f"{name}: front matter is not closed with ---; read up to the blank line")
        return meta, "" if blank < 0 else text[blank + 2 :], True
    warnings.append(f"{name}: front matter is not closed with ---; read as body text")
    return None, text[start:], False


_INVALID: Any = object()


def _unbool(meta: dict[Any, Any], block: str) -> dict[Any, Any]:
    """YAML 1.1 reads `title: No` or `source: NO` (a country code) as a boolean; the metadata
    fields mean the words, so take those back from the raw line."""
    if not any(isinstance(v, bool) for v in meta.values()):
        return meta
    raw = _salvage_keys(block)
    out = dict(meta)
    for key, value in meta.items():
        if isinstance(key, str) and isinstance(value, bool) and key.lower() in raw:
            out[key] = raw[key.lower()]
    return out


def _load_yaml(block: str) -> Any:
    import yaml  # only articles with front matter pay for the YAML library

    try:
        return yaml.safe_load(block)
    except Exception:  # YAMLError, but also RecursionError/ValueError from hostile input
        return _INVALID


def _looks_like_keys(block: str, strict: bool = False) -> bool:
    lines = [ln for ln in block.split("\n") if ln.strip()]
    if not lines:
        return False
    keyed = sum(1 for ln in lines if _KEY_LINE_RE.match(ln) or ln.startswith((" ", "-", "#")))
    top = sum(1 for ln in lines if _KEY_LINE_RE.match(ln))
    if strict:
        return keyed == len(lines) and top >= 1
    return top >= 1 and keyed * 2 >= len(lines)


def _salvage_keys(block: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for ln in block.split("\n"):
        m = _KEY_LINE_RE.match(ln)
        if m and m.group(1).lower() in _KNOWN_KEYS and m.group(2):
            value = m.group(2).strip()
            if value.startswith(("!", "&", "*", "[", "{", "|", ">")):
                continue  # a YAML tag, anchor or collection: not a plain value to trust
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            out[m.group(1).lower()] = value
    return out


def meta_fields(meta: dict[str, Any] | None, name: str, warnings: list[str]) -> Meta:
    """The front matter's known fields as one-line text; other keys kept JSON-safe in extra."""
    known = dict.fromkeys(_KNOWN_KEYS, "")
    extra: dict[str, Any] = {}
    if not meta:
        return Meta("", "", "", "", extra)
    budget = [10_000]
    for key, value in meta.items():
        k = inline(_scalar_text(key)) or "?"
        if k.lower() in known and not known[k.lower()]:
            if isinstance(value, dict):
                warnings.append(f"{name}: front matter '{k}' is not text; ignored")
                continue
            if value is not None:
                known[k.lower()] = inline(_scalar_text(value))
        else:
            extra[k] = _json_safe(value, budget, 0, set())
    if budget[0] < 0:
        warnings.append(f"{name}: front matter is very large; nested values were cut short")
    return Meta(known["title"], known["source"], known["date"], known["url"], extra)


def _scalar_text(value: Any) -> str:
    # A date can only come from a module that imported `datetime` (YAML does); a run without
    # front matter dates need not import it (about 1 ms) to find that it has none.
    dt = sys.modules.get("datetime")
    if dt is not None and isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | set | frozenset | dict):
        # One level only: a YAML alias can make a list contain itself.
        return ", ".join(_scalar_text(v) for v in value if not _is_container(v))
    return str(value)


def _is_container(value: Any) -> bool:
    return isinstance(value, list | tuple | set | frozenset | dict)


def _json_safe(value: Any, budget: list[int], depth: int, seen: set[int]) -> Any:
    """A copy that `json.dumps` accepts: no dates, bytes, sets, NaN or self-references.

    YAML aliases can make a small document describe a huge or cyclic structure, so the walk
    has a node budget and a depth limit.
    """
    budget[0] -= 1
    if budget[0] < 0 or depth > 20:
        return None
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return clean(value).strip()
    if isinstance(value, dict | list | tuple | set | frozenset):
        if id(value) in seen:
            return None
        seen = seen | {id(value)}
        if isinstance(value, dict):
            return {
                (inline(_scalar_text(k)) or "?"): _json_safe(v, budget, depth + 1, seen)
                for k, v in value.items()
            }
        items: Iterable[Any] = value
        if isinstance(value, set | frozenset):
            items = sorted(value, key=repr)
        return [_json_safe(v, budget, depth + 1, seen) for v in items]
    return clean(_scalar_text(value)).strip()
