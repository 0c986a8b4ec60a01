"""Every shipped theme is readable by WCAG 2.x measures, computed from the theme's own colours.

Passage colours are foreground text, so they must reach 4.5:1 (WCAG AA for body text) on the
pane background; the current-passage tint must keep default text at 4.5:1 and passage colours at
3:1; the eight passage colours must look different from each other (CIE76 colour distance), and
neighbouring slots (and, in the true-colour themes, any two slots) must stay apart for
protanopes, deuteranopes and tritanopes too (simulated).

ANSI colours have no fixed RGB: the terminal's palette decides. They are measured with the
values Textual itself uses for them (`Color.parse("ansi_red")` -> the xterm 256-colour table's
first 16 entries, e.g. red = 128,0,0 and white = 192,192,192), and `ansi_default` is taken as
ansi_black behind text and ansi_white as text in a dark theme. A user's real palette may differ;
the numbers prove the theme works on the common default palette, not on every palette.

Run `python tests/test_contrast.py` to print the minimum ratios per theme.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from textual.color import Color
from textual.theme import Theme

from tui.themes import load_theme_file, shipped_themes_dir

SHIPPED = sorted((shipped_themes_dir() or Path("themes")).glob("*.yaml"))

# CIE76 distance below which two passage colours are too alike to tell apart at a glance
# (about 9 just-noticeable differences); the shipped palettes measure far above it.
MIN_PALETTE_DELTA_E = 20.0
# The same for any two slots as a dichromat sees them: their colour space is nearly flat, so the
# floor is lower, and still several times the just-noticeable difference (about 2.3).
MIN_DICHROMAT_DELTA_E = 15.0


def _load(path: Path) -> Theme:
    theme, problems = load_theme_file(path)
    assert theme is not None, problems
    return theme


def _rgb(text: str, *, as_background: bool, dark: bool) -> tuple[int, int, int]:
    """The RGB a colour is measured at; see the module docstring for ANSI."""
    if text == "ansi_default":
        if as_background:
            text = "ansi_black" if dark else "ansi_bright_white"
        else:
            text = "ansi_white" if dark else "ansi_black"
    colour = Color.parse(text)
    return colour.r, colour.g, colour.b


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.x relative luminance (sRGB transfer function)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _ratio(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> float:
    high, low = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _lab(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    """sRGB -> CIE L*a*b* (D65), for perceptual colour distance."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _delta_e(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    return math.dist(_lab(a), _lab(b))


