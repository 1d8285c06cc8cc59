//! Reports of `peacecoop test`: failures with expected against actual, and
//! rule coverage.

use super::{deciding, explanation};
use crate::facts::Scenario;
use crate::ruleset::RuleSet;
use crate::testrun::{CaseResult, Coverage};
use crate::text::Lang;
use crate::trace::{Evaluation, Outcome};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::PathBuf;

/// One failing case: the file, expected against actual, and why.
pub fn failure(
    rs: &RuleSet,
    path: &std::path::Path,
    s: &Scenario,
    e: &Evaluation,
    c: &CaseResult,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "FAIL {}  ({})", path.display(), s.name);
    if let Some(x) = c.expected
        && x != c.actual
    {
        let _ = writeln!(out, "  expected verdict: {x}");
        let _ = writeln!(out, "  actual verdict:   {}", c.actual);
        for o in [Outcome::Fail, Outcome::Undetermined] {
            for i in deciding(rs, e, o) {
                let _ = writeln!(
                    out,
                    "    {} {}: {}",
                    o.as_str(),
                    rs.rules[i].id,
                    explanation(rs, s, e, i, lang)
                );
            }
        }
    }
    for &(r, want, got) in &c.mismatches {
        let _ = writeln!(
            out,
            "  rule {}: expected {}, actual {} — {}",
            rs.rules[r].id,
            want.as_str(),
            got.as_str(),
            explanation(rs, s, e, r, lang)
        );
    }
    out.push('\n');
    out
}

/// The coverage table and the rules never seen both ways.
pub fn coverage_text(rs: &RuleSet, cov: &Coverage, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<32} {:>5} {:>5} {:>5} {:>5} {:>5}",
        if lang == Lang::Ja {
            "規則（カバレッジ）"
        } else {
            "rule (coverage)"
        },
        "pass",
        "fail",
        "undet",
        "n/a",
        "nif"
    );
    for (r, c) in rs.rules.iter().zip(&cov.counts) {
        let _ = writeln!(
            out,
            "{:<32} {:>5} {:>5} {:>5} {:>5} {:>5}",
            r.id.0, c[0], c[1], c[2], c[3], c[4]
        );
    }
    let gaps = cov.gaps(rs);
    if gaps.is_empty() {
        let _ = writeln!(
            out,
            "\nEvery rule was seen both to pass and to fail (procedures: to apply)."
        );
    } else {
        let _ = writeln!(out, "\nNever seen both to pass and to fail:");
        for i in gaps {
            let c = cov.counts[i];
            let missing = match (c[0] > 0, c[1] > 0) {
                (false, false) => "neither pass nor fail",
                (true, false) => "never fails",
                _ => "never passes",
            };
            let _ = writeln!(out, "  {} ({missing})", rs.rules[i].id);
        }
    }
    out
}

/// The whole run as JSON.
pub fn json(
    rs: &RuleSet,
    cases: &[(PathBuf, Scenario, Evaluation, CaseResult)],
    cov: &Coverage,
    with_coverage: bool,
    errors: usize,
    skipped: usize,
    lang: Lang,
) -> Value {
    let results: Vec<Value> = cases
        .iter()
        .map(|(p, s, e, c)| {
            json!({
                "file": p.display().to_string(),
                "name": s.name,
                "passed": c.passed(),
                "expected": c.expected,
                "actual": c.actual,
                "rule_mismatches": c.mismatches.iter().map(|&(r, want, got)| json!({
                    "rule": rs.rules[r].id.0, "expected": want, "actual": got,
                    "explanation": explanation(rs, s, e, r, lang),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let failed = cases.iter().filter(|c| !c.3.passed()).count();
    let mut v = json!({
        "schema_version": super::json::SCHEMA_VERSION,
        "passed": cases.len() - failed,
        "failed": failed,
        "without_expect": skipped,
        "errors": errors,
        "results": results,
    });
    if with_coverage {
        let rules: Vec<Value> = rs
            .rules
            .iter()
            .zip(&cov.counts)
            .map(|(r, c)| {
                json!({"rule": r.id.0, "pass": c[0], "fail": c[1], "undetermined": c[2], "not_applicable": c[3], "not_in_force": c[4]})
            })
            .collect();
        v["coverage"] = json!({
            "rules": rules,
            "never_both_ways": cov.gaps(rs).iter().map(|&i| rs.rules[i].id.0.clone()).collect::<Vec<_>>(),
        });
    }
    v
}
