"""Theme files: the shipped ones work in a real App, broken ones cost one clear line each.

A theme file is hand-written data; these tests hold the loader to "report and skip, never
crash", one breakage at a time, with good themes still loading beside the broken one.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import yaml
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Footer, Static

from tui.themes import (
    DEFAULT_THEME,
    LIGHT_VARIABLE_DEFAULTS,
    PARALLAX_VARIABLES,
    VARIABLE_DEFAULTS,
    load_theme_file,
    load_themes,
    shipped_themes_dir,
    theme_dirs,
    variable_defaults,
)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_NAMES = {"parallax-dark", "parallax-light", "parallax-high-contrast", "parallax-ansi"}

GOOD_USER_THEME = """\
name: newsroom
dark: true
primary: "#4F8FE0"
background: "#101010"
foreground: "#E0E0E0"
variables:
  align-0: "#6CB6FF"
"""


@pytest.fixture(autouse=True)
def empty_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never read the real user's themes; each test gets its own empty config folder."""
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("PARALLAX_CONFIG_DIR", str(config))
    return config


def _names(themes: list) -> set[str]:
    return {theme.name for theme in themes}


# --- shipped themes ------------------------------------------------------------------------------


def test_shipped_themes_load_without_warnings() -> None:
    themes, warnings = load_themes()
    assert warnings == []
    assert _names(themes) >= SHIPPED_NAMES
    assert DEFAULT_THEME in _names(themes)


@pytest.mark.parametrize("name", sorted(SHIPPED_NAMES))
def test_shipped_theme_sets_every_colour_itself(name: str) -> None:
    """Shipped themes spell out every base colour and variable: no silent fallbacks."""
    folder = shipped_themes_dir()
    assert folder is not None
    data = yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))
    base = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel")
    base += ("warning", "error", "success", "dark")
    assert [key for key in base if key not in data] == []
    assert set(PARALLAX_VARIABLES) <= set(data["variables"])
    theme, problems = load_theme_file(folder / f"{name}.yaml")
    assert theme is not None and problems == []
    assert theme.description and "\n" not in theme.description
    assert theme.path == folder / f"{name}.yaml"
    for variable in PARALLAX_VARIABLES:
        Color.parse(theme.variables[variable])


def test_defaults_are_the_tested_themes() -> None:
    """The fallbacks are exactly the dark and light themes that the contrast tests measure."""
    folder = shipped_themes_dir()
    assert folder is not None
    dark, _ = load_theme_file(folder / "parallax-dark.yaml")
    light, _ = load_theme_file(folder / "parallax-light.yaml")
    assert dark is not None and light is not None
    assert {k: dark.variables[k] for k in PARALLAX_VARIABLES} == VARIABLE_DEFAULTS
    assert {k: light.variables[k] for k in PARALLAX_VARIABLES} == LIGHT_VARIABLE_DEFAULTS
    assert variable_defaults(dark=False) == LIGHT_VARIABLE_DEFAULTS


class ThemedApp(App[None]):
    """The smallest app that uses Parallax variables in CSS, as the reader does."""

    CSS = """
    #passage { color: $align-3; background: $current-bg; }
    #only { color: $only-here; }
    """

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme.dark)

    def compose(self) -> ComposeResult:
        yield Static("aligned", id="passage")
        yield Static("only here", id="only")
        yield Footer()  # its CSS uses Textual's footer variables, which themes may override


async def test_every_shipped_theme_registers_and_applies() -> None:
    themes, _ = load_themes()
    app = ThemedApp()
    async with app.run_test() as pilot:
        for theme in themes:
            app.register_theme(theme)
        for theme in themes:
            app.theme = theme.name
            await pilot.pause()
            assert app.current_theme.name == theme.name
            assert app.theme_variables["align-3"] == theme.variables["align-3"]
            passage = app.query_one("#passage", Static)
            assert passage.styles.color == Color.parse(theme.variables["align-3"])
            assert passage.styles.background == Color.parse(theme.variables["current-bg"])


async def test_builtin_textual_theme_gets_parallax_defaults() -> None:
    """Picking a Textual theme from the palette must not break the reader's CSS."""
    app = ThemedApp()
    async with app.run_test() as pilot:
        app.theme = "textual-light"
        await pilot.pause()
        only = app.query_one("#only", Static)
        assert only.styles.color == Color.parse(LIGHT_VARIABLE_DEFAULTS["only-here"])


def test_wheel_ships_themes_where_the_loader_looks() -> None:
    """tui/themes.py is a module, so the wheel must not also hold a tui/themes/ folder."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    force = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force["themes"] == "tui/_themes"


def test_installed_folder_wins_over_checkout(tmp_path: Path, monkeypatch) -> None:
    """In a wheel the package's _themes folder is used; the checkout folder is the fallback."""
    import tui.resources as resources
    import tui.themes as module

    package = tmp_path / "site" / "tui"
    (package / "_themes").mkdir(parents=True)
    (tmp_path / "site" / "themes").mkdir()
    # Where Parallax is installed is decided in one place, tui/resources.py.
    monkeypatch.setattr(resources, "_PACKAGE", package.resolve())
    monkeypatch.setattr(resources, "_CHECKOUT", package.parent.resolve())
    assert module.shipped_themes_dir() == (package / "_themes").resolve()
    (package / "_themes").rmdir()
    assert module.shipped_themes_dir() == (tmp_path / "site" / "themes").resolve()


