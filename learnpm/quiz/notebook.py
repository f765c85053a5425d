"""The learner's notebook: starred questions and the error journal."""
from collections.abc import Iterable

from sqlalchemy import select

from ..catalog import Question
from ..extensions import db
from ..models import JournalEntry, Star


def starred(user_id: int, question_ids: Iterable[str]) -> set[str]:
    ids = list(set(question_ids))
    if not ids:
        return set()
    return set(db.session.scalars(select(Star.question_id).where(
        Star.user_id == user_id, Star.question_id.in_(ids))))


def toggle_star(user_id: int, question: Question) -> bool:
    """Star or unstar a question; True if it is starred now."""
    found = db.session.get(Star, (user_id, question.id))
    if found:
        db.session.delete(found)
    else:
        db.session.add(Star(user_id=user_id, question_id=question.id, bank=question.bank))
    db.session.commit()
    return found is None


def journal_for(user_id: int, question_ids: Iterable[str]) -> dict[str, JournalEntry]:
    ids = list(set(question_ids))
    if not ids:
        return {}
    return {e.question_id: e for e in db.session.scalars(select(JournalEntry).where(
        JournalEntry.user_id == user_id, JournalEntry.question_id.in_(ids)))}


def write_journal(user_id: int, question: Question, note: str) -> JournalEntry:
    """One entry per question: writing again replaces the note."""
    entry = db.session.scalar(select(JournalEntry).where(
        JournalEntry.user_id == user_id, JournalEntry.question_id == question.id))
    entry = entry or JournalEntry(user_id=user_id, question_id=question.id, bank=question.bank,
                                  task=question.task)
    entry.note = note.strip()
    db.session.add(entry)
    db.session.commit()
    return entry


def delete_journal(user_id: int, question_id: str) -> bool:
    entry = db.session.scalar(select(JournalEntry).where(
        JournalEntry.user_id == user_id, JournalEntry.question_id == question_id))
    if entry is None:
        return False
    db.session.delete(entry)
    db.session.commit()
    return True


def journal(user_id: int) -> list[JournalEntry]:
    """Every entry, grouped by bank and task by the caller; newest first within."""
    return list(db.session.scalars(select(JournalEntry).where(JournalEntry.user_id == user_id)
                                   .order_by(JournalEntry.bank, JournalEntry.task,
                                             JournalEntry.updated_at.desc())))


def starred_questions(user_id: int) -> list[Star]:
    return list(db.session.scalars(select(Star).where(Star.user_id == user_id)
                                   .order_by(Star.bank, Star.created_at.desc())))
