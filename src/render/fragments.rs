//! HTML fragments for the browser playground (`web/`): the verdict and what
//! follows it, the trace, and the history timeline of one evaluated scenario,
//! each a piece of markup the page inserts into its own layout and styles
//! with its own sheet. Written with maud, which escapes every spliced string
//! by construction.
//!
//! Test hooks the page's browser tests rely on: every rule of the trace has
//! exactly one element with `data-rule` and `data-outcome`; each trace group
//! carries `data-group` (`general`, `pillar`, `p1`…`p5`, `task`, `policy`,
//! `procedure`); each law version of the timeline is a `g` with `data-law`
//! and `data-verdict`.
//!
//! ```
//! use peacecoop::{Lang, RuleSet, render::fragments};
//! let rules = RuleSet::embedded()?;
//! let s = rules.parse_scenario(include_str!("../../scenarios/untac-1992.yaml"), "untac.yaml")?;
//! let report = rules.report(&s, &rules.evaluate(&s), Lang::En);
//! let trace = fragments::trace(&report, Lang::En);
//! assert!(trace.contains(r#"data-rule="ceasefire-agreement" data-outcome="pass""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::analysis::history::HistoryReport;
use crate::model::{Lang, Outcome, Verdict};
use crate::report::words::{self, words};
use crate::report::{Entry, Report};
use maud::{Markup, html};

/// The page's own words, beyond the report's.
struct Labels {
    law_version: &'static str,
    date: &'static str,
    not_as_expected: &'static str,
    missing: &'static str,
    advisories: &'static str,
    none: &'static str,
    notes: &'static str,
    unused: &'static str,
    history: &'static str,
    scenario_date: &'static str,
    before_the_act: &'static str,
    statute: &'static str,
}

const EN: Labels = Labels {
    law_version: "Law version",
    date: "Date",
    not_as_expected: "NOT as expected",
    missing: "Missing facts",
    advisories: "Advisories (policy, not decisive)",
    none: "None.",
    notes: "Notes",
    unused: "Given but not used for this operation:",
    history: "History across law versions",
    scenario_date: "scenario date",
    before_the_act: "before the Act",
    statute: "The statute's words",
};

const JA: Labels = Labels {
    law_version: "法の版",
    date: "基準日",
    not_as_expected: "想定と異なる",
    missing: "不明な事実",
    advisories: "注意事項（政策上の要件。判定を左右しない）",
    none: "なし。",
    notes: "注記",
    unused: "この活動では用いられない事実：",
    history: "法改正ごとの判定の推移",
    scenario_date: "事例の基準日",
    before_the_act: "法の施行前",
    statute: "条文",
};

fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Ja => &JA,
        _ => &EN,
    }
}

/// The class of a verdict's badge.
fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "v-eligible",
        Verdict::NotEligible => "v-not-eligible",
        Verdict::Undetermined => "v-undetermined",
    }
}

fn verdict_symbol(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "✔",
        Verdict::NotEligible => "✘",
        Verdict::Undetermined => "?",
    }
}

/// Prose with balanced `` `name` `` spans (fact names, values) as `<code>`.
fn prose(s: &str) -> Markup {
    let parts: Vec<&str> = s.split('`').collect();
    // An odd number of backticks: show the text as it is.
    let balanced = parts.len() % 2 == 1;
    html! {
        @if balanced {
            @for (i, p) in parts.iter().enumerate() {
                @if i % 2 == 1 { code { (p) } } @else { (p) }
            }
        } @else {
            (s)
        }
    }
}

/// How a rule's line is marked: its outcome, except a procedure that applies
/// (`needed`) and a policy that fails (`advisory`).
fn shown(e: &Entry) -> &'static str {
    match (e.kind.as_str(), e.outcome) {
        ("procedure", Outcome::Pass) => "needed",
        ("policy", Outcome::Fail) => "advisory",
        (_, o) => o.as_str(),
    }
}

/// A step or advisory: title, id, explanation, citations.
fn step_item(rule: &str, title: &str, explanation: &str, cites: &[String]) -> Markup {
    html! {
        li data-rule=(rule) {
            span.title { (title) } " " code { (rule) }
            p.expl { (prose(explanation)) }
            @if !cites.is_empty() { p.cite { (cites.join("; ")) } }
        }
    }
}

