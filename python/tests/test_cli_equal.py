"""Every shipped scenario gives, from Python, the same dict as the CLI's JSON:
same keys, same values, same order."""

from __future__ import annotations

import datetime
from typing import Any, Dict

import pytest

import peacecoop
from conftest import SCENARIOS, Cli, same, text_of

yaml = pytest.importorskip("yaml", reason="PyYAML reads the shipped scenarios into dicts")


def as_dict(rel: str) -> Dict[str, Any]:
    d = yaml.safe_load(text_of(rel))
    assert isinstance(d, dict)
    return d


def without_file(report: Dict[str, Any]) -> Dict[str, Any]:
    out = dict(report)
    out["scenario"] = {**report["scenario"], "file": None}
    return out


@pytest.mark.parametrize("rel", SCENARIOS)
def test_evaluate_yaml_equals_cli(rules: peacecoop.RuleSet, cli: Cli, rel: str) -> None:
    want = cli.json("evaluate", rel)
    got = rules.evaluate_yaml(text_of(rel), file=rel)
    assert got == want
    assert same(got, want)


@pytest.mark.parametrize("rel", SCENARIOS)
def test_evaluate_dict_equals_cli(rules: peacecoop.RuleSet, cli: Cli, rel: str) -> None:
    want = without_file(cli.json("evaluate", rel))
    got = rules.evaluate(as_dict(rel))
    assert got == want
    assert same(got, want)


def test_lang_date_and_readings_equal_cli(rules: peacecoop.RuleSet, cli: Cli) -> None:
    rel = "scenarios/unmiss-2011.yaml"
    want = cli.json(
        "evaluate", rel, "--lang", "ja", "--date", "2017-01-01",
        "--reading", "parties-gone-before-2016=text",
    )
    got = rules.evaluate_yaml(
        text_of(rel), file=rel, lang="ja", date="2017-01-01",
        readings={"parties-gone-before-2016": "text"},
    )
    assert same(got, want)
    got = rules.evaluate(
        as_dict(rel), lang="ja", date=datetime.date(2017, 1, 1),
        readings={"parties-gone-before-2016": "text"},
    )
    assert same(got, without_file(want))


def test_evaluate_many_equals_cli_on_the_whole_folder(rules: peacecoop.RuleSet, cli: Cli) -> None:
    want = cli.json("evaluate", "scenarios")
    assert [w["scenario"]["file"] for w in want] == SCENARIOS
    read = [rules.parse_yaml(text_of(rel), file=rel) for rel in SCENARIOS]
    assert same(rules.evaluate_many(read), want)
    brief = rules.evaluate_many(read, trace=False)
    for b, w in zip(brief, want):
        assert "trace" not in b and "groups" not in b
        w = {k: v for k, v in w.items() if k not in ("trace", "groups")}
        assert same(b, w)
    dicts = rules.evaluate_many([as_dict(rel) for rel in SCENARIOS])
    assert same(dicts, [without_file(w) for w in want])


@pytest.mark.parametrize("rel", SCENARIOS)
def test_whatif_history_readings_equal_cli(rules: peacecoop.RuleSet, cli: Cli, rel: str) -> None:
    s = rules.parse_yaml(text_of(rel), file=rel)
    assert same(rules.whatif(s), cli.json("whatif", rel))
    assert same(rules.history(s), cli.json("history", rel))
    assert same(rules.readings(s), cli.json("readings", rel))


def test_whatif_options_equal_cli(rules: peacecoop.RuleSet, cli: Cli) -> None:
    rel = "scenarios/hypo-p1-no-ceasefire-1995.yaml"
    s = rules.parse_yaml(text_of(rel), file=rel)
    assert same(rules.whatif(s, keep=[]), cli.json("whatif", rel, "--keep", "none"))
    assert same(
        rules.whatif(s, max_changes=2, keep=["operation", "use_of_force"]),
        cli.json("whatif", rel, "--max-changes", "2", "--keep", "operation,use_of_force"),
    )
    assert same(
        rules.whatif(s, lang="ja", date="2017-01-01"),
        cli.json("whatif", rel, "--lang", "ja", "--date", "2017-01-01"),
    )


def test_readings_with_fixed_reading_equal_cli(rules: peacecoop.RuleSet, cli: Cli) -> None:
    rel = "scenarios/unmiss-2011.yaml"
    s = rules.parse_yaml(text_of(rel), file=rel)
    fixed = {"parties-presumed": "unknown"}
    assert same(
        rules.readings(s, readings=fixed),
        cli.json("readings", rel, "--reading", "parties-presumed=unknown"),
    )
    assert same(
        rules.history(s, readings=fixed, lang="ja"),
        cli.json("history", rel, "--reading", "parties-presumed=unknown", "--lang", "ja"),
    )


def test_list_readings_equal_cli(rules: peacecoop.RuleSet, cli: Cli) -> None:
    assert same(rules.list_readings(), cli.json("readings"))
    assert same(rules.list_readings(lang="ja"), cli.json("readings", "--lang", "ja"))
