"""Turn an uploaded GIFT or Aiken file into a LearnPM question file, all or nothing.

The result is validated exactly as `content check` would validate it. Nothing is written
here: the caller stores the file where every worker reads it (the database), so a failed
import never leaves a half-added bank.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.words import plural
from .aiken import parse_aiken
from .entries import Catalog
from .errors import ContentProblems
from .gift import parse_gift
from .importers import Skipped, detect_format, to_yaml
from .questions import parse_question_file

PARSERS = {"gift": parse_gift, "aiken": parse_aiken}


@dataclass
class ImportReport:
    bank: str = ""
    name: str = ""  # the question file's name in the bank, e.g. "imported-risk.yaml"
    format: str = ""
    text: str = ""  # the LearnPM YAML to store
    imported: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    dropped: list[Skipped] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        out = [f"line {s.line}: skipped: {s.reason}" for s in self.skipped]
        out += [f"line {d.line}: imported without its {d.reason}" for d in self.dropped]
        out += [f"error: {e}" for e in self.errors]
        if self.ok:
            out.append(f"Imported {plural(self.imported, 'question')} ({self.format}) into "
                       f"{self.bank}/{self.name}; skipped {len(self.skipped)}.")
        else:
            out.append("Nothing was imported.")
        return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "bank"


def file_name(filename: str) -> str:
    return f"imported-{_slug(Path(filename).stem)}.yaml"


def prepare_import(catalog: Catalog, filename: str, text: str, bank: str,
                   domain: str | None = None, replace: bool = False,
                   source: str = "") -> ImportReport:
    """Parse and validate an upload. `source` is how the stored file will be named in
    content messages (so questions of the file being replaced are not counted as clashes)."""
    report = ImportReport(bank=bank, name=file_name(filename))
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
    result = PARSERS[report.format](text, bank=bank, domain=domain,
                                    id_prefix=f"{bank}-{_slug(Path(filename).stem)}")
    report.skipped, report.dropped = result.skipped, result.dropped
    if result.errors:
        report.errors += [f"line {e.line}: {e.reason}" for e in result.errors]
        return report
    if not result.questions:
        report.errors.append("the file holds no question LearnPM can import")
        return report
    existing = {q.id for q in catalog.questions.values() if q.source == source}
    if existing and not replace:
        report.errors.append(f"{report.name} already exists in the {bank} bank "
                             "(import with replace to overwrite it)")
        return report
    report.text = to_yaml(result.questions)
    _validate(report, catalog, source or report.name, existing)
    if report.ok:
        report.imported = len(result.questions)
    return report


def _validate(report: ImportReport, catalog: Catalog, source: str, replaced: set[str]) -> None:
    problems = ContentProblems()
    questions = parse_question_file(report.text, source, report.bank, problems)
    report.errors += [str(e) for e in problems.errors]
    clashes = [q.id for q in questions if q.id in catalog.questions and q.id not in replaced]
    if clashes:
        report.errors.append(f"question ids already in use: {', '.join(clashes[:5])}")
