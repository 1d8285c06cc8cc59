"""The shapes of peacecoop's results, as TypedDicts (for editors and type
checkers). Every result is a plain dict: the CLI's ``--format json`` object."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

Verdict = Literal["eligible", "not_eligible", "undetermined"]
Outcome = Literal["pass", "fail", "undetermined", "not_applicable", "not_in_force"]
Lang = Literal["en", "ja"]
Side = Literal["world", "plan", "frame"]
JsonValue = Union[None, bool, int, float, str, List[Any], Dict[str, Any]]

DateInput = Union[str, datetime.date]
"""A date: ``YYYY-MM-DD`` text or a ``datetime.date``."""

# --- Shapes shared by the reports -------------------------------------------

class ScenarioRef(TypedDict):
    name: str
    file: Optional[str]

class LawRef(TypedDict):
    id: str
    in_force_from: str
    title: str

# --- evaluate ----------------------------------------------------------------

class Step(TypedDict):
    rule: str
    title: str
    explanation: str
    cites: List[str]

class Group(TypedDict):
    title: str
    rules: List[str]

class Entry(TypedDict):
    rule: str
    title: str
    principle: Optional[int]
    kind: Literal["general", "pillar", "principle", "task", "procedure", "policy"]
    outcome: Outcome
    explanation: str
    facts: Dict[str, JsonValue]
    cites: List[str]
    sources: List[str]

class _ReportRequired(TypedDict):
    schema_version: int
    scenario: ScenarioRef
    date: str
    law_version: Optional[LawRef]
    verdict: Verdict
    reason: str
    readings: Dict[str, str]
    depends_on_readings: List[str]
    missing: List[str]
    expect: Optional[Verdict]
    steps: List[Step]
    advisories: List[Step]
    unused: List[str]
    notes: List[str]


class Report(_ReportRequired, total=False):
    """One evaluated scenario: ``peacecoop evaluate --format json``.

    ``groups`` and ``trace`` are absent from reports made with ``trace=False``.
    """

    groups: List[Group]
    """The trace grouped for display (headings and their rule ids)."""
    trace: List[Entry]
    """Every rule of the ruleset, in ruleset order, exactly once."""

# --- whatif ------------------------------------------------------------------

Change = TypedDict(
    "Change",
    {"fact": str, "from": JsonValue, "to": JsonValue, "side": Optional[Side], "clause": str},
)

class Alternative(TypedDict):
    changes: List[Change]
    verdict: Verdict
    side: Literal["world", "plan", "frame", "mixed"]

class WhatifReport(TypedDict):
    """``peacecoop whatif --format json``."""

    schema_version: int
    scenario: ScenarioRef
    verdict: Verdict
    kept: List[str]
    max_changes: int
    alternatives: List[Alternative]
    partial: bool
    evaluated: int

# --- history -----------------------------------------------------------------

Changed = TypedDict("Changed", {"rule": str, "from": Outcome, "to": Outcome})

class HistoryRow(TypedDict):
    law_version: LawRef
    verdict: Verdict
    failed: List[str]
    changed: List[Changed]
    current: bool

class HistoryReport(TypedDict):
    """``peacecoop history --format json``."""

    schema_version: int
    scenario: ScenarioRef
    versions: List[HistoryRow]

# --- readings ----------------------------------------------------------------

class Combination(TypedDict):
    readings: Dict[str, str]
    verdict: Verdict

class ReadingsReport(TypedDict):
    """``peacecoop readings SCENARIO --format json``."""

    schema_version: int
    scenario: ScenarioRef
    verdict: Verdict
    readings: Dict[str, str]
    robust: bool
    deciding: List[str]
    combinations: List[Combination]

class SourceInfo(TypedDict):
    id: str
    title: str
    url: Optional[str]
    kind: str
    note: Optional[str]

class OptionInfo(TypedDict):
    id: str
    text: str
    sources: List[SourceInfo]

class ReadingInfo(TypedDict):
    """One item of ``peacecoop readings --format json``."""

    id: str
    question: str
    default: str
    options: List[OptionInfo]
    rules: List[str]
    facts: List[str]

# --- facts -------------------------------------------------------------------

class ValueInfo(TypedDict):
    name: str
    description: str

FactInfo = TypedDict(
    "FactInfo",
    {
        "name": str,
        "type": Literal["bool", "enum", "list", "int", "date", "text"],
        "description": str,
        "values": List[ValueInfo],
        "min": Optional[int],
        "max": Optional[int],
        "default": JsonValue,
        "names": List[str],
        "side": Optional[Side],
    },
)

# --- errors ------------------------------------------------------------------

class Problem(TypedDict):
    """One problem of a scenario."""

    message: str
    help: Optional[str]
    line: Optional[int]
    column: Optional[int]
    code: str
    file: str
