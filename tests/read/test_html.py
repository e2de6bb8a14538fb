"""Saved web pages: main text and metadata by trafilatura, navigation and furniture left out, and
nothing of the page's scripts, handlers or frames in the article."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit.errors import ArticleError
from briefkit.read.html import read_html

P1 = "The harbour at Portmere reopened on Monday after a storm damaged the outer wall, the harbour authority said."
P2 = "Harbour master Ellen Quayle said the fishing fleet would return on Tuesday. \u201cWe are glad to be open,\u201d she said."
P3 = "The wall was last rebuilt in 1987, when a similar storm hit the coast and closed the harbour for a month."

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour reopens after storm | Coast Gazette</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:site_name" content="Coast Gazette">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-04T10:00:00Z">
<link rel="canonical" href="https://gazette.example/harbour">
<script>document.write("injected by script")</script>
<style>p {{ color: red }}</style>
</head><body onload="alert(1)">
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour reopens after storm</h1>
<p>{P1}</p>
<figure><img src="x.jpg" onerror="alert(2)"><figcaption>Workers repair the wall</figcaption></figure>
<h2>Fishing fleet returns</h2>
<p>{P2}</p>
<p>Share this article</p>
<iframe src="https://evil.example/">frame text</iframe>
<p>Advertisement</p>
<p>{P3} <a href="javascript:alert(3)">More</a></p>
<noscript><img src=x onerror=alert(4)>noscript text</noscript>
</article>
<footer>Copyright 2024 Coast Gazette. Sign up for our newsletter.</footer>
</body></html>"""


def read(text: str):
    [article] = read_html(text, "page.html")
    return article


def test_main_text_and_metadata():
    article = read(PAGE)
    assert article.title == "Harbour reopens after storm"
    assert article.date == dt.date(2024, 3, 4)
    assert article.author == "Jane Roe"
    assert article.source_name == "Coast Gazette"
    assert article.url == "https://gazette.example/harbour"
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", P1), ("subheading", "Fishing fleet returns"), ("paragraph", P2), ("paragraph", f"{P3} More"),
    ]


def test_nothing_of_the_page_machinery_reaches_the_article():
    text = read(PAGE).text
    for bad in ("alert", "injected", "color", "frame text", "noscript", "Home", "Copyright", "newsletter", "Advertisement", "Share this"):
        assert bad not in text


def test_json_ld_metadata():
    page = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
            ' "headline": "Pier plan approved", "datePublished": "2023-11-02", "author": {"@type": "Person", "name": "Ana Ruiz"}}'
            f'</script></head><body><article><p>{P1}</p><p>{P3}</p></article></body></html>')
    article = read(page)
    assert article.title == "Pier plan approved"
    assert article.date == dt.date(2023, 11, 2)
    assert article.author == "Ana Ruiz"


def test_a_copyright_year_is_not_a_publication_date():
    page = f"<html><head><title>Pier plan</title></head><body><article><h1>Pier plan</h1><p>{P1}</p></article><footer>Copyright 2019</footer></body></html>"
    assert read(page).date is None


def test_short_page_falls_back_to_its_own_blocks():
    article = read("<html><head><title>Pier</title></head><body><h1>Pier closed</h1><p>The pier is shut today.</p></body></html>")
    assert article.title == "Pier closed"
    assert article.paragraphs == ["The pier is shut today."]


def test_xhtml_with_an_xml_declaration():
    page = f"<?xml version='1.0' encoding='utf-8'?><html xmlns='http://www.w3.org/1999/xhtml'><head><title>Pier plan</title></head><body><article><p>{P1}</p><p>{P3}</p></article></body></html>"
    article = read(page)
    assert article.title == "Pier plan"
    assert P1 in article.paragraphs


def test_hostile_title_is_text_only():
    page = f"<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;Pier</title></head><body><article><p>{P1}</p><p>{P3}</p></article></body></html>"
    article = read(page)
    assert article.title == "<script>alert(1)</script>Pier"  # text that looks like markup: data, escaped when composed
    assert "alert" not in " ".join(article.paragraphs)


@pytest.mark.parametrize("page, reason", [
    ("<html><head></head><body></body></html>", "no body"),
    ("<html><head><title>Only a title</title></head><body><nav>Home</nav></body></html>", "no body"),
    ("<html><body><p>Text without any title at all in the page.</p></body></html>", "no title"),
])
def test_pages_without_an_article(page, reason):
    with pytest.raises(ArticleError) as raised:
        read_html(page, "page.html")
    assert raised.value.reason.startswith(reason)
    assert raised.value.path == "page.html"
