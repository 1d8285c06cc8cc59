"""The Python API beyond the CLI's shapes: batches, threads, inputs, types."""

from __future__ import annotations

import collections
import doctest
import gc
import random
import threading
import types
from typing import Any, Dict, List

import pytest

import peacecoop
from conftest import SCENARIOS, text_of

UNMISS: Dict[str, Any] = {
    "name": "UNMISS, South Sudan (2011)",
    "date": "2011-12-20",
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

DATES = ["1991-01-01", "1993-01-01", "1999-01-01", "2005-01-01", "2011-12-20", "2017-01-01"]
HOSTS = ["given", "operation_only", "absent", "withdrawn", None]


def variants(n: int, seed: int = 1) -> List[Dict[str, Any]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        d = {**UNMISS, "name": f"variant {i}", "consent": {"host": rnd.choice(HOSTS)}}
        d["date"] = rnd.choice(DATES)
        d["personnel"] = rnd.randint(1, 3000)
        out.append(d)
    return out


def test_evaluate_many_keeps_input_order(rules: peacecoop.RuleSet) -> None:
    items = variants(3000)
    many = rules.evaluate_many(items)
    assert [r["scenario"]["name"] for r in many] == [d["name"] for d in items]
    one_by_one = [rules.evaluate(d) for d in items[:200]]
    assert many[:200] == one_by_one
    brief = rules.evaluate_many(items, trace=False)
    for b, full in zip(brief, many):
        assert "trace" not in b and "groups" not in b
        assert b == {k: v for k, v in full.items() if k not in ("trace", "groups")}


def test_evaluate_many_of_nothing_and_of_iterables(rules: peacecoop.RuleSet) -> None:
    assert rules.evaluate_many([]) == []
    gen = (d for d in variants(5))
    assert [r["scenario"]["name"] for r in rules.evaluate_many(gen)] == [f"variant {i}" for i in range(5)]
    with pytest.raises(TypeError):
        rules.evaluate_many(UNMISS)  # type: ignore[arg-type]


def test_evaluate_many_from_several_threads(rules: peacecoop.RuleSet) -> None:
    batches = [variants(1500, seed) for seed in range(6)]
    expected = [rules.evaluate_many(b, trace=(i % 2 == 0)) for i, b in enumerate(batches)]
    results: Dict[int, Any] = {}
    errors: List[BaseException] = []
    start = threading.Barrier(len(batches) + 1)

    def work(i: int) -> None:
        try:
            start.wait()
            for _ in range(2):
                results[i] = rules.evaluate_many(batches[i], trace=(i % 2 == 0))
            single = batches[i][7]
            assert rules.evaluate(single) == expected[i][7] or i % 2 == 1
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(batches))]
    for t in threads:
        t.start()
    start.wait()
    # The main thread keeps evaluating too, while the others run.
    for d in variants(200, 99):
        rules.evaluate(d)
    for t in threads:
        t.join()
    assert not errors, errors
    for i in range(len(batches)):
        assert results[i] == expected[i]


def test_gc_state_is_restored(rules: peacecoop.RuleSet) -> None:
    assert gc.isenabled()
    rules.evaluate_many(variants(50))
    assert gc.isenabled()
    gc.disable()
    try:
        rules.evaluate_many(variants(50))
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(peacecoop.ScenarioError):
        rules.evaluate_many([*variants(20), {"name": "x", "personnel": "many"}])
    assert gc.isenabled()


def test_results_are_independent(rules: peacecoop.RuleSet) -> None:
    a, b = rules.evaluate_many([UNMISS, UNMISS])
    a["trace"][0]["facts"]["x"] = 1
    a["readings"].clear()
    assert "x" not in b["trace"][0]["facts"] and b["readings"]
    assert rules.evaluate(UNMISS) == b
    # Every list and dict a result holds is its own, however it was built.
    c = rules.evaluate(UNMISS)
    c["trace"][0]["cites"].append("x")
    c["trace"][0]["sources"].clear()
    c["trace"][1]["rule"] = "x"
    c["groups"][0]["rules"].append("x")
    c["groups"][1]["title"] = "x"
    c["steps"][0]["cites"].append("x")
    c["steps"][0]["title"] = "x"
    c["law_version"]["id"] = "x"
    c["readings"]["x"] = "x"
    assert rules.evaluate(UNMISS) == b
    assert rules.evaluate_many([UNMISS])[0] == b
    # Reports in another language in between change nothing.
    ja = rules.evaluate(UNMISS, lang="ja")
    assert ja["trace"][0]["title"] != b["trace"][0]["title"]
    assert rules.evaluate(UNMISS) == b
    assert rules.evaluate(UNMISS, lang="ja") == ja


