"""Who is in the story: names found on evidence, aliases merged across articles.

The quotes stage reads sentences with the same tokens (`Token`, `tokenize`), the same test
for a verb of speech (`is_speech`) and a person's gender (`gender_of`).
"""

from .engine import find_people, trace
from .evidence import is_speech
from .gender import gender_of
from .rules import PEOPLE
from .tokens import Token, tokenize

__all__ = ["PEOPLE", "Token", "find_people", "gender_of", "is_speech", "tokenize", "trace"]
