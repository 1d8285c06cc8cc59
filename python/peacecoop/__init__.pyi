"""Type stubs for peacecoop: the API. The shapes of its results (TypedDicts)
are in ``peacecoop._types``, re-exported here."""

from os import PathLike
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Union, final

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

__version__: str
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

ScenarioInput = Union[Mapping[str, Any], "Scenario"]
"""A scenario: a mapping shaped like a scenario file, or a Scenario read before."""

class ScenarioError(ValueError):
    """A scenario that could not be read: every problem found in it.

    ``message``, ``line`` and ``column`` are those of the first problem, as
    the CLI reports them (1-based; ``None`` for input without positions).
    """

    file: str
    problems: List[Problem]
    more: int
    index: Optional[int]
    def __init__(
        self,
        text: str,
        *,
        file: str = ...,
        problems: Optional[List[Problem]] = ...,
        more: int = ...,
        index: Optional[int] = ...,
    ) -> None: ...
    @property
    def message(self) -> str: ...
    @property
    def help(self) -> Optional[str]: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[int]: ...
    @property
    def code(self) -> Optional[str]: ...

# --- the API -----------------------------------------------------------------

@final
class Scenario:
    """A scenario read and checked against a ruleset, ready to evaluate many times."""

    @property
    def name(self) -> str: ...
    @property
    def file(self) -> Optional[str]: ...

@final
class RuleSet:
    """A loaded, checked and compiled ruleset. Read-only; safe to share between threads."""

    @staticmethod
    def embedded() -> RuleSet:
        """The ruleset shipped with peacecoop, embedded in the module."""
    @staticmethod
    def from_dir(path: Union[str, PathLike[str]]) -> RuleSet:
        """A ruleset read from the rule files below ``path`` (``--rules DIR``)."""
    def scenario(self, scenario: ScenarioInput) -> Scenario:
        """Reads and checks a scenario given as a mapping."""
    def parse_yaml(self, text: str, *, file: Optional[str] = None) -> Scenario:
        """Reads and checks a scenario given as YAML text."""
    def evaluate(
        self,
        scenario: ScenarioInput,
        *,
        lang: Lang = "en",
        date: Optional[DateInput] = None,
        readings: Optional[Mapping[str, str]] = None,
        trace: bool = True,
    ) -> Report:
        """Evaluates one scenario: ``peacecoop evaluate --format json``."""
    def evaluate_yaml(
        self,
        text: str,
        *,
        file: Optional[str] = None,
        lang: Lang = "en",
        date: Optional[DateInput] = None,
        readings: Optional[Mapping[str, str]] = None,
        trace: bool = True,
    ) -> Report:
        """Evaluates a scenario given as YAML text."""
    def evaluate_many(
        self,
        scenarios: Iterable[ScenarioInput],
        *,
        trace: bool = True,
        lang: Lang = "en",
        date: Optional[DateInput] = None,
        readings: Optional[Mapping[str, str]] = None,
    ) -> List[Report]:
        """Evaluates many scenarios on every core; results in input order."""
    def _evaluate_many_timed(
        self,
        scenarios: Iterable[ScenarioInput],
        *,
        trace: bool = True,
        lang: Lang = "en",
        date: Optional[DateInput] = None,
        readings: Optional[Mapping[str, str]] = None,
    ) -> tuple[List[Report], dict[str, float]]:
        """`evaluate_many`, and the seconds spent in each phase (for bench.py)."""
    def whatif(
        self,
        scenario: ScenarioInput,
        *,
        max_changes: int = 3,
        keep: Optional[Sequence[str]] = None,
        lang: Lang = "en",
        date: Optional[DateInput] = None,
        readings: Optional[Mapping[str, str]] = None,
    ) -> WhatifReport:
        """The smallest sets of fact changes that would make the scenario eligible."""
    def history(
        self,
        scenario: ScenarioInput,
        *,
        lang: Lang = "en",
        readings: Optional[Mapping[str, str]] = None,
    ) -> HistoryReport:
        """The scenario's verdict under every law version."""
    def readings(
        self,
        scenario: ScenarioInput,
        *,
        lang: Lang = "en",
        readings: Optional[Mapping[str, str]] = None,
    ) -> ReadingsReport:
        """The verdict under every combination of the readings the rules consult."""
    def list_readings(self, *, lang: Lang = "en") -> List[ReadingInfo]:
        """The readings of contested points: ``peacecoop readings --format json``."""
    def facts(self, *, lang: Lang = "en") -> List[FactInfo]:
        """The facts a scenario may state, in declaration order."""
    def rule_ids(self) -> List[str]:
        """The ids of the rules, in ruleset order."""
