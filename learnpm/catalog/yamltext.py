"""YAML parsing that remembers where each value came from.

Mappings load as `LineMap`: a dict that also knows the line of each key, so a
validator can say `modules/x.md:7: unknown module 'foo'` instead of just "bad file".
"""
from typing import Any

import yaml

from .errors import ContentProblems


class LineMap(dict[Any, Any]):
    line: int = 1
    key_lines: dict[Any, int]

    def line_of(self, key: str) -> int:
        return int(self.key_lines.get(key, self.line))


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _loader_for(offset: int) -> type[yaml.SafeLoader]:
    class LineLoader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode,
                          deep: bool = False) -> LineMap:
        loader.flatten_mapping(node)
        mapping = LineMap(loader.construct_pairs(node, deep=True))
        mapping.line = node.start_mark.line + 1 + offset
        mapping.key_lines = {
            key.value: key.start_mark.line + 1 + offset
            for key, _ in node.value
            if isinstance(key, yaml.ScalarNode)
        }
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return LineLoader


def load_yaml(text: str, offset: int = 0) -> Any:
    """Parse YAML; `offset` is how many file lines precede `text` (front matter fences)."""
    try:
        return yaml.load(text, Loader=_loader_for(offset))  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else 1 + offset
        raise YamlSyntaxError(line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1 + offset, f"invalid YAML: {exc}") from None


def load_yaml_file(text: str, source: str, problems: ContentProblems) -> Any:
    """Parse a whole YAML file; on a syntax error report it and return None."""
    try:
        return load_yaml(text)
    except YamlSyntaxError as exc:
        problems.add(source, exc.line, exc.message)
        return None


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split `---`-fenced YAML front matter from a Markdown body.

    Returns (yaml_text, body, body_first_line). The YAML starts on file line 2.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(1, "missing front matter: the file must start with a '---' line")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    raise FrontMatterError(1, "front matter is not closed: add a '---' line after it")
