"""Plain builders for test data (no factory library needed)."""
from learnpm.extensions import db
from learnpm.models import ModuleProgress, Role, User, utcnow


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
