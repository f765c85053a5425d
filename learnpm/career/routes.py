"""The career page: where a learner is, where they're heading, what's in between, and goals."""
from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..domain.careers import split_tracks
from ..models import GoalStatus, LearnerProfile
from ..store import get_catalog
from . import bp
from .forms import GoalForm, GoalStatusForm, ProfileForm
from .services import (
    career_plan,
    change_goal_status,
    create_goal,
    get_goal,
    get_profile,
    list_goals,
    remove_goal,
    save_profile,
)


@bp.route("", methods=["GET", "POST"])
@login_required
def overview():
    profile = get_profile(current_user.id)
    form = ProfileForm(get_catalog().roles.values(), obj=profile)
    if form.validate_on_submit():
        save_profile(current_user.id, form.current_role.data, form.target_role.data,
                     form.education_level.data)
        flash("Your roles and education are saved.", "success")
        return redirect(url_for("career.overview"))
    return _page(profile, form, GoalForm(formdata=None)), 422 if form.errors else 200


@bp.post("/goals")
@login_required
def add_goal():
    form = GoalForm()
    if form.validate_on_submit():
        create_goal(current_user.id, form.title.data, form.target_date.data)
        flash(f"Added your goal “{form.title.data}”.", "success")
        return redirect(url_for("career.overview", _anchor="goals"))
    profile = get_profile(current_user.id)
    profile_form = ProfileForm(get_catalog().roles.values(), formdata=None, obj=profile)
    return _page(profile, profile_form, form), 422


@bp.post("/goals/<int:goal_id>/status")
@login_required
def goal_status(goal_id: int):
    goal = _own_goal(goal_id)
    form = GoalStatusForm()
    if not form.validate_on_submit():
        abort(400)
    change_goal_status(goal, GoalStatus(form.status.data))
    flash(f"“{goal.title}” is now marked {goal.status.label.lower()}.", "success")
    return redirect(url_for("career.overview", _anchor="goals"))


@bp.post("/goals/<int:goal_id>/delete")
@login_required
def delete_goal(goal_id: int):
    goal = _own_goal(goal_id)
    title = goal.title
    remove_goal(goal)
    flash(f"Deleted the goal “{title}”.", "info")
    return redirect(url_for("career.overview", _anchor="goals"))


def _own_goal(goal_id: int):
    goal = get_goal(current_user.id, goal_id)
    if goal is None:
        abort(404)  # someone else's goal looks exactly like a missing one
    return goal


def _page(profile: LearnerProfile | None, profile_form: ProfileForm, goal_form: GoalForm) -> str:
    catalog, today = get_catalog(), date.today()
    current = catalog.roles.get(profile.current_role or "") if profile else None
    target = catalog.roles.get(profile.target_role or "") if profile else None
    ladder, lateral = split_tracks(catalog.roles.values())
    goals = list_goals(current_user.id)
    return render_template(
        "career/index.html", profile_form=profile_form, goal_form=goal_form,
        current=current, target=target, ladder=ladder, lateral=lateral, goals=goals,
        plan=career_plan(current_user.id, target, catalog, today) if target else None,
        status_forms={g.id: GoalStatusForm(formdata=None, status=g.status.value)
                      for g in goals}, today=today)
