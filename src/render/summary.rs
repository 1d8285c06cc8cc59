//! One line per scenario (`evaluate --format summary|csv`): the verdict, the
//! file, the name, and the failing rules or the missing facts.

use super::clean;
use crate::model::{Lang, Outcome, Verdict};
use crate::report::Report;
use crate::report::width::pad;
use crate::report::words;

/// The failing deciding rules, else the missing facts, as one field.
fn why(r: &Report) -> (Vec<&str>, Vec<&str>) {
    let failing: Vec<&str> = r
        .trace
        .iter()
        .filter(|e| e.outcome == Outcome::Fail && e.decides())
        .map(|e| e.rule.as_str())
        .collect();
    let missing: Vec<&str> = if r.verdict == Verdict::Undetermined {
        r.missing.iter().map(String::as_str).collect()
    } else {
        Vec::new()
    };
    (failing, missing)
}

/// One line of the summary.
pub fn line(r: &Report, lang: Lang) -> String {
    let (failing, missing) = why(r);
    let detail = if !failing.is_empty() {
        failing.join(", ")
    } else if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|m| format!("{m}?")).collect();
        names.join(", ")
    } else {
        String::new()
    };
    let verdict = words::verdict_word(lang, r.verdict);
    format!(
        "{}{}  {}{}\n",
        pad(verdict, 14, 1),
        clean(r.scenario.file.as_deref().unwrap_or("-")),
        clean(&r.scenario.name),
        if detail.is_empty() {
            String::new()
        } else {
            format!("  [{detail}]")
        }
    )
}

/// One CSV row (RFC 4180 quoting): verdict, file, name, failing rules, missing facts.
pub fn csv_row(r: &Report) -> String {
    let (failing, missing) = why(r);
    let cells = [
        r.verdict.as_str().to_owned(),
        r.scenario.file.clone().unwrap_or_default(),
        r.scenario.name.clone(),
        failing.join(" "),
        missing.join(" "),
    ];
    let quoted: Vec<String> = cells.iter().map(|c| quote(c)).collect();
    format!("{}\n", quoted.join(","))
}

/// A CSV field, quoted when it must be; a leading `=`, `+`, `-` or `@` is
/// prefixed with `'` so a spreadsheet never runs it as a formula.
pub fn quote(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
