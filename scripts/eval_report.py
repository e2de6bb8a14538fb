"""The evaluation report: one table, printed with rich and written as Markdown."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from eval_run import Row, Section

HEADER = ["Section", "Measure", "N", "P", "R", "F1 / value", "Target", "Result", "Note"]


def cells(row: Row) -> list[str]:
    return [row.section, row.measure, str(row.n), _number(row.precision), _number(row.recall), _number(row.value),
            _target(row), row.result if row.target is not None else "", row.note]


def _number(value) -> str:
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _target(row: Row) -> str:
    if row.target is None:
        return ""
    if row.target_label:
        return f"> {_number(row.target)} ({row.target_label})" if row.rule == ">" else row.target_label
    return f"{'≥' if row.rule == '>=' else '≤'} {_number(row.target)}"


def print_report(rows: list[Row], sections: list[Section], *, errors: int = 0) -> None:
    console = Console()
    if not console.is_terminal:  # a log or a pipe: wide enough that each row stays on one line
        console = Console(width=200)
    table = Table(title="briefkit extraction, scored (issue 3)", show_lines=False)
    for name in HEADER:
        table.add_column(name, justify="right" if name in ("N", "P", "R", "F1 / value") else "left", no_wrap=name != "Note")
    previous = None
    for row in rows:
        values = cells(row)
        if row.section == previous:
            values[0] = ""
        previous = row.section
        style = {"PASS": "green", "FAIL": "red"}.get(row.result)
        table.add_row(*values, style=style)
    console.print(table)
    for section in sections:
        for title, header, body in section.tables:
            extra = Table(title=title)
            for name in header:
                extra.add_column(name, justify="left" if name == header[0] else "right", no_wrap=True)
            for line in body:
                extra.add_row(*map(str, line))
            console.print(extra)
        for note in section.notes:
            console.print(f"[yellow]{note}[/yellow]", highlight=False)
    if errors:
        for section in sections:
            for heading, lines in section.errors.items():
                if lines:
                    console.print(f"\n[bold]{heading}[/bold] ({len(lines)})", highlight=False)
                    for line in lines[:errors]:
                        console.print(f"  {line}", highlight=False, markup=False)


def markdown(header: list[str], rows: list[Row], sections: list[Section], *, errors_only: bool = False) -> str:
    out = ["# briefkit extraction, scored" if not errors_only else "# briefkit extraction: error examples", ""]
    out += header + [""]
    if not errors_only:
        out += _table(HEADER, [cells(r) for r in rows])
        for section in sections:
            for title, table_header, body in section.tables:
                out += ["", f"**{title}**", ""] + _table(table_header, [list(map(str, line)) for line in body])
        notes = [n for s in sections for n in s.notes]
        if notes:
            out += ["", "Notes:", ""] + [f"- {n}" for n in notes]
        out.append("")
        return "\n".join(out)
    for section in sections:
        for heading, lines in section.errors.items():
            if lines:
                out += [f"## {heading} ({len(lines)})", ""] + [f"- {_escape(line)}" for line in lines] + [""]
    return "\n".join(out)


def _table(header: list[str], body: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(_escape(c) for c in row) + " |" for row in body]


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
