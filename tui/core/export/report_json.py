"""The public JSON report: the schema README documents, serialised fast.

The keys are a public interface: tools built on Parallax read them, so keys are only ever
added, never renamed. Offsets are into each article's `body`, which the JSON therefore carries.
orjson writes the report some twenty times faster than the standard library's encoder, which
falls back to pure Python as soon as `indent` is set; both give the same bytes (2-space
indent, non-ASCII kept), and the standard encoder still serves anything orjson refuses
(integers past 64 bits from front matter, lone surrogates).
"""

from __future__ import annotations

import json
from typing import Any

from ... import __version__
from ..article import Article
from ..model import Alignment, Comparison, DiffOp
from .common import _clean, article_id, one_line

SCHEMA_VERSION = 1


def _article_dict(index: int, art: Article) -> dict[str, Any]:
    return {
        "id": article_id(index),
        "path": one_line(art.path),
        "title": _clean(art.title),
        "source": _clean(art.source),
        "date": _clean(art.date),
        "url": _clean(art.url),
        "extra": art.extra,
        "warnings": [_clean(w) for w in art.warnings],
        "body": _clean(art.body),
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
                "text": _clean(s.text),
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
                "text": _clean(art.body[p.start : p.end]),
            }
            for p in art.boilerplate
        ],
    }


def _diff_dict(op: DiffOp) -> dict[str, Any]:
    return {
        "op": op.tag,
        "left": {"start": op.left_start, "end": op.left_end, "text": _clean(op.left)},
        "right": {"start": op.right_start, "end": op.right_end, "text": _clean(op.right)},
    }


def _alignment_dict(index: int, al: Alignment) -> dict[str, Any]:
    return {
        "id": index,
        "left": {"article": al.left.article, "sentences": list(al.left.sentences)},
        "right": {"article": al.right.article, "sentences": list(al.right.sentences)},
        "score": round(al.score, 4),
        "shared": [
            {
                "text": _clean(s.text),
                "kind": s.kind,
                "left": {"start": s.left_start, "end": s.left_end},
                "right": {"start": s.right_start, "end": s.right_end},
            }
            for s in al.shared
        ],
        "conflicts": [
            {
                "kind": c.kind,
                "left": _clean(c.left),
                "right": _clean(c.right),
                "left_span": list(c.left_span) if c.left_span else None,
                "right_span": list(c.right_span) if c.right_span else None,
                "note": _clean(c.note),
                "rule": c.rule,
            }
            for c in al.conflicts
        ],
        "diff": [_diff_dict(op) for op in al.diff],
    }


def coverage(comparison: Comparison, a: int, b: int) -> float:
    """Share of article `a`'s fact sentences that have a counterpart in article `b`."""
    total = len(comparison.articles[a].sentences)
    if not total:
        return 0.0
    covered = {i for al in comparison.between(a, b) for i in al.left.sentences}
    return len(covered) / total


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as plain JSON-ready data (the public schema)."""
    n = len(comparison.articles)
    return {
        "parallax": {"version": __version__, "schema": SCHEMA_VERSION},
        "articles": [_article_dict(i, a) for i, a in enumerate(comparison.articles)],
        "alignments": [_alignment_dict(i, al) for i, al in enumerate(comparison.alignments)],
        "coverage": [
            {"article": a, "other": b, "share": round(coverage(comparison, a, b), 4)}
            for a in range(n)
            for b in range(n)
            if a != b
        ],
        "people": [
            {
                "name": _clean(p.name),
                "aliases": [_clean(x) for x in p.aliases],
                "titles": [_clean(x) for x in p.titles],
                "mentions": [
                    {
                        "article": m.article,
                        "sentence": m.sentence,
                        "start": m.start,
                        "end": m.end,
                        "text": _clean(m.text),
                    }
                    for m in p.mentions
                ],
            }
            for p in comparison.people
        ],
        "quotes": [
            {
                "id": q.id,
                "article": q.article,
                "sentence": q.sentence,
                "start": q.start,
                "end": q.end,
                "text": _clean(q.text),
                "speaker": _clean(q.speaker) if q.speaker else None,
                "speaker_kind": q.speaker_kind,
                "rule": q.rule,
                "same_as": list(q.same_as),
            }
            for q in comparison.quotes
        ],
        "quote_links": [
            {
                "left": lk.left,
                "right": lk.right,
                "score": round(lk.score, 4),
                "speaker_mismatch": lk.speaker_mismatch,
                "diff": [_diff_dict(op) for op in lk.diff],
            }
            for lk in comparison.quote_links
        ],
        "warnings": [_clean(w) for w in comparison.warnings],
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


def to_json(comparison: Comparison) -> str:
    """The report as text; ensure_ascii=False keeps “curly quotes” readable."""
    data = to_dict(comparison)
    orjson = _orjson()
    if orjson is not None:
        try:
            return orjson.dumps(
                data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
            ).decode()
        except (TypeError, orjson.JSONEncodeError):
            pass  # past 64-bit integers, lone surrogates: the standard encoder takes them
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
