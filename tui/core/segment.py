"""TEMPORARY minimal segmenter, replaced by the segmentation work of issue 2."""

from __future__ import annotations

import re

from .article import Paragraph, Sentence


def segment(body: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for p in paragraphs:
        if p.boilerplate:
            continue
        for m in re.finditer(r"\S.*?(?:[.!?][”\"]?(?=\s)|$)", body[p.start : p.end], re.S):
            s, e = p.start + m.start(), p.start + m.end()
            out.append(Sentence(len(out), p.index, s, e, body[s:e]))
    return tuple(out)
