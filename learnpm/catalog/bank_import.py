"""Add an imported GIFT or Aiken file to a question bank, all or nothing.

The new bank file is validated exactly as `content check` would before it is written,
and it is written atomically, so a failed import never leaves a half-written bank.
"""
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.words import plural
from .entries import Catalog
from .errors import ContentProblems
from .importers import Skipped, detect_format, parse_aiken, parse_gift, to_yaml
from .questions import parse_question_file

PARSERS = {"gift": parse_gift, "aiken": parse_aiken}


@dataclass
class ImportReport:
    format: str = ""
    file: Path | None = None
    imported: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        out = [f"line {s.line}: skipped: {s.reason}" for s in self.skipped]
        out += [f"error: {e}" for e in self.errors]
        if self.ok:
            out.append(f"Imported {plural(self.imported, 'question')} "
                       f"({self.format}) into {self.file}; skipped {len(self.skipped)}.")
        else:
            out.append("Nothing was imported.")
        return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "bank"


def import_bank_file(content_dir: Path, catalog: Catalog, filename: str, text: str, bank: str,
                     domain: str | None = None, replace: bool = False) -> ImportReport:
    report = ImportReport()
    exam = catalog.exams.get(bank)
    if exam is None:
        known = ", ".join(sorted(catalog.exams))
        report.errors.append(f"there is no bank '{bank}' (known: {known})")
        return report
    domain = domain or exam.domains[0].id
    if exam.domain(domain) is None:
        report.errors.append(f"'{domain}' is not a domain of {bank} "
                             f"({', '.join(d.id for d in exam.domains)})")
        return report
    try:
        report.format = detect_format(filename, text)
    except ValueError as exc:
        report.errors.append(str(exc))
        return report
    stem = _slug(Path(filename).stem)
    target = Path(content_dir) / "questions" / bank / f"imported-{stem}.yaml"
    result = PARSERS[report.format](text, bank=bank, domain=domain, id_prefix=f"{bank}-{stem}")
    report.skipped = result.skipped
    if not result.questions:
        report.errors.append("the file holds no question LearnPM can import")
        return report
    if target.exists() and not replace:
        report.errors.append(f"{target.name} already exists in the {bank} bank "
                             "(import with replace to overwrite it)")
        return report
    yaml_text = to_yaml(result.questions)
    _validate(yaml_text, target, bank, catalog, report)
    if report.ok:
        _write_atomically(target, yaml_text)
        report.file, report.imported = target, len(result.questions)
    return report


def _validate(yaml_text: str, target: Path, bank: str, catalog: Catalog,
              report: ImportReport) -> None:
    problems = ContentProblems()
    questions = parse_question_file(yaml_text, target.name, bank, problems)
    report.errors += [str(e) for e in problems.errors]
    replaced = {q.id for q in catalog.questions.values() if q.source.endswith(target.name)
                and q.bank == bank}
    clashes = [q.id for q in questions if q.id in catalog.questions and q.id not in replaced]
    if clashes:
        report.errors.append(f"question ids already in use: {', '.join(clashes[:5])}")


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
