"""How big are the engine's modules and functions, and how many blocks are complex?

The engine-layout rule (issue 10): every module under `tui/core` at most 500 lines, every
function at most 60, so that rules live in data and small named functions rather than in long
branches. This prints the largest modules and functions and radon's count of blocks of
cyclomatic complexity C (11+) or worse, and exits 1 when a limit is broken, so a regression is
seen at once.

    .venv/bin/python benchmarks/complexity.py [--top 10] [--root tui/core]
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE_LIMIT = 500
FUNCTION_LIMIT = 60


def functions(path: Path) -> list[tuple[int, str]]:
    """(lines, qualified name) of every function and method in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[int, str]] = []

    def walk(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                out.append((child.end_lineno - child.lineno + 1, name))  # type: ignore[operator]
                walk(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                walk(child, f"{prefix}{child.name}.")

    walk(tree, "")
    return out


def radon_complex(paths: list[Path]) -> int | None:
    """Blocks ranked C or worse by radon, or None when radon is not installed."""
    try:
        from radon.complexity import cc_rank, cc_visit
    except ImportError:
        return None
    count = 0
    for p in paths:
        for block in cc_visit(p.read_text(encoding="utf-8")):
            if cc_rank(block.complexity) >= "C":
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--root", type=Path, default=ROOT / "tui" / "core")
    args = ap.parse_args(argv)
    paths = sorted(args.root.rglob("*.py"))
    modules = sorted(
        ((len(p.read_text(encoding="utf-8").splitlines()), p) for p in paths), reverse=True
    )
    funcs = sorted(
        ((n, f"{p.relative_to(ROOT)}:{name}") for p in paths for n, name in functions(p)),
        reverse=True,
    )
    print(f"largest modules (limit {MODULE_LIMIT} lines):")
    for n, p in modules[: args.top]:
        print(f"  {n:5d}  {p.relative_to(ROOT)}")
    print(f"largest functions (limit {FUNCTION_LIMIT} lines):")
    for n, name in funcs[: args.top]:
        print(f"  {n:5d}  {name}")
    over_m = sum(1 for n, _ in modules if n > MODULE_LIMIT)
    over_f = sum(1 for n, _ in funcs if n > FUNCTION_LIMIT)
    cc = radon_complex(paths)
    print(f"modules over the limit: {over_m}; functions over the limit: {over_f}")
    print(f"blocks of complexity C or worse (radon): {'radon not installed' if cc is None else cc}")
    return 1 if over_m or over_f else 0


if __name__ == "__main__":
    raise SystemExit(main())
