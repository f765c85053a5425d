"""bench/load.py can fail: it answers real exam questions through the pages' own forms, and
exits non-zero when it could not (so it cannot drift from the pages again).

Starts a real gunicorn on SQLite for a few seconds each.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import postgres_missing

ROOT = Path(__file__).resolve().parent.parent
SHORT_RUN = ["--database", "sqlite", "--users", "4", "--seconds", "5", "--workers", "2",
             "--think", "0"]


def _load(*extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "bench/load.py", *SHORT_RUN, *extra], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


def _checked(output: str) -> int:
    line = next(x for x in output.splitlines() if x.startswith("acknowledged answers"))
    return int(line.split("database: ")[1].split(",")[0])


def test_a_short_run_answers_questions_and_finds_every_one_stored():
    run = _load()
    assert run.returncode == 0, run.stdout + run.stderr
    assert _checked(run.stdout) >= 4
    assert "missing: 0" in run.stdout and "FAIL" not in run.stdout


def test_a_run_below_its_floor_of_answers_fails_and_says_why():
    run = _load("--min-answers", "100000")
    assert run.returncode == 1
    assert "FAIL: only" in run.stdout and "(floor 100000)" in run.stdout


@pytest.mark.postgres
def test_both_databases_in_one_run_print_each_pairs_ratio_and_the_median():
    reason = postgres_missing()
    if reason:
        pytest.skip(reason)
    run = subprocess.run([sys.executable, "bench/load.py", "--database", "both", "--pairs", "2",
                          *SHORT_RUN[2:]], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    runs = [line.split(",")[0] for line in run.stdout.splitlines() if " req/s, " in line]
    assert runs == ["sqlite", "postgres", "postgres", "sqlite"]  # each pair's order alternates
    pairs = [line.split() for line in run.stdout.splitlines() if line.strip()[:2] in ("1 ", "2 ")]
    assert len(pairs) == 2 and all(p[-1].endswith("%") for p in pairs), run.stdout
    assert "median PostgreSQL / SQLite: " in run.stdout
