"""The exception raised for a scenario that cannot be read."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple


class ScenarioError(ValueError):
    """A scenario that could not be read: every problem found in it.

    ``message``, ``line`` and ``column`` are those of the first problem,
    exactly as the CLI reports them (``line`` and ``column`` are 1-based, and
    ``None`` when the input has no positions, as for a dict). ``problems``
    lists every problem (the first 20; ``more`` counts the rest) as dicts
    with the keys ``message``, ``help``, ``line``, ``column``, ``code`` and
    ``file``. ``index`` is the scenario's place in an ``evaluate_many``
    batch (``None`` elsewhere).

    >>> import peacecoop
    >>> rules = peacecoop.RuleSet.embedded()
    >>> try:
    ...     rules.evaluate_yaml("name: x\\noperation: un_peacekeping\\n")
    ... except peacecoop.ScenarioError as e:
    ...     print(e.line, e.column, e.code, e.help)
    2 12 invalid-value did you mean `un_peacekeeping`?
    """

    file: str
    problems: List[Dict[str, Any]]
    more: int
    index: Optional[int]

    def __init__(
        self,
        text: str,
        *,
        file: str = "",
        problems: Optional[List[Dict[str, Any]]] = None,
        more: int = 0,
        index: Optional[int] = None,
    ) -> None:
        super().__init__(text)
        self.file = file
        self.problems = list(problems or [])
        self.more = more
        self.index = index

    @property
    def _first(self) -> Dict[str, Any]:
        return self.problems[0] if self.problems else {}

    @property
    def message(self) -> str:
        """The first problem: what was found and what was expected."""
        return str(self._first.get("message", self.args[0] if self.args else ""))

    @property
    def help(self) -> Optional[str]:
        """How to fix the first problem, when known."""
        h = self._first.get("help")
        return None if h is None else str(h)

    @property
    def line(self) -> Optional[int]:
        """The 1-based line of the first problem (``None`` when unknown)."""
        v = self._first.get("line")
        return None if v is None else int(v)

    @property
    def column(self) -> Optional[int]:
        """The 1-based column of the first problem (``None`` when unknown)."""
        v = self._first.get("column")
        return None if v is None else int(v)

    @property
    def code(self) -> Optional[str]:
        """A stable code for the first problem, e.g. ``invalid-value``."""
        v = self._first.get("code")
        return None if v is None else str(v)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (
            _rebuild,
            (str(self), self.file, self.problems, self.more, self.index),
        )


def _rebuild(
    text: str,
    file: str,
    problems: List[Dict[str, Any]],
    more: int,
    index: Optional[int],
) -> ScenarioError:
    return ScenarioError(text, file=file, problems=problems, more=more, index=index)
