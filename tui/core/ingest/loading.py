"""Turn a file of news text into an `Article`: decoding, front matter, cleaning, paragraphs.

Articles arrive as whatever people saved from a browser, an e-mail or a wire feed: UTF-8 or
UTF-16 or Windows-1252, hard-wrapped or one paragraph per line, with terminal escape codes,
zero-width characters and boilerplate ("Related article: ...", bylines, photo credits) mixed in.
Everything downstream works on character offsets into one clean `body`, so all of that is
settled here, once, and the body is built as paragraphs joined by exactly one blank line.

Text is data: nothing in it is interpreted (no markup, no escapes, no YAML tags beyond
`yaml.safe_load`), and every step is linear in the size of the input. Files that cannot be an
article are refused with a one-line `LoadError` that names the file.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import itertools
import math
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..article import Article, Paragraph
from ..errors import LoadError
from .segment import segment

# A long-form feature is ~100 KB and "War and Peace" ~3 MB; anything beyond this is not an article
# and would only make the reader slow. Refused at once from the file size, before reading, so
# the worst case (millions of one-word paragraphs) still loads in a few seconds.
MAX_BYTES = 2 * 1024 * 1024
_MAX_FRONT_MATTER = 64 * 1024  # YAML is slow and hostile input can nest deeply: keep it small
_SAMPLE = 64 * 1024  # bytes/characters looked at to tell text from binary data
_MARKDOWN_EXTS = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"})

# ---------------------------------------------------------------------------------------------
# Public API


def load_article(path: str | bytes | os.PathLike[str]) -> Article:
    """Read one article file. Never writes to it; refuses non-files and oversized files early."""
    name = _display_name(os.fsdecode(path))
    p = Path(os.fsdecode(path))
    try:
        st = p.stat()
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except (OSError, ValueError) as exc:
        raise LoadError(f"{name}: cannot read ({_reason(exc)})") from None
    if stat.S_ISDIR(st.st_mode):
        raise LoadError(f"{name}: is a directory, not an article file")
    if not stat.S_ISREG(st.st_mode):
        raise LoadError(f"{name}: not a regular file")
    if st.st_size > MAX_BYTES:
        raise LoadError(f"{name}: {_too_large(st.st_size)}")
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except OSError as exc:
        raise LoadError(f"{name}: cannot read ({_reason(exc)})") from None
    return _parse(raw, os.fsdecode(path), name)


def parse_article(raw: bytes | str, path: str = "<text>") -> Article:
    """Build an article from bytes or text already in memory (tests, paste, stdin)."""
    return _parse(raw, path, _display_name(path))


# ---------------------------------------------------------------------------------------------
# Pipeline


def _parse(raw: bytes | str, path: str, name: str) -> Article:
    warnings: list[str] = []
    if isinstance(raw, bytes | bytearray | memoryview):
        data = bytes(raw)
        if len(data) > MAX_BYTES:
            raise LoadError(f"{name}: {_too_large(len(data))}")
        if not data:
            raise LoadError(f"{name}: the file is empty")
        kind = _binary_signature(data)
        if kind:
            raise LoadError(f"{name}: not a text file ({kind})")
        text = _decode(data, name, warnings)
    else:
        text = str(raw)
        if len(text) > MAX_BYTES:
            raise LoadError(f"{name}: {_too_large(len(text.encode('utf-8', 'replace')))}")
        text = _fix_surrogates(text)
    if _looks_binary(text):
        raise LoadError(f"{name}: not a text file (binary data)")
    if not text.strip():
        raise LoadError(f"{name}: the article is empty (only whitespace)")
    markup = _MARKUP_DOC_RE.match(text, 0, 4096)
    if markup:
        kind = _MARKUP_DOCS[markup.group(1).lower()[:5]]
        raise LoadError(f"{name}: {kind}, not article text (save the article as plain text)")
    nuls = text.count("\x00", 0, _SAMPLE)
    text = _clean(text)

    meta, rest, had_front_matter = _split_front_matter(text, name, warnings)
    title, source, date, url, extra = _meta_fields(meta, name, warnings)

    markdown = Path(path).suffix.lower() in _MARKDOWN_EXTS or _sniff_markdown(rest)
    lines = _prepare_lines(rest, markdown)
    heading_title = _take_leading_heading(lines)
    if heading_title is not None:
        if not title:
            title = heading_title
        elif _same_words(heading_title, title):
            pass  # the headline repeated under the front matter: not a fact of the body
        else:
            lines.insert(0, _Line(heading_title, heading=True))
    texts = _paragraph_texts(lines, markdown)
    if heading_title is None:
        headline = _take_leading_headline(texts, title)
        if headline is not None and not title:
            title = headline
    if not texts:
        if had_front_matter:
            raise LoadError(f"{name}: no article text after the front matter")
        raise LoadError(f"{name}: no readable text")
    if nuls:
        warnings.append(f"{name}: removed {nuls} NUL byte(s)")

    body = "\n\n".join(texts)
    paragraphs: list[Paragraph] = []
    pos = 0
    for i, t in enumerate(texts):
        paragraphs.append(Paragraph(i, pos, pos + len(t), _boilerplate_kind(t)))
        pos += len(t) + 2
    paras = tuple(paragraphs)
    return Article(
        path=path,
        title=title,
        source=source,
        date=date,
        body=body,
        paragraphs=paras,
        sentences=segment(body, paras),
        url=url,
        extra=extra,
        warnings=tuple(warnings),
    )


def _display_name(path: str) -> str:
    """The path as the user gave it, safe to print on one line."""
    return _CONTROL_RE.sub("?", path) or "<text>"


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return _CONTROL_RE.sub(" ", text).strip()


def _too_large(size: int) -> str:
    return (
        f"too large for an article ({size / 1024 / 1024:.1f} MB; "
        f"the limit is {MAX_BYTES // 1024 // 1024} MB)"
    )


# ---------------------------------------------------------------------------------------------
# Decoding

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
_MARKUP_DOC_RE = re.compile(r"[\s\ufeff]*(<!doctype html|<html\b|<\?xml|\{\\rtf)", re.I)
_MARKUP_DOCS = {"<!doc": "an HTML page", "<html": "an HTML page", "<?xml": "XML data"}
_MARKUP_DOCS["{\\rtf"] = "an RTF document"


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
    sample = data[: _SAMPLE & ~1]
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
    sample = text[:_SAMPLE]
    if not sample:
        return False
    nuls = sample.count("\x00")
    ctrl = len(_BINARY_CTRL_RE.findall(sample))
    bad = sample.count("\ufffd")
    n = len(sample)
    return nuls > n // 1000 + 2 or ctrl > n // 10 + 2 or bad > n // 10 + 2


# ---------------------------------------------------------------------------------------------
# Cleaning (control characters, terminal escapes, invisible characters, spaces)

_BINARY_CTRL_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Terminal escape sequences, removed whole with their parameters. 7-bit string sequences (ESC ]
# OSC, DCS, SOS, PM, APC) end at BEL or ST, or at the end of the line so that an unterminated one
# cannot swallow the article. The 8-bit (C1) forms take their parameters only when they are
# complete (a CSI with its final byte, a string sequence with its terminator close by): a lone C1
# character in decoded text is more often mojibake than an escape, so it is deleted by itself
# (see _CLEAN_TABLE) and the words after it stay.
_ESCAPE_RE = re.compile(
    r"\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]{0,256}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]{0,32}[ -/]{0,8}[@-~]"
    r"|\x1b[ -/]*[0-~]?"
)


def strip_escapes(text: str) -> str:
    """Remove terminal escape sequences whole, by the same rules the loader applies to articles.

    Reports and error messages use it for text that did not come through the loader (file names)
    or must stay inert whatever a future loader path lets through.
    """
    return _ESCAPE_RE.sub("", text)


_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
_INVISIBLE += "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
_INVISIBLE += "\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000"


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for c in range(0x20):
        table[c] = None
    for c in range(0x7F, 0xA0):
        table[c] = None
    table[ord("\n")] = "\n"
    for ch in "\x0b\x0c\x85\u2028":
        table[ord(ch)] = "\n"
    table[ord("\u2029")] = "\n\n"
    for ch in _INVISIBLE:
        table[ord(ch)] = None
    for ch in _SPACES:
        table[ord(ch)] = " "
    return table


_CLEAN_TABLE = _build_table()


def _clean(text: str) -> str:
    """Remove what a reader cannot see or a terminal would obey; keep every visible word.

    Leading spaces survive (YAML front matter needs its indentation); runs of spaces are
    collapsed later, per line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_RE.sub("", text)
    text = text.translate(_CLEAN_TABLE)
    return unicodedata.normalize("NFC", text)


