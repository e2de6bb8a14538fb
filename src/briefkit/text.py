"""Small text helpers shared by every stage: slugs, Markdown escaping, name keys."""

from __future__ import annotations

import functools
import re
import unicodedata

MAX_SLUG_LENGTH = 80

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Letters that Unicode does not decompose into an ASCII letter plus accents.
_NO_DECOMPOSITION = str.maketrans({"ß": "ss", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae", "Œ": "OE",
                                   "œ": "oe", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th", "ı": "i", "Ð": "D", "ð": "d"})
_CURLY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def slugify(text: str, *, max_length: int = MAX_SLUG_LENGTH) -> str:
    """`[a-z0-9-]` only, at most `max_length` characters, cut at a word boundary; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION)).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-" and "-" in cut:  # do not end inside a word
            cut = cut.rsplit("-", 1)[0]
        slug = cut.strip("-")
    return slug or "untitled"


def straighten(text: str) -> str:
    """Typographic quotes and dashes as their ASCII forms, for matching (never for display)."""
    return text.translate(_CURLY)


@functools.lru_cache(maxsize=1 << 16)  # indexing a site asks it for the same few thousand names again and again
def name_key(name: str) -> str:
    """A key under which spellings of one name compare equal: case, quotes, dots and spacing folded."""
    folded = straighten(unicodedata.normalize("NFC", name)).casefold().replace(".", "")
    return " ".join(folded.replace("-", " ").split())


# Characters that start inline markup (emphasis, code, links, attribute lists, table cells); all are
# backslash-escapable in Python-Markdown with the tables extension. `<`, `>` and `&` become entities.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")  # `#` too: a heading drops a trailing one (`C#`)
# Line starts that open a block: headings, lists, admonitions (`!!!`), ordered lists.
_BLOCK_START = re.compile(r"^(\s*)([+\-!]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """Article text as literal text: no Markdown or HTML in it takes effect when rendered."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    lines = [_BLOCK_START.sub(_escape_block_start, line) for line in text.split("\n")]
    # a line of `=` under text would make it a heading; `\=` is not an escape, so use an entity
    return "\n".join("&#61;" + line[1:] if line.startswith("=") else line for line in lines)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker = match.groups()
    if marker[0].isdigit():  # "1." would start an ordered list
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


_URL_SCHEMES = ("http", "https")
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f]")
_NETLOC = re.compile(r"^[A-Za-z0-9.\-_~:@\[\]%!$&*+,;=]+$")
_URL_KEEP = "/%:@!$&*+,;=-._~?#"  # RFC 3986 characters left as they are: no quotes, parentheses or brackets


def safe_url(url: object) -> str | None:
    """`url` if it is an absolute http(s) URL, percent-encoded so that it can stand inside a Markdown
    link or an HTML attribute (no spaces, quotes, angle brackets or parentheses); else None.
    `javascript:`, `data:`, relative and malformed URLs all give None."""
    from urllib.parse import quote, urlsplit, urlunsplit

    if not isinstance(url, str) or len(url) > 2000 or _URL_UNSAFE.search(url := url.strip()):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
        netloc = parts.netloc if parts.netloc.isascii() else parts.netloc.encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return None
    if parts.scheme.lower() not in _URL_SCHEMES or not parts.hostname or not _NETLOC.match(netloc):
        return None
    encoded = (quote(part, safe=_URL_KEEP) for part in (parts.path, parts.query, parts.fragment))
    return urlunsplit((parts.scheme.lower(), netloc, *encoded))
