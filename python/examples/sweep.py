"""When, and with whose consent, could Japan have joined UNMISS?

A sweep over one real mission: UNMISS, South Sudan (the GSDF engineer unit
of 2011). The mission's facts stay as they were; the date moves twice a
month from 1990 to 2025, across every version of the PKO Act, and the host
state's and the parties' consent take each of their values. Each variant is
evaluated under both readings of the contested point it depends on
(``parties-gone-before-2016``). The verdicts go into a pandas DataFrame and
a heat map (one panel per reading) is saved as a PNG.

Run it (after ``pip install ./python pandas matplotlib``):

    python python/examples/sweep.py               # writes python/examples/sweep.png
    python python/examples/sweep.py out.png       # or where you say
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import time
from pathlib import Path
from typing import Any, Dict, List

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

import peacecoop

# UNMISS as in scenarios/unmiss-2011.yaml: the Cabinet decision of 2011-12-20.
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

FIRST_YEAR, LAST_YEAR = 1990, 2025
CONSENT = ["given", "operation_only", "absent", "withdrawn"]
READING = "parties-gone-before-2016"
VERDICTS = ["eligible", "undetermined", "not_eligible"]
COLOURS = ["#1a9850", "#fdd835", "#d73027"]
LABELS = {"eligible": "eligible", "undetermined": "undetermined", "not_eligible": "not eligible"}
# What each option of the reading says, in a few words (`rules.list_readings()` has the full text).
GLOSS = {
    "practice": "the host's consent alone sufficed once the parties were gone (the government's reading for UNMISS)",
    "text": "before 2016-03-29 a ceasefire and the parties' consent were still required",
}


def year_fraction(d: dt.date) -> float:
    """`d` as a point on a continuous year axis (2011-07-02 is about 2011.5)."""
    start = dt.date(d.year, 1, 1)
    days = (dt.date(d.year + 1, 1, 1) - start).days
    return d.year + (d - start).days / days


def sweep_dates() -> List[dt.date]:
    """The 1st and the 15th of every month from FIRST_YEAR to LAST_YEAR."""
    return [
        dt.date(y, m, d)
        for y in range(FIRST_YEAR, LAST_YEAR + 1)
        for m in range(1, 13)
        for d in (1, 15)
    ]


def variants(rules: peacecoop.RuleSet) -> pd.DataFrame:
    """Every variant's facts, one row each (a scenario dict in `scenario`)."""
    options = [o["id"] for r in rules.list_readings() if r["id"] == READING for o in r["options"]]
    rows: List[Dict[str, Any]] = []
    for reading, date, host, parties in itertools.product(
        options, sweep_dates(), CONSENT, CONSENT
    ):
        scenario = {
            **UNMISS,
            "date": date,
            "consent": {"host": host, "parties": parties},
            "readings": {READING: reading},
        }
        rows.append(
            {"reading": reading, "date": date, "host": host, "parties": parties, "scenario": scenario}
        )
    return pd.DataFrame(rows)


def evaluate(rules: peacecoop.RuleSet, frame: pd.DataFrame) -> pd.DataFrame:
    """Adds each variant's verdict and law version (one batch, every core)."""
    reports = rules.evaluate_many(list(frame["scenario"]), trace=False)
    out = frame.drop(columns="scenario")
    out["verdict"] = [r["verdict"] for r in reports]
    out["law_version"] = [r["law_version"]["id"] if r["law_version"] else "none" for r in reports]
    return out


