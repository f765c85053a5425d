"""The daily review queue: missed questions come back before they are forgotten, and can
be drilled again at once."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..catalog import Question
from ..domain.drawing import Filters, Focus
from ..domain.questions import Response
from ..store import get_catalog
from . import bp
from .attempts import parse_confidence, parse_response
from .forms import ReviewSettingsForm
from .notes import tools_for
from .practice import build_practice
from .review_queue import (
    answer_card,
    card_question_ids,
    daily_new_cards,
    due_cards,
    due_count,
    get_card,
    next_due,
    remove_card,
    set_daily_new_cards,
    waiting_count,
)

AGAIN_NOW_MAX = 50


class _Shown:
    """Duck-types an attempt item so the question templates render a review card."""

    def __init__(self, question: Question, response: Response | None = None):
        self.question = question.snapshot()
        self.question_id = question.id
        self.order = self.question.choice_keys()
        self.response, self.flagged, self.position = response, False, 1
        self.answered = response is not None
        self.correct = self.question.mark(response).correct if response is not None else None


def _page(**context):
    user_id = current_user.id
    form = context.pop("settings_form", None) or ReviewSettingsForm(
        formdata=None, daily_new_cards=daily_new_cards(user_id))
    missed: dict[str, int] = {}
    for question_id in card_question_ids(user_id):
        question = get_catalog().in_use(question_id)
        if question:
            missed[question.bank] = missed.get(question.bank, 0) + 1
    item = context.get("item")
    return render_template(
        "quiz/queue.html", settings_form=form, missed_by_bank=missed,
        exams=get_catalog().exams,
        waiting=waiting_count(user_id), due=due_count(user_id),
        **tools_for(user_id, [item.question_id] if item else []), **context)


@bp.get("/review")
@login_required
def review_queue():
    catalog = get_catalog()
    for card in due_cards(current_user.id):
        question = catalog.in_use(card.question_id)
        if question is None:
            remove_card(card)  # the question left the bank or was retired: nothing to review
            continue
        return _page(card=card, item=_Shown(question), question=question)
    return _page(card=None, next_due=next_due(current_user.id))


@bp.post("/review/<int:card_id>")
@login_required
def review_answer(card_id: int):
    card = get_card(current_user.id, card_id)
    if card is None:
        abort(404)
    question = get_catalog().in_use(card.question_id)
    if question is None:
        remove_card(card)
        return redirect(url_for("quiz.review_queue"))
    response = parse_response(question.snapshot(), request.form)
    if response is None:
        flash("Choose an answer first.", "warning")
        return redirect(url_for("quiz.review_queue"))
    shown = _Shown(question, response)
    answer_card(card, bool(shown.correct), parse_confidence(request.form))
    return _page(card=card, item=shown, question=question, answered=True)


@bp.post("/review/again/<bank>")
@login_required
def again_now(bank: str):
    """Drill the missed questions of a bank right away, outside the schedule."""
    exam = get_catalog().exams.get(bank)
    if exam is None:
        abort(404)
    attempt = build_practice(current_user.id, exam, AGAIN_NOW_MAX, Filters(),
                             Focus.MISSED_ONLY)
    if attempt is None:
        flash("No missed questions to drill in that exam.", "info")
        return redirect(url_for("quiz.review_queue"))
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id))


@bp.post("/review/settings")
@login_required
def review_settings():
    form = ReviewSettingsForm()
    if not form.validate_on_submit():
        return _page(card=None, next_due=next_due(current_user.id), settings_form=form), 422
    set_daily_new_cards(current_user.id, form.daily_new_cards.data)
    flash(f"Up to {form.daily_new_cards.data} new cards a day from now on.", "success")
    return redirect(url_for("quiz.review_queue"))
