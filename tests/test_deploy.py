"""`briefkit deploy` against a real git remote: a bare repository in a temporary folder, published
to with MkDocs' gh-deploy, then cloned to see what the gh-pages branch holds."""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import mkdocs
import pytest
from typer.testing import CliRunner

from briefkit.check import load_briefings
from briefkit.cli import app
from briefkit.model import Actor, Briefing, Quote, Source, TimelineEntry
from briefkit.site.index import SiteIndex
from briefkit.store import dump_briefing
from briefkit.taxonomy import load_taxonomy

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def deploy(*args: str):
    return runner.invoke(app, ["deploy", *args])


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def isolate_git(home: Path, patch: pytest.MonkeyPatch) -> None:
    """A git that reads none of this machine's configuration, with an identity to commit under."""
    config = home / "gitconfig"
    config.write_text("[user]\n\tname = Test Deployer\n\temail = deployer@example.org\n[init]\n\tdefaultBranch = main\n", "utf-8")
    patch.setenv("GIT_CONFIG_GLOBAL", str(config))
    patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    patch.setenv("GIT_CEILING_DIRECTORIES", str(home))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        patch.delenv(name, raising=False)


def briefing(title: str, day: int, actors: list[tuple[str, str]], topics: list[str]) -> Briefing:
    written = Briefing(
        title=title,
        date=dt.date(2024, 3, day),
        summary=f"{title}, in one sentence.",
        source=Source(name="Harbour Gazette", file=f"articles/{day}.txt"),
        actors=[Actor(name=name, kind=kind) for name, kind in actors],
        topics=topics,
        tags=[name for name, _ in actors[:1]],
        timeline=[TimelineEntry(date=f"2024-02-{day:02d}", text=f"{actors[0][0]} made the first move.")],
        quotes=[Quote(speaker=actors[0][0], text="We will see it through.")],
    )
    written.body = f"## Summary\n\n{title}, in one sentence.\n"
    return written


# every actor in both briefings: a page each, whatever the site's min_actor_briefings (1 or 2)
ACTORS = [("Ada Quist", "person"), ("Lindholm Council", "organization"), ("Lindholm", "place")]
BRIEFINGS = {
    "harbour-toll-vote.md": briefing("Harbour toll passes the council vote", 4, ACTORS, ["politics"]),
    "ferry-strike-ends.md": briefing("Ferry strike ends after two weeks", 9, ACTORS[::-1], ["labour"]),
}


def write_briefings(root: Path, briefings: dict[str, Briefing]) -> None:
    for name, written in briefings.items():
        (root / "briefings" / name).write_text(dump_briefing(written), "utf-8")


def init_repository(root: Path, remote: Path) -> None:
    """The project committed on main, with `remote` (a bare repository) as origin."""
    git("init", "--quiet", cwd=root)
    git("add", "--all", cwd=root)
    git("commit", "--quiet", "-m", "Briefings", cwd=root)
    git("init", "--quiet", "--bare", str(remote), cwd=root)
    git("remote", "add", "origin", str(remote), cwd=root)


def branches(remote: Path) -> set[str]:
    return set(git("for-each-ref", "--format=%(refname:short)", "refs/heads", cwd=remote).split())


def checkout(remote: Path, branch: str, into: Path) -> Path:
    git("clone", "--quiet", "--branch", branch, "--single-branch", str(remote), str(into), cwd=remote.parent)
    return into


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and ".git" not in p.relative_to(folder).parts}


class FeedLinks(HTMLParser):
    """`<link rel="alternate">` feeds a page declares (RSS, Atom or JSON Feed autodiscovery)."""

    TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"}

    def __init__(self, source: str) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "alternate" in (attrs.get("rel") or "").split() and attrs.get("type") in self.TYPES:
            self.hrefs.append(attrs.get("href") or "")


# --- one deployment, looked at from a clone of the remote --------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    home = tmp_path_factory.mktemp("deploy")
    root = home / "project"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("briefings", "actors", "topics", "timeline", "_snippets"))
    (root / "briefings").mkdir()
    (root / "docs" / "CNAME").write_text("briefs.example.org\n", "utf-8")
    write_briefings(root, BRIEFINGS)
    with pytest.MonkeyPatch.context() as patch:
        isolate_git(home, patch)
        patch.chdir(root)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        init_repository(root, home / "remote.git")
        result = deploy()
        head = git("rev-parse", "--short", "HEAD", cwd=root).strip()
        pages = checkout(home / "remote.git", "gh-pages", home / "pages") if result.exit_code == 0 else None
        message = git("log", "-1", "--format=%s", "gh-pages", cwd=home / "remote.git").strip() if pages else ""
    return SimpleNamespace(root=root, remote=home / "remote.git", pages=pages, result=result, head=head, message=message)


def test_deploy_exits_0_and_names_the_commit(published):
    result = published.result
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "warning" not in result.stderr  # nothing was published before: no version to compare with
    deployed = [line for line in result.stdout.splitlines() if line.startswith("deployed ")]
    assert len(deployed) == 1 and "branch gh-pages of origin" in deployed[0]
    commit = git("rev-parse", "--short", "gh-pages", cwd=published.remote).strip()
    assert f"(commit {commit})" in deployed[0]
    assert branches(published.remote) == {"gh-pages"}  # main itself is not pushed


