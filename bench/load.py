"""Realistic load against gunicorn, with optional faults, and a check that no answer is lost.

    python bench/load.py --database sqlite --users 32 --seconds 60
    python bench/load.py --database postgres --users 32 --seconds 60
    python bench/load.py --database postgres --kill-worker --restart-postgres
    python bench/load.py --database both

With --database both, a SQLite server and a PostgreSQL server run side by side and the users
take turns between them, flat out (--slice seconds each, --seconds of load on each in all):
the two are compared over the same minutes, so a shared two-core machine whose speed moves by
a tenth from one minute to the next (it does) weighs on both alike. It prints each round's
PostgreSQL / SQLite ratio of requests per second and the ratio over the whole run. Latency
with pauses is measured one database at a time (turns would start every waiting user at once).

Each virtual user registers, starts a CSM exam simulation and then, until time is up, mixes
reading modules, the library, search, the dashboard and answering exam questions. Forms are
read with the same HTML parser the tests use (tests/pages.py), so a page that changes its
markup breaks the script loudly, not silently. Every answer the server acknowledges (a redirect
after the POST) is remembered; afterwards the script reads the database and checks each one is
stored.
Faults: --kill-worker sends SIGKILL to one gunicorn worker a third of the way in;
--restart-postgres restarts the local PostgreSQL cluster halfway through (needs root).
Errors within FAULT_WINDOW seconds after a fault the script itself caused are expected and
reported apart; any other error fails the run.

Exit status 1 (with a FAIL line saying why) when a request failed outside a fault window, when
fewer answers were acknowledged than --min-answers (default: one per user), when an
acknowledged answer is missing from the database, or when the site does not serve afterwards.
Traffic goes only to 127.0.0.1. Bounded by --seconds; it stops by itself.
"""
import argparse
import contextlib
import math
import random
import statistics
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from load_servers import faults, serving, verify  # noqa: E402
from virtual_user import Gate, Stats, VirtualUser  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def finish(kind: str, base: str, url: str, stats: Stats, elapsed: float, requests: int,
           log: list[str]) -> "Outcome":
    """The outcome of a run whose load is over: `requests` ended within its `elapsed`
    seconds; the site is asked once more and the acknowledged answers looked up."""
    serves_again = urllib.request.urlopen(f"{base}/modules/scrum", timeout=10).status == 200
    checked, missing = verify(url, stats.acknowledged)
    return Outcome(kind, stats, elapsed, log, checked, missing, serves_again, requests)


def run(args, kind: str) -> "Outcome":
    """One run of the virtual users against gunicorn on a fresh database of `kind`. The
    clock starts once every user has signed up: 32 password hashes in the same second are a
    burst no real site sees, and would weigh on the first seconds' pages."""
    with serving(args, kind) as (base, url, server):
        stats, log = Stats(), []
        users = [VirtualUser(base, stats, math.inf, random.Random(n), args.think)
                 for n in range(args.users)]
        started = math.inf

        def start_clock() -> None:
            nonlocal started
            started = time.monotonic()
            for user in users:
                user.deadline = started + args.seconds
        signed_up = threading.Barrier(len(users) + 1, action=start_clock)
        for user in users:
            user.signed_up = signed_up
        threads = [threading.Thread(target=u.run) for u in users]
        for thread in threads:
            thread.start()
        signed_up.wait()
        threads.append(threading.Thread(target=faults, args=(server, args, started, log, stats)))
        threads[-1].start()
        for thread in threads:
            thread.join()
        return finish(kind, base, url, stats, time.monotonic() - started,
                      sum(1 for t in stats.finished if t >= started), log)


def run_both(args) -> tuple[dict[str, "Outcome"], list[dict[str, float]]]:
    """SQLite and PostgreSQL served at once, the load taking turns between them in slices.

    Only one server has users sending requests at any moment (the other's wait at a closed
    gate, its requests in flight drained first), so each gets the whole machine in its turn;
    and as the turns alternate every few seconds, a machine that speeds up or slows down from
    one minute to the next (a shared two-core VM moves by a tenth) weighs on both alike.
    Each user signs up before the first turn. Returns each database's outcome (its
    throughput over its own turns) and each round's requests per second.
    """
    kinds = ("sqlite", "postgres")
    rounds = max(1, round(args.seconds / args.slice))
    with contextlib.ExitStack() as stack:
        served = {kind: stack.enter_context(serving(args, kind)) for kind in kinds}
        stats = {kind: Stats() for kind in kinds}
        gates = {kind: Gate() for kind in kinds}

        def close_gates() -> None:  # everyone has signed up: no request is in flight
            for gate in gates.values():
                gate.close_and_drain()
        signed_up = threading.Barrier(2 * args.users + 1, action=close_gates)
        users = [VirtualUser(served[kind][0], stats[kind], math.inf, random.Random(n),
                             args.think, gates[kind], signed_up)
                 for kind in kinds for n in range(args.users)]
        threads = [threading.Thread(target=u.run) for u in users]
        for thread in threads:
            thread.start()
        signed_up.wait()
        per_round: list[dict[str, float]] = []
        counted = {kind: 0 for kind in kinds}
        for number in range(rounds):
            rates = {}
            for kind in kinds if number % 2 == 0 else kinds[::-1]:
                gates[kind].open()
                begun = time.monotonic()
                time.sleep(args.slice)
                ended = time.monotonic()
                gates[kind].close_and_drain()
                done = sum(1 for t in stats[kind].finished if begun <= t <= ended)
                counted[kind] += done
                rates[kind] = done / (ended - begun)
            per_round.append(rates)
        for user in users:
            user.deadline = 0
        for gate in gates.values():
            gate.open()
        for thread in threads:
            thread.join()
        # Each database's throughput counts the requests that ended within its own turns.
        outcomes = {kind: finish(kind, *served[kind][:2], stats[kind], rounds * args.slice,
                                 counted[kind], [])
                    for kind in kinds}
    return outcomes, per_round


