"""The annotated corpus stays valid, and the quality benchmark counts what it claims to count.

Annotations name sentences by verbatim fragments, so a segmenter or loader change can silently
make one ambiguous or unreachable; these tests fail loudly, naming the fragment. The metric tests
feed `benchmarks/quality.py` hand-made predictions whose right scores are known, so a wrong
benchmark cannot pass off bad engine numbers as good ones. Engine quality goals are not asserted
here: the engine's own tests own those.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tui.core.model import Alignment, Comparison, Passage, Person, Quote, QuoteLink

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


def _load_quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "parallax_quality", ROOT / "benchmarks" / "quality.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


quality = _load_quality()
FILES = quality.discover(CORPUS)
# The formerly held-out groups measure the engine too, so they must stay resolvable as well.
HELDOUT = quality.discover(ROOT / "benchmarks" / "heldout")


# --------------------------------------------------------------------------------------------
# The corpus itself


def test_corpus_has_the_samples_and_at_least_four_invented_events() -> None:
    names = {f.parent.name for f in FILES}
    assert "summit" in names
    assert len(names - {"summit"}) >= 4
    article_counts = [len(yaml.safe_load(f.read_text(encoding="utf-8"))["articles"]) for f in FILES]
    assert max(article_counts) >= 3, "one event must be told by three articles"


@pytest.mark.parametrize("path", FILES + HELDOUT, ids=lambda p: p.parent.name)
def test_annotations_resolve_against_the_current_loader_and_segmenter(path: Path) -> None:
    corpus, errors = quality.load_corpus(path)
    assert errors == []
    assert corpus is not None
    assert corpus.same, "a corpus with no same-fact pairs measures nothing"
    assert corpus.people and corpus.quotes


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_every_annotated_quote_is_inside_quote_marks(path: Path) -> None:
    corpus, errors = quality.load_corpus(path)
    assert corpus is not None, errors
    for q in corpus.quotes:
        body = corpus.articles[q.article].body
        inner = body[q.start : q.end]
        assert q.text.strip().strip('"“”') in inner.replace("’", "'") or _loose_in(q.text, inner)
        assert not any(m in inner for m in '“”"'), f"quote span crosses a quote mark: {inner!r}"


def _loose_in(fragment: str, text: str) -> bool:
    return quality.fragment_pattern(fragment).search(text) is not None


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_speakers_are_annotated_people_or_sources_written_in_the_article(path: Path) -> None:
    corpus, errors = quality.load_corpus(path)
    assert corpus is not None, errors
    names = {p.name for p in corpus.people}
    for q in corpus.quotes:
        if q.speaker is None:
            continue
        if q.speaker_is_person:
            assert q.speaker in names
        else:
            assert _loose_in(q.speaker, corpus.articles[q.article].body), q.speaker


def test_invented_articles_are_news_length() -> None:
    """250-600 words each: long enough to reorder facts, short enough to annotate exhaustively."""
    for path in FILES:
        if path.parent.name == "summit":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for rel in data["articles"]:
            words = len((path.parent / rel).read_text(encoding="utf-8").split())
            assert 250 <= words <= 600, f"{path.parent.name}/{rel}: {words} words"


def test_readme_describes_every_corpus() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for path in FILES:
        assert f"`{path.parent.name}`" in readme


# --------------------------------------------------------------------------------------------
# Fragment resolution catches annotation mistakes instead of guessing


def _write_corpus(tmp_path: Path, annotations: str) -> Path:
    (tmp_path / "ev").mkdir()
    (tmp_path / "ev" / "a.txt").write_text(
        "Officials said the bridge would reopen on Monday. The bridge was closed in May.\n\n"
        '"We are confident," Mayor Ana Ruiz said. "Traffic will flow again."\n',
        encoding="utf-8",
    )
    (tmp_path / "ev" / "b.txt").write_text(
        "The bridge reopens Monday, city officials announced.\n\n"
        'Ruiz told reporters she was "confident" about the date.\n',
        encoding="utf-8",
    )
    path = tmp_path / "ev" / "annotations.yaml"
    path.write_text(annotations, encoding="utf-8")
    return path


GOOD = """
articles: [a.txt, b.txt]
alignments:
  - {left: "would reopen on Monday", right: "The bridge reopens Monday", label: same}
people:
  - {name: Ana Ruiz, forms: [Ana Ruiz, Ruiz, Mayor Ana Ruiz], titles: [Mayor]}
quotes:
  - {article: 0, text: "We are confident,", speaker: Ana Ruiz}
  - {article: 0, text: "Traffic will flow again.", speaker: Ana Ruiz}
  - {article: 1, text: "confident", speaker: Ana Ruiz}
quote_links:
  - {left: "We are confident,", right: "confident", kind: partial}
