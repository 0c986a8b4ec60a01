"""Word-level helpers shared by alignment, conflicts, people and quotes.

News prose is compared word by word, so every stage needs the same idea of a word: where it is
in the body (offsets, for highlighting), what it normalises to (lowercase, curly apostrophes
folded, a light stem so "meets"/"meeting"/"met" do not all look different), whether it carries
content (stopwords and reporting verbs like "said" say nothing about the fact), and whether it is
a number, a date word or a name. Keeping these rules in one module means a sentence that two
stages look at is read the same way by both.

The rules are deliberately light (no model download is possible at run time): a suffix stripper
rather than a lemmatiser, capitalisation rather than a tagger. They are tuned for how news is
written in English, not for any particular article.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

# Abbreviations with dots (U.S., U.K.), money/numbers with separators, decimals and a percent
# sign, then ordinary words with inner apostrophes or hyphens. Order matters: the first
# alternative that matches wins.
WORD_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[$€£¥]?\d+(?:[.,:]\d+)*(?:%|(?:st|nd|rd|th)\b)?"
    r"|[^\W\d_](?:[\w]|['’‘](?=\w)|-(?=\w))*",
    re.UNICODE,
)

# Function words plus the verbs and fillers of attribution ("said", "told", "according"): they
# occur in every news sentence, so sharing them is no evidence that two sentences tell one fact.
_STOPWORD_TEXT = """
    a about above after again against all almost also although am among an and another any are
    aren't around as at be became because been before being below between both but by can can't
    cannot could couldn't did didn't do does doesn't doing don't down during each either else
    even ever every few for from further had hadn't has hasn't have haven't having he he'd he'll
    he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in
    into is isn't it it's its itself just let's may me might more most much must mustn't my
    myself neither no nor not now of off on once one's only or other others otherwise ought our
    ours ourselves out over own per perhaps rather same shall shan't she she'd she'll she's
    should shouldn't since so some still such than that that's the their theirs them themselves
    then there there's therefore these they they'd they'll they're they've this those though
    through thus to too toward towards under until up upon us very via was wasn't we we'd we'll
    we're we've were weren't what what's whatever when when's where where's whereas whether which
    while who who's whom whose why why's will with within without won't would wouldn't yet you
    you'd you'll you're you've your yours yourself yourselves
    said say says saying told tell tells added adding according also meanwhile later earlier
    already just well like including mr mrs ms dr
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())

WEEKDAYS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
# Short weekday forms collide with ordinary words ("sat", "sun", "wed"); they only count when
# capitalised and followed by a period, which `weekday_of` checks.
_AMBIGUOUS_WEEKDAYS = frozenset({"sat", "sun", "wed", "mon", "fri", "thu", "tue"})

# Days news names relative to its own publication ("yesterday" in a morning paper is the wire's
# "on Tuesday"): the same slot as a weekday, whose value the reader cannot check.
RELATIVE_DAYS = frozenset({"yesterday", "today", "tomorrow", "tonight"})

MONTHS: dict[str, int] = {
    name: i + 1
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for name in names
}

NUMBER_WORDS: dict[str, float] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "once": 1,
    "twice": 2,
    "half": 0.5,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
# Ordinals and "once"/"twice" count as numbers for conflicts ("first summit" vs "second
# summit") but "second" is also a unit of time and "one" a pronoun, so the numbers stage treats
# these as weaker than digits.
ORDINAL_WORDS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
)

MULTIPLIERS: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "bn": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
}


class Token(NamedTuple):
    """One word of a text with its body offsets and the normal forms the engine compares."""

    text: str
    start: int
    end: int
    norm: str  # lowercase, curly apostrophes folded, trailing possessive kept
    stem: str  # light stem of norm, possessive dropped
    stop: bool
    capital: bool  # starts with an uppercase letter


# Currency signs written before an amount; the amount's unit in conflicts.
CURRENCY = "$€£¥"


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """Lowercase, fold typographic apostrophes and strip accents, so “Trump’s” and "Trump's",
    or "Tomáš Halvík" and "Tomas Halvik" (outlets differ on diacritics), compare equal."""
    return fold(word).lower()


