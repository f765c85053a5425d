"""Reading progress: the database side of the library."""
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..events import module_completed
from ..extensions import db
from ..models import ModuleProgress, utcnow


def progress_by_slug(user_id: int) -> dict[str, ModuleProgress]:
    """All of a learner's progress in one query (pages must not query per module)."""
    rows = db.session.scalars(select(ModuleProgress).where(ModuleProgress.user_id == user_id))
    return {row.module_slug: row for row in rows}


def completed_slugs(user_id: int) -> set[str]:
    rows = db.session.scalars(select(ModuleProgress.module_slug).where(
        ModuleProgress.user_id == user_id, ModuleProgress.completed_at.is_not(None)))
    return set(rows)


def _get_or_create(user_id: int, slug: str,
                   rows: dict[str, ModuleProgress] | None = None) -> ModuleProgress:
    """The learner's row for `slug`, new if none; `rows`: all their rows, just read."""
    row = rows.get(slug) if rows is not None else db.session.scalar(select(ModuleProgress).where(
        ModuleProgress.user_id == user_id, ModuleProgress.module_slug == slug))
    if row is None:
        row = ModuleProgress(user_id=user_id, module_slug=slug)
        db.session.add(row)
    return row


def _commit_upsert(user_id: int, slug: str, change,
                   rows: dict[str, ModuleProgress] | None = None) -> ModuleProgress:
    """Apply `change` to the learner's row, creating it; a double click cannot duplicate it."""
    row = _get_or_create(user_id, slug, rows)
    change(row)
    try:
        db.session.commit()
    except IntegrityError:  # another request created the row first: apply to that one
        db.session.rollback()
        row = _get_or_create(user_id, slug)
        change(row)
        db.session.commit()
    return row


VIEW_GRANULARITY = timedelta(minutes=5)


def record_view(user_id: int, slug: str) -> tuple[ModuleProgress, set[str]]:
    """Note that a learner opened a module (repeat views within minutes write nothing) and
    return their row for it with the modules they completed: one query on a repeat view."""
    rows = progress_by_slug(user_id)
    completed = {s for s, row in rows.items() if row.completed_at is not None}
    row = rows.get(slug)
    if row is not None and utcnow() - row.last_viewed_at < VIEW_GRANULARITY:
        return row, completed

    def touch(row: ModuleProgress) -> None:
        row.last_viewed_at = utcnow()
    return _commit_upsert(user_id, slug, touch, rows), completed


def set_completed(user_id: int, slug: str, completed: bool) -> ModuleProgress:
    def mark(row: ModuleProgress) -> None:
        if completed and row.completed_at is None:
            row.completed_at = utcnow()
        elif not completed:
            row.completed_at = None
    row = _commit_upsert(user_id, slug, mark)
    if completed:
        module_completed.send(None, user_id=user_id, slug=slug)
    return row
