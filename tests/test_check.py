"""`briefkit check` and the check `briefkit build` runs first: every problem of every file in one run,
each as `path:line: key: message` at the line of the key (or list item) at fault."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefkit.check import body_links, briefing_link, load_briefings
from briefkit.cli import app
from briefkit.model import Actor, Briefing, Quote, Source, TimelineEntry
from briefkit.store import dump_briefing
from briefkit.taxonomy import load_taxonomy

runner = CliRunner()
TAXONOMY = load_taxonomy()
PROBLEM = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?:(?P<key>[A-Za-z0-9_.]+): )?(?P<message>.+)$")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def check(folder: Path, *names: str):
    paths = [folder / n for n in names] or [folder]
    return load_briefings(paths, TAXONOMY)


def lines(text: str) -> list[str]:
    return text.split("\n")


# --- each kind of bad front matter: its line, its key, a message that says what is wrong ----------

CASES = {
    "bad YAML": ("---\ntitle: ok\ndate: 2024-01-01\nsummary: a: b\n---\n", 4, None, "not valid YAML"),
    "tab in YAML": ("---\ntitle: ok\n\tdate: 2024-01-01\n---\n", 3, None, "tab"),
    "unclosed front matter": ("---\ntitle: ok\ndate: 2024-01-01\n", 1, None, "not closed"),
    "no front matter": ("Just text.\n", 1, None, "no front matter"),
    "front matter is a list": ("---\n- title\n---\n", 1, None, "got list"),
    "missing title": ("---\ndate: 2024-01-01\nsummary: s\n---\n", 1, "title", "required key is missing"),
    "empty title": ("---\ntitle:\ndate: 2024-01-01\n---\n", 2, "title", "no value"),
    "missing date": ("---\ntitle: t\n---\n", 1, "date", "required key is missing"),
    "wrong type": ("---\ntitle: t\ndate: 2024-01-01\nactors: 5\n---\n", 4, "actors", "valid list, got int 5"),
    "bad date": ("---\ntitle: t\ndate: 6 May 2024\n---\n", 3, "date", "ISO date"),
    "impossible date": ("---\ntitle: t\ndate: 2023-02-29\n---\n", 3, "date", "day value is outside"),
    "number as date": ("---\ntitle: t\ndate: 1714953600\n---\n", 3, "date", "ISO date"),
    "unknown topic": ("---\ntitle: t\ndate: 2024-01-01\ntopics:\n- politics\n- politic\n---\n", 6, "topics.1", "did you mean 'politics'"),
    "unknown actor kind": ("---\ntitle: t\ndate: 2024-01-01\nactors:\n- name: A\n  kind: person\n- name: B\n  role: x\n  kind: robot\n---\n", 9, "actors.1.kind", "'person', 'organization', 'place' or 'group', got 'robot'"),
    "actor kind missing": ("---\ntitle: t\ndate: 2024-01-01\nactors:\n- name: A\n---\n", 5, "actors.0.kind", "required here: name, kind"),
    "actor as a string": ("---\ntitle: t\ndate: 2024-01-01\nactors:\n- Ada Osei\n---\n", 5, "actors.0", "mapping"),
    "unknown key in an actor": ("---\ntitle: t\ndate: 2024-01-01\nactors:\n- name: A\n  kind: person\n  nick: x\n---\n", 7, "actors.0.nick", "allowed here"),
    "duplicate actor": ("---\ntitle: t\ndate: 2024-01-01\nactors:\n- {name: Ada Osei, kind: person}\n- {name: ada  osei, kind: person}\n---\n", 6, "actors.1", "listed twice"),
    "timeline date": ("---\ntitle: t\ndate: 2024-01-01\ntimeline:\n- date: next week\n  text: x\n---\n", 5, "timeline.0.date", "next week"),
    "impossible timeline date": ("---\ntitle: t\ndate: 2024-01-01\ntimeline:\n- text: x\n  date: 2019-02-30\n---\n", 6, "timeline.0.date", "real dates"),
    "backwards range": ("---\ntitle: t\ndate: 2024-01-01\ntimeline:\n- {date: 2020/2019, text: x}\n---\n", 5, "timeline.0.date", "backwards"),
    "key given twice": ("---\ntitle: a\ndate: 2024-01-01\ntitle: b\n---\n", 4, "title", "given twice (first on line 2)"),
    "misspelt key": ("---\ntitle: t\ndate: 2024-01-01\nactor:\n- {name: A, kind: person}\n---\n", 4, "actor", "did you mean 'actors'"),
    "body key": ("---\ntitle: t\ndate: 2024-01-01\nbody: text\n---\n", 4, "body", "not a front-matter key"),
    "broken link": ("---\ntitle: t\ndate: 2024-01-01\n---\n\nSee [the other](nowhere.md).\n", 6, "body", "no such briefing"),
}


@pytest.mark.parametrize("text, line, key, message", CASES.values(), ids=CASES.keys())
def test_each_kind_of_problem_is_located(tmp_path, text, line, key, message):
    path = write(tmp_path, "bad.md", text)
    valid, problems = check(tmp_path)
    assert valid == []
    assert len(problems) == 1, problems
    found = problems[0]
    assert (found.path, found.line, found.key) == (str(path), line, key)
    assert message in found.message
    shown = str(found)
    assert shown == f"{path}:{line}: {key}: {found.message}" if key else shown == f"{path}:{line}: {found.message}"


def test_every_problem_of_a_file_in_one_run(tmp_path):
    text = (
        "---\n"
        "title: Many problems\n"  # 2
        "date: 2024-13-01\n"  # 3
        "actors:\n"  # 4
        "- {name: A, kind: robot}\n"  # 5
        "- {name: B, kind: person}\n"  # 6
        "- {name: b, kind: person}\n"  # 7
        "topics: [politics, nope]\n"  # 8
        "timeline:\n"  # 9
        "- {date: soon, text: x}\n"  # 10
        "tag: [x]\n"  # 11
        "---\n"
        "\n"
        "A [link](gone.md).\n"  # 14
    )
    write(tmp_path, "many.md", text)
    _, problems = check(tmp_path)
    assert [(p.line, p.key) for p in problems] == [
        (3, "date"), (5, "actors.0.kind"), (7, "actors.2"), (8, "topics.1"), (10, "timeline.0.date"), (11, "tag"), (14, "body"),
    ]


def test_problems_of_several_files_and_valid_ones(tmp_path):
    write(tmp_path, "a-good.md", "---\ntitle: Good\ndate: 2024-01-01\n---\n")
    write(tmp_path, "b-bad.md", "---\ntitle: Bad\ndate: 2024-01-01\ntopics: [nope]\n---\n")
    write(tmp_path, "c-worse.md", "---\ndate: 2024-01-01\n---\n")
    valid, problems = check(tmp_path)
    assert [p.name for p, _ in valid] == ["a-good.md"]
    assert [(Path(p.path).name, p.key) for p in problems] == [("b-bad.md", "topics.0"), ("c-worse.md", "title")]


def test_flow_and_block_lists_give_the_item_line(tmp_path):
    text = "---\ntitle: t\ndate: 2024-01-01\ntopics:\n  - politics\n  - bogus\nactors: [{name: A, kind: person},\n  {name: B, kind: thing}]\n---\n"
    write(tmp_path, "b.md", text)
    _, problems = check(tmp_path)
    assert {p.key: p.line for p in problems} == {"topics.1": 6, "actors.1.kind": 8}


def test_line_counts_blank_lines_before_the_front_matter(tmp_path):
    write(tmp_path, "b.md", "\n\n---\ntitle: t\ndate: 2024-01-01\nactors: 5\n---\n")
    _, problems = check(tmp_path)
    assert [(p.line, p.key) for p in problems] == [(6, "actors")]


def test_missing_top_level_key_points_at_the_opening_line(tmp_path):
    write(tmp_path, "b.md", "\n---\ndate: 2024-01-01\n---\n")
    _, problems = check(tmp_path)
    assert [(p.line, p.key) for p in problems] == [(2, "title")]


def test_extra_keys_of_your_own_are_fine(tmp_path):
    write(tmp_path, "b.md", "---\ntitle: t\ndate: 2024-01-01\neditor: Mara\nreviewed: true\nnotes: [a]\n---\n")
    valid, problems = check(tmp_path)
    assert problems == [] and len(valid) == 1
    assert valid[0][1].model_extra == {"editor": "Mara", "reviewed": True, "notes": ["a"]}


def test_topics_of_a_project_taxonomy(tmp_path):
    (tmp_path / "topics.yml").write_text("topics:\n  - id: harbour\n    label: Harbour\n", "utf-8")
    folder = tmp_path / "briefings"
    folder.mkdir()
    write(folder, "a.md", "---\ntitle: t\ndate: 2024-01-01\ntopics: [harbour, politics]\n---\n")
    _, problems = load_briefings([folder], load_taxonomy(tmp_path))
    assert [(p.key, "politics" in p.message) for p in problems] == [("topics.1", True)]


# --- duplicate slugs ---------------------------------------------------------------------------


@pytest.mark.parametrize("names", [["Harbour Reopens.md", "harbour-reopens.md"], ["index.md", "index-briefing.md"], ["Café.md", "cafe.md"]])
def test_two_files_with_one_page_slug(tmp_path, names):
    for name in names:
        write(tmp_path, name, "---\ntitle: t\ndate: 2024-01-01\n---\n")
    valid, problems = check(tmp_path)
    assert len(problems) == 1
    assert problems[0].line == 1
    assert "would both be the page" in problems[0].message
    assert {Path(problems[0].path).name, *re.findall(r"and (.+?) would", problems[0].message)} == set(names)
    assert len(valid) == 1


def test_page_slug_is_the_one_the_site_uses():
    from briefkit.site.index import _page_slug
    from briefkit.store import page_slug

    for name in ["a.md", "Index.md", "index.md", "2024.md", "1999 .md", "Zoë Ångström.md", "x--y.md", "---.md", "a_b.md"]:
        assert page_slug(Path(name)) == _page_slug(Path(name))


# --- links between briefings ------------------------------------------------------------------


@pytest.mark.parametrize(
    "target, slug",
    [
        ("other.md", "other"),
        ("../briefings/other.md", "other"),
        ("./other.md#a-heading", "other"),
        ("other.md?x=1", "other"),
        ("Other%20Story.md", "Other Story"),
        ("index.md", "index"),
        ("../actors/ada-osei.md", None),
        ("../guide/writing.md", None),
        ("https://example.org/other.md", None),
        ("mailto:a@b.c", None),
        ("/briefings/other.md", None),
        ("#heading", None),
        ("other/", None),
        ("image.png", None),
    ],
)
def test_briefing_link(target, slug):
    assert briefing_link(target) == slug


def test_body_links_skip_code_and_comments():
    body = "\n".join([
        "A [link](one.md) and [another](two.md 'title').",  # 10
        "`[code](no.md)` and ``[more](no.md)``",  # 11
        "```",  # 12
        "[fenced](no.md)",  # 13
        "```",  # 14
        "    [indented](no.md)",  # 15
        "<!-- [commented](no.md)",  # 16
        "still comment [x](no.md) -->",  # 17
        "[ref]: three.md",  # 18
        "![an image](four.md)",  # 19
    ])
    assert list(body_links(body, 10)) == [(10, "one.md"), (10, "two.md"), (18, "three.md"), (19, "four.md")]


def test_broken_and_good_links(tmp_path):
    write(tmp_path, "dockers-walk-out.md", "---\ntitle: Walk out\ndate: 2024-01-01\n---\n")
    write(tmp_path, "Port Deal.md", "---\ntitle: Deal\ndate: 2024-01-02\n---\n")
    body = (
        "[ok](dockers-walk-out.md) [ok](../briefings/dockers-walk-out.md#x) [list](index.md) [ok](port-deal.md)\n"
        "[file name, not page](Port%20Deal.md)\n"
        "[typo](dockers-walkout.md)\n"
        "[actor](../actors/someone.md) [web](https://example.org/x.md)\n"
    )
    write(tmp_path, "strike-ends.md", f"---\ntitle: Strike ends\ndate: 2024-01-03\n---\n\n{body}")
    _, problems = check(tmp_path)
    assert [(Path(p.path).name, p.line, p.key) for p in problems] == [("strike-ends.md", 7, "body"), ("strike-ends.md", 8, "body")]
    assert "page is port-deal.md" in problems[0].message
    assert "did you mean dockers-walk-out.md?" in problems[1].message


def test_links_of_one_checked_file_resolve_against_its_folder(tmp_path):
    write(tmp_path, "other.md", "---\ntitle: Other\ndate: 2024-01-01\n---\n")
    one = write(tmp_path, "one.md", "---\ntitle: One\ndate: 2024-01-01\n---\n\n[x](other.md) [y](missing.md)\n")
    valid, problems = load_briefings([one], TAXONOMY)
    assert [p.message for p in problems] == ["link to 'missing.md': no such briefing"]


# --- the command ------------------------------------------------------------------------------


def good(title: str, day: int) -> str:
    briefing = Briefing(
        title=title,
        date=dt.date(2024, 5, day),
        summary=f"{title}.",
        source=Source(name="Wire"),
        actors=[Actor(name="Ada Osei", kind="person"), Actor(name="Velden", kind="place")],
        topics=["labour"],
        timeline=[TimelineEntry(date="2024-04", text="Ada Osei called a strike.")],
        quotes=[Quote(speaker="Ada Osei", text="We won.")],
        body=f"## Summary\n\n{title}.\n",
    )
    return dump_briefing(briefing)


BAD_FILES = {
    "yaml.md": "---\ntitle: t\ndate: 2024-01-01\nsummary: a: b\n---\n",
    "types.md": "---\ntitle: t\ndate: 2024-01-01\nactors: {name: A}\ntopics: [bogus]\n---\n",
    "Dup.md": "---\ntitle: t\ndate: 2024-01-01\n---\n",
    "dup.md": "---\ntitle: t\ndate: 2024-01-01\n---\n",
}


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_check_command_prints_every_problem_and_exits_1(project):
    folder = project / "briefings"
    write(folder, "good.md", good("Strike ends", 6))
    for name, text in BAD_FILES.items():
        write(folder, name, text)
    result = invoke("check")
    assert result.exit_code == 1
    shown = [PROBLEM.match(line) for line in result.stderr.splitlines()]
    assert all(shown), result.stderr
    assert [(Path(m["path"]).name, m["line"], m["key"]) for m in shown] == [
        ("dup.md", "1", None), ("types.md", "4", "actors"), ("types.md", "5", "topics.0"), ("yaml.md", "4", None),
    ]
    assert "2 briefing(s) valid, 4 problem(s) in 3 file(s)" in result.stdout
    assert "Traceback" not in result.output


def test_build_stops_with_the_same_messages(project):
    folder = project / "briefings"
    write(folder, "good.md", good("Strike ends", 6))
    for name, text in BAD_FILES.items():
        write(folder, name, text)
    checked = invoke("check")
    built = invoke("build", "--strict")
    assert built.exit_code == 1
    assert [line for line in built.stderr.splitlines() if PROBLEM.match(line) and "problem" not in line] == checked.stderr.splitlines()
    assert "4 problems in the briefings" in built.stderr
    assert not (project / "site").exists()


def test_check_clean_project(project):
    write(project / "briefings", "good.md", good("Strike ends", 6))
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


# --- hand-written briefings on the site -------------------------------------------------------


def links(site: Path, page: str) -> set[str]:
    """The site pages a built page links to, as folder paths relative to the site (`briefings/x/`)."""
    html = (site / page).read_text("utf-8")
    folder = posixpath.dirname(page)
    found = set()
    for href in re.findall(r'href="([^"#?]+)', html):
        if "://" not in href and not href.startswith(("/", "mailto:")):
            found.add(posixpath.normpath(posixpath.join(folder, href)) + "/")
    return found


def test_hand_written_briefings_build_and_are_listed_like_generated_ones(project):
    folder = project / "briefings"
    write(folder, "strike-ends.md", good("Strike ends", 6))  # as ingest writes them
    write(folder, "harbour-reopens.md", "---\ntitle: Harbour reopens\ndate: 2024-05-07\n---\n")
    write(folder, "ferry-returns.md", "---\ntitle: Ferry returns\ndate: 2024-05-08\nactors:\n- {name: Ada Osei, kind: person}\n- {name: Velden, kind: place}\ntopics: [labour]\n---\n\nThe ferry is back.\n")
    result = invoke("build", "--strict")
    assert result.exit_code == 0, result.output
    site = project / "site"
    for slug, title in [("strike-ends", "Strike ends"), ("harbour-reopens", "Harbour reopens"), ("ferry-returns", "Ferry returns")]:
        assert title in (site / "briefings" / slug / "index.html").read_text("utf-8")
        assert f"briefings/{slug}/" in links(site, "briefings/index.html"), slug
        assert f"briefings/{slug}/" in links(site, "index.html"), slug
    for page in ("actors/ada-osei/index.html", "actors/velden/index.html", "topics/labour/index.html"):
        assert {"briefings/ferry-returns/", "briefings/strike-ends/"} <= links(site, page), page
    assert "briefings/harbour-reopens/" not in links(site, "topics/labour/index.html")


def test_build_generates_the_front_matter_reference(project):
    write(project / "briefings", "harbour-reopens.md", "---\ntitle: Harbour reopens\ndate: 2024-05-07\n---\n")
    result = invoke("build", "--strict")
    assert result.exit_code == 0, result.output
    page = (project / "site" / "guide" / "format" / "index.html").read_text("utf-8")
    assert "Front-matter reference" in page and "timeline" in page
    assert (project / "site" / "guide" / "writing" / "index.html").is_file()


def test_a_memo_rereads_only_the_files_that_changed(tmp_path, monkeypatch):
    import os

    from briefkit import check as check_module
    from briefkit.check import load_briefings
    from briefkit.taxonomy import load_taxonomy

    folder = tmp_path / "briefings"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.md").write_text(f"---\ntitle: {name.upper()}\ndate: 2024-01-0{ord(name) - 96}\n---\n\nText.\n", "utf-8")
    memo: dict = {}
    first, _ = load_briefings([folder], load_taxonomy(), memo)
    read = []
    real = check_module.read_file
    monkeypatch.setattr(check_module, "read_file", lambda path: read.append(path.name) or real(path))
    (folder / "b.md").write_text("---\ntitle: B edited\ndate: 2024-01-02\n---\n\nText.\n", "utf-8")
    os.utime(folder / "b.md", ns=(1, 1))  # a new mtime, whatever the clock's resolution
    second, problems = load_briefings([folder], load_taxonomy(), memo)
    assert read == ["b.md"] and not problems
    assert sorted(b.title for _, b in second) == ["A", "B edited", "C"]


def test_several_processes_read_a_folder_as_one_does(tmp_path, monkeypatch):
    from briefkit import check as check_module

    write(tmp_path, "a-good.md", "---\ntitle: Good\ndate: 2024-01-01\n---\n\nSee [the other](c-also-good.md).\n")
    write(tmp_path, "b-bad.md", "---\ntitle: Bad\ndate: 2024-01-01\ntopics: [nope]\n---\n\nSee [gone](nowhere.md).\n")
    write(tmp_path, "c-also-good.md", "---\ntitle: Also good\ndate: 2024-01-02\n---\n")
    write(tmp_path, "C Also Good.md", "---\ntitle: Same page\ndate: 2024-01-03\n---\n")  # one slug, two files
    one = check(tmp_path)
    monkeypatch.setattr(check_module, "MIN_PARALLEL_READ", 1)
    several = load_briefings([tmp_path], load_taxonomy(), jobs=3)
    assert [(p, b.title) for p, b in several[0]] == [(p, b.title) for p, b in one[0]] and len(one[0]) == 2
    assert [str(p) for p in several[1]] == [str(p) for p in one[1]] and len(one[1]) == 3
