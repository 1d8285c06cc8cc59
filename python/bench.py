"""Benchmark of the Python package against its budgets (not a timed test).

    python python/bench.py                 # 100,000 scenarios, 5 rounds
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
of the GIL thread and of the other threads, per scenario; and the time of
Python's first garbage collection after the call (paid by the caller's next
allocations: see `batch`). For one call: reading the dict, evaluating with
the report, building the dict, and, for scale, `marshal.loads` of the same
result (CPython's fastest way to make those dicts and lists).
The machine is shared: the load average is printed with the results, and
every figure is the median (and min) of the rounds.
"""

from __future__ import annotations

import argparse
import gc
import marshal
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
) -> Tuple[List[float], List[float], List[float], Dict[str, float]]:
    """For each of `rounds`: the wall time of `evaluate_many`, the CPU-time
    estimate of the wall time on an idle machine (main thread's CPU + the
    workers' CPU shared over the cores), and the wall time of Python's
    first garbage collection after the call (the call pauses the collector
    while it builds the dicts; the caller's next allocations then start a
    collection that walks every new dict and list once: part of what the
    results cost, though after the call returns). Then one more round,
    timed by phase (see the module's docstring)."""
    walls, idles, gcs = [], [], []
    cores = os.cpu_count() or 1
    for _ in range(rounds):
        gc.collect()
        start, cpu, main_cpu = time.perf_counter(), time.process_time(), time.thread_time()
        results = rules.evaluate_many(items, trace=trace)
        seconds = time.perf_counter() - start
        main = time.thread_time() - main_cpu
        workers = time.process_time() - cpu - main
        collect = time.perf_counter()
        gc.collect(0)
        gcs.append(time.perf_counter() - collect)
        assert len(results) == len(items)
        del results
        walls.append(seconds)
        idles.append(main + workers / cores)
    gc.collect()
    cpu, main_cpu = time.process_time(), time.thread_time()
    results, ph = rules._evaluate_many_timed(items, trace=trace)
    main = time.thread_time() - main_cpu
    phases = dict(ph, gil_thread_cpu=main, other_threads_cpu=time.process_time() - cpu - main)
    del results
    return walls, idles, gcs, phases


def med_min(xs: List[float], scale: float, unit: str, digits: int = 2) -> str:
    """`median (min)` of `xs` times `scale`."""
    return f"{statistics.median(xs) * scale:.{digits}f} ({min(xs) * scale:.{digits}f}) {unit}"


def per_call(
    f: Callable[[], object], n: int, clock: Callable[[], float] = time.perf_counter
) -> List[float]:
    """The time of one call in µs, for each of 15 runs of n calls."""
    runs = []
    for _ in range(15):
        start = clock()
        for _ in range(n):
            f()
        runs.append((clock() - start) / n * 1e6)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark of the peacecoop Python package")
    parser.add_argument("--n", type=int, default=100_000, help="scenarios per batch")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per batch (median and min shown)")
    args = parser.parse_args()

    rules = peacecoop.RuleSet.embedded()
    items = scenarios(args.n)
    rules.evaluate_many(items[:2000])  # warm up threads and the shared strings
    print(f"peacecoop {peacecoop.__version__}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    print(f"{args.n:,} scenario dicts (UNMISS variants), {args.rounds} rounds: median (min)\n")

    scale = 100_000 / args.n
    rows: List[Tuple[str, str, str, str, str, bool]] = []
    for trace, budget in ((False, 1.0), (True, 5.0)):
        walls, idles, gcs, ph = batch(rules, items, trace, args.rounds)
        label = f"evaluate_many, trace={trace}"
        holds = statistics.median(walls) * scale <= budget
        rows.append((label, med_min(walls, scale, "s"), med_min(idles, scale, "s"),
                     med_min(gcs, scale, "s"), f"{budget:.0f} s", holds))
        per = {k: v / args.n * 1e6 for k, v in ph.items()}
        print(
            f"{label}: {med_min(walls, 1, 's', 3)} for {args.n:,} "
            f"(CPU estimate on an idle machine {med_min(idles, 1, 's', 3)}; "
            f"then Python's first collection {med_min(gcs, 1, 's', 3)}); "
            "phases and CPU per scenario (one more round): "
            + ", ".join(f"{k} {v:.1f} µs" for k, v in per.items())
        )
    print(f"peak memory {rss_mib():,.0f} MiB\n")

    one = UNMISS
    read = rules.scenario(one)
    n = 2000
    full = per_call(lambda: rules.evaluate(one), n)
    full_cpu = per_call(lambda: rules.evaluate(one), n, clock=time.thread_time)
    rows.append(("evaluate, full trace (dict in)", med_min(full, 1, "µs", 1), med_min(full_cpu, 1, "µs", 1),
                 "-", "20 µs", statistics.median(full) <= 20))
    packed = marshal.dumps(rules.evaluate(one))
    parts = {
        "read the dict": per_call(lambda: rules.scenario(one), n),
        "evaluate + report + dict (Scenario in)": per_call(lambda: rules.evaluate(read), n),
        "same, trace=False": per_call(lambda: rules.evaluate(read, trace=False), n),
        # CPython's fastest way to make the same dicts and lists, from bytes:
        # what the objects alone cost on this machine, now.
        "for scale: marshal.loads of the same result": per_call(lambda: marshal.loads(packed), n),
    }
    print(
        f"evaluate, full trace: {med_min(full, 1, 'µs', 1)}; "
        + ", ".join(f"{k} {med_min(v, 1, 'µs', 1)}" for k, v in parts.items())
    )
    print(f"load average now {os.getloadavg()[0]:.2f}\n")

    width = max(len(r[0]) for r in rows)
    print("median (min); the budget is judged on the median")
    print(f"{'what':<{width}}  {'measured':>16}  {'CPU est.':>16}  {'then 1st GC':>14}  {'budget':>7}  holds")
    for label, measured, cpu, collect, limit, ok in rows:
        print(f"{label:<{width}}  {measured:>16}  {cpu:>16}  {collect:>14}  {limit:>7}  {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
