"""HTML fragments from articles (a feed item's content, a JSON `body`, raw HTML in Markdown) as text
blocks. The HTML first goes through nh3, an allow-list sanitizer, so that scripts, styles, frames,
objects, event handlers and `javascript:` links are gone before anything reads it; then only the text
of its block elements is kept. No HTML from an article leaves this module.
"""

from __future__ import annotations

import re

import nh3
from lxml import etree, html

# Elements whose text is kept; everything else is unwrapped (its text kept) or, for the content tags
# below, dropped with its text.
TEXT_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code",
    "em", "strong", "b", "i", "u", "s", "q", "cite", "small", "sub", "sup", "mark", "abbr", "time", "span",
    "del", "ins", "br", "a", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
    "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr",
}
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "canvas", "audio",
    "video", "form", "button", "select", "textarea", "noembed", "noframes", "title", "head",
}
URL_SCHEMES = {"http", "https"}

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_TEXT_BLOCKS = {"p", "li", "dt", "dd", "pre", "figcaption", "caption", "td", "th", *HEADINGS}
_INLINE = {"em", "strong", "b", "i", "u", "s", "q", "cite", "small", "sub", "sup", "mark", "abbr", "time", "span", "del", "ins", "br", "a", "code"}
_SKIPPED = {"nav", "aside"}  # page furniture when it survives into a fragment
_TAG_NAMES = "|".join(sorted(TEXT_TAGS | DROPPED_WITH_CONTENT | {"img", "link", "meta", "base", "input", "frame", "frameset", "html", "body", "picture", "source"}))
# Real markup closes its elements, gives attributes values, or uses a void element; wire copy's
# `<POWER CORP OF CANADA>` (Reuters' company names) does none of these and stays text.
_LOOKS_LIKE_HTML = re.compile(
    rf"</(?:{_TAG_NAMES})\s*>|<(?:{_TAG_NAMES})\b[^<>]*=|<(?:br|hr|img|wbr)\b[^<>]*>|<!--|<!\[CDATA\[", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when `text` holds HTML markup, rather than text that happens to use angle brackets."""
    return bool(_LOOKS_LIKE_HTML.search(text))


def sanitize(fragment: str, *, tags: set[str] = TEXT_TAGS, attributes: dict[str, set[str]] | None = None) -> str:
    """`fragment` with only allow-listed tags and attributes, http(s) links, no comments."""
    return nh3.clean(
        fragment,
        tags=tags,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=attributes if attributes is not None else {"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def html_blocks(fragment: str) -> list[tuple[str, str]]:
    """(tag, text) of each block of an HTML fragment, sanitized first: `h1`..`h6`, `p`, `figcaption`."""
    cleaned = sanitize(fragment)
    if not cleaned.strip():
        return []
    try:
        root = html.fragment_fromstring(cleaned, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    blocks: list[tuple[str, str]] = []
    _walk(root, blocks)
    return [(tag, text) for tag, text in blocks if text]


def html_text(fragment: str) -> str:
    """The text of an HTML fragment on one line (for a title or a name given as HTML)."""
    return " ".join(text for _, text in html_blocks(f"<p>{fragment}</p>"))


def _walk(element, blocks: list[tuple[str, str]]) -> None:
    """Emit a block per text element; in containers, runs of loose text and inline elements are paragraphs."""
    run: list[str] = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # comments and processing instructions
            run.append(child.tail or "")
            continue
        if child.tag in _INLINE:
            run.append(_text(child))
        elif child.tag in _SKIPPED or child.tag == "hr":
            pass
        else:
            _flush(run, blocks)
            if child.tag in _TEXT_BLOCKS and not _has_blocks(child):
                blocks.append((_block_tag(child.tag), _text(child)))
            else:
                _walk(child, blocks)
            run = []
        run.append(child.tail or "")
    _flush(run, blocks)


def _flush(run: list[str], blocks: list[tuple[str, str]]) -> None:
    text = " ".join("".join(run).split())
    if text:
        blocks.append(("p", text))
    run.clear()


def _has_blocks(element) -> bool:
    return any(isinstance(c.tag, str) and c.tag not in _INLINE for c in element)


def _block_tag(tag: str) -> str:
    if tag in HEADINGS or tag == "figcaption":
        return tag
    return "figcaption" if tag == "caption" else "p"


def _text(element) -> str:
    for br in element.iter("br"):
        br.tail = " " + (br.tail or "")
    return " ".join(element.text_content().split())
