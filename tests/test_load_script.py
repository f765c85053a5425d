"""bench/load.py can fail: it answers real exam questions through the pages' own forms, and
exits non-zero when it could not (so it cannot drift from the pages again).

Starts a real gunicorn on SQLite for a few seconds each.
"""
import subprocess
import sys
from pathlib import Path

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
