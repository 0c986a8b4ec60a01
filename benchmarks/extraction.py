"""Parallax's HTML path on the public article-extraction benchmark (issue 15, item 5).

Reads the 181 saved pages of `../shared/datasets/article-extraction/` in place (gzip HTML and
`ground-truth.json`; nothing is copied into this repository), loads each exactly as
`parallax page.html` would (`parse_article` on the page's bytes, so decoding, trafilatura,
cleaning and paragraphs all count), and scores the article's `body`. Two figures: the
extracted text (the body without the "By <author>" paragraph Parallax adds from the page's
metadata, which is no page text and no part of any ground truth), and the whole body with it.

The scorer is our own, written from the benchmark's README ("precision and recall over the
shingles, runs of 4 consecutive words, of the extracted text against the ground truth's, per
page, then averaged"). How it may differ from theirs:
- words are `\\w+` runs, lowercased, after Unicode NFKC; theirs may tokenise differently
  (punctuation, case, hyphens);
- shingles are counted as a multiset (a repeated run counts as often as it occurs); theirs
  may use sets;
- a page with no shingles on both sides scores 1, a page where Parallax refuses the input or
  extracts nothing scores 0 (never skipped);
- F1 is the mean of per-page F1s (and precision and recall are each averaged per page), which
  can differ from an F1 of the mean precision and recall.

Titles: the ground truth has none, so a title counts as right when its words equal the
page's own headline as the page states it: `og:title`/`twitter:title`, an `<h1>`, or a part of
`<title>` split at " | ", " - ", " – ", " — " or " :: ". Pages stating none are left out of the
title figure. (trafilatura reads the same elements, so this measures whether Parallax keeps
the headline whole and clean, not an independent judgement.) Dates: the ground truth has none
either, so only how often a date is found is printed.

Run: `.venv/bin/python benchmarks/extraction.py [--limit N]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.article import Article  # noqa: E402
from tui.core.errors import LoadError  # noqa: E402
from tui.core.ingest import parse_article  # noqa: E402
from tui.core.ingest.html import decode_page  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "article-extraction"
GOAL_F1 = 0.96
_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"\s+(?:\||-|–|—|::)\s+")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    w = words(text)
    return Counter(tuple(w[i : i + n]) for i in range(len(w) - n + 1))


def score(predicted: str, truth: str) -> tuple[float, float, float]:
    """Per-page (precision, recall, F1) over 4-word shingles."""
    pred, true = shingles(predicted), shingles(truth)
    if not pred and not true:
        return 1.0, 1.0, 1.0
    if not pred or not true:
        return 0.0, 0.0, 0.0
    common = sum((pred & true).values())
    p, r = common / sum(pred.values()), common / sum(true.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def page_titles(html: str) -> set[str]:
    """The headline as the page itself states it, in every form it gives."""
    import lxml.html  # type: ignore[import-untyped]

    try:
        root = lxml.html.document_fromstring(
            html.encode("utf-8", "replace"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except Exception:
        return set()
    found: list[str] = []
    for prop in ("og:title", "twitter:title"):
        found += root.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')
    found += [h.text_content() for h in root.xpath("//h1")[:3]]
    for t in root.xpath("//title"):
        full = t.text_content()
        found += [full, *_SPLIT.split(full)]
    return {" ".join(words(t)) for t in found if words(t)}


def _extracted(article: Article) -> str:
    """The body without the byline paragraph made from the page's author metadata."""
    paras = article.paragraphs
    ours = paras and paras[0].boilerplate == "byline" and article.body.startswith("By ")
    if ours and len(paras) > 1:
        return article.body[paras[1].start :]
    return article.body


def run(limit: int | None) -> None:
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit]
    prf: list[tuple[float, float, float]] = []
    whole: list[float] = []
    titled = title_right = dated = refused = 0
    seconds = 0.0
    for key in ids:
        raw = gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes())
        start = time.perf_counter()
        try:
            article = parse_article(raw, f"{key}.html")
        except LoadError:
            refused += 1
            prf.append((0.0, 0.0, 0.0))
            whole.append(0.0)
            continue
        finally:
            seconds += time.perf_counter() - start
        prf.append(score(_extracted(article), truth[key]["articleBody"]))
        whole.append(score(article.body, truth[key]["articleBody"])[2])
        dated += bool(article.date)
        expected = page_titles(decode_page(raw, key, []))
        if expected:
            titled += 1
            title_right += " ".join(words(article.title)) in expected
    p, r, f = (mean(x[i] for x in prf) for i in range(3))
    n = len(ids)
    met = "met" if f >= GOAL_F1 else "NOT met"
    print(f"article-extraction benchmark: {n} pages ({refused} refused)")
    print(f"  {seconds / n * 1000:.0f} ms a page (decoding, extraction and Parallax's ingest)")
    print(f"  body text F1 {f:.3f}  precision {p:.3f}  recall {r:.3f}")
    print(f"    goal F1 >= {GOAL_F1}: {met}; published trafilatura 2.0.0: F1 0.958")
    print(f"  whole body, with the byline Parallax adds: F1 {mean(whole):.3f}")
    share = title_right / max(titled, 1)
    print(f"  title right on {title_right}/{titled} pages that state one ({share:.1%})")
    print(f"  date found on {dated}/{n} pages ({dated / n:.1%}; the ground truth has no dates)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N pages (sorted by id)")
    args = ap.parse_args()
    if not (DATA / "ground-truth.json").exists():
        sys.exit(f"benchmark data not found in {DATA}")
    run(args.limit)


if __name__ == "__main__":
    main()
