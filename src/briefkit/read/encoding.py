"""Article bytes as clean Unicode text.

Files from strangers come in UTF-8 (with or without a byte-order mark), UTF-16 (with or without
one), or a Windows code page: UTF-8 is tried first, and any byte that is not part of valid UTF-8 is
read as cp1252, whose printable characters include all of latin-1's. So a pure cp1252 file, a latin-1
file and a UTF-8 file with one stray `£` byte all read correctly, with no guessing that could turn a
short English text into Cyrillic.
"""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
from pathlib import Path

from ..errors import ArticleError

MAX_BYTES = 5 * 1024 * 1024

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 4096
# C0/C1 controls but tab and newline, zero-width and bidirectional formatting characters (which can
# make text display in another order than it reads), soft hyphens and stray byte-order marks.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.02  # more control characters than this (and than a few strays), and it is not text
MIN_CONTROLS = 8
_WESTERN = {"utf-8", "ascii", "iso8859-1", "cp1252"}  # codec names as `codecs.lookup` gives them
_DECLARED = (
    re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)"""),
    re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE),
)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    # the five bytes cp1252 leaves undefined become C1 controls, which `clean_text` removes
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("briefkit-cp1252", _cp1252_fallback)


def read_bytes(path: Path, shown: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes; `ArticleError` when it is not a regular file, unreadable or over `max_bytes`."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(shown, "unreadable (not a regular file)")
        if info.st_size > max_bytes:
            raise ArticleError(shown, _too_big(info.st_size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ArticleError(shown, f"unreadable ({error.strerror or error})") from None
    if len(data) > max_bytes:  # it grew after the stat
        raise ArticleError(shown, _too_big(len(data), max_bytes))
    return data


def _too_big(size: int, limit: int) -> str:
    return f"over the size limit ({size:,} bytes, the limit is {limit:,}: see --max-size)"


def decode(data: bytes, path: Path | str, *, declared: str | None = None) -> str:
    """Bytes as NFC text with `\\n` line ends and no invisible control characters.

    `declared` is an encoding the file names itself (an HTML `<meta charset>`, an XML declaration);
    it is used only when the bytes are not UTF-8."""
    text = _decode(data, str(path), declared)
    controls = len(_CONTROL.findall(text[:_SAMPLE]))
    if controls > MIN_CONTROLS and controls > MAX_CONTROL_SHARE * len(text[:_SAMPLE]):
        raise ArticleError(path, "not text (binary data)")
    return clean_text(text)


def declared_encoding(data: bytes) -> str | None:
    """The encoding a file names in its first 4 KB: an XML declaration, or an HTML `<meta charset>`."""
    for pattern in _DECLARED:
        match = pattern.search(data[:_SAMPLE])
        if match:
            return match.group(1).decode("ascii")
    return None


def clean_text(text: str) -> str:
    """NFC, `\\n` line ends, and no control, zero-width or bidirectional formatting characters."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\f", "\n"))
    if text.isascii():  # nothing to compose, no Unicode line separators: the common case, made cheap
        return text
    return unicodedata.normalize("NFC", text.replace("\u2028", "\n").replace("\u2029", "\n\n"))


def _decode(data: bytes, path: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path, "with a byte-order mark")
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16:
        return _strict(data[: len(data) - len(data) % 2], utf16, path, "without a byte-order mark")
    if b"\x00" in data[:_SAMPLE]:
        raise ArticleError(path, "not text (binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # cut inside the last character
            return data[: error.start].decode("utf-8", errors="briefkit-cp1252")
    codec = _known(declared) if declared else None
    if codec and codec not in _WESTERN:  # a Western page is read by the cp1252 fallback below
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="briefkit-cp1252")


def _strict(data: bytes, encoding: str, path: str, how: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = encoding.replace("-sig", "").upper()
        raise ArticleError(path, f"undecodable (looks like {name} {how}, but byte {error.start:,} is not {name})") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text of mostly Latin script has a zero in every other byte: odd ones (LE) or even (BE)."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_zeros = sample[0 : pairs * 2 : 2].count(0)
    odd_zeros = sample[1 : pairs * 2 : 2].count(0)
    if odd_zeros > 0.3 * pairs and even_zeros < 0.05 * pairs:
        return "utf-16-le"
    if even_zeros > 0.3 * pairs and odd_zeros < 0.05 * pairs:
        return "utf-16-be"
    return None


def _known(encoding: str) -> str | None:
    try:
        return codecs.lookup(encoding.strip().lower()).name
    except LookupError:
        return None
