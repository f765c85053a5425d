"""Declarative checks for the fields of a content record.

Each spec lists the fields a record may have; `read_record` returns the cleaned
values and reports every problem with the line of the offending key.
"""
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from .errors import ContentProblems
from .yamltext import LineMap


@dataclass(frozen=True)
class Location:
    """Where a record was written, so a later check can still name its file and line."""

    source: str
    line: int
    fields: Mapping[str, int] = dataclass_field(default_factory=dict, compare=False,
                                                repr=False)

    def line_of(self, name: str) -> int:
        return self.fields.get(name, self.line)

    @classmethod
    def of(cls, record: Any, source: str, fallback: int = 1) -> "Location":
        if isinstance(record, LineMap):
            return cls(source, record.line, dict(record.key_lines))
        return cls(source, fallback)


@dataclass(frozen=True)
class Field:
    name: str
    kind: type | tuple[type, ...] = str
    required: bool = True
    choices: tuple[Any, ...] = ()
    default: Any = None
    item_kind: type | None = None  # for list fields: the type of each item
    check: Callable[[Any], str | None] | None = None  # returns a message when invalid

    def describe(self) -> str:
        if self.kind is list:
            return f"a list of {_type_name(self.item_kind or str)}s"
        return _type_name(self.kind)


def _type_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(_type_name(k) for k in kind)
    return {str: "text", int: "whole number", float: "number", list: "list", bool: "true/false",
            dict: "mapping"}.get(kind, kind.__name__)


def _matches(value: Any, kind: type | tuple[type, ...]) -> bool:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        return False  # YAML's yes/true must not pass as a number
    if float in kinds and isinstance(value, int):
        return True
    return isinstance(value, kinds)


def read_record(record: Any, spec: tuple[Field, ...], where: tuple[str, int],
                problems: ContentProblems, what: str = "record") -> dict[str, Any] | None:
    """Validate `record` against `spec`. Returns cleaned values, or None if unusable."""
    path, line = where
    if not isinstance(record, LineMap):
        problems.add(path, line, f"{what} must be a mapping of fields")
        return None
    known = {field.name for field in spec}
    if not known.issuperset(record):
        for key in record:
            if key not in known:
                problems.add(path, record.line_of(key), f"unknown field '{key}' (expected one "
                                                        f"of: {', '.join(sorted(known))})")
    values: dict[str, Any] = {}
    ok = True
    for field in spec:
        value = record.get(field.name)
        # The most common case, spelled out: a plain text field holding some text.
        if (field.kind is str and isinstance(value, str) and not field.choices
                and field.check is None and value.strip()):
            values[field.name] = value
        else:
            ok &= _read_field(record, field, path, problems, values)
    return values if ok else None


def _read_field(record: LineMap, field: Field, path: str, problems: ContentProblems,
                values: dict[str, Any]) -> bool:
    value = record.get(field.name)
    if value is None:
        if field.required:
            problems.add(path, record.line, f"missing required field '{field.name}'")
            return False
        values[field.name] = field.default() if callable(field.default) else field.default
        return True
    # The plain text field, by far the most common, is checked without the general rules.
    if not (isinstance(value, str) if field.kind is str else _matches(value, field.kind)):
        problems.add(path, record.line_of(field.name),
                     f"field '{field.name}' must be {field.describe()}")
        return False
    if field.kind is list and field.item_kind is not None:
        bad = [item for item in value if not _matches(item, field.item_kind)]
        if bad:
            problems.add(path, record.line_of(field.name),
                         f"field '{field.name}' must be {field.describe()}")
            return False
    if field.kind is str and isinstance(value, str) and not value.strip():
        problems.add(path, record.line_of(field.name), f"field '{field.name}' is empty")
        return False
    if field.choices and value not in field.choices:
        problems.add(path, record.line_of(field.name),
                     f"field '{field.name}' is '{value}'; expected one of: "
                     f"{', '.join(map(str, field.choices))}")
        return False
    if field.check and (message := field.check(value)):
        problems.add(path, record.line_of(field.name), f"field '{field.name}' {message}")
        return False
    values[field.name] = value
    return True


def read_items(items: list[Any], spec: tuple[Field, ...], source: str, line: int,
               problems: ContentProblems, what: str) -> list[tuple[Location, dict[str, Any]]]:
    """Validate each record of a list; the valid ones come back with their location."""
    found = []
    for item in items:
        at = Location.of(item, source, line)
        if (values := read_record(item, spec, (source, at.line), problems, what)) is not None:
            found.append((at, values))
    return found
