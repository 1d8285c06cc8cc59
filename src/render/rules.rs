//! Listing the rules, as text (`peacecoop rules`).

use super::clean;
use crate::model::Lang;
use crate::report::catalogue::RulesReport;
use crate::report::width::pad;
use std::fmt::Write as _;

/// The rules as text, grouped like the evaluation trace.
pub fn text(r: &RulesReport, lang: Lang) -> String {
    let mut out = String::new();
    let ja = lang == Lang::Ja;
    if let Some(d) = &r.date {
        let law = match &r.law_version {
            Some(v) if ja => format!("{}（{}）", v.id, v.title),
            Some(v) => format!("law of {} ({})", v.id, v.title),
            None if ja => "施行前".to_owned(),
            None => "no law in force".to_owned(),
        };
        let _ = if ja {
            writeln!(out, "{d}に施行されている規則：{law}")
        } else {
            writeln!(out, "Rules in force on {d}: {law}")
        };
    }
    let mut current: Option<&str> = None;
    let mut sorted: Vec<&crate::report::catalogue::RuleInfo> = r.rules.iter().collect();
    sorted.sort_by_key(|x| x.group_order);
    for rule in sorted {
        if current != Some(rule.group.as_str()) {
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", clean(&rule.group));
            current = Some(rule.group.as_str());
        }
        let _ = writeln!(out, "  {}{}", pad(&rule.rule, 30, 1), clean(&rule.title));
        let periods: Vec<&str> = rule.versions.iter().map(|v| v.period.as_str()).collect();
        if let Some(v) = rule.versions.last() {
            let cites: Vec<&str> = v.cites.iter().map(|c| c.article.as_str()).collect();
            let _ = writeln!(
                out,
                "  {}{} {}; {}",
                pad("", 30, 1),
                if ja { "施行" } else { "in force" },
                periods.join(", "),
                clean(&cites.join("; "))
            );
        }
        if r.date.is_none() {
            for v in rule.versions.iter().filter(|v| v.change.is_some()) {
                let from = v.from.as_deref().unwrap_or("?");
                let change = v.change.as_deref().unwrap_or("");
                let _ = writeln!(out, "  {}{from}: {}", pad("", 30, 1), clean(change));
            }
        }
    }
    out
}
