"""What admins change at run time: imports, retired questions, reloads. Each change bumps
the content version, so every worker and host picks it up within seconds; this worker
rebuilds at once."""
from .. import runtime_content
from ..catalog.bank_import import ImportReport, file_name, prepare_import
from ..extensions import db
from ..models import BankFile, ReportStatus, User
from ..quiz import reports
from ..store import get_store


def import_questions(filename: str, text: str, bank: str, domain: str | None, replace: bool,
                     user_id: int | None) -> ImportReport:
    store = get_store()
    report = prepare_import(store.catalog, filename, text, bank, domain, replace,
                            source=runtime_content.source_name(bank, file_name(filename)))
    if report.ok:
        runtime_content.save_bank_file(bank, report.name, report.text, user_id)
        store.reload()
    return report


def resolve_reports(question_id: str, status: ReportStatus, admin: User, response: str) -> int:
    closed = reports.resolve(question_id, status, admin, response)
    if status is ReportStatus.RETIRED:
        runtime_content.mark_changed()
        db.session.commit()
        get_store().reload()
    return closed


def reload_content() -> None:
    """Re-read the files everywhere (after a deploy that changed content, say)."""
    runtime_content.mark_changed()
    db.session.commit()
    get_store().reload()


def delete_bank_file(file_id: int) -> str | None:
    row = db.session.get(BankFile, file_id)
    if row is None:
        return None
    name = f"{row.bank}/{row.name}"
    db.session.delete(row)
    runtime_content.mark_changed()
    db.session.commit()
    get_store().reload()
    return name
