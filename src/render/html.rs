//! The classroom handout as one self-contained HTML5 page (`--format html`),
//! written with [maud](https://maud.lambda.xyz), which escapes every spliced
//! string by construction: inline style only, no scripts, fonts, images or
//! links to anything outside the file.
//!
//! Projected, it reads from the back of a room (large type, high contrast,
//! the verdict in a badge that carries a word and a symbol, not colour
//! alone). Printed on A4, each scenario starts on a new page, and its first
//! page holds its verdict, reason, the rules that decide, the steps, the
//! advisories and its history across law versions as an inline SVG
//! timeline; the full trace follows as an appendix (left out with `brief`).
//! A first page that would not fit is set smaller in print, by steps, from an
//! estimate of its printed height (see `print_height`). Several scenarios
//! open with a summary table, followed on the same page by the first
//! scenario unless the table fills half a page. The sources cited and the
//! disclaimer close the document.

#![cfg(feature = "html")]

use super::handout::{
    GroupView, HistoryView, Mark, Plan, RuleView, Sheet, plain, spans, verdict_symbol,
};
use crate::analysis::history::HistoryReport;
use crate::model::{Lang, Outcome, Verdict};
use crate::report::width::cells;
use crate::report::words;
use crate::report::{HandoutContext, Report};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The HTML handout of one or several evaluated scenarios, as one page; with
/// `brief` each scenario's full trace is left out.
pub fn handout(
    ctx: &HandoutContext,
    sheets: &[(Report, Option<HistoryReport>)],
    brief: bool,
) -> String {
    let plan = Plan::new(ctx, sheets, brief);
    let several = plan.sheets.len() != 1;
    let body_class = if plan.sheets.len() == 1 {
        density(&plan, 0)
    } else {
        None
    };
    let page = html! {
        (DOCTYPE)
        html lang=(plan.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (t(doc_title(&plan))) }
                style { (PreEscaped(STYLE)) }
            }
            body class=[body_class] {
                @if several {
                    header.doc.alone[summary_alone(&plan)] {
                        h1.h-doc { (t(plan.doc_title())) }
                        @if !plan.ctx.act.is_empty() { p.act { (t(&plan.ctx.act)) } }
                        @if !plan.sheets.is_empty() { (summary(&plan)) }
                    }
                }
                @for k in 0..plan.sheets.len() { (scenario(&plan, k, if several { 2 } else { 1 })) }
                (sources(&plan))
                footer {
                    @let about = about(&plan, several);
                    @if !about.is_empty() { p.about { (about) } }
                    @if !plan.ctx.disclaimer.is_empty() { p.disclaimer { (t(&plan.ctx.disclaimer)) } }
                }
            }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    out
}

/// The closing line before the disclaimer: the ruleset's title and law (of a
/// handout of one scenario; several have them at the top), and what a brief
/// handout leaves out.
fn about(plan: &Plan, several: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !several {
        parts.extend(
            [&plan.ctx.title, &plan.ctx.act]
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .map(|t| plain(t).into_owned()),
        );
    }
    let mut out = parts.join(" — ");
    if plan.brief && !plan.sheets.is_empty() {
        if !out.is_empty() {
            out.push_str(if plan.lang == Lang::Ja { "。" } else { ". " });
        }
        out.push_str(plan.x.brief_note);
    }
    out
}

/// The document's title: the scenario's name alone, else the ruleset's title.
fn doc_title<'a>(plan: &Plan<'a>) -> &'a str {
    match plan.sheets.as_slice() {
        [one] => &one.report.scenario.name,
        _ => plan.doc_title(),
    }
}

/// A label's colon ("Reason: " / "理由：").
pub(crate) fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "：",
        _ => ": ",
    }
}

/// A class name of a verdict.
pub(crate) fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "v-eligible",
        Verdict::NotEligible => "v-not-eligible",
        Verdict::Undetermined => "v-undetermined",
    }
}

/// A class name of a rule's mark.
pub(crate) fn mark_class(m: Mark) -> &'static str {
    match m {
        Mark::Pass => "pass",
        Mark::Fail => "fail",
        Mark::Undetermined => "undetermined",
        Mark::NotApplicable => "na",
        Mark::NotInForce => "nif",
        Mark::Needed => "needed",
        Mark::Advisory => "advisory",
    }
}

/// A text from a scenario or rule file, on one line and visible (maud escapes it).
pub(crate) fn t(s: &str) -> std::borrow::Cow<'_, str> {
    plain(s)
}

