"""YAML parsing that remembers where each value came from.

Mappings load as `LineMap`: a dict that also knows the line of each key, so a
validator can say `modules/x.md:7: unknown module 'foo'` instead of just "bad file".
"""
import re
from typing import Any, cast

import yaml

from .errors import ContentProblems


class LineMap(dict[Any, Any]):
    __slots__ = ("line", "key_lines")  # set by the parser on every one it makes
    line: int
    key_lines: dict[Any, int]

    def line_of(self, key: str) -> int:
        return int(self.key_lines.get(key, self.line))


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> LineMap:
    loader.flatten_mapping(node)
    pairs = [(loader.construct_object(key, deep=True), loader.construct_object(value, deep=True))
             for key, value in node.value]
    return _line_map(node, pairs, loader.line_offset)


def _line_map(node: yaml.MappingNode, pairs: list[tuple[Any, Any]], offset: int) -> LineMap:
    mapping = LineMap(pairs)
    mapping.line = node.start_mark.line + 1 + offset
    mapping.key_lines = {
        key.value: key.start_mark.line + 1 + offset
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    return mapping


class _LineLoader(yaml.SafeLoader):
    """PyYAML's own parser and constructors, in Python: slow, but the reference. Its
    messages are the ones authors see."""

    line_offset = 0


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _python_parse(text: str, offset: int) -> Any:
    loader = _LineLoader(text)
    loader.line_offset = offset
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else 1 + offset
        raise YamlSyntaxError(line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1 + offset, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def load_yaml(text: str, offset: int = 0) -> Any:
    """Parse YAML; `offset` is how many file lines precede `text` (front matter fences).

    libyaml (PyYAML's C parser) does it several times faster when PyYAML has it. Where the
    two parsers disagree, the Python one decides: libyaml words its errors differently and
    accepts a few things PyYAML refuses (see _python_only), so such a text goes to PyYAML,
    as does any text libyaml or the fast construction below cannot take.
    """
    if _CLoader is not None and not _python_only(text):
        try:
            return _fast_parse(text, offset)
        except yaml.YAMLError:
            pass  # parsed again below, for PyYAML's verdict, message and line
    return _python_parse(text, offset)


# What libyaml accepts but PyYAML refuses, as far as we know (found by fuzzing): tabs and byte
# order marks anywhere, a comment straight after a block scalar's `|` or `>` header, and `?`
# inside `[...]` or `{...}` (checked while building).
# (The pattern starts with `#` so that the regex engine can skip to each `#` quickly.)
_BLOCK_HEADER_COMMENT = re.compile(r"#(?:(?<=[|>]#)|(?<=[|>][-+0-9]#)|(?<=[|>][-+0-9]{2}#))")


def _python_only(text: str) -> bool:
    return "\t" in text or "\ufeff" in text or _BLOCK_HEADER_COMMENT.search(text) is not None


class _Disagreement(yaml.constructor.ConstructorError):
    """A text the fast path leaves to PyYAML."""


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))
_CLoader: type[Any] | None = None
if getattr(yaml, "__with_libyaml__", False):
    _RESOLVERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
        first: (*resolvers, *yaml.CSafeLoader.yaml_implicit_resolvers.get(None, []))
        for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
        if first is not None}
    _ANY_FIRST: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
        yaml.CSafeLoader.yaml_implicit_resolvers.get(None, []))

    class _CLineLoader(yaml.CSafeLoader):
        """libyaml's parser with PyYAML's constructors (which _Builder mostly bypasses)."""

        line_offset = 0

        def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
            """PyYAML's BaseResolver.resolve (libyaml asks it for every node), without its
            list building: the same tags (SafeLoader has no path resolvers), sooner."""
            if kind is yaml.ScalarNode:
                if implicit[0]:  # a plain scalar: true, 12, null, 2026-01-01...
                    for tag, regexp in _RESOLVERS.get(value[:1], _ANY_FIRST):
                        if regexp.match(value):
                            return tag
                return _STR
            return _SEQ if kind is yaml.SequenceNode else _MAP

    # For mappings inside values left to PyYAML's constructors, e.g. an `!!omap`.
    _CLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                 _construct_mapping)
    if not _CLineLoader.yaml_path_resolvers:
        _CLoader = _CLineLoader


def _fast_parse(text: str, offset: int) -> Any:
    loader = _CLoader(text)  # type: ignore[misc]  # only called when libyaml is there
    loader.line_offset = offset
    try:
        node = loader.get_single_node()
        return None if node is None else _Builder(loader, text).build(node)
    finally:
        loader.dispose()


class _Builder:
    """libyaml's nodes made into values directly for the kinds content uses (text, lists,
    mappings): the values PyYAML's constructors make, without their bookkeeping where the
    text cannot need it (no `&` anchor, so no alias; no `<<`, `=` or `!`, so no merge key).
    Other kinds (numbers, dates, tagged values) go to those constructors."""

    def __init__(self, loader: Any, text: str) -> None:
        self.loader = loader
        self.text = text
        self.offset: int = loader.line_offset
        self.anchors = "&" in text
        self.merges = "<<" in text or "=" in text or "!" in text
        self.built: dict[yaml.Node, Any] = loader.constructed_objects  # shared, for aliases
        self.building: dict[yaml.Node, None] = loader.recursive_objects

    def build(self, node: yaml.Node) -> Any:
        if node.tag == _STR and isinstance(node, yaml.ScalarNode):
            return node.value
        mapping = node.tag == _MAP and isinstance(node, yaml.MappingNode)
        if not (mapping or node.tag == _SEQ and isinstance(node, yaml.SequenceNode)):
            return self.loader.construct_object(node, deep=True)
        node = cast(yaml.nodes.CollectionNode, node)
        if self.anchors:
            if node in self.built:
                return self.built[node]
            if node in self.building:  # an alias inside itself: PyYAML's constructors decide
                raise _Disagreement(None, None, "recursive node", node.start_mark)
            self.building[node] = None
        if node.flow_style and "?" in self.text[node.start_mark.index:node.end_mark.index]:
            raise _Disagreement(None, None, "'?' in a flow collection", node.start_mark)
        build, scalar = self.build, yaml.ScalarNode
        data: Any
        if mapping:
            if self.merges:
                self.loader.flatten_mapping(node)
            data = _line_map(cast(yaml.MappingNode, node), [
                (key.value if key.tag == _STR and isinstance(key, scalar) else build(key),
                 value.value if value.tag == _STR and isinstance(value, scalar) else build(value))
                for key, value in node.value], self.offset)
        else:
            data = [child.value if child.tag == _STR and isinstance(child, scalar)
                    else build(child) for child in node.value]
        if self.anchors:
            del self.building[node]
            self.built[node] = data
        return data


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
