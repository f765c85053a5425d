"""How the catalog scales: today's content against a synthetic one of 1,000 modules and 10,000
questions, each figure with its ratio and its target (issue 15).

    python bench/catalog_scale.py [--modules 1000] [--questions 10000] [--repeat 3]
                                  [--sizes 0.25,0.5,1] [--keep DIR]

The synthetic catalog (written by bench/synthetic_catalog.py into a temporary folder, or DIR
with --keep) copies today's exams, frameworks and paths and adds modules of about 1,500 words
and questions in every bank, in the real formats; `content check` must find no problem.

It prints one table, today vs synthetic with the ratio and OK/OVER against each target:
  catalog load    learnpm.catalog.load(), in this process (median of --repeat)   < 2 s
  content check   `flask --app learnpm content check` as a subprocess             < 5 s
  search          SearchIndex.search() over a few queries, median and p95         < 20 ms
  worker RSS      a fresh process after create_app() and a warm-up (rendered      < 120 MiB
                  modules, searches); its peak is shown next to it, and its RSS
                  once every module page was asked for (the bounded caches full)
then start-up (create_app) time and RSS at each of --sizes times the synthetic size, and how
start-up grows with catalog size: a fixed part plus so much per 1,000 questions, and how far
the sizes lie from that straight line.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT
from synthetic_catalog import generate

from learnpm.catalog import load
from learnpm.catalog.search import SearchIndex

TARGETS = {"load": 2.0, "check": 5.0, "search_p95": 20.0, "rss": 120.0}
QUERIES = ["critical path", "stakeholder engagement", "risk", "sprint retrospective",
           "earned value schedule variance", "governance board phase gate"]


def time_load(content: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        catalog = load(content)
        times.append(time.perf_counter() - started)
    if catalog.errors:
        raise SystemExit(f"{content}: {len(catalog.errors)} problems, e.g. {catalog.errors[0]}")
    return statistics.median(times)


def environment(content: Path, tmp: str) -> dict[str, str]:
    return {**os.environ, "LEARNPM_CONTENT_DIR": str(content), "SECRET_KEY": "bench",
            "LEARNPM_SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite"}


def time_check(content: Path, repeat: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "flask", "--app", "learnpm", "content",
                                   "check"], cwd=ROOT, env=environment(content, tmp),
                                  capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            if done.returncode != 0 or "no problems" not in done.stdout:
                raise SystemExit(f"content check failed on {content}:\n{done.stdout[-2000:]}"
                                 f"{done.stderr[-2000:]}")
    return statistics.median(times)


def time_search(content: Path, rounds: int = 30) -> tuple[float, float]:
    index = SearchIndex(list(load(content).modules.values()))
    for query in QUERIES:
        index.search(query)
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            index.search(query)
            times.append(1000 * (time.perf_counter() - started))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def worker(content: Path) -> dict[str, float]:
    """create_app() and warm-up in a fresh process: start-up seconds and RSS in MiB."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, __file__, "--worker"], cwd=ROOT,
                              env=environment(content, tmp), capture_output=True, text=True,
                              check=True)
    return json.loads(done.stdout.splitlines()[-1])


def _worker_main() -> None:
    from learnpm import create_app
    from learnpm.store import EXTENSION_KEY

    started = time.perf_counter()
    app = create_app()  # imports the blueprints
    store = app.extensions[EXTENSION_KEY]
    store.warm()  # loads and indexes the catalog, as wsgi.py does before gunicorn forks
    created = time.perf_counter()
    with app.test_request_context():
        for slug in list(store.catalog.modules)[:50]:
            store.rendered(slug)
        for query in QUERIES:
            store.index.search(query)
    warmed = _memory()
    client = app.test_client()  # every module page once: the bounded page caches fill up
    for slug in store.catalog.modules:
        client.get(f"/modules/{slug}")
    print(json.dumps({"startup": created - started, "rss": warmed["VmRSS"],
                      "peak": warmed["VmHWM"], "crawled": _memory()["VmRSS"]}))