/// Prose with balanced `` `name` `` spans, such as fact names, as `<code>`.
pub(crate) fn prose(s: &str) -> Markup {
    html! {
        @for (code, part) in spans(s) {
            @if code { code { (t(part)) } } @else { (t(part)) }
        }
    }
}

/// A heading of `level` (1 to 6) with a class.
fn heading(level: usize, class: &str, id: Option<String>, content: Markup) -> Markup {
    match level {
        1 => html! { h1 class=(class) id=[id] { (content) } },
        2 => html! { h2 class=(class) id=[id] { (content) } },
        3 => html! { h3 class=(class) id=[id] { (content) } },
        4 => html! { h4 class=(class) id=[id] { (content) } },
        5 => html! { h5 class=(class) id=[id] { (content) } },
        _ => html! { h6 class=(class) id=[id] { (content) } },
    }
}

/// The verdict as a badge: symbol and word, coloured.
pub(crate) fn badge(v: Verdict, lang: Lang, small: bool) -> Markup {
    html! {
        span.badge.(verdict_class(v)).small[small] {
            (verdict_symbol(v)) " " (words::verdict_word(lang, v))
        }
    }
}

fn summary(plan: &Plan) -> Markup {
    let (w, x) = (plan.w, plan.x);
    html! {
        section.summary {
            h2.h-part { (x.summary) }
            table.summary {
                thead { tr {
                    th.num { "#" } th { (x.scenario) } th { (x.date) } th { (x.law_version) } th { (w.verdict) }
                } }
                tbody {
                    @for s in &plan.sheets {
                        @let n = s.number.unwrap_or(1);
                        tr {
                            td.num { (n) }
                            td { a href={ "#scenario-" (n) } { (t(&s.report.scenario.name)) } }
                            td.date { (t(&s.report.date)) }
                            td { (t(&s.law)) }
                            td { (badge(s.report.verdict, plan.lang, true)) }
                        }
                    }
                }
            }
        }
    }
}

/// A label with its colon.
fn label(plan: &Plan, text: &str) -> Markup {
    html! { span.label { (text) (colon(plan.lang)) } }
}

/// The print scales a scenario may be set at (of the print font size), the
/// first that fits one A4 page being chosen, and their class names.
const SCALES: [(f64, Option<&str>); 4] = [
    (1.0, None),
    (0.91, Some("dense")),
    (0.83, Some("denser")),
    (0.76, Some("densest")),
];

/// A4 in print: the page's height and width inside the margins, in mm.
const PAGE_MM: f64 = 297.0 - 24.0;
const WIDTH_MM: f64 = 210.0 - 26.0;
/// The print font size (10.5pt) in mm.
const FONT_MM: f64 = 10.5 * 25.4 / 72.0;
/// The share of the page an estimate may fill. Measured in Chromium on the
/// shipped and the coming rules (both languages, every scenario), the
/// estimate runs 5-10% over the printed height; a page overflowed only past
/// an estimate of 288 mm.
const FILL: f64 = 1.0;

/// Estimates the printed height of text from its display width (a wide
/// character takes two cells; a cell is about half an em).
struct Ruler {
    scale: f64,
    line: f64,
}

impl Ruler {
    fn new(lang: Lang, scale: f64) -> Ruler {
        let line = if lang == Lang::Ja { 1.45 } else { 1.35 };
        Ruler { scale, line }
    }
    /// One em of text at `em` times the print size, in mm.
    fn em(&self, em: f64) -> f64 {
        FONT_MM * self.scale * em
    }
    /// A paragraph of `cells` cells at `em`, `indent` mm narrower than the page.
    fn para(&self, cells: usize, em: f64, indent: f64) -> f64 {
        self.para_lh(cells, em, indent, self.line)
    }
    fn para_lh(&self, cells: usize, em: f64, indent: f64, line: f64) -> f64 {
        let per_line = ((WIDTH_MM - indent) / (self.em(em) * 0.52)).max(1.0);
        let lines = (cells as f64 / per_line).ceil().max(1.0);
        lines * self.em(em) * line
    }
    /// A part heading with its rule and margins.
    fn part(&self) -> f64 {
        self.em(1.15) * (1.2 + 1.2) + 0.6
    }
    /// One rule in full: heading line, explanation and citations.
    fn rule(&self, v: &RuleView, lang: Lang, indent: f64) -> f64 {
        let head = cells(v.mark.word(lang)) + cells(v.title) + cells(v.id) * 4 / 5 + 3;
        let cite = cells(&v.cites.join("; ")) + v.refs.len() * 4;
        self.para(head, 1.0, indent)
            + if v.explanation.is_empty() {
                0.0
            } else {
                self.para(cells(v.explanation), 1.0, indent)
            }
            + if cite == 0 {
                0.0
            } else {
                self.para(cite, 0.8, indent)
            }
            + self.em(0.45)
    }
}

