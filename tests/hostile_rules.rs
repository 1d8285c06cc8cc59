//! Odd, hostile and misplaced rule sets: extreme integer thresholds, facts
//! no rule compares, a fact varied twice; rule sets built to amplify work
//! (a huge term shared by thousands of rules, rules each just under the
//! analysis bound, long values in thousands of placeholders); files over
//! the size limits; scenario files given as rules and the reverse.

use common::*;
use peacecoop::{Keep, Lang, MatrixError, RuleSet, WhatifOptions};

mod common;

const RULES: &str = r#"
facts:
  - name: date
    type: date
    default: today
    description: { en: d, ja: d }
  - name: n
    type: int
    min: -9223372036854775808
    max: 9223372036854775807
    description: { en: a number, ja: 数 }
  - name: note
    type: text
    description: { en: a note no rule reads, ja: 注 }
law_versions:
  - id: "1"
    in_force_from: 1700-01-01
    title: { en: t, ja: t }
rules:
  - id: huge
    title: { en: huge, ja: 大 }
    kind: general
    require: { fact: n, at_least: 9223372036854775807 }
    cites: [x]
    explain: { pass: { en: ok, ja: 可 }, fail: { en: no, ja: 否 } }
  - id: tiny
    title: { en: tiny, ja: 小 }
    kind: general
    require: { fact: n, at_most: -9223372036854775808 }
    applies_if: { fact: n, is: 5 }
    cites: [x]
    explain: { pass: { en: ok, ja: 可 }, fail: { en: no, ja: 否 } }
"#;

fn ruleset() -> RuleSet {
    RuleSet::from_texts(&[("odd.yaml", RULES)]).expect("a valid, if odd, ruleset")
}

#[test]
fn extreme_thresholds_do_not_overflow() {
    let rs = ruleset();
    let s = rs
        .parse_scenario("name: s\nn: 3\nnote: hello\n", "s.yaml")
        .expect("scenario");
    let w = rs
        .whatif(&s, &WhatifOptions::new(2, Keep::Nothing), Lang::En)
        .expect("whatif");
    assert!(
        w.alternatives
            .iter()
            .any(|a| a.changes[0].to == serde_json::json!(i64::MAX)),
        "{w:?}"
    );
    let m = rs.matrix(&s, &["n".into()], Lang::En).expect("matrix");
    assert!(m.rows.len() >= 2);
    // The analysis of extreme thresholds ends, with findings or none.
    let _ = rs.analyse();
}

#[test]
fn a_fact_with_no_values_to_vary_is_an_error() {
    let rs = ruleset();
    let s = rs
        .parse_scenario("name: s\nn: 3\n", "s.yaml")
        .expect("scenario");
    assert!(matches!(
        rs.matrix(&s, &["note".into()], Lang::En),
        Err(MatrixError::NoValues { .. })
    ));
    assert!(matches!(
        rs.matrix(&s, &["n".into(), "n".into()], Lang::En),
        Err(MatrixError::Duplicate { .. })
    ));
}

// ------------------------------------------------------- amplification

/// Facts and a law version for the generated rule sets below.
fn header(facts: &[(&str, &str)]) -> String {
    let mut s = String::from(
        "facts:\n  - name: date\n    type: date\n    default: today\n    description: { en: d, ja: d }\n",
    );
    for (name, ty) in facts {
        s.push_str(&format!(
            "  - name: {name}\n    type: {ty}\n    description: {{ en: f, ja: f }}\n"
        ));
    }
    s.push_str("law_versions:\n  - id: \"1\"\n    in_force_from: 1990-01-01\n    title: { en: t, ja: t }\n");
    s
}

/// `n` rules (ids from `from`) requiring `require`, as one rule file.
fn rules_file(from: usize, n: usize, require: &str) -> String {
    let mut s = String::from("rules:\n");
    for i in from..from + n {
        s.push_str(&format!(
            "  - id: r{i}\n    title: {{ en: R, ja: R }}\n    kind: general\n    require: {require}\n    cites: [x]\n    explain: {{ pass: {{ en: ok, ja: 可 }}, fail: {{ en: no, ja: 否 }} }}\n"
        ));
    }
    s
}

