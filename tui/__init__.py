"""Parallax: compare how different outlets report the same news event, in the terminal."""

__version__ = "0.1.0"