/// The estimated printed height, in mm at `scale`, of a scenario's first
/// page and what shares its page (the summary before the first scenario;
/// the sources and the closing lines after the last).
fn print_height(plan: &Plan, k: usize, scale: f64) -> f64 {
    let s = &plan.sheets[k];
    let r = s.report;
    let lang = plan.lang;
    let several = plan.sheets.len() != 1;
    let m = Ruler::new(lang, scale);
    let mut h = 0.0;
    if several && k == 0 && !summary_alone(plan) {
        h += summary_height(plan);
    }
    h += m.para_lh(cells(&r.scenario.name) + 4, 1.6, 0.0, 1.2) * 1.08 + m.em(0.65);
    h += m.em(1.4 * 1.35 + 0.35) + 1.6 + m.em(0.9);
    h += m.para(cells(&r.reason) + 8, 1.1, 0.0) + m.em(0.8);
    if let Some(d) = &s.depends {
        h += m.para(cells(d) + 8, 1.0, 5.0) + m.em(1.1);
    }
    let meta = s.expect.as_ref().map_or(0, |(t, _)| cells(t) + 8)
        + r.scenario.file.as_deref().map_or(0, |f| cells(f) + 12);
    if meta > 0 {
        h += m.para(meta, 0.9, 0.0) + m.em(0.4);
    }
    if !r.missing.is_empty() {
        h += m.para(
            r.missing.iter().map(|f| cells(f) + 2).sum::<usize>() + 10,
            0.9,
            0.0,
        ) + m.em(0.4);
    }
    for n in &s.notes {
        h += m.para(cells(n) + 6, 0.9, 0.0) + m.em(0.4);
    }
    if !s.deciding.is_empty() {
        h += m.part() + s.deciding.iter().map(|v| m.rule(v, lang, 0.0)).sum::<f64>();
    }
    for list in [&s.steps, &s.advisories] {
        if !list.is_empty() {
            let indent = m.em(1.6);
            h += m.part() + list.iter().map(|v| m.rule(v, lang, indent)).sum::<f64>();
        }
    }
    if !s.history.is_empty() {
        // The timeline is drawn at the page's width times the scale.
        let svg = timeline_rows(s).height as f64 / TIMELINE_WIDTH * WIDTH_MM * scale;
        h += m.part() + svg + m.para(cells(plan.x.history_note) + 14, 0.8, 0.0) + m.em(0.5);
    }
    if k + 1 == plan.sheets.len() {
        // The sources and the footer follow the last scenario; scaled with it only when alone.
        let m = if several { Ruler::new(lang, 1.0) } else { m };
        if !plan.sources.is_empty() {
            let em = 0.85 * 0.8;
            let column = (WIDTH_MM - 7.0) / 2.0;
            let entries: Vec<f64> = plan
                .sources
                .iter()
                .map(|c| {
                    let text = cells(c.id) * 4 / 5
                        + c.info.map_or(20, |i| {
                            cells(&i.title) + i.url.as_deref().map_or(0, |u| cells(u) * 4 / 5 + 1)
                        })
                        + 4;
                    m.para(text, em, WIDTH_MM - column + m.em(2.0 * em)) + m.em(0.15 * em)
                })
                .collect();
            let sum: f64 = entries.iter().sum();
            let tallest = entries.iter().copied().fold(0.0, f64::max);
            h += m.em(1.0) + m.part();
            h += (sum / 2.0).max(tallest) + tallest / 2.0;
        }
        h += m.em(0.8);
        let about = about(plan, several);
        if !about.is_empty() {
            h += m.para(cells(&about), 0.8, 0.0) + m.em(0.3);
        }
        if !plan.ctx.disclaimer.is_empty() {
            h += m.para(cells(&plan.ctx.disclaimer), 0.8, 0.0) + m.em(0.3);
        }
    }
    h
}

