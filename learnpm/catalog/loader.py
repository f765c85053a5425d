"""Walk a content folder, parse every file and check the references between them.

`load()` never raises on bad content: it returns the valid part of the catalog with
every problem listed in `Catalog.errors`, so one broken file cannot take the site down.
"""
import re
from pathlib import Path

from .entries import Catalog, Module
from .errors import ContentProblems
from .exams import parse_exam
from .framework_checks import check_frameworks
from .frameworks import parse_certifications, parse_roles, parse_skills
from .modules import content_links, parse_module, parse_path
from .questions import parse_question_file


def load(content_dir: str | Path) -> Catalog:
    root = Path(content_dir)
    problems = ContentProblems()
    if not root.is_dir():
        problems.add(str(root), 1, "content folder not found")
        return Catalog(errors=tuple(problems.errors))

    def rel(path: Path) -> str:
        return path.relative_to(root.parent).as_posix()

    def parsed(folder: str, pattern: str, parse):
        return ((parse(_read(p), rel(p), problems), rel(p)) for p in _files(root / folder, pattern))

    modules = _unique(parsed("modules", "*.md", parse_module), "slug", "module slug", problems)
    paths = _unique(parsed("paths", "*.yaml", parse_path), "slug", "path slug", problems)
    exams = _unique(parsed("exams", "*.yaml", parse_exam), "id", "exam id", problems)
    questions = {}
    for bank_dir in sorted(p for p in (root / "questions").glob("*") if p.is_dir()):
        if bank_dir.name not in exams and not (root / "exams" / f"{bank_dir.name}.yaml").exists():
            problems.add(rel(bank_dir), 1, f"question bank '{bank_dir.name}' has no exam "
                                           f"blueprint: add exams/{bank_dir.name}.yaml")
        for file in _files(bank_dir, "*.yaml"):
            parsed = parse_question_file(_read(file), rel(file), bank_dir.name, problems)
            questions.update(_unique(((q, q.source) for q in parsed), "id", "question id",
                                     problems, questions))
    frameworks = _load_frameworks(root / "frameworks", rel, problems)
    catalog = Catalog(modules=modules, paths=paths, exams=exams, questions=questions,
                      **frameworks)
    _check_references(root, catalog, problems)
    check_frameworks(catalog, problems)
    return Catalog(modules=modules, paths=paths, exams=exams, questions=questions,
                   errors=tuple(sorted(set(problems.errors))), **frameworks)


def _load_frameworks(folder: Path, rel, problems: ContentProblems) -> dict:
    found: dict = {"skills": None, "roles": {}, "certifications": {}}
    parsers = {"skills.yaml": ("skills", parse_skills), "careers.yaml": ("roles", parse_roles),
               "certifications.yaml": ("certifications", parse_certifications)}
    for name, (key, parse) in parsers.items():
        path = folder / name
        if path.exists():
            found[key] = parse(_read(path), rel(path), problems)
    return found


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.rglob(pattern)) if folder.is_dir() else []


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _unique(records, key: str, what: str, problems: ContentProblems, existing=None) -> dict:
    """Index records by `key`, reporting each duplicate against the first occurrence."""
    found = dict(existing or {})
    result = {}
    for record, source in records:
        if record is None:
            continue
        value = getattr(record, key)
        if value in found or value in result:
            first = (found.get(value) or result.get(value))
            first_source = getattr(first, "source", None) or getattr(first, "file", "")
            problems.add(source, getattr(record, "line", 1),
                         f"duplicate {what} '{value}' (first used in {first_source})")
            continue
        result[value] = record
    return result


def _check_references(root: Path, catalog: Catalog, problems: ContentProblems) -> None:
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
        _check_links(root, module, catalog, problems)
    for path in catalog.paths.values():
        text = (root.parent / path.source).read_text(encoding="utf-8")
        for slug in path.modules:
            if slug not in modules:
                problems.add(path.source, _line_naming(text, slug),
                             f"modules: unknown module '{slug}'")
    for question in catalog.questions.values():
        _check_question(question, catalog, problems)


def _line_naming(text: str, word: str) -> int:
    """The first line that names `word` as a whole word (list items carry no YAML marks)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return next((n for n, line in enumerate(text.splitlines(), 1) if pattern.search(line)), 1)


def _check_links(root: Path, module: Module, catalog: Catalog, problems) -> None:
    text = (root.parent / module.source).read_text(encoding="utf-8")
    for line, scheme, target in content_links(text):
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


def _check_question(question, catalog: Catalog, problems) -> None:
    where = (question.source, question.line)
    exam = catalog.exams.get(question.bank)
    for slug in question.modules:
        if slug not in catalog.modules:
            problems.add(*where, f"question {question.id}: unknown module '{slug}'")
    if exam is None:
        return
    if exam.domain(question.domain) is None:
        problems.add(*where, f"question {question.id}: unknown domain '{question.domain}' "
                             f"(the {exam.id} blueprint has: "
                             f"{', '.join(d.id for d in exam.domains)})")
    if question.task and question.task not in exam.task_ids:
        problems.add(*where, f"question {question.id}: unknown task '{question.task}'")
