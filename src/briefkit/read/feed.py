"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files: one article per item, named `feed.xml#N`.

An item's text is its full content (`content:encoded`, Atom `content`) or else its description or
summary; HTML in it goes through the sanitizer. The XML parser resolves no entities and loads no
DTD or network resource, so entity bombs and external entities read as nothing.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import ArticleError
from . import metadata
from .article import Article
from .finish import finish
from .markup import html_text, looks_like_html
from .newsapi import text_blocks

Item = Article | ArticleError
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, remove_comments=True, remove_pis=True)
_FATAL = {etree.ErrorTypes.ERR_RESOURCE_LIMIT, etree.ErrorTypes.ERR_ENTITY_LOOP}


def read_feed(text: str, path: str) -> list[Item]:
    root = _parse(text, path)
    kind = _local(root)
    if kind == "rss":
        channel = _child(root, "channel")
        items = _children(channel, "item") if channel is not None else []
    elif kind == "RDF":
        channel = _child(root, "channel")
        items = _children(root, "item")
    elif kind == "feed":
        channel = root
        items = _children(root, "entry")
    else:
        raise ArticleError(path, f"not an RSS or Atom feed (the XML's root is <{kind}>)")
    if not items:
        raise ArticleError(path, "no articles (the feed has no items)")
    source = _text(_child(channel, "title")) if channel is not None else None
    return [_item_or_error(item, f"{path}#{n}", source) for n, item in enumerate(items, 1)]


def _parse(text: str, path: str):
    """The XML's root. Malformed XML (an unescaped `&`, an unclosed tag) is read as far as libxml2 can
    recover it; an entity bomb or a resource limit fails the file rather than leave it cut short."""
    data = _XML_DECLARATION.sub("", text, count=1).encode("utf-8")
    try:
        return etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS, recover=False))
    except etree.XMLSyntaxError as error:
        if error.code in _FATAL:
            raise ArticleError(path, f"not valid XML ({error.msg.split(', see ')[0]})") from None
    try:
        root = etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS, recover=True))
    except etree.XMLSyntaxError as error:
        raise ArticleError(path, f"not valid XML ({error.msg})") from None
    if root is None:
        raise ArticleError(path, "not valid XML (nothing could be read)")
    return root


def _item_or_error(item, path: str, source: str | None) -> Item:
    try:
        return finish(_article(item, path, source))
    except ArticleError as error:
        return error


def _article(item, path: str, source: str | None) -> Article:
    content = _child(item, "encoded") if _child(item, "encoded") is not None else _child(item, "content")
    summary = _child(item, "description") if _child(item, "description") is not None else _child(item, "summary")
    body, standfirst = _content(content), _content(summary)
    if not body:
        body, standfirst = standfirst, ""
    author = _child(item, "author")
    if author is not None and _child(author, "name") is not None:  # Atom: <author><name>
        author = _child(author, "name")
    return Article(
        path=path,
        title=_title(_child(item, "title")),
        blocks=text_blocks(body),
        standfirst=metadata.one_line(html_text(standfirst)) if standfirst and len(standfirst) < 600 and standfirst not in body else None,
        date=metadata.parse_date(_text(_first_child(item, ("pubDate", "published", "date", "issued", "updated", "modified")))),
        source_name=_source(_child(item, "source")) or source,
        url=_link(item),
        author=_text(author) or _text(_child(item, "creator")),
    )


def _content(element) -> str:
    """An element's text, or for Atom's `type="xhtml"` its markup (the sanitizer reads it later)."""
    if element is None:
        return ""
    if element.get("type") == "xhtml":
        return "".join(etree.tostring(child, encoding="unicode", method="html") for child in element)
    return element.text or ""


def _title(element) -> str:
    text = _text(element) or ""
    html_typed = element is not None and element.get("type") in ("html", "xhtml")
    return html_text(text) if html_typed or looks_like_html(text) else text


def _source(element) -> str | None:
    """RSS `<source url="...">Name</source>`, or Atom `<source><title>Name</title>...</source>`."""
    if element is not None and _child(element, "title") is not None:
        element = _child(element, "title")
    return _text(element)


def _link(item) -> str | None:
    for link in _children(item, "link"):
        if link.get("href") and link.get("rel", "alternate") == "alternate":
            return link.get("href")
        if link.text and link.text.strip():
            return link.text.strip()
    guid = _child(item, "guid")
    if guid is not None and guid.get("isPermaLink", "true") == "true" and guid.text:
        return guid.text.strip()
    return None


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element, name: str) -> list:
    return [c for c in element if isinstance(c.tag, str) and _local(c) == name]


def _child(element, name: str):
    found = _children(element, name) if element is not None else []
    return found[0] if found else None


def _first_child(element, names: tuple[str, ...]):
    for name in names:
        found = _child(element, name)
        if found is not None:
            return found
    return None


def _text(element) -> str | None:
    if element is None:
        return None
    return metadata.one_line("".join(element.itertext()))
