"""Write, or check, the reference outputs that a refactor must keep byte for byte.

A reorganisation of the engine is only safe if every report it produces stays the same. This
script runs the real `parallax compare` (a fresh process each time, so no cache carries over)
on every annotated group in `tests/corpus/` and `benchmarks/heldout/`, on the bundled samples
and on the 1k and 5k-word pairs of `benchmarks/speed.py`, as JSON and as Markdown, and either
writes the outputs to a folder or compares them with one written earlier.

Keys named with `--ignore` (by default `rule` and `evidence`: keys that are only ever added to
the schema) are dropped from the JSON before comparing, so an additive change is not a
difference while any change to an existing key is.

    .venv/bin/python benchmarks/reference.py write /tmp/ref-before
    .venv/bin/python benchmarks/reference.py check /tmp/ref-before
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_IGNORE = ("rule", "evidence")


def groups() -> dict[str, list[Path]]:
    """Every article set to run, by a stable name."""
    out: dict[str, list[Path]] = {}
    for base in (ROOT / "tests" / "corpus", ROOT / "benchmarks" / "heldout"):
        for ann in sorted(base.glob("*/annotations.yaml")):
            data = yaml.safe_load(ann.read_text(encoding="utf-8"))
            paths = [(ann.parent / str(p)).resolve() for p in data.get("articles", [])]
            out[f"{base.name}-{ann.parent.name}"] = paths
    out["samples"] = sorted((ROOT / "sample_articles").glob("*.txt"))
    return out


def speed_pairs(folder: Path) -> dict[str, list[Path]]:
    """The benchmark's generated pairs, written once as files so every run reads the same."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from speed import make_pair

    out: dict[str, list[Path]] = {}
    for words in (1000, 5000):
        paths = []
        for side, art in zip("ab", make_pair(words), strict=True):
            path = folder / f"speed-{words}-{side}.txt"
            if not path.exists():
                path.write_text(art.body, encoding="utf-8")
            paths.append(path)
        out[f"speed-{words}"] = paths
    return out


def _strip(value: Any, ignore: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v, ignore) for k, v in value.items() if k not in ignore}
    if isinstance(value, list):
        return [_strip(v, ignore) for v in value]
    return value


def run(paths: list[Path], fmt: str) -> str:
    cmd = [sys.executable, "-m", "tui", "compare", *map(str, paths), "--format", fmt]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        return f"exit {proc.returncode}\n{proc.stderr}"
    return proc.stdout


def normalise(text: str, fmt: str, ignore: frozenset[str], folder: Path) -> str:
    """The output with ignored keys dropped; JSON must also be byte for byte what the standard
    library's encoder makes of the same data (so a faster encoder cannot change the bytes)."""
    if fmt != "json" or text.startswith("exit "):
        return text
    raw = json.loads(text)
    canonical = json.dumps(raw, ensure_ascii=False, indent=2) + "\n"
    if text != canonical:
        return "JSON bytes differ from the standard encoder's\n" + text
    for art in raw.get("articles", []):  # the same corpus from another checkout is the same
        if isinstance(art.get("path"), str):
            path = art["path"].replace(str(folder.resolve()), "<ref>")
            art["path"] = path.replace(str(ROOT), "<root>")
    return json.dumps(_strip(raw, ignore), indent=1, ensure_ascii=False, sort_keys=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["write", "check"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--ignore", nargs="*", default=list(DEFAULT_IGNORE))
    args = ap.parse_args(argv)
    ignore = frozenset(args.ignore)
    folder: Path = args.folder
    inputs = folder / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    todo = {**groups(), **speed_pairs(inputs)}
    differ = 0
    for name, paths in todo.items():
        for fmt, ext in (("json", "json"), ("markdown", "md")):
            out = normalise(run(paths, fmt), fmt, ignore, folder)
            target = folder / f"{name}.{ext}"
            if args.mode == "write":
                target.write_text(out, encoding="utf-8")
                continue
            old = target.read_text(encoding="utf-8") if target.exists() else None
            if old != out:
                differ += 1
                (folder / f"{name}.{ext}.new").write_text(out, encoding="utf-8")
                print(f"DIFFERS  {name}.{ext} (new output beside it as .new)")
    total = 2 * len(todo)
    if args.mode == "write":
        print(f"wrote {total} reference outputs to {folder}")
        return 0
    print(f"{total - differ} of {total} reference outputs identical")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
