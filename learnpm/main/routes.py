from datetime import date

from flask import jsonify, render_template
from flask_login import current_user, login_required

from ..domain.progress import path_progress, suggest_next
from ..learn.services import progress_by_slug
from ..quiz.insights import in_progress
from ..quiz.plans import latest_plan
from ..quiz.review_queue import due_count
from ..store import get_catalog
from . import bp, standing

STARTING_PATH = "foundations"


@bp.get("/")
def home():
    catalog = get_catalog()
    return render_template("main/home.html", paths=list(catalog.paths.values())[:6],
                           module_count=len(catalog.modules))


@bp.get("/healthz")
def healthz():
    """For load balancers and as the floor of every benchmark: no database, no templates."""
    return jsonify(status="ok")


@bp.get("/dashboard")
@login_required
def dashboard():
    catalog = get_catalog()
    rows = progress_by_slug(current_user.id)
    completed = {slug for slug, row in rows.items() if row.completed}
    recent = sorted((r for r in rows.values() if r.module_slug in catalog.modules),
                    key=lambda r: r.last_viewed_at, reverse=True)
    progress = [path_progress(p.slug, p.modules, completed) for p in catalog.paths.values()]
    recent_paths = [p.slug for r in recent for p in catalog.paths_with(r.module_slug)]
    suggestion = suggest_next(progress, recent_paths, STARTING_PATH)
    today = date.today()
    assessment, skill_gaps = standing.skills_snapshot(current_user.id, catalog)
    due = due_count(current_user.id)
    return render_template(
        "main/dashboard.html", due_reviews=due,
        result=latest_plan(current_user.id, completed=completed, due=due),
        open_attempts=in_progress(current_user.id), today=today,
        assignments=standing.open_assignments(current_user.id),
        deadline=standing.nearest_deadline(current_user.id, catalog, today),
        goal=standing.next_goal(current_user.id), assessment=assessment, skill_gaps=skill_gaps,
        started=[(catalog.paths[p.slug], p) for p in progress if p.started],
        recent=[(catalog.modules[r.module_slug], r) for r in recent[:5]],
        suggestion=(catalog.paths[suggestion[0]], catalog.modules[suggestion[1]])
        if suggestion else None,
        completed_count=len(completed & catalog.modules.keys()))
