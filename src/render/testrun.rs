//! Reports of `peacecoop test` as text: failures with expected against
//! actual, and rule coverage.

use super::clean;
use crate::analysis::testrun::{CaseReport, CoverageReport, TestReport};
use crate::model::Lang;
use crate::report::width::pad;
use std::fmt::Write as _;

/// One failing expectation: the file, expected against actual, and why.
pub(crate) fn failure(c: &CaseReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "FAIL {}  ({})", clean(&c.file), clean(&c.name));
    if !c.readings.0.is_empty() {
        let r: Vec<String> = c
            .readings
            .0
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let _ = writeln!(out, "  under readings: {}", r.join(", "));
    }
    if let Some(x) = c.expected
        && x != c.actual
    {
        let _ = writeln!(out, "  expected verdict: {x}");
        let _ = writeln!(out, "  actual verdict:   {}", c.actual);
        for d in &c.deciding {
            let _ = writeln!(
                out,
                "    {} {}: {}",
                d.outcome,
                d.rule,
                clean(&d.explanation)
            );
        }
    }
    for m in &c.rule_mismatches {
        let _ = writeln!(
            out,
            "  rule {}: expected {}, actual {} — {}",
            m.rule,
            m.expected,
            m.actual,
            clean(&m.explanation)
        );
    }
    out.push('\n');
    out
}

/// The coverage table and the rules never seen both ways.
pub(crate) fn coverage(cov: &CoverageReport, lang: Lang) -> String {
    let mut out = String::new();
    let head = if lang == Lang::Ja {
        "規則（カバレッジ）"
    } else {
        "rule (coverage)"
    };
    let _ = writeln!(
        out,
        "{}{:>5} {:>5} {:>5} {:>5} {:>5}",
        pad(head, 33, 1),
        "pass",
        "fail",
        "undet",
        "n/a",
        "nif"
    );
    for r in &cov.rules {
        let _ = writeln!(
            out,
            "{}{:>5} {:>5} {:>5} {:>5} {:>5}",
            pad(&r.rule, 33, 1),
            r.pass,
            r.fail,
            r.undetermined,
            r.not_applicable,
            r.not_in_force
        );
    }
    if cov.never_both_ways.is_empty() {
        let _ = writeln!(
            out,
            "\nEvery rule was seen both to pass and to fail (procedures: to apply)."
        );
    } else {
        let _ = writeln!(out, "\nNever seen both to pass and to fail:");
        for id in &cov.never_both_ways {
            let missing = match cov.rules.iter().find(|r| r.rule == *id) {
                Some(r) if r.pass == 0 && r.fail == 0 => "neither pass nor fail",
                Some(r) if r.fail == 0 => "never fails",
                _ => "never passes",
            };
            let _ = writeln!(out, "  {id} ({missing})");
        }
    }
    out
}

/// The whole run: failures, coverage if asked, and the summary line.
pub(crate) fn text(t: &TestReport, lang: Lang) -> String {
    let mut out = String::new();
    for c in t.results.iter().filter(|c| !c.passed) {
        out.push_str(&failure(c));
    }
    if let Some(cov) = &t.coverage {
        out.push_str(&coverage(cov, lang));
    }
    // One blank line before the summary.
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "test result: {}. {} passed, {} failed{}{}",
        if t.failed == 0 && t.errors == 0 {
            "ok"
        } else {
            "FAILED"
        },
        t.passed,
        t.failed,
        if t.without_expect > 0 {
            format!(", {} without expect", t.without_expect)
        } else {
            String::new()
        },
        if t.errors > 0 {
            format!(", {} unreadable", t.errors)
        } else {
            String::new()
        },
    );
    out
}
