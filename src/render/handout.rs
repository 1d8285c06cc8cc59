//! The classroom handouts, Markdown and HTML, and what they share: the plan
//! of a handout (what each scenario's first page shows, what its appendix
//! holds, which sources are cited and under which number), made once from
//! the reports and laid out by [`super::markdown`] and [`super::html`].
//!
//! A handout decides nothing: everything comes from the [`Report`]s, the
//! [`HistoryReport`]s and the [`HandoutContext`].
//!
//! ```
//! use peacecoop::{Lang, RuleSet};
//! let rules = RuleSet::embedded()?;
//! let s = rules.parse_scenario(include_str!("../../scenarios/untac-1992.yaml"), "untac-1992.yaml")?;
//! let report = rules.report(&s, &rules.evaluate(&s), Lang::En);
//! let history = rules.history(&s, Lang::En);
//! let md = peacecoop::render::handout::markdown(&rules.handout_context(Lang::En), &[(report, Some(history))], true);
//! assert!(md.contains("ELIGIBLE"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::handout_words::{HandoutWords, handout_words};
use crate::analysis::history::HistoryReport;
use crate::model::{Lang, Outcome, Verdict};
use crate::report::catalogue::SourceInfo;
use crate::report::words::{self, Words};
use crate::report::{Entry, HandoutContext, Report};
use std::borrow::Cow;
use std::collections::HashMap;

#[cfg(feature = "html")]
pub use super::html::handout as html;
pub use super::markdown::handout as markdown;

/// How a rule is marked: its outcome, or needed (a step) or advisory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    Pass,
    Fail,
    Undetermined,
    NotApplicable,
    NotInForce,
    Needed,
    Advisory,
}

impl Mark {
    /// The mark of a trace entry, as the text report marks it.
    pub(crate) fn of(e: &Entry) -> Mark {
        match (e.kind.as_str(), e.outcome) {
            ("policy", Outcome::Fail) => Mark::Advisory,
            ("procedure", Outcome::Pass) => Mark::Needed,
            (_, Outcome::Pass) => Mark::Pass,
            (_, Outcome::Fail) => Mark::Fail,
            (_, Outcome::Undetermined) => Mark::Undetermined,
            (_, Outcome::NotApplicable) => Mark::NotApplicable,
            (_, Outcome::NotInForce) => Mark::NotInForce,
        }
    }

    /// The marker in words (with a symbol, so that it reads without colour).
    pub(crate) fn word(self, lang: Lang) -> &'static str {
        match self {
            Mark::Pass => words::marker(lang, Outcome::Pass),
            Mark::Fail => words::marker(lang, Outcome::Fail),
            Mark::Undetermined => words::marker(lang, Outcome::Undetermined),
            Mark::NotApplicable => words::marker(lang, Outcome::NotApplicable),
            Mark::NotInForce => words::marker(lang, Outcome::NotInForce),
            Mark::Needed => words::needed(lang),
            Mark::Advisory => words::advisory(lang),
        }
    }

    /// Whether the reader's eye should stop on it.
    pub(crate) fn strong(self) -> bool {
        matches!(self, Mark::Fail | Mark::Undetermined | Mark::Advisory)
    }
}

/// One rule as a handout shows it in full.
#[derive(Debug, Clone)]
pub(crate) struct RuleView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub mark: Mark,
    pub explanation: &'a str,
    /// The articles cited.
    pub cites: &'a [String],
    /// The numbers of the sources cited (see [`Plan::sources`]).
    pub refs: Vec<usize>,
}

/// A heading of the appendix and its rules.
#[derive(Debug, Clone)]
pub(crate) struct GroupView<'a> {
    /// The heading (`None` for rules the report left out of every group).
    pub title: Option<&'a str>,
    /// Rules shown in full (pass, fail, undetermined, needed, advisory).
    pub shown: Vec<RuleView<'a>>,
    /// Rules that do not concern the operation, listed compactly.
    pub not_applicable: Vec<&'a Entry>,
    /// Rules not in force on the date, listed compactly.
    pub not_in_force: Vec<&'a Entry>,
}

/// A scenario's verdict under one law version.
#[derive(Debug, Clone)]
pub(crate) struct HistoryView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub from: &'a str,
    pub verdict: Verdict,
    /// The failing rules: id and title (the title from the scenario's own report).
    pub failed: Vec<(&'a str, &'a str)>,
    /// Whether this version applies on the scenario's date.
    pub current: bool,
}