class Measured:
    """A theme's colours resolved to RGB, with the pairs the rules are about."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        dark = theme.dark
        variables = theme.variables

        def fg(text: str) -> tuple[int, int, int]:
            return _rgb(text, as_background=False, dark=dark)

        def bg(text: str) -> tuple[int, int, int]:
            return _rgb(text, as_background=True, dark=dark)

        assert theme.background and theme.foreground, "shipped themes set both"
        self.background = bg(theme.background)
        # Panes may sit on `surface`; an ANSI surface is transparent, i.e. the background.
        self.surface = bg(theme.surface) if theme.surface else self.background
        self.foreground = fg(theme.foreground)
        self.current = bg(variables["current-bg"])
        self.search = bg(variables["search-match"])
        self.palette = [fg(variables[f"align-{i}"]) for i in range(8)]
        self.fg = fg
        self.variables = variables

    def mark(self, name: str) -> tuple[int, int, int]:
        return self.fg(self.variables[name])

    def minimums(self) -> dict[str, float]:
        """The smallest ratio of each rule, for the report and the assertions."""
        grounds = {"background": self.background, "surface": self.surface}
        return {
            "align/background": min(_ratio(c, g) for c in self.palette for g in grounds.values()),
            "align/current-bg": min(_ratio(c, self.current) for c in self.palette),
            "foreground/current-bg": _ratio(self.foreground, self.current),
            "only-here/background": _ratio(self.mark("only-here"), self.background),
            "conflict/background": _ratio(self.mark("conflict"), self.background),
            "conflict/current-bg": _ratio(self.mark("conflict"), self.current),
            "boilerplate/background": _ratio(self.mark("boilerplate"), self.background),
            "marks/background": min(
                _ratio(self.mark(name), self.background)
                for name in ("quote-mark", "person-mark", "diff-insert", "diff-delete")
            ),
            "shared-span/current-bg": _ratio(self.mark("shared-span"), self.current),
            "foreground/search-match": _ratio(self.foreground, self.search),
            "palette min ΔE76": min(
                _delta_e(a, b) for a, b in itertools.combinations(self.palette, 2)
            ),
        }

    def neighbour_distances(self) -> dict[str, float]:
        """Smallest ΔE76 between adjacent slots, per kind of colour vision (report only)."""
        result = {}
        for vision in ("typical", *_DICHROMACY):
            palette = self.palette
            if vision != "typical":
                palette = [_simulate(colour, vision) for colour in palette]
            result[f"neighbours ΔE76 {vision}"] = min(
                _delta_e(palette[i], palette[(i + 1) % 8]) for i in range(8)
            )
            result[f"any pair ΔE76 {vision}"] = min(
                _delta_e(a, b) for a, b in itertools.combinations(palette, 2)
            )
        return result


# rule -> minimum for every theme; high contrast promises WCAG AAA (7:1) where AA asks 4.5.
FLOORS = {
    "align/background": 4.5,
    "align/current-bg": 3.0,
    "foreground/current-bg": 4.5,
    "only-here/background": 4.5,
    "conflict/background": 4.5,
    "conflict/current-bg": 3.0,
    "boilerplate/background": 3.0,
    "marks/background": 4.5,
    "shared-span/current-bg": 4.5,
    "foreground/search-match": 4.5,
    "palette min ΔE76": MIN_PALETTE_DELTA_E,
}
HIGH_CONTRAST_FLOORS = {
    **FLOORS,
    "align/background": 7.0,
    "align/current-bg": 4.5,
    "only-here/background": 7.0,
    "conflict/background": 7.0,
    "marks/background": 7.0,
    "foreground/current-bg": 7.0,
}


def test_themes_are_shipped() -> None:
    names = {path.stem for path in SHIPPED}
    assert {"parallax-dark", "parallax-light", "parallax-high-contrast", "parallax-ansi"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_contrast_floors(path: Path) -> None:
    theme = _load(path)
    floors = HIGH_CONTRAST_FLOORS if "high-contrast" in theme.name else FLOORS
    measured = Measured(theme).minimums()
    failing = {
        rule: f"{measured[rule]:.2f} < {floor}"
        for rule, floor in floors.items()
        if measured[rule] < floor
    }
    assert not failing, f"{theme.name}: {failing}"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_each_passage_colour_readable(path: Path) -> None:
    """Per colour, so a failure names the slot to fix rather than only the minimum."""
    theme = _load(path)
    measured = Measured(theme)
    for index, colour in enumerate(measured.palette):
        on_background = _ratio(colour, measured.background)
        on_current = _ratio(colour, measured.current)
        assert on_background >= 4.5, f"align-{index}: {on_background:.2f}:1 on background"
        assert on_current >= 3.0, f"align-{index}: {on_current:.2f}:1 on current-bg"


# Machado, Oliveira & Fernandes (2009) dichromacy matrices at full severity, applied to linear
# RGB: about 1 in 12 men cannot tell red from green, so order matters as much as hue.
_DICHROMACY = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _simulate(rgb: tuple[int, int, int], kind: str) -> tuple[int, int, int]:
    """How a dichromat sees the colour (sRGB in, sRGB out)."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    def encode(c: float) -> int:
        c = min(max(c, 0.0), 1.0)
        return round(255 * (c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055))

    lin = [linear(v) for v in rgb]
    r, g, b = (
        encode(sum(m * v for m, v in zip(row, lin, strict=True))) for row in _DICHROMACY[kind]
    )
    return r, g, b