/// Terms `t0`…`t{depth}`, each using the one before twice: `t{depth}`
/// expands to 2^depth tests.
fn doubling_terms(depth: usize) -> String {
    let mut s = String::from(
        "terms:\n  - name: t0\n    description: { en: T, ja: T }\n    when: { fact: b1, is: true }\n",
    );
    for i in 1..=depth {
        s.push_str(&format!(
            "  - name: t{i}\n    description: {{ en: T, ja: T }}\n    when: {{ any: [{{ term: t{p} }}, {{ term: t{p} }}] }}\n",
            p = i - 1
        ));
    }
    s
}

#[test]
fn a_large_term_used_by_thousands_of_rules_is_shared_not_copied() {
    // A 16,384-test term used by 5,000 rules: 80 million tests if copied.
    let mut files = vec![
        ("facts.yaml".to_owned(), header(&[("b1", "bool")])),
        ("terms.yaml".to_owned(), doubling_terms(14)),
    ];
    for f in 0..5 {
        files.push((
            format!("rules{f}.yaml"),
            rules_file(f * 1000, 1000, "{ term: t14 }"),
        ));
    }
    let rs = RuleSet::from_texts(&files).expect("loads: the term is shared");
    let s = rs
        .parse_scenario("name: s\nb1: false\n", "s.yaml")
        .expect("scenario");
    let e = rs.evaluate(&s);
    assert_eq!(e.verdict(), peacecoop::Verdict::NotEligible);
    assert_eq!(e.failing().count(), 5000);
    let _ = rs.report(&s, &e, Lang::En);
    // One rule more than the limit is refused, with the limit.
    files.push(("more.yaml".to_owned(), rules_file(5000, 1, "{ term: t14 }")));
    let err = RuleSet::from_texts(&files).expect_err("too many rules");
    let d = err
        .diagnostics
        .iter()
        .find(|d| d.message.contains("more than the limit of 5000"))
        .unwrap_or_else(|| panic!("{err}"));
    // It points at the first rule past the limit, in the file holding it.
    assert_eq!(d.location.file, "more.yaml", "{err}");
    assert!(d.location.line > 0, "{err}");
}

#[test]
fn the_analysis_of_a_whole_ruleset_is_bounded() {
    // Rules each just under the per-rule bound (256 combinations of a
    // condition that expands to 49,000 steps): the whole analysis stops at
    // its overall limit and says which rules it left out.
    let facts: Vec<(String, &str)> = (1..=8).map(|k| (format!("b{k}"), "bool")).collect();
    let facts: Vec<(&str, &str)> = facts.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    let mut parts = vec!["{ term: t14 }".to_owned()];
    parts.extend(
        (2..=8).map(|k| {
            format!("{{ any: [{{ fact: b{k}, is: true }}, {{ fact: b{k}, is: false }}] }}")
        }),
    );
    let require = format!("{{ all: [{}] }}", parts.join(", "));
    let files = vec![
        ("facts.yaml".to_owned(), header(&facts)),
        ("terms.yaml".to_owned(), doubling_terms(14)),
        ("rules.yaml".to_owned(), rules_file(0, 40, &require)),
    ];
    let rs = RuleSet::from_texts(&files).expect("loads");
    let findings = rs.analyse();
    let over: Vec<_> = findings
        .iter()
        .filter(|d| d.message.contains("reached its limit"))
        .collect();
    assert_eq!(over.len(), 1, "{findings:#?}");
    assert!(
        over[0].message.contains("more rule versions: not analysed"),
        "{}",
        over[0].message
    );
    assert_eq!(over[0].code, peacecoop::Code::NotAnalysed);
    // The rules analysed before the limit are, and none is called wrong.
    assert!(
        findings
            .iter()
            .all(|d| d.code == peacecoop::Code::NotAnalysed
                || d.code == peacecoop::Code::NeverFails
                || d.code == peacecoop::Code::UnusedTerm),
        "{findings:#?}"
    );
}

