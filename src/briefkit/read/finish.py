"""What every reader's article goes through last: text cleaned, boilerplate out, captions once,
title and body checked, the URL kept only if it is http(s), dates kept only if plausible."""

from __future__ import annotations

import datetime as dt
import re

from ..errors import ArticleError
from ..text import safe_url
from .article import Article, Block
from .boilerplate import is_boilerplate
from .encoding import clean_text

MAX_TITLE_CHARS = 300
MAX_NAME_CHARS = 200  # source names and authors
EARLIEST_YEAR = 1800

_CREDIT = re.compile(r"^(?P<caption>.*\S)\s*\[(?P<credit>[^\[\]]{2,80})\]\s*$")
# Markdown attribute lists (`{: onclick=... }`, `{#id .class}`) that a page left in its text.
_ATTR_LIST = re.compile(r"\s*\{:?\s*[#.:][^{}]*\}|\s*\{:[^{}]*\}")


def one_line(text: object, limit: int | None = None) -> str | None:
    """`text` cleaned onto one line, or None when it is not a non-empty string (or is over `limit`)."""
    if not isinstance(text, str):
        return None
    line = " ".join(clean_text(text).split())
    if not line or (limit is not None and len(line) > limit):
        return None
    return line


def finish(article: Article) -> Article:
    """The article with clean fields, or `ArticleError` when it has no usable title or body."""
    title = " ".join(_ATTR_LIST.sub("", clean_text(article.title or "")).split())
    if not title:
        raise ArticleError(article.path, "no title")
    if len(title) > MAX_TITLE_CHARS:
        raise ArticleError(article.path, f"title too long ({len(title):,} characters, at most {MAX_TITLE_CHARS}): is the title line missing?")
    standfirst = one_line(article.standfirst)
    if standfirst and is_boilerplate(standfirst):
        standfirst = None
    blocks = clean_blocks(article.blocks)
    if not any(b.kind == "paragraph" for b in blocks) and not standfirst:
        raise ArticleError(article.path, "no body (only a title)")
    article.title = title
    article.standfirst = standfirst
    article.blocks = blocks
    article.url = safe_url(article.url)
    article.source_name = one_line(article.source_name, MAX_NAME_CHARS)
    article.author = one_line(article.author, MAX_NAME_CHARS)
    article.date = plausible_date(article.date)
    return article


def clean_blocks(blocks: list[Block]) -> list[Block]:
    """Blocks with clean one-line text, without boilerplate, attribute lists or a caption seen before."""
    kept: list[Block] = []
    captions: set[str] = set()
    for block in blocks:
        text = " ".join(_ATTR_LIST.sub("", clean_text(block.text)).split())
        if not text or is_boilerplate(text):
            continue
        if block.kind == "caption":
            key = text.casefold()
            if key in captions:  # pages repeat a photo's caption (gallery, lightbox, alt text)
                continue
            captions.add(key)
        kept.append(Block(block.kind, text, one_line(block.credit, MAX_NAME_CHARS)))
    return kept


def caption_block(text: str) -> Block:
    """A caption, its bracketed credit (`... [Jane Roe/AFP]`) split off."""
    match = _CREDIT.match(text)
    return Block("caption", match["caption"], credit=match["credit"].strip()) if match else Block("caption", text)


def plausible_date(date: dt.date | None) -> dt.date | None:
    """A publication date, unless it is before 1800 or more than a year ahead (a parsing accident)."""
    if date is None:
        return None
    latest = dt.date.today() + dt.timedelta(days=366)
    return date if EARLIEST_YEAR <= date.year and date <= latest else None
