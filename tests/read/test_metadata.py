"""Metadata values as the formats give them: dates in many notations, names as strings, objects or
lists, URLs as strings or objects."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit.read.metadata import first, name, parse_date, url


@pytest.mark.parametrize("value, date", [
    (dt.date(2024, 3, 4), dt.date(2024, 3, 4)),
    (dt.datetime(2024, 3, 4, 23, 59), dt.date(2024, 3, 4)),
    ("2024-03-04", dt.date(2024, 3, 4)),
    ("2024-03-04T10:00:00Z", dt.date(2024, 3, 4)),
    ("2024-03-04T23:30:00-05:00", dt.date(2024, 3, 4)),  # the date where it was published
    ("2024-03-04 junk after", dt.date(2024, 3, 4)),
    ("Mon, 04 Mar 2024 10:00:00 +0000", dt.date(2024, 3, 4)),
    ("4 March 2024", dt.date(2024, 3, 4)),
    ("March 4, 2024", dt.date(2024, 3, 4)),
    ("26-FEB-1987 15:01:01.79", dt.date(1987, 2, 26)),  # Reuters
    (" 5-MAR-1987 09:00:00.00", dt.date(1987, 3, 5)),
    ("Monday 4 March 2024 10:00 GMT", dt.date(2024, 3, 4)),
    ("2024-02-30", None), ("yesterday", None), ("2 days ago", None), ("soon", None), ("", None), ("x" * 100, None),
    (20240304, None), (None, None), (["2024-03-04"], None),
])
def test_parse_date(value, date):
    assert parse_date(value) == date


@pytest.mark.parametrize("value, expected", [
    ("Jane Roe", "Jane Roe"), ({"name": "Coast Gazette", "id": "cg"}, "Coast Gazette"), ({"id": "cg"}, "cg"),
    (["Jane Roe", {"name": "John Doe"}, None, 3], "Jane Roe, John Doe"), ([], None), (42, None), ({"name": ["x"]}, None),
    ("  Jane\n  Roe  ", "Jane Roe"), ("x" * 500, None), ([["nested"]], None),
])
def test_name(value, expected):
    assert name(value) == expected


@pytest.mark.parametrize("value, expected", [
    (" https://example.org/a ", "https://example.org/a"), ({"href": "https://example.org/"}, "https://example.org/"),
    (["https://example.org/1", "https://example.org/2"], "https://example.org/1"), (42, None), ([], None),
])
def test_url(value, expected):
    assert url(value) == expected


def test_first_skips_empty_values():
    assert first({"a": "", "b": None, "c": [], "d": "x", "e": "y"}, ("a", "b", "c", "d", "e")) == "x"
    assert first({}, ("a",)) is None
