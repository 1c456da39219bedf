"""Parsing YAML files and Markdown-with-front-matter while keeping line numbers.

PyYAML's composed node tree remembers where every value starts; we keep it
beside the plain data so a validation error on `attributes.track_record.score`
can be reported at the line where that score is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

FRONT_MATTER_FENCE = "---"
# libyaml's loader when PyYAML was built with it (the wheels are): several times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CLINICIANS_HEADING = re.compile(r"^##\s+For clinicians\s*$", re.IGNORECASE)


class DocumentError(Exception):
    """A file that cannot be parsed at all, with the line where parsing failed."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML data with its node tree; `first_line` is where the YAML starts."""

    data: Any
    node: yaml.Node | None
    first_line: int = 1

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """The file line of the value at `loc` (the deepest part of it that exists)."""
        node = self.node
        if node is None:
            return self.first_line
        line = node.start_mark.line
        for part in loc:
            found = _child(node, part)
            if found is None:
                break
            marker, node = found
            line = marker.start_mark.line
        return self.first_line + line


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    """(the node whose line names `part`, the value node of `part`) or None.

    For a mapping the line is the key's, so `benefits:` followed by a block
    list is reported where `benefits` is written, not on the next line.
    """
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], node.value[part]
    return None


def duplicate_keys(node: yaml.Node | None) -> list[tuple[int, str]]:
    """(line, key) of every key written twice in the same mapping (YAML keeps the last).

    Walks each node once, without recursion: an alias can make a node reachable
    millions of times, and deep nesting would exhaust Python's stack.
    """
    found: list[tuple[int, str]] = []
    for current in _each_node_once(node):
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, _ in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        found.append((key.start_mark.line, key.value))
                    seen.add(key.value)
    return sorted(found)


def _each_node_once(node: yaml.Node | None) -> list[yaml.Node]:
    """Every node of the tree, each once, in document order."""
    if node is None:
        return []
    order: list[yaml.Node] = []
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        order.append(current)
        if isinstance(current, yaml.MappingNode):
            stack.extend(part for pair in reversed(current.value) for part in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
    return order


def _first_alias(text: str) -> int | None:
    """The line (0-based) of the first `*alias` in the text, or None."""
    for event in yaml.parse(text, Loader=YAML_LOADER):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line
    return None


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers) and the data it holds, from one parse of the text."""
    loader = YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse YAML text, raising DocumentError with the file line on a syntax error."""
    try:
        alias = _first_alias(text) if "*" in text else None
        if alias is not None:
            # Content has no use for them, and an alias bomb (a few lines that
            # expand to billions of values) would make every later check hang.
            raise DocumentError(
                first_line + alias, "YAML aliases (*name) are not allowed in content; write the value out"
            )
        node, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = error.problem or str(error)
        raise DocumentError(line, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise DocumentError(first_line, f"malformed YAML: {error}") from None
    return YamlDocument(data=data, node=node, first_line=first_line)


@dataclass(frozen=True)
class MarkdownDocument:
    """A Markdown file: its front matter, patient text and clinicians' text."""

    front: YamlDocument
    patient: str
    patient_line: int
    clinician: str | None
    clinician_line: int | None


def parse_markdown(text: str) -> MarkdownDocument:
    """Split `---` front matter from the body, and the body at `## For clinicians`."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        raise DocumentError(1, "the file must start with '---' and YAML front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        raise DocumentError(1, "the front matter has no closing '---' line") from None
    front = parse_yaml("\n".join(lines[1:end]), first_line=2)
    if not isinstance(front.data, dict):
        raise DocumentError(2, "the front matter must be a YAML mapping of fields")
    body = lines[end + 1 :]
    # The patient text is stripped, so its first line is the first line that is not blank.
    blank = next((i for i, ln in enumerate(body) if ln.strip()), 0)
    patient_first = end + 2 + blank
    body_first = end + 2
    split = next((i for i, ln in enumerate(body) if CLINICIANS_HEADING.match(ln)), None)
    if split is None:
        return MarkdownDocument(front, "\n".join(body).strip(), patient_first, None, None)
    return MarkdownDocument(
        front,
        "\n".join(body[:split]).strip(),
        patient_first,
        "\n".join(body[split + 1 :]).strip(),
        body_first + split,
    )
