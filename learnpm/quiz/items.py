"""Item analysis for mentors and admins: which questions are too hard, too easy or do not
separate strong learners from weak ones (arithmetic in domain.item_analysis)."""
import json

from flask import abort, render_template, request
from sqlalchemy import String, and_, case, cast, func, select

from ..auth.access import role_required
from ..catalog import Question
from ..domain.item_analysis import GROUP_SHARE, SORTS, ItemCounts, analyse, top_wrong_response
from ..extensions import db
from ..models import Attempt, AttemptItem, Mode, Role, Status
from ..store import get_catalog
from . import bp


def item_counts(bank: str) -> dict[str, ItemCounts]:
    """Answers, right answers, and both among the top and bottom 27% of exam scores, per
    question: one query, whatever the number of attempts."""
    ranked = (select(Attempt.id.label("attempt_id"), func.percent_rank().over(
        order_by=cast(Attempt.correct, db.Float) / Attempt.total).label("rank"))
        .where(Attempt.bank == bank, Attempt.mode == Mode.EXAM,
               Attempt.status != Status.IN_PROGRESS, Attempt.total > 0).subquery())
    right = case((AttemptItem.correct.is_(True), 1), else_=0)
    upper = ranked.c.rank >= 1 - GROUP_SHARE
    lower = ranked.c.rank <= GROUP_SHARE

    def count_if(condition, value=1):
        return func.sum(case((condition, value), else_=0))

    rows = db.session.execute(
        select(AttemptItem.question_id, func.count(), func.sum(right),
               count_if(upper), count_if(and_(upper, AttemptItem.correct.is_(True))),
               count_if(lower), count_if(and_(lower, AttemptItem.correct.is_(True))))
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .outerjoin(ranked, ranked.c.attempt_id == Attempt.id)
        .where(Attempt.bank == bank, AttemptItem.answered_at.is_not(None))
        .group_by(AttemptItem.question_id))
    return {qid: ItemCounts(qid, *(int(n or 0) for n in counts))
            for qid, *counts in rows}


def wrong_responses(bank: str) -> dict[str, dict[str, int]]:
    """How often each wrong response was given, per question (one query)."""
    response = cast(AttemptItem.response, String)
    found: dict[str, dict[str, int]] = {}
    for qid, given, n in db.session.execute(
            select(AttemptItem.question_id, response, func.count())
            .join(Attempt, Attempt.id == AttemptItem.attempt_id)
            .where(Attempt.bank == bank, AttemptItem.correct.is_(False),
                   AttemptItem.answered_at.is_not(None))
            .group_by(AttemptItem.question_id, response)):
        found.setdefault(qid, {})[str(given)] = int(n)
    return found


@bp.get("/items")
@role_required(Role.MENTOR)
def items():
    catalog = get_catalog()
    exams = [e for e in catalog.exams.values() if catalog.bank(e.id)]
    if not exams:
        abort(404)
    exam = catalog.exams.get(request.args.get("bank", "")) or exams[0]
    sort = request.args.get("sort", "flags")
    counts = item_counts(exam.id)
    wrong = wrong_responses(exam.id)
    stats = [analyse(c, top_wrong_response(wrong.get(qid, {}))) for qid, c in counts.items()]
    stats.sort(key=SORTS.get(sort, SORTS["flags"]))
    picked = {s.question_id: describe(catalog.questions.get(s.question_id), s.top_distractor)
              for s in stats if s.top_distractor}
    return render_template("quiz/items.html", exam=exam, exams=exams, stats=stats, sort=sort,
                           catalog=catalog, sorts=list(SORTS), picked=picked)


def describe(question: Question | None, stored: str) -> str:
    """A stored response in words: the options' texts, or how many pairs were matched."""
    try:
        response = json.loads(stored)
    except ValueError:
        return stored
    if question is None:
        return stored
    if isinstance(response, dict):
        right = sum(1 for left, given in response.items() if left == given)
        return f"{right} of {len(question.pairs)} pairs matched"
    texts = {o.key: o.text for o in question.options}
    return " + ".join(texts.get(key, key) for key in response)
