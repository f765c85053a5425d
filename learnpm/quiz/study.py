"""The study plan for an exam, worked back from the exam date."""
from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..learn.services import completed_slugs
from ..store import get_catalog
from . import bp
from .forms import ExamDateForm
from .plans import exam_date, latest_plan, set_exam_date, study
from .review_queue import due_count


@bp.route("/<bank>/plan", methods=["GET", "POST"])
@login_required
def plan(bank: str):
    exam = get_catalog().exams.get(bank)
    if exam is None:
        abort(404)
    today = date.today()
    form = ExamDateForm()
    if form.validate_on_submit():
        set_exam_date(current_user.id, exam, form.exam_date.data)
        flash("Exam date saved: your plan is below.", "success")
        return redirect(url_for("quiz.plan", bank=bank))
    found = exam_date(current_user.id, exam, today)
    if found and not form.is_submitted():
        form.exam_date.data = found[0]
    completed, due = completed_slugs(current_user.id), due_count(current_user.id)
    latest = latest_plan(current_user.id, completed=completed, due=due)
    catalog = get_catalog()
    return render_template(
        "quiz/plan.html", exam=exam, form=form, source=found[1] if found else None,
        plan=study(current_user.id, exam, today, found, latest, completed, due), latest=latest,
        path=catalog.paths.get(exam.study_path or ""), catalog=catalog,
        today=today), 422 if form.errors else 200