@pytest.mark.parametrize("vision", ["typical", *_DICHROMACY])
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_neighbouring_passages_differ(path: Path, vision: str) -> None:
    """Adjacent slots (the reader gives consecutive passages consecutive slots, wrapping after
    align-7) must stay clearly apart, also for colour-blind readers; no two slots are equal."""
    palette = Measured(_load(path)).palette
    assert len(set(palette)) == 8
    if vision != "typical":
        palette = [_simulate(colour, vision) for colour in palette]
    for index in range(8):
        following = (index + 1) % 8
        distance = _delta_e(palette[index], palette[following])
        assert distance >= MIN_PALETTE_DELTA_E, (
            f"align-{index} and align-{following}: ΔE76 {distance:.1f} ({vision})"
        )


TRUE_COLOUR = [p for p in SHIPPED if "ansi" not in p.stem]


@pytest.mark.parametrize("vision", list(_DICHROMACY))
@pytest.mark.parametrize("path", TRUE_COLOUR, ids=lambda p: p.stem)
def test_any_two_passages_differ_for_colour_blind_readers(path: Path, vision: str) -> None:
    """In the right pane neighbours can hold any two slots, so every pair must stay apart.

    Sixteen ANSI colours cannot do this (bright cyan and bright white merge for a protanope),
    so the ANSI theme only promises the neighbour rule above.
    """
    palette = [_simulate(colour, vision) for colour in Measured(_load(path)).palette]
    for (i, a), (j, b) in itertools.combinations(enumerate(palette), 2):
        distance = _delta_e(a, b)
        assert distance >= MIN_DICHROMAT_DELTA_E, f"align-{i}/align-{j}: ΔE76 {distance:.1f}"


@pytest.mark.parametrize("path", TRUE_COLOUR, ids=lambda p: p.stem)
def test_passages_do_not_look_like_plain_text(path: Path) -> None:
    """An aligned passage must not be mistaken for default text (ANSI: white is a slot)."""
    measured = Measured(_load(path))
    for index, colour in enumerate(measured.palette):
        distance = _delta_e(colour, measured.foreground)
        assert distance >= MIN_PALETTE_DELTA_E, f"align-{index}: ΔE76 {distance:.1f} from text"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_only_here_is_not_a_passage_colour(path: Path) -> None:
    """Unaligned text must not be mistaken for an aligned passage."""
    measured = Measured(_load(path))
    only_here = measured.mark("only-here")
    nearest = min(_delta_e(only_here, colour) for colour in measured.palette)
    assert nearest >= 15.0, f"only-here is ΔE76 {nearest:.1f} from a passage colour"


@pytest.mark.parametrize("path", [p for p in SHIPPED if "ansi" not in p.stem], ids=lambda p: p.stem)
def test_conflict_stands_out_from_passages(path: Path) -> None:
    """In true colour a conflict mark can have its own hue; 16 ANSI colours have none to spare."""
    measured = Measured(_load(path))
    conflict = measured.mark("conflict")
    nearest = min(_delta_e(conflict, colour) for colour in measured.palette)
    assert nearest >= MIN_PALETTE_DELTA_E, f"conflict is ΔE76 {nearest:.1f} from a passage"


def test_ansi_theme_uses_only_terminal_colours() -> None:
    theme = _load(next(p for p in SHIPPED if p.stem == "parallax-ansi"))
    assert theme.ansi
    fields = [theme.primary, theme.secondary, theme.accent, theme.foreground, theme.background]
    fields += [theme.surface, theme.panel, theme.warning, theme.error, theme.success]
    colours = [value for value in fields if value is not None]
    colours += list(theme.variables.values())
    not_ansi = [value for value in colours if Color.parse(value).ansi is None]
    assert not not_ansi


def test_contrast_maths_matches_wcag_reference_values() -> None:
    """Known values from the WCAG definition, so the floors above measure the right thing."""
    assert _ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert _ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # #767676 on white is the classic "lightest grey that passes AA" (4.54:1).
    assert _ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert _delta_e((255, 255, 255), (0, 0, 0)) == pytest.approx(100.0, abs=0.01)


def main() -> None:
    """Print the measured minimums per theme (used for the report and when tuning colours)."""
    for path in SHIPPED:
        theme = _load(path)
        print(theme.name)
        measured = Measured(theme)
        for rule, value in {**measured.minimums(), **measured.neighbour_distances()}.items():
            print(f"  {rule:30} {value:6.2f}")


if __name__ == "__main__":
    main()
