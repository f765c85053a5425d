from flask import current_app, flash, render_template
from wtforms import SelectChoice

from ..auth.access import admin_required
from ..catalog.bank_import import import_bank_file
from ..store import get_store
from . import bp
from .forms import ImportForm


def _targets(catalog) -> list[SelectChoice]:
    return [SelectChoice(f"{e.id}:{d.id}", d.name, optgroup=e.name)
            for e in catalog.exams.values() for d in e.domains]


def _text_of(raw: bytes, errors: list) -> str | None:
    limit = current_app.config["IMPORT_MAX_BYTES"]
    if len(raw) > limit:
        errors.append(f"The file is over {limit // 1024:,} KB. Split it and import the parts.")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        errors.append("The file is not UTF-8 text. Save it as UTF-8 and try again.")
        return None


@bp.route("/import", methods=["GET", "POST"])
@admin_required
def import_questions():
    store = get_store()
    form = ImportForm()
    form.target.choices = _targets(store.catalog)
    report = None
    if form.validate_on_submit():
        bank, _, domain = form.target.data.partition(":")
        raw = form.file.data.read(current_app.config["IMPORT_MAX_BYTES"] + 1)
        text = _text_of(raw, form.file.errors)
        if text is not None:
            report = import_bank_file(store.content_dir, store.catalog, form.file.data.filename,
                                      text, bank, domain, form.replace.data)
            if report.ok:
                store.reload()
                flash(f"Imported {report.imported} questions into {bank}.", "success")
    return render_template("admin/import.html", form=form, report=report)
