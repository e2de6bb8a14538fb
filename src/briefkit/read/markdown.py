"""Markdown articles (clippings), with or without YAML front matter.

Front matter gives the title, date, source, url, author and a standfirst (`description`); without a
`title` key, a first-level heading at the top is the title. The front matter is read by a safe YAML
loader after a scan of its events that refuses aliases (no "billion laughs"), deep nesting and size,
so a hostile header costs no more than its length. The body is rendered by Python-Markdown and read
back as text through the HTML sanitizer: raw HTML, links and images in it become plain text.
"""

from __future__ import annotations

import markdown
import yaml

from .. import front_matter
from ..errors import ArticleError
from . import metadata
from .article import Article, Block
from .finish import caption_block, finish
from .markup import html_blocks

MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_DEPTH = 20
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "publishedAt", "published_at", "pubDate", "datePublished", "created")
SOURCE_KEYS = ("source", "publisher", "site_name", "sitename", "site")
URL_KEYS = ("url", "link", "canonical_url", "source_url")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
STANDFIRST_KEYS = ("description", "standfirst", "summary", "excerpt", "subtitle")


def read_markdown(text: str, path: str) -> list[Article]:
    meta, body = _front_matter(text, path)
    blocks = html_blocks(markdown.markdown(body, extensions=["fenced_code", "tables"], output_format="html"))
    title = metadata.first(meta, TITLE_KEYS)
    if title is not None and not isinstance(title, (str, int, float)):
        raise ArticleError(path, "front matter: title is not text")
    if title is None and blocks and blocks[0][0] == "h1":
        title = blocks.pop(0)[1]
    source = metadata.first(meta, SOURCE_KEYS)
    article = Article(
        path=path,
        title=str(title) if title is not None else "",
        blocks=[_block(tag, text) for tag, text in blocks],
        standfirst=metadata.one_line(metadata.first(meta, STANDFIRST_KEYS)),
        date=metadata.parse_date(metadata.first(meta, DATE_KEYS)),
        source_name=metadata.name(source),
        url=metadata.url(metadata.first(meta, URL_KEYS)) or (metadata.url(source) if isinstance(source, dict) else None),
        author=metadata.name(metadata.first(meta, AUTHOR_KEYS)),
    )
    if not article.title and not blocks and not article.standfirst:
        raise ArticleError(path, "empty")
    return [finish(article)]


def _block(tag: str, text: str) -> Block:
    if tag == "figcaption":
        return caption_block(text)
    return Block("subheading" if tag.startswith("h") else "paragraph", text)


def _front_matter(text: str, path: str) -> tuple[dict, str]:
    """(front matter as a dict, body); `ArticleError` naming the line of a problem."""
    try:
        yaml_text, body, first_line = front_matter.split(text)
    except front_matter.FrontMatterError as error:
        raise ArticleError(path, f"front matter, line {error.line}: {error.message}") from None
    if yaml_text is None or not yaml_text.strip():
        return {}, body
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        raise ArticleError(path, f"front matter, line {first_line}: over {MAX_FRONT_MATTER_CHARS:,} characters")
    last_line = first_line + yaml_text.count("\n")  # YAML may place an error at the end of the stream
    _check_events(yaml_text, path, first_line, last_line)
    try:
        data, _ = front_matter.load(f"---\n{yaml_text}\n---\n")
    except front_matter.FrontMatterError as error:
        line = first_line + error.line - 2 if error.line else first_line
        raise ArticleError(path, f"front matter, line {line}: {error.message}") from None
    if not isinstance(data, dict):
        raise ArticleError(path, f"front matter, line {first_line}: expected keys and values, got {type(data).__name__}")
    return data, body


def _check_events(yaml_text: str, path: str, first_line: int, last_line: int) -> None:
    """Refuse aliases and nesting deeper than `MAX_DEPTH`, before anything is built from the YAML."""
    depth = 0
    try:
        for event in yaml.parse(yaml_text, Loader=_Parser):
            line = first_line + event.start_mark.line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ArticleError(path, f"front matter, line {line}: YAML anchors and aliases are not allowed in articles")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ArticleError(path, f"front matter, line {line}: nested deeper than {MAX_DEPTH} levels")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = min(first_line + mark.line, last_line) if mark else first_line
        raise ArticleError(path, f"front matter, line {line}: {getattr(error, 'problem', None) or error}") from None