/// One scenario of a handout.
#[derive(Debug, Clone)]
pub(crate) struct Sheet<'a> {
    pub report: &'a Report,
    /// Its number when the handout has several.
    pub number: Option<usize>,
    /// "1992 (Act No. 79 of 1992)", or the words for no law.
    pub law: String,
    /// The sentence on the readings the verdict depends on.
    pub depends: Option<String>,
    /// The expectation and whether it holds.
    pub expect: Option<(String, bool)>,
    /// Remarks on the input, the unused facts last.
    pub notes: Vec<String>,
    /// The deciding rules that fail or cannot be decided, in display order.
    pub deciding: Vec<RuleView<'a>>,
    /// The procedural steps.
    pub steps: Vec<RuleView<'a>>,
    /// The failed policy expectations.
    pub advisories: Vec<RuleView<'a>>,
    /// The verdict under every law version.
    pub history: Vec<HistoryView<'a>>,
    /// The full trace (`None` with `brief`, or when the report has no trace).
    pub appendix: Option<Vec<GroupView<'a>>>,
    /// The closing count of the trace.
    pub counts: Option<String>,
}

/// A source cited in the handout.
#[derive(Debug, Clone)]
pub(crate) struct Cited<'a> {
    /// Its number in the handout, from 1.
    pub number: usize,
    pub id: &'a str,
    /// Its entry in the ruleset's list (`None`: an id the list does not hold).
    pub info: Option<&'a SourceInfo>,
}

/// Everything a handout shows, in order.
pub(crate) struct Plan<'a> {
    pub ctx: &'a HandoutContext,
    pub lang: Lang,
    pub w: &'static Words,
    pub x: &'static HandoutWords,
    pub brief: bool,
    pub sheets: Vec<Sheet<'a>>,
    /// The sources cited, numbered in order of first citation.
    pub sources: Vec<Cited<'a>>,
}

/// Numbers sources in order of first citation.
struct Numbering<'a> {
    ctx: &'a HandoutContext,
    cited: Vec<Cited<'a>>,
    index: HashMap<&'a str, usize>,
}

impl<'a> Numbering<'a> {
    fn refs(&mut self, ids: &'a [String]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for id in ids {
            let n = match self.index.get(id.as_str()) {
                Some(&n) => n,
                None => {
                    let n = self.cited.len() + 1;
                    self.cited.push(Cited {
                        number: n,
                        id,
                        info: self.ctx.sources.iter().find(|s| s.id == *id),
                    });
                    self.index.insert(id, n);
                    n
                }
            };
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }
}

impl<'a> Plan<'a> {
    /// The plan of a handout of `sheets`, the appendix left out with `brief`.
    pub(crate) fn new(
        ctx: &'a HandoutContext,
        sheets: &'a [(Report, Option<HistoryReport>)],
        brief: bool,
    ) -> Plan<'a> {
        let lang = ctx.lang;
        let w = words::words(lang);
        let x = handout_words(lang);
        let mut numbering = Numbering {
            ctx,
            cited: Vec::new(),
            index: HashMap::new(),
        };
        let several = sheets.len() != 1;
        let planned = sheets
            .iter()
            .enumerate()
            .map(|(n, (r, h))| {
                sheet(
                    r,
                    h.as_ref(),
                    several.then_some(n + 1),
                    lang,
                    brief,
                    &mut numbering,
                )
            })
            .collect();
        Plan {
            ctx,
            lang,
            w,
            x,
            brief,
            sheets: planned,
            sources: numbering.cited,
        }
    }

    /// The title of a handout of several scenarios.
    pub(crate) fn doc_title(&self) -> &'a str {
        if self.ctx.title.trim().is_empty() {
            self.x.handout
        } else {
            &self.ctx.title
        }
    }

    /// The note under the history, with the scenario's date.
    pub(crate) fn history_note(&self, date: &str) -> String {
        match self.lang {
            Lang::Ja => format!("{}（{date}）。", self.x.history_note),
            _ => format!("{} ({date}).", self.x.history_note),
        }
    }
}