def _memory() -> dict[str, float]:
    """This process's VmRSS and VmHWM in MiB."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text()
                  .splitlines() if ":" in line)
    return {key: int(status[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM")}


def measure(content: Path, repeat: int) -> dict[str, float]:
    median, p95 = time_search(content)
    return {"load": time_load(content, repeat), "check": time_check(content, repeat),
            "search_median": median, "search_p95": p95, **worker(content)}


def report(today: dict[str, float], synthetic: dict[str, float]) -> None:
    rows = [("catalog load (s)", "load", "< 2 s"), ("content check (s)", "check", "< 5 s"),
            ("search median (ms)", "search_median", ""),
            ("search p95 (ms)", "search_p95", "< 20 ms"),
            ("app start-up (s)", "startup", ""), ("worker RSS (MiB)", "rss", "< 120 MiB"),
            ("worker peak RSS (MiB)", "peak", ""),
            ("RSS after every page (MiB)", "crawled", "")]
    print(f"{'figure':26} {'today':>9} {'synthetic':>10} {'ratio':>7}  {'target':10} verdict")
    for label, key, target in rows:
        verdict = ("OK" if synthetic[key] < TARGETS[key] else "OVER") if key in TARGETS else ""
        print(f"{label:26} {today[key]:9.3f} {synthetic[key]:10.3f} "
              f"{synthetic[key] / today[key]:6.1f}x  {target:10} {verdict}")


def growth(rows: list[tuple[str, int, int, dict[str, float]]]) -> None:
    print(f"\n{'size':8} {'modules':>8} {'questions':>10} {'start-up s':>11} {'RSS MiB':>8}")
    for name, modules, questions, figures in rows:
        print(f"{name:8} {modules:8d} {questions:10d} {figures['startup']:11.3f} "
              f"{figures['rss']:8.1f}")
    synthetic = [(questions, figures["startup"]) for _, _, questions, figures in rows[1:]]
    if len(synthetic) < 2:
        return
    # A straight line through the synthetic sizes (least squares), and how far off it they lie.
    mean_n = statistics.fmean(n for n, _ in synthetic)
    mean_t = statistics.fmean(t for _, t in synthetic)
    slope = (sum((n - mean_n) * (t - mean_t) for n, t in synthetic)
             / sum((n - mean_n) ** 2 for n, _ in synthetic))
    fixed = mean_t - slope * mean_n
    off = max(abs(t - (fixed + slope * n)) / t for n, t in synthetic)
    print(f"start-up = {fixed:.2f} s + {1e6 * slope:.0f} ms per 1,000 questions (with a tenth "
          f"as many modules); the sizes lie within {off:.0%} of that line, so it grows "
          f"{'linearly' if off < 0.1 else 'not quite linearly'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="0.25,0.5,1")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="Keep the synthetic catalogs in DIR.")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return _worker_main()
    base = args.keep or Path(tempfile.mkdtemp(prefix="learnpm-catalog-"))
    try:
        real = load(ROOT / "content")
        today = measure(ROOT / "content", args.repeat)
        rows = [("today", len(real.modules), len(real.questions), today)]
        full = None
        for size in sorted(float(s) for s in args.sizes.split(",")):
            modules = max(round(args.modules * size), 50)
            questions = round(args.questions * size)
            folder = base / f"{modules}-modules-{questions}-questions" / "content"
            if not folder.exists():
                generate(folder, modules, questions, args.seed)
            figures = measure(folder, args.repeat) if size == 1 else worker(folder)
            full = figures if size == 1 else full
            rows.append((f"{size:g}x", modules, questions, figures))
        print(f"today: {rows[0][1]} modules, {rows[0][2]} questions; synthetic: {args.modules} "
              f"modules, {args.questions} questions; medians of {args.repeat} runs\n")
        if full is not None:
            report(today, full)
        growth(rows)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
