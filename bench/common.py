"""Shared helpers for the benchmarks: start gunicorn on loopback, drive it, report ratios."""
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(workers: int = 2, env: dict | None = None):
    """Run the app under gunicorn on a fresh SQLite database; yield its port."""
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        environment = {**os.environ, "LEARNPM_SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/b.sqlite",
                       "SECRET_KEY": "bench", **(env or {})}
        subprocess.run([sys.executable, "-m", "flask", "--app", "learnpm", "db", "upgrade"],
                       cwd=ROOT, env=environment, check=True, capture_output=True)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
             "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=environment)
        try:
            wait_until_up(port)
            yield port
        finally:
            server.terminate()
            server.wait(timeout=10)


def wait_until_up(port: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if get(port, "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, float]:
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, time.perf_counter() - start


def load(port: int, path: str, requests: int, concurrency: int, headers=None) -> dict:
    """Send `requests` GETs with `concurrency` threads; return throughput and latencies."""
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda _: get(port, path, headers), range(requests)))
    elapsed = time.perf_counter() - started
    latencies = sorted(t for _, t in results)
    errors = sum(1 for status, _ in results if status >= 400)
    return {"path": path, "rps": requests / elapsed, "errors": errors,
            "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))]}


def report(rows: list[dict], floor: dict) -> None:
    print(f"{'path':40} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} {'vs /healthz':>11}")
    for row in [floor, *rows]:
        print(f"{row['path'][:40]:40} {row['rps']:8.0f} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
              f"{row['errors']:6d} {row['rps'] / floor['rps']:10.2f}x")