/// The estimated printed height, in mm, of the title and summary table of a
/// handout of several scenarios.
fn summary_height(plan: &Plan) -> f64 {
    let m = Ruler::new(plan.lang, 1.0);
    let mut h = m.para_lh(cells(plan.doc_title()), 1.7, 0.0, 1.2) + m.em(1.0);
    h += m.para(cells(&plan.ctx.act), 0.9, 0.0) + m.em(0.5);
    h += m.part();
    h += m.para(20, 1.0, 0.0) + m.em(0.6);
    for o in &plan.sheets {
        h += m
            .para(cells(&o.report.scenario.name), 1.0, 120.0)
            .max(m.em(1.6))
            + m.em(0.6);
    }
    h + m.em(1.0)
}

/// Whether the summary fills more than about half a page (the estimate runs
/// about 10% over): it then has its page(s) to itself; a shorter one is
/// followed on its page by the first scenario.
fn summary_alone(plan: &Plan) -> bool {
    plan.sheets.len() > 1 && summary_height(plan) > PAGE_MM * 0.6
}

/// The print class of a scenario: the first scale whose estimate fits a page.
fn density(plan: &Plan, k: usize) -> Option<&'static str> {
    SCALES
        .iter()
        .find(|(scale, _)| print_height(plan, k, *scale) <= PAGE_MM * FILL)
        .map_or(SCALES[SCALES.len() - 1].1, |(_, class)| *class)
}

fn scenario(plan: &Plan, k: usize, level: usize) -> Markup {
    let s = &plan.sheets[k];
    let (lang, w, x) = (plan.lang, plan.w, plan.x);
    let r = s.report;
    let id = s.number.map(|n| format!("scenario-{n}"));
    // A handout of one scenario sets its whole page at the scale chosen.
    let density = if s.number.is_some() {
        density(plan, k)
    } else {
        None
    };
    html! {
        article.scenario.(density.unwrap_or_default()) id=[id] {
            div.first {
                (heading(level, "h-name", None, html! {
                    @if let Some(n) = s.number { (n) ". " }
                    (t(&r.scenario.name))
                }))
                div.verdict {
                    (label(plan, w.verdict))
                    (badge(r.verdict, lang, false))
                    span.law {
                        (t(&s.law)) " · " (x.date) (colon(plan.lang)) (t(&r.date))
                    }
                }
                p.reason { (label(plan, w.reason)) (prose(&r.reason)) }
                @if let Some(d) = &s.depends {
                    p.depends { (label(plan, w.reading)) (prose(d)) }
                }
                @let file = r.scenario.file.as_deref();
                @if file.is_some() || s.expect.is_some() {
                    p.meta {
                        @if let Some((text, ok)) = &s.expect {
                            span.item.mismatch[!ok] { (label(plan, w.expect)) (t(text)) }
                        }
                        @if let Some(f) = file { span.item.file { (label(plan, x.file)) (t(f)) } }
                    }
                }
                @if !r.missing.is_empty() {
                    p.missing {
                        (label(plan, w.missing))
                        @for (k, m) in r.missing.iter().enumerate() { @if k > 0 { ", " } code { (t(m)) } }
                    }
                }
                @for note in &s.notes { p.note { (label(plan, w.note)) (prose(note)) } }
                @if !s.deciding.is_empty() {
                    section.part {
                        (heading(level + 1, "h-part", None, html! { (w.deciding_rules) }))
                        ul.rules.first { @for v in &s.deciding { (rule_item(plan, v, true)) } }
                    }
                }
                @if !s.steps.is_empty() {
                    section.part {
                        (heading(level + 1, "h-part", None, html! { (w.steps) }))
                        (list(&s.steps, true))
                    }
                }
                @if !s.advisories.is_empty() {
                    section.part {
                        (heading(level + 1, "h-part", None, html! { (x.advisories) }))
                        (list(&s.advisories, false))
                    }
                }
                @if !s.history.is_empty() {
                    section.part.history {
                        (heading(level + 1, "h-part", None, html! { (x.history) }))
                        (timeline(plan, s))
                    }
                }
            }
            @if let Some(groups) = &s.appendix {
                section.appendix {
                    (heading(level + 1, "h-part h-appendix", None, html! {
                        @if let Some(n) = s.number { (n) ". " }
                        (t(&r.scenario.name)) " — " (x.appendix)
                    }))
                    @for g in groups { (trace_group(plan, g, level + 2)) }
                    @if let Some(c) = &s.counts { p.counts { (t(c)) } }
                }
            }
        }
    }
}

