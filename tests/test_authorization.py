"""Every route, with every role: who may and who may not, and no private data in a refusal.

Roles: anonymous, the learner who owns the data, another learner, the owner's mentor, a
mentor of someone else, and an admin. A new route fails `test_every_route_is_in_the_matrix`
until its rules are written down here.
"""
from datetime import date, timedelta
from functools import cache

import pytest
from werkzeug.security import generate_password_hash

from learnpm.extensions import db
from learnpm.models import (
    Assessment,
    Assignment,
    AssignmentKind,
    BankFile,
    CareerGoal,
    CertificationRecord,
    CertStatus,
    EducationEntry,
    JournalEntry,
    LinkStatus,
    MentorLink,
    QuestionReport,
    RenewalActivity,
    ReportReason,
    ReviewCard,
    Role,
    SkillRating,
    User,
    utcnow,
)
from learnpm.quiz.attempts import finish, start_exam, start_practice
from learnpm.store import get_catalog

ROLES = ("anonymous", "owner", "other", "mentor_of", "mentor_not_of", "admin")
SECRET = "Owner-private-note-7319"  # appears only in the owner's own data
PASSWORD = "correct horse battery"
ANON = 302  # anonymous visitors are sent to log in


@cache
def password_hash() -> str:
    return generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")  # fast, for tests


def build_world(app) -> dict:
    """Users and one of every object the owner can have, all made directly in the DB."""
    import random
    with app.app_context():
        people = {}
        for key, role in (("owner", Role.LEARNER), ("other", Role.LEARNER),
                          ("mentor_of", Role.MENTOR), ("mentor_not_of", Role.MENTOR),
                          ("admin", Role.ADMIN)):
            user = User(email=f"{key}@example.com", name=key.title(), role=role,
                        password_hash=password_hash(), bio=SECRET if key == "owner" else "",
                        calendar_token=f"calendar-of-{key}")
            db.session.add(user)
            people[key] = user
        db.session.commit()
        owner = people["owner"].id
        bank = get_catalog().bank("demo")
        exam = start_exam(owner, get_catalog().exams["demo"], bank, 4, random.Random(1))
        done = start_practice(owner, get_catalog().exams["demo"], bank[:1], random.Random(1))
        finish(done)
        link = MentorLink(mentor_id=people["mentor_of"].id, mentee_id=owner, code="join-code",
                          status=LinkStatus.ACTIVE)
        pending = MentorLink(mentor_id=people["mentor_not_of"].id, code="open-code")
        assignment = Assignment(mentor_id=people["mentor_of"].id, mentee_id=owner,
                                kind=AssignmentKind.MODULE, target="role", note=SECRET)
        goal = CareerGoal(user_id=owner, title=SECRET)
        activity = RenewalActivity(user_id=owner, cert_id="pmp", category="power-skills",
                                   units=2, activity_date=date.today(), title=SECRET)
        education = EducationEntry(user_id=owner, title=SECRET, hours=3,
                                   completed_on=date.today() - timedelta(days=3))
        card = ReviewCard(user_id=owner, question_id="demo-001", bank="demo", card={},
                          due=utcnow())
        assessment = Assessment(user_id=owner, ratings=[SkillRating(skill_id="risk", level=2,
                                                                    evidence=SECRET)])
        record = CertificationRecord(user_id=owner, cert_id="pmp", status=CertStatus.CERTIFIED,
                                     passed_on=date.today() - timedelta(days=10))
        journal = JournalEntry(user_id=owner, question_id="demo-001", bank="demo", note=SECRET)
        bank_file = BankFile(bank="demo", name="imported-x.yaml", text="questions: []\n")
        report = QuestionReport(user_id=owner, question_id="demo-001", question_version="v",
                                bank="demo", reason=ReportReason.TYPO, note=SECRET)
        db.session.add_all([link, pending, assignment, goal, activity, education, card,
                            assessment, record, journal, bank_file, report])
        db.session.commit()
        return {"owner": owner, "exam": exam.id, "finished": done.id, "link": link.id,
                "assignment": assignment.id, "goal": goal.id, "activity": activity.id,
                "education": education.id, "card": card.id, "assessment": assessment.id,
                "other": people["other"].id, "bank_file": bank_file.id,
                "owner_cookie": people["owner"].get_id()}


