//! The library as a policy tool uses it: the API of the README, the same
//! evaluation whichever way a scenario arrives (YAML, JSON, code), explicit
//! `null` as unknown, the report as the CLI's JSON, and no way to mix two
//! rulesets' data.

use common::*;
use peacecoop::{Lang, Outcome, RuleSet, Scenario, Verdict};
use serde_json::{Value, json};

mod common;

/// A scenario file as JSON (the same shape), through the YAML parser's view.
fn yaml_as_json(rel: &str) -> Value {
    let v: Value = serde_saphyr::from_str(&read(rel)).expect("valid YAML");
    v
}

/// The facts of a JSON scenario as dotted names and values (`expect` and `readings` aside).
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, Value)>) {
    if let Value::Object(m) = v {
        for (k, x) in m {
            let name = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            if prefix.is_empty() && matches!(k.as_str(), "name" | "expect" | "readings") {
                continue;
            }
            match x {
                Value::Object(_) => flatten(&name, x, out),
                _ => out.push((name, x.clone())),
            }
        }
    }
}

/// The same scenario built fact by fact in code.
fn built(rules: &RuleSet, v: &Value) -> Scenario {
    let mut facts = Vec::new();
    flatten("", v, &mut facts);
    let mut b = rules.build_scenario("built");
    for (name, value) in facts {
        b = match value {
            Value::Null => b.set(&name, None::<bool>),
            Value::Bool(x) => b.set(&name, x),
            Value::Number(n) => b.set(&name, n.as_i64().expect("whole number")),
            Value::String(s) => b.set(&name, s),
            Value::Array(items) => b.set(
                &name,
                items
                    .iter()
                    .map(|i| i.as_str().expect("a list of texts").to_owned())
                    .collect::<Vec<_>>(),
            ),
            Value::Object(_) => unreachable!("flattened"),
        };
    }
    if let Some(Value::Object(r)) = v.get("readings") {
        for (id, option) in r {
            b = b.reading(id, option.as_str().expect("an option id"));
        }
    }
    b.build().expect("builds")
}

#[test]
fn yaml_json_and_code_give_the_same_evaluation_for_every_shipped_scenario() {
    let rules = rules();
    for f in scenario_files() {
        let from_yaml = scenario(&f);
        let v = yaml_as_json(&f);
        let from_json = rules
            .scenario_from_json(&v)
            .expect("the JSON route accepts it");
        let from_code = built(rules, &v);
        let (a, b, c) = (
            rules.evaluate(&from_yaml),
            rules.evaluate(&from_json),
            rules.evaluate(&from_code),
        );
        fn outcomes(e: &peacecoop::Evaluation<'_>) -> Vec<(String, Outcome)> {
            e.outcomes().map(|(id, o)| (id.to_owned(), o)).collect()
        }
        assert_eq!(outcomes(&a), outcomes(&b), "{f}: YAML and JSON differ");
        assert_eq!(outcomes(&a), outcomes(&c), "{f}: YAML and code differ");
        assert_eq!(a.verdict(), c.verdict(), "{f}");
        let ra = rules.report(&from_yaml, &a, Lang::En);
        let rc = rules.report(&from_code, &c, Lang::En);
        assert_eq!(ra.trace, rc.trace, "{f}: explanations differ");
        assert_eq!(ra.readings, rc.readings, "{f}: readings differ");
    }
}

#[test]
fn the_contract_example_works() -> Result<(), Box<dyn std::error::Error>> {
    let rules = RuleSet::embedded()?;
    let a = rules.parse_scenario(&read(NOT_ELIGIBLE), "name-for-messages")?;
    let b = rules.scenario_from_json(&json!({
        "name": "x", "date": "2010-06-01", "operation": "un_peacekeeping",
        "conflict": {"occurred": true, "ceasefire": "collapsed"}}))?;
    let c = rules
        .build_scenario("x")
        .set("date", "2010-06-01")
        .set("operation", "un_peacekeeping")
        .set("conflict.ceasefire", "collapsed")
        .set("personnel", 350)
        .set("un_command", true)
        .set("tasks", ["engineering"])
        .build()?;
    for s in [&a, &b] {
        let e = rules.evaluate(s);
        assert_eq!(e.verdict(), Verdict::NotEligible);
        assert_eq!(e.outcome("ceasefire-agreement"), Some(Outcome::Fail));
        assert!(e.failing().any(|id| id == "ceasefire-agreement"));
        assert_eq!(e.outcome("no-such-rule"), None);
    }
    // Built in code without `conflict.occurred`: the ceasefire rule cannot decide.
    let e = rules.evaluate(&c);
    assert_eq!(
        e.outcome("ceasefire-agreement"),
        Some(Outcome::Undetermined)
    );
    assert!(
        e.missing().any(|f| f == "conflict.occurred"),
        "{:?}",
        e.missing().collect::<Vec<_>>()
    );
    assert!(
        e.missing().any(|f| f == "consent.host"),
        "{:?}",
        e.missing().collect::<Vec<_>>()
    );
    let report = rules.report(&c, &e, Lang::En);
    let v = serde_json::to_value(&report)?;
    assert_eq!(v["verdict"], "undetermined");
    assert_eq!(v["law_version"]["id"], "2001");
    // Deserialize: a tool reading the CLI's JSON gets the same report back.
    let back: peacecoop::report::Report = serde_json::from_value(v)?;
    assert_eq!(back, report);
    Ok(())
}

#[test]
fn the_report_is_exactly_the_clis_json() {
    let rules = rules();
    for f in [ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, KAKETSUKE_2016] {
        let s = scenario(f);
        let e = rules.evaluate(&s);
        for (lang, code) in [(Lang::En, "en"), (Lang::Ja, "ja")] {
            let lib = serde_json::to_value(rules.report(&s, &e, lang)).expect("serializes");
            let cli = run(&["evaluate", f, "--format", "json", "--lang", code]).json();
            assert_eq!(lib, cli, "{f} ({code})");
        }
    }
}

