"""SQL statements per main page, with a learner and a mentor who have some history.

    python bench/queries.py

In-process on a temporary SQLite database with the shipped content. The counts do not grow
with the number of rows a page lists; tests assert that for each page that lists rows.
"""
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from learnpm import create_app  # noqa: E402
from learnpm.extensions import db  # noqa: E402
from learnpm.models import Assessment, CertificationRecord, CertStatus, Role, SkillRating, User  # noqa: E402
from learnpm.quiz.attempts import finish, start_exam  # noqa: E402
from learnpm.store import get_catalog  # noqa: E402
from tests.factories import make_mentee_links  # noqa: E402

PAGES = ["/", "/library", "/library?q=risk", "/modules/scrum", "/paths/foundations",
         "/dashboard", "/practice/", "/practice/pmp", "/practice/history", "/practice/review",
         "/skills", "/career", "/certifications/", "/certifications/pmp",
         "/certifications/evidence", "/mentoring/assigned"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "RATELIMIT_ENABLED": False,
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/q.sqlite"})
        with app.app_context():
            db.create_all()
            people = {}
            for email, role in (("learner@example.com", Role.LEARNER),
                                ("mentor@example.com", Role.MENTOR)):
                user = User(email=email, name=email.split("@")[0].title(), role=role)
                user.set_password("river stone lantern")
                db.session.add(user)
                people[role] = user
            db.session.commit()
            learner = people[Role.LEARNER].id
            catalog = get_catalog()
            finish(start_exam(learner, catalog.exams["pmp"], catalog.bank("pmp"), 45,
                              random.Random(1)))
            open_exam = start_exam(learner, catalog.exams["csm"], catalog.bank("csm"), 50,
                                   random.Random(2))
            question_page = f"/practice/attempts/{open_exam.id}"
            db.session.add_all([
                Assessment(user_id=learner, ratings=[SkillRating(skill_id=s.id, level=3)
                                                     for s in catalog.skills.skills]),
                CertificationRecord(user_id=learner, cert_id="pmp", status=CertStatus.CERTIFIED,
                                    passed_on=date.today() - timedelta(days=400))])
            db.session.commit()
            make_mentee_links(people[Role.MENTOR].id, 20, assignments_each=5)
            engine = db.engine
        counts = {}
        for email, pages in (("learner@example.com", [*PAGES, question_page]),
                             ("mentor@example.com", ["/mentoring/"])):
            client = app.test_client()
            client.post("/login", data={"email": email, "password": "river stone lantern"})
            for page in pages:
                client.get(page)  # warm caches (rendered modules, first-load work)
                statements: list[int] = []

                def listener(*_args, seen=statements, **_kwargs):
                    seen.append(1)
                event.listen(engine, "before_cursor_execute", listener)
                status = client.get(page).status_code
                event.remove(engine, "before_cursor_execute", listener)
                counts[page] = (status, len(statements))
    print(f"{'page (logged in)':34} {'status':>6} {'queries':>8}")
    for page, (status, count) in counts.items():
        print(f"{page:34} {status:6d} {count:8d}")


if __name__ == "__main__":
    main()