def login(client, role: str) -> None:
    if role != "anonymous":
        response = client.post("/login", data={"email": f"{role}@example.com",
                                               "password": PASSWORD})
        assert response.status_code == 302


def everyone(code):
    return {role: (ANON if role == "anonymous" else code) for role in ROLES}


def only(allowed: dict, default: int) -> dict:
    return {role: allowed.get(role, ANON if role == "anonymous" else default) for role in ROLES}


PUBLIC = {role: 200 for role in ROLES}
LOGGED_IN = everyone(200)
OWNER_ONLY = only({"owner": 200}, 404)
MENTORS = only({"mentor_of": 200, "mentor_not_of": 200, "admin": 200}, 403)
MENTOR_OF_ONLY = only({"mentor_of": 200, "mentor_not_of": 404, "admin": 404}, 403)
ADMIN_ONLY = only({"admin": 200}, 403)

# endpoint -> (method, url (formatted with the world's ids), expected status per role)
MATRIX = {
    "main.home": ("GET", "/", PUBLIC),
    "main.healthz": ("GET", "/healthz", PUBLIC),
    "learn.library": ("GET", "/library", PUBLIC),
    "learn.module": ("GET", "/modules/role", PUBLIC),
    "learn.paths": ("GET", "/paths", PUBLIC),
    "learn.path": ("GET", "/paths/basics", PUBLIC),
    "quiz.home": ("GET", "/practice/", PUBLIC),
    "quiz.practice_start": ("GET", "/practice/demo", PUBLIC),
    "static": ("GET", "/static/css/learnpm.css", PUBLIC),
    "auth.login": ("GET", "/login", {**everyone(302), "anonymous": 200}),
    "auth.register": ("GET", "/register", {**everyone(302), "anonymous": 200}),
    "auth.logout": ("POST", "/logout", everyone(302)),
    "auth.profile": ("GET", "/account/profile", LOGGED_IN),
    "main.dashboard": ("GET", "/dashboard", LOGGED_IN),
    "learn.complete": ("POST", "/modules/role/complete", everyone(302)),
    "quiz.history": ("GET", "/practice/history", LOGGED_IN),
    "quiz.review_queue": ("GET", "/practice/review", LOGGED_IN),
    "quiz.start_practice_quiz": ("POST", "/practice/demo/practice", everyone(422)),
    "quiz.start_exam_simulation": ("POST", "/practice/demo/exam", everyone(422)),
    "quiz.attempt": ("GET", "/practice/attempts/{exam}", OWNER_ONLY),
    "quiz.review": ("GET", "/practice/attempts/{exam}/review", OWNER_ONLY),
    "quiz.result": ("GET", "/practice/attempts/{finished}/result", OWNER_ONLY),
    "quiz.answer": ("POST", "/practice/attempts/{exam}/items/1", only({"owner": 302}, 404)),
    "quiz.next_section": ("POST", "/practice/attempts/{exam}/section",
                          only({"owner": 302}, 404)),
    "quiz.resume": ("POST", "/practice/attempts/{exam}/resume", only({"owner": 302}, 404)),
    "quiz.submit": ("POST", "/practice/attempts/{exam}/submit", only({"owner": 302}, 404)),
    "quiz.review_answer": ("POST", "/practice/review/{card}", only({"owner": 302}, 404)),
    "skills.results": ("GET", "/skills", LOGGED_IN),
    "skills.assess": ("GET", "/skills/assess", LOGGED_IN),
    "career.overview": ("GET", "/career", LOGGED_IN),
    "career.add_goal": ("POST", "/career/goals", everyone(422)),
    "career.goal_status": ("POST", "/career/goals/{goal}/status", only({"owner": 400}, 404)),
    "career.delete_goal": ("POST", "/career/goals/{goal}/delete", only({"owner": 302}, 404)),
    "certs.index": ("GET", "/certifications/", LOGGED_IN),
    "certs.detail": ("GET", "/certifications/pmp", LOGGED_IN),
    "certs.update": ("POST", "/certifications/pmp", everyone(422)),
    "certs.evidence": ("GET", "/certifications/evidence", LOGGED_IN),
    "certs.calendar": ("GET", "/certifications/calendar.ics", LOGGED_IN),
    "certs.export_activities": ("GET", "/certifications/pmp/activities.csv", LOGGED_IN),
    "certs.add_activity": ("POST", "/certifications/pmp/activities", everyone(422)),
    "certs.add_education": ("POST", "/certifications/evidence/education", everyone(422)),
    "certs.add_experience": ("POST", "/certifications/evidence/experience", everyone(422)),
    "certs.delete_activity": ("POST", "/certifications/pmp/activities/{activity}/delete",
                              only({"owner": 302}, 404)),
    "certs.delete_evidence": ("POST", "/certifications/evidence/education/{education}/delete",
                              only({"owner": 302}, 404)),
    "mentor.assigned": ("GET", "/mentoring/assigned", LOGGED_IN),
    "mentor.notifications": ("GET", "/mentoring/notifications", LOGGED_IN),
    "mentor.join": ("GET", "/mentoring/join/open-code", LOGGED_IN),
    # The mentor acts first and ends the link, so the owner then finds nothing to end.
    "mentor.end": ("POST", "/mentoring/links/{link}/end", only({"mentor_of": 302}, 404)),
    "mentor.dashboard": ("GET", "/mentoring/", MENTORS),
    "mentor.export": ("GET", "/mentoring/export.csv", MENTORS),
    "mentor.invite": ("POST", "/mentoring/invites",
                      only({"mentor_of": 302, "mentor_not_of": 302, "admin": 302}, 403)),
    "mentor.create_cohort": ("POST", "/mentoring/cohorts",
                             only({"mentor_of": 422, "mentor_not_of": 422, "admin": 422}, 403)),
    "mentor.add_member": ("POST", "/mentoring/cohorts/members",
                          only({"mentor_of": 400, "mentor_not_of": 400, "admin": 400}, 403)),
    "mentor.create_assignment": ("POST", "/mentoring/assignments",
                                 only({"mentor_of": 422, "mentor_not_of": 422, "admin": 422},
                                      403)),
    "mentor.mentee": ("GET", "/mentoring/mentees/{owner}", MENTOR_OF_ONLY),
    "mentor.rate": ("POST", "/mentoring/mentees/{owner}/ratings",
                    only({"mentor_of": 302, "mentor_not_of": 404, "admin": 404}, 403)),
    "mentor.comment": ("POST", "/mentoring/mentees/{owner}/comments",
                       only({"mentor_of": 302, "mentor_not_of": 404, "admin": 404}, 403)),
    "mentor.delete_assignment": ("POST", "/mentoring/assignments/{assignment}/delete",
                                 only({"mentor_of": 302, "mentor_not_of": 404, "admin": 404},
                                      403)),
    "admin.index": ("GET", "/admin/", ADMIN_ONLY),
    "admin.import_questions": ("GET", "/admin/import", ADMIN_ONLY),
    "admin.update_user": ("POST", "/admin/users/{other}", only({"admin": 400}, 403)),
    "admin.reload_content": ("POST", "/admin/reload", only({"admin": 302}, 403)),
    "admin.report_queue": ("GET", "/admin/reports", ADMIN_ONLY),
    "admin.resolve_reports": ("POST", "/admin/reports/demo-001", only({"admin": 400}, 403)),
    "admin.delete_bank_file": ("POST", "/admin/bank-files/{bank_file}/delete",
                               only({"admin": 302}, 403)),
    "quiz.items": ("GET", "/practice/items", MENTORS),
    "quiz.journal": ("GET", "/practice/journal", LOGGED_IN),
    "quiz.plan": ("GET", "/practice/demo/plan", LOGGED_IN),
    "quiz.report": ("GET", "/practice/questions/demo-001/report", LOGGED_IN),
    "quiz.star": ("POST", "/practice/questions/demo-001/star", everyone(302)),
    "quiz.write_journal": ("POST", "/practice/questions/demo-001/journal", everyone(422)),
    "quiz.delete_journal": ("POST", "/practice/questions/demo-001/journal/delete",
                            only({"owner": 302}, 404)),
    "quiz.again_now": ("POST", "/practice/review/again/demo", everyone(302)),
    "quiz.review_settings": ("POST", "/practice/review/settings", everyone(422)),
    "quiz.start_mini_exam": ("POST", "/practice/demo/mini-exam", everyone(422)),
    "quiz.targeted_practice": ("POST", "/practice/demo/targeted", everyone(302)),
    # Signed links carry their own proof: a bad one is refused the same way for everyone.
    "auth.forgot_password": ("GET", "/reset-password", PUBLIC),
    "auth.reset_password": ("GET", "/reset-password/not-a-token", {r: 400 for r in ROLES}),
    "account.confirm": ("GET", "/account/confirm/not-a-token", {r: 400 for r in ROLES}),
    "account.unsubscribe": ("GET", "/account/unsubscribe/not-a-token", {r: 400 for r in ROLES}),
    # The feed's secret address is the credential (calendar apps cannot log in).
    "account.calendar_feed": ("GET", "/account/calendar/calendar-of-owner.ics", PUBLIC),
    "account.settings": ("GET", "/account", LOGGED_IN),
    "account.export": ("GET", "/account/export.json", LOGGED_IN),
    "account.change_password": ("POST", "/account/password", everyone(422)),
    "account.change_email": ("POST", "/account/email", everyone(422)),
    "account.resend_confirmation": ("POST", "/account/confirm/resend", everyone(302)),
    "account.save_reminders": ("POST", "/account/reminders", everyone(302)),
    "account.calendar_on": ("POST", "/account/calendar", everyone(302)),
    "account.calendar_off": ("POST", "/account/calendar/revoke", everyone(302)),
    "account.delete": ("POST", "/account/delete", everyone(422)),
    "admin.send_reset_link": ("POST", "/admin/users/{other}/reset-link",
                              only({"admin": 302}, 403)),
    "admin.export_user": ("GET", "/admin/users/{owner}/export.json", ADMIN_ONLY),
    "admin.confirm_delete_user": ("GET", "/admin/users/{other}/delete", ADMIN_ONLY),
    "admin.delete_user": ("POST", "/admin/users/{other}/delete", only({"admin": 302}, 403)),
}
# Owners and mentors-of act last, so their changes cannot hide a refusal to someone else.
ORDER = ("anonymous", "other", "mentor_not_of", "admin", "mentor_of", "owner")