_SPACE_RUN = re.compile(r" {2,}")


def _inline(text: str) -> str:
    """One-line form of a metadata value: cleaned, newlines and space runs as single spaces."""
    text = _clean(text).replace("\n", " ")
    return _SPACE_RUN.sub(" ", text).strip()


# ---------------------------------------------------------------------------------------------
# Front matter

_FENCE_RE = re.compile(r"[ \t]*(---|\.\.\.)[ \t]*")
_KEY_LINE_RE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$")
_KNOWN_KEYS = ("title", "source", "date", "url")


def _split_front_matter(
    text: str, name: str, warnings: list[str]
) -> tuple[dict[str, Any] | None, str, bool]:
    """(metadata or None, body text, whether a front matter block was found)."""
    lead = len(text) - len(text.lstrip("\n "))
    lead = text.rfind("\n", 0, lead) + 1  # start of the first non-blank line
    first_end = text.find("\n", lead)
    first = text[lead:] if first_end < 0 else text[lead:first_end]
    if first.strip() != "---" or first_end < 0:
        return None, text, False
    # Find the closing fence: a line that is exactly --- or ...
    pos = first_end + 1
    close_start = close_end = -1
    while pos <= len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        if _FENCE_RE.fullmatch(text, pos, line_end):
            close_start, close_end = pos, line_end
            break
        if nl < 0:
            break
        pos = nl + 1
    if close_start < 0:
        return _unclosed_front_matter(text, first_end + 1, name, warnings)
    block = text[first_end + 1 : close_start]
    rest = text[close_end + 1 :] if close_end < len(text) else ""
    if len(block) > _MAX_FRONT_MATTER:
        warnings.append(f"{name}: front matter larger than 64 KB; ignored")
        return None, rest, True
    meta = _load_yaml(block)
    if isinstance(meta, dict):
        return _unbool(meta, block), rest, True
    if meta is None and not block.strip():
        return None, rest, True
    if _looks_like_keys(block):
        problem = "is not valid YAML" if meta is _INVALID else "is not a key: value mapping"
        salvaged = _salvage_keys(block)
        hint = "; read the simple key: value lines" if salvaged else "; ignored"
        warnings.append(f"{name}: front matter {problem}{hint}")
        return salvaged or None, rest, True
    # Prose between two rules is text, not metadata: keep its words in the body.
    warnings.append(f"{name}: text between --- lines is not front matter; kept as body text")
    return None, block + "\n\n" + rest, False


