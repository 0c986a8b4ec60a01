"""The `parallax` command: open the reader, or write a comparison report with `compare`.

Every failure a user can cause (bad paths, unreadable files, bad options) ends in one line on
stderr and a non-zero exit; a traceback only appears for real bugs, and only with
PARALLAX_DEBUG=1, so a crash report is still possible without scaring everyone else.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .core.article import Article
from .core.errors import ParallaxError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the terminal width found as `shutil.get_terminal_size`
    finds it but without importing shutil (argparse makes a formatter for every option it
    adds, and shutil pulls in bz2, lzma and fnmatch: about 2 ms of every start)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


class _Parser(argparse.ArgumentParser):
    """argparse that keeps its errors to one line (plus the usage hint) and our exit code."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_Formatter, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _reader_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="parallax",
        description="Read two or more reports of the same news event side by side, with the "
        "facts they share linked. With no files, opens the bundled sample articles. "
        "Use `parallax compare --help` for reports without the reader.",
    )
    p.add_argument(
        "files", nargs="*", metavar="FILE", help="articles (.txt, .md, .html), links or - (stdin)"
    )
    p.add_argument("--theme", metavar="NAME", help="colour theme (see --list-themes)")
    p.add_argument("--list-themes", action="store_true", help="list the available themes and exit")
    p.add_argument("--no-sidebar", action="store_true", help="start with the sidebar hidden")
    p.add_argument("--version", action="version", version=f"parallax {__version__}")
    return p


def _compare_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="parallax compare",
        description="Compare two or more articles and print the result as JSON or Markdown.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="two or more articles")
    p.add_argument(
        "--format", "-f", choices=("json", "markdown"), default="json", help="output format"
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write atomically to OUT instead of stdout"
    )
    return p


