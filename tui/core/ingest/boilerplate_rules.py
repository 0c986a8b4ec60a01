"""The boilerplate rules, in the order they are tried, each with its golden examples.

An example is a paragraph and the kind the rule alone gives it (None: the rule leaves it
alone). Negative examples are news sentences that look like the shape ("By Thursday, talks
had stalled."), so a rule that grows too greedy fails its own table. Rules that come first
win: a byline is a byline even when it also opens like a credit line.
"""

from __future__ import annotations

import re

from .boilerplate import BOILERPLATE, BoilerplateRule
from .lazy import LazyRegex, alternation

_I = re.IGNORECASE
_WORD = r"[A-Z][\w'’.-]*"  # a capitalised word of a name, initials and "O’Neill" included


def _not_name() -> str:
    """A capitalised word after "By" that is a date or an adverb, not a reporter's name."""
    words = alternation(
        "ingest-boilerplate-weekdays", "ingest-boilerplate-months", "ingest-boilerplate-not-names"
    )
    return rf"(?!{words}\b)"


def _name() -> str:
    particle = alternation("ingest-boilerplate-name-particles")
    return rf"{_WORD}(?:\s+(?:{_WORD}|{particle})){{0,3}}"


# Wire bylines often say where the reporter filed from: "By Jane Doe in The Hague".
_FILED_FROM = rf"(?:\s+in\s+(?:[Tt]he\s+)?{_WORD}(?:\s+{_WORD}){{0,3}})?"
_ORG_WORD = r"(?:[A-Z&][\w&'’.-]*|of|the|and|for|on|in|de)"


def _byline_by() -> str:
    person = f"{_not_name()}{_name()}{_FILED_FROM}"
    role = rf"(?:\s+{alternation('ingest-boilerplate-byline-roles')}s?)*"
    outlet = (
        rf"(?:\s*(?:,|\||/|–|—|-|·|\bfor\b|\bof\b)\s*(?:[Tt]he\s+)?[A-Z][\w&'’.-]*"
        rf"(?:\s+{_ORG_WORD}){{0,5}}{role})?"
    )
    return (
        rf"{_BY_OPENING}+{person}"
        rf"(?:\s*(?:,|\band\b|&)\s+{person})*{outlet}"
        r"(?<![a-z]\.)"  # a byline never ends as a sentence does ("..., the editor said.")
    )


# What every byline with "By" opens with (its pattern is whole-paragraph, `fullmatch`).
_BY_OPENING = r"(?i:by|written by|words by|story by|text by)\s"


def _byline_by_gate() -> str:
    return rf"^{_BY_OPENING}"


def _beat_gate() -> str:
    return rf"(?i:{alternation('ingest-boilerplate-beats')})"


_TIMESTAMP_OPENING = r"(?i:published|updated|last updated|first published|posted)"


def _byline_role() -> str:
    beat = alternation("ingest-boilerplate-beats")
    return rf"{_not_name()}{_name()},\s+(?:[A-Za-z][\w'’-]*\s+){{0,3}}(?i:{beat})s?{_FILED_FROM}"


def _advert_label() -> str:
    advert = alternation("ingest-boilerplate-advert", phrases=True)
    return rf"{advert}(?:\s*[·|•–—-]\s*{advert})*\s*[.:]?\s*$"


def _credit_agency() -> str:
    agency = alternation("ingest-boilerplate-agencies")
    return rf"\(\s*{agency}(?:\s*(?:/|Photo|Images|via)).{{0,150}}\)"


def _caption() -> str:
    agency = alternation("ingest-boilerplate-caption-agencies")
    return rf"{agency}/[A-Z][\w .'’-]{{1,60}}(?:/File Photo)?\s*$"


def _timestamp() -> str:
    abbreviation = alternation("ingest-boilerplate-date-abbreviations")
    names = alternation("ingest-boilerplate-months", "ingest-boilerplate-weekdays")
    date_word = rf"(?:{abbreviation}\.?|{names})"
    return (
        rf"{_TIMESTAMP_OPENING}(?:\s+(?i:on|at))?\s*:?\s+"
        rf"(?:(?:{date_word}|\d{{1,4}}(?::\d\d)?(?:st|nd|rd|th)?|[ap]\.m\.|[AP]M|[A-Z]{{2,4}}"
        r"|at|on|ago|(?:hour|minute|day)s?)[,/\s-]*){1,12}"
    )


_add = BOILERPLATE.add

