"""Helpers for the quiz tests over HTTP: start a demo attempt, list its items, answer one."""
from learnpm.extensions import db
from learnpm.models import Attempt, AttemptItem

RIGHT = {"demo-001": {"answer": "a"}, "demo-002": {"answer": ["a", "b"]},
         "demo-003": {"answer": "a"},
         "demo-004": {"match-0": "0", "match-1": "1", "match-2": "2"}}
WRONG = {"demo-001": {"answer": "b"}, "demo-002": {"answer": ["a"]},
         "demo-003": {"answer": "b"},
         "demo-004": {"match-0": "1", "match-1": "0", "match-2": "2"}}


def start(client, kind="practice", **data):
    data = {"count": 4, "focus": "any", **data} if kind == "practice" else {"size": 4, **data}
    response = client.post(f"/practice/demo/{kind}", data=data)
    assert response.status_code == 302, response.text
    return int(response.headers["Location"].rsplit("/", 1)[1])


def items(app, attempt_id):
    with app.app_context():
        rows = db.session.scalars(db.select(AttemptItem).where(
            AttemptItem.attempt_id == attempt_id).order_by(AttemptItem.position)).all()
        return [(r.position, r.question_id) for r in rows]


def answer(client, attempt_id, position, question_id, right=True, **extra):
    data = {**(RIGHT if right else WRONG)[question_id], **extra}
    return client.post(f"/practice/attempts/{attempt_id}/items/{position}", data=data)


def attempt_row(app, attempt_id):
    with app.app_context():
        return db.session.get(Attempt, attempt_id)