/// The verdict, its reason, the law version and date, then the missing
/// facts, the steps, the advisories and the notes.
pub fn summary(r: &Report, lang: Lang) -> String {
    let w = words(lang);
    let l = labels(lang);
    let colon = if lang == Lang::Ja { "：" } else { ":" };
    let depends: Vec<(String, String)> = r
        .depends_on_readings
        .iter()
        .map(|id| {
            let o = r.readings.0.iter().find(|(k, _)| k == id);
            (id.clone(), o.map(|(_, o)| o.clone()).unwrap_or_default())
        })
        .collect();
    let markup = html! {
        div.verdict {
            span.label { (w.verdict) }
            span.badge.(verdict_class(r.verdict)) {
                (verdict_symbol(r.verdict)) " " (words::verdict_word(lang, r.verdict))
            }
        }
        p.reason { span.label { (w.reason) (colon) } " " (prose(&r.reason)) }
        dl.meta {
            dt { (l.law_version) }
            dd {
                @match &r.law_version {
                    Some(v) => { (v.id) " (" (v.title) ")" },
                    None => { "— (" (l.before_the_act) ")" },
                }
            }
            dt { (l.date) }
            dd { (r.date) }
            @if !depends.is_empty() {
                dt { (w.reading) }
                dd.depends { (prose(&words::depends_on_readings(lang, &depends))) }
            }
            @if let Some(x) = r.expect {
                dt { (w.expect) }
                @if x == r.verdict {
                    dd { (x.as_str()) " (" (w.as_expected) ")" }
                } @else {
                    dd.mismatch { (x.as_str()) " (" (l.not_as_expected) ")" }
                }
            }
        }
        @if !r.missing.is_empty() {
            h2.h-part { (l.missing) }
            ul.missing { @for m in &r.missing { li { code { (m) } } } }
        }
        h2.h-part { (w.steps) }
        @if r.steps.is_empty() {
            p.none { (l.none) }
        } @else {
            ol.steps {
                @for s in &r.steps { (step_item(&s.rule, &s.title, &s.explanation, &s.cites)) }
            }
        }
        h2.h-part { (l.advisories) }
        @if r.advisories.is_empty() {
            p.none { (l.none) }
        } @else {
            ul.advisories {
                @for s in &r.advisories { (step_item(&s.rule, &s.title, &s.explanation, &s.cites)) }
            }
        }
        @if !r.notes.is_empty() || !r.unused.is_empty() {
            h2.h-part { (l.notes) }
            ul.notes {
                @for n in &r.notes { li { (prose(n)) } }
                @if !r.unused.is_empty() {
                    li {
                        (l.unused) " "
                        @for (i, u) in r.unused.iter().enumerate() {
                            @if i > 0 { ", " }
                            code { (u) }
                        }
                    }
                }
            }
        }
    };
    markup.into_string()
}

/// The `data-group` of a trace group: `p1`…`p5` for a principle, else the
/// kind of its rules.
fn group_key(r: &Report, rules: &[String]) -> String {
    match rules.first().and_then(|id| r.entry(id)) {
        Some(Entry {
            principle: Some(p), ..
        }) => format!("p{p}"),
        Some(e) => e.kind.clone(),
        None => String::new(),
    }
}

