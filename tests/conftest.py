"""Shared fixtures: the spaCy model (loaded once), the shared corpora (skipped when absent), and
small briefkit projects built in temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from briefkit.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def shared_file():
    """A file of ../shared (third-party data, never copied into the project); skips when absent."""

    def find(relative: str) -> Path:
        path = SHARED / relative
        if not path.exists():
            pytest.skip(f"../shared/{relative} is not here (a fresh clone has no ../shared)")
        return path

    return find


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A fresh briefkit project: the repository's mkdocs.yml and hand-written docs, no briefings.
    The working directory is the project, as when a user runs briefkit."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("briefings", "actors", "topics", "timeline", "_snippets"))
    (root / "briefings").mkdir()
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return root


def parse(nlp, text: str):
    """The (kind, doc) parts extraction takes, from paragraphs written in a test."""
    return [("paragraph", doc) for doc in nlp.pipe(p.strip() for p in text.strip().split("\n\n"))]
