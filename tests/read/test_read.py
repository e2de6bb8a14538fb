"""`read_articles` and `find_articles`: the reader chosen by content, extension or `--format`; many
articles per file; failures that name the file or the item; a folder walk that cannot be trapped."""

from __future__ import annotations

import json
import os

import pytest

from briefkit.errors import ArticleError
from briefkit.read import Article, find_articles, read_article, read_articles

BODY = "The harbour board met on a wet morning. Members voted to repair the old pier."
TEXT = f"Harbour pier to be rebuilt\n\n{BODY}\n"
MARKDOWN = f"---\ntitle: Harbour pier to be rebuilt\n---\n\n{BODY}\n"
HTML = f"<!DOCTYPE html><html><head><title>Harbour pier to be rebuilt</title></head><body><article><h1>Harbour pier to be rebuilt</h1><p>{BODY}</p></article></body></html>"
JSON = json.dumps({"title": "Harbour pier to be rebuilt", "content": BODY})
FEED = f"<?xml version='1.0'?><rss version='2.0'><channel><title>Gazette</title><item><title>Harbour pier to be rebuilt</title><description>{BODY}</description></item></channel></rss>"


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def only(items) -> Article:
    assert len(items) == 1
    assert isinstance(items[0], Article), items[0]
    return items[0]


# --- which reader ------------------------------------------------------------------------------


@pytest.mark.parametrize("name, content", [
    ("a.txt", TEXT), ("a.md", MARKDOWN), ("a.markdown", MARKDOWN), ("a.html", HTML), ("a.htm", HTML),
    ("a.json", JSON), ("a.jsonl", JSON), ("a.xml", FEED), ("a.rss", FEED),
])
def test_each_extension_reads_its_format(tmp_path, name, content):
    article = only(read_articles(write(tmp_path, name, content)))
    assert article.title == "Harbour pier to be rebuilt"
    assert article.paragraphs == [BODY]


@pytest.mark.parametrize("name, content", [
    ("page.txt", HTML), ("feed.txt", FEED), ("data.txt", JSON), ("clip.txt", MARKDOWN),
    ("page.md", HTML), ("feed.html", FEED), ("page.xml", HTML), ("noext", HTML), ("api-response", JSON),
])
def test_content_wins_over_the_extension(tmp_path, name, content):
    article = only(read_articles(write(tmp_path, name, content)))
    assert article.title == "Harbour pier to be rebuilt"
    assert article.paragraphs == [BODY]
    assert "<" not in article.text and "{" not in article.text and "---" not in article.text


def test_format_overrides_the_choice(tmp_path):
    path = write(tmp_path, "a.html", TEXT)
    assert only(read_articles(path, fmt="txt")).title == "Harbour pier to be rebuilt"
    # read as Markdown, a plain-text file has no title heading and no front matter: its first line
    # is just a paragraph, so there is no title
    with pytest.raises(ArticleError):
        read_article(write(tmp_path, "b.txt", f"{BODY}\n"), fmt="md")


def test_text_starting_with_a_bracket_is_still_text(tmp_path):
    article = only(read_articles(write(tmp_path, "a.txt", f"[Updated] Harbour pier to be rebuilt\n\n{BODY}\n")))
    assert article.title == "[Updated] Harbour pier to be rebuilt"


@pytest.mark.parametrize("name, content", [("a.pdf", b"%PDF-1.7\n%binary"), ("a.docx", b"PK\x03\x04"), ("notes", "Just some text\n\nwith lines.\n")])
def test_unsupported_format(tmp_path, name, content):
    with pytest.raises(ArticleError) as raised:
        read_articles(write(tmp_path, name, content))
    assert raised.value.reason.startswith("unsupported format")
    assert "--format" in raised.value.reason


# --- whole-file failures -----------------------------------------------------------------------


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b" \n\t\r\n  ", "empty"),
    ("\ufeff  \n".encode("utf-8"), "empty"),
    (" \n ".encode("utf-16"), "empty"),
    (bytes(range(256)) * 8, "not text"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "not text"),
])
def test_file_failures(tmp_path, content, reason):
    with pytest.raises(ArticleError) as raised:
        read_articles(write(tmp_path, "a.txt", content))
    assert raised.value.reason.startswith(reason)
    assert raised.value.path == str(tmp_path / "a.txt")


