//! HTML fragments for the browser playground (`web/`): the verdict and what
//! follows it, the trace, the history timeline and the sources cited, for one
//! evaluated scenario; the page inserts each into its own layout and styles
//! them with its own sheet. They are the classroom handout's parts (its plan
//! in [`super::handout`], its markup helpers and timeline in [`super::html`])
//! laid out for a page that redraws on every edit, with the hooks the page's
//! browser tests rely on:
//!
//! - every rule of the trace has exactly one element with `data-rule` and
//!   `data-outcome`;
//! - each trace group carries `data-group` (`general`, `pillar`, `p1`…`p5`,
//!   `task`, `policy`, `procedure`).
//!
//! Written with maud, which escapes every spliced string by construction.
//!
//! ```
//! use peacecoop::{Lang, RuleSet, render::fragments};
//! let rules = RuleSet::embedded()?;
//! let s = rules.parse_scenario(include_str!("../../scenarios/untac-1992.yaml"), "untac.yaml")?;
//! let report = rules.report(&s, &rules.evaluate(&s), Lang::En);
//! let history = rules.history(&s, Lang::En);
//! let f = fragments::fragments(&rules.handout_context(Lang::En), &(report, Some(history)));
//! assert!(f.trace.contains(r#"data-rule="ceasefire-agreement" data-outcome="pass""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::handout::{GroupView, Plan, RuleView, Sheet};
use super::html::{badge, body, colon, list, mark_class, prose, sources, t, timeline};
use crate::analysis::history::HistoryReport;
use crate::model::{Lang, Outcome};
use crate::report::words;
use crate::report::{Entry, HandoutContext, Report};
use maud::{Markup, html};

/// The page's fragments of one evaluated scenario, as HTML text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fragments {
    /// The verdict badge, the reason, law version, date, the readings the
    /// verdict depends on and the expectation (`dl.meta`), then the missing
    /// facts, steps, advisories and notes.
    pub summary: String,
    /// Every rule, grouped as in the report, with its mark, explanation,
    /// citations and source numbers; the closing count.
    pub trace: String,
    /// The verdict under every law version as an SVG timeline (empty without
    /// a history).
    pub history: String,
    /// The sources cited, numbered as the summary and trace refer to them.
    pub sources: String,
}

/// The page's own words, beyond the report's and the handout's.
struct Labels {
    missing: &'static str,
    none: &'static str,
    notes: &'static str,
    statute: &'static str,
}

const EN: Labels = Labels {
    missing: "Missing facts",
    none: "None.",
    notes: "Notes",
    statute: "The statute's words",
};

const JA: Labels = Labels {
    missing: "不明な事実",
    none: "なし。",
    notes: "注記",
    statute: "条文",
};

fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Ja => &JA,
        _ => &EN,
    }
}

/// The fragments of `sheet` (a report and its history), in the context's
/// language.
pub fn fragments(ctx: &HandoutContext, sheet: &(Report, Option<HistoryReport>)) -> Fragments {
    let plan = Plan::new(ctx, std::slice::from_ref(sheet), false);
    let Some(s) = plan.sheets.first() else {
        return Fragments {
            summary: String::new(),
            trace: String::new(),
            history: String::new(),
            sources: String::new(),
        };
    };
    Fragments {
        summary: summary(&plan, s).into_string(),
        trace: trace(&plan, s).into_string(),
        history: if s.history.is_empty() {
            String::new()
        } else {
            timeline(&plan, s).into_string()
        },
        sources: sources(&plan).into_string(),
    }
}

fn summary(plan: &Plan, s: &Sheet) -> Markup {
    let (lang, w, x) = (plan.lang, plan.w, plan.x);
    let l = labels(lang);
    let r = s.report;
    html! {
        div.verdict {
            span.label { (w.verdict) }
            (badge(r.verdict, lang, false))
        }
        p.reason { span.label { (w.reason) (colon(lang).trim_end()) } " " (prose(&r.reason)) }
        dl.meta {
            dt { (x.law_version) }
            dd { (t(&s.law)) }
            dt { (x.date) }
            dd { (t(&r.date)) }
            @if let Some(d) = &s.depends {
                dt { (w.reading) }
                dd.depends { (prose(d)) }
            }
            @if let Some((text, ok)) = &s.expect {
                dt { (w.expect) }
                dd.mismatch[!ok] { (t(text)) }
            }
        }
        @if !r.missing.is_empty() {
            h2.h-part { (l.missing) }
            ul.missing { @for m in &r.missing { li { code { (t(m)) } } } }
        }
        h2.h-part { (w.steps) }
        @if s.steps.is_empty() { p.none { (l.none) } } @else { (list(&s.steps, true)) }
        h2.h-part { (x.advisories) }
        @if s.advisories.is_empty() { p.none { (l.none) } } @else { (list(&s.advisories, false)) }
        @if !s.notes.is_empty() {
            h2.h-part { (l.notes) }
            ul.notes { @for n in &s.notes { li { (prose(n)) } } }
        }
    }
}

