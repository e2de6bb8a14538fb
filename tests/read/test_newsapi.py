"""JSON articles as news APIs give them: field names, shapes, many articles per file, and items that
fail alone."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from briefkit.errors import ArticleError
from briefkit.read import Article
from briefkit.read.newsapi import read_json

BODY = "The harbour board met on a wet morning. Members voted to repair the old pier."
SECOND = "Work on the pier starts in May and should take a year, the board said."


def one(data, **kwargs) -> Article:
    [item] = read_json(json.dumps(data), "api.json", **kwargs)
    assert isinstance(item, Article), item
    return item


def test_newsapi_response():
    data = {
        "status": "ok", "totalResults": 2,
        "articles": [
            {"source": {"id": None, "name": "Coast Gazette"}, "author": "Jane Roe", "title": "Pier to be rebuilt",
             "description": "The town will rebuild its pier.", "url": "https://gazette.example/pier",
             "publishedAt": "2024-03-04T10:00:00Z", "content": f"{BODY}… [+1234 chars]"},
            {"source": {"name": "Harbour News"}, "title": "Second story", "content": SECOND, "publishedAt": "2024-03-05T08:00:00Z"},
        ],
    }
    first, second = read_json(json.dumps(data), "api.json")
    assert (first.title, first.source_name, first.author, first.url) == ("Pier to be rebuilt", "Coast Gazette", "Jane Roe", "https://gazette.example/pier")
    assert first.date == dt.date(2024, 3, 4)
    assert first.standfirst == "The town will rebuild its pier."
    assert first.paragraphs == [BODY]  # NewsAPI's "[+1234 chars]" is not text
    assert (first.path, second.path) == ("api.json#1", "api.json#2")
    assert second.source_name == "Harbour News"


@pytest.mark.parametrize("field", ["body", "text", "content", "articleBody"])
def test_body_fields(field):
    assert one({"title": "Pier", field: BODY}).paragraphs == [BODY]


@pytest.mark.parametrize("field, value, expected", [
    ("publishedAt", "2024-03-04T10:00:00Z", dt.date(2024, 3, 4)),
    ("published", "Mon, 04 Mar 2024 10:00:00 GMT", dt.date(2024, 3, 4)),
    ("date", "2024-03-04", dt.date(2024, 3, 4)),
    ("date", "March 4, 2024", dt.date(2024, 3, 4)),
    ("date", 1709546400, None),  # a bare number is not a date we guess at
    ("date", "soon", None),
])
def test_date_fields(field, value, expected):
    assert one({"title": "Pier", "body": BODY, field: value}).date == expected


@pytest.mark.parametrize("source, author, name, by", [
    ("Coast Gazette", ["Jane Roe", "John Doe"], "Coast Gazette", "Jane Roe, John Doe"),
    ({"name": "Coast Gazette"}, {"name": "Jane Roe"}, "Coast Gazette", "Jane Roe"),
    (42, None, None, None),
])
def test_source_and_author_shapes(source, author, name, by):
    article = one({"title": "Pier", "body": BODY, "source": source, "author": author})
    assert (article.source_name, article.author) == (name, by)


def test_description_is_the_body_when_there_is_no_other():
    article = one({"title": "Pier", "description": BODY})
    assert article.paragraphs == [BODY] and article.standfirst is None


def test_paragraphs_of_a_plain_body():
    assert one({"title": "Pier", "body": f"{BODY}\n\n{SECOND}"}).paragraphs == [BODY, SECOND]
    assert one({"title": "Pier", "body": f"{BODY}\n{SECOND}"}).paragraphs == [BODY, SECOND]
    wrapped = "The harbour board met on a wet\nmorning. Members voted to repair\nthe old pier.\n    Work on the pier starts in May\nand should take a year, the board said."
    assert one({"title": "Pier", "body": wrapped}).paragraphs == [BODY, SECOND]  # wire copy: indented paragraph starts


def test_html_body_is_sanitized_to_text():
    body = f"<p>{BODY}</p><script>alert(1)</script><p onclick='alert(2)'>{SECOND} <a href='javascript:alert(3)'>More</a></p><iframe>x</iframe>"
    article = one({"title": "<b>Pier</b> <img src=x onerror=alert(4)>plan", "body": body})
    assert article.title == "Pier plan"
    assert article.paragraphs == [BODY, f"{SECOND} More"]


def test_javascript_url_is_dropped():
    assert one({"title": "Pier", "body": BODY, "url": "javascript:alert(1)"}).url is None


def test_json_lines():
    lines = "\n".join([json.dumps({"title": "One", "body": BODY}), "", "{not json", json.dumps({"title": "Three", "body": SECOND}), "[1]"])
    found = read_json(lines, "api.jsonl", lines=True)
    assert [i.path for i in found] == ["api.jsonl:1", "api.jsonl:3", "api.jsonl:4", "api.jsonl:5"]
    assert [type(i).__name__ for i in found] == ["Article", "ArticleError", "Article", "ArticleError"]
    assert found[1].reason.startswith("not valid JSON")
    assert found[3].reason == "not a news article: expected an object, got list"


def test_concatenated_objects_in_a_json_file_are_read_as_lines():
    text = json.dumps({"title": "One", "body": BODY}) + "\n" + json.dumps({"title": "Two", "body": SECOND})
    assert [i.title for i in read_json(text, "api.json")] == ["One", "Two"]


@pytest.mark.parametrize("text, reason", [
    ("{", "not valid JSON (Expecting property name enclosed in double quotes, line 1, column 2)"),
    ("[]", "no articles (an empty list)"),
    ("42", "not a news article: expected an object with a title, or a list of them, got int"),
    ("[" * 100_000 + "]" * 100_000, "not valid JSON (nested too deeply)"),
    ('{"title": 1' + "0" * 5000 + "}", "not valid JSON ("),
])
def test_whole_file_failures(text, reason):
    with pytest.raises(ArticleError) as raised:
        read_json(text, "api.json")
    assert raised.value.reason.startswith(reason)
    assert raised.value.path == "api.json"


@pytest.mark.parametrize("item, reason", [
    ({"body": BODY}, "no title"),
    ({"title": "Pier"}, "no body"),
    ({"title": ["Pier"], "body": BODY}, "title is not text (got list)"),
    ({"title": "Pier", "body": {"text": BODY}}, "body is not text (got dict)"),
    ({"title": "x" * 5000, "body": BODY}, "title too long (5,000 characters"),
    ("just a string", "not a news article: expected an object, got str"),
])
def test_item_failures_name_the_item(item, reason):
    found = read_json(json.dumps([{"title": "Good", "body": BODY}, item]), "api.json")
    assert isinstance(found[0], Article)
    assert isinstance(found[1], ArticleError)
    assert found[1].path == "api.json#2"
    assert found[1].reason.startswith(reason)
