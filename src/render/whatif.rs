//! What-if results as sentences and as JSON.

use super::json::SCHEMA_VERSION;
use crate::facts::{FactId, FactType, OTHER_SYMBOL, Scenario, Value};
use crate::ruleset::RuleSet;
use crate::text::Lang;
use crate::whatif::{Change, WhatIf};
use serde_json::{Value as Json, json};

fn value_text(rs: &RuleSet, s: &Scenario, f: FactId, v: Value) -> String {
    match v {
        Value::Sym(OTHER_SYMBOL) => s.text(f).unwrap_or("(an unlisted name)").to_owned(),
        _ => rs.vocab.display(f, v, s.text(f)),
    }
}

/// One change as a clause: "`conflict.ceasefire` were `agreed` (the parties agreed …)".
pub fn clause(rs: &RuleSet, s: &Scenario, c: &Change, lang: Lang) -> String {
    let decl = rs.vocab.get(c.fact);
    let to = value_text(rs, s, c.fact, c.to);
    let meaning = match (&decl.ty, c.to) {
        (FactType::Enum(vals), Value::Enum(i)) => vals
            .get(i as usize)
            .map(|v| format!(" ({})", v.description.get(lang))),
        (FactType::List(vals), Value::Set(after)) => {
            let before = match c.from {
                Some(Value::Set(b)) => b,
                _ => 0,
            };
            let name = |bits: u64| -> Vec<&str> {
                vals.iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, v)| v.name.as_str())
                    .collect()
            };
            let added = name(after & !before);
            let removed = name(before & !after);
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(match lang {
                    Lang::En => format!("adding {}", added.join(", ")),
                    Lang::Ja => format!("{}を追加", added.join("、")),
                });
            }
            if !removed.is_empty() {
                parts.push(match lang {
                    Lang::En => format!("without {}", removed.join(", ")),
                    Lang::Ja => format!("{}を除く", removed.join("、")),
                });
            }
            (!parts.is_empty()).then(|| format!(" ({})", parts.join("; ")))
        }
        _ => None,
    }
    .unwrap_or_default();
    let from = match c.from {
        Some(v) => value_text(rs, s, c.fact, v),
        None => match lang {
            Lang::En => "unknown".to_owned(),
            Lang::Ja => "不明".to_owned(),
        },
    };
    match lang {
        Lang::En => format!("`{}` were `{to}` instead of `{from}`{meaning}", decl.name),
        Lang::Ja => format!("`{}` が `{from}` ではなく `{to}`{meaning}", decl.name),
    }
}

/// The alternatives as sentences, one per line.
pub fn text(rs: &RuleSet, s: &Scenario, w: &WhatIf, max_changes: usize, lang: Lang) -> String {
    let mut out = String::new();
    let verdict = super::words::verdict_word(lang, w.verdict);
    out.push_str(&format!(
        "{}  ({})\n",
        s.name,
        s.file.as_deref().unwrap_or("")
    ));
    match lang {
        Lang::En => out.push_str(&format!("Verdict: {verdict}\n")),
        Lang::Ja => out.push_str(&format!("判定:    {verdict}\n")),
    }
    if w.alternatives.is_empty() {
        out.push_str(&match (lang, w.verdict) {
            (Lang::En, crate::trace::Verdict::Eligible) => "Already eligible: nothing needs to change.\n".to_owned(),
            (Lang::Ja, crate::trace::Verdict::Eligible) => "すでに参加可能であり、変更は不要。\n".to_owned(),
            (Lang::En, _) => format!("No set of at most {max_changes} changes makes the mission eligible (try a larger --max-changes).\n"),
            (Lang::Ja, _) => format!("{max_changes}件以内の変更では参加可能にならない（--max-changes を増やして再試行）。\n"),
        });
        return out;
    }
    for (n, a) in w.alternatives.iter().enumerate() {
        let clauses: Vec<String> = a.changes.iter().map(|c| clause(rs, s, c, lang)).collect();
        let line = match lang {
            Lang::En => {
                let joined = match clauses.len() {
                    1 => clauses[0].clone(),
                    _ => format!(
                        "{} and {}",
                        clauses[..clauses.len() - 1].join(", "),
                        clauses[clauses.len() - 1]
                    ),
                };
                format!("{}. If {joined}, the mission would be eligible.", n + 1)
            }
            Lang::Ja => format!(
                "{}. {}であれば、参加可能となる。",
                n + 1,
                clauses.join("、かつ")
            ),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn json_value(rs: &RuleSet, s: &Scenario, f: FactId, v: Option<Value>) -> Json {
    match v {
        None => Json::Null,
        Some(Value::Sym(OTHER_SYMBOL)) => Json::String(s.text(f).unwrap_or("(other)").to_owned()),
        Some(v) => rs.vocab.to_json(f, v, s.text(f)),
    }
}

/// The what-if result as JSON (contract shape).
pub fn json(rs: &RuleSet, s: &Scenario, w: &WhatIf) -> Json {
    let alternatives: Vec<Json> = w
        .alternatives
        .iter()
        .map(|a| {
            let changes: Vec<Json> = a
                .changes
                .iter()
                .map(|c| {
                    json!({
                        "fact": rs.vocab.get(c.fact).name,
                        "from": json_value(rs, s, c.fact, c.from),
                        "to": json_value(rs, s, c.fact, Some(c.to)),
                    })
                })
                .collect();
            json!({ "changes": changes, "verdict": a.verdict })
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "scenario": { "name": s.name, "file": s.file },
        "verdict": w.verdict,
        "alternatives": alternatives,
    })
}
