"""Things a learner does with a question wherever they meet it: star it, note why they chose
what they chose, report a problem with it. And the pages that list stars and notes."""
from collections.abc import Iterable
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..auth.services import safe_next
from ..catalog import Question
from ..models import ReportReason
from ..store import get_catalog
from . import bp, notebook, reports
from .forms import JournalForm, ReportForm


def tools_for(user_id: int, question_ids: Iterable[str]) -> dict[str, Any]:
    """What the question partials need for these questions, in one query."""
    return tools_with(*notebook.notes_on(user_id, question_ids))


def tools_with(starred: set[str], journal: dict[str, notebook.JournalNote]) -> dict[str, Any]:
    """What the question partials need, from the learner's stars and notes already read."""
    return {"starred": starred, "journal": journal,
            "report_form": ReportForm(formdata=None), "journal_form": JournalForm(formdata=None)}


def _question_or_404(question_id: str) -> Question:
    question = get_catalog().questions.get(question_id)
    if question is None:
        abort(404)
    return question


def _back(anchor: str = "") -> str:
    target = safe_next(request.form.get("next") or request.args.get("next"))
    return (target or url_for("quiz.home")) + (f"#{anchor}" if anchor and target else "")


@bp.post("/questions/<question_id>/star")
@login_required
def star(question_id: str):
    now = notebook.toggle_star(current_user.id, _question_or_404(question_id))
    flash("Starred: practise your starred questions from any setup page." if now
          else "Star removed.", "success")
    return redirect(_back(f"tools-{question_id}"))


@bp.post("/questions/<question_id>/journal")
@login_required
def write_journal(question_id: str):
    question = _question_or_404(question_id)
    form = JournalForm()
    if not form.validate_on_submit():
        return render_template("quiz/journal_entry.html", question=question, form=form,
                               back=_back()), 422
    notebook.write_journal(current_user.id, question, form.note.data)
    flash("Saved in your error journal. It will be shown when this question comes back.",
          "success")
    return redirect(_back(f"tools-{question_id}"))


@bp.post("/questions/<question_id>/journal/delete")
@login_required
def delete_journal(question_id: str):
    if not notebook.delete_journal(current_user.id, question_id):
        abort(404)
    flash("Journal note removed.", "info")
    return redirect(_back() if request.form.get("next") else url_for("quiz.journal"))


@bp.get("/journal")
@login_required
def journal():
    """The error journal by exam and task, and the starred questions."""
    catalog = get_catalog()
    groups: dict[tuple[str, str], list[Any]] = {}
    for entry in notebook.journal(current_user.id):
        groups.setdefault((entry.bank, entry.task or ""), []).append(entry)
    return render_template("quiz/journal.html", groups=groups, catalog=catalog,
                           stars=notebook.starred_questions(current_user.id))


@bp.route("/questions/<question_id>/report", methods=["GET", "POST"])
@login_required
def report(question_id: str):
    question = _question_or_404(question_id)
    form = ReportForm()
    if form.validate_on_submit():
        reports.report(current_user.id, question, ReportReason(form.reason.data),
                       form.note.data or "")
        flash("Thank you: your report is with the editors. Questions that are wrong are "
              "fixed or taken out of use.", "success")
        return redirect(_back(f"tools-{question_id}"))
    status = 422 if form.is_submitted() else 200
    return render_template("quiz/report.html", question=question, form=form,
                           back=_back()), status
