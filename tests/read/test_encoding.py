"""Bytes to clean text: UTF-8, byte-order marks, UTF-16 without one, cp1252 and latin-1, mixed
files, truncation, invisible characters, binary data."""

from __future__ import annotations

import unicodedata

import pytest

from briefkit.errors import ArticleError
from briefkit.read.encoding import clean_text, declared_encoding, decode

TEXT = "Café owners “welcome” the £4m pier plan — at last.\nSecond line, naïve coöperation."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),  # no byte-order mark
        TEXT.encode("utf-16-be"),  # no byte-order mark
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
        TEXT.replace("\n", "\r\n").encode("cp1252"),
        TEXT.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "utf32-bom", "cp1252", "cp1252-crlf", "utf8-cr"],
)
def test_encodings(data):
    assert decode(data, "a.txt") == TEXT


def test_latin1_is_read_as_its_cp1252_superset():
    latin = "Mutu, a £15.8m signing from Parma, à la française".encode("latin-1")
    assert decode(latin, "a.txt") == "Mutu, a £15.8m signing from Parma, à la française"


def test_utf8_with_one_stray_cp1252_byte_keeps_both():
    data = "Ærø ferry “late”".encode("utf-8") + b" costs \xa35"
    assert decode(data, "a.txt") == "Ærø ferry “late” costs £5"


def test_truncated_utf8_loses_only_the_cut_character():
    data = "Pier plan — at last €".encode("utf-8")[:-1]
    assert decode(data, "a.txt") == "Pier plan — at last "


def test_declared_encoding_is_used_when_the_bytes_are_not_utf8():
    data = "<meta charset='koi8-r'><p>Привет</p>".encode("koi8-r")
    assert declared_encoding(data) == "koi8-r"
    assert "Привет" in decode(data, "a.html", declared="koi8-r")
    # a declaration that lies about UTF-8 bytes is ignored
    assert decode("<p>Привет</p>".encode("utf-8"), "a.html", declared="koi8-r") == "<p>Привет</p>"


@pytest.mark.parametrize("data, declared", [
    (b"<?xml version='1.0' encoding='ISO-8859-1'?><rss/>", "ISO-8859-1"),
    (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', "windows-1251"),
    (b"plain text", None),
])
def test_declared_encoding(data, declared):
    assert declared_encoding(data) == declared


def test_nfc():
    assert decode("Cafe\u0301".encode("utf-8"), "a.txt") == unicodedata.normalize("NFC", "Café")


@pytest.mark.parametrize("hidden", ["\u202e", "\u200b", "\u2066", "\u00ad", "\x1b", "\x07", "\ufeff", "\x85"])
def test_invisible_and_control_characters_are_removed(hidden):
    assert decode(f"Pier{hidden} plan".encode("utf-8"), "a.txt") == "Pier plan"


def test_tabs_and_form_feeds_are_spacing():
    assert clean_text("a\tb\fc") == "a b\nc"


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x00\x01\x02\x03" * 100, b"text\x00with a nul"])
def test_binary_is_not_text(data):
    with pytest.raises(ArticleError) as raised:
        decode(data, "a.txt")
    assert raised.value.reason == "not text (binary data)"
    assert raised.value.path == "a.txt"


def test_broken_utf16_is_undecodable():
    data = b"\xff\xfe" + "Pier".encode("utf-16-le") + b"\x00\xdc"  # a lone low surrogate
    with pytest.raises(ArticleError) as raised:
        decode(data, "a.txt")
    assert raised.value.reason.startswith("undecodable (looks like UTF-16 with a byte-order mark")
