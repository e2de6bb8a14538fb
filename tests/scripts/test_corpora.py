"""Corpus loaders, on small files written here; and on the shared corpora (skipped when absent),
against the counts their SOURCE.md gives."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

import corpora

SGML = """<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="42">
<DATE> 5-MAR-1987 09:10:11.12&#5;&#5;&#5;F</DATE>
<TOPICS><D>grain</D></TOPICS>
<PLACES><D>usa</D><D>west-germany</D></PLACES>
<PEOPLE><D>james-baker</D></PEOPLE>
<ORGS></ORGS>
<TEXT>&#2;
<TITLE>BAKER &lt;SAYS> GRAIN TALKS GO ON</TITLE>
<DATELINE>    WASHINGTON, March 5 - </DATELINE><BODY>Treasury Secretary James Baker said talks
with &lt;Acme Grain Co> would go on.
    Bonn officials said they &amp; others agreed.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>"""


def test_parse_reuters():
    match = corpora._STORY.search(SGML)
    story = corpora.parse_reuters(match.group(1), match.group(2))
    assert story.id == "42"
    assert story.date == dt.date(1987, 3, 5)
    assert (story.places, story.people, story.topics, story.orgs) == (["usa", "west-germany"], ["james-baker"], ["grain"], [])
    assert story.title == "BAKER SAYS GRAIN TALKS GO ON"
    assert story.dateline == "WASHINGTON, March 5"
    assert story.paragraphs == ["Treasury Secretary James Baker said talks with Acme Grain Co would go on.",
                                "Bonn officials said they & others agreed."]


def test_reuters_stories_reads_latin1_files(tmp_path):
    (tmp_path / "reut2-000.sgm").write_bytes(SGML.replace("Bonn", "M\u00fcnchen").encode("latin-1"))
    (stories,) = corpora.reuters_stories(tmp_path)
    assert stories.paragraphs[1].startswith("M\u00fcnchen")


@pytest.mark.parametrize(
    "tags, expected",
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [("PER", "a b"), ("LOC", "d")]),
        (["I-PER", "I-PER", "I-ORG", "O"], [("PER", "a b"), ("ORG", "c")]),  # IOB1
        (["B-PER", "B-PER", "O", "O"], [("PER", "a"), ("PER", "b")]),
    ],
)
def test_iob_entities(tags, expected):
    assert corpora.iob_entities(["a", "b", "c", "d"], tags) == expected


def test_conll_documents(tmp_path):
    path = tmp_path / "test.txt"
    path.write_text(
        "-DOCSTART- -X- -X- O\n\nSOCCER NN B-NP O\n- : O O\nJAPAN NNP B-NP B-LOC\n\n"
        "Nadim NNP B-NP B-PER\nLadki NNP I-NP I-PER\n\n"
        "-DOCSTART- -X- -X- O\n\nEuro NNP B-NP B-MISC\n96 CD I-NP O\n\n"
    )
    first, second = corpora.conll_documents(path)
    assert first.lines == ["SOCCER - JAPAN", "Nadim Ladki"]
    assert first.entities == [("LOC", "JAPAN"), ("PER", "Nadim Ladki")]
    assert (second.number, second.entities) == (2, [("MISC", "Euro")])


def test_conll_bad_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "test.txt"
    path.write_text("-DOCSTART- -X- -X- O\n\nlonely\n")
    with pytest.raises(corpora.CorpusError, match=r"test.txt:3:"):
        corpora.conll_documents(path)


TIMEML = """<?xml version="1.0" ?><TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TITLE>Flu season ends</TITLE>
<TEXT>
The season <EVENT eid="e1">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3>.

It began <TIMEX3 tid="t2" type="DURATION" value="P1M">a month</TIMEX3> early, in <TIMEX3 tid="t3" type="DATE" value="2012-12">December</TIMEX3>.
</TEXT>
</TimeML>"""


def test_parse_timeml():
    doc = corpora.parse_timeml(TIMEML, "x")
    assert doc.dct == dt.date(2013, 3, 22)
    assert doc.title == "Flu season ends"
    assert doc.paragraphs == ["The season ended Friday.", "It began a month early, in December."]
    assert [(t.type, t.value, t.text) for t in doc.timexes] == [
        ("DATE", "2013-03-22", "Friday"), ("DURATION", "P1M", "a month"), ("DATE", "2012-12", "December")]


def test_parse_timeml_without_dct():
    with pytest.raises(corpora.CorpusError, match="no DCT"):
        corpora.parse_timeml("<TimeML><TEXT>x</TEXT></TimeML>", "x", where="x.tml")


def test_bbc_items_and_summary(tmp_path):
    for folder in ("News Articles", "Summaries"):
        (tmp_path / folder / "sport").mkdir(parents=True)
    (tmp_path / "News Articles" / "sport" / "002.txt").write_bytes("Title\n\nIt cost \xa35.".encode("latin-1"))
    (tmp_path / "News Articles" / "sport" / "001.txt").write_text("Title\n\nText.")
    (tmp_path / "Summaries" / "sport" / "001.txt").write_text('Profits rose to $10.9bn.For the year, "it was good".Then it ended.')
    items = corpora.bbc_items(tmp_path)
    assert [i.name for i in items] == ["sport/001", "sport/002"]
    assert corpora.bbc_summary(items[0], tmp_path) == 'Profits rose to $10.9bn. For the year, "it was good". Then it ended.'
    assert corpora.read_text(items[1].path).endswith("\u00a35.")


# --- the shared corpora, against SOURCE.md ---


def test_conll_test_set_counts(shared_file):
    docs = corpora.conll_documents(shared_file("corpus/conll2003-en/test.txt"))
    assert len(docs) == 231
    assert sum(len(d.sentences) for d in docs) == 3453
    assert Counter(kind for d in docs for kind, _ in d.entities) == {"PER": 1617, "ORG": 1661, "LOC": 1668, "MISC": 702}


def test_reuters_counts(shared_file):
    stories = corpora.reuters_stories(shared_file("corpus/reuters21578"))
    assert len(stories) == 19043  # the stories with a <BODY>
    assert all(s.date and s.date.year == 1987 for s in stories)
    assert not any("\x03" in p or "&lt;" in p for s in stories for p in s.paragraphs)


def test_tempeval_counts(shared_file):
    docs = corpora.tempeval_documents(shared_file("corpus/tempeval3-platinum"))
    assert len(docs) == 20
    assert sum(len(d.timexes) for d in docs) == 138


def test_bbc_counts(shared_file):
    items = corpora.bbc_items(shared_file("corpus/bbc-news-summary"))
    assert Counter(i.category for i in items) == {"business": 510, "entertainment": 386, "politics": 417, "sport": 511, "tech": 401}
