//! What-if results as sentences, grouped by who would have to act.

use super::clean;
use crate::analysis::whatif::{Alternative, WhatifReport};
use crate::model::{Lang, Verdict};
use crate::report::words;
use std::fmt::Write as _;

fn heading(side: &str, lang: Lang) -> &'static str {
    match (lang, side) {
        (Lang::Ja, "world") => "情勢が変われば（停戦、同意など）",
        (Lang::Ja, "plan") => "我が国の計画を変えれば（業務、武器使用、人員、撤収の留保）",
        (Lang::Ja, "frame") => "活動の種類や日付が違えば",
        (Lang::Ja, _) => "情勢と計画の両方が変われば",
        (_, "world") => "If the situation changed (ceasefire, consents, parties)",
        (_, "plan") => {
            "If Japan's plan changed (tasks, use of force, personnel, withdrawal reservation)"
        }
        (_, "frame") => "If the mission were of another kind or date",
        _ => "If both the situation and the plan changed",
    }
}

fn line(n: usize, a: &Alternative, lang: Lang) -> String {
    let clauses: Vec<String> = a
        .changes
        .iter()
        .map(|c| clean(&c.clause).into_owned())
        .collect();
    match lang {
        Lang::Ja => format!("{n}. {}であれば、参加可能となる。", clauses.join("、かつ")),
        _ => {
            let joined = match clauses.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            };
            format!("{n}. If {joined}, the mission would be eligible.")
        }
    }
}

/// The alternatives as sentences, grouped by who would have to act.
pub fn text(w: &WhatifReport, lang: Lang) -> String {
    let mut out = String::new();
    let verdict = words::verdict_word(lang, w.verdict);
    let _ = writeln!(
        out,
        "{}  ({})",
        clean(&w.scenario.name),
        clean(w.scenario.file.as_deref().unwrap_or(""))
    );
    match lang {
        Lang::Ja => {
            let _ = writeln!(out, "判定:    {verdict}");
        }
        _ => {
            let _ = writeln!(out, "Verdict: {verdict}");
        }
    }
    if !w.kept.is_empty() && w.verdict != Verdict::Eligible {
        let kept: Vec<String> = w.kept.iter().map(|k| format!("`{k}`")).collect();
        let _ = match lang {
            Lang::Ja => writeln!(
                out,
                "固定した事実: {}（--keep none ですべて変更可能）",
                kept.join("、")
            ),
            _ => writeln!(
                out,
                "Kept as they are: {} (`--keep none` lets every fact change)",
                kept.join(", ")
            ),
        };
    }
    if w.alternatives.is_empty() {
        let _ = match (lang, w.verdict) {
            (Lang::Ja, Verdict::Eligible) => writeln!(out, "すでに参加可能であり、変更は不要。"),
            (_, Verdict::Eligible) => writeln!(out, "Already eligible: nothing needs to change."),
            (Lang::Ja, _) => writeln!(
                out,
                "{}件以内の変更では参加可能にならない（--max-changes を増やすか、--keep none で再試行）。",
                w.max_changes
            ),
            _ => writeln!(
                out,
                "No set of at most {} changes makes the mission eligible (try a larger --max-changes, or --keep none).",
                w.max_changes
            ),
        };
    }
    let mut n = 0;
    for side in ["world", "plan", "mixed", "frame"] {
        let alts: Vec<&Alternative> = w.alternatives.iter().filter(|a| a.side == side).collect();
        if alts.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}:", heading(side, lang));
        for a in alts {
            n += 1;
            let _ = writeln!(out, "{}", line(n, a, lang));
        }
    }
    if w.partial {
        let _ = match lang {
            Lang::Ja => writeln!(
                out,
                "\n（探索は作業量の上限で打ち切られた。ほかにも選択肢がありうる。--max-changes を減らすか --keep で事実を固定すること。）"
            ),
            _ => writeln!(
                out,
                "\n(The search stopped at its work limit: there may be more alternatives. Lower --max-changes or --keep more facts.)"
            ),
        };
    }
    out
}
