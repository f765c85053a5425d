"""Plain builders for test data (no factory library needed)."""
from datetime import timedelta

from learnpm.extensions import db
from learnpm.models import Assessment, CareerGoal, ModuleProgress, Role, SkillRating, User, utcnow


def make_user(email="learner@example.com", password="correct horse battery", name="Priya",
              role=Role.LEARNER, **fields) -> User:
    user = User(email=email, name=name, role=role, **fields)
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
    from datetime import date, timedelta

    from learnpm.models import Assignment, AssignmentKind, LinkStatus, MentorLink
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
