//! The human-readable report: verdict and reason first, then the trace grouped
//! by principle and pillar.

use super::words::{self, words};
use super::{explanation, group, reason};
use crate::facts::Scenario;
use crate::rule::RuleKind;
use crate::ruleset::RuleSet;
use crate::text::Lang;
use crate::trace::{Evaluation, Outcome, Verdict};
use anstyle::{AnsiColor, Style};
use std::fmt::Write as _;

fn style(o: Outcome) -> Style {
    match o {
        Outcome::Pass => AnsiColor::Green.on_default(),
        Outcome::Fail => AnsiColor::Red.on_default().bold(),
        Outcome::Undetermined => AnsiColor::Yellow.on_default(),
        _ => Style::new().dimmed(),
    }
}

/// How much of the trace to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Every rule, as the contract's trace.
    #[default]
    Full,
    /// Only rules that pass, fail or are undetermined (no `n/a`, no `not in force`).
    Brief,
}

/// Renders one evaluation as text in English, every rule shown. ANSI styles are
/// included; strip them (or write through `anstream`) when not on a terminal.
pub fn evaluation(rs: &RuleSet, s: &Scenario, e: &Evaluation) -> String {
    evaluation_with(rs, s, e, Detail::Full, Lang::En)
}

/// Renders one evaluation as text with the chosen detail and language.
pub fn evaluation_with(
    rs: &RuleSet,
    s: &Scenario,
    e: &Evaluation,
    detail: Detail,
    lang: Lang,
) -> String {
    let w = words(lang);
    let mut out = String::new();
    let bold = Style::new().bold();
    let file = s
        .file
        .as_deref()
        .map(|f| format!("  ({f})"))
        .unwrap_or_default();
    let _ = writeln!(out, "{bold}{}{bold:#}{file}", s.name);
    let vstyle = match e.verdict {
        Verdict::Eligible => AnsiColor::Green.on_default().bold(),
        Verdict::NotEligible => AnsiColor::Red.on_default().bold(),
        Verdict::Undetermined => AnsiColor::Yellow.on_default().bold(),
    };
    let word = words::verdict_word(lang, e.verdict);
    let law = match e.law_version {
        Some(v) => format!(
            "{} {} ({}), {} {}",
            w.law_of,
            rs.law_versions[v].id,
            rs.law_versions[v].title.get(lang),
            w.as_of,
            e.date
        ),
        None => format!("{} {}", w.no_law, e.date),
    };
    // Labels in a 9-cell column ("Verdict: "); Japanese characters take two cells.
    let pad = |label: &str| {
        let cells: usize = label
            .chars()
            .map(|c| if c > '\u{2fff}' { 2 } else { 1 })
            .sum();
        format!(
            "{label}:{}",
            " ".repeat(8usize.saturating_sub(cells).max(1))
        )
    };
    let _ = writeln!(out, "{}{vstyle}{word}{vstyle:#}  ({law})", pad(w.verdict));
    let _ = writeln!(out, "{}{}", pad(w.reason), reason(rs, s, e, lang));
    if let Some(x) = s.expect {
        if x == e.verdict {
            let _ = writeln!(out, "{}{x} ({})", pad(w.expect), w.as_expected);
        } else {
            let st = AnsiColor::Red.on_default().bold();
            let _ = writeln!(
                out,
                "{}{st}{x}, {} {}{st:#}",
                pad(w.expect),
                w.but_verdict,
                e.verdict
            );
        }
    }
    for note in &s.notes {
        let _ = writeln!(out, "{}{note}", pad(w.note));
    }
    if !s.unused.is_empty() {
        let names: Vec<String> = s
            .unused
            .iter()
            .map(|f| format!("`{}`", rs.vocab.get(*f).name))
            .collect();
        let _ = writeln!(out, "{}{} {}.", pad(w.note), names.join(", "), w.not_used);
    }
    let mut idx: Vec<usize> = (0..rs.rules.len()).collect();
    idx.sort_by_key(|&i| group(rs, &rs.rules[i], lang).0);
    let mut current = None;
    for i in idx {
        let rule = &rs.rules[i];
        let r = e.results[i];
        let quiet = matches!(r.outcome, Outcome::NotApplicable | Outcome::NotInForce);
        if detail == Detail::Brief && quiet {
            continue;
        }
        let (key, heading) = group(rs, rule, lang);
        if current != Some(key) {
            let _ = writeln!(out, "\n{bold}{heading}{bold:#}");
            current = Some(key);
        }
        let (st, mark) = match (rule.kind, r.outcome) {
            (RuleKind::Policy, Outcome::Fail) => {
                (AnsiColor::Yellow.on_default().bold(), words::advisory(lang))
            }
            (RuleKind::Procedure, Outcome::Pass) => {
                (AnsiColor::Cyan.on_default(), words::needed(lang))
            }
            _ => (style(r.outcome), words::marker(lang, r.outcome)),
        };
        let cells = mark.chars().count()
            + mark
                .chars()
                .filter(|c| !c.is_ascii() && *c > '\u{2fff}')
                .count();
        let _ = writeln!(
            out,
            "  {st}{mark}{st:#}{} {}  [{}]",
            " ".repeat(14usize.saturating_sub(cells)),
            rule.title.get(lang),
            rule.id
        );
        if quiet {
            continue;
        }
        let _ = writeln!(out, "                 {}", explanation(rs, s, e, i, lang));
        if let Some(v) = super::version_used(rs, e, i) {
            let cites: Vec<&str> = v.cites.iter().map(|c| c.article.as_str()).collect();
            let dim = Style::new().dimmed();
            let _ = writeln!(out, "                 {dim}{}{dim:#}", cites.join("; "));
        }
    }
    if detail == Detail::Brief {
        let _ = writeln!(out, "\n{}", w.brief_note);
    }
    let _ = writeln!(out, "\n{}", super::counts(rs, e, lang));
    out
}
