"""Browser tests: Debian's Chromium driven by Playwright, over a site built from briefings written
here, served by http.server on 127.0.0.1 (at `/`, or under a sub-path such as `/briefs/`).

Chromium is `/usr/bin/chromium` (`make test` installs it with apt); Playwright never downloads a
browser. Every test records each request's host and the console's errors, and fails if a request
left 127.0.0.1 or the page logged an error. Screenshots go to `tests/browser/screenshots/` (git-ignored).
"""

from __future__ import annotations

import functools
import shutil
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .sample import write_project

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Chromium's own look-ups (update checks, Google hosts) never reach page.on("request"): refuse them all
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (make test installs it with apt-get)", allow_module_level=True)
pytest.importorskip("playwright", reason="playwright is not installed (requirements.txt)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch arguments, pointed at Debian's Chromium."""
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": LAUNCH_ARGS}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample project (sample.py) built once with `briefkit build --strict`, Pagefind included."""
    from briefkit.project import Project
    from briefkit.site.build import build_site

    root = write_project(tmp_path_factory.mktemp("browser") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        report = build_site(Project.find(root / "mkdocs.yml"), strict=True)
    assert report.search and report.search.pages == len(list((root / "briefings").glob("*.md")))
    return root / "site"


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_base_path__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, *args) -> None:  # keep pytest's output readable
        pass


def _serve_folder(folder: Path, base_path: str) -> ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"prefix": base_path})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _url(server: ThreadingHTTPServer, base_path: str = "/") -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{base_path}"


@pytest.fixture(scope="session")
def serve(built_site):
    """`serve(base_path)` -> the URL of the built site served under `base_path` (one server each)."""
    servers: dict[str, ThreadingHTTPServer] = {}

    def start(base_path: str = "/") -> str:
        base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        if base_path not in servers:
            servers[base_path] = _serve_folder(built_site, base_path)
        return _url(servers[base_path], base_path)

    yield start
    for server in servers.values():
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def bundled_site(built_site, tmp_path_factory) -> str:
    """The URL of the same site with its Explore index in one bundle per page, as a large site has
    several (search.py), served at /."""
    from briefkit.site.search import index_site

    folder = tmp_path_factory.mktemp("bundled") / "site"
    shutil.copytree(built_site, folder)
    assert index_site(folder, bundle_bytes=1).bundles > 2
    server = _serve_folder(folder, "/")
    yield _url(server)
    server.shutdown()
    server.server_close()


@pytest.fixture
def base_path() -> str:
    """Where the site is served; parametrize a test with `base_path` to run it under a sub-path."""
    return "/"


@pytest.fixture
def site(serve, base_path) -> str:
    return serve(base_path)


@dataclass
class Watch:
    hosts: set[str] = field(default_factory=set)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # URLs answered 4xx/5xx


@pytest.fixture(autouse=True)
def watch(request, page) -> Watch:
    """Every request and console error of the test's page; checked when the test ends."""
    seen = Watch()

    def on_request(req) -> None:
        seen.requests.append(req.url)
        parts = urlsplit(req.url)
        if parts.scheme not in ("data", "blob", "about"):  # those never touch the network
            seen.hosts.add(parts.hostname or req.url)

    page.context.on("request", on_request)
    page.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.context.on("response", lambda response: seen.missing.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    yield seen
    assert seen.hosts <= {"127.0.0.1"}, f"requests left 127.0.0.1: {sorted(seen.hosts)}"
    assert not seen.errors, f"console errors: {seen.errors} (failed requests: {seen.missing})"


@pytest.fixture(scope="session")
def screenshot():
    """`screenshot(page, name)`: a full-page PNG in tests/browser/screenshots/."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