#[test]
fn an_explicit_null_is_unknown_even_where_a_default_exists() {
    let rules = rules();
    for (file, fact, line) in [
        (
            NOT_ELIGIBLE,
            "conflict.parties_remain",
            "  parties_remain: true",
        ),
        (ELIGIBLE, "withdrawal_reserved", "withdrawal_reserved: true"),
    ] {
        let base = read(file);
        let text = if base.contains(line) {
            base.replacen(line, &line.replace("true", "~"), 1)
        } else {
            let (group, key) = fact.split_once('.').unwrap_or(("", fact));
            assert!(group.is_empty(), "{file} has no `{fact}` line to null");
            format!("{base}\n{key}: ~\n")
        };
        let s = rules.parse_scenario(&text, "x.yaml").expect("valid");
        let e = rules.evaluate(&s);
        assert_eq!(
            e.verdict(),
            Verdict::Undetermined,
            "{fact}: ~ must stay unknown"
        );
        assert!(
            e.missing().any(|m| m == fact),
            "{:?}",
            e.missing().collect::<Vec<_>>()
        );
        let report = rules.report(&s, &e, Lang::En);
        for t in &report.trace {
            if let Some(v) = t.facts.get(fact) {
                assert_eq!(v, &Value::Null, "{fact} in {}", t.rule);
            }
        }
    }
    // Omitted, the same facts take their defaults.
    let omitted = read(ELIGIBLE).replace("withdrawal_reserved: true\n", "");
    let s = rules.parse_scenario(&omitted, "x.yaml").expect("valid");
    assert_eq!(rules.evaluate(&s).verdict(), Verdict::Eligible);
}

#[test]
fn the_builder_collects_every_problem() {
    let err = rules()
        .build_scenario("x")
        .set("operation", "un_peacekeping")
        .set("conflict.ceasfire", "agreed")
        .set("personnel", 1.5)
        .set("operation", "un_peacekeeping")
        .build()
        .expect_err("bad facts");
    let text = err.to_string();
    assert_eq!(err.problems.len(), 4, "{text}");
    assert!(text.contains("did you mean `un_peacekeeping`?"), "{text}");
    assert!(
        text.contains("did you mean `conflict.ceasefire`?"),
        "{text}"
    );
    assert!(text.contains("`personnel`"), "{text}");
    assert!(text.contains("given twice"), "{text}");
}

#[test]
fn a_scenario_from_another_ruleset_is_never_evaluated_by_index() {
    let other = RuleSet::from_texts(&[(
        "mini.yaml",
        "facts:\n  - {name: date, type: date, description: {en: d, ja: d}}\n  - {name: x, type: bool, description: {en: x, ja: x}}\nlaw_versions:\n  - {id: a, in_force_from: 2000-01-01, title: {en: A, ja: A}}\nrules:\n  - id: r\n    title: {en: r, ja: r}\n    kind: general\n    require: {fact: x, is: true}\n    cites: [{article: {en: A1, ja: A1}}]\n    explain: {pass: {en: ok, ja: ok}, fail: {en: no, ja: no}}\n",
    )])
    .expect("a tiny ruleset loads");
    let s = other
        .parse_scenario("name: t\ndate: 2001-01-01\nx: true\n", "t.yaml")
        .expect("valid");
    assert_eq!(other.evaluate(&s).verdict(), Verdict::Eligible);
    let rules = rules();
    let e = rules.evaluate(&s);
    assert_eq!(e.verdict(), Verdict::Undetermined);
    let report = rules.report(&s, &e, Lang::En);
    assert!(
        report.reason.contains("another ruleset"),
        "{}",
        report.reason
    );
    assert_eq!(report.trace.len(), rules.rule_ids().count());
}

#[test]
fn reports_keep_input_order_and_can_leave_the_trace_out() {
    let rules = rules();
    let files = scenario_files();
    let scenarios: Vec<Scenario> = files.iter().map(|f| scenario(f)).collect();
    let full = rules.reports(&scenarios, Lang::En, true);
    let lean = rules.reports(&scenarios, Lang::En, false);
    for ((s, f), (a, b)) in scenarios.iter().zip(&files).zip(full.iter().zip(&lean)) {
        assert_eq!(a.verdict, rules.evaluate(s).verdict(), "{f}");
        assert_eq!(a.verdict, b.verdict, "{f}");
        assert!(!a.trace.is_empty() && b.trace.is_empty());
        // Without the trace, everything else is the same, in both languages.
        let mut stripped = a.clone();
        stripped.trace.clear();
        stripped.groups.clear();
        assert_eq!(&stripped, b, "{f}");
        let e = rules.evaluate(s);
        let mut ja = rules.report(s, &e, Lang::Ja);
        ja.trace.clear();
        ja.groups.clear();
        assert_eq!(ja, rules.report_summary(s, &e, Lang::Ja), "{f}");
        let v = serde_json::to_value(b).expect("serializes");
        assert!(v.get("trace").is_none() && v.get("verdict").is_some());
    }
}

#[test]
fn the_public_types_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<RuleSet>();
    shareable::<Scenario>();
    shareable::<peacecoop::Evaluation<'static>>();
    shareable::<peacecoop::report::Report>();
}

#[test]
fn verdict_only_agrees_with_the_full_evaluation() {
    let rules = rules();
    for f in scenario_files() {
        let s = scenario(&f);
        assert_eq!(rules.verdict(&s), rules.evaluate(&s).verdict(), "{f}");
    }
}