def test_size_limit(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    size = path.stat().st_size
    assert only(read_articles(path, max_bytes=size)).title
    with pytest.raises(ArticleError) as raised:
        read_articles(path, max_bytes=size - 1)
    assert "size limit" in raised.value.reason and f"{size:,}" in raised.value.reason


def test_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError) as raised:  # would block forever if it were opened
        read_articles(fifo)
    assert raised.value.reason == "unreadable (not a regular file)"


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", TEXT)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "open", refuse)
    with pytest.raises(ArticleError) as raised:
        read_articles(path)
    assert raised.value.reason == "unreadable (Permission denied)"


def test_many_articles_each_named(tmp_path):
    items = json.dumps([{"title": "First", "body": BODY}, {"title": "", "body": BODY}, {"title": "Third", "body": BODY.upper()}])
    found = read_articles(write(tmp_path, "api.json", items))
    assert [type(i).__name__ for i in found] == ["Article", "ArticleError", "Article"]
    assert [i.path for i in found] == [f"{tmp_path / 'api.json'}#{n}" for n in (1, 2, 3)]
    assert found[1].reason == "no title"


def test_read_article_gives_the_first_article_or_raises(tmp_path):
    items = json.dumps([{"title": ""}, {"title": "Second", "body": BODY}])
    assert read_article(write(tmp_path, "api.json", items)).title == "Second"
    with pytest.raises(ArticleError) as raised:
        read_article(write(tmp_path, "bad.json", json.dumps([{"title": ""}])))
    assert raised.value.path.endswith("bad.json#1")


def test_shown_path_names_the_items(tmp_path):
    path = write(tmp_path, "feed.xml", FEED)
    assert only(read_articles(path, shown_path="in/feed.xml")).path == "in/feed.xml#1"


# --- find_articles -----------------------------------------------------------------------------


def test_find_articles_walks_folders(tmp_path):
    for name in ("a/one.txt", "a/deep/two.txt", "a/notes.md", "a/page.HTML", "a/image.jpg", "a/LOUD.TXT", "a/api.jsonl",
                 "a/feed.xml", "a/.hidden.txt", "a/.git/config.txt", "three.txt"):
        write(tmp_path, name, "x")
    (tmp_path / "a" / "folder.txt").mkdir()  # a folder named like an article is not one
    found, problems = find_articles([tmp_path / "a"])
    assert problems == []
    assert [p.relative_to(tmp_path).as_posix() for p in found] == sorted(
        ["a/LOUD.TXT", "a/api.jsonl", "a/deep/two.txt", "a/feed.xml", "a/notes.md", "a/one.txt", "a/page.HTML"])


def test_find_articles_reports_missing_paths(tmp_path):
    write(tmp_path, "one.txt", "x")
    found, problems = find_articles([tmp_path / "missing.txt", tmp_path / "one.txt", tmp_path / "no-folder"])
    assert found == [tmp_path / "one.txt"]
    assert [(p.path, p.reason) for p in problems] == [
        (str(tmp_path / "missing.txt"), "no such file or folder"),
        (str(tmp_path / "no-folder"), "no such file or folder"),
    ]


def test_find_articles_lists_each_file_once(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    write(tmp_path, "articles/one.txt", "x")
    write(tmp_path, "articles/two.txt", "x")
    os.symlink(folder / "one.txt", folder / "link-to-one.txt")
    monkeypatch.chdir(tmp_path)
    found, problems = find_articles([folder / "one.txt", folder, folder / ".." / "articles" / "two.txt", folder])
    assert problems == []
    assert sorted(os.path.realpath(p) for p in found) == [os.path.realpath(folder / "one.txt"), os.path.realpath(folder / "two.txt")]


def test_symlink_loops_do_not_trap_the_walk(tmp_path):
    folder = tmp_path / "articles"
    write(tmp_path, "articles/deep/one.txt", "x")
    os.symlink(folder, folder / "deep" / "loop")  # a folder that contains itself
    os.symlink("self.txt", folder / "self.txt")  # a file link that points at itself
    os.symlink(folder / "a.txt", folder / "b.txt")
    os.symlink(folder / "b.txt", folder / "a.txt")  # two links pointing at each other
    found, problems = find_articles([folder])
    assert [p.relative_to(folder).as_posix() for p in found] == ["deep/one.txt"]
    assert problems == []
    found, problems = find_articles([folder / "self.txt"])  # named on the command line
    assert found == [] and [p.reason for p in problems] == ["unreadable (a broken symlink, or a symlink loop)"]
