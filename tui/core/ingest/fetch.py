"""Links and standard input: articles that do not come from a file on disk.

`parallax https://… https://…` fetches each page with the standard library (no new dependency,
nothing to configure): http and https only, redirects followed (to http and https only), a
clear timeout for the whole fetch, and the same 2 MB limit as a file, checked from the
server's Content-Length first and then while reading. The address the redirects end at is kept
as the article's `url`. Every failure (no network, an unknown host, a timeout, a 404, an image
instead of a page) is one `LoadError` line naming the link.

`-` reads one article from standard input (`cat a.txt | parallax compare - b.txt`), with the
same size limit.

urllib, http.client and ssl are imported only when a link is given: a `parallax compare` of two
files should not pay for them.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from typing import Any, BinaryIO

from ..article import Article
from ..errors import LoadError
from .parse import load_article, parse_article
from .read import MAX_BYTES, display_name, too_large

TIMEOUT = 20.0  # seconds for the whole fetch: connect, redirects and every byte
STDIN = "-"
_CHUNK = 64 * 1024
_AGENT = "Mozilla/5.0 (compatible; parallax-reader; +https://github.com/)"
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")


def is_link(arg: str) -> bool:
    """True for something the user meant as a web address (any scheme://, so ftp:// is named)."""
    scheme = arg.split("://", 1)[0] if "://" in arg else ""
    return scheme.isascii() and scheme.isalpha() and len(scheme) > 1


def load_source(arg: str, stdin: BinaryIO | None = None) -> Article:
    """An article from a file path, a link, or `-` (standard input)."""
    if arg == STDIN:
        return load_stdin(stdin if stdin is not None else sys.stdin.buffer)
    if is_link(arg):
        return load_link(arg)
    return load_article(arg)


def load_stdin(stream: BinaryIO) -> Article:
    """One article read from a pipe (or a redirected file)."""
    name = "standard input"
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise LoadError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if data is None:
        raise LoadError(f"{name}: cannot read (not ready)")
    if len(data) > MAX_BYTES:
        raise LoadError(f"{name}: {too_large(len(data))}")
    try:
        return parse_article(data, STDIN)
    except LoadError as exc:  # "-: the file is empty" names no file a user would recognise
        raise LoadError(f"{name}: {str(exc).removeprefix(STDIN + ': ')}") from None


def load_link(url: str, timeout: float | None = None) -> Article:
    """Fetch a web page and read it as an article; its final address becomes `url`."""
    name = display_name(url)
    data, final, ctype, charset = fetch(url, name, TIMEOUT if timeout is None else timeout)
    if ctype in _TEXT_TYPES:
        article = parse_article(data, url, charset=charset)
    else:
        article = parse_article(data, url, charset=charset, html=True)
    return dataclasses.replace(article, url=final)


def _opener() -> Any:
    """A urllib opener that follows redirects only to http and https (never file:// or ftp://)."""
    import urllib.parse
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
                where = display_name(newurl)[:80]
                raise LoadError(f"redirected to a link that is not http or https ({where})")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(Redirects())


def fetch(url: str, name: str, timeout: float) -> tuple[bytes, str, str, str]:
    """(body, final address, media type, charset) of a page, or a one-line LoadError."""
    import urllib.error
    import urllib.parse
    import urllib.request

    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise LoadError(f"{name}: only http and https links can be read")
    if not parts.hostname:
        raise LoadError(f"{name}: not a complete link (no host)")
    request = urllib.request.Request(
        url, headers={"User-Agent": _AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"}
    )
    opener = _opener()
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or ""
            _check_type(ctype, name)
            _check_length(response.headers.get("Content-Length"), name)
            data = _read(response, deadline, name, response.headers.get("Content-Encoding"))
            return data, response.geturl(), ctype, charset
    except LoadError as exc:
        msg = str(exc)
        raise LoadError(msg if msg.startswith(name) else f"{name}: {msg}") from None
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:  # urllib refuses a redirect to file:// (and anything odd)
            where = display_name(str(exc.headers.get("Location", "")))[:80]
            msg = f"{name}: redirected to a link that is not http or https ({where})"
            raise LoadError(msg) from None
        raise LoadError(f"{name}: the server answered {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        raise LoadError(f"{name}: {_why(exc.reason, parts.hostname, timeout)}") from None
    except (OSError, ValueError) as exc:  # timeouts while reading, resets, bad headers
        raise LoadError(f"{name}: {_why(exc, parts.hostname, timeout)}") from None


def _check_type(ctype: str, name: str) -> None:
    if ctype in _PAGE_TYPES or ctype in _TEXT_TYPES or ctype == "application/octet-stream":
        return  # octet-stream: servers that do not know; the bytes are sniffed like a file's
    raise LoadError(f"{name}: not a web page ({ctype})")


def _check_length(length: str | None, name: str) -> None:
    if length and length.strip().isdigit() and int(length) > MAX_BYTES:
        raise LoadError(f"{name}: {too_large(int(length))}")


def _read(response: BinaryIO, deadline: float, name: str, encoding: str | None) -> bytes:
    """At most MAX_BYTES of the (decompressed) body, before the deadline."""
    import zlib

    inflate = None
    if encoding and encoding.strip().lower() in ("gzip", "x-gzip", "deflate"):
        inflate = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
    out = bytearray()
    while chunk := response.read(_CHUNK):
        if inflate is not None:
            chunk = inflate.decompress(chunk, MAX_BYTES + 1 - len(out))
        out += chunk
        if len(out) > MAX_BYTES:
            raise LoadError(f"{name}: too large for an article (over the 2 MB limit)")
        if time.monotonic() > deadline:
            raise TimeoutError
    return bytes(out)


def _why(reason: object, host: str | None, timeout: float) -> str:
    """What went wrong, in words: the host, the network, the clock, the certificate."""
    import socket
    import ssl

    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return f"cannot find the host {host} (no network, or no such site)"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({getattr(reason, 'reason', None) or reason})"
    if isinstance(reason, OSError):
        return f"cannot fetch ({reason.strerror or reason})"
    text = str(reason) or type(reason).__name__
    return f"cannot fetch ({display_name(text)})"
