"""YAML theme files -> `textual.theme.Theme`, with Parallax's own colour variables.

Themes are data a user may write by hand, so loading is strict but forgiving: every problem in a
file becomes one line "file: key: problem" and that theme is skipped, while every good theme
still loads. Nothing here raises on bad input, because a broken theme must never stop the reader
from starting.

Search order: the themes shipped inside the installed package (`tui/_themes`, force-included by
the wheel build) or, in a checkout, the top-level `themes/`; then the user's config folder
(`<config>/themes`, see `tui.settings.config_dir`); then any extra folders. The first theme with
a given name wins, so a user file can never silently replace a shipped or built-in theme.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.css.stylesheet import Stylesheet
from textual.design import ColorSystem
from textual.theme import BUILTIN_THEMES, Theme

from tui.settings import config_dir, read_yaml_mapping, yaml_type_name

from .resources import bundled_dir

__all__ = [
    "DEFAULT_THEME",
    "LIGHT_VARIABLE_DEFAULTS",
    "PARALLAX_VARIABLES",
    "VARIABLE_DEFAULTS",
    "ParallaxTheme",
    "load_theme_file",
    "load_themes",
    "shipped_themes_dir",
    "theme_dirs",
    "to_textual_theme",
    "variable_defaults",
]

DEFAULT_THEME = "parallax-dark"

VARIABLE_DEFAULTS: dict[str, str] = {
    # Foreground colours of aligned passages; neighbours get different slots.
    "align-0": "#B7D3FF",
    "align-1": "#F2A260",
    "align-2": "#5DCFCD",
    "align-3": "#F3E177",
    "align-4": "#E776D6",
    "align-5": "#88D991",
    "align-6": "#AE8CFB",
    "align-7": "#ED7A8F",
    "current-bg": "#2A3142",
    "only-here": "#A3A9B5",
    "conflict": "#FF6B5E",
    "boilerplate": "#7D8491",
    "quote-mark": "#E8C887",
    "person-mark": "#8FD4FF",
    "shared-span": "#FFE08A",
    "diff-insert": "#7CD38F",
    "diff-delete": "#FF8A80",
    "search-match": "#6B4E00",
}
"""Parallax's variables with values that work on a dark background (Textual's default)."""

LIGHT_VARIABLE_DEFAULTS: dict[str, str] = {
    "align-0": "#0A5DAE",
    "align-1": "#9F5B00",
    "align-2": "#004F55",
    "align-3": "#534400",
    "align-4": "#A4327B",
    "align-5": "#157A3A",
    "align-6": "#6B47CF",
    "align-7": "#B4332D",
    "current-bg": "#E3EAF5",
    "only-here": "#575E6A",
    "conflict": "#DD0000",
    "boilerplate": "#7F8691",
    "quote-mark": "#7A4E00",
    "person-mark": "#0057A8",
    "shared-span": "#5A3E00",
    "diff-insert": "#1B7A36",
    "diff-delete": "#B0253A",
    "search-match": "#FFE58A",
}
"""The same variables for light backgrounds, so a light theme that omits some stays readable."""

PARALLAX_VARIABLES: tuple[str, ...] = tuple(VARIABLE_DEFAULTS)


def variable_defaults(dark: bool = True) -> dict[str, str]:
    """Fallbacks for a theme that does not set Parallax's variables (e.g. Textual's built-ins).

    Meant for `App.get_theme_variable_defaults`, which should pass `current_theme.dark`.
    """
    return dict(VARIABLE_DEFAULTS if dark else LIGHT_VARIABLE_DEFAULTS)


@dataclass
class ParallaxTheme(Theme):
    """A Textual Theme that remembers what its file said about it, for theme lists and errors."""

    description: str = ""
    """One line for `--list-themes` and the command palette."""

    author: str = ""

    path: Path | None = None
    """The file it came from (None when built in code)."""


# --- file format -----------------------------------------------------------------------------

_COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
_REQUIRED_KEYS = ("name", "primary")
_KNOWN_KEYS = (
    "name",
    *_COLOUR_KEYS,
    "dark",
    "ansi",
    "luminosity_spread",
    "text_alpha",
    "variables",
    "description",
    "author",
)
_SKIPPED = "; theme skipped"
_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_VARIABLE_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_HEX_RE = re.compile(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")


def _textual_variable_names() -> frozenset[str]:
    """Every variable Textual itself defines, so themes may tune those too without a warning."""
    names: set[str] = set()
    for dark in (True, False):
        names.update(ColorSystem(primary="#0178D4", dark=dark).generate())
    names.update(ColorSystem(primary="ansi_blue", ansi=True).generate())
    for theme in BUILTIN_THEMES.values():
        names.update(theme.variables)
    return frozenset(names)


_textual_variables: frozenset[str] | None = None


def _is_textual_variable(name: str) -> bool:
    """Built on first use: only a theme that sets a non-Parallax variable needs the set, and
    generating Textual's colour systems at import would cost every start of the reader."""
    global _textual_variables
    if _textual_variables is None:
        _textual_variables = _textual_variable_names()
    return name in _textual_variables