/// The source numbers of a rule, each a link to its entry in the list.
pub(crate) fn refs(numbers: &[usize]) -> Markup {
    html! {
        @if !numbers.is_empty() {
            " "
            span.refs {
                "["
                @for (k, n) in numbers.iter().enumerate() {
                    @if k > 0 { ", " }
                    a href={ "#source-" (n) } { (n) }
                }
                "]"
            }
        }
    }
}

/// A rule's explanation, citations and sources.
pub(crate) fn body(v: &RuleView) -> Markup {
    html! {
        @if !v.explanation.is_empty() { p.expl { (prose(v.explanation)) } }
        @if !v.cites.is_empty() || !v.refs.is_empty() {
            p.cite { (t(&v.cites.join("; "))) (refs(&v.refs)) }
        }
    }
}

/// One rule in full: marker, title and id, explanation and citations; the
/// marker in a column of its own (the appendix) or `inline` before the title.
fn rule_item(plan: &Plan, v: &RuleView, inline: bool) -> Markup {
    let class = mark_class(v.mark);
    html! {
        @if inline {
            li.rule.inline {
                span.mk.(class) { (v.mark.word(plan.lang)) } " "
                span.title { (t(v.title)) } " " code.id { (t(v.id)) }
                (body(v))
            }
        } @else {
            li.rule {
                span.mk.(class) { (v.mark.word(plan.lang)) }
                div {
                    span.title { (t(v.title)) } " " code.id { (t(v.id)) }
                    (body(v))
                }
            }
        }
    }
}

/// The steps (numbered) or advisories (bulleted).
pub(crate) fn list(rules: &[RuleView], numbered: bool) -> Markup {
    let items = html! {
        @for v in rules {
            li { span.title { (t(v.title)) } " " code.id { (t(v.id)) } (body(v)) }
        }
    };
    html! {
        @if numbered { ol.steps { (items) } } @else { ul.advisories { (items) } }
    }
}

fn trace_group(plan: &Plan, g: &GroupView, level: usize) -> Markup {
    let lang = plan.lang;
    html! {
        section.group {
            @if let Some(title) = g.title {
                (heading(level, "h-group", None, html! { (t(title)) }))
            }
            @if !g.shown.is_empty() {
                ul.rules { @for v in &g.shown { (rule_item(plan, v, false)) } }
            }
            @for (entries, o) in [(&g.not_applicable, Outcome::NotApplicable), (&g.not_in_force, Outcome::NotInForce)] {
                @if !entries.is_empty() {
                    p.quiet {
                        span.mk { (words::marker(lang, o)) (colon(plan.lang)) }
                        @for (k, e) in entries.iter().enumerate() {
                            @if k > 0 { "; " }
                            (t(&e.title)) " " code.id { (t(&e.rule)) }
                        }
                    }
                }
            }
        }
    }
}

