"""Benchmark of the Python package against its budgets (not a timed test).

    python python/bench.py                 # 100,000 scenarios, 3 rounds
    python python/bench.py --n 20000 --rounds 1

Budgets (issue 12), on the 2-core machine:
  - evaluate_many of 100,000 scenario dicts, trace=False: within 1 s;
  - the same with the full trace: within 5 s;
  - one evaluate call with its full trace: within 20 µs.

For each batch it also prints where the time goes (RuleSet._evaluate_many_timed):
  convert    Python dicts into the library's plain values (GIL held, one core)
  evaluate   reading them into checked scenarios, evaluating, and the reports
             (summaries with trace=False), library, every core, GIL released
  to_python  reports into dicts (GIL held, one core)
(evaluate runs in a worker thread while the GIL thread converts the next
chunk and builds the dicts of the last: the phases overlap) and the CPU time
of the GIL thread and of the other threads, per scenario.
and for one call: reading the dict, evaluating with the report, building the dict.
The machine is shared: the load average is printed with the results.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import time
from typing import Any, Callable, Dict, List, Tuple

import peacecoop

UNMISS: Dict[str, Any] = {
    "name": "UNMISS, South Sudan (engineer unit, staff officers, 2011)",
    "date": "2011-12-20",
    "stage": "proposed",
    "operation": "un_peacekeeping",
    "basis": {"kind": "un_security_council_resolution"},
    "un_command": True,
    "conflict": {"occurred": True, "parties_remain": False},
    "consent": {"host": "given"},
    "impartial": True,
    "use_of_force": "self_preservation",
    "tasks": ["engineering", "staff_officer", "liaison"],
    "personnel": 245,
}
CONSENT = ["given", "operation_only", "absent", "withdrawn"]


def scenarios(n: int) -> List[Dict[str, Any]]:
    """`n` variants of UNMISS: dates across every law version, every consent."""
    rnd = random.Random(12)
    out = []
    for i in range(n):
        y = rnd.randint(1990, 2025)
        out.append(
            {
                **UNMISS,
                "name": f"UNMISS variant {i}",
                "date": f"{y}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                "conflict": {"occurred": True, "parties_remain": rnd.random() < 0.5,
                             "ceasefire": rnd.choice(["agreed", "none", "collapsed"])},
                "consent": {"host": rnd.choice(CONSENT), "parties": rnd.choice(CONSENT),
                            "stable": rnd.random() < 0.8},
                "personnel": rnd.randint(10, 2500),
            }
        )
    return out


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def batch(
    rules: peacecoop.RuleSet, items: List[Dict[str, Any]], trace: bool, rounds: int
) -> Tuple[float, float, Dict[str, float]]:
    """The best wall time of `rounds`, the CPU-time estimate of the wall time
    on an idle machine (main thread's CPU + the workers' CPU shared over the
    cores), and the phases of the best round."""
    best, best_idle = float("inf"), float("inf")
    phases: Dict[str, float] = {}
    cores = os.cpu_count() or 1
    for _ in range(rounds):
        gc.collect()
        start, cpu, main_cpu = time.perf_counter(), time.process_time(), time.thread_time()
        results, ph = rules._evaluate_many_timed(items, trace=trace)
        seconds = time.perf_counter() - start
        main = time.thread_time() - main_cpu
        workers = time.process_time() - cpu - main
        assert len(results) == len(items)
        del results
        best_idle = min(best_idle, main + workers / cores)
        if seconds < best:
            best, phases = seconds, dict(ph, gil_thread_cpu=main, other_threads_cpu=workers)
    return best, best_idle, phases


def per_call(f: Callable[[], object], n: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """The median time of one call, in µs (medians of 15 runs of n calls)."""
    runs = []
    for _ in range(15):
        start = clock()
        for _ in range(n):
            f()
        runs.append((clock() - start) / n * 1e6)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark of the peacecoop Python package")
    parser.add_argument("--n", type=int, default=100_000, help="scenarios per batch")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per batch (best is kept)")
    args = parser.parse_args()

    rules = peacecoop.RuleSet.embedded()
    items = scenarios(args.n)
    rules.evaluate_many(items[:2000])  # warm up threads and the shared strings
    print(f"peacecoop {peacecoop.__version__}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    print(f"{args.n:,} scenario dicts (UNMISS variants), best of {args.rounds}\n")

    scale = 100_000 / args.n
    rows: List[Tuple[str, str, str, str, bool]] = []
    for trace, budget in ((False, 1.0), (True, 5.0)):
        seconds, idle, ph = batch(rules, items, trace, args.rounds)
        at_100k = seconds * scale
        label = f"evaluate_many, trace={trace}"
        rows.append((label, f"{at_100k:.2f} s", f"{idle * scale:.2f} s", f"{budget:.0f} s", at_100k <= budget))
        per = {k: v / args.n * 1e6 for k, v in ph.items()}
        print(
            f"{label}: {seconds:.3f} s for {args.n:,} ({seconds / args.n * 1e6:.1f} µs each; "
            f"CPU estimate on an idle machine {idle:.3f} s); phases and CPU per scenario: "
            + ", ".join(f"{k} {v:.1f} µs" for k, v in per.items())
        )
    print(f"peak memory {rss_mib():,.0f} MiB\n")

    one = UNMISS
    read = rules.scenario(one)
    n = 2000
    full = per_call(lambda: rules.evaluate(one), n)
    full_cpu = per_call(lambda: rules.evaluate(one), n, clock=time.thread_time)
    rows.append(("evaluate, full trace (dict in)", f"{full:.1f} µs", f"{full_cpu:.1f} µs", "20 µs", full <= 20))
    parts = {
        "read the dict": per_call(lambda: rules.scenario(one), n),
        "evaluate + report + dict (Scenario in)": per_call(lambda: rules.evaluate(read), n),
        "same, trace=False": per_call(lambda: rules.evaluate(read, trace=False), n),
    }
    print(f"evaluate, full trace: {full:.1f} µs; " + ", ".join(f"{k} {v:.1f} µs" for k, v in parts.items()))
    print(f"load average now {os.getloadavg()[0]:.2f}\n")

    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'measured':>10}  {'CPU est.':>10}  {'budget':>7}  holds")
    for label, measured, cpu, limit, ok in rows:
        print(f"{label:<{width}}  {measured:>10}  {cpu:>10}  {limit:>7}  {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
