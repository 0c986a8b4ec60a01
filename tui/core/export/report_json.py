"""The public JSON report: the schema README documents, serialised fast.

The keys are a public interface: tools built on Parallax read them, so keys are only ever
added, never renamed. Offsets are into each article's `body`, which the JSON therefore carries.
orjson writes the report some twenty times faster than the standard library's encoder, which
falls back to pure Python as soon as `indent` is set; both give the same bytes (2-space
indent, non-ASCII kept), and the standard encoder still serves anything orjson refuses
(integers past 64 bits from front matter, lone surrogates).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from ... import __version__
from ..article import Article
from ..model import Alignment, Comparison, DiffOp, Person, Quote
from .common import _clean, article_id, one_line

SCHEMA_VERSION = 1

# How a report treats each string that came from an article: `_clean` it, or keep it (`str`).
Clean = Callable[[str], str]


def _article_dict(index: int, art: Article, clean: Clean) -> dict[str, Any]:
    return {
        "id": article_id(index),
        "path": one_line(art.path),
        "title": clean(art.title),
        "source": clean(art.source),
        "date": clean(art.date),
        "url": clean(art.url),
        "extra": art.extra,
        "warnings": [clean(w) for w in art.warnings],
        "body": clean(art.body),
        "paragraphs": [
            {
                "index": p.index,
                "start": p.start,
                "end": p.end,
                "boilerplate": p.boilerplate,
                "rule": p.rule,
            }
            for p in art.paragraphs
        ],
        "sentences": [
            {
                "index": s.index,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": clean(s.text),
            }
            for s in art.sentences
        ],
        "boilerplate": [
            {
                "paragraph": p.index,
                "kind": p.boilerplate,
                "rule": p.rule,
                "start": p.start,
                "end": p.end,
                "text": clean(art.body[p.start : p.end]),
            }
            for p in art.boilerplate
        ],
    }


def _diff_dict(op: DiffOp, clean: Clean) -> dict[str, Any]:
    return {
        "op": op.tag,
        "left": {"start": op.left_start, "end": op.left_end, "text": clean(op.left)},
        "right": {"start": op.right_start, "end": op.right_end, "text": clean(op.right)},
    }


def _alignment_dict(index: int, al: Alignment, clean: Clean) -> dict[str, Any]:
    return {
        "id": index,
        "left": {"article": al.left.article, "sentences": list(al.left.sentences)},
        "right": {"article": al.right.article, "sentences": list(al.right.sentences)},
        "score": round(al.score, 4),
        "shared": [
            {
                "text": clean(s.text),
                "kind": s.kind,
                "left": {"start": s.left_start, "end": s.left_end},
                "right": {"start": s.right_start, "end": s.right_end},
            }
            for s in al.shared
        ],
        "conflicts": [
            {
                "kind": c.kind,
                "left": clean(c.left),
                "right": clean(c.right),
                "left_span": list(c.left_span) if c.left_span else None,
                "right_span": list(c.right_span) if c.right_span else None,
                "note": clean(c.note),
                "rule": c.rule,
            }
            for c in al.conflicts
        ],
        "diff": [_diff_dict(op, clean) for op in al.diff],
    }


def coverage(comparison: Comparison, a: int, b: int) -> float:
    """Share of article `a`'s fact sentences that have a counterpart in article `b`."""
    total = len(comparison.articles[a].sentences)
    if not total:
        return 0.0
    # The sentences of `a` in the alignments between the two, on whichever side `a` is
    # (what `comparison.between(a, b)` would orient, without building the flipped copies).
    covered: set[int] = set()
    for al in comparison.alignments:
        if al.left.article == a and al.right.article == b:
            covered.update(al.left.sentences)
        elif al.left.article == b and al.right.article == a:
            covered.update(al.right.sentences)
    return len(covered) / total


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as plain JSON-ready data (the public schema)."""
    return _report(comparison, _clean)


def _report(comparison: Comparison, clean: Clean) -> dict[str, Any]:
    """The report with every article string passed through `clean` (`str` keeps it as is)."""
    n = len(comparison.articles)
    return {
        "parallax": {"version": __version__, "schema": SCHEMA_VERSION},
        "articles": [_article_dict(i, a, clean) for i, a in enumerate(comparison.articles)],
        "alignments": [_alignment_dict(i, al, clean) for i, al in enumerate(comparison.alignments)],
        "coverage": [
            {"article": a, "other": b, "share": round(coverage(comparison, a, b), 4)}
            for a in range(n)
            for b in range(n)
            if a != b
        ],
        "people": [_person_dict(p, clean) for p in comparison.people],
        "quotes": [_quote_dict(q, clean) for q in comparison.quotes],
        "quote_links": [
            {
                "left": lk.left,
                "right": lk.right,
                "score": round(lk.score, 4),
                "speaker_mismatch": lk.speaker_mismatch,
                "diff": [_diff_dict(op, clean) for op in lk.diff],
            }
            for lk in comparison.quote_links
        ],
        "warnings": [clean(w) for w in comparison.warnings],
    }


def _person_dict(p: Person, clean: Clean) -> dict[str, Any]:
    return {
        "name": clean(p.name),
        "aliases": [clean(x) for x in p.aliases],
        "titles": [clean(x) for x in p.titles],
        "mentions": [
            {
                "article": m.article,
                "sentence": m.sentence,
                "start": m.start,
                "end": m.end,
                "text": clean(m.text),
            }
            for m in p.mentions
        ],
    }


def _quote_dict(q: Quote, clean: Clean) -> dict[str, Any]:
    return {
        "id": q.id,
        "article": q.article,
        "sentence": q.sentence,
        "start": q.start,
        "end": q.end,
        "text": clean(q.text),
        "speaker": clean(q.speaker) if q.speaker else None,
        "speaker_kind": q.speaker_kind,
        "rule": q.rule,
        "same_as": list(q.same_as),
    }


def _orjson() -> Any:
    """orjson, imported with ctrl+c and SIGTERM held back until its module is initialised.

    Its extension crashes the interpreter (SIGSEGV) if a KeyboardInterrupt is raised while
    its module initialises; blocked, the signal arrives a moment later and is handled as
    anywhere else (the report is not written, exit 130 or 143).
    """
    import signal
    import sys

    if "orjson" in sys.modules:
        return sys.modules["orjson"]
    held = {signal.SIGINT, signal.SIGTERM}
    blocked = (
        signal.pthread_sigmask(signal.SIG_BLOCK, held)
        if hasattr(signal, "pthread_sigmask")
        else None
    )
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a declared dependency
        return None
    finally:
        if blocked is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    return orjson


# What orjson writes for a character `_clean` removes: an escape other than the four below for
# U+0000-U+001F (tab and newline are kept by cleaning), U+007F as is, and U+0080-U+009F as is
# (in UTF-8, 0xC2 followed by 0x80-0x9F).
_HARMLESS_ESCAPES = frozenset(b'nt"\\')


def _may_hold_controls(data: bytes) -> bool:
    """Could some string in this orjson output hold a character `_clean` removes?

    Scans with `bytes.find` (memchr) from one backslash or 0xC2 byte to the next, so the
    cost is a pass over the bytes in C plus a step per escape.
    """
    if b"\x7f" in data:
        return True
    i = data.find(b"\\")
    while i >= 0:
        if data[i + 1] not in _HARMLESS_ESCAPES:
            return True
        i = data.find(b"\\", i + 2)  # past the escaped character (which may be a backslash)
    i = data.find(b"\xc2")
    while i >= 0:
        if 0x80 <= data[i + 1] <= 0x9F:
            return True
        i = data.find(b"\xc2", i + 2)
    return False


def encode_json(comparison: Comparison) -> bytes | str:
    """The report as orjson's UTF-8 bytes, or as text when the standard encoder made it.

    Loaded articles hold no control characters (the loader removed them), so cleaning every
    string again (tens of thousands of them at 2 x 20k words) nearly always changes nothing.
    The report is therefore encoded as it is first, and the encoded bytes are checked for any
    trace of a character cleaning would remove: only if there is one (or orjson refuses the
    data) is the report built again with every string cleaned, exactly as `to_dict` does.
    Both ways give the same bytes; the check is one pass over the output in C.
    """
    # The report is tens of thousands of small dicts and lists that live until it is encoded,
    # with no cycles to collect: a collection meanwhile would traverse the whole comparison's
    # heap for nothing (as in `pipeline.compare`). Reference counting frees them as usual.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _encode(comparison)
    finally:
        if collecting:
            gc.enable()


def _encode(comparison: Comparison) -> bytes | str:
    orjson = _orjson()
    if orjson is not None:
        option = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        try:
            data: bytes = orjson.dumps(_report(comparison, str), option=option)
            if not _may_hold_controls(data):
                return data
            cleaned: bytes = orjson.dumps(to_dict(comparison), option=option)
            return cleaned
        except (TypeError, orjson.JSONEncodeError):
            pass  # past 64-bit integers, lone surrogates: the standard encoder takes them
    import json  # only this fallback needs it

    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


def to_json(comparison: Comparison) -> str:
    """The report as text; ensure_ascii=False keeps “curly quotes” readable."""
    out = encode_json(comparison)
    return out.decode() if isinstance(out, bytes) else out