class _Invalid(Exception):
    """One problem with one key; the message becomes the user's one-line report."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key}: {problem}")


def _suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _colour(key: str, value: Any) -> str:
    if value is None:
        raise _Invalid(key, "no colour given (quote colours that start with '#': \"#1e1e2e\")")
    if not isinstance(value, str):
        raise _Invalid(key, f"expected a colour as text, got {yaml_type_name(value)}")
    text = value.strip()
    try:
        colour = Color.parse(text)
    except ColorParseError as error:
        raise _Invalid(key, str(error)) from None
    if colour.a < 1.0:
        raise _Invalid(key, f"{text!r} is translucent; use an opaque colour")
    return text


def _css_value(key: str, name: str, value: str) -> str:
    """Check a variable the way Textual's CSS parser will read it.

    A value Textual cannot parse does not fail at load time but when the theme is switched on,
    as a stylesheet error that stops the app: so it is tried here, in the property it feeds.
    """
    prop = "text-style" if name.endswith(("-style", "-style-hover")) else "color"
    if prop == "color" and _HEX_RE.fullmatch(value):
        # A plain hex colour is valid CSS whatever the variable: the shipped themes are all
        # hex, and parsing a stylesheet per variable was most of their loading time.
        return value
    sheet = Stylesheet(variables={name: value})
    sheet.add_source(f"Widget {{ {prop}: ${name}; }}", read_from=("theme", key))
    try:
        sheet.parse()
    except Exception:
        raise _Invalid(key, f"{value!r} is not a valid {prop} value") from None
    return value


def _fraction(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(key, f"expected a number from 0 to 1, got {yaml_type_name(value)}")
    if not 0.0 <= float(value) <= 1.0:
        raise _Invalid(key, f"expected a number from 0 to 1, got {value}")
    return float(value)


def _variables(value: Any, dark: bool, warnings: list[str], prefix: str) -> dict[str, str]:
    """Parallax variables must be plain colours; Textual's own may be any CSS value text."""
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise _Invalid(
            "variables", f"expected a mapping of name to colour, got {yaml_type_name(value)}"
        )
    result = variable_defaults(dark)
    for name, raw in value.items():
        if not isinstance(name, str):
            raise _Invalid("variables", f"variable name {name!r} is not text")
        key = f"variables.{name}"
        if name in VARIABLE_DEFAULTS:
            result[name] = _css_value(key, name, _colour(key, raw))
        elif _is_textual_variable(name):
            if not isinstance(raw, str):
                raise _Invalid(key, f"expected a CSS value as text, got {yaml_type_name(raw)}")
            result[name] = _css_value(key, name, raw.strip())
        else:
            hint = _suggest(name.replace("_", "-").lower(), PARALLAX_VARIABLES)
            if not _VARIABLE_RE.fullmatch(name):
                hint = hint or " (variable names are kebab-case, e.g. 'current-bg')"
            warnings.append(f"{prefix}{key}: unknown variable{hint}; ignored")
    return result


