"""scripts/eval.py: its command line, its report rows and the Markdown it writes."""

from __future__ import annotations

import importlib

import pytest

from eval_report import markdown
from eval_run import Row, Section

eval_script = importlib.import_module("eval")


@pytest.mark.parametrize(
    "value, target, rule, result",
    [(0.95, 0.95, ">=", "PASS"), (0.94, 0.95, ">=", "FAIL"), (0.30, 0.30, ">", "FAIL"), (0.31, 0.30, ">", "PASS"),
     (0, 0, "<=", "PASS"), (1, 0, "<=", "FAIL"), (None, 0.9, ">=", "n/a"), (0.5, None, ">=", "info")],
)
def test_row_result(value, target, rule, result):
    assert Row("s", "m", 1, value, target=target, rule=rule).result == result


def test_markdown_report_and_errors():
    section = Section(rows=[Row("Actors", "people", 10, 0.9, 0.8, 1.0, target=0.95)],
                      errors={"people missed": ["Jane | Roe (doc)"]}, notes=["CoNLL-2003 skipped"],
                      tables=[("Topics", ["folder", "sport"], [["sport", 3]])])
    text = markdown(["Run today."], section.rows, [section])
    assert "| Actors | people | 10 | 0.800 | 1.000 | 0.900 | ≥ 0.950 | FAIL |  |" in text
    assert "| sport | 3 |" in text and "- CoNLL-2003 skipped" in text
    errors = markdown(["Run today."], [], [section], errors_only=True)
    assert "## people missed (1)" in errors and "Jane \\| Roe (doc)" in errors


def test_unknown_section_is_a_usage_error(capsys):
    assert eval_script.main(["--only", "actors"]) == 2
    assert "unknown section 'actors'" in capsys.readouterr().err


def test_list_quotes_numbers_an_articles_quotes(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text('A title\n\n"We will open the bridge in June," the mayor said. "It is late."\n\nShe said "we are ready for it".\n')
    assert eval_script.main(["--list-quotes", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2"]
    assert "we are ready for it" in lines[1]


def test_list_quotes_names_a_missing_file(tmp_path, capsys):
    assert eval_script.main(["--list-quotes", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err
