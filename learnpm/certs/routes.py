"""The certification tracker: status, eligibility, exam countdown and renewal."""
import csv
import io
from datetime import date

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from wtforms import SelectChoice

from ..models import CertStatus, RenewalActivity
from ..store import get_catalog
from . import bp, services
from .calendar import build_calendar, certification_events
from .forms import ActivityForm, RecordForm


def _cert_or_404(cert_id: str):
    cert = get_catalog().certifications.get(cert_id)
    if cert is None:
        abort(404)
    return cert


@bp.get("/")
@login_required
def index():
    catalog = get_catalog()
    mine = services.records(current_user.id)
    today = date.today()
    rows = [(cert, mine.get(cert.id)) for cert in catalog.certifications.values()]
    tracked = [(c, r, services.renewal(c, r, current_user.id, today)) for c, r in rows if r]
    return render_template("certs/index.html", tracked=tracked, today=today,
                           others=[c for c, r in rows if r is None])


@bp.get("/<cert_id>")
@login_required
def detail(cert_id: str):
    cert = _cert_or_404(cert_id)
    record = services.record_for(current_user.id, cert.id)
    return _render_detail(cert, record, _saved_record_form(record),
                          _activity_form(cert, record))


def _saved_record_form(record) -> RecordForm:
    """The form showing what is saved. obj= wins over keyword data in WTForms and would give
    the status select an enum that matches no option, so the status is set after."""
    form = RecordForm(formdata=None, obj=record)
    form.status.data = record.status.value
    return form


def _activity_form(cert, record) -> ActivityForm:
    in_force = services.rules_in_force(cert, record)
    form = ActivityForm(prefix="activity")
    form.category.choices = [SelectChoice(c.id, c.name)
                             for c in services.loggable_categories(in_force)]
    form.rules = in_force
    return form


def _render_detail(cert, record, form, activity_form, status=200):
    catalog = get_catalog()
    today = date.today()
    checklist, rules = services.eligibility_checklist(cert, current_user.id, record, catalog,
                                                      today)
    return render_template(
        "certs/detail.html", cert=cert, record=record, form=form, activity_form=activity_form,
        checklist=checklist, rules=rules, today=today,
        education_level=services.education_level(current_user.id),
        exam=catalog.exams.get(cert.exam) if cert.exam else None,
        renewal=services.renewal(cert, record, current_user.id, today),
        activities=services.activities(current_user.id, cert.id)), status


@bp.post("/<cert_id>")
@login_required
def update(cert_id: str):
    cert = _cert_or_404(cert_id)
    record = services.record_for(current_user.id, cert.id)
    form = RecordForm()
    if not form.validate_on_submit():
        return _render_detail(cert, record, form, _activity_form(cert, record), 422)
    record.status = CertStatus(form.status.data)
    record.exam_date, record.passed_on = form.exam_date.data, form.passed_on.data
    record.cycle_start = form.cycle_start.data or record.cycle_start
    if record.status is CertStatus.CERTIFIED and not record.cycle_start:
        record.cycle_start = record.passed_on
    record.course_done = form.course_done.data
    services.save(record)
    flash(f"Saved your {cert.name} details.", "success")
    return redirect(url_for("certs.detail", cert_id=cert.id))


@bp.post("/<cert_id>/activities")
@login_required
def add_activity(cert_id: str):
    cert = _cert_or_404(cert_id)
    record = services.record_for(current_user.id, cert.id)
    form = _activity_form(cert, record)
    if not form.validate_on_submit():
        return _render_detail(cert, record, _saved_record_form(record),
                              form, 422)
    services.save(RenewalActivity(
        user_id=current_user.id, cert_id=cert.id, category=form.category.data,
        units=float(form.units.data), activity_date=form.activity_date.data,
        title=form.title.data.strip(), notes=form.notes.data or ""))
    flash(f"Logged {float(form.units.data):g} units: {form.title.data.strip()}.", "success")
    return redirect(url_for("certs.detail", cert_id=cert.id) + "#renewal")


@bp.post("/<cert_id>/activities/<int:activity_id>/delete")
@login_required
def delete_activity(cert_id: str, activity_id: int):
    if not services.delete_owned(RenewalActivity, activity_id, current_user.id):
        abort(404)
    flash("Activity removed.", "info")
    return redirect(url_for("certs.detail", cert_id=cert_id) + "#renewal")


@bp.get("/<cert_id>/activities.csv")
@login_required
def export_activities(cert_id: str):
    cert = _cert_or_404(cert_id)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "category", "units", "activity", "notes"])
    for a in reversed(services.activities(current_user.id, cert.id)):
        writer.writerow([a.activity_date.isoformat(), a.category, f"{a.units:g}", a.title,
                         a.notes])
    return Response(out.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{cert.id}-activities.csv"'})


@bp.get("/calendar.ics")
@login_required
def calendar():
    catalog = get_catalog()
    today = date.today()
    entries = []
    for cert_id, record in services.records(current_user.id).items():
        cert = catalog.certifications.get(cert_id)
        if cert:
            entries.append((cert, record, services.renewal(cert, record, current_user.id, today)))
    events = certification_events(entries, url_for("certs.index", _external=True))
    return Response(build_calendar(events),
                    mimetype="text/calendar",
                    headers={"Content-Disposition": 'attachment; filename="learnpm.ics"'})