def _load_all(paths: Sequence[str]) -> list[Article]:
    """Load every file, link or `-` (stdin), or fail with one line for every unreadable one."""
    from .core.ingest.fetch import load_source

    articles: list[Article] = []
    problems: list[str] = []
    if list(paths).count("-") > 1:
        raise ParallaxError("standard input (-) can hold only one article")
    for path in paths:
        try:
            articles.append(load_source(path))
        except ParallaxError as exc:
            problems.append(str(exc))
    if problems:
        raise ParallaxError("; ".join(problems))
    if len(articles) < 2:
        raise ParallaxError(f"need at least two articles to compare, got {len(articles)}")
    return articles


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _compare(argv: Sequence[str]) -> int:
    args = _compare_parser().parse_args(argv)
    # SIGTERM as an exception, like ctrl+c: a report being written is then cleaned up (the
    # old one stays whole, no temporary file is left) and the exit status is still 143.
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        previous = None
    try:
        return _compare_files(args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _compare_files(args: argparse.Namespace) -> int:
    from .core.export import check_output, encode_json, one_line, to_markdown, write_atomic
    from .core.pipeline import compare

    if args.output is not None:
        check_output(args.output, protect=args.files)  # fail before the long part
    comparison = compare(_load_all(args.files))
    # JSON comes as UTF-8 bytes from orjson: a file takes them as they are.
    text = encode_json(comparison) if args.format == "json" else to_markdown(comparison)
    for warning in comparison.warnings:
        print(f"parallax: warning: {one_line(warning)}", file=sys.stderr)
    if args.output is not None:
        write_atomic(args.output, text, protect=args.files)
    else:
        if isinstance(text, bytes):
            text = text.decode()
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # main() treats a reader that left early as success
        except OSError as exc:
            raise ParallaxError(f"cannot write to standard output ({exc.strerror})") from None
    return EXIT_OK


class _Background:
    """The reader's comparison, computed in a forked child while the parent imports Textual.

    The machine a reader starts on has more than one core, and the two halves of a start-up
    do not depend on each other: the child imports the engine, loads the articles and compares
    them (about 100 ms on the samples), the parent meanwhile imports Textual and builds the
    app. The child hands back the `Comparison` pickled over a pipe, or the one-line error a
    user must see. Anything else (no `fork`, a crash in the child, a result that does not
    unpickle) falls back to comparing in the parent, so a bug still shows up there as usual.
    Started before Textual is imported: the process has no threads yet, so forking is safe.
    """

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = list(paths)
        self.pid = 0
        self.fd = -1
        if not hasattr(os, "fork"):
            return
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # nothing buffered may be written twice
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compare, send, leave without running any exit handler
            os.close(read_fd)
            os._exit(_send_comparison(write_fd, self.paths))
        os.close(write_fd)
        self.pid, self.fd = pid, read_fd

    def result(self) -> object:
        """The Comparison (or its ParallaxError), waiting for the child if it is not done."""
        import pickle

        data = self._receive()
        if data:
            try:
                kind, value = pickle.loads(data)
            except Exception:
                kind, value = "crash", None
            if kind == "ok":
                return value
            if kind == "error":
                raise ParallaxError(value)
        from .core.pipeline import compare

        return compare(_load_all(self.paths))

    def _receive(self) -> bytes:
        if self.pid == 0:
            return b""
        chunks = []
        try:
            while chunk := os.read(self.fd, 1 << 20):
                chunks.append(chunk)
        finally:
            self.close()
        return b"".join(chunks)

    def close(self) -> None:
        """Stop waiting: end the child (if still running) and reap it."""
        if self.pid == 0:
            return
        pid, self.pid = self.pid, 0
        os.close(self.fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)  # a child that is done has already exited
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def _send_comparison(fd: int, paths: Sequence[str]) -> int:
    """In the forked child: compare `paths`, write the pickled outcome to `fd`; exit code."""
    try:
        import pickle

        from .core.pipeline import compare

        try:
            outcome: tuple[str, object] = ("ok", compare(_load_all(paths)))
        except ParallaxError as exc:
            outcome = ("error", str(exc))
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        return 0
    except BaseException:  # a bug or ctrl+c: the parent compares itself and reports it
        return 1


def _read(argv: Sequence[str]) -> int:
    from . import resources

    args = _reader_parser().parse_args(argv)
    background = None
    if not args.list_themes and sys.stdout.isatty() and sys.stdin.isatty():
        paths = args.files or [str(p) for p in resources.sample_articles()]
        if paths:  # compare on the other core while this one imports Textual
            background = _Background(paths)
    try:
        return _read_with(args, background)
    finally:
        if background is not None:
            background.close()


def _read_with(args: argparse.Namespace, background: _Background | None) -> int:
    from . import resources
    from .settings import load_settings
    from .themes import DEFAULT_THEME, load_themes

    settings, warnings = load_settings()
    themes, theme_warnings = load_themes()
    warnings += theme_warnings
    from textual.theme import BUILTIN_THEMES

    # Parallax's own themes first; Textual's built-ins also work (Parallax's colours then come
    # from the defaults for a dark or light theme).
    names = [t.name for t in themes] + sorted(set(BUILTIN_THEMES) - {t.name for t in themes})
    if args.list_themes:
        width = max(len(n) for n in names)
        for t in themes:
            print(f"{t.name:<{width}}  {getattr(t, 'description', '')}".rstrip())
        for name in names[len(themes) :]:
            print(f"{name:<{width}}  (Textual built-in)")
        return EXIT_OK
    theme = args.theme or settings.theme or DEFAULT_THEME
    if theme not in names:
        if args.theme:
            raise ParallaxError(f"unknown theme {theme!r} (see parallax --list-themes)")
        warnings.append(f"settings: theme: unknown theme {theme!r}, using {DEFAULT_THEME}")
        theme = DEFAULT_THEME

    paths = args.files or [str(p) for p in resources.sample_articles()]
    if not paths:
        raise ParallaxError("no files given and no bundled sample articles found")
    if "-" in paths:
        raise ParallaxError(
            "the reader needs the terminal as its input, so it cannot read an article from "
            "standard input (-); use `parallax compare -` or save the article to a file"
        )
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise ParallaxError("the reader needs a terminal; use `parallax compare` for reports")

    from .core.model import Comparison

    if background is not None:
        comparison = background.result()
    else:
        from .core.pipeline import compare

        comparison = compare(_load_all(paths))
    if not isinstance(comparison, Comparison):
        raise TypeError(f"the comparison came back as {type(comparison).__name__}")
    warnings += list(comparison.warnings)

    from .app.app import ParallaxApp

    app = ParallaxApp(
        comparison,
        theme=theme,
        show_sidebar=settings.sidebar and not args.no_sidebar,
        keymap=settings.keymap,
        extra_themes=themes,
        startup_warnings=warnings,
    )
    app.run()
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "compare":
            return _compare(args[1:])
        return _read(args)
    except ParallaxError as exc:
        from .core.export import one_line

        print(f"parallax: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `parallax compare ... | head`: the reader left early; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: one line for users, the traceback on request
        if os.environ.get("PARALLAX_DEBUG"):
            raise
        where = (
            Path(exc.__traceback__.tb_frame.f_code.co_filename).name if exc.__traceback__ else "?"
        )
        from .core.export import one_line

        print(
            one_line(f"parallax: internal error: {type(exc).__name__}: {exc} ({where}); ")
            + "set PARALLAX_DEBUG=1 for details",
            file=sys.stderr,
        )
        return EXIT_ERROR


def run() -> None:
    """The `parallax` console command: `main()`, then for `compare` a prompt exit.

    A report is complete once it is written and flushed; what is left is the interpreter
    freeing the comparison's millions of objects one by one (about 145 ms at 2 x 20k words)
    for a process that is about to end anyway. So, as mypy does, `compare` flushes its
    streams and leaves with `os._exit`. The reader exits normally (Textual restores the
    terminal on its own way out).
    """
    args = sys.argv[1:]
    code = main(args)
    if args[:1] != ["compare"]:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        # `| head` left early: not an error for a report (as in main()).
        with contextlib.suppress(BrokenPipeError, OSError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
