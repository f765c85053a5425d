"""The report queue: learners' reports on questions, grouped by question, and what to do."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from ..auth.access import role_required
from ..models import ReportStatus, Role
from ..quiz import reports
from ..store import get_catalog
from . import bp, services
from .forms import ResolveForm

VERBS = {ReportStatus.FIXED: "marked fixed", ReportStatus.DISMISSED: "dismissed",
         ReportStatus.RETIRED: "retired: it will not be drawn again"}


@bp.get("/reports")
@role_required(Role.ADMIN)
def report_queue():
    grouped: dict[str, list] = {}
    for row in reports.open_reports():
        grouped.setdefault(row.question_id, []).append(row)
    return render_template("admin/reports.html", grouped=grouped, catalog=get_catalog(),
                           resolved=reports.recent_resolved(), form=ResolveForm(formdata=None))


@bp.post("/reports/<question_id>")
@role_required(Role.ADMIN)
def resolve_reports(question_id: str):
    form = ResolveForm()
    if not form.validate_on_submit():
        abort(400)
    status = ReportStatus(form.action.data)
    closed = services.resolve_reports(question_id, status, current_user, form.response.data or "")
    if not closed:
        abort(404)
    flash(f"{question_id}: {closed} report(s) {VERBS[status]}.", "success")
    return redirect(url_for("admin.report_queue"))