def _unclosed_front_matter(
    text: str, start: int, name: str, warnings: list[str]
) -> tuple[dict[str, Any] | None, str, bool]:
    """A missing closing --- is a common slip: key lines up to the first blank line are meta."""
    blank = text.find("\n\n", start)
    block = text[start:] if blank < 0 else text[start:blank]
    if len(block) <= _MAX_FRONT_MATTER and block.strip() and _looks_like_keys(block, strict=True):
        meta = _load_yaml(block)
        if not isinstance(meta, dict):
            meta = _salvage_keys(block) or None
        warnings.append(f"{name}: front matter is not closed with ---; read up to the blank line")
        return meta, "" if blank < 0 else text[blank + 2 :], True
    warnings.append(f"{name}: front matter is not closed with ---; read as body text")
    return None, text[start:], False


_INVALID: Any = object()


def _unbool(meta: dict[Any, Any], block: str) -> dict[Any, Any]:
    """YAML 1.1 reads `title: No` or `source: NO` (a country code) as a boolean; the metadata
    fields mean the words, so take those back from the raw line."""
    if not any(isinstance(v, bool) for v in meta.values()):
        return meta
    raw = _salvage_keys(block)
    out = dict(meta)
    for key, value in meta.items():
        if isinstance(key, str) and isinstance(value, bool) and key.lower() in raw:
            out[key] = raw[key.lower()]
    return out


def _load_yaml(block: str) -> Any:
    try:
        return yaml.safe_load(block)
    except Exception:  # YAMLError, but also RecursionError/ValueError from hostile input
        return _INVALID


def _looks_like_keys(block: str, strict: bool = False) -> bool:
    lines = [ln for ln in block.split("\n") if ln.strip()]
    if not lines:
        return False
    keyed = sum(1 for ln in lines if _KEY_LINE_RE.match(ln) or ln.startswith((" ", "-", "#")))
    top = sum(1 for ln in lines if _KEY_LINE_RE.match(ln))
    if strict:
        return keyed == len(lines) and top >= 1
    return top >= 1 and keyed * 2 >= len(lines)


