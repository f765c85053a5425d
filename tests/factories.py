"""Plain builders for test data (no factory library needed).

Each needs an app context and commits what it builds. Attempts go through the real quiz
services, so they are drawn, snapshotted and scored exactly as the app does it.
"""
import random
from datetime import date, timedelta

from werkzeug.security import generate_password_hash

from learnpm.extensions import db
from learnpm.models import (
    Assessment,
    Assignment,
    AssignmentKind,
    Attempt,
    CareerGoal,
    LearnerProfile,
    LinkStatus,
    MentorLink,
    ModuleProgress,
    Role,
    SkillRating,
    User,
    utcnow,
)
from learnpm.quiz.attempts import (
    end_section,
    finish,
    open_section,
    resume_after_break,
    save_answer,
    start_exam,
    start_practice,
)
from learnpm.store import get_catalog


def make_user(email="learner@example.com", password="correct horse battery", name="Priya",
              role=Role.LEARNER, cheap_hash=False, **fields) -> User:
    """A user; `cheap_hash` for tests that make many (a fast hash no login relies on)."""
    user = User(email=email, name=name, role=role, **fields)
    if cheap_hash:
        user.password_hash = generate_password_hash(password, "pbkdf2:sha256:1000")
    else:
        user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def make_progress(user_id: int, slug: str, completed=False) -> ModuleProgress:
    row = ModuleProgress(user_id=user_id, module_slug=slug,
                         completed_at=utcnow() if completed else None)
    db.session.add(row)
    db.session.commit()
    return row


def make_mentee_links(mentor_id: int, count: int, assignments_each: int = 0, prefix="mentee"):
    """Many mentees at once, with cheap password hashes (for dashboard sizing tests)."""
    users = [User(email=f"{prefix}{i}@example.com", name=f"{prefix.title()} {i:03d}",
                  password_hash="not-a-real-hash", role=Role.LEARNER) for i in range(count)]
    db.session.add_all(users)
    db.session.flush()
    db.session.add_all([MentorLink(mentor_id=mentor_id, mentee_id=u.id, code=f"{prefix}-{u.id}",
                                   status=LinkStatus.ACTIVE) for u in users])
    today = date.today()
    db.session.add_all([Assignment(mentor_id=mentor_id, mentee_id=u.id,
                                   kind=AssignmentKind.MODULE, target="role",
                                   due_date=today + timedelta(days=j - assignments_each // 2))
                        for u in users for j in range(assignments_each)])
    db.session.commit()
    return [u.id for u in users]


def make_assessment(user_id: int, levels: dict[str, int], days_ago: int = 0,
                    evidence: dict[str, str] | None = None) -> Assessment:
    """A dated self-assessment: `levels` maps skill id to 1..5."""
    assessment = Assessment(user_id=user_id, created_at=utcnow() - timedelta(days=days_ago),
                            ratings=[SkillRating(skill_id=s, level=n,
                                                 evidence=(evidence or {}).get(s, ""))
                                     for s, n in levels.items()])
    db.session.add(assessment)
    db.session.commit()
    return assessment


def make_goal(user_id: int, title="Pass the CAPM", target_date=None, **fields) -> CareerGoal:
    goal = CareerGoal(user_id=user_id, title=title, target_date=target_date, **fields)
    db.session.add(goal)
    db.session.commit()
    return goal


def make_link(mentor_id: int, mentee_id: int, status=LinkStatus.ACTIVE) -> MentorLink:
    link = MentorLink(mentor_id=mentor_id, mentee_id=mentee_id, status=status,
                      code=f"link-{mentor_id}-{mentee_id}-{random.randrange(10**9)}",
                      responded_at=utcnow())
    db.session.add(link)
    db.session.commit()
    return link


def make_assignment(mentor_id: int, mentee_id: int, kind=AssignmentKind.MODULE, target="role",
                    due_date: date | None = None, **fields) -> Assignment:
    item = Assignment(mentor_id=mentor_id, mentee_id=mentee_id, kind=kind, target=target,
                      due_date=due_date, **fields)
    db.session.add(item)
    db.session.commit()
    return item


def make_attempt(user_id: int, bank="demo", exam=False, size=4, right=None,
                 finished=True, seed=1) -> Attempt:
    """An attempt on a bank of the fixture content. `right`: how many to answer correctly
    (None: leave every question unanswered); the rest get a wrong answer."""
    catalog = get_catalog()
    blueprint, questions = catalog.exams[bank], catalog.bank(bank)
    rng = random.Random(seed)
    attempt = (start_exam(user_id, blueprint, questions, size, rng) if exam
               else start_practice(user_id, blueprint, questions[:size], rng))
    for n, item in enumerate(attempt.items if right is not None else []):
        if exam and item.position not in open_section(attempt):
            end_section(attempt)  # on to the next section, skipping the break
            resume_after_break(attempt)
        question = item.question
        save_answer(attempt, item, question.right_response() if n < right
                    else _wrong_answer(question), None)
    if finished:
        finish(attempt)
    return attempt


def _wrong_answer(question):
    if question.is_matching:
        keys = question.choice_keys()
        return dict(zip(keys, keys[1:] + keys[:1], strict=True))
    return [next(k for k in question.choice_keys() if k not in question.answer_key())]


def make_profile(app, user_id: int, **fields) -> None:
    """A career profile (current role, target role, education level)."""
    with app.app_context():
        db.session.add(LearnerProfile(user_id=user_id, **fields))
        db.session.commit()
