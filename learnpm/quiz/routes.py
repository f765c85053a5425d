"""Practice home, the quiz builder, exam simulations and mini-exams, and history."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from wtforms import SelectChoice

from ..catalog import ExamBlueprint
from ..charts import score_trend
from ..domain.drawing import Filters, Focus
from ..domain.remediation import TARGETED_SET
from ..domain.scoring import weakest_domains
from ..models import Mode
from ..store import get_catalog
from . import bp
from .attempts import close_expired_for
from .forms import ExamForm, MiniExamForm, PracticeForm
from .insights import domain_totals, finished_attempts, in_progress, readiness_for
from .practice import build_mock, build_practice, unseen_for_full_exam
from .review_queue import due_count
from .sizes import exam_sizes


def _exam_or_404(bank: str):
    exam = get_catalog().exams.get(bank)
    if exam is None or not get_catalog().bank(bank):
        abort(404)
    return exam


class SetupForms:
    """The three ways to start from the setup page, with their choices filled in."""

    def __init__(self, exam: ExamBlueprint):
        self.practice = PracticeForm()
        self.practice.domains.choices = [SelectChoice(d.id, d.name) for d in exam.domains]
        self.practice.tasks.choices = [SelectChoice(t.id, t.name, optgroup=d.name)
                                       for d in exam.domains for t in d.tasks]
        self.simulation = ExamForm()
        self.simulation.size.choices = exam_sizes(exam)
        self.mini = MiniExamForm(prefix="mini")
        self.mini.domain.choices = [SelectChoice(d.id, d.name) for d in exam.domains]


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
    forms = SetupForms(exam)
    if domain := exam.domain(request.args.get("domain", "")):
        forms.practice.domains.data = [domain.id]
    if task := request.args.get("task"):
        forms.practice.tasks.data = [task]
    return _setup_page(exam, forms)


def _setup_page(exam: ExamBlueprint, forms: SetupForms, status: int = 200):
    unseen = None
    if current_user.is_authenticated:
        unseen = unseen_for_full_exam(current_user.id, exam)
    return render_template("quiz/setup.html", exam=exam, forms=forms, unseen=unseen,
                           count=len(get_catalog().bank(exam.id))), status


@bp.post("/<bank>/practice")
@login_required
def start_practice_quiz(bank: str):
    exam = _exam_or_404(bank)
    forms = SetupForms(exam)
    form = forms.practice
    if not form.validate_on_submit():
        return _setup_page(exam, forms, 422)
    filters = Filters(form.domains.data or (), form.tasks.data or (),
                      form.approaches.data or (), form.difficulties.data or ())
    attempt = build_practice(current_user.id, exam, form.count.data, filters,
                             Focus(form.focus.data))
    if attempt is None:
        form.focus.errors.append("No questions match these choices yet. Widen the filters or "
                                 "choose other questions.")
        return _setup_page(exam, forms, 422)
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id))


@bp.post("/<bank>/targeted")
@login_required
def targeted_practice(bank: str):
    """The plan's one-click set: new or missed questions on the tasks it names."""
    exam = _exam_or_404(bank)
    tasks = [t for t in request.form.getlist("task") if t in exam.task_ids]
    attempt = build_practice(current_user.id, exam, TARGETED_SET, Filters(tasks=tasks),
                             Focus.TARGETED)
    if attempt is None:
        flash("You have answered every question on those tasks correctly. Try a mock exam "
              "or the review queue.", "info")
        return redirect(url_for("quiz.practice_start", bank=bank))
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id))


@bp.post("/<bank>/exam")
@login_required
def start_exam_simulation(bank: str):
    exam = _exam_or_404(bank)
    forms = SetupForms(exam)
    if not forms.simulation.validate_on_submit():
        return _setup_page(exam, forms, 422)
    return _started(build_mock(current_user.id, exam, forms.simulation.size.data))


@bp.post("/<bank>/mini-exam")
@login_required
def start_mini_exam(bank: str):
    exam = _exam_or_404(bank)
    forms = SetupForms(exam)
    if not forms.mini.validate_on_submit():
        return _setup_page(exam, forms, 422)
    return _started(build_mock(current_user.id, exam, forms.mini.size.data,
                               domain=forms.mini.domain.data))


def _started(attempt):
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
