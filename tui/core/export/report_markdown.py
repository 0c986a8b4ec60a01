"""The Markdown report, for people: the shared facts side by side, where the articles differ,
what only one side reports, the people and the quotes by speaker.

Article text is escaped so that no link, image or HTML can come alive from an article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..article import Article
from ..ingest.lazy import LazyRegex
from ..model import Comparison, Quote
from .common import _clean, article_id
from .report_json import coverage

# Compiled on first use: a JSON report imports this module without needing it.
_MD_SPECIAL = LazyRegex(r"([\\`*_{}\[\]<>()#+!|~])")


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
