//! The human-readable report: verdict and reason first, then the trace
//! grouped by principle and pillar (or, brief, only what decides).

use super::{Paint, clean};
use crate::model::{Lang, Outcome, Verdict};
use crate::report::width::pad;
use crate::report::words::{self, words};
use crate::report::{Entry, Report};
use std::fmt::Write as _;

/// How much of the trace to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Detail {
    /// Every rule, as the JSON trace.
    #[default]
    Full,
    /// One screen: the verdict, the rules that fail or cannot be decided, the
    /// missing facts and the steps.
    Brief,
}

/// Options of the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct TextOptions {
    /// How much of the trace to show.
    pub detail: Detail,
    /// The language of the report's own words (the report carries its texts).
    pub lang: Lang,
    /// Whether to write ANSI colours (the CLI strips them when not on a terminal).
    pub color: bool,
}

impl TextOptions {
    /// Options with the given detail and language, no colour.
    pub fn new(detail: Detail, lang: Lang) -> TextOptions {
        TextOptions {
            detail,
            lang,
            color: false,
        }
    }
}

fn paint(o: Outcome) -> Paint {
    match o {
        Outcome::Pass => Paint::Green,
        Outcome::Fail => Paint::Red,
        Outcome::Undetermined => Paint::Yellow,
        _ => Paint::Dim,
    }
}

/// The marker before a rule, readable without colour, and its paint.
pub(crate) fn marker(e: &Entry, lang: Lang) -> (&'static str, Paint) {
    match (e.kind.as_str(), e.outcome) {
        ("policy", Outcome::Fail) => (words::advisory(lang), Paint::Yellow),
        ("procedure", Outcome::Pass) => (words::needed(lang), Paint::Cyan),
        (_, o) => (words::marker(lang, o), paint(o)),
    }
}

/// The label column: `Verdict: ` padded to nine cells (Japanese takes two per character).
fn label(text: &str) -> String {
    pad(&format!("{text}:"), 9, 1)
}

/// The verdict, reason and notes: the head of every text report.
fn head(out: &mut String, r: &Report, o: &TextOptions) {
    let (lang, color) = (o.lang, o.color);
    let w = words(lang);
    let file = r
        .scenario
        .file
        .as_deref()
        .map(|f| format!("  ({})", clean(f)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}{file}",
        Paint::Bold.on(&clean(&r.scenario.name), color)
    );
    let vpaint = match r.verdict {
        Verdict::Eligible => Paint::Green,
        Verdict::NotEligible => Paint::Red,
        Verdict::Undetermined => Paint::Yellow,
    };
    let law = match &r.law_version {
        Some(v) => format!(
            "{} {} ({}), {} {}",
            w.law_of, v.id, v.title, w.as_of, r.date
        ),
        None => format!("{} {}", w.no_law, r.date),
    };
    let word = words::verdict_word(lang, r.verdict);
    let _ = writeln!(
        out,
        "{}{}  ({})",
        label(w.verdict),
        vpaint.on(word, color),
        clean(&law)
    );
    let _ = writeln!(out, "{}{}", label(w.reason), clean(&r.reason));
    if !r.depends_on_readings.is_empty() {
        let pairs = r.deciding_readings();
        let line = words::depends_on_readings(lang, &pairs);
        let _ = writeln!(
            out,
            "{}{}",
            label(w.reading),
            Paint::Yellow.on(&line, color)
        );
    }
    if let Some(x) = r.expect {
        // In words, as the verdict line above says them.
        let text = words::expectation(lang, x, r.verdict);
        if x == r.verdict {
            let _ = writeln!(out, "{}{text}", label(w.expect));
        } else {
            let _ = writeln!(out, "{}{}", label(w.expect), Paint::Red.on(&text, color));
        }
    }
    for note in &r.notes {
        let _ = writeln!(out, "{}{}", label(w.note), clean(note));
    }
    if !r.unused.is_empty() {
        let names: Vec<String> = r.unused.iter().map(|f| format!("`{f}`")).collect();
        let _ = writeln!(
            out,
            "{}{}",
            label(w.note),
            words::unused(lang, &names.join(", "))
        );
    }
}

