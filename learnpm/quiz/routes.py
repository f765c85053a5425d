"""Practice home, setting up a quiz or an exam simulation, and history."""
import random

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from wtforms import SelectChoice

from ..charts import score_trend
from ..domain.drawing import Candidate, draw_practice, scaled_minutes
from ..domain.scoring import weakest_domains
from ..extensions import db
from ..models import Attempt, AttemptItem, Mode, ReviewCard
from ..store import get_catalog
from . import bp
from .attempts import close_expired_for, start_exam, start_practice
from .forms import ExamForm, PracticeForm
from .insights import domain_totals, finished_attempts, in_progress, readiness_for
from .review_queue import due_count


def _exam_or_404(bank: str):
    exam = get_catalog().exams.get(bank)
    if exam is None or not get_catalog().bank(bank):
        abort(404)
    return exam


def exam_sizes(exam) -> list[SelectChoice]:
    """The full exam, then shorter simulations at the same pace per question."""
    full = exam.questions
    sizes = sorted({full} | {n for n in (full // 2, full // 4, 10) if 5 <= n < full},
                   reverse=True)
    def minutes(n: int) -> int:
        return exam.minutes if n == exam.questions else scaled_minutes(
            exam.minutes, exam.questions, n)
    return [SelectChoice(n, f"{'Full exam' if n == exam.questions else 'Short'}: {n} questions, "
                            f"{minutes(n)} minutes") for n in sizes]


def _forms(exam):
    practice = PracticeForm()
    practice.domains.choices = [SelectChoice(d.id, d.name) for d in exam.domains]
    simulation = ExamForm()
    simulation.size.choices = exam_sizes(exam)
    return practice, simulation


@bp.get("/")
def home():
    catalog = get_catalog()
    exams = [e for e in catalog.exams.values() if catalog.bank(e.id)]
    context: dict[str, object] = {"exams": exams, "counts": catalog.bank_counts()}
    if current_user.is_authenticated:
        close_expired_for(current_user.id)
        attempts = finished_attempts(current_user.id, limit=30)
        context.update(
            open_attempts=in_progress(current_user.id), due=due_count(current_user.id),
            readiness={e.id: readiness_for(current_user.id, e, attempts) for e in exams})
    return render_template("quiz/home.html", **context)


@bp.get("/<bank>")
def practice_start(bank: str):
    exam = _exam_or_404(bank)
    practice, simulation = _forms(exam)
    domain = exam.domain(request.args.get("domain", ""))
    if domain:
        practice.domains.data = [domain.id]
    return _setup_page(exam, practice, simulation)


def _setup_page(exam, practice, simulation) -> str:
    return render_template("quiz/setup.html", exam=exam, practice=practice,
                           simulation=simulation, count=len(get_catalog().bank(exam.id)))


@bp.post("/<bank>/practice")
@login_required
def start_practice_quiz(bank: str):
    exam = _exam_or_404(bank)
    practice, simulation = _forms(exam)
    if not practice.validate_on_submit():
        return _setup_page(exam, practice, simulation), 422
    questions = get_catalog().bank(bank)
    chosen = draw_practice([Candidate(q.id, q.domain) for q in questions], practice.count.data,
                           random.Random(), practice.domains.data or (),
                           _preferred(bank, practice.focus.data))
    if not chosen:
        flash("There are no questions for those topics yet. Choose other topics.", "warning")
        return redirect(url_for("quiz.practice_start", bank=bank))
    by_id = {q.id: q for q in questions}
    attempt = start_practice(current_user.id, exam, [by_id[i] for i in chosen], random.Random())
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id))


def _preferred(bank: str, focus: str) -> set[str]:
    if focus == "missed":
        return set(db.session.scalars(select(ReviewCard.question_id).where(
            ReviewCard.user_id == current_user.id, ReviewCard.bank == bank)))
    if focus == "unseen":
        seen = set(db.session.scalars(select(AttemptItem.question_id).join(Attempt).where(
            Attempt.user_id == current_user.id, Attempt.bank == bank,
            AttemptItem.answered_at.is_not(None)).distinct()))
        return {q.id for q in get_catalog().bank(bank)} - seen
    return set()


@bp.post("/<bank>/exam")
@login_required
def start_exam_simulation(bank: str):
    exam = _exam_or_404(bank)
    practice, simulation = _forms(exam)
    if not simulation.validate_on_submit():
        return _setup_page(exam, practice, simulation), 422
    attempt = start_exam(current_user.id, exam, get_catalog().bank(bank), simulation.size.data,
                         random.Random())
    for note in attempt.notes:
        flash(note, "info")
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id))


@bp.get("/history")
@login_required
def history():
    close_expired_for(current_user.id)
    catalog = get_catalog()
    attempts = finished_attempts(current_user.id)
    per_exam = []
    for exam in catalog.exams.values():
        mine = [a for a in attempts if a.bank == exam.id]
        if not mine:
            continue
        sims = [a for a in reversed(mine) if a.mode is Mode.EXAM]
        points = [(f"{a.submitted_at:%d %b}", a.percent) for a in sims if a.percent is not None]
        names = {d.id: d.name for d in exam.domains}
        weak = [(names.get(d, d), p, n) for d, p, n in
                weakest_domains(domain_totals(current_user.id, exam.id))]
        per_exam.append({"exam": exam, "attempts": mine, "points": points, "weak": weak,
                         "chart": score_trend(points, exam.grading.bar,
                                              f"{exam.name} simulation scores over time",
                                              chart_id=f"trend-{exam.id}")})
    return render_template("quiz/history.html", per_exam=per_exam)
