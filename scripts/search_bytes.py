"""Bytes a reader's first search transfers, with Material's search box and with Pagefind's Explore page.

    python scripts/search_bytes.py [--briefings 2000] [--query Brandt]

Builds a site of synthetic briefings (scripts/synthetic.py) with `briefkit build`, serves it on
127.0.0.1, and drives Debian's Chromium (Playwright) through one search with each: counted are the
bodies of the search's own responses (Material's index and worker; Pagefind's bundle: not the page
nor the theme's JS and CSS, which every page loads) from opening the page to the results showing
(http.server sends them uncompressed), split into code (JS, CSS, WebAssembly) and index data, and
the same again gzipped as most static hosts send them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import shutil
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_synthetic  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
GENERATED = ("briefings", "actors", "topics", "timeline", "explore", "feeds", "_snippets")
CODE = (".js", ".css", ".pagefind")  # wasm.*.pagefind is Pagefind's WebAssembly
# What each search loads: Material's index and its worker (lunr inside); Pagefind's bundle. (The
# Explore page, a Material page too, also loads Material's index: not Pagefind's cost.)
MATERIAL_PARTS = ("/search/", "/workers/", "/lunr/")
PAGEFIND_PARTS = ("/pagefind/",)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def build(root: Path, count: int) -> Path:
    from briefkit.project import Project
    from briefkit.site.build import build_site

    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    write_synthetic(count, root / "briefings")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build_site(Project.find(root / "mkdocs.yml"), strict=True)
    return root / "site"


def measure(page, url: str, search, parts: tuple[str, ...]) -> dict[str, int]:
    """Open `url`, run `search(page)`, and add up what the site sent meanwhile."""
    responses = []

    def record(response) -> None:
        responses.append(response)

    page.context.on("response", record)  # the context's: it sees the search workers' fetches too
    page.goto(url)
    search(page)
    page.context.remove_listener("response", record)
    mine = [r for r in responses if r.status == 200 and any(part in r.url for part in parts)]  # not the page, nor the theme
    sizes = {"code": 0, "data": 0, "code gzip": 0, "data gzip": 0, "requests": len(mine)}
    for response in mine:
        body = response.body()
        kind = "code" if response.url.split("?")[0].endswith(CODE) or "/workers/" in response.url else "data"
        sizes[kind] += len(body)
        sizes[f"{kind} gzip"] += len(gzip.compress(body, 6))
    return sizes


def material(query: str):
    def search(page) -> None:
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").press_sequentially(query, delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=120_000)

    return search


def pagefind(query: str):
    def search(page) -> None:
        page.locator(".pagefind-ui__search-input").fill(query)
        page.locator(".pagefind-ui__result").first.wait_for(timeout=120_000)
        page.wait_for_load_state("networkidle")  # the result fragments that follow

    return search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefings", type=int, default=2000)
    parser.add_argument("--query", default="Brandt", help="a surname of scripts/synthetic.py")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="briefkit-search-bytes-") as tmp:
        site = build(Path(tmp), args.briefings)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"])
            rows = [
                ("Material search box", measure(browser.new_page(), base, material(args.query), MATERIAL_PARTS)),
                ("Pagefind (Explore page)", measure(browser.new_page(), base + "explore/", pagefind(args.query), PAGEFIND_PARTS)),
            ]
            browser.close()
        server.shutdown()
        index_mib = (site / "search" / "search_index.json").stat().st_size / 2**20
        bundle_mib = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 2**20
    print(f"{args.briefings:,} synthetic briefings, first search for {args.query!r}\n")
    print("| search | requests | index data kB | code kB | total kB | total kB gzipped |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, s in rows:
        print(f"| {name} | {s['requests']} | {s['data'] / 1000:,.0f} | {s['code'] / 1000:,.0f} | {(s['data'] + s['code']) / 1000:,.0f} | {(s['data gzip'] + s['code gzip']) / 1000:,.0f} |")
    print(f"\nMaterial's whole index: {index_mib:.1f} MiB; Pagefind's whole bundle on disk: {bundle_mib:.1f} MiB")


if __name__ == "__main__":
    main()
