"""Hostile and broken inputs, end to end: a folder of them (written here, under `tests/data/bad/` of
a temporary project) is ingested together with good articles, then the site is built.

Asserted: every good article has its briefing; every bad file or item has its one failure line with
its reason; duplicates are skipped; no file is written outside `briefings/`, `site/` and the
generated folders of `docs/`; and no page of `site/`, parsed as HTML, holds a script, an event
handler, a `javascript:` URL or a frame from an article. Every payload carries the marker `pwn`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from briefkit.cli import app
from briefkit.site.generate import GENERATED_FOLDERS
from briefkit.store import read_briefing

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()

P1 = "The harbour at Portmere was closed on Monday after a storm damaged the outer wall, the harbour authority said."
P2 = "Harbour master Ellen Quayle said repairs would take at least a week and the fishing fleet would stay in port."
P3 = "The wall was last rebuilt in 1987, when a similar storm closed the harbour for a month."


def story(n: int) -> str:
    """A distinct, ordinary article body (so that no two good articles are duplicates)."""
    towns = ["Portmere", "Lindvik", "Carrow", "Velden", "Haldor", "Inchmara", "Oban", "Brent", "Tallis", "Quay"]
    town = towns[n % len(towns)]
    return (f"Officials in {town} said on Tuesday that case {n} of the council's review had been settled after "
            f"{n + 3} weeks of talks. The mayor of {town} said residents would see the result by spring. "
            f"Opposition councillors in {town} called the deal number {n * 7} a missed chance and promised to "
            f"raise it again at the next meeting of the {town} council.")


@dataclass
class Case:
    name: str  # under tests/data/bad/ (or, for `explicit`, the argument given)
    expect: str  # "written", "skipped", or the start of the failure reason
    item: str = ""  # "#2" or ":3" for one article of a many-article file
    explicit: bool = False  # named on the command line, not found by the walk

    @property
    def shown(self) -> str:
        return (self.name if self.explicit else f"tests/data/bad/{self.name}") + self.item


def md(front: str, body: str) -> str:
    return f"---\n{front}\n---\n\n{body}\n"


def write_inputs(bad: Path, outside: Path) -> list[Case]:
    """Write every input; return what each should give."""
    cases: list[Case] = []

    def add(name: str, content: str | bytes, expect: str, item: str = "") -> None:
        path = bad / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        cases.append(Case(name, expect, item))

    # --- broken files: each fails with its reason
    add("empty.txt", b"", "empty")
    add("whitespace-only.txt", b"  \n\n\t \r\n   ", "empty")
    add("binary.txt", bytes(range(256)) * 64, "not text (binary data)")
    add("png-named-txt.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(2048), "not text (binary data)")
    add("title-only.txt", "A headline and nothing else\n", "no body (only a title)")
    add("title-5000-chars.txt", ("Long " * 1000).strip() + "!\n\n" + story(1), "title too long (5,000 characters")
    add("unclosed-front-matter.md", "---\ntitle: Never closed\n\n" + story(2), "front matter, line 1: the front matter is not closed")
    add("yaml-bomb.md", md("a: &a ['pwn','pwn','pwn','pwn','pwn','pwn','pwn','pwn','pwn']\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                           "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: *d", story(3)),
        "front matter, line 2: YAML anchors and aliases are not allowed")
    add("python-object.md", md("title: !!python/object/apply:os.system ['echo pwn > /tmp/pwn']", story(4)), "front matter, line 2: could not determine a constructor")
    add("python-name.md", md("title: Pier\nsource: !!python/name:os.system", story(5)), "front matter, line 3: could not determine a constructor")
    add("deep-front-matter.md", md("title: Pier\nx: " + "[" * 200 + "]" * 200, story(6)), "front matter, line 3: nested deeper than")
    add("duplicate-key.md", md("title: One\ntitle: Two", story(7)), "front matter, line 3: key 'title' is given twice")
    add("front-matter-list.md", md("- pwn\n- pwn", story(8)), "front matter, line 2: expected keys and values")
    add("broken.json", '{"title": "Pier", "body": "unterminated', "not valid JSON (Unterminated string")
    add("deep.json", "[" * 50_000 + "]" * 50_000, "not valid JSON (nested too deeply)")
    add("empty-list.json", "[]", "no articles (an empty list)")
    add("not-a-feed.xml", "<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg' onload=\"alert('pwn')\"/>", "not an RSS or Atom feed")
    add("empty-feed.rss", "<rss version='2.0'><channel><title>Nothing</title></channel></rss>", "no articles (the feed has no items)")
    add("utf16-broken.txt", b"\xff\xfe" + "Pier plan\n\n".encode("utf-16-le") + b"\x00\xdc", "undecodable (looks like UTF-16")
    add("unsupported-name.pdf", b"%PDF-1.7 pwn", "unsupported format '.pdf'")
    (bad / "unsupported-name.pdf").rename(outside / "unsupported-name.pdf")
    cases[-1] = Case(str(outside / "unsupported-name.pdf"), cases[-1].expect, explicit=True)
    cases.append(Case(str(outside / "too-big.txt"), "over the size limit (20,971,",
                      explicit=True))
    with open(outside / "too-big.txt", "wb") as handle:  # 20 MB, written here rather than kept in the repository
        handle.write(b"Twenty megabytes\n\n" + b"word " * (20 * 1024 * 1024 // 5))
    if Path("/proc/self/mem").is_file():  # Linux: a regular file that even root cannot read from the start
        os.symlink("/proc/self/mem", bad / "unreadable.txt")
        cases.append(Case("unreadable.txt", "unreadable (Input/output error)"))
    (outside / "no-permission.txt").write_text(f"Harbour notice\n\n{P1}\n", "utf-8")
    os.chmod(outside / "no-permission.txt", 0)
    if os.geteuid() != 0:  # root reads it anyway
        cases.append(Case(str(outside / "no-permission.txt"), "unreadable (Permission denied)", explicit=True))
    os.mkfifo(outside / "pipe.txt")
    cases.append(Case(str(outside / "pipe.txt"), "unreadable (not a regular file)", explicit=True))
    os.symlink("self-loop.txt", outside / "self-loop.txt")
    cases.append(Case(str(outside / "self-loop.txt"), "unreadable (a broken symlink, or a symlink loop)", explicit=True))
    (bad / "loop").mkdir()
    os.symlink("..", bad / "loop" / "back-up")  # a folder that contains itself: the walk must not follow it
    os.symlink("self-loop.txt", bad / "loop" / "self-loop.txt")  # silently not an article file in a walk

    # --- items of many-article files fail alone
    add("api.json", json.dumps([{"title": "Velden library reopens", "body": story(10)}, {"body": story(11)},
                                {"title": ["pwn"], "body": story(12)}]), "written", "#1")
    cases += [Case("api.json", "no title", "#2"), Case("api.json", "title is not text", "#3")]
    add("lines.jsonl", "\n".join([json.dumps({"title": "Haldor market roof", "text": story(13)}), "{broken pwn",
                                  json.dumps({"title": "", "text": story(14)})]), "written", ":1")
    cases += [Case("lines.jsonl", "not valid JSON", ":2"), Case("lines.jsonl", "no title", ":3")]
    bomb = ("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'pwnpwnpwnpwnpwnpwnpwnpwnpwnpwn'>"
            + "".join(f"<!ENTITY {c} '{('&' + p + ';') * 10}'>" for p, c in zip("abcdefg", "bcdefgh"))
            + "]><rss version='2.0'><channel><title>Bomb</title><item><title>Carrow bridge &h;</title><description>&h;</description></item>"
            + f"<item><title>Carrow bridge opens</title><description>{story(15)}</description></item></channel></rss>")
    add("entity-bomb.xml", bomb, "not valid XML (Maximum entity amplification factor exceeded")
    add("unescaped-ampersand.rss", f"<rss version='2.0'><channel><title>A & B</title><item><title>Tallis road works</title>"
        f"<description>{story(16)}</description></item></channel>", "written", "#1")

    # --- hostile content that is still an article: a briefing, with every payload inert
    add("script-in-title.txt", f"<script>alert('pwn')</script> Storm closes <b onmouseover=alert('pwn')>Portmere</b>\n\n{P1}\n\n{P2}\n", "written")
    add("script-in-body.txt", f"Harbour wall repairs begin\n\n{story(20)}\n\n<script>alert('pwn')</script>\n\n"
        f"<img src=x onerror=\"alert('pwn')\"> and <iframe src=\"https://pwn.example/\"></iframe> inline.\n", "written")
    add("markdown-injection.txt", f"Council vote on the pier\n\n{story(21)}\n\n[click me](javascript:alert('pwn'))\n\n"
        "![pic](javascript:alert('pwn'))\n\n<a href=\"javascript:alert('pwn')\">a link</a>\n\n"
        "!!! danger \"pwn\"\n    admonition body\n\nText with an attribute list {: onclick=\"alert('pwn')\" }\n\n"
        "<div markdown onclick=\"alert('pwn')\">raw block pwn</div>\n\n--8<-- \"home.md\"\n\n"
        "<!-- hidden pwn -->\n\n# Heading pwn\n\n=====\n\n| a | b |\n|---|---|\n| pwn | x |\n", "written")
    add("payload-in-lead.txt", f"Lead sentence payload\n\nThe mayor said \"><img src=x onerror=alert('pwn')> was a typo on Monday, "
        f"officials in Portmere said.\n\n{story(38)}\n", "written")  # the lead becomes the summary
    add("traversal-title.txt", f"../../../../etc/passwd\n\n{story(22)}\n", "written")
    add("windows-traversal.txt", f"..\\..\\Windows\\System32 pwn\n\n{story(23)}\n", "written")
    add("index-title.txt", f"Index\n\n{story(24)}\n", "written")
    add("punctuation-title.txt", f"!!! ??? ...\n\n{story(25)}\n", "written")
    add("bidi-title.txt", f"Harbour \u202eevil\u202c news \u200bpwn\n\n{story(26)}\n", "written")
    add("yaml-in-title.txt", f"title: pwn\n\n{story(27)}\n", "written")
    add("front-matter-lookalike.txt", f"--- !!python/object:os.system pwn\n\n{story(28)}\n", "written")
    add("utf16-no-bom.txt", f"Oban ferry returns \u2014 at last\n\n{story(29)}\n".encode("utf-16-le"), "written")
    add("utf16-bom.txt", f"Inchmara ferry timetable\n\n{story(30)}\n".encode("utf-16"), "written")
    add("truncated-utf8.txt", f"Caf\u00e9 owners welcome plan\n\n{story(31)} \u20ac".encode("utf-8")[:-1], "written")
    add("cp1252.txt", f"Caf\u00e9 \u201cwelcome\u201d \u00a35m plan\n\n{story(32)}\n".encode("cp1252"), "written")
    add("hostile.md", md("title: \"<img src=x onerror=alert('pwn')> Tallis pier plan\"\nurl: \"javascript:alert('pwn')\"\n"
                         "source: {name: \"<script>alert('pwn')</script>\", url: \"javascript:alert('pwn')\"}\nauthor: \"<svg onload=alert('pwn')>\"",
                         f"{story(33)}\n\n<script>alert('pwn')</script>\n\n[x](javascript:alert('pwn'))"), "written")
    add("hostile-page.html", f"""<!DOCTYPE html><html><head><title>Brent station reopens</title>