def draw(rules: peacecoop.RuleSet, table: pd.DataFrame, path: Path) -> None:
    """One heat-map panel per reading: consent combinations by date, coloured by verdict."""
    readings = list(dict.fromkeys(table["reading"]))
    laws = [v["law_version"] for v in rules.history(UNMISS)["versions"]]
    rows = [(h, p) for h in CONSENT for p in CONSENT]
    codes = {v: i for i, v in enumerate(VERDICTS)}
    cmap = ListedColormap(COLOURS)
    norm = BoundaryNorm(np.arange(len(VERDICTS) + 1) - 0.5, len(VERDICTS))
    mission_day = dt.date.fromisoformat(UNMISS["date"])

    fig, axes = plt.subplots(
        len(readings), 1, figsize=(15, 5.2 * len(readings)), sharex=True, constrained_layout=True
    )
    axes_list = list(np.atleast_1d(axes))
    for ax, reading in zip(axes_list, readings):
        part = table[table["reading"] == reading]
        grid = part.pivot_table(
            index=["host", "parties"], columns="date", values="verdict", aggfunc="first"
        ).reindex(rows)
        dates: List[dt.date] = list(grid.columns)
        edges = [year_fraction(d) for d in dates]
        edges.append(edges[-1] + (edges[-1] - edges[-2]))
        values = np.vectorize(lambda v: codes[v])(grid.to_numpy())
        ax.pcolormesh(
            edges, np.arange(len(rows) + 1), values, cmap=cmap, norm=norm, shading="flat"
        )
        ax.set_ylim(len(rows), 0)
        ax.set_yticks(np.arange(len(rows)) + 0.5)
        ax.set_yticklabels([f"parties: {p.replace('_', ' ')}" for _, p in rows], fontsize=8)
        for i, host in enumerate(CONSENT):
            ax.axhline(4 * i, color="white", linewidth=2.5)
            ax.text(
                1.006, 1 - (4 * i + 2) / len(rows), f"host:\n{host.replace('_', ' ')}",
                transform=ax.transAxes, ha="left", va="center", fontsize=9, fontweight="bold",
            )
        ax.text(edges[0], -0.25, " before the Act", fontsize=8.5, va="bottom")
        for law in laws:
            x = year_fraction(dt.date.fromisoformat(law["in_force_from"]))
            ax.axvline(x, color="black", linewidth=1.2, linestyle="--")
            ax.text(
                x, -0.25, f" {law['id']} ({law['in_force_from']})", fontsize=8.5,
                va="bottom", ha="left", rotation=0,
            )
        ax.plot(
            [year_fraction(mission_day)], [0.5], marker="*", markersize=15,
            color="white", markeredgecolor="black", zorder=5,
        )
        ax.set_title(
            f"Reading {READING} = {reading}: {GLOSS.get(reading, '')}",
            fontsize=11, loc="left", pad=18,
        )
    last = axes_list[-1]
    years = list(range(FIRST_YEAR, LAST_YEAR + 2, 2))
    last.set_xticks(years)
    last.set_xticklabels([str(y) for y in years])
    last.set_xlim(edges[0], edges[-1])
    last.set_xlabel("date of the Cabinet decision (law in force on that day)")
    present = set(table["verdict"])
    handles: List[Any] = [
        Patch(facecolor=c, label=LABELS[v]) for v, c in zip(VERDICTS, COLOURS) if v in present
    ]
    handles.append(
        Line2D(
            [], [], marker="*", linestyle="", markersize=13, color="white",
            markeredgecolor="black", label="the real decision (2011-12-20)",
        )
    )
    fig.legend(handles=handles, loc="outside lower center", ncol=len(handles), fontsize=10)
    fig.suptitle(
        f"{UNMISS['name']}: the verdict by date and consent "
        f"({len(table):,} variants, peacecoop {peacecoop.__version__})",
        fontsize=13,
    )
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "output", nargs="?", type=Path, default=here / "sweep.png", help="the PNG to write"
    )
    args = parser.parse_args()
    rules = peacecoop.RuleSet.embedded()
    frame = variants(rules)
    start = time.perf_counter()
    table = evaluate(rules, frame)
    seconds = time.perf_counter() - start
    print(f"{len(table):,} variants evaluated in {seconds:.2f} s")
    summary = table.groupby(["reading", "law_version", "verdict"]).size().unstack(fill_value=0)
    print(summary.to_string())
    output: Path = args.output
    draw(rules, table, output)
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