# Latin letters that are letters of their own in Unicode, not a base letter with a mark, so
# NFKD leaves them whole; wires and English-language outlets write them as these ASCII
# letters ("Łukasz Zieliński" -> "Lukasz Zielinski", "Søren" -> "Soren", "Straße").
_UNDECOMPOSED = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
     "Ħ": "H", "ħ": "h", "ı": "i", "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
     "Þ": "Th", "þ": "th"}
)  # fmt: skip
_UNDECOMPOSED_CHARS = frozenset(chr(c) for c in _UNDECOMPOSED)


def fold(text: str) -> str:
    """Text with accents removed and typographic apostrophes made straight (same length is not
    guaranteed: use it for comparing, never for offsets)."""
    text = text.replace("’", "'").replace("‘", "'")
    if text.isascii():
        return text
    if not _UNDECOMPOSED_CHARS.isdisjoint(text):
        text = text.translate(_UNDECOMPOSED)
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed == text:  # curly quotes and dashes: nothing to strip
        return text
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English suffix stripper: plural, possessive, -ing, -ed, -ly, final -e.

    It only has to make inflections of one word meet ("meetings" ~ "meeting", "agreed" ~
    "agree", "announces" ~ "announced"); over-stemming two different words together costs
    little because names and numbers carry most of the alignment evidence.
    """
    w = normalise(word)
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if len(w) <= 3 or not w.isalpha():
        return w
    base = w
    for suffix, repl, keep in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            if suffix == "s" and (w[-2] in "su" or w.endswith("is")):
                break
            base = w[: len(w) - len(suffix)] + repl
            # "stopped" -> "stop", "planning" -> "plan": undo a doubled final consonant.
            doubled = len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz"
            if suffix in ("ing", "ed", "ings") and doubled:
                base = base[:-1]
            break
    if len(base) > 4 and base.endswith("e"):
        base = base[:-1]
    return base


# (suffix, replacement, minimum letters left before the suffix), tried in order.
_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("ies", "y", 3),
    ("ness", "", 4),
    ("ments", "", 4),
    ("ment", "", 4),
    ("ings", "", 3),
    ("ing", "", 3),
    ("edly", "", 3),
    ("ed", "", 3),
    ("ly", "", 4),
    ("es", "e", 3),
    ("s", "", 3),
)


def is_stopword(word: str) -> bool:
    return normalise(word) in STOPWORDS


def tokenize(text: str, base: int = 0) -> list[Token]:
    """All words of `text` as Tokens; `base` is added to offsets (pass the sentence start)."""
    return list(sentence_tokens(text, base))


@lru_cache(maxsize=16384)
def sentence_tokens(text: str, base: int = 0) -> tuple[Token, ...]:
    """`tokenize` as a shared, cached tuple: alignment, shared spans, diff and conflicts all
    read the same sentences, so each is scanned once per comparison."""
    # tuple.__new__ skips NamedTuple's Python-level constructor: this runs once per word.
    new, forms = tuple.__new__, _word_forms
    out = []
    for m in WORD_RE.finditer(text):
        w = m.group()
        s, e = m.span()
        out.append(new(Token, (w, base + s, base + e, *forms(w))))
    return tuple(out)


@lru_cache(maxsize=65536)
def _word_forms(w: str) -> tuple[str, str, bool, bool]:
    n = normalise(w)
    return n, stem(w), n in STOPWORDS, w[:1].isupper()


Opcode = tuple[str, int, int, int, int]


@lru_cache(maxsize=16384)
def word_opcodes(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[Opcode, ...]:
    """difflib's opcodes turning word sequence `a` into `b` (no autojunk: news repeats "the").

    The one word diff of the engine (passage diffs, name swaps, quote wording, quote links):
    it depends only on the words, not on where they stand, so a pair of sentences compared
    again (another counterpart, another comparison, text moved by an edit) is matched once.
    """
    return tuple(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


_NUM_RE = re.compile(r"^[$€£¥]?(\d+(?:[.,]\d+)*)(%|st|nd|rd|th)?$")


def number_value(word: str) -> float | None:
    """The value of a digit token ("1,200" -> 1200.0, "$2.1" -> 2.1, "14%" -> 14.0) or a
    number word ("three" -> 3.0); None when the word is not a number.

    A comma followed by exactly three digits is a thousands separator; otherwise it is read as
    a decimal comma, as European outlets write it.
    """
    w = normalise(word)
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    m = _NUM_RE.match(w)
    if not m:
        return None
    digits = m.group(1)
    if "," in digits:
        parts = digits.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            digits = "".join(parts)
        elif len(parts) == 2 and "." not in digits:
            digits = parts[0] + "." + parts[1]
        else:
            digits = digits.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


def is_year(word: str) -> bool:
    """A four-digit number in the range news writes as a year (1900-2099)."""
    return len(word) == 4 and word.isdecimal() and 1900 <= int(word) <= 2099


def weekday_of(token: Token, next_text: str = "") -> int | None:
    """Weekday index 0..6 when the token names a day ("Thursday", "Thu.")."""
    if not token.capital:
        return None
    n = token.norm
    if n not in WEEKDAYS:
        return None
    if n in _AMBIGUOUS_WEEKDAYS and not next_text.startswith("."):
        return None
    return WEEKDAYS[n]


def month_of(tokens: list[Token], k: int, next_text: str = "") -> int | None:
    """Month 1..12 when tokens[k] names a month ("August", "Aug.", "March 18").

    "May" and "March" are also a modal and a verb, and "Jan" a first name, so those and the
    short forms count only next to a day number or a year, or (short forms only) before a
    period; `next_text` is the body text right after the token.
    """
    t = tokens[k]
    if not t.capital or t.norm not in MONTHS:
        return None
    if (len(t.norm) > 4 and t.norm != "march") or t.norm in ("june", "july"):
        return MONTHS[t.norm]
    near = [tokens[j].text for j in (k - 1, k + 1) if 0 <= j < len(tokens)]
    if any(day_of_month(w) is not None or is_year(w) for w in near):
        return MONTHS[t.norm]
    if t.norm not in ("may", "march") and next_text.startswith("."):
        return MONTHS[t.norm]
    return None


def day_of_month(text: str) -> int | None:
    """1..31 for "7" or "7th"; None otherwise."""
    digits = text[:-2] if text[-2:].lower() in ("st", "nd", "rd", "th") else text
    if digits.isdecimal() and 1 <= int(digits) <= 31:
        return int(digits)
    return None


_QUOTE_MARK_RE = re.compile('[“”"]')


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans (relative to `text`) of the words inside quotation marks.

    Curly quotes pair explicitly; straight double quotes pair in order. An opening mark with no
    closing one runs to the end of the text, because news often continues a quote over a
    sentence boundary and closes it later.
    """
    regions: list[tuple[int, int]] = []
    n = len(text)
    open_at = -1  # position after the opening mark of the quote being read, or -1
    straight = False
    for m in _QUOTE_MARK_RE.finditer(text):
        c = m.group()
        pos = m.start()
        if open_at < 0:
            if c == "”":
                # A closing mark with nothing open: the quote began in an earlier sentence.
                if not regions:
                    regions.append((0, pos))
                continue
            open_at, straight = pos + 1, c == '"'
        elif (straight and c == '"') or (not straight and c == "”"):
            regions.append((open_at, pos))
            open_at = -1
    if open_at >= 0:
        regions.append((open_at, n))
    return [(s, e) for s, e in regions if e > s]