def test_the_commit_message_is_mkdocs_default(published):
    assert published.message == f"Deployed {published.head} with MkDocs version: {mkdocs.__version__}"


def test_the_branch_holds_the_built_site_and_nojekyll(published):
    pages = published.pages
    assert (pages / "index.html").is_file() and (pages / "404.html").is_file()
    assert (pages / ".nojekyll").is_file() and (pages / ".nojekyll").stat().st_size == 0
    assert files_under(pages) == files_under(published.root / "site") | {".nojekyll"}


def test_the_branch_holds_the_search_index(published):
    index = json.loads((published.pages / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    assert {b.title for b in BRIEFINGS.values()} <= titles


def test_the_branch_holds_a_page_per_briefing_and_per_actor(published):
    briefings, problems = load_briefings([published.root / "briefings"], load_taxonomy(published.root))
    assert not problems and len(briefings) == len(BRIEFINGS)
    index = SiteIndex.build(briefings, load_taxonomy(published.root))
    for entry in index.entries:
        page = published.pages / "briefings" / entry.slug / "index.html"
        assert page.is_file(), entry.slug
        assert entry.briefing.title in page.read_text("utf-8")
    assert len(index.actors) == len(ACTORS)
    for slug, actor in index.actors.items():
        page = published.pages / "actors" / slug / "index.html"
        assert page.is_file(), slug
        assert actor.name in page.read_text("utf-8")
    for folder in ("briefings", "actors", "topics", "timeline"):
        assert (published.pages / folder / "index.html").is_file()


def test_the_branch_keeps_the_custom_domain(published):
    assert (published.pages / "CNAME").read_text("utf-8").strip() == "briefs.example.org"


def test_the_branch_holds_the_feeds(published):
    """The feeds every page declares (`<link rel="alternate">`), each holding the briefings."""
    site = published.root / "site"
    declared = set()
    for page in site.rglob("*.html"):
        folder = page.parent.relative_to(site).as_posix()
        if page.name == "404.html":  # links from the server root, wherever it is served
            continue
        for href in FeedLinks(page.read_text("utf-8")).hrefs:
            if not re.match(r"^[a-z]+://", href):
                declared.add(posixpath.normpath(posixpath.join(folder, href.split("#")[0])))
    if not declared:
        pytest.skip("the site declares no feed yet: feeds are issue 5 (site features)")
    for feed in sorted(declared):
        assert (published.pages / feed).is_file(), feed
    home = FeedLinks((published.pages / "index.html").read_text("utf-8")).hrefs
    assert home
    for href in home:
        text = (published.pages / href).read_text("utf-8")
        for written in BRIEFINGS.values():
            assert written.title in text, (href, written.title)


# --- deploying again, and from elsewhere --------------------------------------------------------


@pytest.fixture
def repository(project, tmp_path, monkeypatch):
    """The `project` fixture with two briefings, committed, and a bare repository as origin."""
    isolate_git(tmp_path, monkeypatch)
    write_briefings(project, BRIEFINGS)
    init_repository(project, tmp_path / "remote.git")
    return SimpleNamespace(root=project, remote=tmp_path / "remote.git")


def test_a_second_deploy_adds_a_commit_with_the_given_message(repository, tmp_path):
    assert deploy().exit_code == 0
    path = repository.root / "briefings" / "ferry-strike-ends.md"
    path.write_text(path.read_text("utf-8").replace("Ferry strike ends after two weeks", "Ferry strike ends after sixteen days"), "utf-8")
    git("commit", "--quiet", "-am", "Retitle", cwd=repository.root)
    result = deploy("--message", "Briefings at {sha}")
    assert result.exit_code == 0, result.output
    head = git("rev-parse", "--short", "HEAD", cwd=repository.root).strip()
    assert git("log", "--format=%s", "gh-pages", cwd=repository.remote).splitlines()[0] == f"Briefings at {head}"
    assert len(git("log", "--format=%H", "gh-pages", cwd=repository.remote).splitlines()) == 2
    pages = checkout(repository.remote, "gh-pages", tmp_path / "pages")
    assert "sixteen days" in (pages / "briefings" / "ferry-strike-ends" / "index.html").read_text("utf-8")


def test_deploying_after_another_clone_deployed_is_a_fast_forward(repository, tmp_path, monkeypatch):
    other = tmp_path / "other"
    git("push", "--quiet", "origin", "main", cwd=repository.root)
    git("clone", "--quiet", str(repository.remote), str(other), cwd=tmp_path)
    monkeypatch.chdir(other)
    assert deploy().exit_code == 0  # say, from CI
    monkeypatch.chdir(repository.root)
    assert not git("branch", "--list", "--remotes", "origin/gh-pages", cwd=repository.root).strip()  # this clone never saw it
    result = deploy()
    assert result.exit_code == 0, result.output
    assert len(git("log", "--format=%H", "gh-pages", cwd=repository.remote).splitlines()) == 2


def test_remote_and_branch_options(repository):
    git("remote", "add", "pages", str(repository.remote), cwd=repository.root)
    git("remote", "remove", "origin", cwd=repository.root)
    result = deploy("--remote", "pages", "--branch", "site")
    assert result.exit_code == 0, result.output
    assert branches(repository.remote) == {"site"}
    assert "branch site of pages" in result.stdout


def test_remote_branch_from_mkdocs_yml(repository):
    with (repository.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nremote_branch: published\n")
    git("commit", "--quiet", "-am", "Publish elsewhere", cwd=repository.root)
    assert deploy().exit_code == 0
    assert branches(repository.remote) == {"published"}


# --- refusals: one line each, exit 1, nothing pushed --------------------------------------------


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def assert_refused(result, repository, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    errors = error_lines(result)
    assert len(errors) == 1, result.stderr
    for word in words:
        assert word in errors[0], errors[0]
    if repository is not None:
        assert branches(repository.remote) == set()


def test_uncommitted_briefings_refuse_unless_force(repository):
    edited = repository.root / "briefings" / "harbour-toll-vote.md"
    edited.write_text(edited.read_text("utf-8").replace("council vote", "second council vote"), "utf-8")
    write_briefings(repository.root, {"new-bridge.md": briefing("New bridge opens", 12, [("Ada Quist", "person")], ["politics"])})
    result = deploy()
    assert_refused(result, repository, "2 uncommitted changes", "harbour-toll-vote.md", "new-bridge.md", "--force")
    assert result.stderr.count("\n") == 1
    assert not (repository.root / "site").exists()  # refused before building
    forced = deploy("--force")
    assert forced.exit_code == 0, forced.output
    assert branches(repository.remote) == {"gh-pages"}


def test_uncommitted_changes_elsewhere_do_not_refuse(repository):
    (repository.root / "notes.txt").write_text("not a briefing\n", "utf-8")
    assert deploy().exit_code == 0


def test_a_briefing_that_fails_check_refuses_even_with_force(repository):
    (repository.root / "briefings" / "broken.md").write_text("---\ntitle: Broken\ndate: 2024-03-01\nsummary: s\nactors: 5\n---\n\nText.\n", "utf-8")
    git("add", "--all", cwd=repository.root)
    git("commit", "--quiet", "-m", "Broken", cwd=repository.root)
    for args in ([], ["--force"]):
        result = deploy(*args)
        assert_refused(result, repository, "not deploying", "1 problem in the briefings")
        problems = [line for line in result.stderr.splitlines() if not line.startswith("error:")]
        assert len(problems) == 1 and re.match(r"^.*broken\.md:5: actors: ", problems[0]), result.stderr


def test_not_a_repository(project, tmp_path, monkeypatch):
    isolate_git(tmp_path, monkeypatch)
    write_briefings(project, BRIEFINGS)
    assert_refused(deploy(), None, "not in a git repository", str(project))


def test_git_missing(repository, tmp_path, monkeypatch):
    empty = tmp_path / "no-git"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert_refused(deploy(), None, "git is not installed")


def test_no_such_remote(repository):
    assert_refused(deploy("--remote", "upstream"), repository, "no git remote named 'upstream'", "--remote")


def test_unreachable_remote(repository, tmp_path):
    git("remote", "set-url", "origin", str(tmp_path / "gone.git"), cwd=repository.root)
    assert_refused(deploy(), None, "cannot read git remote 'origin'")
    assert not (repository.root / "site").exists()  # failed before building


def test_a_rejected_push(repository, capfd):
    hook = repository.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pages are frozen' >&2\nexit 1\n", "utf-8")
    hook.chmod(0o755)
    result = deploy()
    assert_refused(result, repository, "git push to 'origin' failed")
    assert "pages are frozen" in capfd.readouterr().err  # git's own reason, printed by git


@pytest.mark.parametrize("message", ["Deployed {commit}", "{0}", "{"])
def test_a_message_with_unknown_fields_is_a_usage_error(repository, message):
    result = deploy("--message", message)
    assert result.exit_code == 2
    assert "--message" in result.stderr and "{sha}" in result.stderr
    assert branches(repository.remote) == set()


def test_help_documents_the_options():
    result = runner.invoke(app, ["deploy", "--help"])
    assert result.exit_code == 0
    for option in ("--remote", "--branch", "--message", "--force", "--config"):
        assert option in result.stdout
    assert "deploy" in runner.invoke(app, ["--help"]).stdout


def test_library_entry_point_reports_the_commit(repository):
    from briefkit.deploy import deploy_site
    from briefkit.project import Project

    report = deploy_site(Project.find(), message="by the library")
    assert (report.remote, report.branch) == ("origin", "gh-pages")
    assert report.commit == git("rev-parse", "--short", "gh-pages", cwd=repository.remote).strip()
    assert report.build.briefings == len(BRIEFINGS)
    assert os.path.samefile(report.build.site_dir, repository.root / "site")
