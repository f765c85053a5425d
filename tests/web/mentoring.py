"""What the mentoring tests share: a mentor and mentee joined by a real invitation."""
import re

from learnpm.extensions import db
from learnpm.models import Role, User
from tests.factories import make_user

PASSWORD = "correct horse battery"


def setup_pair(app, client, auth):
    """Elena mentors Priya, through a real invitation."""
    with app.app_context():
        make_user(email="elena@example.com", name="Elena", role=Role.MENTOR, password=PASSWORD)
        make_user(email="priya@example.com", name="Priya", password=PASSWORD)
    auth.login_as("elena@example.com")
    response = client.post("/mentoring/invites", data={"invite-message": "Happy to help"},
                           follow_redirects=True)
    code = re.search(r"/mentoring/join/([\w-]+)", response.text).group(1)
    auth.login_as("priya@example.com")
    page = client.get(f"/mentoring/join/{code}").text
    assert "Elena invites you" in page and "Happy to help" in page
    client.post(f"/mentoring/join/{code}", data={"decision": "accept"})
    with app.app_context():
        ids = {u.email: u.id for u in db.session.scalars(db.select(User))}
    return code, ids["elena@example.com"], ids["priya@example.com"]


def assign(client, who, what, due=None, note=""):
    return client.post("/mentoring/assignments", data={
        "assign-who": who, "assign-what": what, "assign-note": note,
        "assign-due_date": due.isoformat() if due else ""})
