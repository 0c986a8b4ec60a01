"""Decoding: from bytes (or text already in memory) to one Python string, or a refusal.

Files arrive in whatever encoding the tool that saved them used: UTF-8 with or without a BOM,
UTF-16/32, UTF-16 without a BOM, Windows-1252 from old Windows tools, or UTF-8 with a few
damaged bytes. Each is read without a question, and a replaced byte is reported as a warning
rather than silently changing the text. What is not text at all (an image, a PDF, a saved web
page) is refused with one line saying what it is.
"""

from __future__ import annotations

import codecs
import re

from ..errors import LoadError
from .clean import BINARY_CTRL_RE
from .lazy import LazyRegex
from .read import MAX_BYTES, too_large

SAMPLE = 64 * 1024  # bytes/characters looked at to tell text from binary data

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# Whole documents in a markup language: their text is buried in tags and code, so loading them
# as prose would show garbage. Saved web pages are the common case.
_MARKUP_DOC_RE = LazyRegex(r"[\s\ufeff]*(<!doctype html|<html\b|<\?xml|\{\\rtf)", re.I)
_MARKUP_DOCS = {"<!doc": "an HTML page", "<html": "an HTML page", "<?xml": "XML data"}
_MARKUP_DOCS["{\\rtf"] = "an RTF document"


def article_text(raw: bytes | str, name: str, warnings: list[str], page: bool = False) -> str:
    """The raw input as text, before cleaning; refuses what cannot be an article.

    `page`: the text is a web page, read by `html.py`, so its markup is expected.
    """
    if isinstance(raw, bytes | bytearray | memoryview):
        data = bytes(raw)
        if len(data) > MAX_BYTES:
            raise LoadError(f"{name}: {too_large(len(data))}")
        if not data:
            raise LoadError(f"{name}: the file is empty")
        kind = _binary_signature(data)
        if kind:
            raise LoadError(f"{name}: not a text file ({kind})")
        text = _decode(data, name, warnings)
    else:
        text = str(raw)
        if len(text) > MAX_BYTES:
            raise LoadError(f"{name}: {too_large(len(text.encode('utf-8', 'replace')))}")
        text = _fix_surrogates(text)
    if _looks_binary(text):
        raise LoadError(f"{name}: not a text file (binary data)")
    if not text.strip():
        raise LoadError(f"{name}: the article is empty (only whitespace)")
    markup = None if page else _MARKUP_DOC_RE.match(text, 0, 4096)
    if markup:
        kind = _MARKUP_DOCS[markup.group(1).lower()[:5]]
        raise LoadError(f"{name}: {kind}, not article text (save the article as plain text)")
    return text


def _binary_signature(data: bytes) -> str:
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    return ""


def _decode(data: bytes, name: str, warnings: list[str]) -> str:
    """Decode by BOM, then UTF-16 NUL pattern, then UTF-8, then Windows-1252, then replace."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _decode_with(data, "utf-32", name, warnings)
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_with(data[3:], "utf-8", name, warnings)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_with(data, "utf-16", name, warnings)
    utf16 = _bomless_utf16(data)
    if utf16:
        return _decode_with(data, utf16, name, warnings)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8. Text from old Windows tools is cp1252 ("smart quotes" 0x93/0x94, é as 0xE9):
    # it has no valid multi-byte UTF-8 sequences. A UTF-8 file with a few damaged bytes has many.
    probe = data.decode("utf-8", "surrogateescape")
    bad = sum(1 for c in probe if "\udc80" <= c <= "\udcff")
    good = sum(1 for c in probe if c > "\x7f" and not "\udc80" <= c <= "\udcff")
    if good <= bad:
        # Byte by byte, so a file pasted together from both encodings keeps its UTF-8 parts.
        text = data.decode("utf-8", "parallax-cp1252")
        undefined = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
        note = f"; {undefined} undefined byte(s) replaced" if undefined else ""
        warnings.append(f"{name}: not UTF-8; read as Windows-1252{note}")
        return text
    warnings.append(f"{name}: {bad} byte(s) that are not valid UTF-8 were replaced")
    return data.decode("utf-8", "replace")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (its five undefined bytes as U+FFFD)."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("cp1252", "replace"), exc.end


codecs.register_error("parallax-cp1252", _cp1252_fallback)


def _decode_with(data: bytes, encoding: str, name: str, warnings: list[str]) -> str:
    text = data.decode(encoding, "replace")
    bad = text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd")
    if bad:
        label = {"utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}.get(encoding, encoding.upper())
        warnings.append(f"{name}: {bad} invalid {label} sequence(s) were replaced")
    return text


def _bomless_utf16(data: bytes) -> str:
    """UTF-16 without BOM shows as NULs in every other byte when the text is mostly Latin."""
    sample = data[: SAMPLE & ~1]
    pairs = len(sample) // 2
    if pairs < 2:
        return ""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return ""


def _fix_surrogates(text: str) -> str:
    """Lone surrogates cannot be encoded anywhere later (JSON, terminal): make them U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _looks_binary(text: str) -> bool:
    """Many NULs or other control characters mean data, not prose."""
    sample = text[:SAMPLE]
    if not sample:
        return False
    nuls = sample.count("\x00")
    ctrl = len(BINARY_CTRL_RE.findall(sample))
    bad = sample.count("\ufffd")
    n = len(sample)
    return nuls > n // 1000 + 2 or ctrl > n // 10 + 2 or bad > n // 10 + 2
