"""scripts/bench.py and its modules: measuring a process tree, the articles it generates, the ingest
steps, the tables, and a --quick run on a handful of synthetic briefings."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

import pytest

from bench_corpus import BbcArticle, Corpus, stratified, write_generated
from bench_steps import Features, ingest_steps
from benchlib import briefkit_project, markdown_table, measure

bench = importlib.import_module("bench")

# A child that starts a grandchild holding 300 MiB of written memory for half a second.
ALLOCATE = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
            "'import time; block = b\"x\" * (300 * 2**20); time.sleep(0.5)'], check=True)")


def test_measure_sees_the_memory_of_a_grandchild(tmp_path):
    run = measure([sys.executable, "-c", ALLOCATE], tmp_path)
    assert run.returncode == 0
    assert run.largest_mib >= 300  # the kernel's ru_maxrss of the biggest process of the tree
    assert run.tree_mib >= 300  # the sampled sum over the tree
    assert 300 <= run.pss_mib <= run.tree_mib  # the block is the grandchild's alone: whole in its PSS
    assert run.cpu > 0 and run.seconds >= 0.5


# A parent that touches 200 MiB, then forks a child that sleeps: the child's copy of those pages is
# resident in both (VmRSS counts it twice) but shared (PSS counts it once).
FORK_SHARED = ("import os, time; block = bytearray(200 * 2**20)\n"
               "for i in range(0, len(block), 4096): block[i] = 1\n"
               "pid = os.fork()\n"
               "time.sleep(0.8)\n"
               "if pid: os.waitpid(pid, 0)\n"
               "else: os._exit(0)")


def test_pss_counts_the_pages_a_fork_shares_once(tmp_path):
    run = measure([sys.executable, "-c", FORK_SHARED], tmp_path)
    assert run.tree_mib >= 400  # parent and child each resident with the block
    assert 200 <= run.pss_mib < 300  # the block once, shared half and half


def test_measure_reports_a_failing_command(tmp_path):
    command = [sys.executable, "-c", "import sys; print('out'); sys.exit('broken')"]
    assert measure(command, tmp_path, check=False).returncode == 1
    with pytest.raises(SystemExit, match="broken"):
        measure(command, tmp_path)


def _articles(tmp_path: Path) -> list[BbcArticle]:
    sport = [BbcArticle("sport", tmp_path / f"s{n}.txt", f"Sport title {n}", tuple(f"Sport paragraph {n}.{p} has six words." for p in range(5))) for n in range(4)]
    ground = BbcArticle("sport", tmp_path / "s9.txt", "Sport title 9", ("Sport paragraph 9.0", "Sport paragraph 9.1 has six words."))  # a two-word opening line
    return [*sport, ground, BbcArticle("tech", tmp_path / "t0.txt", "Tech title", ("Tech paragraph 0.0 has six words.", "Tech paragraph 0.1 has six words."))]


def test_generated_articles_recombine_paragraphs_of_one_category(tmp_path):
    corpus = write_generated(_articles(tmp_path), 30, tmp_path / "generated")
    assert corpus.articles == 30 and {p.parent.name for p in corpus.files} == {"sport", "tech"}
    for path in corpus.files:
        title, date, first, *rest = path.read_text("utf-8").strip().split("\n\n")
        category = path.parent.name.title()
        assert title.startswith(f"{category} title") and ": " in title
        assert date.startswith("Published ") and dt.date.fromisoformat(date.removeprefix("Published "))
        assert first.startswith(f"{category} paragraph") and ".0" in first  # opens with an article's first paragraph
        assert all(p.startswith(f"{category} paragraph") for p in rest)
        assert len(rest) >= (2 if category == "Sport" else 1)  # never a lone opening line: always a body
        assert len(set([first, *rest])) == len([first, *rest])
    assert corpus.words == sum(len(p.read_text("utf-8").split()) - 2 for p in corpus.files)
    again = write_generated(_articles(tmp_path), 30, tmp_path / "again")
    assert [p.read_text("utf-8") for p in again.files] == [p.read_text("utf-8") for p in corpus.files]


def test_stratified_sample_spreads_over_each_category():
    articles = [BbcArticle(c, Path(f"{c}/{n:03d}.txt"), "t", ("p",)) for c, size in (("a", 60), ("b", 40)) for n in range(size)]
    chosen = stratified(articles, 10)
    assert [a.path.name for a in chosen if a.category == "a"] == [f"{n:03d}.txt" for n in range(0, 60, 10)]
    assert [a.path.name for a in chosen if a.category == "b"] == [f"{n:03d}.txt" for n in range(0, 40, 10)]
    assert stratified(articles, 500) == articles


def test_markdown_table_aligns_numbers_right_and_escapes_pipes():
    table = markdown_table(["set", "seconds"], [["BBC | News", "12.5"], ["x", "—"]])
    assert table.splitlines() == [
        "| set         | seconds |",
        "|-------------|--------:|",
        "| BBC \\| News |    12.5 |",
        "| x           |       — |",
    ]


def test_ingest_steps_cold_again_and_one_changed(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = ["Harbour council approves new ferry route\n\nThe harbour council in Brevik voted on Monday to open a ferry route to Ostra, its chair, Mira Holm, said.\n",
             "Storm closes mountain road\n\nA storm closed the only road to Galdor on Sunday, the regional roads agency said, and crews expect to reopen it by Wednesday.\n"]
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, "utf-8")
    corpus = Corpus("tiny", folder, sorted(folder.glob("*.txt")), sum(len(t.split()) for t in texts))
    rows = ingest_steps(corpus, briefkit_project(tmp_path / "project"), Features.detect(), None, repeat=True)
    assert [r.note for r in rows] == ["2 written", "2 unchanged", "1 updated, 1 unchanged"]
    assert rows[2].values["changed_words"] > len(texts[1].split())
    assert all(r.run.largest_mib > 50 for r in rows)  # a Python process with spaCy loaded, at least


def test_unknown_set_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        bench.parse_args(["--only", "bbc,nothing"])
    assert stop.value.code == 2 and "got nothing" in capsys.readouterr().err


def test_quick_run_builds_and_serves_synthetic_briefings(tmp_path):
    out = tmp_path / "results.md"
    bench.main(["--quick", "--only", "synthetic", "--out", str(out)])
    lines = out.read_text("utf-8").splitlines()
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines if line.startswith("| synthetic 20 ")]
    built, plain, served = rows
    assert built[1] == "briefkit build --strict" and plain[1].startswith("plain mkdocs build")
    assert int(built[2]) > 20 and built[2] == plain[2]  # the plain build renders as many pages
    assert float(built[9]) > 0 and float(built[10]) > 0  # search index and Pagefind bundle sizes
    assert served[1] == "20" and float(served[3]) > 0  # edit -> visible, in seconds
    assert any(line.startswith("| full build of synthetic 20 briefings ≤ 60 s") for line in lines)