def name_like(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] looks like (part of) a name: capitalised and not a stopword.

    The first word of a sentence is capitalised anyway, so it only counts when the next word
    is a capitalised non-stopword too (a multiword name such as "Vladimir Putin said").
    """
    t = tokens[i]
    if not t.capital or t.stop or t.text[:1].isdigit():
        return False
    if t.norm in WEEKDAYS or t.norm in MONTHS:
        return False
    if i == 0:
        nxt = tokens[1] if len(tokens) > 1 else None
        return bool(nxt and nxt.capital and not nxt.stop)
    return True


# --- News-register synonyms ------------------------------------------------------------------
# Outlets retell one fact in the stock vocabulary of news: "killed" / "died" / "death toll",
# "truce" / "ceasefire", "jailed" / "imprisoned". Each class below is general news vocabulary
# (never words of one story) whose members, once stemmed, are read as one concept term, so
# two sentences that differ only in the choice of verb still share evidence. The classes are
# kept narrow on purpose: a concept is a single shared word, and the aligner asks for more
# evidence than one shared word before it calls two sentences the same fact.
_CONCEPT_TEXT: dict[str, str] = {
    "die": "killed kill kills killing died dies die dead death deaths dying fatalities "
    "fatality perished",
    "injure": "injured injuring injuries injury wounded wounding hurt",
    "charge": "charged charges charging accused accusing indicted indictment",
    "exclude": "exclude excluded excluding excludes",
    "truce": "truce truces ceasefire ceasefires cease-fire cease-fires armistice",
    "jail": "jail jailed jailing imprison imprisoned imprisoning imprisonment prison",
    "testify": "testify testified testifies testifying testimony",
    "warn": "warn warned warning warns",
    "free": "freed freeing released releasing",
    "travel": "flew flown arrived arriving airlifted",
    "arrest": "arrested arresting arrest detained detaining detention",
    "rise": "rose risen rising increased increase climbed jumped surged",
    "fall": "fell fallen falling dropped declined slipped plunged tumbled",
    "resign": "resigned resigning resignation quit",
    "evacuate": "evacuated evacuating evacuation evacuations",
    "quake": "earthquake earthquakes quake quakes tremor",
    "blaze": "blaze blazes fire fires",
    "vote": "vote votes voting election elections ballot",
}
CONCEPTS: dict[str, str] = {
    stem(w): "~" + concept for concept, words in _CONCEPT_TEXT.items() for w in words.split()
}
# Roles news names one actor by: "a judge jailed him" / "a court sentenced him", "the club's
# boss" / "its chief" / "its director". These are read as the commonest word of the role
# itself, not as a half-weight class: that word is already shared as a whole piece of evidence
# when both outlets use it ("chief executive" on both sides must not weigh less).
CONCEPTS.update({stem(w): stem("court") for w in ("judge", "judges", "tribunal")})
CONCEPTS.update({stem(w): stem("chief") for w in ("boss", "bosses", "director", "directors")})
# Multi-word forms of the same concepts, as lowercase word sequences ("*" is any one word).
PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("lost", "*", "lives"), "~die"),
    (("lost", "*", "life"), "~die"),
    (("death", "toll"), "~die"),
    (("ruled", "out"), "~exclude"),
    (("rule", "out"), "~exclude"),
    (("rules", "out"), "~exclude"),
    (("stepped", "down"), "~resign"),
    (("step", "down"), "~resign"),
    (("set", "free"), "~free"),
    (("behind", "bars"), "~jail"),
    (("sent", "down"), "~jail"),
    # The verb only: "sentence" is also the noun for a grammatical sentence.
    (("sentenced",), "~jail"),
    (("sentencing",), "~jail"),
    (("told", "the", "court"), "~testify"),
    (("told", "the", "jury"), "~testify"),
    (("told", "the", "tribunal"), "~testify"),
    (("told", "the", "inquiry"), "~testify"),
    # Not being charged is the opposite fact of being charged, so it is its own concept.
    (("not", "charged"), "~nocharge"),
    (("not", "*", "charged"), "~nocharge"),
    (("not", "accused"), "~nocharge"),
    (("not", "*", "accused"), "~nocharge"),
    (("no", "charges"), "~nocharge"),
    (("no", "charge"), "~nocharge"),
    (("without", "charge"), "~nocharge"),
    (("not", "govern", "with"), "~exclude"),
    (("never", "govern", "with"), "~exclude"),
    (("won't", "govern", "with"), "~exclude"),
    (("door", "is", "closed"), "~exclude"),
    (("door", "remains", "closed"), "~exclude"),
    (("raised", "the", "alarm"), "~warn"),
    (("raised", "an", "alarm"), "~warn"),
    (("sounded", "the", "alarm"), "~warn"),
    (("by", "helicopter"), "~travel"),
)
_PHRASE_FIRST = frozenset(p[0] for p, _c in PHRASES)


def phrase_concepts(norms: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, concept) for each multi-word news phrase in a sentence's word list."""
    out: list[tuple[int, int, str]] = []
    for k, n in enumerate(norms):
        if n not in _PHRASE_FIRST:
            continue
        for words, concept in PHRASES:
            end = k + len(words)
            if words[0] != n or end > len(norms):
                continue
            if all(w == "*" or w == norms[k + m] for m, w in enumerate(words)):
                out.append((k, end - 1, concept))
                break
    return out


