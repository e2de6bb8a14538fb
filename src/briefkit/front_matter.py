"""Front matter split from the body and loaded as YAML, with every error located at its file line."""

from __future__ import annotations

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _StrictLoader(_Loader):
    """Safe YAML that refuses a key given twice and reports impossible dates at their line."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise ConstructorError(None, None, f"key {key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        try:
            return SafeConstructor.construct_yaml_timestamp(self, node)
        except ValueError as error:
            raise ConstructorError(None, None, f"{node.value!r} is not a real date ({error})", node.start_mark) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)
_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_yaml_map)


def split(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, file line number of the front matter's first line)."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines) or lines[start].rstrip() != "---":
        return None, text, 1
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            return "\n".join(lines[start + 1 : end]), "\n".join(lines[end + 1 :]).strip("\n"), start + 2
    raise FrontMatterError("the front matter is not closed by a --- line", start + 1)


def load(text: str) -> tuple[dict | None, str]:
    """The front matter as data and the body; raises `FrontMatterError` with the file line of a problem."""
    yaml_text, body, first_line = split(text)
    if yaml_text is None:
        return None, body
    try:
        data = yaml.load(yaml_text, Loader=_StrictLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise FrontMatterError(problem, first_line + mark.line if mark else None) from None
    return data, body
