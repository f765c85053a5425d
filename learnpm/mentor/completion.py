"""Marks assignments done when a mentee completes the work (listens to events)."""
from datetime import datetime

from sqlalchemy import select

from ..events import attempt_finished, module_completed
from ..extensions import db
from ..learn.services import completed_slugs
from ..models import Assignment, AssignmentKind, utcnow
from ..store import get_catalog


def _open(user_id: int, kinds: list[AssignmentKind]) -> list[Assignment]:
    return list(db.session.scalars(select(Assignment).where(
        Assignment.mentee_id == user_id, Assignment.completed_at.is_(None),
        Assignment.kind.in_(kinds))))


READING = (AssignmentKind.MODULE, AssignmentKind.PATH)


def _reading_done(item: Assignment, done: set[str], paths) -> bool:
    """A module assignment is done once the module is; a path once all its modules are."""
    if item.kind is AssignmentKind.MODULE:
        return item.target in done
    return item.target in paths and set(paths[item.target].modules) <= done


def mark_reading_done(assignments: list[Assignment], done: set[str]) -> None:
    """Stamp reading assignments whose work the mentee has finished (`done`: module slugs)."""
    paths = get_catalog().paths
    for item in assignments:
        if item.kind in READING and _reading_done(item, done, paths):
            item.completed_at = utcnow()
    db.session.commit()


def complete_if_already_done(assignments: list[Assignment]) -> None:
    """A module or path the mentee has already finished counts as done at once."""
    by_mentee: dict[int, list[Assignment]] = {}
    for item in assignments:
        by_mentee.setdefault(item.mentee_id, []).append(item)
    for mentee_id, items in by_mentee.items():
        mark_reading_done(items, completed_slugs(mentee_id))


@module_completed.connect
def on_module_completed(_sender, user_id: int, slug: str, **_) -> None:
    open_items = _open(user_id, list(READING))
    if open_items:
        mark_reading_done(open_items, completed_slugs(user_id))


@attempt_finished.connect
def on_attempt_finished(_sender, user_id: int, bank: str, mode: str, started_at: datetime,
                        size: int = 0, **_) -> None:
    kind = AssignmentKind.EXAM if mode == "exam" else AssignmentKind.PRACTICE
    for item in _open(user_id, [kind]):
        # Only an attempt begun after the assignment was made, and at least as long as it
        # asks for, counts towards it.
        if item.target == bank and started_at >= item.created_at and size >= (item.size or 0):
            item.completed_at = utcnow()
    db.session.commit()
