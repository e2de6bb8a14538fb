"""Front matter split from the body and loaded as YAML, with every error located at its file line.

The YAML is composed into nodes first and constructed from them, so the nodes' marks tell the file
line of any key or list item (`FrontMatter.line_of(("actors", 2, "kind"))`), not a text search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(Exception):
    def __init__(self, message: str, line: int | None, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.key = key  # dotted path of the key at fault, when the YAML was well formed enough to tell


class _StrictLoader(_Loader):
    """Safe YAML that reports a key given twice (in `duplicates`, so the rest of the file is still
    checked) and reads an impossible date (2023-02-29) as its text, for the
    schema to reject where a date is expected."""

    duplicates: list[tuple[str, yaml.Mark, yaml.Mark]]

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                self.duplicates.append((f"key {key!r} is given twice", key_node.start_mark, seen[key].start_mark))
            elif isinstance(key, (str, int, float, bool)):
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        try:
            return SafeConstructor.construct_yaml_timestamp(self, node)
        except ValueError:
            return node.value


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)
_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_yaml_map)


@dataclass
class FrontMatter:
    """A briefing file taken apart: its front matter as data and as YAML nodes, and its body."""

    data: object  # None when the file has no front matter
    body: str
    node: yaml.Node | None
    open_line: int  # file line of the opening `---` (1 when there is none)
    body_line: int  # file line of the body's first line
    problems: list[FrontMatterError] = field(default_factory=list)  # keys given twice

    def line_of(self, loc: Sequence[str | int]) -> int:
        """The file line of the deepest part of `loc` found in the YAML: a key's line, or a list item's.
        A key that is absent gives its parent's line, and a top-level one the opening `---`."""
        return _line_of(self.node, loc, self.open_line)


def split(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, file line number of the front matter's first line)."""
    yaml_text, body, first_line, _ = _split(text)
    return yaml_text, body, first_line


def _split(text: str) -> tuple[str | None, str, int, int]:
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines) or lines[start].rstrip() != "---":
        return None, text, 1, 1
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            body_start = end + 1
            while body_start < len(lines) - 1 and lines[body_start] == "":
                body_start += 1
            return "\n".join(lines[start + 1 : end]), "\n".join(lines[end + 1 :]).strip("\n"), start + 2, body_start + 1
    raise FrontMatterError("the front matter is not closed by a --- line", start + 1)


def parse(text: str) -> FrontMatter:
    """The file taken apart; raises `FrontMatterError` with the file line (and key, when known) of a problem."""
    yaml_text, body, first_line, body_line = _split(text)
    if yaml_text is None:
        return FrontMatter(None, body, None, 1, body_line)
    loader = _StrictLoader(yaml_text)
    loader.duplicates = []
    node = None
    try:
        node = loader.get_single_node()
        data = _construct(loader, node) if node is not None else None
    except yaml.YAMLError as error:
        raise _located(error, node, first_line) from None
    except (ValueError, TypeError) as error:  # PyYAML's constructors raise these for some tagged values (`!!int x`)
        raise FrontMatterError(f"YAML cannot read a value: {error}", first_line) from None
    finally:
        loader.dispose()
    matter = FrontMatter(data, body, node, first_line - 1, body_line)
    for message, mark, first in loader.duplicates:
        path = _path_at(node, mark.line, mark.column) if node is not None else None
        key = ".".join(map(str, path)) if path else None
        matter.problems.append(FrontMatterError(f"{message} (first on line {first_line + first.line})", first_line + mark.line, key))
    return matter


def _construct(loader: _StrictLoader, node: yaml.Node):
    """The data of `node`, built directly where the document is plain (strings, lists, mappings and
    scalars PyYAML reads, each node once): three times as fast as PyYAML's constructor, which keeps
    books for anchors and builds collections in steps. Any other document (an anchor used twice, a
    merge key, a key given twice, a key that is a list, another tag, an error) is left to PyYAML
    whole, so that the data, the keys reported twice and the errors are always PyYAML's."""
    try:
        return _direct(loader, node, set())
    except (_NotPlain, yaml.YAMLError, ValueError, TypeError):
        loader.duplicates, loader.constructed_objects, loader.recursive_objects = [], {}, {}
        return loader.construct_document(node)


class _NotPlain(Exception):
    pass


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _direct(loader: _StrictLoader, node: yaml.Node, seen: set[int]):
    kind = type(node)
    if kind is yaml.ScalarNode:
        if node.tag == _STR:
            return node.value
        constructor = loader.yaml_constructors.get(node.tag)
        if constructor is None:
            raise _NotPlain
        return constructor(loader, node)  # a scalar's: a plain function, no generator
    if id(node) in seen:  # an alias of a collection: PyYAML shares it (or it holds itself)
        raise _NotPlain
    seen.add(id(node))
    if kind is yaml.SequenceNode and node.tag == _SEQ:
        return [_direct(loader, item, seen) for item in node.value]
    if kind is yaml.MappingNode and node.tag == _MAP:
        keys = [_direct(loader, key_node, seen) for key_node, _ in node.value]
        data = dict.fromkeys(keys)  # a key that is a list or a mapping: TypeError
        if len(data) != len(keys):  # a key given twice, which the strict loader reports
            raise _NotPlain
        for key, (_, value_node) in zip(keys, node.value):
            data[key] = _direct(loader, value_node, seen)
        return data
    raise _NotPlain


def load(text: str) -> tuple[dict | None, str]:
    """The front matter as data and the body; raises `FrontMatterError` with the file line of a problem."""
    matter = parse(text)
    if matter.problems:
        raise matter.problems[0]
    return matter.data, matter.body


def _located(error: yaml.YAMLError, node: yaml.Node | None, first_line: int) -> FrontMatterError:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if mark is None:
        return FrontMatterError(problem, None)
    path = _path_at(node, mark.line, mark.column) if node is not None else None
    return FrontMatterError(problem, first_line + mark.line, ".".join(map(str, path)) if path else None)


def _line_of(node: yaml.Node | None, loc: Sequence[str | int], open_line: int) -> int:
    line = open_line
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
            if found is None:
                break
            line = open_line + 1 + found[0].start_mark.line
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = open_line + 1 + node.start_mark.line
        else:
            break
    return line


def _path_at(node: yaml.Node, line: int, column: int) -> list[str | int] | None:
    """The path of keys and list indexes to the node that starts at (line, column), if any."""
    if node.start_mark.line == line and node.start_mark.column == column:
        return []
    children: list[tuple[str | int, yaml.Node, yaml.Node]] = []
    if isinstance(node, yaml.MappingNode):
        children = [(k.value if isinstance(k, yaml.ScalarNode) else "?", k, v) for k, v in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = [(i, v, v) for i, v in enumerate(node.value)]
    for part, key_node, value_node in children:
        if key_node is not value_node and key_node.start_mark.line == line and key_node.start_mark.column == column:
            return [part]
        if (value_node.start_mark.line, value_node.start_mark.column) <= (line, column) <= (value_node.end_mark.line, value_node.end_mark.column):
            deeper = _path_at(value_node, line, column)
            if deeper is not None:
                return [part, *deeper]
    return None
