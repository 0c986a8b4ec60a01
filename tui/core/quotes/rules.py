"""The "quotes" registry: every attribution rule, in the order it is tried, each with golden
examples (a sentence or a short paragraph, and the speaker of its last quote).

Order within each side is the order below; `attribute` says how the sides take turns. The
reference rules do not find a speaker phrase: they say whom a phrase such as "he", "it" or
"the outgoing prime minister" names, once a shape rule has found it. `Quote.rule` (the JSON's
`quotes[].rule`) is the name of the rule that gave the speaker: a reference rule when one
resolved the phrase, else the shape rule that found it.
"""

from __future__ import annotations

from typing import Any

from ..rules import Registry
from . import after, around, before
from .site import QuoteRule


def run_example(rule: QuoteRule, text: Any) -> str | None:
    """The speaker `rule` alone gives the last quote of `text` (earlier quotes are attributed
    by every rule, as they would be in an article): a person's name or a source as written,
    None when the rule's shape is not there or names no one."""
    from ..ingest import parse_article
    from ..people import find_people
    from .attribute import attribute_article

    arts = [parse_article(str(text))]
    _pieces, _ctx, speakers = attribute_article(0, arts[0], find_people(arts), list(RULES), rule)
    sp = speakers[-1] if speakers else None
    if sp is None or sp.kind == "unresolved":
        return None
    if rule.where == "reference" and sp.rule != rule.name:
        return None
    return sp.name


RULES: Registry[QuoteRule] = Registry("quotes", run_example)

PRONOUN = QuoteRule(
    "pronoun",
    "He/she: a person earlier in the sentence, else the subject (or the one fitting person) "
    "of the sentence before in the paragraph, else the latest speaker of this paragraph or "
    "the one before; never further back.",
    (
        (
            "Finance Minister Anna Weber met Governor Peter Lang on Monday. Lang said rates "
            'would rise. "We disagree on the timing," she said.',
            "Anna Weber",
        ),
        (
            "Harbour master Ole Nygaard said the ferry had left on time.\n\n"
            "Police detained the captain, Sven Aas, on Monday evening. "
            '"I followed every rule," he said.',
            "Sven Aas",
        ),
        (
            "Prime Minister Karel Dekker spoke first.\n\n"
            "Outside the town hall, Pieter Jansen handed out leaflets. "
            "“Nobody asked us,” he said.",
            "Pieter Jansen",
        ),
        (
            "“We will rebuild,” President Emmanuel Okafor said.\n\n"
            "The water had reached the second floor of the school by noon.\n\n"
            "“I lost my shop and my house,” he said.",
            None,
        ),
    ),
    "reference",
)
IT_SUBJECT = QuoteRule(
    "it-subject",
    '"It said" is the named body that is the subject of the sentence before, never a person.',
    (
        (
            "The Athletics Integrity Unit rejected that explanation. "
            '"The evidence of doping is overwhelming," it said.',
            "The Athletics Integrity Unit",
        ),
    ),
    "reference",
)
ROLE_TITLE = QuoteRule(
    "role-title",
    "A definite role is the one person of the article introduced with that title; former "
    "roles go to the one introduced as former or outgoing.",
    (
        (
            "Prime Minister Tove Halvorsen handed in her resignation on Thursday. "
            '"I leave with my head high," said the outgoing prime minister.',
            "Tove Halvorsen",
        ),
        (
            "President Jonas Valiukas signed the decree in Vilnius.\n\n"
            '"Our borders will stay open," the head of state said.',
            "Jonas Valiukas",
        ),
        (
            "Foreign Minister Carla Benedetti met Trade Minister Aldo Ferri in Rome. "
            '"We agree on every point," the minister said.',
            None,
        ),
    ),
    "reference",
)
ROLE_KINSHIP = QuoteRule(
    "role-kinship",
    'A kinship role with a given name ("the son Adam") is the relative of that name.',
    (
        (
            "Retired miner Jan Kos and his son Adam Kos reached the shaft at dawn. "
            '"Nobody tells us anything at all," the son Adam told reporters.',
            "Adam Kos",
        ),
    ),
    "reference",
)
ROLE_ANAPHOR = QuoteRule(
    "role-anaphor",
    'A role or noun no one was introduced with ("the party leader", "the mother") is the one '
    "untitled person the sentence before is about, when the gender fits.",
    (
        (
            "In Rotterdam, Joost van den Heuvel reacted angrily. "
            '"This is a betrayal of every voter," the party leader said.',
            "Joost van den Heuvel",
        ),
    ),
    "reference",
)

for _rule in (
    after.QUOTED_AS_SAYING_AFTER,
    after.ACCORDING_TO_AFTER,
    after.SAID_X_AFTER,
    after.X_SAID_AFTER,
    after.TRAILING_X_SAID,
    before.QUOTED_AS_SAYING_BEFORE,
    before.ACCORDING_TO_BEFORE,
    before.ADDING_THAT,
    before.WHO_SAID,
    before.X_TOLD_Y_BEFORE,
    before.X_SAID_BEFORE,
    before.COLON_SUBJECT,
    before.COLON_APPOSITIVE,
    before.COLON_SENTENCE_SUBJECT,
    around.SAME_SENTENCE,
    around.FRAMING_SUBJECT,
    around.SOURCE_SUBJECT,
    around.NEXT_SENTENCE_SUBJECT,
    around.SAME_PARAGRAPH,
    around.COLON_PARAGRAPH,
    around.PREVIOUS_PARAGRAPH,
    around.MULTI_PARAGRAPH,
    PRONOUN,
    IT_SUBJECT,
    ROLE_TITLE,
    ROLE_KINSHIP,
    ROLE_ANAPHOR,
):
    RULES.add(_rule)