/// The trace grouped as in the report: rules that apply in full (with an
/// empty `details.statute` the page fills with the statute's words on
/// demand), those that do not apply or are not in force on one quiet line per
/// group, and the closing count.
pub fn trace(r: &Report, lang: Lang) -> String {
    let l = labels(lang);
    let quiet = [Outcome::NotApplicable, Outcome::NotInForce];
    let markup = html! {
        @for g in &r.groups {
            @let entries: Vec<&Entry> = g.rules.iter().filter_map(|id| r.entry(id)).collect();
            section.group data-group=(group_key(r, &g.rules)) {
                h3.h-group { (g.title) }
                @let main: Vec<&&Entry> = entries.iter().filter(|e| !quiet.contains(&e.outcome)).collect();
                @if !main.is_empty() {
                    ul.rules {
                        @for e in main {
                            @let o = shown(e);
                            li class={ "rule " (o) "-rule" } data-rule=(e.rule) data-outcome=(e.outcome.as_str()) {
                                span class={ "mk " (o) } { (marker(e, lang)) }
                                div {
                                    span.title { (e.title) } " " code { (e.rule) }
                                    p.expl { (prose(&e.explanation)) }
                                    @if !e.cites.is_empty() {
                                        p.cite { (e.cites.join("; ")) }
                                        details.statute { summary { (l.statute) } }
                                    }
                                }
                            }
                        }
                    }
                }
                @for o in quiet {
                    @let q: Vec<&&Entry> = entries.iter().filter(|e| e.outcome == o).collect();
                    @if !q.is_empty() {
                        p.quiet {
                            span.mk { (words::marker(lang, o)) ":" } " "
                            @for (i, e) in q.iter().enumerate() {
                                @if i > 0 { "; " }
                                span.rule-q data-rule=(e.rule) data-outcome=(o.as_str()) title=(e.explanation) {
                                    (e.title) " " code { (e.rule) }
                                }
                            }
                        }
                    }
                }
            }
        }
        p.counts { (super::text::counts(r, lang)) }
    };
    markup.into_string()
}

/// The marker of a rule's line, readable without colour.
fn marker(e: &Entry, lang: Lang) -> &'static str {
    super::text::marker(e, lang).0
}

/// The scenario's verdict under every law version, as an SVG timeline (the
/// version in force on the scenario's date marked), with a caption.
pub fn history(r: &Report, h: &HistoryReport, lang: Lang) -> String {
    let l = labels(lang);
    let n = h.versions.len().max(1);
    let width = 1000.0;
    let col = (width - 20.0) / n as f64;
    let most = h.versions.iter().map(|v| v.failed.len()).max().unwrap_or(0);
    let height = 206.0 + most.min(4) as f64 * 22.0;
    let colour = |v: Verdict| match v {
        Verdict::Eligible => "#1b5e20",
        Verdict::NotEligible => "#b71c1c",
        Verdict::Undetermined => "#7a4a00",
    };
    // A cell of 16-unit text is about 8.5 units wide (a wide character two cells).
    let room = ((col - 24.0) / 8.5).max(4.0) as usize;
    let title = |id: &str| {
        r.entry(id)
            .map_or_else(|| shorten(id, room), |e| shorten(&e.title, room))
    };
    let caption = match lang {
        Lang::Ja => format!(
            "各版はその施行日の時点で適用した。印を付けた版が事例の基準日 ({}) に適用される。",
            r.date
        ),
        _ => format!(
            "Each law version is applied as of its first day; the one marked applies on the scenario's date ({}).",
            r.date
        ),
    };
    let markup = html! {
        figure.timeline {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (width) " " (height) } role="img" aria-label=(l.history) font-family="inherit" {
                title { (l.history) }
                @for (i, v) in h.versions.iter().enumerate() {
                    @if v.current {
                        rect x=(10.0 + i as f64 * col + 4.0) y="4" width=(col - 8.0) height=(height - 8.0) rx="12" fill="#eef2fb" stroke="#333" stroke-width="2" stroke-dasharray="8 5" {}
                        text x=(10.0 + i as f64 * col + col / 2.0) y="26" text-anchor="middle" font-size="16" font-style="italic" fill="#222" {
                            "▼ " (l.scenario_date) " " (r.date)
                        }
                    }
                }
                line x1=(10.0 + col / 2.0) y1="122" x2=(width - 30.0) y2="122" stroke="#333" stroke-width="5" {}
                polygon points={ (width - 14.0) ",122 " (width - 32.0) ",112 " (width - 32.0) ",132" } fill="#333" {}
                @for (i, v) in h.versions.iter().enumerate() {
                    @let x = 10.0 + i as f64 * col + col / 2.0;
                    @let left = x - col / 2.0 + 14.0;
                    g data-law=(v.law_version.id) data-verdict=(v.verdict.as_str()) {
                        text x=(x) y="62" text-anchor="middle" font-size="30" font-weight="700" fill="#111" { (v.law_version.id) }
                        text x=(x) y="86" text-anchor="middle" font-size="17" fill="#333" { (v.law_version.in_force_from) }
                        circle cx=(x) cy="122" r="20" fill=(colour(v.verdict)) stroke="#fff" stroke-width="3" {}
                        text x=(x) y="129" text-anchor="middle" font-size="20" font-weight="700" fill="#fff" { (verdict_symbol(v.verdict)) }
                        text x=(x) y="176" text-anchor="middle" font-size="19" font-weight="800" fill=(colour(v.verdict)) { (words::verdict_word(lang, v.verdict)) }
                        @for (k, id) in v.failed.iter().take(4).enumerate() {
                            text x=(left) y=(202 + 22 * k) font-size="16" fill="#222" {
                                title { (id) } "✘ " (title(id))
                            }
                        }
                        @if v.failed.len() > 4 {
                            text x=(left) y="290" font-size="16" fill="#222" { "+" (v.failed.len() - 4) }
                        }
                    }
                }
            }
            figcaption { (caption) }
        }
    };
    markup.into_string()
}

