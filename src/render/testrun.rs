//! Reports of `peacecoop test` as text: failures with expected against
//! actual, and rule coverage.

use super::clean;
use crate::analysis::testrun::{CaseReport, CoverageReport, TestReport};
use crate::model::{Lang, Outcome};
use crate::report::width::{cells, pad};
use crate::report::words;
use std::fmt::Write as _;

/// One failing expectation: the file, expected against actual, and why.
pub(crate) fn failure(c: &CaseReport, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let verdict = |v: crate::model::Verdict| words::verdict_word(lang, v);
    let mut out = String::new();
    let fail = if ja { "不合格" } else { "FAIL" };
    let _ = writeln!(out, "{fail} {}  ({})", clean(&c.file), clean(&c.name));
    if !c.readings.0.is_empty() {
        let r: Vec<String> = c
            .readings
            .0
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let head = if ja {
            "適用した読み方"
        } else {
            "under readings"
        };
        let _ = writeln!(out, "  {head}: {}", r.join(", "));
    }
    if let Some(x) = c.expected
        && x != c.actual
    {
        let (e, a) = if ja {
            ("想定した判定", "実際の判定:  ")
        } else {
            ("expected verdict", "actual verdict:  ")
        };
        if ja {
            let _ = writeln!(out, "  {e}: {}", verdict(x));
            let _ = writeln!(out, "  {a}{}", verdict(c.actual));
        } else {
            let _ = writeln!(out, "  {e}: {x}");
            let _ = writeln!(out, "  {a} {}", c.actual);
        }
        for d in &c.deciding {
            let _ = writeln!(
                out,
                "    {} {}: {}",
                if ja {
                    words::marker(lang, d.outcome).to_owned()
                } else {
                    d.outcome.to_string()
                },
                d.rule,
                clean(&d.explanation)
            );
        }
    }
    for m in &c.rule_mismatches {
        if ja {
            let _ = writeln!(
                out,
                "  規則 {}: 想定 {}、実際 {} — {}",
                m.rule,
                words::marker(lang, m.expected),
                words::marker(lang, m.actual),
                clean(&m.explanation)
            );
        } else {
            let _ = writeln!(
                out,
                "  rule {}: expected {}, actual {} — {}",
                m.rule,
                m.expected,
                m.actual,
                clean(&m.explanation)
            );
        }
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
    let columns = if lang == Lang::Ja {
        Outcome::ALL.map(|o| words::outcome_word(lang, o))
    } else {
        ["pass", "fail", "undet", "n/a", "nif"]
    };
    // Right-aligned columns (Japanese headings take two cells a character).
    let widths: [usize; 5] = if lang == Lang::Ja {
        [7, 8, 6, 8, 8]
    } else {
        [5, 6, 6, 6, 6]
    };
    let row = |first: &str, cols: [String; 5]| {
        let mut line = pad(first, 33, 1);
        for (c, w) in cols.iter().zip(widths) {
            line.push_str(&" ".repeat(w.saturating_sub(cells(c))));
            line.push_str(c);
        }
        line
    };
    let _ = writeln!(out, "{}", row(head, columns.map(str::to_owned)));
    for r in &cov.rules {
        let n = [
            r.pass,
            r.fail,
            r.undetermined,
            r.not_applicable,
            r.not_in_force,
        ];
        let _ = writeln!(out, "{}", row(&r.rule, n.map(|x| x.to_string())));
    }
    let ja = lang == Lang::Ja;
    if cov.never_both_ways.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if ja {
                "すべての規則について、充足と不充足の両方が確認された（手続の規則は適用されること）。"
            } else {
                "Every rule was seen both to pass and to fail (procedures: to apply)."
            }
        );
    } else {
        let head = if ja {
            "充足と不充足の両方が確認されていない規則:"
        } else {
            "Never seen both to pass and to fail:"
        };
        let _ = writeln!(out, "\n{head}");
        for id in &cov.never_both_ways {
            let missing = match (cov.rules.iter().find(|r| r.rule == *id), ja) {
                (Some(r), false) if r.pass == 0 && r.fail == 0 => "neither pass nor fail",
                (Some(r), false) if r.fail == 0 => "never fails",
                (_, false) => "never passes",
                (Some(r), true) if r.pass == 0 && r.fail == 0 => "充足も不充足もない",
                (Some(r), true) if r.fail == 0 => "不充足がない",
                (_, true) => "充足がない",
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
        out.push_str(&failure(c, lang));
    }
    if let Some(cov) = &t.coverage {
        out.push_str(&coverage(cov, lang));
    }
    // One blank line before the summary.
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    let ok = t.failed == 0 && t.errors == 0;
    if lang == Lang::Ja {
        let mut line = format!(
            "テスト結果: {}。合格 {}、不合格 {}",
            if ok {
                "すべて合格"
            } else {
                "不合格あり"
            },
            t.passed,
            t.failed
        );
        if t.without_expect > 0 {
            let _ = write!(line, "、想定（expect）のないもの {}", t.without_expect);
        }
        if t.errors > 0 {
            let _ = write!(line, "、読み込めないファイル {}", t.errors);
        }
        let _ = writeln!(out, "{line}。");
        return out;
    }
    let _ = writeln!(
        out,
        "test result: {}. {} passed, {} failed{}{}",
        if ok { "ok" } else { "FAILED" },
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
