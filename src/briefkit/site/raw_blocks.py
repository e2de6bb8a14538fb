"""Hand the HTML blocks briefkit generates to Markdown as they are, unparsed.

briefkit writes a briefing's panel, its lists and its pictures as raw HTML blocks, one line each.
Markdown passes a raw block through unchanged, but only after Python's `html.parser` has read every
tag of it, twice: Markdown's own HTML block processor, to find where the block ends, and MkDocs', to
collect the ids that links may point to. Those two reads are a third of the time MkDocs spends on a
generated page; a panel or an actor's lists hold dozens of tags.

`RawBlocks` stashes such a line before either reads it, as Markdown's HTML block processor would
stash it, so the page's HTML is the same, byte for byte (tests/site/test_raw_blocks.py checks a
site of every kind of page against a stock `mkdocs build`). A stock MkDocs, or any engine, renders
the generated Markdown as it always did: this only saves the parsing.

A line is taken only when the parse could not have found anything:
- it opens with a block-level element of one of briefkit's classes (`class="bk-...`), and that
  element closes at the end of the line and nowhere before;
- it stands between blank lines, so it is a block of its own;
- no other tag (nor anything like one, nor a code fence) comes before it, in code or out: an
  element left open above it would make it part of a larger block (md_in_html converts the inside
  of some). In a briefing page, the panel comes before the text its writer wrote; the other
  generated pages are briefkit's alone;
- it holds no id or anchor name (MkDocs would have collected them), no `markdown` attribute
  (md_in_html would convert the content), and no comment, declaration or element whose content is
  not markup (script, style, pre, textarea), where a tag-like text is not a tag.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# An opening tag of one of briefkit's classes at the start of a line: the element's name.
_OPENING = re.compile(r'<([a-z][a-z0-9]*)\s[^<>]*?\bclass="bk-')
# Anything in which a tag might not be a tag (a comment, a declaration, an element whose content
# is not markup), or an attribute a parse would collect. Looked for as plain text in the lowered
# line: a regex with these alternatives scanned the long lines of an actor page's pictures and lists
# at a third of a millisecond a page. `<pre` also finds `<prefix`: declining a line costs only time.
_NOT_MARKUP = ("<!", "<?", "<script", "<style", "<pre", "<textarea")
_COLLECTED = re.compile(r"\s(?:id|name|markdown)=")
# What a parse might read as a tag, a comment or a declaration; or a code fence, in case a fence
# extension runs after this one (Markdown's and pymdownx's run before it).
_STOP = re.compile(r"<[A-Za-z/!?]|^ {0,3}(?:```|~~~)")


class RawBlocksPreprocessor(Preprocessor):
    """Stashes briefkit's one-line HTML blocks, as Markdown's HTML block processor does."""

    def run(self, lines: list[str]) -> list[str]:
        out = []
        last = len(lines) - 1
        for n, line in enumerate(lines):
            if (
                line.startswith("<")
                and (n == 0 or not lines[n - 1].strip())
                and (n == last or not lines[n + 1].strip())
                and whole_element(line, self.md.is_block_level)
            ):
                out.append(self.md.htmlStash.store(line + "\n"))  # as Markdown stashes a block: with its newline
            elif _STOP.search(line):  # from here on, the HTML parsers read every line
                return out + lines[n:]
            else:
                out.append(line)
        return out


class RawBlocks(Extension):
    """The Markdown extension: runs after fenced code is stashed (so code is never touched), before
    MkDocs' and Markdown's HTML parsers."""

    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(RawBlocksPreprocessor(md), "briefkit_raw_blocks", 24)


def whole_element(line: str, is_block_level) -> bool:
    """Whether `line` is one block-level element of briefkit's classes that closes at its end, and
    nothing in it needs parsing."""
    opening = _OPENING.match(line)
    if not opening or not is_block_level(opening.group(1)) or _unsafe(line):
        return False
    name = opening.group(1)
    closing = f"</{name}>"
    if not line.endswith(closing):
        return False
    depth = 0
    for tag in re.finditer(rf"<(/?){name}[\s>/]", line):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start() == len(line) - len(closing)  # the closing tag that ends the line
    return False


def _unsafe(line: str) -> bool:
    lowered = line.lower()
    if any(text in lowered for text in _NOT_MARKUP):
        return True
    return ("id=" in lowered or "name=" in lowered or "markdown=" in lowered) and _COLLECTED.search(lowered) is not None


def add_raw_blocks(config) -> None:
    """Add the extension to a loaded MkDocs configuration."""
    config.markdown_extensions.append(RawBlocks())
