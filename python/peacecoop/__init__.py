"""peacecoop: is a hypothetical Japanese dispatch eligible under the PKO Act?

A rules engine that decides whether a dispatch is eligible under Japan's
International Peace Cooperation Act (the "PKO Act", 1992) as the law stood
on a given date, with a trace of every rule. A teaching and analysis aid,
not legal advice.

Every result is the same dict that the ``peacecoop`` command line prints
with ``--format json`` (same keys, same values, same order).

>>> import peacecoop
>>> rules = peacecoop.RuleSet.embedded()
>>> r = rules.evaluate({
...     "name": "A UN mission after its ceasefire collapsed",
...     "date": "2010-06-01",
...     "operation": "un_peacekeeping",
...     "basis": {"kind": "un_security_council_resolution"},
...     "un_command": True,
...     "conflict": {"occurred": True, "ceasefire": "collapsed"},
...     "consent": {"host": "given", "parties": "given"},
...     "impartial": True,
...     "use_of_force": "self_preservation",
...     "tasks": ["engineering"],
...     "personnel": 350,
... })
>>> r["verdict"]
'not_eligible'
>>> [e["rule"] for e in r["trace"] if e["outcome"] == "fail"]
['ceasefire-agreement']
"""

from typing import Any, Mapping, Union

from ._errors import ScenarioError
from ._native import RuleSet, Scenario, __version__
from ._types import (
    Verdict as Verdict,
    Outcome as Outcome,
    Lang as Lang,
    Side as Side,
    JsonValue as JsonValue,
    DateInput as DateInput,
    ScenarioRef as ScenarioRef,
    LawRef as LawRef,
    Step as Step,
    Group as Group,
    Entry as Entry,
    Report as Report,
    Change as Change,
    Alternative as Alternative,
    WhatifReport as WhatifReport,
    Changed as Changed,
    HistoryRow as HistoryRow,
    HistoryReport as HistoryReport,
    Combination as Combination,
    ReadingsReport as ReadingsReport,
    SourceInfo as SourceInfo,
    OptionInfo as OptionInfo,
    ReadingInfo as ReadingInfo,
    ValueInfo as ValueInfo,
    FactInfo as FactInfo,
    Problem as Problem,
)

ScenarioInput = Union[Mapping[str, Any], Scenario]
"""A scenario: a mapping shaped like a scenario file, or a Scenario read before."""

__all__ = [
    "RuleSet",
    "Scenario",
    "ScenarioError",
    "ScenarioInput",
    "__version__",
    "Verdict",
    "Outcome",
    "Lang",
    "Side",
    "JsonValue",
    "DateInput",
    "ScenarioRef",
    "LawRef",
    "Step",
    "Group",
    "Entry",
    "Report",
    "Change",
    "Alternative",
    "WhatifReport",
    "Changed",
    "HistoryRow",
    "HistoryReport",
    "Combination",
    "ReadingsReport",
    "SourceInfo",
    "OptionInfo",
    "ReadingInfo",
    "ValueInfo",
    "FactInfo",
    "Problem",
]
