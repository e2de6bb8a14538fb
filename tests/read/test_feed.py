"""RSS and Atom feeds: one article per item with its own name, full text preferred, HTML sanitized,
and XML that cannot expand entities or reach the network."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit.errors import ArticleError
from briefkit.read import Article
from briefkit.read.feed import read_feed

BODY = "The harbour board met on a wet morning. Members voted to repair the old pier."
SECOND = "Work on the pier starts in May and should take a year, the board said."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Coast Gazette</title><link>https://gazette.example/</link>
<item>
  <title>Pier to be rebuilt</title>
  <link>https://gazette.example/pier</link>
  <guid isPermaLink="false">pier-1</guid>
  <pubDate>Mon, 04 Mar 2024 10:00:00 +0000</pubDate>
  <dc:creator>Jane Roe</dc:creator>
  <description>The town will rebuild its pier.</description>
  <content:encoded><![CDATA[<p>{BODY}</p><script>alert(1)</script><p onclick="alert(2)">{SECOND}</p>]]></content:encoded>
</item>
<item>
  <title>Summary-only item</title>
  <guid>https://gazette.example/summary</guid>
  <description>&lt;p&gt;{SECOND}&lt;/p&gt;</description>
</item>
<item><description>An item without a title.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour News</title>
  <entry>
    <title type="html">Pier &lt;em&gt;plan&lt;/em&gt; approved</title>
    <link rel="alternate" href="https://news.example/pier"/>
    <link rel="edit" href="https://news.example/edit/1"/>
    <id>urn:uuid:1</id>
    <published>2024-03-04T10:00:00Z</published>
    <updated>2024-03-06T10:00:00Z</updated>
    <author><name>Ana Ruiz</name></author>
    <summary>Short version.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{BODY}</p><p>{SECOND}</p></div></content>
  </entry>
  <entry>
    <title>Plain text entry</title>
    <link href="javascript:alert(1)"/>
    <updated>2024-03-05T10:00:00Z</updated>
    <content type="text">{BODY}</content>
  </entry>
</feed>"""


def test_rss_items():
    first, second, third = read_feed(RSS, "feed.xml")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.path, second.path, third.path) == ("feed.xml#1", "feed.xml#2", "feed.xml#3")
    assert first.title == "Pier to be rebuilt"
    assert first.url == "https://gazette.example/pier"
    assert first.date == dt.date(2024, 3, 4)
    assert first.author == "Jane Roe"
    assert first.source_name == "Coast Gazette"
    assert first.standfirst == "The town will rebuild its pier."
    assert first.paragraphs == [BODY, SECOND]  # full text wins over the description; the script is gone
    assert second.paragraphs == [SECOND]  # only a description: it is the body
    assert second.url == "https://gazette.example/summary"  # a permalink guid
    assert isinstance(third, ArticleError) and third.reason == "no title"


def test_atom_entries():
    first, second = read_feed(ATOM, "news.atom")
    assert first.title == "Pier plan approved"
    assert first.url == "https://news.example/pier"
    assert first.date == dt.date(2024, 3, 4)  # published, not updated
    assert first.author == "Ana Ruiz"
    assert first.source_name == "Harbour News"
    assert first.paragraphs == [BODY, SECOND]
    assert first.standfirst == "Short version."
    assert second.url is None  # a javascript: link is no link
    assert second.paragraphs == [BODY]


def test_rss_1_rdf():
    rdf = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://gazette.example/"><title>Coast Gazette</title></channel>
  <item rdf:about="https://gazette.example/pier"><title>Pier plan</title><link>https://gazette.example/pier</link>
    <dc:date>2024-03-04</dc:date><description>{BODY}</description></item>
</rdf:RDF>"""
    [item] = read_feed(rdf, "feed.rdf")
    assert (item.title, item.date, item.source_name, item.paragraphs) == ("Pier plan", dt.date(2024, 3, 4), "Coast Gazette", [BODY])


def test_entity_bomb_is_not_expanded():
    bomb = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<rss version="2.0"><channel><title>Bomb</title><item><title>Pier &f;</title><description>Body &f; text.</description></item></channel></rss>"""
    with pytest.raises(ArticleError) as raised:  # not expanded, and not silently cut short either
        read_feed(bomb, "bomb.xml")
    assert raised.value.reason.startswith("not valid XML (Maximum entity amplification factor exceeded")


def test_external_entity_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>X</title><item><title>Pier &x;</title><description>Body &x; text.</description></item></channel></rss>"""
    [item] = read_feed(xxe, "xxe.xml")
    assert "SECRET" not in item.text


@pytest.mark.parametrize("text, reason", [
    ("<html><body>Not a feed</body></html>", "not an RSS or Atom feed (the XML's root is <html>)"),
    ("<rss version='2.0'><channel><title>Empty</title></channel></rss>", "no articles (the feed has no items)"),
    ("<feed xmlns='http://www.w3.org/2005/Atom'><title>Empty</title></feed>", "no articles (the feed has no items)"),
    ("\x00\x01", "not valid XML"),
])
def test_feed_failures(text, reason):
    with pytest.raises(ArticleError) as raised:
        read_feed(text, "feed.xml")
    assert raised.value.reason.startswith(reason)
    assert raised.value.path == "feed.xml"


def test_broken_xml_is_read_as_far_as_it_goes():
    broken = f"<rss version='2.0'><channel><title>A & B</title><item><title>Pier plan</title><description>{BODY}</description></item>"
    [item] = read_feed(broken, "feed.xml")
    assert item.title == "Pier plan"
