"""settings.yaml: a typo costs one line and one setting, never the others, never a traceback."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from tui.settings import Settings, config_dir, load_settings, settings_path


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("PARALLAX_CONFIG_DIR", str(folder))
    return folder


def _write(config: Path, text: str) -> Path:
    path = config / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_env_var_moves_the_config_folder(config: Path) -> None:
    assert config_dir() == config
    assert settings_path() == config / "settings.yaml"


def test_default_config_folder_is_platform_standard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARALLAX_CONFIG_DIR")
    assert config_dir() == Path(platformdirs.user_config_dir("parallax", appauthor=False))


def test_no_file_means_defaults_and_no_warning() -> None:
    assert load_settings() == (Settings(), [])


def test_empty_file_means_defaults(config: Path) -> None:
    _write(config, "# nothing chosen yet\n")
    assert load_settings() == (Settings(), [])


def test_good_file_is_read_from_config_folder(config: Path) -> None:
    _write(
        config,
        "theme: parallax-light\nsidebar: false\nkeymap:\n"
        "  next_passage: 'n, ctrl+down'\n  quit: q\n",
    )
    settings, warnings = load_settings()
    assert warnings == []
    assert settings == Settings(
        theme="parallax-light",
        sidebar=False,
        keymap={"next_passage": "n,ctrl+down", "quit": "q"},
    )


def test_explicit_path_wins(tmp_path: Path, config: Path) -> None:
    _write(config, "theme: parallax-dark\n")
    other = tmp_path / "elsewhere.yaml"
    other.write_text("theme: parallax-ansi\n", encoding="utf-8")
    assert load_settings(other) == (Settings(theme="parallax-ansi"), [])


def test_unparseable_file_falls_back_whole(config: Path) -> None:
    path = _write(config, "theme: parallax-light\nsidebar: [true\n")
    settings, warnings = load_settings()
    assert settings == Settings()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}: line 3: not valid YAML (")
    assert warnings[0].endswith("; using default settings")


def test_not_a_mapping_falls_back_whole(config: Path) -> None:
    path = _write(config, "- theme\n- sidebar\n")
    assert load_settings() == (
        Settings(),
        [f"{path}: expected a mapping of keys to values, got a list; using default settings"],
    )


def test_unsafe_yaml_tag_is_refused(config: Path) -> None:
    path = _write(config, "theme: !!python/object/apply:os.getcwd []\n")
    settings, warnings = load_settings()
    assert settings == Settings()
    assert len(warnings) == 1 and warnings[0].startswith(f"{path}: line 1: not valid YAML")


def test_unknown_key_is_reported_and_the_rest_kept(config: Path) -> None:
    path = _write(config, "them: parallax-light\nsidebar: false\n")
    settings, warnings = load_settings()
    assert settings == Settings(sidebar=False)
    assert warnings == [f"{path}: them: unknown setting (did you mean 'theme'?); ignored"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("theme: 3\n", "theme: expected a theme name, got a number; using the default"),
        ("theme: ['a']\n", "theme: expected a theme name, got a list; using the default"),
        ("sidebar: maybe\n", "sidebar: expected true or false, got text; using true"),
        ("sidebar: 0\n", "sidebar: expected true or false, got a number; using true"),
        (
            "keymap: [q]\n",
            "keymap: expected a mapping of binding id to keys, got a list; ignored",
        ),
    ],
)
def test_wrong_type_falls_back_for_that_setting(config: Path, text: str, expected: str) -> None:
    path = _write(config, text)
    settings, warnings = load_settings()
    assert settings == Settings()
    assert warnings == [f"{path}: {expected}"]


def test_bad_keymap_entry_drops_only_that_entry(config: Path) -> None:
    path = _write(
        config,
        "theme: parallax-dark\nkeymap:\n  next_passage: 5\n  quit: q\n  help: 'f1,,?'\n"
        "  pair_view: [p]\n",
    )
    settings, warnings = load_settings()
    assert settings == Settings(theme="parallax-dark", keymap={"quit": "q"})
    assert warnings == [
        f"{path}: keymap.next_passage: expected keys as text (e.g. 'ctrl+j,down'), got a number",
        f"{path}: keymap.help: empty key in 'f1,,?'; ignored",
        f"{path}: keymap.pair_view: expected keys as text (e.g. 'ctrl+j,down'), got a list",
    ]


def test_unreadable_file_is_one_line(config: Path) -> None:
    path = config / "settings.yaml"
    path.mkdir()  # a folder where the file should be: reading it fails on every OS
    settings, warnings = load_settings()
    assert settings == Settings()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}: cannot be read (")


def test_not_utf8_is_one_line(config: Path) -> None:
    path = config / "settings.yaml"
    path.write_bytes("theme: caf\xe9\n".encode("latin-1"))
    assert load_settings() == (
        Settings(),
        [f"{path}: is not UTF-8 text; using default settings"],
    )


def test_defaults_are_not_shared_between_instances() -> None:
    first, second = Settings(), Settings()
    first.keymap["quit"] = "q"
    assert second.keymap == {}
