"""The mentor's side: invite, group, assign, follow, rate and comment."""
import csv
import io
from datetime import date

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from ..auth.access import role_required
from ..domain.assignments import CohortRow, sort_rows
from ..domain.words import plural
from ..models import AssignmentKind, Role
from ..quiz.sizes import assignable_sizes, exam_size_label
from ..store import get_catalog
from . import bp, services
from .completion import complete_if_already_done
from .dashboard import add_results, cohort_rows
from .forms import AssignmentForm, CohortForm, InviteForm, MembershipForm


def work_choices(catalog) -> list[SelectChoice]:
    choices = [SelectChoice(f"module:{m.slug}", m.title, optgroup="Module")
               for m in sorted(catalog.modules.values(), key=lambda m: m.title)]
    choices += [SelectChoice(f"path:{p.slug}", p.title, optgroup="Learning path")
                for p in catalog.paths.values()]
    for exam in catalog.exams.values():
        if catalog.bank(exam.id):
            choices.append(SelectChoice(f"practice:{exam.id}", f"{exam.name}: practice quiz",
                                        optgroup="Practice"))
            choices += [SelectChoice(f"exam:{exam.id}:{size}", exam_size_label(exam, size),
                                     optgroup="Exam simulation")
                        for size in assignable_sizes(exam)]
    return choices


def _forms(links, cohorts):
    assignment = AssignmentForm(prefix="assign")
    assignment.who.choices = (
        [SelectChoice(f"mentee:{link.mentee_id}", link.mentee.name, optgroup="Mentee")
         for link in links]
        + [SelectChoice(f"cohort:{c.id}", c.name, optgroup="Group") for c in cohorts])
    assignment.what.choices = work_choices(get_catalog())
    membership = MembershipForm(prefix="member")
    membership.cohort.choices = [SelectChoice(c.id, c.name) for c in cohorts]
    membership.mentee.choices = [SelectChoice(link.mentee_id, link.mentee.name) for link in links]
    return {"assignment_form": assignment, "membership_form": membership,
            "invite_form": InviteForm(prefix="invite"), "cohort_form": CohortForm(prefix="cohort")}


def _rows(cohort_id: int | None, show: str, sort: str) -> list[CohortRow]:
    rows = cohort_rows(current_user.id, date.today())
    add_results(rows)
    if cohort_id:
        members = services.cohort_members(current_user.id).get(cohort_id, set())
        rows = [r for r in rows if r.id in members]
    if show == "behind":
        rows = [r for r in rows if r.tally.overdue]
    return sort_rows(rows, sort)


@bp.get("/")
@role_required(Role.MENTOR)
def dashboard(**forms):
    links = services.active_links(current_user.id)
    cohorts = services.cohorts(current_user.id)
    cohort_id = request.args.get("cohort", type=int)
    show, sort = request.args.get("show", "all"), request.args.get("sort", "behind")
    context = {**_forms(links, cohorts), **forms}
    return render_template(
        "mentor/dashboard.html", rows=_rows(cohort_id, show, sort), cohorts=cohorts,
        cohort_id=cohort_id, show=show, sort=sort, invites=services.pending_invites(
            current_user.id), ended=services.ended_links(current_user.id),
        exams=get_catalog().exams, today=date.today(),
        skills=get_catalog().skills, **context)


@bp.get("/export.csv")
@role_required(Role.MENTOR)
def export():
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "email", "done", "open", "overdue", "next due", "last activity",
                     "latest exam", "latest exam score %", "certifications"])
    for row in _rows(None, "all", "name"):
        exam = row.exam
        writer.writerow([row.name, row.email, row.tally.done, row.tally.open,
                         row.tally.overdue, row.next_due or "",
                         f"{row.last_activity:%Y-%m-%d}" if row.last_activity else "",
                         exam.bank if exam else "", round(exam.percent) if exam else "",
                         "; ".join(f"{c} ({s.lower()})" for c, s in row.certifications)])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="mentees.csv"'})


@bp.post("/invites")
@role_required(Role.MENTOR)
def invite():
    form = InviteForm(prefix="invite")
    if not form.validate_on_submit():
        return dashboard(invite_form=form), 422
    link = services.create_invite(current_user.id, form.message.data or "")
    flash("Invitation ready. Send this link to your mentee: "
          + url_for("mentor.join", code=link.code, _external=True), "success")
    return redirect(url_for("mentor.dashboard"))


@bp.post("/cohorts")
@role_required(Role.MENTOR)
def create_cohort():
    form = CohortForm(prefix="cohort")
    if not form.validate_on_submit():
        return dashboard(cohort_form=form), 422
    services.create_cohort(current_user.id, form.name.data.strip())
    flash(f"Group “{form.name.data.strip()}” created. Add mentees to it below.", "success")
    return redirect(url_for("mentor.dashboard"))


@bp.post("/cohorts/members")
@role_required(Role.MENTOR)
def add_member():
    links = services.active_links(current_user.id)
    form = _forms(links, services.cohorts(current_user.id))["membership_form"]
    if not form.validate_on_submit():
        abort(400)
    link = next(link for link in links if link.mentee_id == form.mentee.data)
    services.add_to_cohort(form.cohort.data, link)
    flash(f"Added {link.mentee.name if link.mentee else 'your mentee'} to the group.", "success")
    return redirect(url_for("mentor.dashboard", cohort=form.cohort.data))


@bp.post("/assignments")
@role_required(Role.MENTOR)
def create_assignment():
    links = services.active_links(current_user.id)
    cohorts = services.cohorts(current_user.id)
    form = _forms(links, cohorts)["assignment_form"]
    if not form.validate_on_submit():
        return dashboard(assignment_form=form), 422
    who, _, who_id = form.who.data.partition(":")
    kind, _, rest = form.what.data.partition(":")
    target, _, size = rest.partition(":")
    cohort_id = int(who_id) if who == "cohort" else None
    mentees = (sorted(services.cohort_members(current_user.id).get(cohort_id, set()))
               if cohort_id else [int(who_id)])
    if not mentees:
        form.who.errors.append("That group has no mentees yet.")
        return dashboard(assignment_form=form), 422
    created = services.assign(current_user.id, mentees, AssignmentKind(kind), target,
                              form.due_date.data, form.note.data or "", cohort_id,
                              int(size) if size else None)
    complete_if_already_done(created)
    flash(f"Assigned to {plural(len(mentees), 'mentee')}.", "success")
    return redirect(url_for("mentor.dashboard"))


@bp.post("/assignments/<int:assignment_id>/delete")
@role_required(Role.MENTOR)
def delete_assignment(assignment_id: int):
    mentee_id = services.delete_assignment(current_user.id, assignment_id)
    if mentee_id is None:
        abort(404)
    flash("Assignment removed.", "info")
    return redirect(url_for("mentor.mentee", mentee_id=mentee_id))
