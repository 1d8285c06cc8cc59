//! A scenario's history across law versions, as a table and as JSON.

use super::json::SCHEMA_VERSION;
use super::words;
use crate::facts::Scenario;
use crate::history::Step;
use crate::ruleset::RuleSet;
use crate::text::Lang;
use serde_json::{Value, json};
use std::fmt::Write as _;

/// The history as a table with the rules that changed between versions.
pub fn text(rs: &RuleSet, s: &Scenario, steps: &[Step], lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  ({})", s.name, s.file.as_deref().unwrap_or(""));
    let (h1, h2, h3, h4) = match lang {
        Lang::En => ("Law version", "From", "Verdict", "Failing rules"),
        Lang::Ja => ("法の版", "施行日", "判定", "満たされない規則"),
    };
    let _ = writeln!(out, "{h1:<28} {h2:<11} {h3:<14} {h4}");
    for st in steps {
        let v = &rs.law_versions[st.version];
        let label = format!("{} ({})", v.id, v.title.get(lang));
        let failed: Vec<&str> = st
            .failed
            .iter()
            .map(|&i| rs.rules[i].id.0.as_str())
            .collect();
        let verdict = words::verdict_word(lang, st.evaluation.verdict);
        let pad = 14usize.saturating_sub(
            verdict
                .chars()
                .map(|c| if c > '\u{2fff}' { 2 } else { 1 })
                .sum(),
        );
        let _ = writeln!(
            out,
            "{label:<28} {:<11} {verdict}{} {}",
            v.in_force_from.to_string(),
            " ".repeat(pad),
            if failed.is_empty() {
                "—".to_owned()
            } else {
                failed.join(", ")
            }
        );
        // Only changes a student cares about: to or from pass, fail or undetermined.
        let decisive = |o: &crate::trace::Outcome| {
            matches!(
                o,
                crate::trace::Outcome::Pass
                    | crate::trace::Outcome::Fail
                    | crate::trace::Outcome::Undetermined
            )
        };
        for (r, from, to) in st
            .changed
            .iter()
            .filter(|(_, a, b)| decisive(a) || decisive(b))
        {
            let _ = writeln!(
                out,
                "{:<28} {:<11} {} {}: {} → {}",
                "",
                "",
                " ".repeat(14),
                rs.rules[*r].id,
                from.as_str(),
                to.as_str()
            );
        }
    }
    out
}

/// The history as JSON (contract shape, plus `changed`).
pub fn json(rs: &RuleSet, s: &Scenario, steps: &[Step]) -> Value {
    let versions: Vec<Value> = steps
        .iter()
        .map(|st| {
            let v = &rs.law_versions[st.version];
            let changed: Vec<Value> = st
                .changed
                .iter()
                .map(|(r, from, to)| json!({ "rule": rs.rules[*r].id.0, "from": from, "to": to }))
                .collect();
            json!({
                "law_version": { "id": v.id, "in_force_from": v.in_force_from.to_string() },
                "verdict": st.evaluation.verdict,
                "failed": st.failed.iter().map(|&i| rs.rules[i].id.0.clone()).collect::<Vec<_>>(),
                "changed": changed,
            })
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "scenario": { "name": s.name, "file": s.file },
        "versions": versions,
    })
}