# --- broken files --------------------------------------------------------------------------------

BROKEN = {
    "not-yaml": ("name: [oops\nprimary: red\n", ": line 2: not valid YAML"),
    "not-mapping": ("- name\n- primary\n", ": expected a mapping of keys to values, got a list"),
    "empty": ("", ": the file is empty"),
    "missing-name": ('primary: "#112233"\n', ": name: missing (required)"),
    "missing-primary": ("name: x1\n", ": primary: missing (required)"),
    "unknown-key": (
        'name: x2\nprimary: "#112233"\nbackgruond: "#000000"\n',
        ": backgruond: unknown key (did you mean 'background'?)",
    ),
    "bad-colour": (
        'name: x3\nprimary: "#112233"\nbackground: "#12345"\n',
        ": background: failed to parse '#12345' as a color",
    ),
    "unquoted-hash": (
        "name: x4\nprimary: #112233\n",
        ": primary: no colour given (quote colours that start with '#'",
    ),
    "colour-name-typo": (
        "name: x5\nprimary: blu\n",
        ": primary: failed to parse 'blu' as a color; did you mean 'blue'?",
    ),
    "translucent": (
        'name: x6\nprimary: "#ff000080"\n',
        ": primary: '#ff000080' is translucent; use an opaque colour",
    ),
    "wrong-type-dark": (
        'name: x7\nprimary: "#112233"\ndark: "very"\n',
        ": dark: expected true or false, got text",
    ),
    "wrong-type-colour": ("name: x8\nprimary: 12\n", ": primary: expected a colour as text"),
    "bad-fraction": (
        'name: x9\nprimary: "#112233"\ntext_alpha: 3\n',
        ": text_alpha: expected a number from 0 to 1, got 3",
    ),
    "variables-list": (
        'name: x10\nprimary: "#112233"\nvariables: [align-0]\n',
        ": variables: expected a mapping of name to colour, got a list",
    ),
    "bad-parallax-variable": (
        'name: x11\nprimary: "#112233"\nvariables:\n  align-3: bluish\n',
        ": variables.align-3: failed to parse 'bluish' as a color",
    ),
    "bad-name": (
        'name: "my theme!"\nprimary: "#112233"\n',
        ": name: 'my theme!' is not a usable name",
    ),
    "name-not-text": ('name: 12\nprimary: "#112233"\n', ": name: expected text, got a number"),
    "duplicate-of-shipped": (
        'name: parallax-dark\nprimary: "#112233"\n',
        ": name: 'parallax-dark' is already defined in ",
    ),
    "builtin-name": (
        'name: nord\nprimary: "#112233"\n',
        ": name: 'nord' is a built-in Textual theme, choose another name; theme skipped",
    ),
    "bad-textual-variable": (
        'name: x13\nprimary: "#112233"\nvariables:\n  footer-key-foreground: blahblah\n',
        ": variables.footer-key-foreground: 'blahblah' is not a valid color value",
    ),
    "bad-textual-text-style": (
        'name: x14\nprimary: "#112233"\nvariables:\n  block-cursor-text-style: "#ff0000"\n',
        ": variables.block-cursor-text-style: '#ff0000' is not a valid text-style value",
    ),
    "python-tag": (
        "name: x12\nprimary: !!python/object/apply:os.getcwd []\n",
        ": line 2: not valid YAML",
    ),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_theme_is_one_line_and_skipped(kind: str, tmp_path: Path) -> None:
    content, expected = BROKEN[kind]
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "good.yaml").write_text(GOOD_USER_THEME, encoding="utf-8")
    broken = folder / f"{kind}.yaml"
    broken.write_text(content, encoding="utf-8")

    themes, warnings = load_themes([folder])

    assert len(warnings) == 1, warnings
    line = warnings[0]
    assert line.startswith(f"{broken}{expected}"), line
    assert "\n" not in line and "Traceback" not in line
    assert line.endswith("; theme skipped"), line
    assert SHIPPED_NAMES | {"newsroom"} <= _names(themes)
    assert len(themes) == len(SHIPPED_NAMES) + 1
    dark = next(theme for theme in themes if theme.name == "parallax-dark")
    assert dark.primary != "#112233", "a duplicate must never replace the shipped theme"


def test_not_utf8_and_too_large(tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "latin1.yaml").write_bytes("name: caf\xe9\nprimary: red\n".encode("latin-1"))
    (folder / "huge.yaml").write_text("# " + "x" * 300_000 + "\n", encoding="utf-8")
    themes, warnings = load_themes([folder])
    assert sorted(warnings) == sorted(
        [
            f"{folder / 'latin1.yaml'}: is not UTF-8 text; theme skipped",
            f"{folder / 'huge.yaml'}: file is too large (300003 bytes; at most 262144)"
            "; theme skipped",
        ]
    )
    assert _names(themes) == SHIPPED_NAMES


