"""Several writers at once on one SQLite file: WAL and the busy timeout keep them all working."""
import threading

import pytest

from learnpm.extensions import db
from learnpm.learn.services import set_completed
from learnpm.models import ModuleProgress
from tests.conftest import SERVER_DATABASE
from tests.factories import make_user

pytestmark = pytest.mark.skipif(bool(SERVER_DATABASE), reason="SQLite-specific")


def test_concurrent_writers_never_see_database_is_locked(app):
    with app.app_context():
        user_ids = [make_user(email=f"w{i}@example.com").id for i in range(8)]
    errors = []

    def writer(user_id: int) -> None:
        try:
            with app.app_context():
                for round_number in range(40):
                    for slug in ("role", "risks", "scheduling"):
                        set_completed(user_id, slug, round_number % 2 == 0)
        except Exception as exc:  # noqa: BLE001 - any failure is what this test looks for
            errors.append(repr(exc))

    threads = [threading.Thread(target=writer, args=(u,)) for u in user_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with app.app_context():
        rows = db.session.scalars(db.select(ModuleProgress)).all()
        assert len(rows) == 24 and all(row.completed_at is None for row in rows)
