"""Errors the engine raises for input it cannot use; the CLI turns them into one-line messages."""


class ParallaxError(Exception):
    """Base class: its message is shown to the user as is, on one line."""


class LoadError(ParallaxError):
    """A file that cannot be read as an article (missing, a directory, binary, empty ...)."""
