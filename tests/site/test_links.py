"""The built site served as GitHub Pages serves it, at `/` and under a project path (`/briefs/`, with
`site_url: https://example.org/briefs/`): every internal link of every page, feed and sitemap is
followed, and none is broken or leaves the site's path.

The crawler is generic: any `href`/`src` of any HTML element, Material's search worker and index,
`<loc>`/`<link>` of XML (sitemap, RSS, Atom) and the URLs of a JSON Feed. Whatever new page or
feed the site grows is covered once a link reaches it."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import re
import shutil
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from briefkit.cli import app
from briefkit.model import Actor, Briefing, Quote, Source, TimelineEntry
from briefkit.site.generate import GENERATED_FOLDERS
from briefkit.store import dump_briefing

REPO = Path(__file__).resolve().parent.parent.parent
SUB_PATH_SITE_URL = "https://example.org/briefs/"
runner = CliRunner()


# --- briefings written for this test: shared actors and topics, odd names, an undated one -------


def briefing(title, date, actors, topics, *, url=None, timeline=(), quotes=()) -> Briefing:
    written = Briefing(
        title=title,
        date=date,
        summary=f"{title}.",
        source=Source(name="Harbour Gazette", url=url),
        actors=[Actor(name=name, kind=kind, aliases=list(aliases)) for name, kind, *aliases in actors],
        topics=topics,
        tags=[actors[0][0]],
        timeline=[TimelineEntry(date=d, text=t) for d, t in timeline],
        quotes=[Quote(speaker=s, text=t) for s, t in quotes],
    )
    written.body = f"## Summary\n\n{title}.\n\n## Details\n\nMore about it.\n"
    return written


BRIEFINGS = {
    "harbour-toll.md": briefing(
        "Harbour toll passes after a long night", dt.date(2024, 3, 4),
        [("Zoë Ångström", "person", "Ångström"), ("Lindholm Council", "organization"), ("Lindholm", "place")],
        ["politics", "elections"], url="https://news.example.com/toll?id=4&lang=en",
        timeline=[("2024-02", "The toll was proposed."), ("2024-03-04", "The council voted.")],
        quotes=[("Ångström", "It pays for the bridge.")],
    ),
    "ferry-strike.md": briefing(
        "Ferry strike ends: crews back at sea", dt.date(2024, 3, 9),
        [("Siobhán O'Neill", "person"), ("Zoë Ångström", "person"), ("Marks & Sparks Ltd", "organization")],
        ["labour", "politics"],
        timeline=[("2024-02-24/2024-03-08", "Crews were on strike.")],
        quotes=[("Siobhán O'Neill", "We are back.")],
    ),
    "bridge-dates.md": briefing(
        "Bridge opening: what we know (and don't)", None,
        [("Lindholm Council", "organization"), ("Siobhán O'Neill", "person")],
        ["trade"], timeline=[("2025", "The bridge should open.")],
    ),
}


# --- a GitHub Pages-like server: site/ under a path prefix, 404.html for what is missing -------


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves `directory` under `prefix` only; no directory listings; a missing file gets the
    site's 404.html with status 404, as GitHub Pages does."""

    prefix = "/"

    def send_head(self):
        if not unquote(urlsplit(self.path).path).startswith(self.prefix):
            return self.send_missing()
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + urlsplit(path).path[len(self.prefix):])

    def list_directory(self, path):
        self.send_missing()
        return None

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            return self.send_missing()
        return super().send_error(code, message, explain)

    def send_missing(self) -> None:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@dataclass
class Served:
    root: Path  # the project
    site_url: str  # "" when unset
    base: str  # where the site is served: http://127.0.0.1:PORT/ or .../briefs/

    def local(self, url: str) -> str:
        """URLs built from site_url point at the deployed site: read them from the local server."""
        return self.base + url[len(self.site_url):] if self.site_url and url.startswith(self.site_url) else url

    def internal(self, url: str) -> bool:
        return urlsplit(url).netloc == urlsplit(self.base).netloc