_add(
    BoilerplateRule(
        name="byline-by",
        why="A reporter's byline: 'By Jane Doe', with co-authors, a dateline and an outlet.",
        kind="byline",
        pattern=LazyRegex(_byline_by),
        how="fullmatch",
        gate=LazyRegex(_byline_by_gate),
        limit=160,
        examples=(
            ("By Jane Doe", "byline"),
            ("By Jane Doe and John Roe, Reuters", "byline"),
            ("By JANE DOE | Associated Press", "byline"),
            ("By Jean-Noël Barrot and Mohamed bin Salman, The New York Times", "byline"),
            ("By R.J. Whitaker", "byline"),
            ("By Ana Soto in Santiago and Tom Reyes in Lima", "byline"),
            ("By Thursday, talks had stalled.", None),
            ("By Monday in Brussels the deal was done.", None),
            ("By contrast, the army delegation left without comment.", None),
            ("By Jane Doe’s own account, the meeting lasted three hours.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="byline-role",
        why="A byline without 'By': the reporter's name and beat, 'Nina Forsberg, Nordic "
        "correspondent'.",
        kind="byline",
        pattern=LazyRegex(_byline_role),
        how="fullmatch",
        gate=LazyRegex(_beat_gate),
        limit=100,
        examples=(
            ("Nina Forsberg, Nordic correspondent", "byline"),
            ("Jane Doe, Political Editor", "byline"),
            ("Helen Marchetti, Europe correspondent in Brussels", "byline"),
            ("Jane Doe, the editor, said the paper would appeal.", None),
            ("Monday, our correspondent", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="related-label",
        why="A link to another story under a label: 'Related: ...', 'See also: ...'.",
        kind="related",
        pattern=LazyRegex(
            r"(?:related(?:\s+(?:articles?|stories|story|coverage|content|reading|news|links?"
            r"|topics?|video))?|see also|also (?:read|see)|more on this(?:\s+(?:story|topic))?"
            r"|recommended(?:\s+(?:reading|stories|articles?))?|further reading"
            r"|suggested (?:topics|reading|stories|articles)"
            r"|you (?:may|might) also (?:like|be interested in)|most (?:read|popular)"
            r"|editor'?s picks?)\s*(?::|-|–|—|\|)",
            _I,
        ),
        limit=400,
        examples=(
            (
                "Related article: Trump Claims ‘Great Progress Made’ During Putin-Witkoff Meeting",
                "related",
            ),
            ("RELATED COVERAGE: Sudan truce talks resume in Jeddah", "related"),
            ("See also: How the Digital Markets Act changes app stores", "related"),
            ("Related talks in Geneva ended without agreement, diplomats said.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="read-more",
        why="A call to read on elsewhere: 'Read more', 'Continue reading', 'Click here ...'.",
        kind="read-more",
        pattern=LazyRegex(
            r"(?:read more|read next|read also|continue reading|keep reading|click here|tap here"
            r"|learn more)\b|read the (?:full|latest|rest of the|whole) \w+\s*(?:here|:|$)",
            _I,
        ),
        limit=300,
        examples=(
            ("Read more: Inside the battle for El Fasher", "read-more"),
            ("READ MORE:", "read-more"),
            ("Click here to watch the full press conference", "read-more"),
            ("Read the full story here", "read-more"),
            ("Read the full statement, officials urged reporters on Thursday.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="byline-credit-line",
        why="The wire services' credit line: '(Reporting by ...; Editing by ...)'.",
        kind="byline",
        pattern=LazyRegex(
            r"\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|produced"
            r"|graphics|fact-checking)\s+by\b",
            _I,
        ),
        limit=600,
        examples=(
            (
                "(Reporting by Omar Said in Jeddah; Writing by Helen Ward;"
                " Editing by Dana Whitlock)",
                "byline",
            ),
            ("Reporting by Anna Pelkonen; Editing by Mark Osei", "byline"),
            ("Additional reporting by Karim Haddad in Cairo.", "byline"),
            ("Reporting on the talks was restricted by the military.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="byline-contributed",
        why="A contribution note closing a story: 'The Associated Press contributed to this "
        "report.'",
        kind="byline",
        pattern=LazyRegex(
            r".{0,120}\bcontributed (?:reporting|to this (?:report|story|article))", _I
        ),
        limit=200,
        examples=(
            ("The Associated Press contributed to this report.", "byline"),
            ("Jane Doe in Kyiv contributed reporting.", "byline"),
            ("Donors contributed $5 million to the relief fund.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="credit-photo",
        why="A labelled picture credit: 'Photo: ...', '(Photo by ...)', 'Credit: ...'.",
        kind="credit",
        pattern=LazyRegex(
            r"\(?\s*(?:(?:file\s+)?photo(?:graph)?s?|pictures?|images?|video|illustration"
            r"|graphic|photo illustration|photo credit|credits?)(?:\s+credits?)?\s*(?::|by\b)",
            _I,
        ),
        limit=300,
        examples=(
            (
                "Photo: Firefighters work to put out the blaze in Gazipur. (Dhaka Daily / Rahim "
                "Uddin)",
                "credit",
            ),
            ("(Photo by John Smith/Getty Images)", "credit"),
            ("FILE PHOTO: Rescuers at the site in Moscow. REUTERS/Evelyn Hockstein", "credit"),
            ("Credit: Pierre Lambert / Daily Ledger", "credit"),
            ("Image: Reuters", "credit"),
            ("Photographers were kept away from the site, police said.", None),
            ("Credit Suisse shares fell 5%.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="credit-agency",
        why="An agency's bracketed photo credit: '(AP Photo/Evan Vucci)'.",
        kind="credit",
        pattern=LazyRegex(_credit_agency),
        limit=200,
        examples=(
            ("(AP Photo/Evan Vucci)", "credit"),
            ("(Getty Images via AFP)", "credit"),
            ("(AP) — Rescuers reached the village on Friday.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="advert-label",
        why="An advert slot's label on its own line: 'Advertisement', 'Story continues below'.",
        kind="advert",
        pattern=LazyRegex(_advert_label, _I),
        limit=80,
        examples=(
            ("Advertisement", "advert"),
            ("ADVERTISEMENT", "advert"),
            ("Story continues below advertisement", "advert"),
            ("Advertisement · Scroll to continue", "advert"),
            ("The advertisement campaign cost $2 million, the company said.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="advert-signup",
        why="A newsletter pitch: 'Sign up for our daily briefing newsletter'.",
        kind="advert",
        pattern=LazyRegex(
            r"(?:sign up|subscribe|register)\b.{0,200}?\b(?:newsletters?|briefings?|alerts?"
            r"|inbox|e-?mails?|digest)\b",
            _I,
        ),
        limit=300,
        examples=(
            ("Sign up for our daily Morning Briefing newsletter", "advert"),
            ("Subscribe to our alerts", "advert"),
            ("Sign language interpreters were present at the briefing.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="share",
        why="Social buttons and follow pitches: 'Share this article', 'Follow us on ...'.",
        kind="share",
        pattern=LazyRegex(
            r"(?:share this(?:\s+(?:article|story|page|post))?|share on\b|share:|share\s*$"
            r"|follow (?:us|@?[\w.]+(?:\s+[\w.]+)?) on\b|like us on\b|join (?:us|our \w+) on\b)",
            _I,
        ),
        limit=200,
        examples=(
            ("Share this article", "share"),
            ("Follow us on Twitter and Facebook", "share"),
            ("Shares in the company fell 3% after the announcement.", None),
            ("Follow-up talks are expected next week.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="other-copyright",
        why="Legal and editorial notes: copyright lines, 'All rights reserved', corrections.",
        kind="other",
        pattern=LazyRegex(
            r"(?:copyright\b(?=\s*(?:©|\(c\)|(?:19|20)\d\d|by\b|:|$))|©|\(c\)\s*(?:19|20)\d\d"
            r"|all rights reserved|our standards:"
            r"|this (?:article|story) (?:has been|was) (?:updated|corrected)\b)",
            _I,
        ),
        limit=300,
        examples=(
            ("Copyright 2025 The Associated Press. All rights reserved.", "other"),
            ("© 2026 Northern Wire", "other"),
            ("Our Standards: The Thomson Reuters Trust Principles.", "other"),
            ("Copyright lawyers said the case could take years.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="credit-caption",
        why="A photo caption ending in the agency's credit: '... REUTERS/Evelyn Hockstein'.",
        kind="credit",
        pattern=LazyRegex(_caption),
        how="search",
        limit=400,
        examples=(
            (
                "Russian President Vladimir Putin attends a meeting in Moscow, Russia."
                " REUTERS/Evelyn Hockstein/File Photo",
                "credit",
            ),
            ("Rescuers search the rubble in Gaziantep. AFP/Ozan Kose", "credit"),
            ("Prices rose 5%, REUTERS reported.", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="other-timestamp",
        why="A page timestamp: 'Updated 10:42 AM EDT, Thu August 7, 2025'.",
        kind="other",
        pattern=LazyRegex(_timestamp),
        how="fullmatch",
        gate=LazyRegex(rf"^{_TIMESTAMP_OPENING}"),
        limit=100,
        needs_digit=True,
        examples=(
            ("Updated 10:42 AM EDT, Thu August 7, 2025", "other"),
            ("Published: 7 August 2025", "other"),
            ("Updated figures showed 5% growth in 2024.", None),
            ("Posted on Tuesday, the video drew 5 million views.", None),
            ("Updated on Tuesday", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="other-section-label",
        why="A section or topic label ('World', 'Europe'): one or two words, no verb, no fact.",
        kind="other",
        pattern=LazyRegex(r"[^\W\d_][\w'’&-]*(?: [^\W\d_][\w'’&-]*)?"),
        how="fullmatch",
        limit=40,
        examples=(
            ("World", "other"),
            ("Middle East", "other"),
            ("Talks stalled.", None),
            ("Storm hits the coast", None),
        ),
    )
)
_add(
    BoilerplateRule(
        name="other-url",
        why="A bare web address on its own line, left over from a share box or a link.",
        kind="other",
        pattern=LazyRegex(r"(?:https?://|www\.)\S+"),
        how="fullmatch",
        limit=300,
        examples=(
            ("https://example.com/news/story-123", "other"),
            ("www.example.org", "other"),
            ("See www.example.org for the full report.", None),
        ),
    )
)
