"""Metadata fields as the formats give them (front matter, news-API JSON, feeds) read into plain
values: the first of several keys that holds one, dates in any common notation, a source or author
given as a string, an object or a list."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable, Mapping

from .finish import MAX_NAME_CHARS, one_line

MAX_DATE_CHARS = 60
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def first(data: Mapping, keys: Iterable[str]) -> object:
    """The value of the first of `keys` that `data` holds with something in it."""
    for key in keys:
        value = data.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def parse_date(value: object) -> dt.date | None:
    """A date from a YAML date, an ISO 8601 or RFC 822 string, or plain English (`4 March 2024`)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not (text := value.strip()) or len(text) > MAX_DATE_CHARS:
        return None
    if _ISO.match(text):
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            try:
                return dt.date.fromisoformat(text[:10])
            except ValueError:
                return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if not _YEAR.search(text):  # a publication date names its year; "yesterday" is no date here
        return None
    if (quick := _common_format(text)) is not None:
        return quick
    import dateparser  # slow to import: only for dates in words

    try:
        parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True, "PARSERS": ["absolute-time"]})
    except (ValueError, OverflowError, RecursionError):
        return None
    return parsed.date() if parsed else None


# (shape, strptime format): the notations news data uses most, tried without dateparser's cost
_FORMATS = [(re.compile(shape), form) for shape, form in (
    (r"^\d{1,2} [A-Za-z]{4,9} \d{4}$", "%d %B %Y"),
    (r"^\d{1,2} [A-Za-z]{3}\.? \d{4}$", "%d %b %Y"),
    (r"^[A-Za-z]{4,9} \d{1,2}, \d{4}$", "%B %d, %Y"),
    (r"^[A-Za-z]{3}\.? \d{1,2}, \d{4}$", "%b %d, %Y"),
    (r"^\d{1,2}-[A-Za-z]{3}-\d{4}$", "%d-%b-%Y"),  # Reuters: 26-FEB-1987
    (r"^\d{4}/\d{2}/\d{2}$", "%Y/%m/%d"),
    (r"^\d{8}$", "%Y%m%d"),
)]


def _common_format(text: str) -> dt.date | None:
    """`4 March 2024`, `March 4, 2024`, `26-FEB-1987 15:01:01.79` (the date before a time) and the like."""
    for candidate in (text, text.split()[0]) if " " in text else (text,):
        for shape, form in _FORMATS:
            if shape.match(candidate):
                try:
                    return dt.datetime.strptime(candidate.replace(".", ""), form).date()
                except ValueError:
                    return None
    return None


def name(value: object) -> str | None:
    """A source or author: a string, an object with `name` (or `title`), or a list of those."""
    if isinstance(value, list):
        names = [n for n in (_one_name(v) for v in value[:10]) if n]
        return one_line(", ".join(names), MAX_NAME_CHARS) if names else None
    return _one_name(value)


def _one_name(value: object) -> str | None:
    if isinstance(value, Mapping):
        value = first(value, ("name", "title", "id"))
    return one_line(value, MAX_NAME_CHARS)


def url(value: object) -> str | None:
    """A URL given as a string or as an object with `href` or `url` (unchecked: `finish` checks it)."""
    if isinstance(value, Mapping):
        value = first(value, ("href", "url"))
    if isinstance(value, list) and value:
        value = value[0]
    return value.strip() if isinstance(value, str) else None
