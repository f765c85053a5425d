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
def test_both_databases_take_turns_and_each_rounds_ratio_is_printed():
    reason = postgres_missing()
    if reason:
        pytest.skip(reason)
    run = subprocess.run([sys.executable, "bench/load.py", "--database", "both", "--slice", "1",
                          *SHORT_RUN[2:]], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    runs = [line.split(",")[0] for line in run.stdout.splitlines() if " req/s, " in line]
    assert runs == ["sqlite", "postgres"]
    assert all(_checked(part) >= 1 for part in run.stdout.split("\n\n")[:2]), run.stdout
    rounds = [line.split() for line in run.stdout.splitlines()
              if line.strip()[:2] in ("1 ", "2 ", "3 ", "4 ", "5 ")]
    assert len(rounds) == 5 and all(r[-1].endswith("%") for r in rounds), run.stdout
    assert "PostgreSQL / SQLite over the whole run: " in run.stdout
