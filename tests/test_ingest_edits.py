"""Edits survive re-ingest: kept byte for byte, or merged field by field with --merge; and an interrupted
ingest leaves every briefing either as it was or complete."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefkit.cli import app
from briefkit.ingest import store
from briefkit.model import Briefing, Source
from briefkit.provenance import sections, stamp
from briefkit.store import briefing_paths, dump_briefing, is_edited, read_briefing

runner = CliRunner()

ARTICLE = (
    "Dockers at Velden walk out over pay\n\nPublished 2 April 2024\n\n"
    "Dockers at the port of Velden walked out on Tuesday after talks on pay broke down.\n\n"
    'Union leader Ada Osei said the strike would last until the port offered a fair deal. "We will not move," Osei said.\n'
)
MORE = (
    "\nHarbour master Tomas Lind said ships were being sent to Rotterdam. "
    '"Every day of this costs the town," Lind said.\n'
)


@pytest.fixture
def article(tmp_path, nlp) -> Path:
    path = tmp_path / "articles" / "dockers.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, "utf-8")
    return path


def ingest(*args: str):
    return runner.invoke(app, ["ingest", *args])


def only_briefing(out: Path) -> Path:
    [path] = briefing_paths(out)
    return path


def test_edited_briefing_survives_a_second_ingest_byte_for_byte(tmp_path, article):
    out = tmp_path / "briefings"
    assert ingest(str(article), "--out", str(out)).exit_code == 0
    path = only_briefing(out)
    text = path.read_text("utf-8")
    summary = read_briefing(path).summary
    path.write_text(text.replace(f"summary: {summary}", "summary: An editor's summary.") + "\nAn editor's note.\n", "utf-8")
    before = path.read_bytes()
    article.write_text(ARTICLE + MORE, "utf-8")  # the article changed: a new extraction
    result = ingest(str(article), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"kept {path}: kept edited briefing (use --merge to refresh what nobody edited, or --force to overwrite)"
    assert path.read_bytes() == before
    assert briefing_paths(out) == [path]


def test_unedited_briefing_is_regenerated(tmp_path, article):
    out = tmp_path / "briefings"
    ingest(str(article), "--out", str(out))
    path = only_briefing(out)
    article.write_text(ARTICLE + MORE, "utf-8")
    result = ingest(str(article), "--out", str(out))
    assert result.stdout.splitlines()[0] == f"updated {path}"
    assert "Tomas Lind" in [a.name for a in read_briefing(path).actors]
    assert not is_edited(read_briefing(path))


def test_merge_keeps_edited_fields_and_refreshes_the_others(tmp_path, article):
    out = tmp_path / "briefings"
    ingest(str(article), "--out", str(out))
    path = only_briefing(out)
    first = read_briefing(path)
    edited = first.model_copy(update={"summary": "An editor's summary.", "topics": ["labour"]})
    edited.body = first.body.replace("## Summary\n\n", "## Summary\n\nAn editor's first line.\n\n", 1) + "\n## Analysis\n\nThe editor's analysis.\n"
    path.write_text(dump_briefing(edited), "utf-8")
    article.write_text(ARTICLE + MORE, "utf-8")
    result = ingest(str(article), "--out", str(out), "--merge")
    assert result.exit_code == 0, result.output
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"merged {path}: kept edited ")
    for part in ("summary", "topics", "body section 'Summary'", "body section 'Analysis'"):
        assert part in line
    merged = read_briefing(path)
    assert merged.summary == "An editor's summary."
    assert merged.topics == ["labour"]
    assert "Tomas Lind" in [a.name for a in merged.actors]  # refreshed from the new extraction
    assert any("costs the town" in q.text for q in merged.quotes)
    parts = dict(sections(merged.body))
    assert "An editor's first line." in parts["Summary"]
    assert "The editor's analysis." in parts["Analysis"]
    assert "Tomas Lind" in parts["Actors"]
    assert "0 updated, 1 merged" in result.stdout
    again = ingest(str(article), "--out", str(out), "--merge")
    assert again.stdout.splitlines()[0].startswith(f"unchanged {path}")
    assert read_briefing(path) == merged


def test_force_and_merge_together_is_a_usage_error(tmp_path, article):
    result = ingest(str(article), "--out", str(tmp_path / "out"), "--force", "--merge")
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_merge_of_a_briefing_without_per_field_record_keeps_it(tmp_path):
    out = tmp_path / "briefings"
    article = Path("articles/0.txt")  # as versions() records it
    legacy = versions(1, "Old")[0]
    legacy.briefkit = legacy.briefkit.model_copy(update={"fields": {}, "sections": {}})
    target = store(legacy, article, out).target
    target.write_text(target.read_text("utf-8") + "\nA note.\n", "utf-8")
    before = target.read_bytes()
    outcome = store(versions(1, "New")[0], article, out, merge=True)
    assert outcome.status == "kept" and "no per-field" in outcome.message
    assert target.read_bytes() == before


# --- interrupted writes -----------------------------------------------------------------------

COUNT = 12


def versions(count: int, summary: str) -> list[Briefing]:
    """`count` briefings as ingest makes them, each from its own article, all with `summary`; the
    bodies are long so that a write takes several system calls."""
    made = []
    for n in range(count):
        briefing = Briefing(
            title=f"Story {n}",
            date=dt.date(2024, 1, 1 + n),
            summary=summary,
            source=Source(file=f"articles/{n}.txt"),
            body=f"## Summary\n\n{summary}\n\n## Article\n\n" + f"{summary} paragraph {n}.\n\n" * 2000,
        )
        made.append(stamp(briefing, "test"))
    return made


@pytest.fixture
def old_batch(tmp_path) -> tuple[Path, dict[Path, bytes], dict[Path, bytes]]:
    """A folder of briefings written once, their bytes, and the bytes a second ingest would write."""
    out = tmp_path / "briefings"
    old = {store(b, Path(f"articles/{n}.txt"), out).target: None for n, b in enumerate(versions(COUNT, "Old"))}
    old = {path: path.read_bytes() for path in old}
    new = {out / f"story-{n}.md": dump_briefing(b).encode("utf-8") for n, b in enumerate(versions(COUNT, "New"))}
    assert set(new) == set(old)
    return out, old, new


def assert_old_or_new(out: Path, old: dict[Path, bytes], new: dict[Path, bytes]) -> tuple[int, int]:
    assert briefing_paths(out) == sorted(old)
    counts = [0, 0]
    for path in old:
        data = path.read_bytes()
        assert data in (old[path], new[path]), f"{path.name} is neither old nor new ({len(data)} bytes)"
        counts[data == new[path]] += 1
        read_briefing(path)  # and it reads as a briefing
    return counts[0], counts[1]


def test_exception_in_the_middle_of_a_write_leaves_old_or_new(old_batch, monkeypatch):
    out, old, new = old_batch
    real_fdopen = os.fdopen
    opened = []

    class HalfWriter:
        """The fifth file's handle writes half of its text, then the run is interrupted."""

        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)

        def write(self, text):
            self.handle.write(text[: len(text) // 2])
            self.handle.flush()
            raise KeyboardInterrupt

        def __getattr__(self, name):
            return getattr(self.handle, name)

    def fdopen(fd, *args, **kwargs):
        opened.append(fd)
        handle = real_fdopen(fd, *args, **kwargs)
        return HalfWriter(handle) if len(opened) == 5 else handle

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(KeyboardInterrupt):
        for n, briefing in enumerate(versions(COUNT, "New")):
            store(briefing, Path(f"articles/{n}.txt"), out)
    monkeypatch.undo()
    assert assert_old_or_new(out, old, new) == (COUNT - 4, 4)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in old)  # the temporary file is gone


CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from test_ingest_edits import versions
    from briefkit.ingest import store

    real_fdopen = os.fdopen
    opened = []

    class Stalls:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)
        def write(self, text):
            self.handle.write(text[: len(text) // 2])
            self.handle.flush()
            print("half written", flush=True)
            time.sleep(60)
        def __getattr__(self, name):
            return getattr(self.handle, name)

    def fdopen(fd, *args, **kwargs):
        opened.append(fd)
        handle = real_fdopen(fd, *args, **kwargs)
        return Stalls(handle) if len(opened) == {stall} else handle

    os.fdopen = fdopen
    for n, briefing in enumerate(versions({count}, "New")):
        store(briefing, Path(f"articles/{{n}}.txt"), Path({out!r}))
        print("stored", n, flush=True)
    """
)


def test_ingest_killed_mid_write_leaves_old_or_new(old_batch):
    out, old, new = old_batch
    code = CHILD.format(tests=str(Path(__file__).parent), stall=7, count=COUNT, out=str(out))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=out.parent)
    try:
        said = [child.stdout.readline() for _ in range(7)]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert said == [f"stored {n}\n" for n in range(6)] + ["half written\n"]
    assert assert_old_or_new(out, old, new) == (COUNT - 6, 6)
    leftovers = [p for p in out.iterdir() if p not in old]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".story-6.md.")  # hidden: no briefing reads it
    # the next run completes the batch
    for n, briefing in enumerate(versions(COUNT, "New")):
        store(briefing, Path(f"articles/{n}.txt"), out)
    assert assert_old_or_new(out, old, new) == (0, COUNT)
