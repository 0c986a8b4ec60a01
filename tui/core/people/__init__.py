"""Who is in the story: names found on evidence, aliases merged across articles."""

from .engine import Token, find_people, gender_of, is_speech, tokenize

__all__ = ["Token", "find_people", "gender_of", "is_speech", "tokenize"]