def test_unknown_variable_is_reported_but_theme_loads(tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    path = folder / "typos.yaml"
    path.write_text(
        'name: typos\nprimary: "#112233"\nvariables:\n'
        '  allign-0: "#ff0000"\n  current_bg: "#222222"\n  zebra: "#ffffff"\n'
        '  footer-key-foreground: "#ffcc00"\n  input-selection-background: "#81a1c1 35%"\n'
        "  link-style-hover: bold not underline\n",
        encoding="utf-8",
    )
    themes, warnings = load_themes([folder])
    assert warnings == [
        f"{path}: variables.allign-0: unknown variable (did you mean 'align-0'?); ignored",
        f"{path}: variables.current_bg: unknown variable (did you mean 'current-bg'?); ignored",
        f"{path}: variables.zebra: unknown variable; ignored",
    ]
    theme = next(theme for theme in themes if theme.name == "typos")
    # Textual's own variables pass through; Parallax's missing ones fall back to the defaults.
    assert theme.variables["footer-key-foreground"] == "#ffcc00"
    assert theme.variables["input-selection-background"] == "#81a1c1 35%"
    assert theme.variables["current-bg"] == VARIABLE_DEFAULTS["current-bg"]
    assert "zebra" not in theme.variables


def test_light_user_theme_falls_back_to_light_variables(tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "paper.yml").write_text(
        'name: paper\nprimary: "#224488"\ndark: false\nvariables:\n  align-0: "#003366"\n',
        encoding="utf-8",
    )
    themes, warnings = load_themes([folder])
    assert warnings == []
    paper = next(theme for theme in themes if theme.name == "paper")
    assert paper.dark is False
    assert paper.variables["align-0"] == "#003366"
    assert paper.variables["align-1"] == LIGHT_VARIABLE_DEFAULTS["align-1"]


def test_user_theme_dir_comes_from_config_env(empty_config: Path) -> None:
    themes_dir = empty_config / "themes"
    themes_dir.mkdir()
    (themes_dir / "newsroom.yaml").write_text(GOOD_USER_THEME, encoding="utf-8")
    (themes_dir / ".hidden.yaml").write_text("not: [valid", encoding="utf-8")
    (themes_dir / "notes.txt").write_text("not a theme", encoding="utf-8")

    assert theme_dirs()[1] == themes_dir
    themes, warnings = load_themes()
    assert warnings == []
    newsroom = next(theme for theme in themes if theme.name == "newsroom")
    assert newsroom.background == "#101010"
    assert newsroom.variables["align-0"] == "#6CB6FF"


def test_same_folder_twice_is_read_once(empty_config: Path) -> None:
    themes_dir = empty_config / "themes"
    themes_dir.mkdir()
    (themes_dir / "newsroom.yaml").write_text(GOOD_USER_THEME, encoding="utf-8")
    themes, warnings = load_themes([themes_dir, themes_dir])
    assert warnings == []
    assert [theme.name for theme in themes].count("newsroom") == 1


def test_missing_extra_dir_is_not_an_error(tmp_path: Path) -> None:
    themes, warnings = load_themes([tmp_path / "does-not-exist"])
    assert warnings == []
    assert _names(themes) == SHIPPED_NAMES


async def test_user_ansi_theme_without_ansi_variables_still_applies(tmp_path: Path) -> None:
    """Textual's ANSI screen CSS needs $ansi-background; the loader supplies it if missing."""
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "term.yaml").write_text(
        "name: term\nansi: true\nprimary: ansi_blue\nbackground: ansi_default\n",
        encoding="utf-8",
    )
    themes, warnings = load_themes([folder])
    assert warnings == []
    term = next(theme for theme in themes if theme.name == "term")
    app = ThemedApp()
    async with app.run_test() as pilot:
        app.register_theme(term)
        app.theme = "term"
        await pilot.pause()
        assert app.theme_variables["ansi-background"] == "ansi_black"
        assert app.query_one("#passage", Static).styles.color == Color.parse(
            VARIABLE_DEFAULTS["align-3"]
        )


async def test_user_theme_overriding_textual_variables_applies(tmp_path: Path) -> None:
    """Values the loader accepts must be values Textual's stylesheet accepts at switch time."""
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "tuned.yaml").write_text(
        'name: tuned\nprimary: "#224488"\nvariables:\n'
        '  footer-key-foreground: "#ffcc00"\n  footer-background: "#81a1c1 35%"\n'
        "  block-cursor-text-style: b reverse\n  link-style-hover: bold not underline\n",
        encoding="utf-8",
    )
    themes, warnings = load_themes([folder])
    assert warnings == []
    tuned = next(theme for theme in themes if theme.name == "tuned")
    app = ThemedApp()
    async with app.run_test() as pilot:
        app.register_theme(tuned)
        app.theme = "tuned"
        await pilot.pause()
        assert app.current_theme.name == "tuned"
        assert app.theme_variables["footer-key-foreground"] == "#ffcc00"