# Units a number is a count of, folded so outlets' spellings meet: "%", "percent", "per cent";
# durations in days ("30-day" = "month-long"); rate moves in basis points ("half a percentage
# point" = "50 basis points"). Anything else takes the stem of the next content word as its
# unit ("420 metres" / "400 metres", "nine miners" / "nine workers" do not meet: see PEOPLE).
PERCENT_WORDS = frozenset({"percent", "pct", "%"})
# Durations count days, so "72-hour" meets "three-day" and "month-long" meets "30-day".
DAYS_PER: dict[str, float] = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
DURATION_WORDS: dict[str, float] = {f"{unit}-long": days for unit, days in DAYS_PER.items()}


def spelled_duration(norm: str) -> float | None:
    """Days in a spelled-out count joined to its unit ("three-day", "two-week"), which the
    tokeniser keeps as one word, unlike "30-day" (a number, then the unit)."""
    head, sep, tail = norm.partition("-")
    if not sep or head not in NUMBER_WORDS:
        return None
    per = DAYS_PER.get(stem(tail))
    return None if per is None else round(NUMBER_WORDS[head] * per, 6)


# Nouns news counts people with: a number before any of them counts people, so "two miners"
# and "three workers" are one kind of quantity (a death toll that disagrees).
_PEOPLE_TEXT = """people person persons men women children civilians workers miners soldiers
    troops passengers residents migrants protesters students patients victims bodies
    officers fighters hostages prisoners pilgrims tourists staff employees crew"""
