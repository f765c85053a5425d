from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..catalog.entries import CATEGORIES, LEVELS
from ..domain.progress import neighbours, path_progress
from ..http_cache import public_when_anonymous
from ..store import get_catalog, get_store
from . import bp
from .forms import CompletionForm
from .services import completed_slugs, progress_by_slug, record_view, set_completed

CATEGORY_ORDER = list(CATEGORIES)


def _completed() -> set[str]:
    return completed_slugs(current_user.id) if current_user.is_authenticated else set()


@bp.get("/library")
@public_when_anonymous
def library():
    catalog = get_catalog()
    query = request.args.get("q", "").strip()
    category = request.args.get("category", "")
    tag = request.args.get("tag", "")
    level = request.args.get("level", "")
    if query:
        hits = get_store().index.search(query, limit=50)
        results = [(catalog.modules[h.slug], h.snippet) for h in hits]
    else:
        ordered = sorted(catalog.modules.values(), key=lambda m: (
            CATEGORY_ORDER.index(m.category), LEVELS.index(m.level), m.title))
        results = [(m, "") for m in ordered]
    results = [(m, s) for m, s in results
               if (not category or m.category == category) and (not tag or tag in m.tags)
               and (not level or m.level == level)]
    tags = sorted({t for m in catalog.modules.values() for t in m.tags})
    return render_template(
        "learn/library.html", results=results, query=query, category=category, tag=tag,
        level=level, categories=CATEGORIES, levels=LEVELS, tags=tags,
        completed=_completed(), paths=list(catalog.paths.values()))


@bp.get("/modules/<slug>")
@public_when_anonymous
def module(slug: str):
    catalog = get_catalog()
    found = catalog.modules.get(slug)
    if found is None:
        abort(404)
    progress, completed = (record_view(current_user.id, slug) if current_user.is_authenticated
                           else (None, set()))
    paths = catalog.paths_with(slug)
    chosen = catalog.paths.get(request.args.get("path", "")) or (paths[0] if paths else None)
    before, after = neighbours(chosen.modules, slug) if chosen else (None, None)
    return render_template(
        "learn/module.html", module=found, rendered=get_store().rendered(slug),
        progress=progress, completed=completed, paths=paths, path=chosen,
        previous=catalog.modules.get(before or ""), following=catalog.modules.get(after or ""),
        prerequisites=[catalog.modules[s] for s in found.prerequisites if s in catalog.modules],
        related=[catalog.modules[s] for s in found.related if s in catalog.modules],
        form=CompletionForm() if current_user.is_authenticated else None)


@bp.post("/modules/<slug>/complete")
@login_required
def complete(slug: str):
    catalog = get_catalog()
    if slug not in catalog.modules:
        abort(404)
    form = CompletionForm()
    if not form.validate_on_submit():
        abort(400)
    done = form.done.data == "1"
    set_completed(current_user.id, slug, done)
    title = catalog.modules[slug].title
    flash(f"Marked “{title}” as complete." if done else f"“{title}” is no longer marked complete.",
          "success")
    path = request.args.get("path", "")
    return redirect(url_for("learn.module", slug=slug, path=path or None))


@bp.get("/paths")
@public_when_anonymous
def paths():
    catalog = get_catalog()
    completed = _completed()
    progress = [(p, path_progress(p.slug, p.modules, completed)) for p in catalog.paths.values()]
    return render_template("learn/paths.html", progress=progress)


@bp.get("/paths/<slug>")
@public_when_anonymous
def path(slug: str):
    catalog = get_catalog()
    found = catalog.paths.get(slug)
    if found is None:
        abort(404)
    progress_rows = progress_by_slug(current_user.id) if current_user.is_authenticated else {}
    completed = {s for s, row in progress_rows.items() if row.completed}
    modules = [catalog.modules[s] for s in found.modules if s in catalog.modules]
    return render_template("learn/path.html", path=found, modules=modules, completed=completed,
                           progress=path_progress(slug, found.modules, completed))
