"""The learner's notebook: starred questions and the error journal."""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import literal, null, select, union_all

from ..catalog import Question
from ..extensions import db
from ..models import JournalEntry, Star


@dataclass(frozen=True)
class JournalNote:
    note: str
    updated_at: datetime


def notes_on(user_id: int, question_ids: Iterable[str]
             ) -> tuple[set[str], dict[str, JournalNote]]:
    """Which of these questions the learner starred, and their journal notes on them: one
    query for both, as every question page shows both."""
    ids = list(set(question_ids))
    if not ids:
        return set(), {}
    stars = select(Star.question_id, literal(False), null(), null()).where(
        Star.user_id == user_id, Star.question_id.in_(ids))
    notes = select(JournalEntry.question_id, literal(True), JournalEntry.note,
                   JournalEntry.updated_at).where(
        JournalEntry.user_id == user_id, JournalEntry.question_id.in_(ids))
    starred: set[str] = set()
    journal: dict[str, JournalNote] = {}
    # Notes first: a UNION's columns take their types (text, timestamp) from its first part.
    rows = cast(Iterable[tuple[str, bool, str, datetime]],  # the typing of UNION is lost
                db.session.execute(union_all(notes, stars)))
    for question_id, is_note, note, updated_at in rows:
        if is_note:
            journal[question_id] = JournalNote(note, updated_at)
        else:
            starred.add(question_id)
    return starred, journal


def toggle_star(user_id: int, question: Question) -> bool:
    """Star or unstar a question; True if it is starred now."""
    found = db.session.get(Star, (user_id, question.id))
    if found:
        db.session.delete(found)
    else:
        db.session.add(Star(user_id=user_id, question_id=question.id, bank=question.bank))
    db.session.commit()
    return found is None


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
