"""Pagefind: the Explore page's index, made from the built HTML after MkDocs.

Pagefind (PyPI `pagefind[bin]`, a static binary in a wheel) reads the briefing pages, indexes the
content the theme marks `data-pagefind-body` and the filters the panels carry
(`data-pagefind-filter`: actor, topic, kind, year), and writes `site/pagefind/`: the index in small
chunks plus its UI's JS, CSS and WebAssembly, all served from the site itself.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefkitError

BUNDLE = "pagefind"
PAGES_GLOB = "briefings/**/*.html"  # only briefing pages carry data-pagefind-body: read no others
EXCLUDE = ".headerlink"  # the headings' permalink signs (¶) are no words


@dataclass
class SearchReport:
    pages: int  # pages indexed
    bundle: Path


def index_site(site_dir: Path) -> SearchReport:
    """Rebuild `site_dir/pagefind` from scratch (an old bundle would leave stale chunks behind)."""
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", PAGES_GLOB, "--output-subdir", BUNDLE, "--exclude-selectors", EXCLUDE, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        raise BriefkitError("Pagefind did not finish indexing the site in 10 minutes") from None
    if done.returncode:
        reason = (done.stderr or done.stdout).strip().splitlines()
        if "No module named pagefind" in done.stderr:
            raise BriefkitError("Pagefind is not installed (pip install 'pagefind[bin]'); it builds the Explore page's index")
        raise BriefkitError(f"Pagefind failed: {reason[-1] if reason else f'exit status {done.returncode}'}")
    return SearchReport(pages=sum(1 for _ in (bundle / "fragment").glob("*.pf_fragment")), bundle=bundle)
