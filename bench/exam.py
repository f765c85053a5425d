"""Exam engine costs, each as a ratio to the app's own /healthz on the same machine.

    python bench/exam.py [--repeat 200]

1. Drawing a full 180-question PMP simulation and scoring it (pure domain code).
2. Starting a full simulation through HTTP (draw + 180 snapshots written).
3. Submitting one exam answer through HTTP (the request a learner makes most).
All in-process through Flask's test client on a temporary SQLite database, so the
numbers isolate the app's own work from the network and the server.
"""
import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from learnpm import create_app  # noqa: E402
from learnpm.domain.drawing import Candidate, draw_exam  # noqa: E402
from learnpm.domain.scoring import score_attempt  # noqa: E402
from learnpm.extensions import db  # noqa: E402
from learnpm.store import get_catalog  # noqa: E402


def timed(action, repeat: int) -> float:
    """Median seconds per call."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "RATELIMIT_ENABLED": False,
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite"})
        with app.app_context():
            db.create_all()
            exam = get_catalog().exams["pmp"]
            bank = get_catalog().bank("pmp")
        client = app.test_client()
        client.post("/register", data={"name": "Bench", "email": "bench@example.com",
                                       "password": "river stone lantern",
                                       "confirm": "river stone lantern"})
        healthz = timed(lambda: client.get("/healthz"), args.repeat)

        candidates = [Candidate(q.id, q.domain) for q in bank]
        weights = {d.id: d.weight for d in exam.domains}
        bands = exam.bands

        def draw_and_score():
            draw = draw_exam(candidates, weights, exam.questions, random.Random())
            domain_of = {q.id: q.domain for q in bank}
            score_attempt([(domain_of[q], random.random() < 0.7) for q in draw.question_ids],
                          list(weights), bands=bands)
        pure = timed(draw_and_score, args.repeat)

        def start_full():
            return client.post("/practice/pmp/exam", data={"size": exam.questions})
        start = timed(start_full, max(5, args.repeat // 20))
        location = start_full().headers["Location"]
        page = client.get(location).text
        action = re.search(r'action="(/practice/attempts/\d+/items/)\d+"', page).group(1)
        positions = iter(range(1, 10**6))

        def submit_answer():
            position = (next(positions) % exam.questions) + 1
            client.post(f"{action}{position}", data={"answer": "a", "go": "next"})
        answer = timed(submit_answer, args.repeat)

    print(f"{'measure':52} {'median ms':>10} {'x /healthz':>11}")
    for name, seconds in [("/healthz (floor)", healthz),
                          (f"draw + score a {exam.questions}-question exam (pure)", pure),
                          (f"start a {exam.questions}-question simulation (HTTP)", start),
                          ("submit one exam answer (HTTP, committed)", answer)]:
        print(f"{name:52} {1000 * seconds:10.2f} {seconds / healthz:10.1f}x")


if __name__ == "__main__":
    main()
