"""The plain-text reader: text in, `Article` out, on small articles written here."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit.errors import ArticleError
from briefkit.read import read_article
from briefkit.read import text as text_reader
from briefkit.read.text import parse_date_line, parse_text_article, read_text_article

BODY = "The harbour board met on a wet morning. Members voted to repair the old pier."


def parse(text: str):
    return parse_text_article(text, "x.txt")


def kinds(article) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in article.blocks]


# --- title -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title",
    [
        (f"Harbour pier to be rebuilt\n\n{BODY}\n", "Harbour pier to be rebuilt"),
        (f"\n\n   \nHarbour pier to be rebuilt\n\n{BODY}\n", "Harbour pier to be rebuilt"),
        (f"  Harbour   pier to be   rebuilt  \n\n{BODY}\n", "Harbour pier to be rebuilt"),
        (f"Harbour pier to be rebuilt\r\n\r\n{BODY}\r\n", "Harbour pier to be rebuilt"),
        pytest.param(
            f"Harbour pier to be rebuilt\n{BODY}\n\n{BODY}\n",
            "Harbour pier to be rebuilt",
            id="title-without-blank-line",
        ),
    ],
)
def test_title_is_the_first_non_empty_line(text, title):
    article = parse(text)
    assert article.title == title
    assert article.paragraphs == [BODY] * text.count(BODY)


def test_file_without_blank_lines_keeps_its_first_line_as_title():
    article = parse(f"Harbour pier to be rebuilt\n{BODY}\nWork starts soon. Nobody objected.\n")
    assert article.title == "Harbour pier to be rebuilt"
    assert "Work starts soon." in " ".join(article.paragraphs)


# --- date line ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, date",
    [
        ("Published 14 March 2026", dt.date(2026, 3, 14)),
        ("Published: 14 March 2026", dt.date(2026, 3, 14)),
        ("2026-03-14", dt.date(2026, 3, 14)),
        ("Updated on 2 April 2025", dt.date(2025, 4, 2)),
        ("March 14, 2026", dt.date(2026, 3, 14)),
    ],
)
def test_date_line_after_the_title(line, date):
    article = parse(f"Harbour pier to be rebuilt\n\n{line}\n\n{BODY}\n")
    assert article.date == date
    assert article.title == "Harbour pier to be rebuilt"
    assert kinds(article) == [("paragraph", BODY)]  # the date line is not a block


@pytest.mark.parametrize(
    "line",
    [
        "Storm closes the harbour on 3 May.",  # a sentence with a date in it is not a date line
        "Prices rose 3 percent in 2024.",
        "The pier is old.",
        "Published widely in the local papers and read by everyone in town today",
    ],
)
def test_lines_that_are_not_only_a_date(line):
    assert parse_date_line(line) is None


def test_no_date_line_leaves_date_none():
    article = parse(f"Harbour pier to be rebuilt\n\n{BODY}\n")
    assert article.date is None


# --- standfirst --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, standfirst, paragraphs",
    [
        (
            f"Pier plan\n\nThe town will rebuild its pier after years of delay.\n\n{BODY}\n",
            "The town will rebuild its pier after years of delay.",
            [BODY],
        ),
        (
            f"Pier plan\n\nPublished 14 March 2026\n\nWill the town finally rebuild its pier?\n\n{BODY}\n",
            "Will the town finally rebuild its pier?",
            [BODY],
        ),
        (  # two sentences: the first paragraph, not a standfirst
            f"Pier plan\n\n{BODY}\n\nA second paragraph closes the story here. It ends now.\n",
            None,
            [BODY, "A second paragraph closes the story here. It ends now."],
        ),
        (  # a quoted sentence followed by another is two sentences too
            "Pier plan\n\nThe mayor called it “a disgrace.” Work starts soon.\n\n" + BODY + "\n",
            None,
            ["The mayor called it “a disgrace.” Work starts soon.", BODY],
        ),
    ],
)
def test_standfirst(text, standfirst, paragraphs):
    article = parse(text)
    assert article.standfirst == standfirst
    assert article.paragraphs == paragraphs


def test_standfirst_only_article_is_accepted():
    article = parse("Pier plan\n\nThe town will rebuild its pier after years of delay.\n")
    assert article.standfirst == "The town will rebuild its pier after years of delay."
    assert article.blocks == []


# --- paragraphs and subheadings ----------------------------------------------------------------


@pytest.mark.parametrize(
    "body, blocks",
    [
        (
            "The harbour board met on a wet\nmorning and voted to repair\nthe old pier. It was late.",
            [("paragraph", "The harbour board met on a wet morning and voted to repair the old pier. It was late.")],
        ),
        (
            f"{BODY}\n\nWhat happens next\n\n{BODY}",
            [("paragraph", BODY), ("subheading", "What happens next"), ("paragraph", BODY)],
        ),
        (
            f"{BODY}\n\n‘Promising’ start for the harbour\n\n{BODY}",
            [("paragraph", BODY), ("subheading", "‘Promising’ start for the harbour"), ("paragraph", BODY)],
        ),
        (  # ends with a full stop: a one-line paragraph, not a subheading
            f"{BODY}\n\nWork starts soon. Nobody objected.\n\nIt ends.",
            [("paragraph", BODY), ("paragraph", "Work starts soon. Nobody objected."), ("paragraph", "It ends.")],
        ),
        (  # too long to be a subheading even without end punctuation
            f"{BODY}\n\nThe board will meet again next month to look at the bids from three firms",
            [("paragraph", BODY), ("paragraph", "The board will meet again next month to look at the bids from three firms")],
        ),
        (  # a two-line chunk is a paragraph even when short
            f"{BODY}\n\nWhat happens\nnext",
            [("paragraph", BODY), ("paragraph", "What happens next")],
        ),
    ],
)
def test_paragraphs_and_subheadings(body, blocks):
    article = parse(f"Pier plan\n\n{body}\n")
    assert kinds(article) == blocks


# --- captions ----------------------------------------------------------------------------------

CAPTION = "Workers inspect the old pier before repairs begin"


@pytest.mark.parametrize(
    "body",
    [
        f"{BODY}\n\n{CAPTION} [Jane Roe/AFP]\n\n{BODY}",
        f"{BODY}\n\n{CAPTION} [Jane Roe/AFP]\n{CAPTION} [Jane Roe/AFP]\n\n{BODY}",  # repeated on the next line
        f"{BODY}\n\n{CAPTION} [Jane Roe/AFP]\n\n{BODY}\n\n{CAPTION}  [Jane Roe/AFP]",  # repeated later
        f"{BODY}\n\n{CAPTION}[Jane Roe/AFP]\n\n{BODY}",  # no space before the bracket
    ],
)
def test_caption_with_credit_is_kept_once(body):
    article = parse(f"Pier plan\n\n{body}\n")
    captions = [b for b in article.blocks if b.kind == "caption"]
    assert [(c.text, c.credit) for c in captions] == [(CAPTION, "Jane Roe/AFP")]
    assert article.paragraphs == [BODY, BODY]
    assert all("[" not in p for p in article.paragraphs)


def test_two_different_captions_are_both_kept():
    body = f"{BODY}\n\n{CAPTION} [Jane Roe/AFP]\n\nThe mayor opens the meeting [John Doe/Reuters]\n\n{BODY}"
    article = parse(f"Pier plan\n\n{body}\n")
    captions = [(b.text, b.credit) for b in article.blocks if b.kind == "caption"]
    assert captions == [(CAPTION, "Jane Roe/AFP"), ("The mayor opens the meeting", "John Doe/Reuters")]


# --- source line -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "closing, source",
    [
        ("Source: News Agencies", "News Agencies"),
        ("SOURCE : Harbour Gazette", "Harbour Gazette"),
        ("source:Reuters", "Reuters"),
    ],
)
def test_closing_source_line(closing, source):
    article = parse(f"Pier plan\n\n{BODY}\n\n{closing}\n")
    assert article.source_name == source
    assert article.paragraphs == [BODY]


def test_source_line_not_at_the_end_is_a_paragraph():
    article = parse(f"Pier plan\n\nSource: the harbour board minutes, read by us.\n\n{BODY}\n\n{BODY}\n")
    assert article.source_name is None


def test_source_line_directly_under_the_last_paragraph():
    article = parse(f"Pier plan\n\n{BODY}\n\nWork starts soon. Nobody objected.\nSource: News Agencies\n")
    assert article.source_name == "News Agencies"
    assert article.paragraphs == [BODY, "Work starts soon. Nobody objected."]


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n\t  \r\n  ", "empty"),
        (b"Pier plan\n\x00\x01\x02\x00binary", "binary"),
        (b"Pier plan\n", "only a title"),
        (b"\n\nPier plan\n\n", "only a title"),
        (b"Pier plan\n\nPublished 14 March 2026\n", "only a title"),
        (b"Pier plan\n\nWhat happens next\n", "only a title"),  # a subheading is no body
        (b"Pier results\n\nShr 45 cts vs 58 cts\n\nNet 1.1 mln vs 829,000\n\nSales 7.9 mln vs 9.4 mln\n", "3 short lines without a sentence (a table of figures?)"),
        (b"Pier plan\n\nA caption [Jane Roe/AFP]\n\nSource: AFP\n", "only a title"),
    ],
)
def test_read_errors(tmp_path, data, reason):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as raised:
        read_text_article(path)
    assert reason in raised.value.reason
    assert raised.value.path == str(path)


def test_parse_errors_carry_the_given_path():
    with pytest.raises(ArticleError) as raised:
        parse_text_article("", "folder/x.txt")
    assert raised.value.path == "folder/x.txt"
    assert raised.value.reason == "empty"


def test_size_limit(tmp_path, monkeypatch):
    data = f"Pier plan\n\n{BODY}\n".encode()
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    monkeypatch.setattr(text_reader, "MAX_BYTES", len(data))
    assert read_text_article(path).paragraphs == [BODY]  # at the limit: fine
    monkeypatch.setattr(text_reader, "MAX_BYTES", len(data) - 1)
    with pytest.raises(ArticleError) as raised:
        read_text_article(path)
    assert "size limit" in raised.value.reason


def test_missing_file_is_an_article_error(tmp_path):
    with pytest.raises(ArticleError) as raised:
        read_text_article(tmp_path / "nope.txt")
    assert "unreadable" in raised.value.reason


def test_shown_path_is_used_in_errors(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(b"")
    with pytest.raises(ArticleError) as raised:
        read_text_article(path, shown_path="articles/article.txt")
    assert raised.value.path == "articles/article.txt"


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "article.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(ArticleError) as raised:
        read_article(path)
    assert "unsupported" in raised.value.reason


# --- encodings ---------------------------------------------------------------------------------

ACCENTED = "Caf\u00e9 owners “welcome” the pier plan — at last"


@pytest.mark.parametrize(
    "data",
    [
        f"{ACCENTED}\n\n{BODY}\n".encode("utf-8"),
        b"\xef\xbb\xbf" + f"{ACCENTED}\n\n{BODY}\n".encode("utf-8"),
        f"{ACCENTED}\n\n{BODY}\n".encode("utf-16"),  # with BOM (native order)
        b"\xff\xfe" + f"{ACCENTED}\n\n{BODY}\n".encode("utf-16-le"),
        b"\xfe\xff" + f"{ACCENTED}\n\n{BODY}\n".encode("utf-16-be"),
        f"{ACCENTED}\n\n{BODY}\n".encode("cp1252"),
        f"{ACCENTED}\r\n\r\n{BODY}\r\n".encode("cp1252"),
        # decomposed é (e + combining acute) is normalised to the composed form
        f"Cafe\u0301 owners “welcome” the pier plan — at last\n\n{BODY}\n".encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "cp1252", "cp1252-crlf", "utf8-nfd"],
)
def test_encodings(tmp_path, data):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    article = read_text_article(path)
    assert article.title == ACCENTED
    assert article.paragraphs == [BODY]


def test_cp1252_quotes_and_accents(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(b"caf\xe9 \x93quoted\x94\n\n" + BODY.encode())
    assert read_text_article(path).title == "caf\u00e9 \u201cquoted\u201d"


# --- a real article ----------------------------------------------------------------------------


def test_real_article(shared_file):
    path = shared_file("articles/trump-kim-second-summit.txt")
    article = read_text_article(path)
    first_line = next(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    assert article.title == first_line
    assert article.standfirst and article.standfirst.endswith(".")
    captions = [b for b in article.blocks if b.kind == "caption"]
    assert len(captions) == 1
    assert captions[0].credit == "Saul Loeb/AFP"
    assert not captions[0].text.endswith("]")
    assert ("subheading", "\u2018Promising\u2019 steps") in kinds(article)
    assert [b.text for b in article.blocks if b.kind == "subheading"] == ["\u2018Promising\u2019 steps"]
    assert article.source_name == "News Agencies"
    assert not any("Source:" in p for p in article.paragraphs)
    assert len(article.paragraphs) > 10


# --- boilerplate and bounds --------------------------------------------------------------------


def test_boilerplate_lines_are_dropped():
    article = parse(f"Pier plan\n\nAdvertisement\n\n{BODY}\nShare this article\n\nRelated: Storm hits coast\n\n{BODY}\n\nSign up for our newsletter\n")
    assert article.paragraphs == [BODY, BODY]


def test_a_first_line_too_long_for_a_title():
    with pytest.raises(ArticleError) as raised:
        parse(("word " * 400) + f"\n\n{BODY}\n")
    assert raised.value.reason.startswith("title too long (1,999 characters, at most 300)")
