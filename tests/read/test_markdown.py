"""Markdown clippings: front matter fields, a heading as title, Markdown and HTML in the body read as
plain text, and hostile front matter refused with its line."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit.errors import ArticleError
from briefkit.read.markdown import read_markdown

BODY = "The harbour board met on a wet morning. Members voted to repair the old pier."


def read(text: str):
    [article] = read_markdown(text, "clip.md")
    return article


def kinds(article):
    return [(b.kind, b.text) for b in article.blocks]


def test_front_matter_fields():
    article = read(
        "---\ntitle: Harbour pier to be rebuilt\ndate: 2024-03-04\nsource: Coast Gazette\n"
        "url: https://gazette.example/pier\nauthor: Jane Roe\ndescription: The town will rebuild its pier.\n---\n\n"
        f"{BODY}\n"
    )
    assert article.title == "Harbour pier to be rebuilt"
    assert article.date == dt.date(2024, 3, 4)
    assert article.source_name == "Coast Gazette"
    assert article.url == "https://gazette.example/pier"
    assert article.author == "Jane Roe"
    assert article.standfirst == "The town will rebuild its pier."
    assert kinds(article) == [("paragraph", BODY)]


@pytest.mark.parametrize("header, name, url, author, date", [
    ("source: {name: Coast Gazette, url: 'https://gazette.example/'}", "Coast Gazette", "https://gazette.example/", None, None),
    ("publisher: Coast Gazette\nlink: https://gazette.example/a", "Coast Gazette", "https://gazette.example/a", None, None),
    ("author: [Jane Roe, {name: John Doe}]", None, None, "Jane Roe, John Doe", None),
    ("published: 'Mon, 04 Mar 2024 10:00:00 +0000'", None, None, None, dt.date(2024, 3, 4)),
    ("date: '2024-03-04T23:30:00-05:00'", None, None, None, dt.date(2024, 3, 4)),
    ("date: 4 March 2024", None, None, None, dt.date(2024, 3, 4)),
    ("date: not a date", None, None, None, None),
    ("date: 1066-10-14", None, None, None, None),  # not a publication date of a news article
    ("url: 'javascript:alert(1)'", None, None, None, None),
])
def test_front_matter_shapes(header, name, url, author, date):
    article = read(f"---\ntitle: Pier\n{header}\n---\n\n{BODY}\n")
    assert (article.source_name, article.url, article.author, article.date) == (name, url, author, date)


def test_first_heading_is_the_title_without_front_matter():
    article = read(f"# Harbour pier to be rebuilt\n\n{BODY}\n\n## What happens next\n\nWork starts in May.\n")
    assert article.title == "Harbour pier to be rebuilt"
    assert kinds(article) == [("paragraph", BODY), ("subheading", "What happens next"), ("paragraph", "Work starts in May.")]


def test_front_matter_title_wins_and_the_heading_stays_a_subheading():
    article = read(f"---\ntitle: Pier plan\n---\n# Harbour pier\n\n{BODY}\n")
    assert article.title == "Pier plan"
    assert kinds(article)[0] == ("subheading", "Harbour pier")


def test_markdown_syntax_becomes_plain_text():
    article = read(
        "# Pier\n\n"
        "The **board** met [at the hall](https://example.org) and ![a photo](x.png) _voted_ to `repair` it.\n\n"
        "- first point\n- second point\n\n"
        "> Quoted words from the mayor.\n\n"
        "```\ncode block text\n```\n"
    )
    assert kinds(article) == [
        ("paragraph", "The board met at the hall and voted to repair it."),
        ("paragraph", "first point"),
        ("paragraph", "second point"),
        ("paragraph", "Quoted words from the mayor."),
        ("paragraph", "code block text"),
    ]


def test_injection_in_the_body_is_only_text():
    article = read(
        "# Pier\n\n"
        "Click [here](javascript:alert(1)) now.\n\n"
        "<script>alert(2)</script>\n\n"
        "<div onclick=\"alert(3)\">A raw HTML block.</div>\n\n"
        "<iframe src=\"https://evil.example\">frame</iframe>\n\n"
        "An attribute list here.\n{: onclick=\"alert(4)\" }\n\n"
        "!!! note \"Admonition\"\n    Inside it.\n"
    )
    text = article.text
    for bad in ("alert", "javascript", "<", "onclick", "iframe", "{:"):
        assert bad not in text
    assert "A raw HTML block." in article.paragraphs
    assert "Click here now." in article.paragraphs


@pytest.mark.parametrize("text, reason", [
    ("---\ntitle: [unclosed\n---\n\nBody.", "front matter, line 2:"),
    ("---\ntitle: Pier\n\nBody without a closing line.", "front matter, line 1: the front matter is not closed"),
    ("---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n\nBody.", "front matter, line 2:"),
    ("---\ntitle: Pier\ndate: !!python/object:datetime.date {}\n---\n\nBody.", "front matter, line 3:"),
    ("---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\ntitle: Pier\n---\n\nBody.", "front matter, line 2: YAML anchors and aliases are not allowed"),
    ("---\ntitle: Pier\nnested: " + "[" * 50 + "]" * 50 + "\n---\n\nBody.", "front matter, line 3: nested deeper than"),
    ("---\n- a list\n- not keys\n---\n\nBody.", "front matter, line 2: expected keys and values, got list"),
    ("---\ntitle: Pier\ntitle: Again\n---\n\nBody.", "front matter, line 3: key 'title' is given twice"),
    ("---\ntitle: {a: b}\n---\n\nBody.", "front matter: title is not text"),
    ("---\ntitle: Pier\n---\n\n", "no body"),
    (f"---\ndate: 2024-03-04\n---\n\n{BODY}\n", "no title"),
])
def test_bad_front_matter_names_its_line(text, reason):
    with pytest.raises(ArticleError) as raised:
        read_markdown(text, "clip.md")
    assert raised.value.path == "clip.md"
    assert raised.value.reason.startswith(reason), raised.value.reason


def test_front_matter_line_counts_leading_blank_lines():
    with pytest.raises(ArticleError) as raised:
        read_markdown("\n\n---\ntitle: Pier\nbad: [\n---\nBody.\n", "clip.md")
    assert raised.value.reason.startswith("front matter, line 5:")


def test_oversized_front_matter():
    with pytest.raises(ArticleError) as raised:
        read_markdown("---\ntitle: Pier\nnote: " + "x" * 70_000 + "\n---\n\nBody.\n", "clip.md")
    assert "over 65,536 characters" in raised.value.reason
