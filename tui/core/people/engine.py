"""Who the articles talk about: person names, their titles, and every place each is mentioned.

No tagger is available offline, so the rules follow how news introduces people. A person's
first mention is a capitalised name with evidence around it: a title or role before it
("Kremlin aide Yuri Ushakov", "U.S. Secretary of State Marco Rubio", "Trump's envoy, Steve
Witkoff"), an honorific ("Sheikh Mohamed bin Zayed Al Nahyan"), a common given name (also as
the first half of "Anne-Laure"), a verb of speech after it together with a later surname-only
mention, an appositive to an opening role phrase ("The director of the charity, X Y, ..."), or
its place as the subject of a finite verb right after a quoted sentence ("“...” X Y had been
waiting"). A relative named by a given name alone ("her son Diego, 29,") is a one-word person
unless the article gives that given name in full for exactly one person. Initials alone ("J.
R") are never a name. Later mentions use the surname ("Ushakov"), sometimes a possessive
("Trump's envoy") or a role ("the Kremlin leader"), which is resolved only when exactly one
person's title fits. Organisations and places are kept out by their last word ("State
Department", "Truth Social"), by known place and nationality words, and by "the" in front
("the Oval Office"). Precision comes first: a wrong name in the sidebar costs the reader more
trust than a missing one, so a capitalised word with no evidence is skipped.

The same person is merged across articles by surname (exact, or a close spelling such as
Zelensky/Zelenskyy when the given names agree), and named by the fullest form any article uses.

The stage runs in this order: tokens (`tokens.py`), candidate runs (`runs.py`), each run judged
by the named rules (`rules.py`: evidence in `evidence.py`, vetoes in `vetoes.py`) into
candidates (`candidates.py`), candidates merged into people (`cluster.py`), then every mention
found (`mentions.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..article import Article
from ..lexicon import words
from ..lexicon.names import KINSHIP, fold
from ..model import Mention, Person
from ..tokens.memo import Memo
from .candidates import find_candidates
from .cluster import Cluster, cluster
from .mentions import add_mentions
from .runs import scan_runs
from .tokens import tokenize_all

_COURTESY = words("people-courtesy")


def find_people(articles: Sequence[Article], memo: Memo | None = None) -> list[Person]:
    """People named in the articles, most mentioned first, merged across articles."""
    memo = memo if memo is not None else Memo()
    arts = tokenize_all(articles, memo)
    bodies = [a.body for a in articles]
    clusters = cluster(find_candidates(scan_runs(bodies, arts, memo), bodies))
    if not clusters:
        return []
    for cl in clusters:
        _collect_titles(cl)
    add_mentions(articles, arts, clusters)
    people: list[tuple[tuple[int, int, int, int], Person]] = []
    for cl in clusters:
        _drop_contained_titles(cl)
        if cl.mentions:
            people.append(_person(articles, cl))
    people.sort(key=lambda kp: kp[0])
    return [p for _, p in people]


def trace(articles: Sequence[Article]) -> list[tuple[str, str]]:
    """(run text, rule name) for every run a rule decided, in reading order: what the golden
    examples of `rules.py` check, and a way to see why a name was or was not found."""
    memo = Memo()
    arts = tokenize_all(articles, memo)
    bodies = [a.body for a in articles]
    out: list[tuple[str, str]] = []
    find_candidates(scan_runs(bodies, arts, memo), bodies, out)
    return out


def _collect_titles(cl: Cluster) -> None:
    """A person's titles: each candidate's own, never a courtesy title, a plural role or a
    relative noun ("his son")."""
    for c in cl.candidates:
        if (
            c.title
            and fold(c.title) not in _COURTESY
            and c.title not in cl.titles
            and not c.plural_title
            and fold(c.title.split()[-1]) not in KINSHIP
        ):
            cl.titles.append(c.title)


def _drop_contained_titles(cl: Cluster) -> None:
    """ "Chancellor" adds nothing next to "German Chancellor"."""
    cl.titles = [
        t
        for t in cl.titles
        if not any(o != t and fold(o).endswith(" " + fold(t)) for o in cl.titles)
    ]


def _person(articles: Sequence[Article], cl: Cluster) -> tuple[tuple[int, int, int, int], Person]:
    """The person a cluster became, with the key that orders people: most mentioned first,
    then in most articles, then first mentioned."""
    mentions = sorted(set(cl.mentions), key=lambda m: (m.article, m.start))
    name = cl.name()
    n_articles = len({m.article for m in mentions})
    first = mentions[0]
    key = (-len(mentions), -n_articles, first.article, first.start)
    person = Person(
        name=name,
        aliases=_aliases(articles, cl, name, mentions),
        titles=tuple(cl.titles),
        mentions=tuple(mentions),
    )
    return key, person


def _aliases(
    articles: Sequence[Article], cl: Cluster, name: str, mentions: list[Mention]
) -> tuple[str, ...]:
    """Every form the person is named by, the name first: titled introductions ("Kremlin aide
    Yuri Ushakov", not an appositive with its comma), then each mention as written, never a
    bare title."""
    aliases = _titled_forms(articles, cl) + [m.text for m in mentions]
    seen: dict[str, None] = {name: None}
    titles = {fold(t) for t in cl.titles}
    for a in aliases:
        if a not in seen and fold(a) not in titles:
            seen[a] = None
    return tuple(seen)


def _titled_forms(articles: Sequence[Article], cl: Cluster) -> list[str]:
    """The introductions with their titles ("Kremlin aide Yuri Ushakov"), in reading order,
    never an appositive with its comma."""
    forms: list[str] = []
    for c in sorted(cl.candidates, key=lambda c: (c.article, c.start)):
        if c.title and c.title_start is not None and not c.plural_title:
            form = articles[c.article].body[c.title_start : c.end]
            if "," not in form:
                forms.append(form)
    return forms