def _salvage_keys(block: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for ln in block.split("\n"):
        m = _KEY_LINE_RE.match(ln)
        if m and m.group(1).lower() in _KNOWN_KEYS and m.group(2):
            value = m.group(2).strip()
            if value.startswith(("!", "&", "*", "[", "{", "|", ">")):
                continue  # a YAML tag, anchor or collection: not a plain value to trust
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            out[m.group(1).lower()] = value
    return out


def _meta_fields(
    meta: dict[str, Any] | None, name: str, warnings: list[str]
) -> tuple[str, str, str, str, dict[str, Any]]:
    known = dict.fromkeys(_KNOWN_KEYS, "")
    extra: dict[str, Any] = {}
    if not meta:
        return "", "", "", "", extra
    budget = [10_000]
    for key, value in meta.items():
        k = _inline(_scalar_text(key)) or "?"
        if k.lower() in known and not known[k.lower()]:
            if isinstance(value, dict):
                warnings.append(f"{name}: front matter '{k}' is not text; ignored")
                continue
            if value is not None:
                known[k.lower()] = _inline(_scalar_text(value))
        else:
            extra[k] = _json_safe(value, budget, 0, set())
    if budget[0] < 0:
        warnings.append(f"{name}: front matter is very large; nested values were cut short")
    return known["title"], known["source"], known["date"], known["url"], extra


def _scalar_text(value: Any) -> str:
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | set | frozenset | dict):
        # One level only: a YAML alias can make a list contain itself.
        return ", ".join(_scalar_text(v) for v in value if not _is_container(v))
    return str(value)


def _is_container(value: Any) -> bool:
    return isinstance(value, list | tuple | set | frozenset | dict)


def _json_safe(value: Any, budget: list[int], depth: int, seen: set[int]) -> Any:
    """A copy that `json.dumps` accepts: no dates, bytes, sets, NaN or self-references.

    YAML aliases can make a small document describe a huge or cyclic structure, so the walk
    has a node budget and a depth limit.
    """
    budget[0] -= 1
    if budget[0] < 0 or depth > 20:
        return None
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return _clean(value).strip()
    if isinstance(value, dict | list | tuple | set | frozenset):
        if id(value) in seen:
            return None
        seen = seen | {id(value)}
        if isinstance(value, dict):
            return {
                (_inline(_scalar_text(k)) or "?"): _json_safe(v, budget, depth + 1, seen)
                for k, v in value.items()
            }
        items: Iterable[Any] = value
        if isinstance(value, set | frozenset):
            items = sorted(value, key=repr)
        return [_json_safe(v, budget, depth + 1, seen) for v in items]
    return _clean(_scalar_text(value)).strip()


# ---------------------------------------------------------------------------------------------
# Lines: Markdown syntax, list markers, separators


class _Line:
    """One non-blank source line (or a blank marker) with what paragraph building needs."""

    __slots__ = ("blank", "heading", "indent", "list_item", "text", "width")

    def __init__(
        self,
        text: str,
        *,
        width: int = 0,
        indent: int = 0,
        heading: bool = False,
        list_item: bool = False,
        blank: bool = False,
    ) -> None:
        self.text = text
        self.width = width
        self.indent = indent
        self.heading = heading
        self.list_item = list_item
        self.blank = blank


