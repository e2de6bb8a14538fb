"""JSON articles in the shapes news APIs give: one object, an array of them, an object holding them
under `articles` (NewsAPI), `items`, `results`, `data`, or one object per line (`.jsonl`).

Fields: `title`/`headline`; the text in `body`, `text`, `content` or `articleBody` (plain or HTML),
with `description` as standfirst (or as the text when there is no other); `publishedAt`, `published`
or `date`; `url`; `source` as a string or an object with `name`; `author` as a string, an object or
a list. Each item of a many-article file is named `file.json#N` (`file.jsonl:LINE`), and a bad item
fails alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from ..errors import ArticleError
from . import metadata
from .article import Article, Block
from .finish import caption_block, finish
from .markup import html_blocks, looks_like_html

TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("body", "text", "content", "articleBody", "article_body", "full_text", "fullText", "bodyText")
STANDFIRST_KEYS = ("description", "summary", "abstract", "standfirst", "subtitle", "excerpt")
DATE_KEYS = ("publishedAt", "published", "published_at", "publishedDate", "date", "pubDate", "datePublished", "webPublicationDate", "created_at", "updated")
URL_KEYS = ("url", "link", "webUrl", "web_url", "href", "canonical_url")
SOURCE_KEYS = ("source", "source_name", "publisher", "site_name", "sitename", "provider")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
LIST_KEYS = ("articles", "items", "results", "data", "entries", "stories", "posts", "docs", "value")
# NewsAPI cuts `content` and says how much is missing: "... [+2345 chars]"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_INDENTED_LINE = re.compile(r"\n(?=[ \t]+\S)")
_TRUNCATION = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")

Item = Article | ArticleError


def read_json(text: str, path: str, *, lines: bool = False) -> list[Item]:
    """Every article of a JSON or JSON-lines text; an item that is not an article is an `ArticleError`."""
    if not lines:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            if error.msg != "Extra data" or not text.lstrip().startswith("{"):
                raise ArticleError(path, f"not valid JSON ({error.msg}, line {error.lineno}, column {error.colno})") from None
            lines = True  # objects one after another: JSON lines
        except (RecursionError, ValueError) as error:
            raise ArticleError(path, f"not valid JSON ({_short(error)})") from None
    if lines:
        return _json_lines(text, path)
    items = _items(data)
    if items is None:
        raise ArticleError(path, f"not a news article: expected an object with a title, or a list of them, got {type(data).__name__}")
    if not items:
        raise ArticleError(path, "no articles (an empty list)")
    if len(items) == 1 and items[0] is data:
        return [_article_or_error(data, path)]
    return [_article_or_error(item, f"{path}#{n}") for n, item in enumerate(items, 1)]


def _json_lines(text: str, path: str) -> list[Item]:
    found: list[Item] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            found.append(_article_or_error(json.loads(line), where))
        except json.JSONDecodeError as error:
            found.append(ArticleError(where, f"not valid JSON ({error.msg}, column {error.colno})"))
        except (RecursionError, ValueError) as error:
            found.append(ArticleError(where, f"not valid JSON ({_short(error)})"))
    if not found:
        raise ArticleError(path, "empty")
    return found


def _items(data: object) -> list | None:
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        listed = metadata.first(data, LIST_KEYS)
        if isinstance(listed, list) and metadata.first(data, TITLE_KEYS) is None:
            return listed
        return [data]
    return None


def _article_or_error(item: object, path: str) -> Item:
    try:
        return finish(_article(item, path))
    except ArticleError as error:
        return error


def _article(item: object, path: str) -> Article:
    if not isinstance(item, Mapping):
        raise ArticleError(path, f"not a news article: expected an object, got {type(item).__name__}")
    title = metadata.first(item, TITLE_KEYS)
    if title is not None and not isinstance(title, str):
        raise ArticleError(path, f"title is not text (got {type(title).__name__})")
    body = metadata.first(item, BODY_KEYS)
    standfirst = metadata.first(item, STANDFIRST_KEYS)
    if body is None and isinstance(standfirst, str):
        body, standfirst = standfirst, None
    if body is not None and not isinstance(body, str):
        raise ArticleError(path, f"body is not text (got {type(body).__name__})")
    source = metadata.first(item, SOURCE_KEYS)
    standfirst_text = metadata.one_line(_plain(standfirst) if isinstance(standfirst, str) else None)
    return Article(
        path=path,
        title=_plain(title) if title else "",
        blocks=text_blocks(_TRUNCATION.sub("", body or "")),
        standfirst=standfirst_text if standfirst_text and standfirst_text not in (body or "") else None,
        date=metadata.parse_date(metadata.first(item, DATE_KEYS)),
        source_name=metadata.name(source),
        url=metadata.url(metadata.first(item, URL_KEYS)),
        author=metadata.name(metadata.first(item, AUTHOR_KEYS)),
    )


def text_blocks(text: str) -> list[Block]:
    """An article's text as blocks: through the sanitizer when it is HTML; else one paragraph per
    blank-line separated chunk, or without blank lines per indented paragraph start (wire copy
    wrapped at a fixed width), or per line."""
    if looks_like_html(text):
        return [caption_block(t) if tag == "figcaption" else Block("subheading" if tag.startswith("h") else "paragraph", t)
                for tag, t in html_blocks(text)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _BLANK_LINE.search(text):
        chunks = _BLANK_LINE.split(text)
    elif _INDENTED_LINE.search(text):
        chunks = _INDENTED_LINE.split(text)
    else:
        chunks = text.split("\n")
    return [Block("paragraph", " ".join(chunk.split())) for chunk in chunks if chunk.strip()]


def _plain(text: str) -> str:
    return " ".join(t for _, t in html_blocks(f"<p>{text}</p>")) if looks_like_html(text) else text


def _short(error: Exception) -> str:
    message = str(error) or type(error).__name__
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return message if len(message) < 120 else message[:117] + "..."
