"""Small text helpers: slugs, name keys, Markdown escaping (checked by rendering with Python-Markdown)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
import pytest

from briefkit.text import MAX_SLUG_LENGTH, escape_markdown, name_key, slugify, straighten

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables"]

# --- slugify -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Harbour pier to be rebuilt", "harbour-pier-to-be-rebuilt"),
        ("Trump, Kim to meet: White House", "trump-kim-to-meet-white-house"),
        ("  --Hello,   World!--  ", "hello-world"),
        ("Café owners in Zürich", "cafe-owners-in-zurich"),
        ("São Paulo’s naïve façade", "sao-paulos-naive-facade"),
        ("2026: A year in 10 charts", "2026-a-year-in-10-charts"),
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\windows", "windows"),
        ("a/b\\c d", "a-b-c-d"),
        ("CON", "con"),
        ("", "untitled"),
        ("   ", "untitled"),
        ("---", "untitled"),
        ("!!! ??? ...", "untitled"),
        ("北京 东京", "untitled"),
        ("\u0000\u202e\u200b", "untitled"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    "text",
    ["A " * 200, "word " * 100, "x" * 500, "Supercalifragilistic " * 10, "é" * 300, "a-" * 200, "ab cd " * 50],
)
def test_slugify_is_bounded_and_clean(text):
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
    assert len(slug) <= MAX_SLUG_LENGTH


@pytest.mark.parametrize("max_length", [8, 10, 17, 30, 40])
def test_slugify_cuts_at_a_word_boundary(max_length):
    text = "Harbour board votes to rebuild the old pier"
    full = slugify(text, max_length=1000)
    slug = slugify(text, max_length=max_length)
    assert len(slug) <= max_length
    assert full.startswith(slug)
    assert full[len(slug) : len(slug) + 1] in ("-", "")  # the cut falls between words
    assert slug  # never empty


def test_slugify_keeps_a_single_long_word_cut_short():
    assert slugify("x" * 200, max_length=20) == "x" * 20


def test_slugify_keeps_a_word_that_ends_exactly_at_the_limit():
    assert slugify("abc def ghi", max_length=7) == "abc-def"


@pytest.mark.parametrize("text, slug", [("Straße", "strasse"), ("Łódź", "lodz"), ("Øresund", "oresund")])
def test_slugify_folds_letters_without_decomposition(text, slug):
    assert slugify(text) == slug


# --- name_key ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("Donald J. Trump", "donald j trump"),
        ("Donald  J Trump", "DONALD J. TRUMP"),
        ("O’Brien", "O'Brien"),
        ("Jean-Pierre Dupont", "Jean Pierre Dupont"),
        ("U.S.", "US"),
        ("Straße", "STRASSE"),
        ("Cafe\u0301", "Caf\u00e9"),
        ("  Kim   Jong\tUn ", "Kim Jong Un"),
    ],
)
def test_name_key_equal(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    "a, b",
    [("Donald Trump", "Donald J Trump"), ("Kim Jong Un", "Kim Yong Chol"), ("Jon Smith", "John Smith")],
)
def test_name_key_different(a, b):
    assert name_key(a) != name_key(b)


def test_name_key_form():
    assert name_key("  Mr. O’Brien-Smith  ") == "mr o'brien smith"


def test_straighten():
    assert straighten("\u201cit\u2019s\u201d \u2013 \u2018x\u2019 \u2014") == "\"it's\" - 'x' -"


# --- escape_markdown ---------------------------------------------------------------------------


class _Text(HTMLParser):
    """The text content (entities kept as written, for html.unescape) and the tags of rendered HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.parts.append(data)

    def handle_entityref(self, name):
        self.parts.append(f"&{name};")

    def handle_charref(self, name):
        self.parts.append(f"&#{name};")


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def text_and_tags(rendered: str) -> tuple[str, list[tuple[str, dict]]]:
    parser = _Text()
    parser.feed(rendered)
    parser.close()
    return html.unescape("".join(parser.parts)), parser.tags


