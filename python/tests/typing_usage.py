"""Checked by `mypy --strict` (tests/test_typing.py): the stubs describe the API."""

from __future__ import annotations

import datetime
from typing import List

import peacecoop

rules = peacecoop.RuleSet.embedded()
report: peacecoop.Report = rules.evaluate(
    {"name": "x", "operation": "un_peacekeeping"},
    lang="ja",
    date=datetime.date(2010, 6, 1),
    readings={"parties-presumed": "unknown"},
)
verdict: peacecoop.Verdict = report["verdict"]
failing: List[str] = [e["rule"] for e in report.get("trace", []) if e["outcome"] == "fail"]
law = report["law_version"]
law_id = law["id"] if law is not None else None
many: List[peacecoop.Report] = rules.evaluate_many([{"name": "x"}] * 3, trace=False)
s: peacecoop.Scenario = rules.parse_yaml("name: x\n", file="x.yaml")
w: peacecoop.WhatifReport = rules.whatif(s, max_changes=2, keep=[])
changes = [(c["fact"], c["from"], c["to"]) for a in w["alternatives"] for c in a["changes"]]
h: peacecoop.HistoryReport = rules.history(s)
r: peacecoop.ReadingsReport = rules.readings(s, readings={"parties-presumed": "remain"})
listing: List[peacecoop.ReadingInfo] = rules.list_readings()
facts: List[peacecoop.FactInfo] = rules.facts(lang="en")
kinds = [f["type"] for f in facts]
try:
    rules.evaluate_yaml("name: [\n")
except peacecoop.ScenarioError as e:
    where: tuple[int | None, int | None] = (e.line, e.column)
    first: str = e.message
    codes = [p["code"] for p in e.problems]
