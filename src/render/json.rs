//! The JSON result (`--format json`), shape fixed by the contract.

use super::explanation;
use crate::facts::Scenario;
use crate::rule::RuleKind;
use crate::ruleset::RuleSet;
use crate::text::Lang;
use crate::trace::{Evaluation, Outcome};
use serde_json::{Map, Value, json};

/// The version of the JSON shape; bumped only on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// One scenario's result as a JSON object, explanations in English.
pub fn evaluation(rs: &RuleSet, s: &Scenario, e: &Evaluation) -> Value {
    evaluation_in(rs, s, e, Lang::En)
}

/// One scenario's result as a JSON object, titles and explanations in `lang`.
pub fn evaluation_in(rs: &RuleSet, s: &Scenario, e: &Evaluation, lang: Lang) -> Value {
    let law = e.law_version.map(|v| {
        let lv = &rs.law_versions[v];
        json!({ "id": lv.id, "in_force_from": lv.in_force_from.to_string(), "title": lv.title.get(lang) })
    });
    let missing: Vec<&str> = e
        .missing
        .iter()
        .map(|f| rs.vocab.get(f).name.as_str())
        .collect();
    let mut trace = Vec::with_capacity(rs.rules.len());
    let mut steps = Vec::new();
    let mut advisories = Vec::new();
    for (i, rule) in rs.rules.iter().enumerate() {
        let r = e.results[i];
        let version = r.version.map(|v| &rule.versions[v as usize]);
        let mut facts = Map::new();
        if let Some(v) = version {
            for f in v.reads.iter() {
                let val = match s.get(f) {
                    Some(x) => rs.vocab.to_json(f, x, s.text(f)),
                    None => Value::Null,
                };
                facts.insert(rs.vocab.get(f).name.clone(), val);
            }
        }
        let cites: Vec<&str> = version
            .map(|v| v.cites.iter().map(|c| c.article.as_str()).collect())
            .unwrap_or_default();
        let text = explanation(rs, s, e, i, lang);
        let title = rule.title.get(lang);
        match (rule.kind, r.outcome) {
            (RuleKind::Procedure, Outcome::Pass) => steps.push(
                json!({ "rule": rule.id.0, "title": title, "explanation": text, "cites": cites }),
            ),
            (RuleKind::Policy, Outcome::Fail) => advisories.push(
                json!({ "rule": rule.id.0, "title": title, "explanation": text, "cites": cites }),
            ),
            _ => {}
        }
        trace.push(json!({
            "rule": rule.id.0,
            "title": title,
            "principle": rule.principle,
            "kind": rule.kind.keyword(),
            "outcome": r.outcome,
            "explanation": text,
            "facts": facts,
            "cites": cites,
        }));
    }
    let unused: Vec<&str> = s
        .unused
        .iter()
        .map(|f| rs.vocab.get(*f).name.as_str())
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "scenario": { "name": s.name, "file": s.file },
        "date": e.date.to_string(),
        "law_version": law,
        "verdict": e.verdict,
        "reason": super::reason(rs, s, e, lang),
        "missing": missing,
        "expect": s.expect,
        "steps": steps,
        "advisories": advisories,
        "unused": unused,
        "notes": s.notes,
        "trace": trace,
    })
}
