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

from ._errors import ScenarioError
from ._native import RuleSet, Scenario, __version__

__all__ = ["RuleSet", "Scenario", "ScenarioError", "__version__"]
