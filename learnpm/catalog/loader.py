"""Walk a content folder, parse every file and check the references between them.

`load()` never raises on bad content: it returns the valid part of the catalog with
every problem listed in `Catalog.errors`, so one broken file cannot take the site down.
Each file is read once, and its text dropped once parsed, except where a later check needs
the line of a word.
"""
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .entries import Catalog, ExamBlueprint, Module, Question
from .errors import ContentProblems
from .exams import parse_exam
from .framework_checks import check_frameworks
from .frameworks import parse_certifications, parse_roles, parse_skills
from .gc_pause import cycle_collector_paused
from .modules import content_links, parse_module, parse_path
from .questions import parse_question_file

Record = TypeVar("Record")


@dataclass(frozen=True)
class QuestionSource:
    """A question file that does not live in the content folder (e.g. one kept in the
    database): `source` names it in messages, like a path does for a file."""

    bank: str
    source: str
    text: str


def load(content_dir: str | Path, extra: Sequence[QuestionSource] = ()) -> Catalog:
    root = Path(content_dir)
    problems = ContentProblems()
    if not root.is_dir():
        problems.add(str(root), 1, "content folder not found")
        return Catalog(errors=tuple(problems.errors))
    with cycle_collector_paused():
        return _load(root, extra, problems)


def _load(root: Path, extra: Sequence[QuestionSource], problems: ContentProblems) -> Catalog:
    # Texts are dropped once parsed, except the few whose later checks look up a line.
    texts: dict[str, str] = {}  # paths and exams
    links: dict[str, list[tuple[int, str, str]]] = {}  # each module file's content links

    def read(path: Path) -> tuple[str, str]:
        return path.read_text(encoding="utf-8"), path.relative_to(root.parent).as_posix()

    def parsed(folder: str, pattern: str,
               parse: Callable[[str, str, ContentProblems], Record | None]
               ) -> Iterable[tuple[Record | None, str]]:
        for path in _files(root / folder, pattern):
            text, source = read(path)
            if folder == "modules":  # of a module, later checks need only its links
                links[source] = content_links(text)
            else:
                texts[source] = text
            yield parse(text, source, problems), source

    modules = _unique(parsed("modules", "*.md", parse_module), "slug", "module slug", problems)
    paths = _unique(parsed("paths", "*.yaml", parse_path), "slug", "path slug", problems)
    exams = _unique(parsed("exams", "*.yaml", parse_exam), "id", "exam id", problems)
    files = (QuestionSource(bank_dir.name, *reversed(read(path)))
             for bank_dir in _folders(root / "questions", exams, problems, root)
             for path in _files(bank_dir, "*.yaml"))
    questions: dict[str, Question] = {}
    for item in itertools.chain(files, extra):
        found = parse_question_file(item.text, item.source, item.bank, problems)
        questions.update(_unique(((q, q.source) for q in found), "id", "question id",
                                 problems, questions))
    frameworks = _load_frameworks(root / "frameworks", read, problems)
    catalog = Catalog(modules=modules, paths=paths, exams=exams, questions=questions,
                      **frameworks)
    _check_references(texts, links, catalog, problems)
    check_frameworks(catalog, problems)
    return Catalog(modules=modules, paths=paths, exams=exams, questions=questions,
                   errors=tuple(sorted(set(problems.errors))), **frameworks)


def _folders(folder: Path, exams: dict[str, Any], problems: ContentProblems,
             root: Path) -> list[Path]:
    """Bank folders, each reported once when no blueprint names it."""
    banks = sorted(p for p in folder.glob("*") if p.is_dir()) if folder.is_dir() else []
    for bank_dir in banks:
        if bank_dir.name not in exams and not (root / "exams" / f"{bank_dir.name}.yaml").exists():
            problems.add(bank_dir.relative_to(root.parent).as_posix(), 1,
                         f"question bank '{bank_dir.name}' has no exam blueprint: add "
                         f"exams/{bank_dir.name}.yaml")
    return banks


