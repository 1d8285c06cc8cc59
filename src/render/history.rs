//! A scenario's history across law versions, as a table.

use super::clean;
use crate::analysis::history::HistoryReport;
use crate::model::{Lang, Outcome};
use crate::report::width::pad;
use crate::report::words;
use std::fmt::Write as _;

/// The history as a table, with the rules that changed between versions.
pub fn text(h: &HistoryReport, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  ({})",
        clean(&h.scenario.name),
        clean(h.scenario.file.as_deref().unwrap_or(""))
    );
    let (h1, h2, h3, h4) = match lang {
        Lang::Ja => ("法の版", "施行日", "判定", "満たされない規則"),
        _ => ("Law version", "From", "Verdict", "Failing rules"),
    };
    let _ = writeln!(
        out,
        "{}{}{}{h4}",
        pad(h1, 29, 1),
        pad(h2, 12, 1),
        pad(h3, 15, 1)
    );
    // Only changes a student cares about: to or from pass, fail or undetermined.
    let decisive = |o: &Outcome| matches!(o, Outcome::Pass | Outcome::Fail | Outcome::Undetermined);
    for row in &h.versions {
        let label = format!("{} ({})", row.law_version.id, row.law_version.title);
        let verdict = words::verdict_word(lang, row.verdict);
        let failed = if row.failed.is_empty() {
            "—".to_owned()
        } else {
            row.failed.join(", ")
        };
        let _ = writeln!(
            out,
            "{}{}{}{failed}",
            pad(&clean(&label), 29, 1),
            pad(&row.law_version.in_force_from, 12, 1),
            pad(verdict, 15, 1)
        );
        for c in row
            .changed
            .iter()
            .filter(|c| decisive(&c.from) || decisive(&c.to))
        {
            let _ = writeln!(
                out,
                "{}{}: {} → {}",
                pad("", 28 + 1 + 11 + 1 + 14 + 1, 0),
                c.rule,
                words::outcome_word(lang, c.from),
                words::outcome_word(lang, c.to)
            );
        }
    }
    out
}