@pytest.fixture(scope="module", params=[("", "/"), (SUB_PATH_SITE_URL, "/briefs/")], ids=["at-root", "under-sub-path"])
def served(request, tmp_path_factory):
    site_url, prefix = request.param
    root = tmp_path_factory.mktemp("links") / "project"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS))
    if site_url:
        with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write(f"\nsite_url: {site_url}\n")
    (root / "briefings").mkdir()
    for name, written in BRIEFINGS.items():
        (root / "briefings" / name).write_text(dump_briefing(written), "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        patch.setattr("briefkit.site.archive.PAGE_BRIEFINGS", 1)  # year pages for actors and topics (archive.py)
        built = runner.invoke(app, ["build", "--strict"])
    assert built.exit_code == 0, built.output
    handler = type("Handler", (PagesHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(root, site_url, f"http://127.0.0.1:{server.server_address[1]}{prefix}")
    finally:
        server.shutdown()
        server.server_close()


# --- reading links out of what the server sends --------------------------------------------------


class HtmlLinks(HTMLParser):
    """Every href and src of the page, the ids it defines, and Material's search worker and index."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._config: list[str] | None = None
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            elif name in ("id", "name") and value:
                self.ids.add(value)
        if tag == "script" and dict(attrs).get("id") == "__config":
            self._config = []

    def handle_data(self, data):
        if self._config is not None:
            self._config.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._config is not None:
            config = json.loads("".join(self._config))
            self._config = None
            if config.get("search"):
                self.links.append(config["search"])
            if "search" in config:  # the index Material's search worker fetches from the base
                self.links.append(config["base"].rstrip("/") + "/search/search_index.json")


def xml_links(source: bytes) -> list[str]:
    """Sitemap `<loc>`, RSS `<link>`/`<guid isPermaLink>`/`<enclosure url>`, Atom `<link href>`."""
    found = []
    for element in ElementTree.fromstring(source).iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("loc", "link", "guid") and (element.text or "").strip() and element.get("isPermaLink") != "false":
            found.append(element.text.strip())
        for name in ("href", "url"):
            if element.get(name):
                found.append(element.get(name))
    return found


def json_feed_links(data: object) -> list[str]:
    """The URLs of a JSON Feed (https://jsonfeed.org): home_page_url, feed_url, items' url, image..."""
    if isinstance(data, dict):
        return [v for k, v in data.items() if isinstance(v, str) and (k == "url" or k.endswith("_url") or k in ("image", "banner_image"))] + [
            link for v in data.values() if isinstance(v, (dict, list)) for link in json_feed_links(v)
        ]
    if isinstance(data, list):
        return [link for v in data for link in json_feed_links(v)]
    return []


@dataclass
class Crawl:
    status: dict[str, int] = field(default_factory=dict)  # URL (no fragment) -> HTTP status
    kinds: dict[str, str] = field(default_factory=dict)  # URL -> html, xml, json, css, other
    ids: dict[str, set[str]] = field(default_factory=dict)  # HTML URL -> ids it defines
    links: list[tuple[str, str]] = field(default_factory=list)  # (from page, to URL with fragment), internal only

    def broken(self) -> list[tuple[str, str]]:
        return [(page, target) for page, target in self.links if self.status.get(urldefrag(target)[0], 0) >= 400]


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def links_of(url: str, kind: str, body: bytes) -> tuple[list[str], set[str]]:
    if kind == "html":
        page = HtmlLinks(body.decode("utf-8"))
        return page.links, page.ids
    if kind == "xml":
        return xml_links(body), set()
    if kind == "json" and not url.endswith("search_index.json"):  # the search index holds page locations, not URLs
        return json_feed_links(json.loads(body)), set()
    if kind == "css":
        return re.findall(r"url\(\s*['\"]?([^'\")]+)", body.decode("utf-8")), set()
    return [], set()


def kind_of(content_type: str, url: str) -> str:
    path = urlsplit(url).path
    if content_type == "text/html":
        return "html"
    if content_type in ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml") or path.endswith((".xml", ".rss", ".atom")):
        return "xml"
    if content_type in ("application/json", "application/feed+json") or path.endswith(".json"):
        return "json"
    return "css" if content_type == "text/css" else "other"


def crawl(served: Served, start: list[str]) -> Crawl:
    result = Crawl()
    queue = list(start)
    while queue:
        url = queue.pop()
        if url in result.status:
            continue
        status, content_type, body = fetch(url)
        result.status[url] = status
        if status >= 400:
            continue
        kind = result.kinds[url] = kind_of(content_type, url)
        found, result.ids[url] = links_of(url, kind, body)
        for raw in found:
            if raw.startswith(("data:", "mailto:", "javascript:", "tel:")):
                continue
            target = served.local(urljoin(url, raw.strip()))
            if served.internal(target):
                result.links.append((url, target))
                queue.append(urldefrag(target)[0])
    return result


@pytest.fixture(scope="module")
def crawled(served) -> Crawl:
    return crawl(served, [served.base, served.base + "sitemap.xml"])


# --- the tests -------------------------------------------------------------------------------------


def test_no_internal_link_is_broken(crawled):
    broken = crawled.broken()
    assert not broken, "\n".join(f"{target} (linked from {page})" for page, target in broken[:20])


def test_no_link_leaves_the_site_path(served, crawled):
    outside = sorted({(p, t) for p, t in crawled.links if not urlsplit(t).path.startswith(urlsplit(served.base).path)})
    assert not outside, "\n".join(f"{t} (linked from {p})" for p, t in outside[:20])


def test_every_page_of_the_site_is_reached(served, crawled):
    site = served.root / "site"
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}
    reached = {unquote(urlsplit(u).path)[len(urlsplit(served.base).path):] for u, k in crawled.kinds.items() if k == "html"}
    reached = {r + "index.html" if r.endswith("/") or not r else r for r in reached}
    assert pages - reached == set()


def test_every_kind_of_generated_page_was_followed(served, crawled):
    """A guard on the crawler itself: had it stopped early, the link tests above would pass vacuously."""
    html = [urlsplit(u).path for u, k in crawled.kinds.items() if k == "html"]
    for folder in ("briefings", "actors", "topics", "timeline"):
        assert sum(f"/{folder}/" in p for p in html) >= (1 if folder == "timeline" else 2), folder
    assert any(u.endswith("search/search_index.json") for u, s in crawled.status.items() if s == 200)
    assert any(re.search(r"/workers/search\.[^/]*\.js$", u) for u, s in crawled.status.items() if s == 200)
    assert any(re.search(r"/(actors|topics)/[^/]+/\d{4}/$", p) for p in html)  # year pages
    assert len(crawled.links) > 100
    pages = {served.base + f"briefings/{Path(name).stem}/" for name in BRIEFINGS}
    assert pages <= set(crawled.status)
    # related briefings: one briefing's page links to another's
    assert any(p in pages and urldefrag(t)[0] in pages - {p} for p, t in crawled.links)


def test_anchors_exist(crawled):
    missing = [
        (page, target) for page, target in crawled.links
        if urldefrag(target)[1] and crawled.kinds.get(urldefrag(target)[0]) == "html"
        and unquote(urldefrag(target)[1]) not in crawled.ids.get(urldefrag(target)[0], set())
        and not urldefrag(target)[1].startswith("tag:")  # Material's tags page marks its entries by script
    ]
    assert not missing, "\n".join(f"{t} (linked from {p})" for p, t in missing[:20])


def test_feeds_and_sitemap_are_followed(served, crawled):
    """Every XML or JSON document the site links to was read for links (a feed's items included)."""
    documents = [u for u, k in crawled.kinds.items() if k in ("xml", "json") and not u.endswith("search_index.json")]
    assert served.base + "sitemap.xml" in documents
    if served.site_url:  # MkDocs lists pages in the sitemap only when it knows the site's address
        from_sitemap = [t for p, t in crawled.links if p == served.base + "sitemap.xml"]
        assert len(from_sitemap) >= len(BRIEFINGS)
    feeds = [d for d in documents if d != served.base + "sitemap.xml"]
    if feeds:  # the site-wide feed's items lead to every briefing
        from_feeds = {urldefrag(t)[0] for p, t in crawled.links if p in feeds}
        assert {served.base + f"briefings/{Path(name).stem}/" for name in BRIEFINGS} <= from_feeds


def test_the_404_page_works_at_any_depth(served):
    """GitHub Pages answers a missing URL, however deep, with 404.html: its links must still resolve."""
    missing = served.base + "no/such/briefing/"
    status, _, body = fetch(missing)
    assert status == 404
    links = [served.local(urljoin(missing, raw)) for raw in HtmlLinks(body.decode("utf-8")).links if not raw.startswith(("data:", "#"))]
    internal = [link for link in links if served.internal(link)]
    assert internal
    broken = [link for link in internal if fetch(urldefrag(link)[0])[0] >= 400]
    assert not broken


def test_generated_markdown_links_are_relative(served):
    """briefkit's own pages link relatively (or to another host): never from the server root, and
    never to the site's own absolute address, which would break a copy served elsewhere."""
    docs = served.root / "docs"
    bad = []
    for folder in GENERATED_FOLDERS:
        for page in (docs / folder).rglob("*.md"):
            text = page.read_text("utf-8")
            for target in re.findall(r"\]\(\s*<?([^)\s>]+)", text) + re.findall(r"(?:href|src)=\"([^\"]+)\"", text):
                if target.startswith("/") or (served.site_url and target.startswith(served.site_url)):
                    bad.append(f"{page.relative_to(docs)}: {target}")
    assert not bad, "\n".join(bad[:20])


def test_the_server_is_honest(served):
    """The test server does not serve around the prefix or list folders: a broken link would show."""
    origin = served.base[: -len(urlsplit(served.base).path)]
    if urlsplit(served.base).path != "/":
        assert fetch(origin + "/index.html")[0] == 404
    assert fetch(served.base + "assets/")[0] == 404  # a folder without index.html
    assert fetch(served.base + "index.html")[0] == 200
    assert normpath(urlsplit(served.base).path) in ("/", "/briefs")


# --- the browser: Material's search, run by Chromium against the served site ------------------------

CHROMIUM = Path("/usr/bin/chromium")  # Debian's (`make test` installs it); never a downloaded browser
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="module")
def chromium(request):
    pytest.importorskip("playwright.sync_api")
    if importlib.util.find_spec("pytest_playwright") is None or not CHROMIUM.exists():
        pytest.skip("browser tests need pytest-playwright and Debian's chromium (make test installs them)")
    playwright = request.getfixturevalue("playwright")  # pytest-playwright's: one Playwright per session
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


class Visit:
    """A page in Chromium, with every request it made and every response that failed."""

    def __init__(self, chromium, url: str) -> None:
        self.page = chromium.new_page()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.heading = ""  # the first heading of the page a search result led to
        self.page.context.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.on("pageerror", lambda error: self.failed.append(str(error)))
        self.page.goto(url)
        # the search boxes take input once their scripts (and Material's worker) are ready
        self.page.wait_for_load_state("networkidle")

    def type(self, selector: str, text: str) -> None:
        box = self.page.locator(selector)
        box.click()
        box.press_sequentially(text)

    def stayed_in(self, served: Served) -> bool:
        """Every request went to the test server, under the site's path."""
        fetched = [urlsplit(u) for u in self.requests if u.startswith("http")]
        return all(u.hostname == "127.0.0.1" and u.path.startswith(urlsplit(served.base).path) for u in fetched)


def _follow_first_result(served, chromium, start: str, box: str, query: str, results: str) -> Visit:
    """Open `start`, type `query` into the search `box`, follow the result titled "Ferry strike ends"
    and wait for the briefing's page; `visit.heading` is its first heading."""
    visit = Visit(chromium, served.base + start)
    try:
        visit.type(box, query)
        result = visit.page.locator(results, has_text="Ferry strike ends").first
        result.wait_for(timeout=10_000)
        result.click()
        visit.page.wait_for_url(re.compile(re.escape(served.base) + r"briefings/ferry-strike/"))
        visit.heading = visit.page.locator("h1").first.inner_text()
    finally:
        visit.page.close()
    return visit


def test_search_finds_a_briefing(served, chromium):
    """Material's search box, from the home page: its worker and index load from the site's path
    and a result leads to the briefing's page."""
    visit = _follow_first_result(served, chromium, "", "input[name=query]", "ferry strike", ".md-search-result__item a")
    assert visit.heading.startswith("Ferry strike ends")
    assert visit.stayed_in(served), visit.requests
    assert any(u.endswith("search/search_index.json") for u in visit.requests)


def test_explore_finds_a_briefing(served, chromium):
    """The Explore page's Pagefind search: its bundle loads from the site's path and a result leads
    to the briefing's page."""
    visit = _follow_first_result(served, chromium, "explore/", ".pagefind-ui__search-input", "ferry", ".pagefind-ui__result-link")
    assert visit.stayed_in(served), visit.requests
    assert not visit.failed


@pytest.mark.parametrize("path", ["", "briefings/ferry-strike/", "actors/"])
def test_pages_request_nothing_missing(served, chromium, path):
    """Loading a page makes no request that fails: no 404 hidden behind a working page."""
    visit = Visit(chromium, served.base + path)
    visit.page.close()
    assert not visit.failed
    assert visit.stayed_in(served), visit.requests
