from flask import abort, render_template, request

from ..store import get_catalog
from . import bp


@bp.get("/")
def home():
    catalog = get_catalog()
    counts = catalog.bank_counts()
    return render_template("quiz/home.html", exams=list(catalog.exams.values()), counts=counts)


@bp.get("/<bank>")
def practice_start(bank: str):
    catalog = get_catalog()
    exam = catalog.exams.get(bank)
    if exam is None:
        abort(404)
    return render_template("quiz/exam.html", exam=exam, count=len(catalog.bank(bank)),
                           domain=request.args.get("domain"))