"""


def test_a_well_formed_corpus_loads_and_scores(tmp_path: Path) -> None:
    path = _write_corpus(tmp_path, GOOD)
    corpus, errors = quality.load_corpus(path)
    assert errors == []
    assert len(corpus.same) == 1 and len(corpus.quotes) == 3 and len(corpus.links) == 1
    assert quality.main(["--root", str(tmp_path), "--json"]) == 0


@pytest.mark.parametrize(
    ("bad", "replacement", "message"),
    [
        ('left: "would reopen on Monday"', 'left: "bridge"', "matches 2 places"),
        ('left: "would reopen on Monday"', 'left: "Monday. The bridge"', "crosses a sentence"),
        ('left: "would reopen on Monday"', 'left: "reopen on Tuesday"', "is in no sentence"),
        ('text: "Traffic will flow again."', 'text: "Mayor Ana Ruiz said"', "not inside quote"),
        ("speaker: Ana Ruiz}\n  - {article: 1", "speaker: Bob Smith}\n  - {article: 1", "neither"),
        ("label: same", "label: similar", "label must be one of"),
        ("titles: [Mayor]", "titles: [Mayor], age: 50", "unknown keys"),
        ("kind: partial", "kind: loose", "kind must be one of"),
    ],
)
def test_annotation_errors_are_reported_not_guessed(
    tmp_path: Path, bad: str, replacement: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bad in GOOD
    path = _write_corpus(tmp_path, GOOD.replace(bad, replacement, 1))
    corpus, errors = quality.load_corpus(path)
    assert corpus is None
    assert any(message in e for e in errors), errors
    assert quality.main(["--root", str(tmp_path)]) == 2
    assert "ANNOTATION ERROR" in capsys.readouterr().err


def test_fragments_ignore_how_whitespace_and_quote_marks_are_typed() -> None:
    pattern = quality.fragment_pattern("“We’ve got  a lot\nof work”")
    assert pattern.search('"We\'ve got a lot of work"')
    assert pattern.search("“We’ve got a lot\n\nof work”")
    assert not pattern.search('"we\'ve got a lot of work"'), "letters stay case-sensitive"


def test_names_normalise_case_accents_possessives_and_initials() -> None:
    assert quality.norm_name("J.D. Vance") == quality.norm_name("J. D. Vance")
    assert quality.norm_name("Jean-Noël Barrot") == quality.norm_name("jean-noel barrot")
    assert quality.norm_name("Trump’s") == quality.norm_name("Trump")
    assert quality.norm_name("Zelensky") != quality.norm_name("Zelenskyy")


# --------------------------------------------------------------------------------------------
# The metrics, on hand-made predictions over the summit corpus


@pytest.fixture(scope="module")
def summit() -> Any:
    corpus, errors = quality.load_corpus(CORPUS / "summit" / "annotations.yaml")
    assert corpus is not None, errors
    return corpus


def _sent(corpus: Any, article: int, fragment: str) -> int:
    return quality.locate(corpus.articles[article], article, fragment).sentence


def _gold(corpus: Any, article: int, fragment: str, hint: str | None = None) -> Any:
    loc = quality.locate(corpus.articles[article], article, fragment, hint)
    return next(q for q in corpus.quotes if q.article == article and q.start <= loc.start < q.end)


def _quote(qid: str, gold: Any, speaker: str | None) -> Quote:
    return Quote(qid, gold.article, gold.sentence, gold.start, gold.end, gold.text, speaker)


def test_alignment_precision_and_recall_count_sentence_pairs(summit: Any) -> None:
    s = summit
    agreement_a = _sent(s, 0, "an agreement was essentially reached")
    preparations_a = _sent(s, 0, "We are now beginning concrete preparations")
    agreement_b = _sent(s, 1, "a preliminary agreement was reached")
    lead_a = _sent(s, 0, "Kremlin aide Yuri Ushakov said on Thursday")
    lead_b = _sent(s, 1, "Kremlin officials announced on Thursday")
    readouts_a = _sent(s, 0, "readouts or interpreter notes")
    rubio_b = _sent(s, 1, "Today was a good day")
    comp = Comparison(
        articles=s.articles,
        alignments=(
            # Two sentences against one: a same pair (TP) and a related pair (neutral).
            Alignment(Passage(0, (agreement_a, preparations_a)), Passage(1, (agreement_b,)), 0.9),
            # Given from article 1's side: still the same pair, still a TP.
            Alignment(Passage(1, (lead_b,)), Passage(0, (lead_a,)), 0.8),
            # Not annotated at all: a false positive.
            Alignment(Passage(0, (readouts_a,)), Passage(1, (rubio_b,)), 0.4),
        ),
    )
    res = quality.score_alignment(s, comp)
    assert (res["tp"], res["fp"], res["related_predicted"]) == (2, 1, 1)
    assert res["precision"] == pytest.approx(2 / 3)
    assert res["same"] == len(s.same) == 8
    assert res["recall"] == pytest.approx(2 / 8)
    assert res["fn"] == 6
    assert [p["left"][1] for p in res["fp_pairs"]] == [readouts_a]


def test_alignment_scores_are_undefined_not_zero_without_predictions(summit: Any) -> None:
    res = quality.score_alignment(summit, Comparison(articles=summit.articles))
    assert res["precision"] is None
    assert res["recall"] == 0.0
    assert res["fn"] == len(summit.same)


def test_people_found_missed_split_and_non_persons(summit: Any) -> None:
    comp = Comparison(
        articles=summit.articles,
        people=(
            Person("Vladimir Putin", ("Putin", "Russian President Vladimir Putin"), (), ()),
            Person("Putin’s", (), (), ()),  # a second entry for the same man: a split
            Person("Volodymyr Zelensky", ("Zelenskyy",), (), ()),
            Person("Kremlin", (), (), ()),
            Person("Oval Office", (), (), ()),
        ),
    )
    res = quality.score_people(summit, comp)
    assert (res["found"], res["missed"], res["split"], res["non_persons"]) == (2, 5, 1, 2)
    assert res["recall"] == pytest.approx(2 / 7)
    assert res["precision"] == pytest.approx(3 / 5)
    assert "Kremlin (listed in not_people)" in res["non_person_names"]
    assert set(res["missed_names"]) == {
        "Donald Trump",
        "Yuri Ushakov",
        "Steve Witkoff",
        "Joe Biden",
        "Marco Rubio",
    }


def test_one_predicted_person_for_two_people_is_reported_merged(summit: Any) -> None:
    comp = Comparison(articles=summit.articles, people=(Person("Trump", ("Putin",), (), ()),))
    res = quality.score_people(summit, comp)
    assert res["merged"] == 1 and res["found"] == 2


def test_quote_speakers_right_wrong_missing_and_spurious(summit: Any) -> None:
    s = summit
    agreement = _gold(s, 0, "an agreement was essentially reached")
    soon = _gold(s, 1, "very soon,")
    far_off = _gold(s, 1, "still far off.")
    coming = _gold(s, 1, "in the coming days,", "Kremlin officials announced")
    rubio = _gold(s, 1, "Today was a good day")
    readouts = quality.locate(s.articles[0], 0, "readouts or interpreter notes")
    comp = Comparison(
        articles=s.articles,
        people=(Person("Yuri Ushakov", ("Ushakov",), (), ()),),
        quotes=(
            _quote("q1", agreement, "Ushakov"),  # a form of the right person
            _quote("q2", soon, "Vladimir Putin"),  # wrong person
            _quote("q3", far_off, None),  # no speaker
            _quote("q4", coming, "the Kremlin officials"),  # a source, article aside
            # Only part of Rubio's quote: overlapping counts as found.
            Quote("q5", 1, rubio.sentence, rubio.start, rubio.start + 5, "Today", "Rubio"),
            Quote("q6", 0, readouts.sentence, readouts.start, readouts.end, "readouts", None),
        ),
    )
    res = quality.score_quotes(s, comp)
    assert res["quotes"] == 16
    assert (res["right_speaker"], res["wrong_speaker"], res["no_speaker"]) == (3, 1, 1)
    assert res["missed"] == 11
    assert res["spurious"] == 1
    assert "predicted Vladimir Putin" in res["wrong_list"][0]


def test_quote_links_found_partial_and_spurious(summit: Any) -> None:
    s = summit
    agree_a = _gold(s, 0, "an agreement was essentially reached")
    agree_b = _gold(s, 1, "a preliminary agreement was reached")
    coming_b = _gold(s, 1, "in the coming days,", "Kremlin officials announced")
    comment_a = _gold(s, 0, "completely without comment")
    soon_b = _gold(s, 1, "very soon,")
    comp = Comparison(
        articles=s.articles,
        quotes=(
            _quote("a1", agree_a, None),
            # Linked through same_as rather than a QuoteLink: counts the same.
            Quote(
                "b1", 1, agree_b.sentence, agree_b.start, agree_b.end, "x", None, same_as=("a1",)
            ),
            _quote("b0", coming_b, None),
            _quote("a7", comment_a, None),
            _quote("b6", soon_b, None),
        ),
        quote_links=(
            QuoteLink("a1", "b0", 0.5),  # the partial link: neither for nor against
            QuoteLink("a7", "b6", 0.3),  # not the same statement
        ),
    )
    res = quality.score_links(s, comp)
    assert (res["links"], res["found"], res["missed"]) == (2, 1, 1)
    assert (res["partial_links"], res["partial_found"]) == (1, 1)
    assert res["spurious"] == 1
    assert "completely without comment" in res["spurious_list"][0]


def test_totals_are_micro_averages_over_corpora(summit: Any) -> None:
    empty = quality.score(summit, Comparison(articles=summit.articles))
    total = quality.totals({"one": empty, "two": empty})
    assert total["alignment"]["same"] == 2 * len(summit.same)
    assert total["alignment"]["precision"] is None
    assert total["people"]["missed"] == 14
    json.dumps(total)  # the --json output must serialise
