"""Bad input raises ScenarioError with the CLI's file, line, column and message."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import peacecoop
from conftest import Cli

BAD_YAML = {
    "invalid-value": "name: x\noperation: un_peacekeping\n",
    "unknown-key": "name: x\noperation: un_peacekeeping\nconsent:\n  hots: given\n",
    "yes-no": "name: x\nun_command: yes\n",
    "syntax": "name: x\nconsent: {host: given\n",
    "bad-date": "name: x\ndate: 2016-02-30\n",
    "wrong-type": "name: x\npersonnel: many\n",
    "missing-name": "operation: un_peacekeeping\n",
    "not-a-mapping": "- a\n- b\n",
    "empty": "",
    "several": "name: x\noperation: foo\nimpartial: maybe\npersonnel: -5\n",
    "task-typo": "name: x\ntasks: [engineering, medcal]\n",
    "duplicate-key": "name: x\nname: y\n",
    "unknown-reading": "name: x\nreadings: {parties-presumd: remain}\n",
}

# The same mistakes as dicts (those a dict can make).
BAD_DICTS: Dict[str, Dict[str, Any]] = {
    "invalid-value": {"name": "x", "operation": "un_peacekeping"},
    "unknown-key": {"name": "x", "operation": "un_peacekeeping", "consent": {"hots": "given"}},
    "bad-date": {"name": "x", "date": "2016-02-30"},
    "wrong-type": {"name": "x", "personnel": "many"},
    "missing-name": {"operation": "un_peacekeeping"},
    "several": {"name": "x", "operation": "foo", "impartial": "maybe", "personnel": -5},
    "task-typo": {"name": "x", "tasks": ["engineering", "medcal"]},
    "unknown-reading": {"name": "x", "readings": {"parties-presumd": "remain"}},
}

SNIPPET = re.compile(r"^\s*\d*\s\|( |$)")


def cli_errors(cli: Cli, tmp_path: Path, name: str, text: str) -> Tuple[str, List[str]]:
    """The CLI's stderr for `text` saved as a file (without the quoted source
    lines), and the path it was given."""
    f = tmp_path / f"{name}.yaml"
    f.write_text(text, encoding="utf-8")
    code, out, err = cli.run("evaluate", str(f), "--format", "json")
    assert code == 2, (code, out, err)
    return str(f), [line for line in err.splitlines() if not SNIPPET.match(line)]


def as_cli_prints(e: peacecoop.ScenarioError) -> List[str]:
    lines = []
    for p in e.problems:
        loc = p["file"] if p["line"] is None else f"{p['file']}:{p['line']}:{p['column']}"
        lines.append(f"error: {loc}: {p['message']}")
        if p["help"] is not None:
            lines.append(f"  help: {p['help']}")
    if e.more:
        lines.append(f"error: {e.file}: … and {e.more} more problems not shown")
    return lines


def raised(f: Any) -> peacecoop.ScenarioError:
    with pytest.raises(peacecoop.ScenarioError) as info:
        f()
    return info.value


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_yaml_errors_match_the_cli(
    rules: peacecoop.RuleSet, cli: Cli, tmp_path: Path, name: str
) -> None:
    text = BAD_YAML[name]
    path, printed = cli_errors(cli, tmp_path, name, text)
    e = raised(lambda: rules.evaluate_yaml(text, file=path))
    assert isinstance(e, ValueError)
    assert as_cli_prints(e) == printed
    first = e.problems[0]
    assert (e.message, e.line, e.column, e.help, e.code) == (
        first["message"], first["line"], first["column"], first["help"], first["code"],
    )
    assert e.file == path


def test_positions_are_one_based(rules: peacecoop.RuleSet) -> None:
    e = raised(lambda: rules.evaluate_yaml(BAD_YAML["invalid-value"]))
    assert (e.line, e.column) == (2, 12)
    assert e.file == "<string>"
    assert str(e).startswith("<string>:2:12: invalid value for `operation`")
    assert e.code == "invalid-value"
    assert e.help == "did you mean `un_peacekeeping`?"
    e = raised(lambda: rules.evaluate_yaml(BAD_YAML["unknown-key"]))
    assert (e.line, e.column) == (4, 3)


@pytest.mark.parametrize("name", sorted(BAD_DICTS))
def test_dict_errors_have_the_cli_messages(
    rules: peacecoop.RuleSet, cli: Cli, tmp_path: Path, name: str
) -> None:
    _, printed = cli_errors(cli, tmp_path, name, BAD_YAML[name])
    messages = [line.split(": ", 2)[2] for line in printed if line.startswith("error: ")]
    helps = [line[len("  help: "):] for line in printed if line.startswith("  help: ")]
    e = raised(lambda: rules.evaluate(BAD_DICTS[name]))
    assert [p["message"] for p in e.problems] == messages
    assert [p["help"] for p in e.problems if p["help"] is not None] == helps
    assert e.message == messages[0]
    assert e.line is None and e.column is None


def test_every_route_raises_scenario_error(rules: peacecoop.RuleSet) -> None:
    bad = BAD_DICTS["invalid-value"]
    for call in (
        lambda: rules.evaluate(bad),
        lambda: rules.scenario(bad),
        lambda: rules.whatif(bad),
        lambda: rules.history(bad),
        lambda: rules.readings(bad),
        lambda: rules.parse_yaml(BAD_YAML["syntax"]),
    ):
        raised(call)


def test_evaluate_many_names_the_bad_scenario(rules: peacecoop.RuleSet) -> None:
    good = {"name": "ok", "operation": "un_peacekeeping"}
    e = raised(lambda: rules.evaluate_many([good, good, BAD_DICTS["wrong-type"], good]))
    assert e.index == 2
    assert str(e).startswith("scenario 2: ")
    assert e.message.startswith("invalid value for `personnel`") or "personnel" in e.message


def test_scenario_error_pickles(rules: peacecoop.RuleSet) -> None:
    e = raised(lambda: rules.evaluate_yaml(BAD_YAML["several"]))
    f = pickle.loads(pickle.dumps(e))
    assert isinstance(f, peacecoop.ScenarioError)
    assert (str(f), f.problems, f.line, f.column, f.more) == (
        str(e), e.problems, e.line, e.column, e.more,
    )


@pytest.mark.parametrize(
    "value, kind",
    [
        ({"name": "x", "tasks": {"engineering"}}, TypeError),
        ({"name": "x", 1: "y"}, TypeError),
        ({"name": "x", "personnel": float("nan")}, ValueError),
        ("name: x\n", TypeError),
        (42, peacecoop.ScenarioError),
        ([{"name": "x"}], peacecoop.ScenarioError),
    ],
)
def test_values_without_a_json_shape(rules: peacecoop.RuleSet, value: Any, kind: type) -> None:
    with pytest.raises(kind):
        rules.evaluate(value)


def test_type_errors_name_the_place(rules: peacecoop.RuleSet) -> None:
    with pytest.raises(TypeError, match=r"at `tasks`"):
        rules.evaluate({"name": "x", "tasks": {"engineering"}})
    with pytest.raises(TypeError, match=r"at `consent.host`"):
        rules.evaluate({"name": "x", "consent": {"host": object()}})
    with pytest.raises(TypeError, match=r"at `tasks\[1\]`"):
        rules.evaluate({"name": "x", "tasks": ["engineering", b"x"]})


@pytest.mark.parametrize(
    "kwargs, pattern",
    [
        ({"lang": "fr"}, "unknown language"),
        ({"date": "2016-02-30"}, "invalid date"),
        ({"date": 2016}, "date must be"),
        ({"readings": {"parties-presumd": "remain"}}, "unknown reading `parties-presumd`"),
        ({"readings": {"parties-presumed": "maybe"}}, "has no option `maybe`"),
    ],
)
def test_bad_options(rules: peacecoop.RuleSet, kwargs: Dict[str, Any], pattern: str) -> None:
    s = {"name": "x", "operation": "un_peacekeeping"}
    with pytest.raises((ValueError, TypeError), match=pattern):
        rules.evaluate(s, **kwargs)
    with pytest.raises((ValueError, TypeError), match=pattern):
        rules.evaluate_many([s] * 20, **kwargs)


def test_bad_whatif_options(rules: peacecoop.RuleSet) -> None:
    s = {"name": "x", "operation": "un_peacekeeping"}
    with pytest.raises(ValueError, match="max_changes"):
        rules.whatif(s, max_changes=0)
    with pytest.raises(ValueError, match="max_changes"):
        rules.whatif(s, max_changes=9)
    with pytest.raises(ValueError, match="unknown fact `use_of_forse`") as info:
        rules.whatif(s, keep=["use_of_forse"])
    assert "did you mean `use_of_force`?" in str(info.value)
    with pytest.raises(TypeError):
        rules.whatif(s, keep="none")  # type: ignore[arg-type]


def test_scenario_of_another_ruleset(rules: peacecoop.RuleSet) -> None:
    root = Path(__file__).resolve().parents[2]
    other = peacecoop.RuleSet.from_dir(str(root / "rules"))
    s = other.scenario({"name": "x"})
    with pytest.raises(ValueError, match="another RuleSet"):
        rules.evaluate(s)


def test_bad_rules_dir(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        peacecoop.RuleSet.from_dir(str(tmp_path))