def containers(x: Any) -> List[Any]:
    """Every dict and list inside `x`, `x` included."""
    if isinstance(x, dict):
        return [x, *(c for v in x.values() for c in containers(v))]
    if isinstance(x, list):
        return [x, *(c for v in x for c in containers(v))]
    return []


def test_no_dict_or_list_is_shared(rules: peacecoop.RuleSet) -> None:
    # Results repeat whole trace entries (the same rule, outcome,
    # explanation and facts): each is still built of its own dicts and
    # lists, in a batch, from one call to the next, and after a mutation.
    batch = rules.evaluate_many([UNMISS] * 3 + variants(40) + [UNMISS])
    batch += [rules.evaluate(UNMISS), rules.evaluate(UNMISS, trace=False)]
    seen = [c for r in batch for c in containers(r)]
    assert len({id(c) for c in seen}) == len(seen)
    first = batch[0]
    for e in first["trace"]:
        e["facts"]["x"] = 1
        e["cites"].append("x")
        e["sources"].append("x")
        e["outcome"] = "x"
    assert rules.evaluate(UNMISS) == batch[1] == batch[-3]
    assert all("x" not in e["facts"] for e in rules.evaluate_many([UNMISS] * 2)[1]["trace"])


def test_scenario_objects(rules: peacecoop.RuleSet) -> None:
    s = rules.scenario(UNMISS)
    assert s.name == UNMISS["name"] and s.file is None
    assert "UNMISS" in repr(s)
    assert rules.evaluate(s) == rules.evaluate(UNMISS)
    rel = SCENARIOS[0]
    y = rules.parse_yaml(text_of(rel), file=rel)
    assert y.file == rel
    assert rules.evaluate(y)["scenario"]["file"] == rel
    anon = rules.parse_yaml(text_of(rel))
    assert anon.file is None
    assert rules.evaluate(anon)["scenario"]["file"] is None
    assert rules.evaluate_yaml(text_of(rel))["scenario"]["file"] is None
    mixed = rules.evaluate_many([s, UNMISS, y])
    assert mixed[0] == mixed[1] and mixed[2]["scenario"]["file"] == rel


def test_date_and_readings_options(rules: peacecoop.RuleSet) -> None:
    import datetime

    r = rules.evaluate(UNMISS, date="1995-01-01")
    assert r["date"] == "1995-01-01" and r["law_version"]["id"] == "1992"
    assert rules.evaluate(UNMISS, date=datetime.date(1995, 1, 1)) == r
    assert rules.evaluate({**UNMISS, "date": datetime.date(1995, 1, 1)})["date"] == "1995-01-01"
    assert rules.evaluate({**UNMISS, "date": datetime.datetime(1995, 1, 1, 12)})["date"] == "1995-01-01"
    text = rules.evaluate(UNMISS, readings={"parties-gone-before-2016": "text"})
    assert text["verdict"] == "not_eligible"
    assert text["readings"]["parties-gone-before-2016"] == "text"
    assert rules.evaluate(UNMISS)["verdict"] == "eligible"
    assert "parties-gone-before-2016" in rules.evaluate(UNMISS)["depends_on_readings"]
    many = rules.evaluate_many([UNMISS] * 20, readings={"parties-gone-before-2016": "text"}, date="2012-01-01")
    assert {m["verdict"] for m in many} == {"not_eligible"}
    ja = rules.evaluate(UNMISS, lang="ja")
    assert ja["verdict"] == "eligible" and ja["reason"] != rules.evaluate(UNMISS)["reason"]