/// `s` cut to about `cells` display cells, with an ellipsis.
fn shorten(s: &str, cells: usize) -> String {
    let mut room = cells;
    let mut out = String::new();
    for c in s.chars() {
        let w = crate::report::width::cells(c.encode_utf8(&mut [0; 4]));
        if w > room {
            out.pop();
            out.push('…');
            return out;
        }
        room -= w;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;

    fn report(file: &str, text: &str, lang: Lang) -> (Report, HistoryReport) {
        let rules = RuleSet::embedded().expect("embedded rules");
        let s = rules.parse_scenario(text, file).expect("scenario");
        let r = rules.report(&s, &rules.evaluate(&s), lang);
        (r, rules.history(&s, lang))
    }

    #[test]
    fn every_rule_has_one_element_with_its_outcome() {
        let text = include_str!("../../scenarios/hypo-p1-no-ceasefire-1995.yaml");
        for lang in Lang::ALL {
            let (r, _) = report("p1.yaml", text, lang);
            let html = trace(&r, lang);
            for e in &r.trace {
                let hook = format!(
                    r#"data-rule="{}" data-outcome="{}""#,
                    e.rule,
                    e.outcome.as_str()
                );
                assert_eq!(html.matches(&hook).count(), 1, "{hook}");
            }
            assert_eq!(html.matches("data-rule=").count(), r.trace.len());
            assert!(html.contains(r#"data-group="p1""#));
        }
    }

    #[test]
    fn scenario_text_is_escaped() {
        let (r, h) = report(
            "x.yaml",
            "name: \"<script>alert(1)</script>\"\ndate: 2005-01-01\noperation: un_peacekeeping\n\
             basis: {kind: organization_request, organization: \"<b>&\"}\n",
            Lang::En,
        );
        for html in [
            summary(&r, Lang::En),
            trace(&r, Lang::En),
            history(&r, &h, Lang::En),
        ] {
            assert!(!html.contains("<script>"), "{html}");
            assert!(!html.contains("<b>"), "{html}");
        }
    }

    #[test]
    fn history_marks_each_law_version() {
        let text = include_str!("../../scenarios/mfo-sinai-2019.yaml");
        let (r, h) = report("mfo.yaml", text, Lang::Ja);
        let svg = history(&r, &h, Lang::Ja);
        assert_eq!(svg.matches("data-law=").count(), h.versions.len());
        assert!(svg.contains(r#"data-verdict="eligible""#));
        assert!(svg.contains("事例の基準日"));
    }

    #[test]
    fn summary_shows_the_verdict_badge_and_code_spans() {
        let text = include_str!("../../scenarios/hypo-p1-no-ceasefire-1995.yaml");
        let (r, _) = report("p1.yaml", text, Lang::En);
        let html = summary(&r, Lang::En);
        assert!(html.contains(r#"<span class="badge v-not-eligible">✘ NOT ELIGIBLE</span>"#));
        assert!(html.contains(r#"<dl class="meta">"#));
    }
}
