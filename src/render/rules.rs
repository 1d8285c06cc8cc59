//! Listing the rules (`peacecoop rules`).

use crate::date::Date;
use crate::ruleset::RuleSet;
use crate::text::Lang;
use serde_json::{Value, json};
use std::fmt::Write as _;

fn selected(rs: &RuleSet, date: Option<Date>) -> Vec<usize> {
    (0..rs.rules.len())
        .filter(|&i| date.is_none_or(|d| rs.rules[i].version_at(d).is_some()))
        .collect()
}

/// The rules as text, grouped like the evaluation trace.
pub fn text(rs: &RuleSet, date: Option<Date>, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(d) = date {
        let law = rs
            .law_version_at(d)
            .map_or("no law in force".to_owned(), |v| {
                format!(
                    "law of {} ({})",
                    rs.law_versions[v].id,
                    rs.law_versions[v].title.get(lang)
                )
            });
        let _ = writeln!(out, "Rules in force on {d}: {law}");
    }
    let mut idx = selected(rs, date);
    idx.sort_by_key(|&i| super::group(rs, &rs.rules[i], lang).0);
    let mut current = None;
    for i in idx {
        let r = &rs.rules[i];
        let (key, heading) = super::group(rs, r, lang);
        if current != Some(key) {
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(out, "{heading}");
            current = Some(key);
        }
        let periods: Vec<String> = r.versions.iter().map(|v| v.period.to_string()).collect();
        let _ = writeln!(out, "  {:<30} {}", r.id.0, r.title.get(lang));
        let version = match date {
            Some(d) => r.version_at(d).map(|v| &r.versions[v]),
            None => r.versions.last(),
        };
        if let Some(v) = version {
            let cites: Vec<&str> = v.cites.iter().map(|c| c.article.as_str()).collect();
            let _ = writeln!(
                out,
                "  {:<30} in force {}; {}",
                "",
                periods.join(", "),
                cites.join("; ")
            );
        }
        if date.is_none() {
            for v in r.versions.iter().filter(|v| v.change.is_some()) {
                let from = v.period.from.map_or("?".to_owned(), |d| d.to_string());
                let change = v.change.as_ref().map_or("", |c| c.get(lang).as_str());
                let _ = writeln!(out, "  {:<30} {from}: {change}", "");
            }
        }
    }
    out
}

/// The rules as JSON.
pub fn json(rs: &RuleSet, date: Option<Date>, lang: Lang) -> Value {
    let rules: Vec<Value> = selected(rs, date)
        .into_iter()
        .map(|i| {
            let r = &rs.rules[i];
            let versions: Vec<Value> = r
                .versions
                .iter()
                .map(|v| {
                    json!({
                        "from": v.period.from.map(|d| d.to_string()),
                        "until": v.period.until.map(|d| d.to_string()),
                        "cites": v.cites.iter().map(|c| c.article.clone()).collect::<Vec<_>>(),
                        "reading": v.reading.as_ref().map(|t| t.get(lang)),
                        "change": v.change.as_ref().map(|t| t.get(lang)),
                    })
                })
                .collect();
            json!({
                "rule": r.id.0,
                "title": r.title.get(lang),
                "principle": r.principle,
                "kind": r.kind.keyword(),
                "description": r.description.get(lang),
                "versions": versions,
            })
        })
        .collect();
    json!({
        "schema_version": super::json::SCHEMA_VERSION,
        "date": date.map(|d| d.to_string()),
        "law_version": date.and_then(|d| rs.law_version_at(d)).map(|v| json!({
            "id": rs.law_versions[v].id,
            "in_force_from": rs.law_versions[v].in_force_from.to_string(),
        })),
        "rules": rules,
    })
}