@dataclass
class Outcome:
    kind: str
    stats: Stats
    elapsed: float
    log: list[str]
    checked: int  # acknowledged answers looked up in the database
    missing: int
    serves_again: bool
    requests: int  # the requests that count towards its throughput

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="sqlite",
                        help="both: SQLite and PostgreSQL taking turns, and their ratio")
    parser.add_argument("--slice", type=float, default=10.0,
                        help="with --database both: seconds of each turn")
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60,
                        help="seconds of load (with --database both: on each database)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think", type=float,
                        help="mean seconds a user pauses between requests (0: flat out; "
                             "default 1, or 0 with --database both)")
    parser.add_argument("--kill-worker", action="store_true")
    parser.add_argument("--restart-postgres", action="store_true")
    parser.add_argument("--min-answers", type=int,
                        help="fail when fewer answers are acknowledged (default: --users)")
    args = parser.parse_args()
    if args.database == "both" and (args.kill_worker or args.restart_postgres):
        parser.error("faults are for one database at a time")
    if args.think is None:
        args.think = 0.0 if args.database == "both" else 1.0
    if args.database == "both" and args.think:
        # Every user parked at a closed gate would start at once when it opens: a burst no
        # reader makes, and latencies that describe the turns, not the site.
        parser.error("--database both compares throughput flat out (--think 0); measure "
                     "latency with pauses one database at a time")
    if args.min_answers is None:
        args.min_answers = args.users
    if args.database != "both":
        sys.exit(1 if report(args, run(args, args.database)) else 0)
    outcomes, per_round = run_both(args)
    failures = []
    for outcome in outcomes.values():
        failures += report(args, outcome)
        print()
    compare(outcomes, per_round)
    sys.exit(1 if failures else 0)


def compare(outcomes: dict[str, Outcome], per_round: list[dict[str, float]]) -> None:
    print(f"{'round':>5} {'SQLite req/s':>13} {'PostgreSQL req/s':>17} "
          f"{'PostgreSQL / SQLite':>20}")
    ratios = []
    for number, rates in enumerate(per_round, start=1):
        ratios.append(rates["postgres"] / rates["sqlite"])
        print(f"{number:5d} {rates['sqlite']:13.0f} {rates['postgres']:17.0f} "
              f"{ratios[-1]:20.0%}")
    overall = outcomes["postgres"].requests / outcomes["sqlite"].requests
    print(f"PostgreSQL / SQLite over the whole run: {overall:.0%} "
          f"(rounds: median {statistics.median(ratios):.0%}, lowest {min(ratios):.0%}, "
          f"highest {max(ratios):.0%}; goal at least 80% flat out)")


def report(args, outcome: Outcome) -> list[str]:
    """Print one run's figures; return why it failed (nothing if it did not)."""
    stats, elapsed = outcome.stats, outcome.elapsed
    errors = sum(len(v) for v in stats.errors.values())
    print(f"{outcome.kind}, gunicorn {args.workers} workers, {args.users} users, "
          f"think {args.think:g} s, {elapsed:.0f} s: {outcome.requests} requests, "
          f"{outcome.requests_per_second:.0f} req/s, {errors} errors")
    for line in outcome.log:
        print("fault:", line)
    print(f"{'request':16} {'count':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} {'errors':>6} {'outside faults':>14}")
    for kind, values in sorted(stats.latency.items(), key=lambda kv: -len(kv[1])):
        print(f"{kind:16} {len(values):6d} {len(values) / elapsed:7.1f} "
              f"{1000 * statistics.median(values):7.1f} {1000 * percentile(values, 0.95):7.1f} "
              f"{1000 * percentile(values, 0.99):7.1f} {len(stats.errors[kind]):6d} "
              f"{stats.unexpected_errors(kind):14d}")
    print(f"acknowledged answers checked in the database: {outcome.checked}, "
          f"missing: {outcome.missing}")
    print(f"site serves again after the run: {'yes' if outcome.serves_again else 'NO'}")
    failures = [f"{kind}: {stats.unexpected_errors(kind)} errors outside a fault window"
                for kind in sorted(stats.errors) if stats.unexpected_errors(kind)]
    if outcome.checked < args.min_answers:
        failures.append(f"only {outcome.checked} answers acknowledged "
                        f"(floor {args.min_answers})")
    if outcome.missing:
        failures.append(f"{outcome.missing} acknowledged answers missing from the database")
    if not outcome.serves_again:
        failures.append("the site does not serve after the run")
    for failure in failures:
        print("FAIL:", failure)
    return failures


if __name__ == "__main__":
    main()