PEOPLE = frozenset(stem(w) for w in _PEOPLE_TEXT.split())


# --- Datelines -------------------------------------------------------------------------------
# Wire copy opens its first sentence with where (and often when and through whom) it was
# filed: "THE HAGUE, Oct 29 (Continental Wire) - ", "COPIAPO, Chile, March 17 (Andes Wire) -",
# "LONDON (Reuters) —". Those words are filing metadata, not the fact: the other outlet's lede
# does not repeat them, and a filing date is not the date of the event. A dateline is an
# upper-case place (a city, "SAN FRANCISCO/NEW YORK"), then optionally title-case region or
# country, a month and day (and year), and a parenthesised agency, then a dash. An upper-case
# acronym that starts a sentence ("NATO said ...", "UN officials ...") has no dash after it.
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATELINE_RE = re.compile(
    r"(?P<place>[^\W\d_](?:[^\W\d_]|['’.\-])*(?:[ /][^\W\d_](?:[^\W\d_]|['’.\-])*){0,3})"
    r"(?:,\s*[^\W\d_](?:[^\W\d_]|[.\-])*(?:\s[^\W\d_](?:[^\W\d_]|[.\-])*){0,2}){0,2}?"
    rf"(?:,?\s*(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?)?"
    r"(?:\s*\([^()\n]{1,40}\))?"
    r"(?:\s*[—–]\s*|\s+--?\s+)",
    re.IGNORECASE,
)


_DATELINE_MAX = 200


@lru_cache(maxsize=4096)
def dateline_end(text: str) -> int:
    """Length of the wire dateline that opens `text` (through the dash and the space after
    it), or 0 when it has none. Callers apply it to an article's first sentence only."""
    m = _DATELINE_RE.match(text, 0, _DATELINE_MAX)  # a dateline is short: never scan a page
    if m is None:
        return 0
    place = m.group("place")
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return 0
    if m.end("place") == len(m.group().rstrip("-—– ")) and len(letters) < 4:
        return 0  # a bare "US - China talks": short acronyms need a date or an agency
    if m.end() >= len(text) or not any(c.isalpha() for c in text[m.end() :]):
        return 0  # nothing after the dash: a heading, not a dateline
    return m.end()
