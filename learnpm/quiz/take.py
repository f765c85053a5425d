"""Taking an attempt: one question at a time, answers saved as they are given."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm.interfaces import ORMOption

from .. import feedback
from ..domain import timing
from ..domain.results import compare
from ..models import CommentSubject, Mode, utcnow
from ..store import get_catalog
from . import bp
from .attempts import (
    AnswerRefused,
    close_if_expired,
    effective_deadline,
    end_section,
    finish,
    load_attempt,
    load_attempt_item,
    open_section,
    parse_confidence,
    parse_response,
    resume_after_break,
    save_answer,
)
from .insights import previous_attempt
from .navigator import NAVIGATOR_ITEMS, question_details
from .notes import tools_for, tools_with
from .plans import result_plan


def _own_attempt(attempt_id: int, items: ORMOption | None = None):
    attempt = load_attempt(attempt_id, current_user.id, items)
    if attempt is None:
        abort(404)  # someone else's attempt looks exactly like a missing one
    return attempt


def _clock(attempt) -> dict:
    deadline = effective_deadline(attempt)
    left = timing.seconds_left(utcnow(), deadline)
    return {"deadline": deadline, "seconds_left": left,
            "time_left": timing.describe_duration(left) if left is not None else None}


@bp.get("/attempts/<int:attempt_id>")
@login_required
def attempt(attempt_id: int):
    attempt = _own_attempt(attempt_id, NAVIGATOR_ITEMS)
    if close_if_expired(attempt):
        flash("Time ran out, so your exam was scored as it stood at the deadline.", "info")
    if attempt.finished:
        return redirect(url_for("quiz.result", attempt_id=attempt.id))
    if attempt.break_started_at is not None:
        return render_template("quiz/break.html", attempt=attempt,
                               **_clock(attempt))
    item = _chosen_item(attempt)
    section = open_section(attempt) if attempt.mode is Mode.EXAM else None
    return render_template(
        "quiz/question.html", attempt=attempt, item=item, section=section,
        exam=get_catalog().exams.get(attempt.bank),
        answered=sum(1 for i in attempt.items if i.answered),
        **tools_with(*question_details(item, current_user.id)), **_clock(attempt))


def _chosen_item(attempt):
    items = attempt.items
    if attempt.mode is Mode.EXAM:
        section = open_section(attempt)
        items = [i for i in items if i.position in section]
    wanted = request.args.get("q", type=int)
    chosen = next((i for i in items if i.position == wanted), None)
    return chosen or next((i for i in items if not i.answered), items[-1])


@bp.post("/attempts/<int:attempt_id>/items/<int:position>")
@login_required
def answer(attempt_id: int, position: int):
    found = load_attempt_item(attempt_id, current_user.id, position)
    if found is None:
        abort(404)  # someone else's attempt looks exactly like a missing one
    attempt, item = found
    practice = attempt.mode is Mode.PRACTICE
    flagged = None if practice else request.form.get("flagged") == "1"
    response, answered_before = parse_response(item.question, request.form), item.answered
    # Where to go next does not depend on the answer: work it out before the commit expires
    # the attempt, which would cost another query to read it back.
    following = _after_answer(attempt, position, request.form.get("go", "next"))
    try:
        save_answer(attempt, item, response, flagged, parse_confidence(request.form))
    except AnswerRefused as refused:
        flash(str(refused), "warning")
        return redirect(url_for("quiz.attempt", attempt_id=attempt_id))
    if practice and response is None and not answered_before:
        flash("Choose an answer first.", "warning")
    return redirect(following)


def _after_answer(attempt, position: int, go: str) -> str:
    if attempt.mode is Mode.PRACTICE:
        return url_for("quiz.attempt", attempt_id=attempt.id, q=position)
    if go == "review":
        return url_for("quiz.review", attempt_id=attempt.id)
    section = open_section(attempt)
    target = {"next": position + 1, "prev": position - 1}.get(go)
    if go.startswith("q-") and go[2:].isdigit():
        target = int(go[2:])
    if target is None or target not in section:
        return url_for("quiz.review", attempt_id=attempt.id)
    return url_for("quiz.attempt", attempt_id=attempt.id, q=target)


@bp.get("/attempts/<int:attempt_id>/review")
@login_required
def review(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if close_if_expired(attempt) or attempt.finished:
        return redirect(url_for("quiz.result", attempt_id=attempt.id))
    section = open_section(attempt)
    items = [i for i in attempt.items if i.position in section]
    return render_template("quiz/review.html", attempt=attempt, items=items, section=section,
                           last_section=section.last == attempt.question_count,
                           show=request.args.get("show", "all"), **_clock(attempt))


@bp.post("/attempts/<int:attempt_id>/submit")
@login_required
def submit(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if not close_if_expired(attempt) and not attempt.finished:
        finish(attempt)
        flash("Your answers are submitted and scored.", "success")
    return redirect(url_for("quiz.result", attempt_id=attempt.id))


@bp.post("/attempts/<int:attempt_id>/section")
@login_required
def next_section(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if not close_if_expired(attempt):
        end_section(attempt)
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id))


@bp.post("/attempts/<int:attempt_id>/resume")
@login_required
def resume(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    resume_after_break(attempt)
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id))


@bp.get("/attempts/<int:attempt_id>/result")
@login_required
def result(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    close_if_expired(attempt)
    if not attempt.finished:
        return redirect(url_for("quiz.attempt", attempt_id=attempt.id))
    exam = get_catalog().exams.get(attempt.bank)
    names = {d.id: d.name for d in exam.domains} if exam else {}
    used = ((attempt.submitted_at or attempt.started_at) - attempt.started_at).total_seconds()
    previous = previous_attempt(attempt)
    return render_template(
        "quiz/result.html", attempt=attempt, exam=exam, names=names,
        time_used=timing.describe_duration(int(used)),
        result=result_plan(attempt, exam) if exam else None, previous=previous,
        changes=compare(attempt.domain_results or [], previous.domain_results or [])
        if previous else [],
        comments=feedback.thread(current_user.id, CommentSubject.ATTEMPT, attempt.id),
        **tools_for(current_user.id, [i.question_id for i in attempt.items]))
