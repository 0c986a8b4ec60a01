"""Reports of a comparison: the public JSON schema, a Markdown report for people, atomic writes.

The JSON keys are a public interface (README documents them): tools built on Parallax read
them, so keys are only ever added, never renamed. Offsets are into each article's `body`, which
the JSON therefore carries.
"""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ... import __version__
from ..article import Article
from ..errors import ParallaxError
from ..ingest import strip_escapes
from ..model import Alignment, Comparison, DiffOp, Quote

SCHEMA_VERSION = 1

# Anything a terminal could act on. The loader already strips these from articles; reports
# strip them again, by the loader's own rules, because a report may be printed to a terminal
# (stdout) and file names never went through the loader.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _clean(text: str) -> str:
    return _CONTROLS.sub("", strip_escapes(text))


def one_line(text: str) -> str:
    """Text for a single line of a terminal or report: escapes gone, other controls shown as ?.

    File names may contain anything, including newlines and escape sequences.
    """
    return _ANY_CONTROL.sub("?", strip_escapes(text))


def article_id(index: int) -> str:
    """Letters A, B, C ... as people say them ("article B"); numbered beyond Z."""
    return chr(ord("A") + index) if index < 26 else f"A{index + 1}"


# ---------------------------------------------------------------- JSON


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


def to_json(comparison: Comparison) -> str:
    # ensure_ascii=False keeps “curly quotes” readable; JSON escapes any control character.
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _md(text: str) -> str:
    """Article text as literal Markdown: no markup, links or HTML can come from an article."""
    return _MD_SPECIAL.sub(r"\\\1", _clean(text)).replace("\n", " ")


def _passage_text(art: Article, sentences: Iterable[int]) -> str:
    return " ".join(art.sentences[i].text for i in sentences)


def _article_name(comparison: Comparison, index: int) -> str:
    art = comparison.articles[index]
    return f"{article_id(index)} ({_md(art.label)})"


def _pair_section(comparison: Comparison, a: int, b: int) -> list[str]:
    left, right = comparison.articles[a], comparison.articles[b]
    pairs = comparison.between(a, b)
    la, lb = article_id(a), article_id(b)
    out = [
        f"## {_article_name(comparison, a)} and {_article_name(comparison, b)}",
        "",
        f"{len(pairs)} shared passages; {la} reports {coverage(comparison, a, b):.0%} of what it "
        f"says in common with {lb}, {lb} {coverage(comparison, b, a):.0%} with {la}.",
        "",
        "### Shared facts",
        "",
    ]
    if not pairs:
        out += ["None found.", ""]
    for al in pairs:
        out.append(
            f"- **{la}** (sentence {al.left.sentences[0] + 1}): "
            f"{_md(_passage_text(left, al.left.sentences))}"
        )
        out.append(
            f"  **{lb}** (sentence {al.right.sentences[0] + 1}): "
            f"{_md(_passage_text(right, al.right.sentences))}"
        )
        out.append(f"  *match {al.score:.0%}*")
        for c in al.conflicts:
            out.append(f"  - ⚠ {c.kind}: {_md(c.note)}")
    out.append("")
    conflicts = [(al, c) for al in pairs for c in al.conflicts]
    out += ["### Where they differ", ""]
    if not conflicts:
        out += ["No conflicting numbers, dates, names or quotes found.", ""]
    for al, c in conflicts:
        lt = _md(c.left) if c.left else "—"
        rt = _md(c.right) if c.right else "—"
        out.append(
            f"- {c.kind} (sentences {al.left.sentences[0] + 1} ↔ {al.right.sentences[0] + 1}): "
            f"{la}: {lt} · {lb}: {rt} — {_md(c.note)}"
        )
    out.append("")
    for side, other, art, idx in ((a, b, left, 0), (b, a, right, 1)):
        covered = {i for al in pairs for i in (al.left if idx == 0 else al.right).sentences}
        only = [s for s in art.sentences if s.index not in covered]
        out += [f"### Only in {article_id(side)}", ""]
        if not only:
            out.append(f"Everything {article_id(side)} reports is also in {article_id(other)}.")
        for s in only:
            out.append(f"- (sentence {s.index + 1}) {_md(s.text)}")
        out.append("")
    return out


def _people_section(comparison: Comparison) -> list[str]:
    n = len(comparison.articles)
    head = "| Person | Titles | " + " | ".join(article_id(i) for i in range(n)) + " |"
    out = ["## People", ""]
    if not comparison.people:
        return [*out, "No people found.", ""]
    out += [head, "|" + "---|" * (n + 2)]
    for p in comparison.people:
        counts = [sum(1 for m in p.mentions if m.article == i) for i in range(n)]
        titles = "; ".join(_md(t) for t in p.titles) or "—"
        out.append(f"| {_md(p.name)} | {titles} | " + " | ".join(map(str, counts)) + " |")
    return [*out, ""]


def _quotes_section(comparison: Comparison) -> list[str]:
    out = ["## Quotes", ""]
    if not comparison.quotes:
        return [*out, "No direct quotes found.", ""]
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in comparison.quotes:
        by_speaker[q.speaker or "(speaker not stated)"].append(q)
    links = {(lk.left, lk.right): lk for lk in comparison.quote_links}
    shown: set[str] = set()
    for speaker in sorted(by_speaker, key=lambda s: (s.startswith("("), s)):
        out += [f"### {_md(speaker)}", ""]
        for q in by_speaker[speaker]:
            if q.id in shown:
                continue
            shown.add(q.id)
            out.append(f"- **{article_id(q.article)}**: “{_md(q.text)}”")
            for other_id in q.same_as:
                other = comparison.quote(other_id)
                if other is None:
                    continue
                shown.add(other.id)
                lk = links.get((q.id, other.id)) or links.get((other.id, q.id))
                note = " — credited to a different speaker" if lk and lk.speaker_mismatch else ""
                who = (
                    f" ({_md(other.speaker)})"
                    if other.speaker != q.speaker and other.speaker
                    else ""
                )
                where = f"**{article_id(other.article)}**{who}"
                out.append(f"  - same statement in {where}: “{_md(other.text)}”{note}")
        out.append("")
    return out


def to_markdown(comparison: Comparison) -> str:
    """A report for a person: shared facts side by side, what only one side says, conflicts."""
    n = len(comparison.articles)
    out = [
        "# Parallax comparison",
        "",
        "| | Title | Source | Date | Sentences |",
        "|---|---|---|---|---|",
    ]
    for i, art in enumerate(comparison.articles):
        out.append(
            f"| {article_id(i)} | {_md(art.title) or '—'} | {_md(art.source) or '—'} | "
            f"{_md(art.date) or '—'} | {len(art.sentences)} |"
        )
    out.append("")
    if comparison.warnings:
        out += ["Warnings:", ""] + [f"- {_md(w)}" for w in comparison.warnings] + [""]
    for a in range(n):
        for b in range(a + 1, n):
            out += _pair_section(comparison, a, b)
    out += _people_section(comparison)
    out += _quotes_section(comparison)
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- writing


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
