//! The human-readable report: verdict and reason first, then the trace grouped
//! by principle and pillar.

use super::{deciding, explanation, group, reason};
use crate::facts::Scenario;
use crate::rule::RuleKind;
use crate::ruleset::RuleSet;
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

/// The marker shown before a rule: readable without colour.
pub fn marker(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "✔ pass",
        Outcome::Fail => "✘ FAIL",
        Outcome::Undetermined => "? unknown",
        Outcome::NotApplicable => "– n/a",
        Outcome::NotInForce => "· not in force",
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

/// Renders one evaluation as text, every rule shown. ANSI styles are included;
/// strip them (or write through `anstream`) when the output is not a terminal.
pub fn evaluation(rs: &RuleSet, s: &Scenario, e: &Evaluation) -> String {
    evaluation_with(rs, s, e, Detail::Full)
}

/// Renders one evaluation as text with the chosen level of detail.
pub fn evaluation_with(rs: &RuleSet, s: &Scenario, e: &Evaluation, detail: Detail) -> String {
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
    let word = match e.verdict {
        Verdict::Eligible => "ELIGIBLE",
        Verdict::NotEligible => "NOT ELIGIBLE",
        Verdict::Undetermined => "UNDETERMINED",
    };
    let law = match e.law_version {
        Some(v) => format!(
            "law of {} ({}), as of {}",
            rs.law_versions[v].id, rs.law_versions[v].title, e.date
        ),
        None => format!("no law in force on {}", e.date),
    };
    let _ = writeln!(out, "Verdict: {vstyle}{word}{vstyle:#}  ({law})");
    let _ = writeln!(out, "Reason:  {}", reason(rs, s, e));
    if let Some(x) = s.expect {
        let ok = if x == e.verdict {
            "as expected"
        } else {
            "EXPECTED "
        };
        if x == e.verdict {
            let _ = writeln!(out, "Expect:  {x} ({ok})");
        } else {
            let st = AnsiColor::Red.on_default().bold();
            let _ = writeln!(
                out,
                "Expect:  {st}{x}, but the verdict is {}{st:#}",
                e.verdict
            );
        }
    }
    for note in &s.notes {
        let _ = writeln!(out, "Note:    {note}");
    }
    if !s.unused.is_empty() {
        let names: Vec<String> = s
            .unused
            .iter()
            .map(|f| format!("`{}`", rs.vocab.get(*f).name))
            .collect();
        let _ = writeln!(
            out,
            "Note:    {} not used for this operation.",
            names.join(", ")
        );
    }
    let mut idx: Vec<usize> = (0..rs.rules.len()).collect();
    idx.sort_by_key(|&i| group(rs, &rs.rules[i]).0);
    let mut current = None;
    for i in idx {
        let rule = &rs.rules[i];
        let quiet = matches!(
            e.results[i].outcome,
            Outcome::NotApplicable | Outcome::NotInForce
        );
        if detail == Detail::Brief && quiet {
            continue;
        }
        let (key, heading) = group(rs, rule);
        if current != Some(key) {
            let _ = writeln!(out, "\n{bold}{heading}{bold:#}");
            current = Some(key);
        }
        let r = e.results[i];
        let (st, mark) = match (rule.kind, r.outcome) {
            (RuleKind::Policy, Outcome::Fail) => {
                (AnsiColor::Yellow.on_default().bold(), "! advisory")
            }
            (RuleKind::Procedure, Outcome::Pass) => (AnsiColor::Cyan.on_default(), "→ needed"),
            _ => (style(r.outcome), marker(r.outcome)),
        };
        let _ = writeln!(
            out,
            "  {st}{:<14}{st:#} {}  [{}]",
            mark, rule.title, rule.id
        );
        if matches!(r.outcome, Outcome::NotApplicable | Outcome::NotInForce) {
            continue;
        }
        let _ = writeln!(out, "                 {}", explanation(rs, s, e, i));
        if let Some(v) = super::version_used(rs, e, i) {
            let cites: Vec<&str> = v.cites.iter().map(|c| c.article.as_str()).collect();
            let dim = Style::new().dimmed();
            let _ = writeln!(out, "                 {dim}{}{dim:#}", cites.join("; "));
        }
    }
    if detail == Detail::Brief {
        let _ = writeln!(
            out,
            "\n(brief: rules that do not apply or are not in force on the date are hidden)"
        );
    }
    let fails = deciding(rs, e, Outcome::Fail).len();
    let unknown = deciding(rs, e, Outcome::Undetermined).len();
    let _ = writeln!(
        out,
        "\n{} rules: {} pass, {fails} fail, {unknown} undetermined, {} not applicable, {} not in force.",
        rs.rules.len(),
        e.with_outcome(Outcome::Pass).count(),
        e.with_outcome(Outcome::NotApplicable).count(),
        e.with_outcome(Outcome::NotInForce).count(),
    );
    out
}
