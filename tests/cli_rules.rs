//! `rules`, `check` and `--rules`: the ruleset as a user inspects and replaces it.

use common::*;
use std::path::PathBuf;

mod common;

// ---------------------------------------------------------------- rules

#[test]
fn rules_text_lists_every_rule() {
    let out = run(&["rules"]);
    assert_code(&out, 0);
    for id in rule_ids(&[]) {
        assert!(out.stdout.contains(&id), "{id} missing from `rules`");
    }
}

#[test]
fn rules_date_filters_out_rules_not_in_force() {
    let all = rule_ids(&[]);
    let in_1995 = rule_ids(&["--date", "1995-01-01"]);
    // Added later: internationally coordinated operations (2016), election
    // observation (1998), prior Diet approval for PKF core tasks (2001).
    for later in ["icops-basis", "election-basis", "diet-prior-approval"] {
        assert!(all.contains(&later.to_owned()), "{later} in the full list");
        assert!(
            !in_1995.contains(&later.to_owned()),
            "{later} in force 1995?"
        );
    }
    assert!(in_1995.contains(&"ceasefire-agreement".to_owned()));
    // A subsequence of the full list, in the same order.
    let mut rest = all.iter();
    assert!(
        in_1995.iter().all(|id| rest.any(|a| a == id)),
        "{in_1995:?} is not in the order of {all:?}"
    );

    let out = run(&["rules", "--date", "1995-01-01"]);
    assert_code(&out, 0);
    assert!(!out.stdout.contains("icops-basis"), "{}", out.stdout);
    assert!(
        !out.stdout.contains("diet-prior-approval"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("ceasefire-agreement"), "{}", out.stdout);

    let v = run(&["rules", "--date", "1995-01-01", "--format", "json"]).json();
    assert_eq!(v["law_version"]["id"], "1992");
}

#[test]
fn rules_not_in_force_match_the_evaluation_trace() {
    // A 1995 scenario: the rules `rules --date` leaves out are exactly the
    // ones the trace marks not_in_force.
    let v = run(&["evaluate", NOT_ELIGIBLE, "--format", "json"]).json();
    let date = v["date"].as_str().expect("date").to_owned();
    let in_force = rule_ids(&["--date", &date]);
    for t in v["trace"].as_array().expect("trace") {
        let id = t["rule"].as_str().expect("rule").to_owned();
        assert_eq!(
            t["outcome"] == "not_in_force",
            !in_force.contains(&id),
            "{id} on {date}"
        );
    }
}

// ---------------------------------------------------------------- check

#[test]
fn check_is_clean_on_shipped_rules_and_scenarios() {
    let out = run(&["check"]);
    assert_code(&out, 0);
    assert!(out.stdout.starts_with("ok"), "{}", out.stdout);

    let out = run(&["check", "scenarios/"]);
    assert_code(&out, 0);
    let n = yaml_files(&manifest_dir().join("scenarios")).len();
    assert!(
        out.stdout.contains(&format!("{n} scenario files")),
        "{}",
        out.stdout
    );
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}

#[test]
fn check_reports_every_bad_scenario() {
    let tmp = TempDir::new();
    let a = tmp.write("a.yaml", &variant(ELIGIBLE, "\noperation:", "\nopration:"));
    let b = tmp.write(
        "b.yaml",
        &variant(ELIGIBLE, "impartial: true", "impartial: yes"),
    );
    let out = run(&["check", ELIGIBLE, s(&a), s(&b)]);
    assert_code(&out, 2);
    assert!(
        out.stderr.contains(&format!("{}:", s(&a))),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!("{}:", s(&b))),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `operation`?"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("2 problems"), "{}", out.stderr);

    let out = run(&["check", s(&a)]);
    assert_code(&out, 2);
}

// ---------------------------------------------------------------- --rules

#[test]
fn rules_dir_copy_gives_the_same_result_as_embedded() {
    let (_tmp, dir) = rules_copy();
    for file in [ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED] {
        let embedded = run(&["evaluate", file, "--format", "json"]);
        let copied = run(&["evaluate", file, "--format", "json", "--rules", s(&dir)]);
        assert_eq!(copied.code, embedded.code, "{}", copied.stderr);
        assert_eq!(copied.json(), embedded.json(), "{file}");
    }
    let out = run(&["check", "--rules", s(&dir), "scenarios"]);
    assert_code(&out, 0);
}

#[test]
fn rules_dir_is_really_read() {
    let (_tmp, dir) = rules_copy();
    // Mark the title of the first rule in the first rule file.
    let file = yaml_files(&dir)
        .into_iter()
        .find(|f| std::fs::read_to_string(f).is_ok_and(|t| t.contains("\n    title:\n      en: ")))
        .expect("a rule file with bilingual titles");
    let text = std::fs::read_to_string(&file).expect("read");
    // 1-based line of the `title:` line = 0-based index of its `en:` line.
    let (line, _) = line_col(&text, "\n    title:\n      en: ");
    let line = line + 1;
    let marked: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == line {
                format!("{l} (COPY-MARKER)\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&file, marked).expect("write");

    let out = run(&["rules", "--rules", s(&dir)]);
    assert_code(&out, 0);
    assert!(out.stdout.contains("(COPY-MARKER)"), "{}", out.stdout);
    let out = run(&["evaluate", ELIGIBLE, "--rules", s(&dir)]);
    assert_code(&out, 0);
    assert!(out.stdout.contains("(COPY-MARKER)"), "{}", out.stdout);
    assert!(!run(&["rules"]).stdout.contains("(COPY-MARKER)"));
}

/// A copy of the rules with the first `fact: conflict.ceasefire` misspelt:
/// (temp dir, rules dir, defective file, line, column of the bad name).
fn rules_with_unknown_fact() -> (TempDir, PathBuf, PathBuf, usize, usize) {
    let (tmp, dir) = rules_copy();
    let needle = "fact: conflict.ceasefire";
    let file = yaml_files(&dir)
        .into_iter()
        .find(|f| std::fs::read_to_string(f).is_ok_and(|t| t.contains(needle)))
        .expect("a rule on conflict.ceasefire");
    let text = std::fs::read_to_string(&file).expect("read");
    let bad = text.replacen(needle, "fact: conflict.ceasfire", 1);
    std::fs::write(&file, &bad).expect("write");
    let (line, col) = line_col(&bad, "conflict.ceasfire");
    (tmp, dir, file, line, col)
}

#[test]
fn rules_dir_with_unknown_fact_exits_2_with_position_and_suggestion() {
    let (_tmp, dir, file, line, col) = rules_with_unknown_fact();
    let at = format!("{}:{line}:{col}", s(&file));
    for args in [
        vec!["evaluate", ELIGIBLE, "--rules", s(&dir)],
        vec!["check", "--rules", s(&dir)],
        vec!["rules", "--rules", s(&dir)],
    ] {
        let out = run(&args);
        assert_code(&out, 2);
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
        assert!(
            out.stderr.contains(&at),
            "{args:?}: expected {at} in {}",
            out.stderr
        );
        assert!(
            out.stderr.contains("`conflict.ceasfire`"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains("did you mean `conflict.ceasefire`?"),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn unknown_fact_in_require_is_reported_once() {
    let (_tmp, dir, _file, _line, _col) = rules_with_unknown_fact();
    let out = run(&["check", "--rules", s(&dir)]);
    assert_code(&out, 2);
    assert!(out.stderr.contains("unknown fact"), "{}", out.stderr);
    assert!(!out.stderr.contains("has no `require`"), "{}", out.stderr);
    assert!(out.stderr.contains("1 error"), "{}", out.stderr);
}

#[test]
fn empty_rules_dir_is_named_in_the_error() {
    let tmp = TempDir::new();
    let out = run(&["evaluate", ELIGIBLE, "--rules", s(tmp.path())]);
    assert_code(&out, 2);
    assert!(out.stderr.contains(s(tmp.path())), "{}", out.stderr);
    assert!(
        !out.stderr.lines().any(|l| l.starts_with(':')),
        "a message without its location: {}",
        out.stderr
    );
}