/// The sources cited, numbered, with title and address (as text, never a link).
pub(crate) fn sources(plan: &Plan) -> Markup {
    let x = plan.x;
    html! {
        @if !plan.sources.is_empty() {
            section.sources {
                h2.h-part { (x.sources) }
                ol.sources {
                    @for c in &plan.sources {
                        li id={ "source-" (c.number) } value=(c.number) {
                            code.id { (t(c.id)) }
                            @match c.info {
                                Some(info) => {
                                    " — " (t(&info.title))
                                    @if let Some(url) = &info.url { " " span.url { (t(url)) } }
                                }
                                None => { " — " em { (x.unlisted_source) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Wraps `s` to lines of at most `max` cells, at spaces and after hyphens,
/// or anywhere in East Asian text and in words longer than a line.
fn wrap(s: &str, max: usize) -> Vec<String> {
    let wide = |c: char| cells(c.encode_utf8(&mut [0; 4])) > 1;
    // Tokens: a word (up to a hyphen) with its trailing spaces, or one wide character.
    let mut tokens: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if wide(c) {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            tokens.push(c.to_string());
        } else {
            if !c.is_whitespace() && (cur.ends_with(char::is_whitespace) || cur.ends_with('-')) {
                tokens.push(std::mem::take(&mut cur));
            }
            cur.push(if c.is_whitespace() { ' ' } else { c });
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for tok in tokens {
        if cells(&line) + cells(tok.trim_end()) > max && !line.trim().is_empty() {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        for c in tok.chars() {
            if cells(&line) + cells(c.encode_utf8(&mut [0; 4])) > max && !c.is_whitespace() {
                lines.push(line.trim_end().to_owned());
                line.clear();
            }
            if !(line.is_empty() && c.is_whitespace()) {
                line.push(c);
            }
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

fn verdict_colour(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "#1b5e20",
        Verdict::NotEligible => "#b71c1c",
        Verdict::Undetermined => "#7a4a00",
    }
}

/// The most lines of failing rules a timeline column shows by title; past
/// that it shows rule ids, one a line.
const MAX_TITLE_LINES: usize = 4;

/// The lines naming the failing rules of each timeline column (text, whether
/// it starts a rule, tooltip), and the timeline's height in SVG units.
struct TimelineRows {
    columns: Vec<Vec<(String, bool, String)>>,
    height: usize,
}

/// The timeline's width in SVG units.
const TIMELINE_WIDTH: f64 = 1000.0;
/// A line of the failing rules, in SVG units.
const TIMELINE_LINE: usize = 21;

fn timeline_rows(s: &Sheet) -> TimelineRows {
    let col = TIMELINE_WIDTH / s.history.len().max(1) as f64;
    let max_cells = ((col - 40.0) / 8.2).max(8.0) as usize;
    let lines_of = |by_title: bool| -> Vec<Vec<(String, bool, String)>> {
        s.history
            .iter()
            .map(|h: &HistoryView<'_>| {
                h.failed
                    .iter()
                    .flat_map(|(id, title)| {
                        let (shown, tip) = if by_title { (title, id) } else { (id, title) };
                        let tip = plain(tip).into_owned();
                        wrap(&plain(shown), max_cells)
                            .into_iter()
                            .enumerate()
                            .map(move |(k, l)| (l, k == 0, tip.clone()))
                    })
                    .collect()
            })
            .collect()
    };
    let mut columns = lines_of(true);
    if columns.iter().map(Vec::len).max().unwrap_or(0) > MAX_TITLE_LINES {
        columns = lines_of(false);
    }
    let lines = columns.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let height = TIMELINE_LIST_TOP + (lines - 1) * TIMELINE_LINE + 12;
    TimelineRows { columns, height }
}

/// Where the timeline's parts sit, in SVG units from the top.
const TIMELINE_TOP: usize = 24;
const TIMELINE_AXIS: usize = TIMELINE_TOP + 60;
const TIMELINE_LIST_TOP: usize = TIMELINE_AXIS + 64;

/// The scenario's history across law versions as an inline SVG timeline.
pub(crate) fn timeline(plan: &Plan, s: &Sheet) -> Markup {
    const WIDTH: f64 = TIMELINE_WIDTH;
    const LINE_H: usize = TIMELINE_LINE;
    let x = plan.x;
    let col = WIDTH / s.history.len().max(1) as f64;
    let TimelineRows {
        columns: failing,
        height,
    } = timeline_rows(s);
    let (top, axis, list_top) = (TIMELINE_TOP, TIMELINE_AXIS, TIMELINE_LIST_TOP);
    let name = plain(&s.report.scenario.name);
    let aria = format!("{}: {name}", x.history);
    html! {
        figure.timeline {
            svg viewBox={ "0 0 " (WIDTH) " " (height) } role="img" aria-label=(aria) font-family="inherit" {
                title { (aria) }
                @for (k, h) in s.history.iter().enumerate() {
                    @if h.current {
                        rect x=(format!("{:.1}", col * k as f64 + 6.0)) y="3" width=(format!("{:.1}", col - 12.0))
                            height=(height - 6) rx="12" fill="#eef2fb" stroke="#333" stroke-width="2"
                            stroke-dasharray="8 5" {}
                        text x=(format!("{:.1}", col * (k as f64 + 0.5))) y=(top - 2) text-anchor="middle"
                            font-size="16" font-style="italic" fill="#222" {
                            "▼ " (x.this_date) " " (t(&s.report.date))
                        }
                    }
                }
                line x1=(format!("{:.1}", col / 2.0)) y1=(axis) x2=(format!("{:.1}", WIDTH - 30.0)) y2=(axis)
                    stroke="#333" stroke-width="5" {}
                polygon points=(format!("{:.1},{axis} {:.1},{} {:.1},{}", WIDTH - 12.0, WIDTH - 30.0, axis - 10, WIDTH - 30.0, axis + 10))
                    fill="#333" {}
                @for (k, h) in s.history.iter().enumerate() {
                    @let cx = format!("{:.1}", col * (k as f64 + 0.5));
                    @let colour = verdict_colour(h.verdict);
                    g {
                        text x=(cx) y=(top + 28) text-anchor="middle" fill="#111" {
                            title { (t(h.title)) }
                            tspan font-size="28" font-weight="700" { (t(h.id)) }
                            tspan font-size="16" fill="#333" dx="10" { (t(h.from)) }
                        }
                        circle cx=(cx) cy=(axis) r="18" fill=(colour) stroke="#fff" stroke-width="3" {}
                        text x=(cx) y=(axis + 7) text-anchor="middle" font-size="20" font-weight="700" fill="#fff" {
                            (verdict_symbol(h.verdict))
                        }
                        text x=(cx) y=(axis + 42) text-anchor="middle" font-size="18" font-weight="800" fill=(colour) {
                            (words::verdict_word(plan.lang, h.verdict))
                        }
                        @if failing[k].is_empty() {
                            text x=(cx) y=(list_top) text-anchor="middle" font-size="16" fill="#444" { "—" }
                        }
                        @for (j, (line, first, tip)) in failing[k].iter().enumerate() {
                            @let left = col * k as f64 + if *first { 18.0 } else { 36.0 };
                            text x=(format!("{left:.1}")) y=(list_top + j * LINE_H) font-size="16" fill="#222" {
                                title { (tip) }
                                @if *first { "✘ " }
                                (line)
                            }
                        }
                    }
                }
            }
            figcaption { (plan.history_note(&plain(&s.report.date))) }
        }
    }
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: 20px; -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 64em; padding: 1.5em 2em 3em;
  color: #111; background: #fff; line-height: 1.45;
  font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans",
    "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic",
    YuGothic, Meiryo, sans-serif;
}
html:lang(ja) body {
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Yu Gothic", YuGothic, Meiryo, "Noto Sans", Arial, sans-serif;
  line-height: 1.6; line-break: strict; word-break: normal; overflow-wrap: anywhere;
}
code, .id, .url {
  font-family: "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK JP", monospace;
  font-size: .8em; color: #333; overflow-wrap: anywhere;
}
.url { word-break: break-all; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
.h-doc { font-size: 1.9em; line-height: 1.2; margin: 0 0 .2em; }
.act { color: #333; margin: 0 0 .6em; font-size: .9em; }
.h-name { font-size: 1.8em; line-height: 1.2; margin: 0 0 .4em; overflow-wrap: anywhere; }
.h-part {
  font-size: 1.15em; margin: 1.1em 0 .4em; padding-bottom: .1em; border-bottom: 2px solid #333;
}
.h-group { font-size: 1.05em; margin: 1em 0 .2em; }
.label { font-weight: 700; }
.verdict { display: flex; flex-wrap: wrap; align-items: center; gap: .3em 1em; margin: .5em 0 .4em; }
.verdict > .label { font-size: 1.2em; }
.verdict .law { color: #333; }
.badge {
  display: inline-block; padding: .1em .8em; border: 3px solid; border-radius: .4em;
  font-weight: 800; font-size: 1.4em; letter-spacing: .02em; color: #fff; white-space: nowrap;
}
.badge.small { font-size: .85em; padding: .02em .45em; border-width: 2px; }
.badge.v-eligible { background: #1b5e20; border-color: #1b5e20; }
.badge.v-not-eligible { background: #b71c1c; border-color: #b71c1c; }
.badge.v-undetermined { background: #7a4a00; border-color: #7a4a00; }
.reason { font-size: 1.1em; margin: .2em 0 .5em; }
.depends { margin: .2em 0 .5em; padding: .2em .6em; border-left: 4px solid #7a4a00; }
p.meta, p.missing, p.note { margin: .15em 0 .3em; font-size: .9em; overflow-wrap: anywhere; }
p.meta .item + .item::before { content: " · "; font-weight: 400; }
p.meta .mismatch { color: #b71c1c; font-weight: 700; }
ol.steps, ul.advisories { margin: 0 0 .4em; padding-left: 1.6em; }
ol.steps li, ul.advisories li { margin: 0 0 .4em; break-inside: avoid; }
ul.rules { list-style: none; margin: 0; padding: 0; }
li.rule {
  display: grid; grid-template-columns: 7.5em 1fr; gap: 0 .8em;
  padding: .3em 0; border-top: 1px solid #ccc; break-inside: avoid;
}
html:lang(ja) li.rule { grid-template-columns: 6em 1fr; }
li.rule.inline { display: block; }
.h-part + ul.rules > li.rule:first-child, .h-group + ul.rules > li.rule:first-child { border-top: none; }

li.rule.inline .mk { margin-right: .3em; }
.mk { font-weight: 700; white-space: nowrap; }
.pass { color: #1b5e20; }
.fail { color: #b71c1c; }
.undetermined, .advisory { color: #7a4a00; }
.needed { color: #0d47a1; }
.na, .nif { color: #555; }
.title { font-weight: 700; }
.expl { margin: .05em 0 0; }
.cite { margin: .05em 0 0; color: #333; font-size: .8em; font-style: italic; }
.refs { font-style: normal; white-space: nowrap; }
.refs a { color: inherit; }
p.quiet { color: #333; font-size: .85em; margin: .3em 0 .2em; padding-top: .3em; border-top: 1px solid #ccc; }
p.quiet .mk { color: #555; }
p.counts { margin: 1em 0 0; padding-top: .4em; border-top: 2px solid #333; font-size: .9em; }
table.summary { border-collapse: collapse; width: 100%; margin: 0 0 1.5em; }
table.summary th, table.summary td {
  border-bottom: 1px solid #888; padding: .3em .5em; text-align: left; vertical-align: top;
}
table.summary th { border-bottom: 2px solid #333; }
table.summary .num { text-align: right; }
table.summary td.date { white-space: nowrap; }
table.summary a { color: inherit; }
figure.timeline { margin: .2em 0 .3em; break-inside: avoid; }
figure.timeline svg { display: block; width: 100%; height: auto; }
figure.timeline figcaption { font-size: .8em; color: #333; }
article.scenario { margin: 0 0 3em; }
article.scenario + article.scenario { border-top: 4px double #333; padding-top: 1.5em; }
section.appendix { margin-top: 2em; }
section.sources { margin-top: 2em; }
section.sources p.note { font-size: .85em; color: #333; margin: 0 0 .3em; }
ol.sources { margin: 0; padding-left: 2em; font-size: .85em; }
ol.sources li { margin: 0 0 .2em; break-inside: avoid; }
footer { margin-top: 1.5em; font-size: .8em; color: #333; }
footer p { margin: .2em 0; }
footer .disclaimer { font-style: italic; }
html:lang(ja) .cite, html:lang(ja) footer .disclaimer, html:lang(ja) svg text { font-style: normal; }
@page { size: A4; margin: 12mm 13mm 12mm 13mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; line-height: 1.35; }
  html:lang(ja) body { line-height: 1.45; }
  .badge { background: none !important; }
  .badge.v-eligible { color: #1b5e20; }
  .badge.v-not-eligible { color: #b71c1c; }
  .badge.v-undetermined { color: #7a4a00; }
  .h-doc { font-size: 1.7em; }
  .h-name { font-size: 1.6em; }
  header.doc table.summary { margin-bottom: 1em; }
  header.doc.alone { break-after: page; }
  article.scenario { margin: 0; }
  article.scenario + article.scenario { break-before: page; border-top: none; padding-top: 0; }
  div.first { break-inside: avoid; }
  section.appendix { break-before: page; margin-top: 0; }
  section.appendix > .h-part:first-child { margin-top: 0; }
  section.sources { margin-top: 1em; }
  .h-part { margin: .8em 0 .3em; }
  li.rule { grid-template-columns: 6.5em 1fr; padding: .2em 0; }
  html:lang(ja) li.rule { grid-template-columns: 5.5em 1fr; }
  tr, li.rule, figure.timeline, ol.sources li { break-inside: avoid; }
  a { text-decoration: none; }
  .dense { font-size: .91em; }
  .denser { font-size: .83em; }
  .densest { font-size: .76em; }
  .dense figure.timeline svg { width: 91%; }
  .denser figure.timeline svg { width: 83%; }
  .densest figure.timeline svg { width: 76%; }
  footer { margin-top: .8em; }
  section.sources { font-size: .85em; }
  ol.sources { columns: 2; column-gap: 7mm; font-size: .8em; padding-left: 2em; }
  ol.sources li { margin: 0 0 .15em; }
}
"#;

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_words_and_wide_text() {
        assert_eq!(wrap("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(
            wrap("joint-camp-protection-task", 25),
            ["joint-camp-protection-", "task"]
        );
        assert_eq!(
            wrap("Ceasefire agreement among the parties", 25),
            ["Ceasefire agreement among", "the parties"]
        );
        assert_eq!(
            wrap("紛争当事者間の停戦合意", 8),
            ["紛争当事", "者間の停", "戦合意"]
        );
        assert!(wrap("", 5).is_empty());
    }
}
