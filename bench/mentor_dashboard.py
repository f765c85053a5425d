"""Cohort dashboard latency with 200 mentees and 50 assignments each, against /healthz.

    python bench/mentor_dashboard.py [--mentees 200] [--assignments 50] [--repeat 20]

In-process through Flask's test client on a temporary SQLite database: it measures the
app's own work (queries and rendering) and prints the number of SQL statements per page.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from learnpm import create_app  # noqa: E402
from learnpm.extensions import db  # noqa: E402
from learnpm.models import Role, User  # noqa: E402
from tests.factories import make_mentee_links  # noqa: E402


def median_ms(action, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return 1000 * statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentees", type=int, default=200)
    parser.add_argument("--assignments", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SECRET_KEY": "bench", "RATELIMIT_ENABLED": False,
                          "WTF_CSRF_ENABLED": False,
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite"})
        with app.app_context():
            db.create_all()
            mentor = User(email="elena@example.com", name="Elena", role=Role.MENTOR)
            mentor.set_password("river stone lantern")
            db.session.add(mentor)
            db.session.commit()
            make_mentee_links(mentor.id, args.mentees, args.assignments)
            engine = db.engine
        client = app.test_client()
        login = client.post("/login", data={"email": "elena@example.com",
                                            "password": "river stone lantern"})
        assert login.status_code == 302, "could not log in"
        statements = []
        event.listen(engine, "before_cursor_execute", lambda *a, **k: statements.append(1))
        assert client.get("/mentoring/").status_code == 200
        queries = len(statements)
        healthz = median_ms(lambda: client.get("/healthz"), args.repeat * 10)
        dashboard = median_ms(lambda: client.get("/mentoring/"), args.repeat)
        export = median_ms(lambda: client.get("/mentoring/export.csv"), args.repeat)
    print(f"{args.mentees} mentees x {args.assignments} assignments "
          f"({args.mentees * args.assignments} rows); {queries} SQL statements per dashboard")
    print(f"{'page':28} {'median ms':>10} {'x /healthz':>11}")
    for name, value in (("/healthz", healthz), ("/mentoring/ (dashboard)", dashboard),
                        ("/mentoring/export.csv", export)):
        print(f"{name:28} {value:10.2f} {value / healthz:10.1f}x")


if __name__ == "__main__":
    main()
