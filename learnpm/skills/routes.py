"""The skills self-assessment and what its results say."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .. import feedback
from ..domain.skills import by_kind
from ..learn.services import completed_slugs
from ..models import Assessment, CommentSubject
from ..store import get_catalog
from . import bp
from .forms import AssessmentForm
from .report import build_report
from .services import (
    assessment_history,
    assessments_with_ratings,
    latest_assessment,
    save_assessment,
    target_role_id,
)


@bp.get("")
@login_required
def results():
    catalog = get_catalog()
    history = assessment_history(current_user.id)
    compared = _compared(history)
    if catalog.skills is None or not history:
        return render_template("skills/results.html", framework=catalog.skills, report=None)
    latest = history[0]
    earlier = compared or (history[1] if len(history) > 1 else None)
    loaded = assessments_with_ratings(current_user.id, {a.id for a in (latest, earlier) if a})
    role = catalog.roles.get(target_role_id(current_user.id) or "")
    report = build_report(catalog.skills, catalog.modules, loaded[latest.id],
                          loaded[earlier.id] if earlier else None, role,
                          completed_slugs(current_user.id))
    return render_template("skills/results.html", framework=catalog.skills, report=report,
                           latest=latest, earlier=earlier, compared=compared,
                           history=history[1:], role=role,
                           mentor_view=feedback.mentor_ratings(current_user.id),
                           comments=feedback.thread(current_user.id, CommentSubject.ASSESSMENT,
                                                    latest.id))


def _compared(history: list[Assessment]) -> Assessment | None:
    """The assessment named by ?compare=; anything but one of the learner's own is a 404."""
    wanted = request.args.get("compare")
    if wanted is None:
        return None
    found = next((a for a in history if str(a.id) == wanted), None)
    if found is None:
        abort(404)
    return found


@bp.route("/assess", methods=["GET", "POST"])
@login_required
def assess():
    framework = get_catalog().skills
    if framework is None:
        abort(404)
    previous = latest_assessment(current_user.id)
    form = AssessmentForm.for_framework(framework, previous)
    if form.validate_on_submit():
        save_assessment(current_user.id, form.ratings(framework), previous)
        flash("Your self-assessment is saved. Here is where you stand.", "success")
        return redirect(url_for("skills.results"))
    page = render_template("skills/assess.html", form=form, framework=framework,
                           groups=by_kind(framework.skills), previous=previous)
    return page, 422 if form.errors else 200