/// The `data-group` of a trace group: `p1`…`p5` for a principle, else the
/// kind of its rules.
fn group_key(r: &Report, g: &GroupView) -> String {
    let first = g
        .shown
        .first()
        .map(|v| v.id)
        .or_else(|| g.not_applicable.first().map(|e| e.rule.as_str()))
        .or_else(|| g.not_in_force.first().map(|e| e.rule.as_str()));
    match first.and_then(|id| r.entry(id)) {
        Some(Entry {
            principle: Some(p), ..
        }) => format!("p{p}"),
        Some(e) => e.kind.clone(),
        None => "other".to_owned(),
    }
}

/// One rule in full, with the hooks and an empty `details.statute` the page
/// fills with the statute's words when it is opened.
fn rule_row(plan: &Plan, r: &Report, v: &RuleView) -> Markup {
    let class = mark_class(v.mark);
    let outcome = r.entry(v.id).map_or("", |e| e.outcome.as_str());
    html! {
        li class={ "rule " (class) "-rule" } data-rule=(v.id) data-outcome=(outcome) {
            span class={ "mk " (class) } { (v.mark.word(plan.lang)) }
            div {
                span.title { (t(v.title)) } " " code.id { (t(v.id)) }
                (body(v))
                @if !v.cites.is_empty() {
                    details.statute { summary { (labels(plan.lang).statute) } }
                }
            }
        }
    }
}

/// The trace grouped as in the report: rules that apply in full, those that
/// do not apply or are not in force on one quiet line per group, and the
/// closing count.
fn trace(plan: &Plan, s: &Sheet) -> Markup {
    let (lang, r) = (plan.lang, s.report);
    let groups: &[GroupView] = s.appendix.as_deref().unwrap_or_default();
    html! {
        @for g in groups {
            section.group data-group=(group_key(r, g)) {
                @if let Some(title) = g.title { h3.h-group { (t(title)) } }
                @if !g.shown.is_empty() {
                    ul.rules { @for v in &g.shown { (rule_row(plan, r, v)) } }
                }
                @for (entries, o) in [(&g.not_applicable, Outcome::NotApplicable), (&g.not_in_force, Outcome::NotInForce)] {
                    @if !entries.is_empty() {
                        p.quiet {
                            span.mk { (words::marker(lang, o)) (colon(lang).trim_end()) } " "
                            @for (k, e) in entries.iter().enumerate() {
                                @if k > 0 { "; " }
                                span.rule-q data-rule=(e.rule) data-outcome=(o.as_str()) title=(t(&e.explanation)) {
                                    (t(&e.title)) " " code.id { (t(&e.rule)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(c) = &s.counts { p.counts { (t(c)) } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;

    fn page(file: &str, text: &str, lang: Lang) -> (Report, Fragments) {
        let rules = RuleSet::embedded().expect("embedded rules");
        let s = rules.parse_scenario(text, file).expect("scenario");
        let r = rules.report(&s, &rules.evaluate(&s), lang);
        let sheet = (r, Some(rules.history(&s, lang)));
        let f = fragments(&rules.handout_context(lang), &sheet);
        (sheet.0, f)
    }

    #[test]
    fn every_rule_has_one_element_with_its_outcome() {
        let text = include_str!("../../scenarios/hypo-p1-no-ceasefire-1995.yaml");
        for lang in Lang::ALL {
            let (r, f) = page("p1.yaml", text, lang);
            for e in &r.trace {
                let hook = format!(
                    r#"data-rule="{}" data-outcome="{}""#,
                    e.rule,
                    e.outcome.as_str()
                );
                assert_eq!(f.trace.matches(&hook).count(), 1, "{hook}");
            }
            assert_eq!(f.trace.matches("data-rule=").count(), r.trace.len());
            assert!(f.trace.contains(r#"data-group="p1""#));
            assert!(f.trace.contains(r#"<details class="statute">"#));
        }
    }

    #[test]
    fn scenario_text_is_escaped() {
        let (_, f) = page(
            "x.yaml",
            "name: \"<script>alert(1)</script>\"\ndate: 2005-01-01\noperation: un_peacekeeping\n\
             basis: {kind: organization_request, organization: \"<b>&\"}\n",
            Lang::En,
        );
        for html in [&f.summary, &f.trace, &f.history, &f.sources] {
            assert!(!html.contains("<script>"), "{html}");
            assert!(!html.contains("<b>"), "{html}");
        }
    }

    #[test]
    fn history_and_sources_come_from_the_handout() {
        let text = include_str!("../../scenarios/mfo-sinai-2019.yaml");
        let (_, f) = page("mfo.yaml", text, Lang::Ja);
        assert!(
            f.history.starts_with(r#"<figure class="timeline">"#),
            "{}",
            f.history
        );
        assert!(f.history.contains("事例の基準日"));
        assert!(f.sources.contains(r#"<li id="source-1""#), "{}", f.sources);
        assert!(f.trace.contains(r##"href="#source-1""##));
    }

    #[test]
    fn summary_shows_the_verdict_badge_and_meta() {
        let text = include_str!("../../scenarios/hypo-p1-no-ceasefire-1995.yaml");
        let (_, f) = page("p1.yaml", text, Lang::En);
        assert!(
            f.summary
                .contains(r#"<span class="badge v-not-eligible">✘ NOT ELIGIBLE</span>"#),
            "{}",
            f.summary
        );
        assert!(f.summary.contains(r#"<dl class="meta">"#));
        assert!(
            f.summary.contains("NOT ELIGIBLE (as expected)"),
            "{}",
            f.summary
        );
    }
}