fn sheet<'a>(
    r: &'a Report,
    h: Option<&'a HistoryReport>,
    number: Option<usize>,
    lang: Lang,
    brief: bool,
    numbering: &mut Numbering<'a>,
) -> Sheet<'a> {
    let x = handout_words(lang);
    let by_id: HashMap<&str, &Entry> = r.trace.iter().map(|e| (e.rule.as_str(), e)).collect();
    // Entries in display order: by group, then any the groups leave out.
    let mut grouped: Vec<(Option<&'a str>, Vec<&'a Entry>)> = r
        .groups
        .iter()
        .map(|g| {
            let entries = g
                .rules
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).copied());
            (Some(g.title.as_str()), entries.collect())
        })
        .collect();
    let in_groups: std::collections::HashSet<&str> = grouped
        .iter()
        .flat_map(|(_, es)| es.iter().map(|e| e.rule.as_str()))
        .collect();
    let rest: Vec<&Entry> = r
        .trace
        .iter()
        .filter(|e| !in_groups.contains(e.rule.as_str()))
        .collect();
    if !rest.is_empty() {
        grouped.push((None, rest));
    }
    let mut view = |e: &'a Entry, mark: Mark| RuleView {
        id: &e.rule,
        title: &e.title,
        mark,
        explanation: &e.explanation,
        cites: &e.cites,
        refs: numbering.refs(&e.sources),
    };
    let deciding: Vec<RuleView> = grouped
        .iter()
        .flat_map(|(_, es)| es.iter().copied())
        .filter(|e| e.decides() && matches!(e.outcome, Outcome::Fail | Outcome::Undetermined))
        .map(|e| view(e, Mark::of(e)))
        .collect();
    let step = |s: &'a crate::report::Step,
                mark: Mark,
                view: &mut dyn FnMut(&'a Entry, Mark) -> RuleView<'a>| {
        match by_id.get(s.rule.as_str()) {
            Some(e) => RuleView {
                title: &s.title,
                explanation: &s.explanation,
                cites: &s.cites,
                ..view(e, mark)
            },
            None => RuleView {
                id: &s.rule,
                title: &s.title,
                mark,
                explanation: &s.explanation,
                cites: &s.cites,
                refs: Vec::new(),
            },
        }
    };
    let steps: Vec<RuleView> = r
        .steps
        .iter()
        .map(|s| step(s, Mark::Needed, &mut view))
        .collect();
    let advisories: Vec<RuleView> = r
        .advisories
        .iter()
        .map(|s| step(s, Mark::Advisory, &mut view))
        .collect();
    let appendix = (!brief && !r.trace.is_empty()).then(|| {
        grouped
            .iter()
            .map(|(title, es)| {
                let mut g = GroupView {
                    title: *title,
                    shown: Vec::new(),
                    not_applicable: Vec::new(),
                    not_in_force: Vec::new(),
                };
                for &e in es {
                    match e.outcome {
                        Outcome::NotApplicable => g.not_applicable.push(e),
                        Outcome::NotInForce => g.not_in_force.push(e),
                        _ => g.shown.push(view(e, Mark::of(e))),
                    }
                }
                g
            })
            .collect()
    });
    let history = h
        .map(|h| {
            h.versions
                .iter()
                .map(|row| HistoryView {
                    id: &row.law_version.id,
                    title: &row.law_version.title,
                    from: &row.law_version.in_force_from,
                    verdict: row.verdict,
                    failed: row
                        .failed
                        .iter()
                        .map(|id| {
                            let title = by_id.get(id.as_str()).map_or(id.as_str(), |e| &e.title);
                            (id.as_str(), title)
                        })
                        .collect(),
                    current: row.current,
                })
                .collect()
        })
        .unwrap_or_default();
    let law = match &r.law_version {
        Some(v) => format!("{} ({})", v.id, v.title),
        None => x.no_law.to_owned(),
    };
    let depends = (!r.depends_on_readings.is_empty()).then(|| {
        let pairs = r.deciding_readings();
        words::depends_on_readings(lang, &pairs)
    });
    // In words, as the verdict is said (`参加可能`, not `eligible`, in Japanese).
    let expect = r
        .expect
        .map(|x| (words::expectation(lang, x, r.verdict), x == r.verdict));
    let mut notes = r.notes.clone();
    if !r.unused.is_empty() {
        let names: Vec<String> = r.unused.iter().map(|f| format!("`{f}`")).collect();
        notes.push(words::unused(lang, &names.join(", ")));
    }
    Sheet {
        report: r,
        number,
        law,
        depends,
        expect,
        notes,
        deciding,
        steps,
        advisories,
        history,
        appendix,
        counts: (!r.trace.is_empty()).then(|| super::text::counts(r, lang)),
    }
}

/// A verdict symbol, so that a verdict reads without colour.
pub(crate) fn verdict_symbol(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "✔",
        Verdict::NotEligible => "✘",
        Verdict::Undetermined => "?",
    }
}

/// A text from a scenario or rule file on one line, made visible: line
/// breaks and tabs become spaces; other control characters, zero-width and
/// bidirectional marks are shown escaped (`\u{1b}`), so that they can
/// neither hide nor reorder what a handout says.
pub(crate) fn plain(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| matches!(c, '\n' | '\r' | '\t')) {
        let one: String = s
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        return Cow::Owned(super::clean(&one).into_owned());
    }
    super::clean(s)
}

/// Prose split into plain text and `` `code` `` spans (fact names); with an
/// odd number of backticks, all of it is plain text.
pub(crate) fn spans(s: &str) -> Vec<(bool, &str)> {
    let parts: Vec<&str> = s.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return vec![(false, s)];
    }
    parts
        .into_iter()
        .enumerate()
        .filter(|(k, p)| k % 2 == 1 || !p.is_empty())
        .map(|(k, p)| (k % 2 == 1, p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_on_one_line() {
        assert_eq!(plain("a\nb\tc"), "a b c");
        assert_eq!(plain("a\x1bb\u{202e}c"), "a\\u{1b}b\\u{202e}c");
        assert_eq!(plain("日本"), "日本");
    }

    #[test]
    fn code_spans() {
        assert_eq!(
            spans("a `b` c"),
            [(false, "a "), (true, "b"), (false, " c")]
        );
        assert_eq!(spans("`b`"), [(true, "b")]);
        assert_eq!(spans("odd ` x"), [(false, "odd ` x")]);
        assert_eq!(spans("``"), [(true, "")]);
    }
}
