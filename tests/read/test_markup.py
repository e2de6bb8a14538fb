"""HTML fragments to text blocks, through the allow-list sanitizer."""

from __future__ import annotations

import pytest

from briefkit.read.markup import html_blocks, html_text, looks_like_html, sanitize


def test_blocks_of_a_fragment():
    fragment = (
        "<h2>Heading</h2><p>First <b>bold</b> and<br>broken line.</p>"
        "<ul><li>One</li><li>Two <ul><li>Nested</li></ul></li></ul>"
        "Loose <em>text</em> here<div><p>In a div</p>tail</div>"
        "<figure><img src=x><figcaption>A caption [Jane Roe/AFP]</figcaption></figure>"
        "<blockquote>Quoted</blockquote><table><tr><td>Cell</td></tr></table>"
    )
    assert html_blocks(fragment) == [
        ("h2", "Heading"), ("p", "First bold and broken line."), ("p", "One"), ("p", "Two"), ("p", "Nested"),
        ("p", "Loose text here"), ("p", "In a div"), ("p", "tail"), ("figcaption", "A caption [Jane Roe/AFP]"),
        ("p", "Quoted"), ("p", "Cell"),
    ]


@pytest.mark.parametrize("fragment", [
    "<script>alert(1)</script>", "<style>body{}</style>", "<iframe src=x>frame</iframe>", "<object data=x>obj</object>",
    "<svg onload=alert(1)><text>svg</text></svg>", "<noscript>nojs</noscript>", "<template>tpl</template>",
    "<math><mi>x</mi></math>", "<!-- a comment -->", "<form><button>Go</button></form>", "<nav>Home</nav>",
])
def test_dropped_with_their_content(fragment):
    assert html_blocks(f"<p>Kept.</p>{fragment}") == [("p", "Kept.")]


def test_sanitize_drops_handlers_and_javascript_links():
    cleaned = sanitize('<p onclick="x()" style="color:red">a <a href="javascript:alert(1)" onmouseover="y()">b</a> '
                       '<a href="https://example.org/">c</a> <img src=x onerror=z()></p>')
    assert cleaned == '<p>a <a>b</a> <a href="https://example.org/">c</a> </p>'


def test_html_text():
    assert html_text("Pier &amp; <i>harbour</i> <script>alert(1)</script>plan") == "Pier & harbour plan"


@pytest.mark.parametrize("text, expected", [
    ("<p>x</p>", True), ("a <b>bold</b>", True), ("<br/>", True), ("<BR>", True), ("<!-- c -->", True),
    ("<img src=x onerror=y>", True), ("<script>alert(1)</script>", True), ("<a href='x'>y", True), ("<![CDATA[x]]>", True),
    ("a < b and c > d", False), ("x<5", False), ("plain", False),
    ("<POWER CORP OF CANADA> 4TH QTR NET", False), ("<Video Shopping Mall Inc> said it signed", False),
    ("<script> as a word", False),  # not markup that could do anything: it stays text, escaped when composed
])
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_empty_and_unparsable_fragments():
    assert html_blocks("") == []
    assert html_blocks("<script>only</script>") == []