<link rel="canonical" href="javascript:alert('pwn')"><script>alert('pwn')</script></head>
<body onload="alert('pwn')"><article><h1>Brent station reopens</h1><p>{story(34)}</p>
<p><img src=x onerror="alert('pwn')"><a href="javascript:alert('pwn')">link</a></p><iframe src="https://pwn.example/"></iframe>
<object data="pwn.swf"></object><style>body{{background:url(javascript:alert('pwn'))}}</style><p>{P3}</p></article></body></html>""", "written")
    add("hostile-api.json", json.dumps({"title": "<script>alert('pwn')</script>Quay works start", "url": "javascript:alert('pwn')",
                                        "source": {"name": "<img src=x onerror=alert('pwn')>"},
                                        "body": f"<p>{story(35)}</p><script>alert('pwn')</script><p onclick=\"alert('pwn')\">{P2}</p>"}), "written")
    add("hostile-feed.rss", f"""<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed &lt;script&gt;pwn</title>
<item><title>Velden tram line approved</title><link>javascript:alert('pwn')</link>
<content:encoded><![CDATA[<p>{story(36)}</p><img src=x onerror="alert('pwn')"><iframe src="https://pwn.example/"></iframe>]]></content:encoded></item>
</channel></rss>""", "written", "#1")
    add("long-word.txt", f"Lindvik record crowd\n\n{story(37)} {'x' * 100_000}\n", "written")
    same = f"Carrow hospital wing opens\n\n{story(40)}\n"
    add("dup-1-original.txt", same, "written")  # the walk is in name order: this one comes first
    add("dup-2-exact-copy.txt", same, "skipped")
    add("dup-3-near-copy.md", md("title: Carrow hospital wing opens", story(40).replace("Tuesday", "Wednesday") + " Advertisement"), "skipped")
    add("same-title-other-story.txt", f"Carrow hospital wing opens\n\n{story(41)}\n", "written")
    return cases


def snapshot(root: Path) -> dict[str, str]:
    """Every file and link under `root` (links not followed), with a digest of its content."""
    found = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if os.path.islink(path) or not os.path.isfile(path) or info.st_size > 1_000_000:
                found[os.path.relpath(path, root)] = f"{info.st_size}:{info.st_mtime_ns}"
            else:
                found[os.path.relpath(path, root)] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return found


@dataclass
class Run:
    root: Path
    project: Path
    cases: list[Case]
    ingest: object
    build: object
    before: dict[str, str]
    after_ingest: dict[str, str]
    after_build: dict[str, str]


@pytest.fixture(scope="module")
def run(tmp_path_factory, nlp) -> Run:
    root = tmp_path_factory.mktemp("hostile")
    project = root / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS))
    outside = root / "outside"
    outside.mkdir()
    bad = project / "tests" / "data" / "bad"
    bad.mkdir(parents=True)
    cases = write_inputs(bad, outside)
    for n in range(3):  # good articles, one per format family
        (bad / f"good-{n}.txt").write_text(f"Good article number {n} about the harbour\n\nPublished 4 March 2024\n\n{story(50 + n)}\n", "utf-8")
        cases.append(Case(f"good-{n}.txt", "written"))
    before = snapshot(root)
    explicit = [c.name for c in cases if c.explicit]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        ingested = runner.invoke(app, ["ingest", "tests/data/bad", *explicit, "--date", "2024-03-04"])
        after_ingest = snapshot(root)
        built = runner.invoke(app, ["build"])
        after_build = snapshot(root)
    return Run(root, project, cases, ingested, built, before, after_ingest, after_build)


def test_there_are_at_least_40_hostile_inputs(run):
    hostile = [c for c in run.cases if not c.name.startswith("good-")]
    assert len(hostile) >= 40


def test_ingest_exits_1_and_reports_counts(run):
    assert run.ingest.exit_code == 1, run.ingest.output
    assert "Traceback" not in run.ingest.output
    counts = run.ingest.stdout.strip().splitlines()[-1]
    expected = {status: sum(c.expect == status for c in run.cases) for status in ("written", "skipped")}
    failed = sum(c.expect not in ("written", "skipped") for c in run.cases)
    assert counts == f"{expected['written']} written, 0 updated, 0 unchanged, 0 kept, {expected['skipped']} skipped, {failed} failed"


def test_every_bad_input_has_its_one_line_reason(run):
    lines = run.ingest.stderr.splitlines()
    failures = [line for line in lines if line.startswith("failed ")]
    for case in run.cases:
        if case.expect in ("written", "skipped"):
            assert not any(line.startswith(f"failed {case.shown}: ") for line in failures), case
            continue
        mine = [line for line in failures if line.startswith(f"failed {case.shown}: ")]
        assert len(mine) == 1, (case, mine)
        assert mine[0].removeprefix(f"failed {case.shown}: ").startswith(case.expect), (case, mine[0])
    assert len(failures) == sum(c.expect not in ("written", "skipped") for c in run.cases)


def test_every_good_article_has_its_briefing(run):
    briefings = {read_briefing(p).source.file: p for p in (run.project / "briefings").glob("*.md")}
    for case in run.cases:
        if case.expect == "written":
            assert case.shown in briefings, case
        else:
            assert case.shown not in briefings, case
    assert len(briefings) == sum(c.expect == "written" for c in run.cases)


def test_duplicates_say_what_was_kept(run):
    skipped = {line.split(":", 1)[0].removeprefix("skipped "): line for line in run.ingest.stdout.splitlines() if line.startswith("skipped ")}
    original = "tests/data/bad/dup-1-original.txt"
    assert skipped["tests/data/bad/dup-2-exact-copy.txt"].endswith(f"duplicate of {original} (the same text), which was kept")
    assert f"near-duplicate of {original} (similarity 0." in skipped["tests/data/bad/dup-3-near-copy.md"]
    assert len(skipped) == 2


def test_slugs_are_safe_and_unique(run):
    names = sorted(p.name for p in (run.project / "briefings").iterdir())
    assert all(p.endswith(".md") and set(p[:-3]) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") and len(p) <= 84 for p in names)
    assert "index.md" not in names
    assert "carrow-hospital-wing-opens.md" in names and "carrow-hospital-wing-opens-2.md" in names


def test_hostile_text_is_kept_as_data(run):
    briefings = {read_briefing(p).source.file: read_briefing(p) for p in (run.project / "briefings").glob("*.md")}
    script = briefings["tests/data/bad/script-in-title.txt"]
    assert script.title == "<script>alert('pwn')</script> Storm closes <b onmouseover=alert('pwn')>Portmere</b>"
    assert briefings["tests/data/bad/traversal-title.txt"].title == "../../../../etc/passwd"
    assert "\u202e" not in briefings["tests/data/bad/bidi-title.txt"].title
    assert briefings["tests/data/bad/utf16-no-bom.txt"].title == "Oban ferry returns \u2014 at last"
    assert briefings["tests/data/bad/cp1252.txt"].title == "Caf\u00e9 \u201cwelcome\u201d \u00a35m plan"
    for name in ("hostile.md", "hostile-page.html", "hostile-api.json", "hostile-feed.rss#1"):
        briefing = briefings[f"tests/data/bad/{name}"]
        assert briefing.source is None or briefing.source.url is None or briefing.source.url.startswith("https://"), name
        assert "javascript" not in (briefing.source.url or "")


def test_nothing_is_written_outside_briefings_and_site(run):
    def changed(before, after):
        return {path for path in after.keys() | before.keys() if before.get(path) != after.get(path)}

    by_ingest = changed(run.before, run.after_ingest)
    # ingest writes briefings, and its cache of briefed articles
    allowed = ("project/briefings/", "project/.briefkit/cache.sqlite")
    assert by_ingest and all(path.startswith(allowed) for path in by_ingest), sorted(by_ingest)[:10]
    by_build = changed(run.after_ingest, run.after_build)
    # the build writes site/, the Markdown it generates into docs/ (its folders, and reference pages),
    # and what Pagefind reads of the pages into .briefkit/ (kept for the next build)
    allowed = ("project/site/", "project/docs/", "project/.briefkit/pagefind-views/")
    assert by_build and all(path.startswith(allowed) for path in by_build), sorted(p for p in by_build if not p.startswith(allowed))[:10]
    generated = {path.split("/")[2] for path in by_build if path.startswith("project/docs/")}
    assert {"briefings", "actors"} <= generated
    assert not Path("/tmp/pwn").exists()


def test_the_site_builds(run):
    assert run.build.exit_code == 0, run.build.output
    assert (run.project / "site" / "index.html").is_file()


def _page_problems(page: Path) -> list[str]:
    """Scripts, handlers, `javascript:` URLs and frames that came from an article (the marker `pwn`)."""
    problems = []
    tree = lxml_html.parse(str(page))
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("iframe", "object", "embed", "frame", "frameset"):
            problems.append(f"<{element.tag}>")
        if element.tag == "script" and "pwn" in (element.text or "") + (element.get("src") or ""):
            problems.append(f"<script>{(element.text or '')[:60]}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"<{element.tag} {name}={value[:40]!r}>")
            squeezed = "".join(ch for ch in value if ch > " ").lower()
            if squeezed.startswith(("javascript:", "vbscript:", "data:text/html")):
                problems.append(f"<{element.tag} {name}={value[:40]!r}>")
    return problems


def _problems(run: Run) -> dict[str, list[str]]:
    site = run.project / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    return {str(page.relative_to(site)): found for page in pages if (found := _page_problems(page))}


def test_no_page_runs_anything_from_an_article(run):
    """Titles, summaries and tags reach generated pages' front matter, which Material's templates
    print unescaped (in <title>, <meta name="description">, the header, the Tags page): the
    generator escapes them (site/markdown.py), and no page of the site runs a payload."""
    assert _problems(run) == {}


def test_payloads_show_as_text(run):
    page = next((run.project / "site" / "briefings").glob("*storm-closes*/index.html"))
    tree = lxml_html.parse(str(page))
    text = tree.getroot().text_content()
    assert "<script>alert('pwn')</script>" in text  # shown to the reader, not run
    injection = next((run.project / "site" / "briefings").glob("council-vote-on-the-pier*/index.html"))
    text = lxml_html.parse(str(injection)).getroot().text_content()
    assert "[click me](javascript:alert('pwn'))" in text
    assert '--8<-- "home.md"' in text  # a snippet include stays text
    assert "!!! danger" in text
