"""The ingest word lists: every data file is used, readable, and says what it holds."""

from __future__ import annotations

from pathlib import Path

from tui.core import lexicon
from tui.core.ingest import clean
from tui.core.ingest.lazy import word_list

INGEST = Path(clean.__file__).parent
FILES = sorted(lexicon.DATA.glob("ingest-*.txt"))


def test_every_ingest_list_is_used_and_not_empty() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in INGEST.glob("*.py"))
    assert len(FILES) >= 15
    for path in FILES:
        assert word_list(path.stem), path.name
        assert f'"{path.stem}"' in code or f"'{path.stem}'" in code, f"{path.name} is unused"


def test_code_point_lists_name_characters() -> None:
    for name in ("ingest-clean-invisible", "ingest-clean-spaces"):
        for entry in word_list(name):
            assert entry.startswith("U+") and 0 < int(entry[2:], 16) < 0x110000, entry


def test_cleaning_removes_every_listed_invisible_and_space() -> None:
    invisible = "".join(chr(int(w[2:], 16)) for w in word_list("ingest-clean-invisible"))
    spaces = "".join(chr(int(w[2:], 16)) for w in word_list("ingest-clean-spaces"))
    assert clean.clean(f"a{invisible}b") == "ab"
    assert clean.clean(f"a{spaces}b") == "a" + " " * len(spaces) + "b"
