//! Readings of contested points as text: the list, and a scenario's verdict
//! under every combination of the readings its rules consult.

use super::clean;
use crate::analysis::readings::ReadingsReport;
use crate::model::Lang;
use crate::report::catalogue::ReadingInfo;
use crate::report::width::pad;
use crate::report::words;
use std::fmt::Write as _;

/// The readings: question, options (default marked), the rules that consult them.
pub fn list(readings: &[ReadingInfo], lang: Lang) -> String {
    let mut out = String::new();
    let ja = lang == Lang::Ja;
    for (i, r) in readings.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", r.id);
        let _ = writeln!(out, "  {}", clean(&r.question));
        for o in &r.options {
            let mark = if o.id == r.default {
                if ja { "（既定）" } else { " (default)" }
            } else {
                ""
            };
            let _ = writeln!(out, "  - {}{mark}: {}", o.id, clean(&o.text));
            let src: Vec<&str> = o.sources.iter().map(|s| s.id.as_str()).collect();
            if !src.is_empty() {
                let _ = writeln!(out, "      [{}]", src.join("] ["));
            }
        }
        let mut used: Vec<String> = r.rules.clone();
        used.extend(
            r.facts
                .iter()
                .map(|f| format!("{f} ({})", if ja { "既定値" } else { "default" })),
        );
        let _ = writeln!(
            out,
            "  {}: {}",
            if ja {
                "参照する規則"
            } else {
                "consulted by"
            },
            if used.is_empty() {
                "—".to_owned()
            } else {
                used.join(", ")
            }
        );
    }
    out
}

/// A scenario's verdict under every combination.
pub fn text(r: &ReadingsReport, lang: Lang) -> String {
    let mut out = String::new();
    let ja = lang == Lang::Ja;
    let _ = writeln!(
        out,
        "{}  ({})",
        clean(&r.scenario.name),
        clean(r.scenario.file.as_deref().unwrap_or(""))
    );
    let _ = writeln!(
        out,
        "{}{}",
        pad(&format!("{}:", words::words(lang).verdict), 9, 1),
        words::verdict_word(lang, r.verdict)
    );
    if r.combinations.len() <= 1 {
        let _ = writeln!(
            out,
            "{}",
            if ja {
                "この事例の規則は、争いのある解釈を参照しない。判定は解釈に依存しない。"
            } else {
                "No rule of this scenario consults a contested reading: the verdict does not depend on one."
            }
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{}",
        match (ja, r.robust) {
            (false, true) =>
                "Robust: every combination of the readings gives the same verdict.".to_owned(),
            (true, true) => "頑健：どの解釈の組合せでも判定は同じ。".to_owned(),
            (false, false) => format!("Depends on: {}.", r.deciding.join(", ")),
            (true, false) => format!("判定を左右する解釈：{}。", r.deciding.join("、")),
        }
    );
    let Some(first) = r.combinations.first() else {
        return out;
    };
    let heads: Vec<&str> = first.readings.0.iter().map(|(k, _)| k.as_str()).collect();
    let widths: Vec<usize> = heads
        .iter()
        .enumerate()
        .map(|(i, h)| {
            r.combinations
                .iter()
                .map(|c| c.readings.0.get(i).map_or(0, |(_, v)| v.len()))
                .max()
                .unwrap_or(0)
                .max(h.len())
                + 2
        })
        .collect();
    out.push('\n');
    for (h, w) in heads.iter().zip(&widths) {
        out.push_str(&pad(h, *w, 2));
    }
    let _ = writeln!(out, "{}", if ja { "判定" } else { "verdict" });
    for c in &r.combinations {
        for ((_, v), w) in c.readings.0.iter().zip(&widths) {
            out.push_str(&pad(v, *w, 2));
        }
        let _ = writeln!(out, "{}", words::verdict_word(lang, c.verdict));
    }
    out
}