def test_other_mappings_and_numbers(rules: peacecoop.RuleSet) -> None:
    od = collections.OrderedDict(UNMISS)
    assert rules.evaluate(od) == rules.evaluate(UNMISS)
    proxy = types.MappingProxyType({**UNMISS, "consent": types.MappingProxyType({"host": "given"})})
    assert rules.evaluate(proxy) == rules.evaluate(UNMISS)
    assert rules.evaluate({**UNMISS, "tasks": tuple(UNMISS["tasks"])}) == rules.evaluate(UNMISS)
    np = pytest.importorskip("numpy")
    assert rules.evaluate({**UNMISS, "personnel": np.int64(245)}) == rules.evaluate(UNMISS)


def test_none_is_unknown(rules: peacecoop.RuleSet) -> None:
    r = rules.evaluate({**UNMISS, "personnel": None})
    assert r["verdict"] == "undetermined" and r["missing"] == ["personnel"]


def test_catalogues(rules: peacecoop.RuleSet) -> None:
    facts = rules.facts()
    names = [f["name"] for f in facts]
    assert "consent.host" in names and "date" in names
    host = facts[names.index("consent.host")]
    assert [v["name"] for v in host["values"]] == ["given", "operation_only", "absent", "withdrawn"]
    assert rules.facts(lang="ja")[0]["description"] != facts[0]["description"] or True
    ids = [r["id"] for r in rules.list_readings()]
    assert "parties-gone-before-2016" in ids
    assert rules.rule_ids()[0] == rules.evaluate(UNMISS)["trace"][0]["rule"]
    assert "rules" in repr(rules)


def test_embedded_is_loaded_once() -> None:
    a = peacecoop.RuleSet.embedded()
    b = peacecoop.RuleSet.embedded()
    assert a.evaluate(UNMISS) == b.evaluate(UNMISS)
    s = a.scenario(UNMISS)
    assert b.evaluate(s) == a.evaluate(s)


def test_history_and_whatif_shapes(rules: peacecoop.RuleSet) -> None:
    h = rules.history(UNMISS)
    assert [v["law_version"]["id"] for v in h["versions"]] == ["1992", "1998", "2001", "2016"]
    bad = {**UNMISS, "consent": {"host": "withdrawn"}}
    w = rules.whatif(bad)
    assert w["verdict"] == "not_eligible"
    assert any(
        c["fact"] == "consent.host" and c["to"] == "given"
        for a in w["alternatives"]
        for c in a["changes"]
    )
    assert rules.whatif(UNMISS)["alternatives"] == []
    r = rules.readings(UNMISS)
    assert r["robust"] is False and "parties-gone-before-2016" in r["deciding"]


def test_docstring_examples() -> None:
    """The examples in the docstrings run and say what they show."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs = {"peacecoop": peacecoop, "rules": peacecoop.RuleSet.embedded()}
    tests = finder.find(peacecoop, "peacecoop", globs=globs)
    for name in ("ScenarioError", "RuleSet", "Scenario"):
        tests += finder.find(getattr(peacecoop, name), f"peacecoop.{name}", globs=dict(globs))
    seen = set()
    examples = 0
    for t in tests:
        if t.name in seen:
            continue
        seen.add(t.name)
        examples += len(t.examples)
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
    assert examples >= 10, f"only {examples} docstring examples found"


def test_errors_in_later_chunks_stop_the_batch(rules: peacecoop.RuleSet) -> None:
    """Batches go through in chunks of 2,048; a problem anywhere stops them
    cleanly, with its place in the whole batch."""
    items = variants(20_000)
    bad = [*items[:17_000], {"name": "x", "personnel": "many"}, *items[17_000:]]
    with pytest.raises(peacecoop.ScenarioError) as info:
        rules.evaluate_many(bad, trace=False)
    assert info.value.index == 17_000
    wrong = [*items[:9_000], {"name": "x", "tasks": {"engineering"}}, *items[9_000:]]
    with pytest.raises(TypeError, match="at `tasks`"):
        rules.evaluate_many(wrong, trace=False)
    assert gc.isenabled()
    # The ruleset still works afterwards, and the order holds across chunks.
    out = rules.evaluate_many(items, trace=False)
    assert [r["scenario"]["name"] for r in out] == [d["name"] for d in items]