def same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>click</a>",
    "[click me](javascript:alert(1))",
    "[click me][ref]\n\n[ref]: http://evil.example",
    "![pic](http://evil.example/x.png)",
    "![pic](x.png){: onerror=alert(1)}",
    "<http://evil.example>",
    "!!! danger \"Pwned\"\n    You have been warned.",
    "!!! note",
    "  !!! warning",
    '<div markdown="1">**bold**</div>',
    "Plain text {: onclick=\"alert(1)\" }",
    "Para\n{: .x onclick=\"alert(1)\"}",
    "# Not a heading",
    "## Nor this ##",
    "- not a list",
    "+ not a list",
    "* not a list",
    "1. not a list",
    "2) not a list",
    "> not a quote",
    "a | b\n--- | ---\n1 | 2",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "*not em* _not em_ **not strong** __not strong__",
    "`not code` ``nor this``",
    "***",
    "- - -",
    "___",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "\\<script>alert(1)\\</script>",
    "Back\\slash \\*star\\* \\[bracket\\]",
    "<!-- hidden --> visible",
    "<style>body{display:none}</style>",
    "<iframe src=//evil.example></iframe>",
    "Line one\n\n<svg onload=alert(1)>",
]

PLAIN = [
    "AT&T buys a rival for $5bn",
    "5 < 6 and 7 > 3",
    "C# and F# are languages",
    "He said “no” — and ‘yes’ – maybe…",
    "Rates rose 0.25% to 4.5% (the highest since 2008).",
    "1986. A year of change",
    "Email: someone@example.com, web: https://example.com/a_b_c",
    "snake_case_name and 2*3*4 and a|b",
    "Café in Zürich: 10 € per cup",
    "Tom & Jerry & friends",
    "It costs £3 + VAT - discounts = ?",
    "#hashtag at the start",
    "!Exclamation at the start",
    "Ends with a backslash \\",
]


@pytest.mark.parametrize("text", HOSTILE + PLAIN)
def test_escaped_text_renders_as_literal_text(text):
    rendered = render(escape_markdown(text))
    assert "<script" not in rendered
    assert "<a " not in rendered and "<a>" not in rendered
    assert "<img" not in rendered
    assert "<iframe" not in rendered and "<svg" not in rendered and "<style" not in rendered
    assert not re.search(r"<[^>]*\son\w+=", rendered)  # no onerror=/onclick= attribute in any tag
    assert 'class="admonition' not in rendered
    shown, tags = text_and_tags(rendered)
    assert {tag for tag, _ in tags} <= {"p", "br"}, rendered
    assert all(attrs == {} for _, attrs in tags), rendered  # no attribute at all, e.g. from attr_list
    assert same_text(shown, text), rendered


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_unchanged_in_meaning(text):
    rendered = render(escape_markdown(text))
    shown, _ = text_and_tags(rendered)
    assert shown == text


def test_escape_markdown_keeps_lines():
    assert escape_markdown("one\ntwo\nthree").split("\n") == ["one", "two", "three"]


def test_unescaped_hostile_text_would_take_effect():
    """The check above can fail: the same inputs, unescaped, do render as markup."""
    assert "<script" in render("<script>alert(1)</script>")
    assert "<a href" in render("[click me](javascript:alert(1))")
    assert "admonition" in render('!!! danger "Pwned"\n    You have been warned.')
    assert 'onerror="alert(1)"' in render("![pic](x.png){: onerror=alert(1)}")


def test_setext_heading_does_not_take_effect():
    text = "Results are in\n====="
    shown, tags = text_and_tags(render(escape_markdown(text)))
    assert {tag for tag, _ in tags} <= {"p", "br"}
    assert same_text(shown, text)


@pytest.mark.parametrize("level", ["#", "###"])
def test_trailing_hash_survives_in_a_heading(level):
    shown, _ = text_and_tags(render(f"{level} {escape_markdown('Microsoft bets on C#')}"))
    assert shown == "Microsoft bets on C#"


# --- safe_url ----------------------------------------------------------------------------------

from briefkit.text import safe_url  # noqa: E402


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/pier?x=1&y=2#top", "https://example.org/pier?x=1&y=2#top"),
    ("HTTP://Example.org/a(b)", "http://Example.org/a%28b%29"),
    ("https://example.org/caf\u00e9 \"quoted\"", None),  # a space: not one URL
    ("https://example.org/caf\u00e9\"<x>", "https://example.org/caf%C3%A9%22%3Cx%3E"),
    ("http://b\u00fccher.example/", "http://xn--bcher-kva.example/"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("java\nscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None), ("vbscript:x", None), ("file:///etc/passwd", None),
    ("//evil.example/", None), ("/relative", None), ("http://", None), ("http://a.b:99999/", None),
    ("http://ex<ample.org/", None), ("https://" + "a" * 3000 + ".org", None), (None, None), (42, None),
])
def test_safe_url(url, safe):
    assert safe_url(url) == safe
