"""User settings: one small YAML file in the user's config folder.

A settings file is written by hand, so every mistake in it is reported as one line that names
the file, the key and the problem, and only the broken setting falls back to its default: a typo
in the keymap must never cost the user their theme, and never a traceback at start-up.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
import yaml

__all__ = [
    "CONFIG_DIR_ENV",
    "SETTINGS_FILE",
    "Settings",
    "config_dir",
    "load_settings",
    "read_yaml_mapping",
    "settings_path",
    "yaml_type_name",
]

CONFIG_DIR_ENV = "PARALLAX_CONFIG_DIR"
"""Environment variable that moves the whole config folder (tests, portable installs)."""

SETTINGS_FILE = "settings.yaml"

# A settings file is a handful of lines; anything far larger is not one, and reading it whole
# would only delay start-up.
_MAX_BYTES = 256 * 1024

_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Settings:
    """What the user chose; every field has a default so a missing file means a working app."""

    theme: str | None = None
    """Theme name to start with; None means the app's default theme."""

    sidebar: bool = True
    """Whether the people/quotes sidebar is shown at start."""

    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, handed to `App.set_keymap` unchanged."""


def config_dir() -> Path:
    """The folder holding settings.yaml and themes/.

    The environment variable wins so tests and portable setups never touch the real home folder.
    """
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("parallax", appauthor=False))


def settings_path() -> Path:
    """Where load_settings() looks when no path is given."""
    return config_dir() / SETTINGS_FILE


def yaml_type_name(value: Any) -> str:
    """Name a YAML value the way the user wrote it, not the way Python stores it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _one_line(text: str) -> str:
    """YAML error messages span several lines; the user gets one."""
    return " ".join(text.split())


def read_yaml_mapping(path: Path, max_bytes: int = _MAX_BYTES) -> tuple[dict[str, Any] | None, str]:
    """Read a YAML file that must hold a mapping.

    Returns (mapping, "") or (None, problem). Shared with the theme loader so both report
    unreadable, oversized, non-UTF-8, non-YAML and non-mapping files the same way.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, f"file is too large ({size} bytes; at most {max_bytes})"
        raw = path.read_bytes()
    except OSError as error:
        return None, f"cannot be read ({error.strerror or error})"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, "is not UTF-8 text"
    try:
        # libyaml's safe loader when PyYAML was built with it: the same safe subset (no
        # constructors run), several times faster on the themes read at every start.
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        return None, f"{where}not valid YAML ({_one_line(str(problem))})"
    if data is None:
        return {}, ""
    if not isinstance(data, dict):
        return None, f"expected a mapping of keys to values, got {yaml_type_name(data)}"
    bad_keys = [key for key in data if not isinstance(key, str)]
    if bad_keys:
        return None, f"key {bad_keys[0]!r} is not text"
    return data, ""


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Read settings.yaml; return the settings and one line per problem found.

    A missing file is normal (first run) and is not a warning.
    """
    path = settings_path() if path is None else path
    settings = Settings()
    if not path.exists():
        return settings, []
    data, problem = read_yaml_mapping(path)
    if data is None:
        return settings, [f"{path}: {problem}; using default settings"]

    warnings: list[str] = []
    known = ["theme", "sidebar", "keymap"]

    def warn(key: str, problem: str) -> None:
        warnings.append(f"{path}: {key}: {problem}")

    for key, value in data.items():
        if key == "theme":
            if value is None:
                continue
            if isinstance(value, str) and value.strip():
                settings.theme = value.strip()
            else:
                warn(key, f"expected a theme name, got {yaml_type_name(value)}; using the default")
        elif key == "sidebar":
            if isinstance(value, bool):
                settings.sidebar = value
            else:
                warn(key, f"expected true or false, got {yaml_type_name(value)}; using true")
        elif key == "keymap":
            settings.keymap = _read_keymap(value, lambda sub, msg: warn(sub, msg))
        else:
            warn(key, f"unknown setting{_suggest(key, known)}; ignored")
    return settings, warnings


def _read_keymap(value: Any, warn: Any) -> dict[str, str]:
    """Keep every well-formed entry; a bad entry is reported and dropped on its own."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        warn(
            "keymap",
            f"expected a mapping of binding id to keys, got {yaml_type_name(value)}; ignored",
        )
        return {}
    keymap: dict[str, str] = {}
    for binding_id, keys in value.items():
        if not isinstance(binding_id, str) or not binding_id.strip():
            warn("keymap", f"binding id {binding_id!r} is not text; ignored")
            continue
        where = f"keymap.{binding_id}"
        if not isinstance(keys, str):
            warn(where, f"expected keys as text (e.g. 'ctrl+j,down'), got {yaml_type_name(keys)}")
            continue
        parts = [part.strip() for part in keys.split(",")]
        if not all(parts):
            warn(where, f"empty key in {keys!r}; ignored")
            continue
        keymap[binding_id] = ",".join(parts)
    return keymap
