"""What a question page reads, in two queries whatever the attempt's length: every item's
state for the navigator (answered, flagged: load_attempt with NAVIGATOR_ITEMS), then the one
question shown, in full, with the learner's star and journal note on it. Only that
question's stored text is decoded: a full PMP simulation holds 180, and decoding them all on
every page cost more than the page."""
from sqlalchemy import and_, select
from sqlalchemy.orm import defer, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from ..extensions import db
from ..models import Attempt, AttemptItem, JournalEntry, Star
from .notebook import JournalNote

# The columns only the question shown needs: read for that item alone (question_details).
DETAIL = ("snapshot", "order", "response")

# How load_attempt loads a question page's items: less their DETAIL.
NAVIGATOR_ITEMS = selectinload(Attempt.items).options(
    *(defer(getattr(AttemptItem, name)) for name in DETAIL))


def question_details(item: AttemptItem, user_id: int
                     ) -> tuple[set[str], dict[str, JournalNote]]:
    """Load `item`'s DETAIL and return the learner's star and note on its question, as
    notebook.notes_on does for a list of questions."""
    row = db.session.execute(
        select(*(getattr(AttemptItem, name) for name in DETAIL), Star.question_id,
               JournalEntry.note, JournalEntry.updated_at)
        .outerjoin(Star, and_(Star.user_id == user_id,
                              Star.question_id == AttemptItem.question_id))
        .outerjoin(JournalEntry, and_(JournalEntry.user_id == user_id,
                                      JournalEntry.question_id == AttemptItem.question_id))
        .where(AttemptItem.id == item.id)).one()
    for name, value in zip(DETAIL, row, strict=False):
        set_committed_value(item, name, value)
    starred, note, updated_at = row[len(DETAIL):]
    return ({item.question_id} if starred else set(),
            {item.question_id: JournalNote(note, updated_at)} if note is not None else {})
