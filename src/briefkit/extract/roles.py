"""Roles read from the words beside a name.

Three shapes cover most news prose:
- a title right before the name: `White House spokesman Sarah Sanders`, `Secretary of State Mike Pompeo`;
- a title before the name and a comma: `US special representative for North Korea, Stephen Biegun`;
- an apposition after it: `Cho Yoon-je, the South Korean ambassador to the US, told ...`.
A phrase counts as a role only if it holds a role word (president, spokesman, envoy, ...).
"""

from __future__ import annotations

from . import gazetteer

MAX_ROLE_TOKENS = 9
_TITLE_POS = {"PROPN", "NOUN", "ADJ"}
_LINKS = {"of", "for", "'s", "\u2019s", "-"}  # words that may sit inside a title
_OPENERS = {"CCONJ", "ADP", "PUNCT", "SCONJ", "VERB", "AUX"}
_ARTICLES = {"the", "a", "an"}


def role_of(doc, start: int, end: int) -> str | None:
    return _before(doc, start) or _after(doc, end)


def _before(doc, start: int) -> str | None:
    if start > 0 and doc[start - 1].text == ",":
        phrase = _title_leftwards(doc, start - 1)
        if phrase is None or (phrase.start > doc[start].sent.start and doc[phrase.start - 1].pos_ not in _OPENERS):
            return None
        if phrase[-1].ent_type_ == "PERSON":  # `Judge Peter Walsh, Google ...`: someone else, titled
            return None
    else:
        phrase = _title_leftwards(doc, start)
    return _as_role(phrase)


def _title_leftwards(doc, end: int):
    """The longest run of title-like tokens ending right before token `end`, within its sentence."""
    if end == 0:
        return None
    first = doc[end - 1].sent.start
    i = end - 1
    while i >= first and end - i <= MAX_ROLE_TOKENS:
        token = doc[i]
        if token.pos_ in _TITLE_POS or token.ent_type_ in ("GPE", "NORP", "ORG"):
            i -= 1
        elif token.lower_ in _LINKS and i - 1 >= first and doc[i - 1].pos_ in _TITLE_POS:
            i -= 1
        else:
            break
    start = i + 1
    # `visit of North Korean envoy`: what stands before a link without a role word is not part of the
    # title, unless it is a name (`Bank of England governor`)
    for i in range(end - 1, start, -1):
        before = doc[start:i]
        if doc[i].lower_ in _LINKS and not any(t.lower_ in gazetteer.role_words() or t.pos_ == "PROPN" for t in before):
            start = i + 1
            break
    while start < end and doc[start].lower_ in _LINKS:
        start += 1
    return doc[start:end] if start < end else None


def _after(doc, end: int) -> str | None:
    """`, the South Korean ambassador to the US,` right after the name."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    i = end + 1
    if i < len(doc) and doc[i].lower_ in _ARTICLES:
        i += 1
    start = i
    sentence_end = doc[end].sent.end
    while i < sentence_end and i - start < MAX_ROLE_TOKENS and doc[i].text not in (",", ".", ";", ":", "\u2013", "\u2014", '"', "\u201c"):
        if doc[i].pos_ in ("VERB", "AUX", "PRON"):
            return None
        i += 1
    if i >= sentence_end or doc[i].text != ",":
        return None
    return _as_role(doc[start:i])


def _as_role(span) -> str | None:
    while span is not None and len(span) and span[-1].lower_.rstrip(".") in gazetteer.honorifics() and span[-1].lower_ not in gazetteer.role_words():
        span = span[:-1]  # `lawyer for Mr` (Begg): the honorific belongs to the name
    if span is None or not len(span):
        return None
    if not any(t.lower_ in gazetteer.role_words() for t in span):
        return None
    if span[-1].pos_ == "ADJ" or span[-1].lower_ in _LINKS:  # a title ends on its noun
        return None
    return span.text.strip() or None
