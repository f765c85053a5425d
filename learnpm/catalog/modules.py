"""Parse module files (Markdown + YAML front matter) and learning paths."""
import re

from .entries import CATEGORIES, LEVELS, WORDS_PER_MINUTE, LearningPath, Module
from .errors import ContentProblems
from .schema import Field, read_record
from .yamltext import (
    FrontMatterError,
    YamlSyntaxError,
    load_yaml,
    load_yaml_file,
    split_front_matter,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _slug_check(value: str) -> str | None:
    return None if SLUG.match(value) else "must be lowercase letters, digits and hyphens"


def _non_negative(value: float) -> str | None:
    return None if value >= 0 else "must not be negative"


MODULE_FIELDS = (
    Field("title"),
    Field("slug", check=_slug_check),
    Field("summary"),
    Field("category", choices=tuple(CATEGORIES)),
    Field("level", choices=LEVELS),
    Field("tags", list, required=False, default=list, item_kind=str),
    Field("minutes", int, required=False, check=lambda v: None if v > 0 else "must be positive"),
    Field("prerequisites", list, required=False, default=list, item_kind=str),
    Field("related", list, required=False, default=list, item_kind=str),
    Field("contact_hours", float, required=False, check=_non_negative),
    Field("certifications", list, required=False, default=list, item_kind=str),
)

PATH_FIELDS = (
    Field("slug", check=_slug_check),
    Field("title"),
    Field("summary"),
    Field("modules", list, item_kind=str,
          check=lambda v: None if v else "must list at least one module"),
)

# Links an author writes inside a module: [text](module:slug#anchor) or (practice:bank/domain)
CONTENT_LINK = re.compile(r"\]\((module|practice):([^)\s#]*)(#[^)\s]*)?\)")


def parse_module(text: str, source: str, problems: ContentProblems) -> Module | None:
    try:
        front, body, _ = split_front_matter(text)
        meta = load_yaml(front, offset=1)
    except (FrontMatterError, YamlSyntaxError) as exc:
        problems.add(source, exc.line, exc.message)
        return None
    values = read_record(meta, MODULE_FIELDS, (source, 1), problems, "front matter")
    if values is None:
        return None
    words = len(body.split())
    return Module(
        slug=values["slug"], title=values["title"].strip(), summary=values["summary"].strip(),
        category=values["category"], level=values["level"],
        tags=tuple(t.strip().lower() for t in values["tags"]),
        minutes=values["minutes"] or max(1, round(words / WORDS_PER_MINUTE)), words=words,
        prerequisites=tuple(values["prerequisites"]), related=tuple(values["related"]),
        contact_hours=values["contact_hours"], certifications=tuple(values["certifications"]),
        body=body, source=source, field_lines=dict(meta.key_lines),
    )


def content_links(text: str) -> list[tuple[int, str, str]]:
    """Every `module:` / `practice:` link in a module file as (line, scheme, target)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "](" in line:  # most lines have no link at all
            for match in CONTENT_LINK.finditer(line):
                found.append((number, match.group(1), match.group(2)))
    return found


def parse_path(text: str, source: str, problems: ContentProblems) -> LearningPath | None:
    data = load_yaml_file(text, source, problems)
    if data is None:
        return None
    values = read_record(data, PATH_FIELDS, (source, 1), problems, "learning path")
    if values is None:
        return None
    return LearningPath(slug=values["slug"], title=values["title"].strip(),
                        summary=values["summary"].strip(), modules=tuple(values["modules"]),
                        source=source)
