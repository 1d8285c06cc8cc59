//! Every shipped scenario: each of its expectations holds (under the readings
//! it names), every rule's outcome matches the reviewed summary in
//! `tests/snapshots/`, and three scenarios keep their full JSON as snapshots.

use common::*;
use std::collections::BTreeMap;

mod common;

#[test]
fn every_expectation_of_every_shipped_scenario_holds() {
    let out = run(&["test", "scenarios/"]);
    assert_code(&out, 0);
    assert!(out.stdout.contains("test result: ok"), "{}", out.stdout);
    let passed: usize = out
        .stdout
        .split(" passed")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(passed >= scenario_files().len(), "{}", out.stdout);
}

#[test]
fn shipped_scenarios_cover_every_verdict() {
    let rules = rules();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for f in scenario_files() {
        let v = rules.evaluate(&scenario(&f)).verdict();
        *seen.entry(v.to_string()).or_default() += 1;
    }
    assert!(seen["eligible"] >= 20, "{seen:?}");
    assert!(seen["not_eligible"] >= 20, "{seen:?}");
    assert!(seen["undetermined"] >= 2, "{seen:?}");
}

/// Every scenario's verdict and every rule's outcome, one line per scenario:
/// a change to any rule's outcome anywhere shows up in review.
#[test]
fn every_rule_outcome_of_every_scenario() {
    let rules = rules();
    let mut out = String::new();
    for f in scenario_files() {
        let e = rules.evaluate(&scenario(&f));
        let outcomes: Vec<String> = e
            .outcomes()
            .map(|(id, o)| {
                let short = match o.as_str() {
                    "pass" => "P",
                    "fail" => "F",
                    "undetermined" => "?",
                    "not_applicable" => "-",
                    _ => ".",
                };
                format!("{short}{id}")
            })
            .collect();
        out.push_str(&format!("{f}: {}\n  {}\n", e.verdict(), outcomes.join(" ")));
    }
    insta::assert_snapshot!("outcomes", out);
}

/// The full JSON of one scenario of each verdict, in English and Japanese.
#[test]
fn full_json_of_three_scenarios() {
    for (file, lang) in [
        ("scenarios/untac-1992.yaml", "en"),
        ("scenarios/unosom-ii-1993.yaml", "ja"),
        (
            "scenarios/hypo-undetermined-ceasefire-unknown-2005.yaml",
            "en",
        ),
    ] {
        let out = run(&["evaluate", file, "--format", "json", "--lang", lang]);
        let stem = file
            .trim_start_matches("scenarios/")
            .trim_end_matches(".yaml");
        insta::assert_json_snapshot!(format!("{stem}-{lang}"), out.json());
    }
}