def to_textual_theme(
    data: Mapping[str, Any], source: str = "<theme>"
) -> tuple[ParallaxTheme | None, list[str]]:
    """Validate one theme mapping and build the Textual Theme.

    Returns (theme, warnings). A theme with any error is (None, [the one line]); harmless
    oddities (an unknown variable) are reported while the theme still loads.
    """
    prefix = f"{source}: "
    warnings: list[str] = []
    try:
        for key in data:
            if not isinstance(key, str) or key not in _KNOWN_KEYS:
                raise _Invalid(str(key), f"unknown key{_suggest(str(key), _KNOWN_KEYS)}")
        for key in _REQUIRED_KEYS:
            if key not in data:
                raise _Invalid(key, "missing (required)")
        name = data["name"]
        if not isinstance(name, str):
            raise _Invalid("name", f"expected text, got {yaml_type_name(name)}")
        if not _NAME_RE.fullmatch(name):
            raise _Invalid(
                "name",
                f"{name!r} is not a usable name (letters, digits, '.', '_', '-'; at most 64)",
            )
        kwargs: dict[str, Any] = {"name": name}
        for key in _COLOUR_KEYS:
            if key in data:
                kwargs[key] = _colour(key, data[key])
        for key in ("dark", "ansi"):
            if key in data:
                if not isinstance(data[key], bool):
                    raise _Invalid(key, f"expected true or false, got {yaml_type_name(data[key])}")
                kwargs[key] = data[key]
        for key in ("luminosity_spread", "text_alpha"):
            if key in data:
                kwargs[key] = _fraction(key, data[key])
        for key in ("description", "author"):
            if key in data and not isinstance(data[key], str):
                raise _Invalid(key, f"expected text, got {yaml_type_name(data[key])}")
        dark = kwargs.get("dark", True)
        variables = _variables(data.get("variables"), dark, warnings, prefix)
        if kwargs.get("ansi", False):
            # Textual's ANSI colour system does not define these, yet its Screen CSS uses them
            # in ANSI mode: an ANSI theme without them fails when it is switched on.
            variables.setdefault("ansi-background", "ansi_black" if dark else "ansi_white")
            variables.setdefault("ansi-foreground", "ansi_white" if dark else "ansi_black")
        kwargs["variables"] = variables
        for key in ("description", "author"):
            if key in data:
                kwargs[key] = " ".join(data[key].split())
        theme = ParallaxTheme(**kwargs)
        # The colour system is what the App builds on registration; building it here turns any
        # remaining incompatibility into a report instead of a crash at theme switch time.
        theme.to_color_system().generate()
    except _Invalid as error:
        return None, [f"{prefix}{error}{_SKIPPED}"]
    except Exception as error:  # defensive: a theme must never stop the app
        return None, [f"{prefix}cannot be used ({' '.join(str(error).split())}){_SKIPPED}"]
    return theme, warnings


def load_theme_file(path: Path) -> tuple[ParallaxTheme | None, list[str]]:
    """Read and validate one theme file; never raises."""
    data, problem = read_yaml_mapping(path)
    if data is None:
        return None, [f"{path}: {problem}{_SKIPPED}"]
    if not data:
        return None, [f"{path}: the file is empty{_SKIPPED}"]
    theme, warnings = to_textual_theme(data, str(path))
    if theme is not None:
        theme.path = path
    return theme, warnings


# --- where themes live -----------------------------------------------------------------------


def shipped_themes_dir() -> Path | None:
    """The themes that come with Parallax: inside the installed package, else the checkout."""
    # The wheel ships themes/ as tui/_themes (tui/themes.py would collide with tui/themes/).
    return bundled_dir("themes", packaged_as="_themes")


def theme_dirs(extra_dirs: Sequence[Path] = ()) -> list[Path]:
    """Folders searched, in priority order, without duplicates."""
    dirs: list[Path] = []
    shipped = shipped_themes_dir()
    if shipped is not None:
        dirs.append(shipped)
    dirs.append(config_dir() / "themes")
    dirs.extend(Path(d).expanduser() for d in extra_dirs)
    unique: list[Path] = []
    seen: set[Path] = set()
    for folder in dirs:
        try:
            key = folder.resolve()
        except OSError:
            key = folder
        if key not in seen:
            seen.add(key)
            unique.append(folder)
    return unique


def _theme_files(folder: Path, warnings: list[str]) -> list[Path]:
    if not folder.exists():
        return []
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        warnings.append(f"{folder}: cannot be read ({error.strerror or error})")
        return []
    return [
        entry
        for entry in entries
        if entry.suffix.lower() in (".yaml", ".yml")
        and not entry.name.startswith(".")
        and entry.is_file()
    ]


def load_themes(extra_dirs: Sequence[Path] = ()) -> tuple[list[Theme], list[str]]:
    """Load every theme from every theme folder; return the good ones and one line per problem."""
    themes: list[Theme] = []
    warnings: list[str] = []
    origin: dict[str, Path] = {}
    for folder in theme_dirs(extra_dirs):
        for path in _theme_files(folder, warnings):
            theme, problems = load_theme_file(path)
            warnings.extend(problems)
            if theme is None:
                continue
            if theme.name in origin:
                warnings.append(
                    f"{path}: name: '{theme.name}' is already defined in {origin[theme.name]}"
                    f"{_SKIPPED}"
                )
                continue
            if theme.name in BUILTIN_THEMES:
                warnings.append(
                    f"{path}: name: '{theme.name}' is a built-in Textual theme, "
                    f"choose another name{_SKIPPED}"
                )
                continue
            origin[theme.name] = path
            themes.append(theme)
    return themes, warnings