def _load_frameworks(folder: Path, read: Callable[[Path], tuple[str, str]],
                     problems: ContentProblems) -> dict[str, Any]:
    found: dict[str, Any] = {"skills": None, "roles": {}, "certifications": {}}
    parsers: dict[str, tuple[str, Callable[[str, str, ContentProblems], Any]]] = {
        "skills.yaml": ("skills", parse_skills), "careers.yaml": ("roles", parse_roles),
        "certifications.yaml": ("certifications", parse_certifications)}
    for name, (key, parse) in parsers.items():
        path = folder / name
        if path.exists():
            found[key] = parse(*read(path), problems)
    return found


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.rglob(pattern)) if folder.is_dir() else []


def _where(record: Any) -> str:
    """The file a record came from (a blueprint's `source` names where its facts come from)."""
    return str(record.file if isinstance(record, ExamBlueprint) else record.source)


def _unique(records: Iterable[tuple[Record | None, str]], key: str, what: str,
            problems: ContentProblems, existing: dict[str, Record] | None = None
            ) -> dict[str, Record]:
    """Index records by `key`, reporting each duplicate against the first occurrence."""
    found = existing or {}
    result: dict[str, Record] = {}
    for record, source in records:
        if record is None:
            continue
        value = getattr(record, key)
        first = found.get(value) or result.get(value)
        if first is not None:
            problems.add(source, getattr(record, "line", 1),
                         f"duplicate {what} '{value}' (first used in {_where(first)})")
            continue
        result[value] = record
    return result


def _check_references(texts: dict[str, str], links: dict[str, list[tuple[int, str, str]]],
                      catalog: Catalog, problems: ContentProblems) -> None:
    modules = catalog.modules
    for module in modules.values():
        for field in ("prerequisites", "related"):
            for slug in getattr(module, field):
                if slug not in modules:
                    problems.add(module.source, module.line_of(field),
                                 f"{field}: unknown module '{slug}'")
        for exam_id in module.certifications:
            if exam_id not in catalog.exams:
                problems.add(module.source, module.line_of("certifications"),
                             f"certifications: unknown exam '{exam_id}'")
        _check_links(links[module.source], module, catalog, problems)
    for path in catalog.paths.values():
        for slug in path.modules:
            if slug not in modules:
                problems.add(path.source, _line_naming(texts[path.source], slug),
                             f"modules: unknown module '{slug}'")
    for exam in catalog.exams.values():
        if exam.study_path and exam.study_path not in catalog.paths:
            problems.add(exam.file, _line_naming(texts[exam.file], exam.study_path),
                         f"study_path: unknown learning path '{exam.study_path}'")
    for question in catalog.questions.values():
        _check_question(question, catalog, problems)


def _line_naming(text: str, word: str) -> int:
    """The first line that names `word` as a whole word (list items carry no YAML marks)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return next((n for n, line in enumerate(text.splitlines(), 1) if pattern.search(line)), 1)


def _check_links(links: list[tuple[int, str, str]], module: Module, catalog: Catalog,
                 problems: ContentProblems) -> None:
    for line, scheme, target in links:
        if scheme == "module" and target not in catalog.modules:
            problems.add(module.source, line, f"link to unknown module '{target}'")
        if scheme == "practice":
            bank, _, domain = target.partition("/")
            exam = catalog.exams.get(bank)
            if exam is None:
                problems.add(module.source, line, f"practice link to unknown bank '{bank}'")
            elif domain and exam.domain(domain) is None:
                problems.add(module.source, line,
                             f"practice link to unknown domain '{domain}' of '{bank}'")


def _check_question(question: Question, catalog: Catalog, problems: ContentProblems) -> None:
    where = (question.source, question.line)
    exam = catalog.exams.get(question.bank)
    for slug in question.modules:
        if slug not in catalog.modules:
            problems.add(*where, f"question {question.id}: unknown module '{slug}'")
    if exam is None:
        return  # the bank folder itself is reported
    if exam.domain(question.domain) is None:
        problems.add(*where, f"question {question.id}: unknown domain '{question.domain}' "
                             f"(the {exam.id} blueprint has: "
                             f"{', '.join(d.id for d in exam.domains)})")
    if question.task and question.task not in exam.task_ids:
        problems.add(*where, f"question {question.id}: unknown task '{question.task}'")
