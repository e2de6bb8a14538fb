"""Saved web pages: the main text and its metadata (title, date, author, site name, url), extracted
by trafilatura (its dates by htmldate).

Defence in depth: before trafilatura sees the page, its body goes through the nh3 allow-list (no
script, style, frame, object or event handler survives; class and id stay, since trafilatura uses
them to find navigation and footers) and only the metadata elements of its head are carried over.
Only text leaves this module.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from lxml import etree
from lxml import html as lxml_html

from ..errors import ArticleError
from . import metadata
from .article import Article, Block
from .finish import caption_block, finish
from .markup import TEXT_TAGS, html_blocks, sanitize

PAGE_TAGS = TEXT_TAGS | {"img"}  # images stay so that figure captions keep their shape
PAGE_ATTRIBUTES = {"*": {"class", "id", "itemprop", "role", "datetime", "lang"}, "a": {"href"}, "img": {"alt"}}
_META_ATTRIBUTES = ("name", "property", "itemprop", "content", "http-equiv")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
MAX_TREE_SIZE = 100_000  # elements; bigger pages are cut by trafilatura rather than walked forever


def read_html(text: str, path: str) -> list[Article]:
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a decoded string that names its encoding
    if not text.strip():
        raise ArticleError(path, "empty")
    try:
        page = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise ArticleError(path, f"not a readable HTML page ({error})") from None
    cleaned = _clean_page(page)
    document = _extract(cleaned)
    if document is not None and document.body is not None and len(document.body):
        blocks = list(_trafilatura_blocks(document.body))
        title = document.title
    else:  # too short for trafilatura's thresholds: the cleaned body's own blocks
        raw = html_blocks(cleaned)
        title = _fallback_title(page) or (raw[0][1] if raw and raw[0][0] == "h1" else None)
        blocks = [_block(tag, text) for tag, text in raw]
    if title:
        blocks = _without_title(blocks, title)
    article = Article(
        path=path,
        title=title or "",
        blocks=blocks,
        standfirst=None,
        date=metadata.parse_date(document.date) if document is not None else None,
        source_name=document.sitename if document is not None else None,
        url=document.url if document is not None else None,
        author=document.author if document is not None else None,
    )
    if not article.title and not blocks:
        raise ArticleError(path, "no body (no article text found in the page)")
    return [finish(article)]


def _clean_page(page) -> str:
    """A new page: the original head's metadata elements, and the sanitized body."""
    head = etree.Element("head")
    title = page.find(".//title")
    if title is not None and title.text_content().strip():
        etree.SubElement(head, "title").text = title.text_content()
    for meta in page.iter("meta"):
        attributes = {k: v for k, v in meta.attrib.items() if k in _META_ATTRIBUTES}
        if "content" in attributes:
            etree.SubElement(head, "meta", attributes)
    for link in page.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            etree.SubElement(head, "link", {"rel": "canonical", "href": link.get("href")})
    for script in page.iter("script"):  # JSON-LD is metadata (headline, dates, author): data, never run
        if (script.get("type") or "").lower() == "application/ld+json" and script.text and "</" not in script.text:
            etree.SubElement(head, "script", {"type": "application/ld+json"}).text = script.text
    body = page.find("body")
    body_html = etree.tostring(body, encoding="unicode", method="html") if body is not None else ""
    clean_body = sanitize(body_html, tags=PAGE_TAGS, attributes=PAGE_ATTRIBUTES)
    return f"<html>{etree.tostring(head, encoding='unicode', method='html')}<body>{clean_body}</body></html>"


@functools.lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal alarms: ingest may run in threads
    return config


def _extract(page: str):
    import trafilatura

    date_params = {"extensive_search": False, "original_date": True, "max_date": dt.date.today().isoformat()}
    try:
        return trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            include_links=False, deduplicate=False, date_extraction_params=date_params, config=_config(),
        )
    except (etree.LxmlError, RecursionError):  # a page too broken or too deep for its parser
        return None


def _trafilatura_blocks(body):
    """Blocks from trafilatura's XML: `head` elements are subheadings, list items and lines paragraphs."""
    for element in body:
        if element.tag == "list":
            lines = [_one_line(item) for item in element.iter("item")]
        else:  # a line break inside a paragraph (trafilatura's fallback joins a page's blocks so)
            for line_break in element.iter("lb"):
                line_break.tail = "\n" + (line_break.tail or "")
            lines = [" ".join(line.split()) for line in "".join(element.itertext()).split("\n")]
        kind = "subheading" if element.tag == "head" else "paragraph"
        yield from (Block(kind, line) for line in lines if line)


def _one_line(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _fallback_title(page) -> str | None:
    for path in (".//meta[@property='og:title']", ".//h1", ".//title"):
        found = page.find(path)
        if found is not None:
            text = found.get("content") if found.tag == "meta" else found.text_content()
            if text and text.strip():
                return text
    return None


def _without_title(blocks: list[Block], title: str) -> list[Block]:
    """The page repeats its title as an `<h1>` (or, short, as its first line); the article has it once."""
    key = " ".join(title.split()).casefold()
    return [b for n, b in enumerate(blocks) if not ((b.kind == "subheading" or n == 0) and b.text.casefold() == key)]


def _block(tag: str, text: str) -> Block:
    if tag == "figcaption":
        return caption_block(text)
    return Block("subheading" if tag.startswith("h") else "paragraph", text)
