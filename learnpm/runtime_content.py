"""Content that changes at run time, kept in the database so every worker and host agrees:
imported question files and retired questions, and the version number that tells workers
to rebuild their catalog. Shipped content stays as files in git."""
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError, ProgrammingError

from .catalog.loader import QuestionSource
from .extensions import db
from .models import BankFile, ContentVersion, RetiredQuestion, utcnow

DATABASE_PREFIX = "database:"  # how a database file is named in content messages


def current_version() -> int | None:
    """The content version, or None before the database has its tables (before upgrade)."""
    try:
        return db.session.scalar(select(ContentVersion.version).where(ContentVersion.id == 1)) or 0
    except (OperationalError, ProgrammingError):
        db.session.rollback()
        return None


def mark_changed() -> None:
    """Bump the version in the caller's transaction (the caller commits)."""
    updated = db.session.execute(update(ContentVersion).where(ContentVersion.id == 1).values(
        version=ContentVersion.version + 1, changed_at=utcnow()))
    if not updated.rowcount:  # type: ignore[attr-defined]
        db.session.add(ContentVersion(id=1, version=1))


def source_name(bank: str, name: str) -> str:
    return f"{DATABASE_PREFIX}questions/{bank}/{name}"


def question_sources() -> list[QuestionSource]:
    return [QuestionSource(f.bank, source_name(f.bank, f.name), f.text)
            for f in db.session.scalars(select(BankFile).order_by(BankFile.bank, BankFile.name))]


def retired_ids() -> frozenset[str]:
    return frozenset(db.session.scalars(select(RetiredQuestion.question_id)))


def bank_file(bank: str, name: str) -> BankFile | None:
    return db.session.scalar(select(BankFile).where(BankFile.bank == bank, BankFile.name == name))


def save_bank_file(bank: str, name: str, text: str, user_id: int | None) -> BankFile:
    """Add or replace a question file and bump the version, in one transaction."""
    row = bank_file(bank, name) or BankFile(bank=bank, name=name, created_by_id=user_id)
    row.text = text
    db.session.add(row)
    mark_changed()
    db.session.commit()
    return row


def bank_files() -> list[BankFile]:
    return list(db.session.scalars(select(BankFile).order_by(BankFile.bank, BankFile.name)))
