"""Marks assignments done when a mentee completes the work (listens to events)."""
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


@module_completed.connect
def on_module_completed(_sender, user_id: int, slug: str, **_) -> None:
    open_items = _open(user_id, [AssignmentKind.MODULE, AssignmentKind.PATH])
    if not open_items:
        return
    done = completed_slugs(user_id)
    paths = get_catalog().paths
    for item in open_items:
        finished = (item.target == slug if item.kind is AssignmentKind.MODULE else
                    item.target in paths and set(paths[item.target].modules) <= done)
        if finished:
            item.completed_at = utcnow()
    db.session.commit()


@attempt_finished.connect
def on_attempt_finished(_sender, user_id: int, bank: str, mode: str, started_at, **_) -> None:
    kind = AssignmentKind.EXAM if mode == "exam" else AssignmentKind.PRACTICE
    for item in _open(user_id, [kind]):
        # Only an attempt begun after the assignment was made counts towards it.
        if item.target == bank and started_at >= item.created_at:
            item.completed_at = utcnow()
    db.session.commit()
