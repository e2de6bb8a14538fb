"""Loaders for the shared evaluation corpora (`../shared/corpus/`), each read as its SOURCE.md describes.

Nothing here copies corpus text anywhere: the loaders return it in memory for `scripts/eval.py`.

- BBC News Summary: `News Articles/<category>/NNN.txt` and the extractive reference in `Summaries/`.
- Reuters-21578: SGML stories with their gold `<PLACES>`, `<PEOPLE>`, `<TOPICS>` and `<DATE>`.
- CoNLL-2003: `-DOCSTART-` documents of IOB-tagged tokens; gold PER/ORG/LOC names per document.
- TempEval-3 platinum: TimeML documents, their creation time (DCT) and TIMEX3 expressions.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
BBC = CORPUS / "bbc-news-summary"
REUTERS = CORPUS / "reuters21578"
CONLL = CORPUS / "conll2003-en" / "test.txt"
TEMPEVAL = CORPUS / "tempeval3-platinum"


class CorpusError(Exception):
    """A corpus file that does not have the documented shape; the message names the file."""


def read_text(path: Path) -> str:
    """UTF-8, else Latin-1 (one BBC article and one Reuters file are Latin-1), newlines as `\\n`."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- BBC News Summary -------------------------------------------------------------------------

BBC_CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


@dataclass(frozen=True)
class BbcItem:
    category: str
    number: str  # "001"
    path: Path  # the article

    @property
    def name(self) -> str:
        return f"{self.category}/{self.number}"


def bbc_items(root: Path = BBC) -> list[BbcItem]:
    """Every article, by category then number."""
    items = []
    for category in BBC_CATEGORIES:
        folder = root / "News Articles" / category
        for path in sorted(folder.glob("*.txt")):
            items.append(BbcItem(category, path.stem, path))
    return items


def bbc_summary(item: BbcItem, root: Path = BBC) -> str:
    """The reference summary, with a space put back between the sentences the files run together
    (`...$10.9bn.For the full-year`)."""
    text = read_text(root / "Summaries" / item.category / f"{item.number}.txt").strip()
    return re.sub(r"([.!?][\"']?)(?=[A-Z\"])", r"\1 ", text)


# --- Reuters-21578 ----------------------------------------------------------------------------


@dataclass
class ReutersStory:
    id: str  # NEWID
    date: dt.date | None
    topics: list[str]
    places: list[str]
    people: list[str]
    orgs: list[str]
    title: str
    dateline: str
    paragraphs: list[str]


_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def reuters_stories(root: Path = REUTERS) -> list[ReutersStory]:
    """Every story of `reut2-*.sgm` that has a body, in file order."""
    stories = []
    for path in sorted(root.glob("reut2-*.sgm")):
        for match in _STORY.finditer(read_text(path)):
            story = parse_reuters(match.group(1), match.group(2))
            if story.paragraphs:
                stories.append(story)
    return stories


def parse_reuters(attributes: str, sgml: str) -> ReutersStory:
    new_id = re.search(r'NEWID="(\d+)"', attributes)
    return ReutersStory(
        id=new_id.group(1) if new_id else "?",
        date=_reuters_date(_element(sgml, "DATE")),
        topics=_labels(sgml, "TOPICS"),
        places=_labels(sgml, "PLACES"),
        people=_labels(sgml, "PEOPLE"),
        orgs=_labels(sgml, "ORGS"),
        title=" ".join(_clean(_element(sgml, "TITLE")).split()),
        dateline=" ".join(_clean(_element(sgml, "DATELINE")).split()).rstrip(" -"),
        paragraphs=reuters_paragraphs(_element(sgml, "BODY")),
    )


def _element(sgml: str, tag: str) -> str:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", sgml, re.DOTALL)
    return match.group(1) if match else ""


def _labels(sgml: str, tag: str) -> list[str]:
    return re.findall(r"<D>(.*?)</D>", _element(sgml, tag))


def _clean(text: str) -> str:
    """Entities decoded (`&lt;` -> `<`, `&#3;` -> a control character), control characters dropped,
    and the angle brackets Reuters puts around company names (`<Texaco Canada>`) removed."""
    return _CONTROL.sub("", html.unescape(text)).replace("<", "").replace(">", "")


