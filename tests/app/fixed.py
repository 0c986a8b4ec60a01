"""A Comparison read back from Parallax's public JSON (tui/core/export.py `to_dict`).

Snapshot tests must change only when the UI changes, while the engine keeps improving what it
finds in the samples. So they render a Comparison computed once and saved as test data in the
public export format; this loader (tests only) turns that JSON back into the model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.core.article import Article, Paragraph, Sentence
from tui.core.model import (
    Alignment,
    Comparison,
    Conflict,
    DiffOp,
    Mention,
    Passage,
    Person,
    Quote,
    QuoteLink,
    SharedSpan,
)

DATA = Path(__file__).parent / "data"
SAMPLES_JSON = DATA / "samples-comparison.json"


def _span(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def _op(d: dict[str, Any]) -> DiffOp:
    left, right = d["left"], d["right"]
    return DiffOp(
        d["op"],
        left["start"],
        left["end"],
        right["start"],
        right["end"],
        left["text"],
        right["text"],
    )


def _article(d: dict[str, Any]) -> Article:
    return Article(
        path=d["path"],
        title=d["title"],
        source=d["source"],
        date=d["date"],
        body=d["body"],
        paragraphs=tuple(
            Paragraph(p["index"], p["start"], p["end"], p["boilerplate"], p.get("rule"))
            for p in d["paragraphs"]
        ),
        sentences=tuple(
            Sentence(s["index"], s["paragraph"], s["start"], s["end"], s["text"])
            for s in d["sentences"]
        ),
        url=d.get("url", ""),
        extra=d.get("extra", {}),
        warnings=tuple(d.get("warnings", ())),
    )


def _alignment(d: dict[str, Any]) -> Alignment:
    return Alignment(
        Passage(d["left"]["article"], tuple(d["left"]["sentences"])),
        Passage(d["right"]["article"], tuple(d["right"]["sentences"])),
        d["score"],
        tuple(
            SharedSpan(
                s["left"]["start"],
                s["left"]["end"],
                s["right"]["start"],
                s["right"]["end"],
                s["text"],
                s["kind"],
            )
            for s in d["shared"]
        ),
        tuple(_op(op) for op in d["diff"]),
        tuple(
            Conflict(
                c["kind"],
                c["left"],
                c["right"],
                _span(c["left_span"]),
                _span(c["right_span"]),
                c["note"],
                c.get("rule"),
            )
            for c in d["conflicts"]
        ),
    )


def from_dict(data: dict[str, Any]) -> Comparison:
    return Comparison(
        articles=tuple(_article(a) for a in data["articles"]),
        alignments=tuple(_alignment(al) for al in data["alignments"]),
        people=tuple(
            Person(
                p["name"],
                tuple(p["aliases"]),
                tuple(p["titles"]),
                tuple(
                    Mention(m["article"], m["sentence"], m["start"], m["end"], m["text"])
                    for m in p["mentions"]
                ),
            )
            for p in data["people"]
        ),
        quotes=tuple(
            Quote(
                q["id"],
                q["article"],
                q["sentence"],
                q["start"],
                q["end"],
                q["text"],
                q["speaker"],
                q.get("speaker_kind"),
                tuple(q.get("same_as", ())),
                q.get("rule"),
            )
            for q in data["quotes"]
        ),
        quote_links=tuple(
            QuoteLink(
                lk["left"],
                lk["right"],
                lk["score"],
                tuple(_op(op) for op in lk["diff"]),
                lk.get("speaker_mismatch", False),
            )
            for lk in data["quote_links"]
        ),
        warnings=tuple(data.get("warnings", ())),
    )


def fixed_samples() -> Comparison:
    """The bundled samples as the engine compared them when the snapshots were made."""
    return from_dict(json.loads(SAMPLES_JSON.read_text(encoding="utf-8")))


def save_samples() -> None:  # pragma: no cover - run by hand to refresh the test data
    """Recompute the samples' Comparison with today's engine (then update the snapshots)."""
    from tui.core.export import to_json
    from tui.core.ingest import load_article
    from tui.core.pipeline import compare
    from tui.resources import sample_articles

    comparison = compare([load_article(p) for p in sample_articles()])
    data = json.loads(to_json(comparison))
    for article in data["articles"]:  # no machine-specific paths in test data
        article["path"] = "sample_articles/" + Path(article["path"]).name
    SAMPLES_JSON.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    save_samples()
