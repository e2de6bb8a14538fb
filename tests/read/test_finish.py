"""`finish`: what every reader's article goes through last."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit.errors import ArticleError
from briefkit.read.article import Article, Block
from briefkit.read.finish import MAX_TITLE_CHARS, finish, plausible_date

BODY = "The harbour board met on a wet morning."


def article(**fields) -> Article:
    return Article(**{"path": "a.txt", "title": "Pier plan", "blocks": [Block("paragraph", BODY)], **fields})


def test_fields_are_cleaned():
    done = finish(article(title="  Pier\u200b   plan\u202e ", source_name=" Gazette\n", author="Jane\tRoe", url=" https://example.org/a b "))
    assert (done.title, done.source_name, done.author) == ("Pier plan", "Gazette", "Jane Roe")
    assert done.url is None  # a space inside: not a URL


@pytest.mark.parametrize("url, kept", [
    ("https://example.org/pier", "https://example.org/pier"),
    ("http://example.org/a(b)", "http://example.org/a%28b%29"),
    ("javascript:alert(1)", None), ("JAVASCRIPT:alert(1)", None), ("data:text/html,<script>", None),
    ("vbscript:x", None), ("/relative/path", None), ("//evil.example/", None), ("ftp://example.org/", None),
])
def test_only_http_urls_are_kept(url, kept):
    assert finish(article(url=url)).url == kept


def test_boilerplate_blocks_and_repeated_captions_go():
    blocks = [Block("paragraph", BODY), Block("paragraph", "Advertisement"), Block("caption", "The pier", "AFP"),
              Block("paragraph", "Share this article"), Block("caption", "THE PIER", "AFP"), Block("subheading", "Related"),
              Block("paragraph", "Last words {: onclick=alert(1) }")]
    done = finish(article(blocks=blocks))
    assert [(b.kind, b.text) for b in done.blocks] == [("paragraph", BODY), ("caption", "The pier"), ("paragraph", "Last words")]


@pytest.mark.parametrize("fields, reason", [
    ({"title": ""}, "no title"),
    ({"title": " \u200b "}, "no title"),
    ({"title": "x" * (MAX_TITLE_CHARS + 1)}, f"title too long ({MAX_TITLE_CHARS + 1} characters, at most {MAX_TITLE_CHARS})"),
    ({"blocks": []}, "no body (only a title)"),
    ({"blocks": [Block("subheading", "What next"), Block("caption", "A photo")]}, "no body (only a title)"),
    ({"blocks": [Block("paragraph", "Advertisement")]}, "no body (only a title)"),
])
def test_failures(fields, reason):
    with pytest.raises(ArticleError) as raised:
        finish(article(**fields))
    assert raised.value.reason.startswith(reason)
    assert raised.value.path == "a.txt"


def test_a_standfirst_alone_is_a_body():
    assert finish(article(blocks=[], standfirst="The town will rebuild its pier.")).standfirst


@pytest.mark.parametrize("date, kept", [
    (dt.date(2024, 3, 4), True), (dt.date(1850, 1, 1), True), (dt.date(1066, 10, 14), False),
    (dt.date.today() + dt.timedelta(days=800), False), (None, False),
])
def test_plausible_date(date, kept):
    assert plausible_date(date) == (date if kept else None)