_BLANK = _Line("", blank=True)
_ATX_RE = re.compile(r" {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_SETEXT_RE = re.compile(r" {0,3}(=+|-+)[ \t]*")
_RULE_RE = re.compile(r" {0,3}(?:[-*_=~#•·+][ \t]*){3,}")
_REFDEF_RE = re.compile(r" {0,3}\[[^\]\n]{1,200}\]:[ \t]*\S+.*")
_RULE_CHARS = frozenset("-*_=~#•·+")
_BULLET_CHARS = frozenset("-*+•◦▪‣·–—")
_BULLET_RE = re.compile(r"[ \t]*(?:[-*+•◦▪‣·]|[–—](?=\s))[ \t]+(?=\S)")
_NUMBERED_RE = re.compile(r"[ \t]*\(?\d{1,3}[.)][ \t]+(?=\S)")
_QUOTE_PREFIX_RE = re.compile(r" {0,3}(?:>[ \t]?)+")
_LINK_RE = re.compile(
    r"!?\[([^\[\]\n]{0,500})\]"
    r"\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}(?:[ \t]+\"[^\"\n]{0,500}\")?\)"
)
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]+)>")
_CODE_RE = re.compile(r"(?<!`)(`{1,3})([^`\n]{1,1000})\1(?!`)")
_STRONG_RE = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_EM_RE = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^*_\n]+?)(?<=[^\s*_])\1(?![\w*])")
_STRIKE_RE = re.compile(r"~~(?=\S)([^~\n]+?)(?<=\S)~~")
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,300})?/?>")
_ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});")
_ESCAPED_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_MD_SNIFF_RE = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S|\[[^\[\]\n]{1,300}\]\((?:https?://|mailto:|/|#)|^ {0,3}(?:\*\*|__)\S",
    re.MULTILINE,
)


def _sniff_markdown(text: str) -> bool:
    return _MD_SNIFF_RE.search(text, 0, min(len(text), 200_000)) is not None


def _prepare_lines(text: str, markdown: bool) -> list[_Line]:
    out: list[_Line] = []
    raw_lines = text.split("\n")
    for i, raw in enumerate(raw_lines):
        line = raw.rstrip()
        width = len(line)
        if not line.strip():
            out.append(_BLANK)
            continue
        heading = False
        if markdown:
            if _SETEXT_RE.fullmatch(line) and out and not out[-1].blank and not out[-1].heading:
                out[-1].heading = True  # "Title\n=====": the underline is not text
                continue
            if _REFDEF_RE.fullmatch(line):
                continue
            q = _QUOTE_PREFIX_RE.match(line)
            if q:
                line = line[q.end() :]
            m = _ATX_RE.fullmatch(line)
            if m:
                line, heading = m.group(2), True
        first = line.lstrip()[:1]
        if first in _RULE_CHARS and _RULE_RE.fullmatch(line) and not _has_alnum(line):
            # "* * *", "-----", "###": a visual separator between paragraphs, not words.
            next_blank = i + 1 >= len(raw_lines) or not raw_lines[i + 1].strip()
            if markdown or next_blank or not out or out[-1].blank:
                out.append(_BLANK)
                continue
        list_item = False
        m = _BULLET_RE.match(line) if first in _BULLET_CHARS else None
        if m:
            line, list_item = line[m.end() :], True
        elif (first.isdigit() or first == "(") and _NUMBERED_RE.match(line):
            list_item = True
        if markdown:
            line = _strip_markdown_inline(line)
        if "  " in line:
            line = _SPACE_RUN.sub(" ", line)
        line = line.strip()
        if not line:
            out.append(_BLANK)
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        out.append(_Line(line, width=width, indent=indent, heading=heading, list_item=list_item))
    return out


def _strip_markdown_inline(line: str) -> str:
    line = _LINK_RE.sub(r"\1", line)
    line = _AUTOLINK_RE.sub(r"\1", line)
    line = _CODE_RE.sub(r"\2", line)
    line = _TAG_RE.sub("", line)
    line = _STRIKE_RE.sub(r"\1", line)
    line = _STRONG_RE.sub(r"\2", line)
    line = _EM_RE.sub(r"\2", line)
    line = _ESCAPED_RE.sub(r"\1", line)
    line = _ENTITY_RE.sub(_entity, line)
    return line


def _entity(m: re.Match[str]) -> str:
    import html

    text = html.unescape(m.group())
    # An entity may not smuggle back what cleaning removed (&#27; is ESC, &#0; NUL).
    return _inline(text) if text != m.group() else text


def _has_alnum(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _take_leading_heading(lines: list[_Line]) -> str | None:
    """A level-one heading that opens a Markdown body is the article's headline."""
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        if ln.heading:
            del lines[i]
            return ln.text
        return None
    return None


def _take_leading_headline(texts: list[str], title: str) -> str | None:
    """The headline a page copied from a browser opens with, taken out of the paragraphs.

    A headline is a line of its own that is not a sentence: a few words with no full stop,
    the first text that is not page furniture (a section label, a timestamp, a byline), right
    before the article's first sentence. Only a single such line is taken: two or more
    ("Gazeta Poranna, Lodz" over the headline) could be an outlet, a section or a kicker in
    any order, and are left as text rather than guessed at; this also keeps a loaded body a
    fixed point (loading it again takes nothing more out). With a title from the front
    matter, only the same headline repeated is taken out.
    """
    facts = list(itertools.islice((i for i, t in enumerate(texts) if not _boilerplate_kind(t)), 2))
    if len(facts) < 2 or not _headline_like(texts[facts[0]]) or _headline_like(texts[facts[1]]):
        return None
    if title and not _same_words(texts[facts[0]], title):
        return None
    return texts.pop(facts[0])


def _headline_like(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(words) <= 20
        and len(text) <= 160
        and "\n" not in text
        and _TERMINAL_END_RE.search(text) is None
        and _CONTINUES_END_RE.search(text) is None
        and _SENTENCE_INSIDE_RE.search(text) is None
        and any(c.isalpha() for c in text)
    )


# "Storm hits coast. Thousands flee": two sentences are text, not a headline.
_SENTENCE_INSIDE_RE = re.compile(r"[.!?][”\"’']?\s+[A-Z“\"]")


def _same_words(a: str, b: str) -> bool:
    words = re.compile(r"\w+")
    return words.findall(a.lower()) == words.findall(b.lower())


# ---------------------------------------------------------------------------------------------
# Paragraphs: blank-line blocks, hard-wrap detection


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TERMINAL_END_RE = re.compile(r"[.?!…:][”\"’'»)\]]*$")
_CONTINUES_END_RE = re.compile(r"(?:[,;(\[/&–—-]|“|‘)$")
_FUNCTION_WORDS = _words(
    """
    a an the of to in on at by for with from into onto over under about after before between
    and or but nor as than that which who whom whose where when while if because although
    though his her its their our my your this these those is are was were be been has have had
    will would could should can may might must not no very more most such
    """
)


def _paragraph_texts(lines: list[_Line], markdown: bool) -> list[str]:
    width = _wrap_width(lines)
    texts: list[str] = []
    current: list[str] = []
    prev: _Line | None = None
    blocked = any(ln.blank for ln in lines[_first_text(lines) : _last_text(lines)])
    for ln in lines:
        if ln.blank:
            if current:
                texts.append(_join(current))
                current = []
            prev = None
            continue
        if prev is not None and not _continues(prev, ln, width, markdown and blocked):
            texts.append(_join(current))
            current = []
        current.append(ln.text)
        prev = ln
    if current:
        texts.append(_join(current))
    return [t for t in texts if t]


def _first_text(lines: list[_Line]) -> int:
    return next((i for i, ln in enumerate(lines) if not ln.blank), 0)


def _last_text(lines: list[_Line]) -> int:
    return next((i for i in range(len(lines) - 1, -1, -1) if not lines[i].blank), 0)


def _join(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and part[:1].islower():
            out += part  # "build-" + "up": a hyphenated word broken at the wrap
        else:
            out += " " + part
    return out


def _wrap_width(lines: list[_Line]) -> int:
    """The column a hard-wrapped file was wrapped at, or 0 if its lines are not wrapped.

    Wrapped prose has inner lines (lines followed by another line of the same block) that
    cluster just under one width and mostly end mid-sentence; a file with one paragraph per
    line has lines of every length that end with a full stop.
    """
    inner: list[_Line] = []
    for a, b in itertools.pairwise(lines):
        if not a.blank and not b.blank and not a.heading and not b.list_item:
            inner.append(a)
    if len(inner) < 3:
        return 0
    widths = sorted(ln.width for ln in inner)
    width = widths[int(0.9 * (len(widths) - 1))]
    if width > 160 or width < 20:
        return 0
    near = sum(1 for w in widths if w >= 0.75 * width)
    ends = sum(1 for ln in inner if _TERMINAL_END_RE.search(ln.text))
    if near < 0.6 * len(inner) or ends > 0.5 * len(inner):
        return 0
    return width


def _continues(prev: _Line, line: _Line, width: int, markdown_block: bool) -> bool:
    """Is the line break between prev and line a wrap point (same paragraph)?"""
    if prev.heading or line.heading:
        return False
    mid_sentence = _mid_sentence(prev, line)
    if line.list_item and (not line.text[:1].isdigit() or not mid_sentence):
        return False
    if markdown_block:
        return True  # Markdown: a single newline inside a block is a space
    if mid_sentence:
        return True
    if _is_boilerplate_line(line) or _is_boilerplate_line(prev, whole=True):
        return False  # a byline or "Advertisement" on its own line never joins the text
    if line.indent >= 2 and line.indent > prev.indent:
        return False  # an indented first line starts a paragraph (typewriter style)
    if width:
        first_word = line.text.split(" ", 1)[0]
        # A wrapper breaks a line only when the next word does not fit: if it would have
        # fitted, the break was made on purpose.
        return prev.width + 1 + len(first_word) > width
    return False


def _is_boilerplate_line(line: _Line, whole: bool = False) -> bool:
    """A line that is boilerplate by itself (whole) or that opens a boilerplate paragraph."""
    text = line.text
    if _is_byline(text):
        return True
    if len(text) <= 80 and _PATTERNS[_ADVERT_INDEX][1].match(text):
        return True
    return not whole and _ANY_START_RE.match(text) is not None


def _mid_sentence(prev: _Line, line: _Line) -> bool:
    first_word = line.text.split(" ", 1)[0]
    if first_word[:1].islower() and first_word == first_word.lower():
        return True  # ("iPhone" and "eBay" can start a sentence, "and" cannot)
    if _CONTINUES_END_RE.search(prev.text):
        return True
    last = prev.text.rsplit(" ", 1)[-1]
    return last in _FUNCTION_WORDS


# ---------------------------------------------------------------------------------------------
# Boilerplate

_I = re.IGNORECASE
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|(?:de|del|della|di|da|van|von|der|den|le|la|bin|al|el|ibn))"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,3}}"
_ORG_WORD = r"(?:[A-Z&][\w&'’.-]*|of|the|and|for|on|in|de)"
_ROLE = r"(?:\s+(?:staff|correspondent|reporter|writer|editor|contributor|news|service)s?)*"
_NOT_NAME = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|Then|Now|Noon|Midnight"
    r"|Contrast|Comparison|Law|Default|Early|Late|Far|Design|Way|Day|Night|Morning|Evening"
    r"|Afternoon|Tonight|Today|Tomorrow|Yesterday|Mid|Last|Next|This|That|Then|Year|End)\b)"
)
# Wire bylines often say where the reporter filed from: "By Jane Doe in The Hague".
_FILED_FROM = r"(?:\s+in\s+(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?"
_BYLINE_RE = re.compile(
    rf"(?i:by|written by|words by|story by|text by)\s+{_NOT_NAME}{_NAME}{_FILED_FROM}"
    rf"(?:\s*(?:,|\band\b|&)\s+{_NOT_NAME}{_NAME}{_FILED_FROM})*"
    rf"(?:\s*(?:,|\||/|–|—|-|·|\bfor\b|\bof\b)\s*(?:[Tt]he\s+)?[A-Z][\w&'’.-]*"
    rf"(?:\s+{_ORG_WORD}){{0,5}}{_ROLE})?"
    r"(?<![a-z]\.)"
)
# A byline without "By": the reporter's name and beat on a line of their own ("Nina Forsberg,
# Nordic correspondent", "Jane Doe, Political Editor").
_ROLE_BYLINE_RE = re.compile(
    rf"{_NOT_NAME}{_NAME},\s+(?:[A-Za-z][\w'’-]*\s+){{0,3}}"
    r"(?i:correspondent|reporter|editor|writer|journalist|columnist)s?"
    rf"{_FILED_FROM}"
)


def _is_byline(text: str) -> bool:
    return (len(text) <= 160 and _BYLINE_RE.fullmatch(text) is not None) or (
        len(text) <= 100 and _ROLE_BYLINE_RE.fullmatch(text) is not None
    )


_ADVERT = (
    r"(?:advertisement|advert|ad|sponsored(?: content)?|paid content|promoted"
    r"|story continues below(?: advertisement)?|scroll to continue(?: with content)?"
    r"|article continues (?:below|after (?:this )?advertisement)|sign up(?: here| now| today)?)"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "related",
        re.compile(
            r"(?:related(?:\s+(?:articles?|stories|story|coverage|content|reading|news|links?"
            r"|topics?|video))?|see also|also (?:read|see)|more on this(?:\s+(?:story|topic))?"
            r"|recommended(?:\s+(?:reading|stories|articles?))?|further reading"
            r"|suggested (?:topics|reading|stories|articles)"
            r"|you (?:may|might) also (?:like|be interested in)|most (?:read|popular)"
            r"|editor'?s picks?)\s*(?::|-|–|—|\|)",
            _I,
        ),
        400,
    ),
    (
        "read-more",
        re.compile(
            r"(?:read more|read next|read also|continue reading|keep reading|click here|tap here"
            r"|learn more)\b|read the (?:full|latest|rest of the|whole) \w+\s*(?:here|:|$)",
            _I,
        ),
        300,
    ),
    (
        "byline",
        re.compile(
            r"\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|produced"
            r"|graphics|fact-checking)\s+by\b",
            _I,
        ),
        600,
    ),
    (
        "byline",
        re.compile(r".{0,120}\bcontributed (?:reporting|to this (?:report|story|article))", _I),
        200,
    ),
    (
        "credit",
        re.compile(
            r"\(?\s*(?:(?:file\s+)?photo(?:graph)?s?|pictures?|images?|video|illustration"
            r"|graphic|photo illustration|photo credit|credits?)(?:\s+credits?)?\s*(?::|by\b)",
            _I,
        ),
        300,
    ),
    (
        "credit",
        re.compile(
            r"\(\s*(?:AP|AFP|EPA|Reuters|REUTERS|Getty|Bloomberg|Xinhua|Sputnik|TASS|UPI|Pool)"
            r"(?:\s*(?:/|Photo|Images|via)).{0,150}\)",
        ),
        200,
    ),
    (
        "advert",
        re.compile(
            rf"{_ADVERT}(?:\s*[·|•–—-]\s*{_ADVERT})*\s*[.:]?\s*$",
            _I,
        ),
        80,
    ),
    (
        "advert",
        re.compile(
            r"(?:sign up|subscribe|register)\b.{0,200}?\b(?:newsletters?|briefings?|alerts?"
            r"|inbox|e-?mails?|digest)\b",
            _I,
        ),
        300,
    ),
    (
        "share",
        re.compile(
            r"(?:share this(?:\s+(?:article|story|page|post))?|share on\b|share:|share\s*$"
            r"|follow (?:us|@?[\w.]+(?:\s+[\w.]+)?) on\b|like us on\b|join (?:us|our \w+) on\b)",
            _I,
        ),
        200,
    ),
    (
        "other",
        re.compile(
            r"(?:copyright\b(?=\s*(?:©|\(c\)|(?:19|20)\d\d|by\b|:|$))|©|\(c\)\s*(?:19|20)\d\d"
            r"|all rights reserved|our standards:"
            r"|this (?:article|story) (?:has been|was) (?:updated|corrected)\b)",
            _I,
        ),
        300,
    ),
)
_ADVERT_INDEX = next(i for i, (kind, _, _) in enumerate(_PATTERNS) if kind == "advert")
# All start patterns in one alternation: one regex call rules out a fact paragraph.
_ANY_START_RE = re.compile(
    "|".join(
        f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
        for _, p, _ in _PATTERNS
    )
)
_DATE_WORD = (
    r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs"
    r"|Fri|Sat|Sun)\.?|January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
_TIMESTAMP_RE = re.compile(
    r"(?i:published|updated|last updated|first published|posted)(?:\s+(?i:on|at))?\s*:?\s+"
    r"(?:(?:" + _DATE_WORD + r"|\d{1,4}(?::\d\d)?(?:st|nd|rd|th)?|[ap]\.m\.|[AP]M|[A-Z]{2,4}"
    r"|at|on|ago|(?:hour|minute|day)s?)[,/\s-]*){1,12}"
)
_LABEL_RE = re.compile(r"[^\W\d_][\w'’&-]*(?: [^\W\d_][\w'’&-]*)?")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
_CAPTION_RE = re.compile(r"(?:REUTERS|AFP|AP|EPA)/[A-Z][\w .'’-]{1,60}(?:/File Photo)?\s*$")


def _boilerplate_kind(text: str) -> str | None:
    """The kind of a boilerplate paragraph, or None for a paragraph that carries facts.

    Boilerplate is short and formulaic, so every rule is anchored at the paragraph start and
    limited in length: a news sentence that merely starts with "By" or "Read" is not matched.
    """
    if _is_byline(text):
        return "byline"
    if _ANY_START_RE.match(text):
        for kind, pattern, limit in _PATTERNS:
            if len(text) <= limit and pattern.match(text):
                return kind
    if len(text) <= 400 and _CAPTION_RE.search(text):
        return "credit"
    if len(text) <= 100 and _TIMESTAMP_RE.fullmatch(text) and any(c.isdigit() for c in text):
        return "other"  # "Updated 10:42 AM EDT, Thu August 7, 2025": page furniture
    if len(text) <= 40 and _LABEL_RE.fullmatch(text):
        return "other"  # "World", "Europe": a section or topic label, no fact without a verb
    if len(text) <= 300 and _URL_RE.fullmatch(text):
        return "other"
    return None
