"""Links and standard input (issue 15): `parallax compare URL FILE`, `-`, and every failure.

Pages are served by a local HTTP server on 127.0.0.1 that each test module starts and stops
itself; nothing here touches the internet.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.core.test_ingest_html import PARAS, page
from tui.__main__ import main
from tui.core.ingest import fetch, load_article

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(str(p) for p in (ROOT / "sample_articles").glob("*.txt"))
RELEASE = threading.Event()  # lets the /slow handler go when a test is done with it

ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/story.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page().encode()),
    "/story": (200, {"Content-Type": "text/html"}, page().encode()),
    "/cyrillic": (
        200,
        {"Content-Type": "text/html; charset=windows-1251"},
        page(paras=["Путин и Трамп встретятся на Аляске в пятницу, " * 3] * 3).encode("cp1251"),
    ),
    "/plain": (200, {"Content-Type": "text/plain"}, Path(SAMPLES[1]).read_bytes()),
    "/moved": (302, {"Location": "/story.html"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/missing": (404, {"Content-Type": "text/html"}, b"<html><body>Not here</body></html>"),
    "/photo": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "/huge": (200, {"Content-Type": "text/html", "Content-Length": str(20 << 20)}, b""),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            RELEASE.wait(30)
            return
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if "Content-Length" not in headers or self.path != "/huge":
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        RELEASE.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_a_link_and_a_file(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["compare", f"{server}/moved", SAMPLES[0]], capsys)
    assert code == 0, err
    article = json.loads(out)["articles"][0]
    assert article["url"] == f"{server}/story.html"  # the final address, after the redirect
    assert article["title"] == "Putin and Trump to meet in Alaska"
    assert article["source"] == "Daily Planet"
    assert PARAS[0] in article["body"]


def test_two_links(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["compare", f"{server}/story", f"{server}/cyrillic"], capsys)
    assert code == 0, err
    a, b = json.loads(out)["articles"]
    assert PARAS[1] in a["body"]  # text/html without .html or a charset
    assert "Путин и Трамп встретятся" in b["body"]  # the server's charset
    assert err == ""


def test_a_plain_text_link_is_read_as_text(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["compare", f"{server}/plain", SAMPLES[0]], capsys)
    assert code == 0, err
    article = json.loads(out)["articles"][0]
    assert article["body"] == load_article(SAMPLES[1]).body  # front matter and all, as a file
    assert article["url"] == f"{server}/plain"


@pytest.mark.parametrize(
    ("route", "problem"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/photo", "not a web page (image/png)"),
        ("/huge", "too large for an article (20.0 MB; the limit is 2 MB)"),
        ("/to-file", "redirected to a link that is not http or https (file:///etc/passwd)"),
    ],
)
def test_link_failures_are_one_line(
    server: str, route: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["compare", f"{server}{route}", SAMPLES[0]], capsys)
    assert (code, out) == (1, "")
    assert err == f"parallax: {server}{route}: {problem}\n"


def test_a_link_that_times_out(
    server: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    code, _, err = _run(["compare", f"{server}/slow", SAMPLES[0]], capsys)
    assert code == 1
    assert err == f"parallax: {server}/slow: no answer within 0.5 s\n"


def test_no_network_and_refused_connections(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    def no_dns(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: no_dns() if host != "127.0.0.1" else real(host, *a, **k),
    )
    code, _, err = _run(
        ["compare", "https://news.example/story", f"http://127.0.0.1:{port}/a", "ftp://x/y"],
        capsys,
    )
    assert code == 1
    assert err == (
        "parallax: https://news.example/story: cannot find the host news.example (no network, "
        f"or no such site); http://127.0.0.1:{port}/a: 127.0.0.1 refused the connection; "
        "ftp://x/y: only http and https links can be read\n"
    )


def _cli(args: list[str], stdin: bytes | None, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PARALLAX_CONFIG_DIR": str(tmp_path)},
        timeout=120,
        check=False,
    )


def test_stdin_is_one_article(tmp_path: Path) -> None:
    done = _cli(["compare", "-", SAMPLES[1]], Path(SAMPLES[0]).read_bytes(), tmp_path)
    assert done.returncode == 0, done.stderr
    a, b = json.loads(done.stdout)["articles"]
    assert a["path"] == "-" and a["body"] and b["path"] == SAMPLES[1]


def test_stdin_can_be_a_page(tmp_path: Path) -> None:
    done = _cli(["compare", "-", SAMPLES[1]], page().encode(), tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"][0]["title"] == "Putin and Trump to meet in Alaska"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "-", "-"], "parallax: standard input (-) can hold only one article"),
        (["-", SAMPLES[1]], "parallax: the reader needs the terminal as its input"),
        (["compare", "-", SAMPLES[1]], "parallax: standard input: the file is empty"),
    ],
)
def test_stdin_problems_are_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    done = _cli(args, b"", tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(message) and done.stderr.count("\n") == 1