/// One rule: marker, title and id, then (unless quiet) explanation and citations.
fn entry(out: &mut String, e: &Entry, o: &TextOptions, quiet: bool) {
    let (mark, p) = marker(e, o.lang);
    let _ = writeln!(
        out,
        "  {} {}  [{}]",
        p.on(&pad(mark, 14, 0), o.color),
        clean(&e.title),
        e.rule
    );
    if quiet {
        return;
    }
    let _ = writeln!(out, "                 {}", clean(&e.explanation));
    if !e.cites.is_empty() {
        let _ = writeln!(
            out,
            "                 {}",
            Paint::Dim.on(&clean(&e.cites.join("; ")), o.color)
        );
    }
}

/// The closing count, with how many undetermined rules decide the verdict.
pub(crate) fn counts(r: &Report, lang: Lang) -> String {
    let n = |o: Outcome| r.trace.iter().filter(|e| e.outcome == o).count();
    let deciding = r
        .trace
        .iter()
        .filter(|e| e.outcome == Outcome::Undetermined && e.decides())
        .count();
    words::counts(
        lang,
        [
            r.trace.len(),
            n(Outcome::Pass),
            n(Outcome::Fail),
            n(Outcome::Undetermined),
            n(Outcome::NotApplicable),
            n(Outcome::NotInForce),
        ],
        deciding,
    )
}

/// A report as text.
pub fn text(r: &Report, o: &TextOptions) -> String {
    let mut out = String::new();
    head(&mut out, r, o);
    let w = words(o.lang);
    match o.detail {
        Detail::Full => {
            for g in &r.groups {
                let _ = writeln!(out, "\n{}", Paint::Bold.on(&clean(&g.title), o.color));
                for id in &g.rules {
                    if let Some(e) = r.entry(id) {
                        let quiet =
                            matches!(e.outcome, Outcome::NotApplicable | Outcome::NotInForce);
                        entry(&mut out, e, o, quiet);
                    }
                }
            }
        }
        Detail::Brief => {
            if !r.missing.is_empty() {
                let names: Vec<String> = r.missing.iter().map(|f| format!("`{f}`")).collect();
                let _ = writeln!(out, "{}{}", label(w.missing), names.join(", "));
            }
            let shown: Vec<&Entry> = r
                .groups
                .iter()
                .flat_map(|g| g.rules.iter().filter_map(|id| r.entry(id)))
                .filter(|e| {
                    e.decides() && matches!(e.outcome, Outcome::Fail | Outcome::Undetermined)
                })
                .collect();
            if !shown.is_empty() {
                let _ = writeln!(out, "\n{}", Paint::Bold.on(w.deciding_rules, o.color));
                for e in shown {
                    entry(&mut out, e, o, false);
                }
            }
            // A policy left unknown or failed is worth a line, apart: it never decides.
            let advisories: Vec<&Entry> = r
                .trace
                .iter()
                .filter(|e| {
                    e.kind == "policy" && matches!(e.outcome, Outcome::Fail | Outcome::Undetermined)
                })
                .collect();
            if !advisories.is_empty() {
                let _ = writeln!(out, "\n{}", Paint::Bold.on(w.advisories, o.color));
                for e in advisories {
                    entry(&mut out, e, o, false);
                }
            }
            if !r.steps.is_empty() {
                let _ = writeln!(out, "\n{}", Paint::Bold.on(w.steps, o.color));
                for s in &r.steps {
                    if let Some(e) = r.entry(&s.rule) {
                        entry(&mut out, e, o, false);
                    }
                }
            }
            let _ = writeln!(out, "\n{}", w.brief_note);
        }
    }
    let _ = writeln!(out, "\n{}", counts(r, o.lang));
    out
}
