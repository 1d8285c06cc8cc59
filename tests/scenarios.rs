//! Every shipped scenario: its verdict meets its `expect:`, and its full JSON
//! result matches the reviewed snapshot in `tests/snapshots/`.

use peacecoop::{RuleSet, render};
use std::path::PathBuf;

fn scenario_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let files = peacecoop::files::yaml_files(&dir).expect("scenarios/ is readable");
    assert!(
        files.len() >= 30,
        "expected the shipped scenarios, found {}",
        files.len()
    );
    files
}

fn relative(p: &std::path::Path) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    p.strip_prefix(&root).unwrap_or(p).display().to_string()
}

#[test]
fn every_scenario_meets_its_expectation() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let mut failures = Vec::new();
    for f in scenario_files() {
        let s = rules
            .read_scenario(&f, 1 << 20)
            .unwrap_or_else(|e| panic!("{e}"));
        let expect = s
            .expect
            .unwrap_or_else(|| panic!("{} has no `expect:`", f.display()));
        let e = rules.evaluate(&s);
        if e.verdict != expect {
            failures.push(format!(
                "{}: expected {expect}, got {} ({})",
                relative(&f),
                e.verdict,
                render::reason(&rules, &s, &e, peacecoop::Lang::En)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn shipped_scenarios_cover_every_verdict() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let mut seen = std::collections::HashMap::new();
    for f in scenario_files() {
        let s = rules.read_scenario(&f, 1 << 20).expect("valid");
        *seen.entry(rules.evaluate(&s).verdict).or_insert(0) += 1;
    }
    assert!(seen[&peacecoop::Verdict::Eligible] >= 15);
    assert!(seen[&peacecoop::Verdict::NotEligible] >= 8);
    assert!(seen[&peacecoop::Verdict::Undetermined] >= 2);
}

#[test]
fn json_results_match_snapshots() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    for f in scenario_files() {
        let rel = relative(&f);
        let s = rules
            .parse_scenario(&std::fs::read_to_string(&f).expect("readable"), &rel)
            .expect("valid");
        let e = rules.evaluate(&s);
        let json = render::json::evaluation(&rules, &s, &e);
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or("scenario");
        insta::assert_json_snapshot!(stem, json);
    }
}
