"""The daily review queue: missed questions come back before they are forgotten."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..catalog import Question
from ..domain.questions import Response
from ..store import get_catalog
from . import bp
from .attempts import parse_response
from .review_queue import answer_card, due_cards, due_count, get_card, next_due, remove_card


class _Shown:
    """Duck-types an attempt item so the question templates render a review card."""

    def __init__(self, question: Question, response: Response | None = None):
        self.question = question.snapshot()
        self.order = self.question.choice_keys()
        self.response, self.flagged, self.position = response, False, 1
        self.answered = response is not None
        self.correct = self.question.mark(response).correct if response is not None else None


@bp.get("/review")
@login_required
def review_queue():
    catalog = get_catalog()
    for card in due_cards(current_user.id):
        question = catalog.questions.get(card.question_id)
        if question is None:
            remove_card(card)  # the question left the bank: nothing to review
            continue
        return render_template("quiz/queue.html", card=card, item=_Shown(question),
                               question=question,
                               due=due_count(current_user.id))
    return render_template("quiz/queue.html", card=None, next_due=next_due(current_user.id))


@bp.post("/review/<int:card_id>")
@login_required
def review_answer(card_id: int):
    card = get_card(current_user.id, card_id)
    if card is None:
        abort(404)
    question = get_catalog().questions.get(card.question_id)
    if question is None:
        remove_card(card)
        return redirect(url_for("quiz.review_queue"))
    response = parse_response(question.snapshot(), request.form)
    if response is None:
        flash("Choose an answer first.", "warning")
        return redirect(url_for("quiz.review_queue"))
    shown = _Shown(question, response)
    answer_card(card, bool(shown.correct))
    return render_template("quiz/queue.html", card=card, item=shown, question=question,
                           answered=True)