def _reuters_date(text: str) -> dt.date | None:
    match = re.match(r"\s*(\d{1,2}-[A-Z]{3}-\d{4})", text)
    if not match:
        return None
    return dt.datetime.strptime(match.group(1).title(), "%d-%b-%Y").date()


def reuters_paragraphs(body: str) -> list[str]:
    """The body's paragraphs (a line indented by spaces starts one), without the closing `Reuter`
    signature, which is the agency's and not part of the story."""
    text = _clean(body)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n(?=[ \t]+\S)", text)]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs:
        paragraphs[-1] = re.sub(r"\s*\bReuter\s*$", "", paragraphs[-1])
        if not paragraphs[-1]:
            paragraphs.pop()
    return paragraphs


# --- CoNLL-2003 -------------------------------------------------------------------------------

CONLL_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "misc"}


@dataclass
class ConllDocument:
    number: int  # 1-based, in file order
    sentences: list[list[str]] = field(default_factory=list)
    entities: list[tuple[str, str]] = field(default_factory=list)  # (PER|ORG|LOC|MISC, tokens joined by spaces)

    @property
    def lines(self) -> list[str]:
        """The document's text, one sentence a line, tokens joined by spaces."""
        return [" ".join(tokens) for tokens in self.sentences]


def conll_documents(path: Path = CONLL) -> list[ConllDocument]:
    docs: list[ConllDocument] = []
    tokens: list[str] = []
    tags: list[str] = []

    def end_sentence() -> None:
        if tokens and docs:
            docs[-1].sentences.append(list(tokens))
            docs[-1].entities.extend(iob_entities(tokens, tags))
        tokens.clear()
        tags.clear()

    for number, line in enumerate(read_text(path).split("\n"), 1):
        if line.startswith("-DOCSTART-"):
            end_sentence()
            docs.append(ConllDocument(len(docs) + 1))
        elif not line.strip():
            end_sentence()
        else:
            columns = line.split()
            if len(columns) < 2:
                raise CorpusError(f"{path}:{number}: expected `WORD ... TAG`, got {line!r}")
            tokens.append(columns[0])
            tags.append(columns[-1])
    end_sentence()
    return [d for d in docs if d.sentences]


def iob_entities(tokens: list[str], tags: list[str]) -> list[tuple[str, str]]:
    """Entity spans from IOB2 tags (IOB1 too: an `I-` after `O` or after another type starts one)."""
    entities: list[tuple[str, list[str]]] = []
    previous = "O"
    for token, tag in zip(tokens, tags, strict=True):
        if tag == "O":
            previous = tag
            continue
        prefix, _, kind = tag.partition("-")
        if prefix == "B" or previous == "O" or previous.partition("-")[2] != kind:
            entities.append((kind, [token]))
        else:
            entities[-1][1].append(token)
        previous = tag
    return [(kind, " ".join(words)) for kind, words in entities]


# --- TempEval-3 platinum ----------------------------------------------------------------------


@dataclass(frozen=True)
class Timex:
    tid: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    text: str


@dataclass
class TimemlDocument:
    name: str
    dct: dt.date
    title: str
    paragraphs: list[str]
    timexes: list[Timex]  # in the text, not the DCT


def tempeval_documents(root: Path = TEMPEVAL) -> list[TimemlDocument]:
    return [parse_timeml(path.read_text("utf-8"), path.stem, where=str(path)) for path in sorted(root.glob("*.tml"))]


def parse_timeml(xml: str, name: str, *, where: str = "<string>") -> TimemlDocument:
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as error:
        raise CorpusError(f"{where}: not well-formed TimeML ({error})") from None
    dct = root.find("DCT/TIMEX3")
    if dct is None or not re.match(r"^\d{4}-\d{2}-\d{2}", dct.get("value", "")):
        raise CorpusError(f"{where}: no DCT TIMEX3 with a YYYY-MM-DD value")
    body = root.find("TEXT")
    if body is None:
        raise CorpusError(f"{where}: no TEXT element")
    text = "".join(body.itertext())
    timexes = [Timex(t.get("tid", ""), t.get("type", ""), t.get("value", ""), " ".join("".join(t.itertext()).split()))
               for t in body.iter("TIMEX3")]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    title = " ".join("".join(root.find("TITLE").itertext()).split()) if root.find("TITLE") is not None else name
    return TimemlDocument(name, dt.date.fromisoformat(dct.get("value")[:10]), title, paragraphs, timexes)