def test_every_route_is_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == set(MATRIX)


@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_route_access(app, endpoint):
    method, url, expected = MATRIX[endpoint]
    world = build_world(app)
    url = url.format(**world)
    for role in ORDER:
        client = app.test_client()
        login(client, role)
        response = client.open(url, method=method, data={})
        assert response.status_code == expected[role], (role, response.status_code)
        if role not in ("owner",) and response.status_code in (403, 404):
            assert SECRET not in response.text, f"{role} saw the owner's data"
        if role == "anonymous" and expected[role] == ANON and response.status_code == 302:
            assert response.headers["Location"].startswith("/login")
        response.close()


def test_every_state_changing_route_needs_a_csrf_token(tmp_path):
    """With CSRF on (as in production), a POST without a token is refused before it acts."""
    from tests.conftest import build_app, fresh_schema
    app = build_app(tmp_path, WTF_CSRF_ENABLED=True)
    with fresh_schema(app):
        world = build_world(app)
        posts = {e: url.format(**world) for e, (method, url, _) in MATRIX.items()
                 if method == "POST"}
        # Pages that show a form on GET and act on POST.
        posts.update({"auth.login": "/login", "auth.register": "/register",
                      "auth.profile": "/account/profile", "career.overview": "/career",
                      "skills.assess": "/skills/assess", "admin.import_questions": "/admin/import",
                      "mentor.join": "/mentoring/join/open-code",
                      "auth.forgot_password": "/reset-password",
                      "auth.reset_password": "/reset-password/not-a-token"})
        assert len(posts) >= 45
        client = app.test_client()
        with client.session_transaction() as session:  # logged in as the owner, no token
            session["_user_id"] = world["owner_cookie"]
            session["_fresh"] = True
        assert client.get("/account").status_code == 200  # the session is the owner's
        for endpoint, url in posts.items():
            response = client.post(url, data={})
            assert response.status_code == 400, endpoint
        # Mail clients post one-click unsubscribes without a token: the signed link is the
        # proof, so only a bad link is refused (with the same 400, for a different reason).
        assert "not valid" in client.post("/account/unsubscribe/not-a-token").text
