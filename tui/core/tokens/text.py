"""The word layer's public face, under the name every stage has imported it by.

News prose is compared word by word, so every stage needs the same idea of a word: where it is
in the body, what it normalises to, whether it carries content, and whether it is a number, a
date word or a name. Keeping these rules in one layer means a sentence that two stages look at
is read the same way by both. The layer lives in small modules beside this one:

- `words`: the tokenizer, `Token`, `fold`/`normalise`/`stem`, stopwords
- `numerals`: number words and values, years, durations, people nouns
- `dates`: weekdays, months, relative days, day numbers, wire datelines
- `shapes`: quotation regions, name-like tokens
- `concepts`: news-register synonym classes and phrases
- `diff`: the word diff (difflib opcodes)
- `quantities` (a package of its own): amounts and date parts, one parser for conflicts and
  alignment; `context`: the memo of the running comparison, for callers that pass none

Their word lists are data files in tui/core/lexicon/data (tokens-*.txt). Import from here or
from the module itself; every name this module exported before the split still resolves here.
"""

from __future__ import annotations

from .concepts import CONCEPTS, PHRASES, phrase_concepts
from .dates import (
    MONTHS,
    RELATIVE_DAYS,
    WEEKDAYS,
    dateline_end,
    day_of_month,
    month_of,
    weekday_of,
)
from .diff import Opcode, word_opcodes
from .numerals import (
    DAYS_PER,
    DURATION_WORDS,
    MULTIPLIERS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PEOPLE,
    PERCENT_WORDS,
    is_year,
    number_value,
    spelled_duration,
)
from .shapes import name_like, quote_regions
from .words import (
    CURRENCY,
    STOPWORDS,
    WORD_RE,
    Token,
    fold,
    is_stopword,
    normalise,
    sentence_tokens,
    stem,
    tokenize,
    word_forms,
)

__all__ = [
    "CONCEPTS",
    "CURRENCY",
    "DAYS_PER",
    "DURATION_WORDS",
    "MONTHS",
    "MULTIPLIERS",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "PEOPLE",
    "PERCENT_WORDS",
    "PHRASES",
    "RELATIVE_DAYS",
    "STOPWORDS",
    "WEEKDAYS",
    "WORD_RE",
    "Opcode",
    "Token",
    "dateline_end",
    "day_of_month",
    "fold",
    "is_stopword",
    "is_year",
    "month_of",
    "name_like",
    "normalise",
    "number_value",
    "phrase_concepts",
    "quote_regions",
    "sentence_tokens",
    "spelled_duration",
    "stem",
    "tokenize",
    "weekday_of",
    "word_forms",
    "word_opcodes",
]