#[test]
fn long_values_are_cut_in_explanations() {
    // 2,000 placeholders of a one-megabyte name: 2 GB of text if copied whole.
    let placeholders = "{org} ".repeat(2000);
    let text = format!(
        "{}rules:\n  - id: r\n    title: {{ en: R, ja: R }}\n    kind: general\n    require: {{ fact: org, is: zzz }}\n    cites: [x]\n    explain: {{ pass: {{ en: ok, ja: 可 }}, fail: {{ en: \"{placeholders}\", ja: \"{placeholders}\" }} }}\n",
        header(&[("org", "text")])
    );
    let rs = RuleSet::from_texts(&[("r.yaml", text)]).expect("loads");
    let name = "A".repeat(1_000_000);
    let s = rs
        .parse_scenario(&format!("name: s\norg: \"{name}\"\n"), "s.yaml")
        .expect("scenario");
    let e = rs.evaluate(&s);
    let report = rs.report(&s, &e, Lang::Ja);
    let explanation = &report.entry("r").expect("rule r").explanation;
    // Each value is cut to 120 characters and an ellipsis.
    assert!(
        explanation.chars().count() <= 2000 * 122,
        "{}",
        explanation.len()
    );
    assert!(explanation.contains(&format!("{}…", "A".repeat(120))));
}

#[test]
fn whatif_stops_at_its_work_limit_and_says_so() {
    let rs = peacecoop::RuleSet::embedded().expect("embedded");
    let s = rs
        .parse_scenario("name: only a name\n", "s.yaml")
        .expect("scenario");
    let w = rs
        .whatif(&s, &WhatifOptions::new(8, Keep::Nothing), Lang::En)
        .expect("whatif");
    assert!(w.partial, "an exhaustive search of 8 changes to every fact");
    // A real case is answered exactly.
    let s = rs
        .parse_scenario(
            &std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("scenarios/hypo-p1-no-ceasefire-1995.yaml"),
            )
            .expect("read"),
            "s.yaml",
        )
        .expect("scenario");
    let w = rs
        .whatif(&s, &WhatifOptions::default(), Lang::En)
        .expect("whatif");
    assert!(!w.partial);
    assert!(!w.alternatives.is_empty());
}

#[test]
fn whatif_on_a_large_ruleset_spends_fewer_candidates() {
    // 60 facts of 64 values, each of 60 rules testing every fact: each
    // candidate costs thousands of steps, so the search tries fewer of them
    // than on the shipped rules, and says its answer is partial.
    let mut facts = String::from(
        "facts:\n  - name: date\n    type: date\n    default: today\n    description: { en: d, ja: d }\n",
    );
    for f in 0..60 {
        facts.push_str(&format!(
            "  - name: f{f}\n    type: enum\n    description: {{ en: f, ja: f }}\n    values:\n"
        ));
        for v in 0..64 {
            facts.push_str(&format!("      v{v}: {{ en: v, ja: v }}\n"));
        }
    }
    facts.push_str("law_versions:\n  - id: \"1\"\n    in_force_from: 1990-01-01\n    title: { en: t, ja: t }\n");
    let mut rules = String::from("rules:\n");
    for r in 0..60 {
        let tests: Vec<String> = (0..60)
            .map(|f| format!("{{ fact: f{f}, is: v{} }}", (r * 7 + f) % 63))
            .collect();
        rules.push_str(&format!(
            "  - id: r{r}\n    title: {{ en: R, ja: R }}\n    kind: general\n    require: {{ all: [{}] }}\n    cites: [x]\n    explain: {{ pass: {{ en: ok, ja: 可 }}, fail: {{ en: no, ja: 否 }} }}\n",
            tests.join(", ")
        ));
    }
    let rs = RuleSet::from_texts(&[("facts.yaml", facts), ("rules.yaml", rules)]).expect("loads");
    let mut scenario = String::from("name: s\n");
    for f in 0..60 {
        scenario.push_str(&format!("f{f}: v63\n"));
    }
    let s = rs.parse_scenario(&scenario, "s.yaml").expect("scenario");
    let w = rs
        .whatif(&s, &WhatifOptions::default(), Lang::En)
        .expect("whatif");
    assert!(w.partial, "{}", w.evaluated);
    // The shipped rules' budget is 200,000 candidates.
    assert!(w.evaluated < 100_000, "{}", w.evaluated);
}

// ----------------------------------------------------------- size limits

