"""Plain-text articles.

The shape news sites give when an article is saved as text:

    Title line

    Published 14 March 2026            (optional date line)

    One-sentence standfirst.           (optional)

    Paragraphs separated by blank lines, with short subheadings between them,
    photo captions ending in a bracketed credit [Name/Agency] (often repeated),
    and a closing `Source: Agency` line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import ArticleError
from .article import Article, Block
from .boilerplate import is_boilerplate
from .encoding import MAX_BYTES, decode, read_bytes
from .finish import finish

__all__ = ["MAX_BYTES", "decode", "parse_date_line", "parse_text_article", "read_text", "read_text_article"]

_CREDIT = re.compile(r"^(?P<caption>.*\S)\s*\[(?P<credit>[^\[\]]{2,80})\]\s*$")
_SOURCE = re.compile(r"^source\s*:\s*(?P<name>.+?)\s*$", re.IGNORECASE)
_DATE_LINE = re.compile(r"^(?:(?:published|posted|updated|date)\s*:?\s*(?:on\s+)?)?(?P<date>.{6,40})$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_END_PUNCTUATION = tuple(".!?:;,\"'\u201d\u2019)")
MAX_SUBHEADING_WORDS = 10


def read_text_article(path: Path, *, shown_path: str | None = None, max_bytes: int | None = None) -> Article:
    shown = shown_path or str(path)
    data = read_bytes(path, shown, MAX_BYTES if max_bytes is None else max_bytes)
    return parse_text_article(decode(data, shown), shown)


def read_text(text: str, path: str) -> list[Article]:
    """The reader interface: decoded text in, its articles out (a text file holds one)."""
    return [parse_text_article(text, path)]


def parse_text_article(text: str, path: str) -> Article:
    chunks = _paragraphs(text)
    if not chunks:
        raise ArticleError(path, "empty")
    title, *rest = chunks.pop(0)
    if rest:  # no blank line under the title: what follows it is the first paragraph
        chunks.insert(0, rest)
    date = None
    if chunks and len(chunks[0]) == 1 and (date := parse_date_line(chunks[0][0])):
        chunks.pop(0)
    standfirst = None
    if chunks and len(chunks[0]) == 1 and _is_one_sentence(chunks[0][0]):
        standfirst = chunks.pop(0)[0]
    source_name = None
    if chunks and (match := _SOURCE.match(chunks[-1][-1])):
        source_name = match["name"]
        chunks[-1].pop()
        if not chunks[-1]:
            chunks.pop()
    blocks = _blocks(chunks)
    if not any(b.kind == "paragraph" for b in blocks) and standfirst is None:
        headings = sum(1 for b in blocks if b.kind == "subheading")
        if headings >= 3:  # a wire's earnings table: `Shr 45 cts vs 58 cts`, one figure a line
            raise ArticleError(path, f"no body: only a title and {headings} short lines without a sentence (a table of figures?)")
        raise ArticleError(path, "no body (only a title)")
    return finish(Article(path=path, title=title, standfirst=standfirst, date=date, blocks=blocks, source_name=source_name))


def parse_date_line(line: str) -> dt.date | None:
    """A line that is only a date (`Published 14 March 2026`, `2026-03-14`), as a date."""
    match = _DATE_LINE.match(line.strip())
    if not match or len(line.split()) > 7:
        return None
    candidate = match["date"].strip()
    try:
        return dt.date.fromisoformat(candidate)
    except ValueError:
        pass
    if not re.search(r"\d", candidate):
        return None
    import dateparser  # slow to import: only when a line looks like a date

    parsed = dateparser.parse(candidate, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _paragraphs(text: str) -> list[list[str]]:
    """Blank-line separated chunks, each a list of its non-empty lines."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line and is_boilerplate(line):  # a share prompt or "Advertisement" between paragraphs
            continue
        if line:
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _blocks(chunks: list[list[str]]) -> list[Block]:
    blocks: list[Block] = []
    seen_captions: set[str] = set()
    for lines in chunks:
        captions = [_CREDIT.match(line) for line in lines]
        if all(captions):
            for match in captions:  # a caption repeated by the page is kept once
                key = match["caption"].casefold()
                if key not in seen_captions:
                    seen_captions.add(key)
                    blocks.append(Block("caption", match["caption"], credit=match["credit"].strip()))
        elif len(lines) == 1 and _is_subheading(lines[0]):
            blocks.append(Block("subheading", lines[0]))
        else:
            blocks.append(Block("paragraph", " ".join(lines)))
    return blocks


def _is_subheading(line: str) -> bool:
    return len(line.split()) <= MAX_SUBHEADING_WORDS and not line.endswith(_END_PUNCTUATION)


def _is_one_sentence(line: str) -> bool:
    return line.endswith((".", "!", "?")) and not _SENTENCE_BREAK.search(line.rstrip(".!?"))
