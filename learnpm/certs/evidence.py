"""Evidence shared by every certification: education hours and project experience."""
from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..models import EducationEntry, ExperienceEntry
from ..store import get_catalog
from . import bp, services
from .forms import EducationForm, ExperienceForm


def _render(education_form=None, experience_form=None, status=200):
    today = date.today()
    entries = services.experience(current_user.id)
    return render_template(
        "certs/evidence.html", education=services.education(current_user.id, get_catalog()),
        experience=entries, months=services.months_of_experience(current_user.id, today),
        education_form=education_form or EducationForm(prefix="education"),
        experience_form=experience_form or ExperienceForm(prefix="experience")), status


@bp.get("/evidence")
@login_required
def evidence():
    return _render()


@bp.post("/evidence/education")
@login_required
def add_education():
    form = EducationForm(prefix="education")
    if not form.validate_on_submit():
        return _render(education_form=form, status=422)
    services.save(EducationEntry(user_id=current_user.id, title=form.title.data.strip(),
                                 provider=(form.provider.data or "").strip(),
                                 hours=float(form.hours.data),
                                 completed_on=form.completed_on.data))
    flash(f"Added {float(form.hours.data):g} hours of education.", "success")
    return redirect(url_for("certs.evidence") + "#education")


@bp.post("/evidence/experience")
@login_required
def add_experience():
    form = ExperienceForm(prefix="experience")
    if not form.validate_on_submit():
        return _render(experience_form=form, status=422)
    services.save(ExperienceEntry(user_id=current_user.id, role=form.role.data.strip(),
                                  organisation=(form.organisation.data or "").strip(),
                                  description=form.description.data or "",
                                  started_on=form.started_on.data, ended_on=form.ended_on.data))
    flash("Added your experience.", "success")
    return redirect(url_for("certs.evidence") + "#experience")


@bp.post("/evidence/<kind>/<int:row_id>/delete")
@login_required
def delete_evidence(kind: str, row_id: int):
    model = {"education": EducationEntry, "experience": ExperienceEntry}.get(kind)
    if model is None:
        abort(404)
    if not services.delete_owned(model, row_id, current_user.id):
        abort(404)
    flash("Removed.", "info")
    return redirect(url_for("certs.evidence") + f"#{kind}")