#[test]
fn rule_files_and_rulesets_have_size_limits() {
    let (_keep, rules) = rules_copy();
    // One file over 4 MiB.
    let big = format!("# {}\n", "x".repeat(5 << 20));
    std::fs::write(rules.join("big.yaml"), &big).expect("write");
    let out = run(&["check", "--rules", s(&rules)]);
    assert_code(&out, 2);
    assert!(
        out.stderr.contains(
            "big.yaml: error[too-large]: the file is 5242883 bytes, over the limit of 4194304 bytes"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("split it into several files"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("--max-size"), "{}", out.stderr);
    // Files each under the limit, over 16 MiB together.
    std::fs::remove_file(rules.join("big.yaml")).expect("rm");
    let part = format!("# {}\n", "x".repeat((4 << 20) - 16));
    for i in 0..5 {
        std::fs::write(rules.join(format!("pad{i}.yaml")), &part).expect("write");
    }
    let out = run(&["check", "--rules", s(&rules)]);
    assert_code(&out, 2);
    assert!(
        out.stderr
            .contains("error[too-large]: the rule files hold more than 16777216 bytes in all"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_values_of_all_rule_files_together_are_bounded() {
    // Each file within the parser's bounds; together millions of values.
    let files: Vec<(String, String)> = (0..12)
        .map(|i| {
            (
                format!("r{i:02}.yaml"),
                format!("rules: [{}1]\n", "1,".repeat(45_000)),
            )
        })
        .collect();
    let err = RuleSet::from_texts(&files).expect_err("too large");
    assert_eq!(err.diagnostics.len(), 1, "{err}");
    assert_eq!(err.diagnostics[0].code, peacecoop::Code::RulesetTooLarge);
    assert!(
        err.diagnostics[0]
            .message
            .contains("more than 400000 values in all"),
        "{err}"
    );
}

// ------------------------------------------------------------------ misuse

#[test]
fn scenarios_given_as_rules_get_one_message() {
    let out = run(&["check", "--rules", "scenarios/"]);
    assert_code(&out, 2);
    let errors: Vec<&str> = out.stderr.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(errors.len(), 2, "{}", out.stderr);
    assert_eq!(errors[0], "error: the ruleset has 1 error");
    assert!(
        errors[1].contains("error[wrong-kind-of-file]: looks like a scenario, not a rule file"),
        "{}",
        out.stderr
    );
    assert!(
        errors[1].contains("more files here look like scenarios"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--rules rules/"), "{}", out.stderr);
    // One scenario among rule files, too.
    let (_keep, rules) = rules_copy();
    std::fs::copy(manifest_dir().join(ELIGIBLE), rules.join("mission.yaml")).expect("copy");
    let out = run(&["evaluate", "--rules", s(&rules), ELIGIBLE]);
    assert_code(&out, 2);
    assert!(
        out.stderr
            .contains("mission.yaml:10:1: error[wrong-kind-of-file]"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.matches("error[").count(), 1, "{}", out.stderr);
}

#[test]
fn a_rule_file_given_as_a_scenario_gets_one_message() {
    for file in [
        "rules/10-act.yaml",
        "rules/facts.yaml",
        "rules/readings.yaml",
    ] {
        let out = run(&["evaluate", file]);
        assert_code(&out, 2);
        assert_eq!(out.stderr.matches("error:").count(), 1, "{}", out.stderr);
        assert!(
            out.stderr
                .contains("looks like a rule file, not a scenario"),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains("--rules DIR"), "{}", out.stderr);
    }
    // A scenario with `readings:` (a mapping there) is still a scenario.
    let out = run(&["evaluate", "scenarios/unmiss-2011.yaml"]);
    assert!(
        !out.stderr.contains("looks like a rule file"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_placeholder_mistake_in_both_languages_is_reported_once() {
    let text = format!(
        "{}rules:\n  - id: r\n    title: {{ en: R, ja: R }}\n    kind: general\n    require: {{ fact: n, is: 1 }}\n    cites: [x]\n    explain:\n      pass:\n        en: \"{{nn}} ok\"\n        ja: \"{{nn}} 可\"\n      fail: {{ en: no, ja: 否 }}\n",
        header(&[("n", "int")])
    );
    let (line, column) = line_col(&text, "\"{nn} ok\"");
    let err = RuleSet::from_texts(&[("r.yaml", text)]).expect_err("unknown placeholder");
    let about: Vec<_> = err
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("{nn}"))
        .collect();
    assert_eq!(about.len(), 1, "{err}");
    assert!(
        about[0]
            .message
            .contains("in the English and the Japanese text"),
        "{}",
        about[0].message
    );
    // At the English text's own line.
    assert_eq!(about[0].line(), Some(line as u32), "{}", about[0]);
    assert_eq!(about[0].column(), Some(column as u32), "{}", about[0]);
}
