"""Choosing a reader: content first, then the extension, and `--format` over both."""

from __future__ import annotations

import pytest

from briefkit.read.formats import choose, sniff


@pytest.mark.parametrize("text, fmt", [
    ("<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("  \n<!doctype HTML>\n<html>", "html"),
    ("<html lang='en'><head>", "html"),
    ("<?xml version='1.0'?>\n<!-- c -->\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
    ("<?xml version='1.0'?><rss version='2.0'>", "feed"),
    ("<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    ("<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "feed"),
    ('{"title": "x"}', "json"),
    ('[{"title": "x"}]', "json"),
    ('{"title": "x"}\n{"title": "y"}\n', "json"),
    ("---\ntitle: x\n---\nbody", "md"),
    ("Title line\n\nBody.", None),
    ("[Updated] Title\n\nBody.", None),
    ("{Not JSON} title\n\nBody.", None),
    ("<p>A fragment is not a page</p>", None),
])
def test_sniff(text, fmt):
    assert sniff(text) == fmt


@pytest.mark.parametrize("text, suffix, override, fmt", [
    ("Title\n\nBody.", ".txt", None, "txt"),
    ("Title\n\nBody.", ".MD", None, "md"),
    ("Title\n\nBody.", ".htm", None, "html"),
    ("Title\n\nBody.", ".atom", None, "feed"),
    ("Title\n\nBody.", ".pdf", None, None),
    ("Title\n\nBody.", "", None, None),
    ("<html>", ".txt", None, "html"),
    ("<html>", ".txt", "txt", "txt"),
    ("Title\n\nBody.", ".bin", "md", "md"),
])
def test_choose(text, suffix, override, fmt):
    assert choose(text, suffix, override) == fmt
