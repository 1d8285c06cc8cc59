//! The classroom handout as one self-contained HTML5 page (`--format html`):
//! inline style only, no scripts, fonts, images or links to anything outside
//! the file. Readable when projected (large type, high contrast, the verdict in
//! a badge that also carries a word) and printable (one scenario per page).
//!
//! Each scenario also gets its history across the law versions as an inline
//! SVG timeline. Every string from a scenario or rule file is HTML-escaped,
//! inside SVG text too.

use super::markdown::{
    Group, advisories, cites, expectation, extra, groups, law, mark, steps, unused_note,
    verdict_symbol,
};
use super::words::{self, words};
use super::{counts, explanation, reason};
use crate::facts::Scenario;
use crate::history::history;
use crate::ruleset::RuleSet;
use crate::text::Lang;
use crate::trace::{Evaluation, Verdict};
use std::fmt::Write as _;

/// Escapes text for HTML content and quoted attribute values: `& < > " '`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes prose (reasons, explanations, notes) like [`escape`], and shows
/// balanced `` `name` `` spans, such as fact names, as `<code>`.
pub fn prose(s: &str) -> String {
    let escaped = escape(s);
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 16);
    for (k, part) in parts.iter().enumerate() {
        if k % 2 == 0 {
            out.push_str(part);
        } else {
            let _ = write!(out, "<code>{part}</code>");
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: 20px; -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 64rem; padding: 1.5rem 2rem 3rem;
  color: #111; background: #fff; line-height: 1.5;
  font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK JP", "Noto Sans JP",
    "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", YuGothic, Meiryo, sans-serif;
}
html:lang(ja) body {
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Yu Gothic", YuGothic, Meiryo, "Noto Sans", Arial, sans-serif;
  line-height: 1.65;
}
code, .id {
  font-family: "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK JP", monospace;
  font-size: .8em; color: #333; overflow-wrap: anywhere;
}
.h-name { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; overflow-wrap: anywhere; }
.h-doc { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
.h-part { font-size: 1.3rem; margin: 1.6rem 0 .5rem; padding-bottom: .15rem; border-bottom: 2px solid #333; }
.h-group { font-size: 1.1rem; margin: 1.2rem 0 .3rem; }
.file { color: #444; font-size: .8rem; margin: 0 0 .8rem; overflow-wrap: anywhere; }
.verdict { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: .6rem 0 .4rem; }
.verdict .label { font-weight: 700; font-size: 1.2rem; }
.badge {
  display: inline-block; padding: .15rem .8rem; border: 3px solid; border-radius: .4rem;
  font-weight: 800; font-size: 1.4rem; letter-spacing: .02em; color: #fff; white-space: nowrap;
}
.badge.small { font-size: .9rem; padding: .05rem .5rem; border-width: 2px; }
.badge.v-eligible { background: #1b5e20; border-color: #1b5e20; }
.badge.v-not-eligible { background: #b71c1c; border-color: #b71c1c; }
.badge.v-undetermined { background: #7a4a00; border-color: #7a4a00; }
.reason { font-size: 1.15rem; margin: .2rem 0 1rem; }
.reason .label { font-weight: 700; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.meta dt { font-weight: 700; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
dl.meta dd.mismatch { color: #b71c1c; font-weight: 700; }
ol.steps, ul.advisories { margin: 0 0 .5rem; padding-left: 1.6rem; }
ol.steps li, ul.advisories li { margin: 0 0 .5rem; break-inside: avoid; }
p.none { margin: 0 0 .5rem; color: #444; }
ul.rules { list-style: none; margin: 0; padding: 0; }
li.rule {
  display: grid; grid-template-columns: 7.5rem 1fr; gap: 0 .8rem;
  padding: .35rem 0; border-top: 1px solid #ccc; break-inside: avoid;
}
html:lang(ja) li.rule { grid-template-columns: 6.5rem 1fr; }
.mk { font-weight: 700; white-space: nowrap; }
.pass { color: #1b5e20; }
.fail { color: #b71c1c; }
.undetermined, .advisory { color: #7a4a00; }
.needed { color: #0d47a1; }
.na, .nif { color: #555; }
.title { font-weight: 700; }
.expl { margin: .1rem 0 0; }
.cite { margin: .1rem 0 0; color: #444; font-size: .8rem; font-style: italic; }
p.quiet { color: #444; font-size: .85rem; margin: .3rem 0 .2rem; padding-top: .3rem; border-top: 1px solid #ccc; }
p.quiet .mk { color: #555; }
p.counts { margin: 1.2rem 0 0; padding-top: .5rem; border-top: 2px solid #333; font-size: .9rem; }
table.summary { border-collapse: collapse; width: 100%; margin: 0 0 2rem; }
table.summary th, table.summary td {
  border-bottom: 1px solid #888; padding: .4rem .5rem; text-align: left; vertical-align: top;
}
table.summary th { border-bottom: 2px solid #333; }
table.summary td.num { text-align: right; }
table.summary td.date { white-space: nowrap; }
table.summary a { color: inherit; }
figure.timeline { margin: .3rem 0 .5rem; break-inside: avoid; }
figure.timeline svg { display: block; width: 100%; height: auto; }
figure.timeline figcaption { font-size: .8rem; color: #444; }
section.scenario { margin: 0 0 3rem; }
section.scenario + section.scenario { border-top: 4px double #333; padding-top: 1.5rem; }
footer { margin-top: 2rem; font-size: .8rem; color: #444; font-style: italic; }
@page { margin: 14mm 12mm; }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  .badge { background: none !important; }
  .badge.v-eligible { color: #1b5e20; }
  .badge.v-not-eligible { color: #b71c1c; }
  .badge.v-undetermined { color: #7a4a00; }
  div.summary { break-after: page; }
  section.scenario { margin: 0; }
  section.scenario + section.scenario { break-before: page; border-top: none; padding-top: 0; }
  .h-part, .h-group { break-after: avoid; }
  tr, li.rule, figure.timeline { break-inside: avoid; }
  li.rule { grid-template-columns: 6.5rem 1fr; padding: .2rem 0; }
  a { text-decoration: none; }
}
"#;

/// The HTML handout of one or several evaluated scenarios, as one page.
pub fn handout(rs: &RuleSet, items: &[(Scenario, Evaluation)], lang: Lang) -> String {
    let x = extra(lang);
    let several = items.len() != 1;
    let title = match items {
        [(s, _)] => escape(&s.name),
        _ => escape(x.title),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.code()
    );
    let level = if several {
        let _ = writeln!(
            out,
            "<div class=\"summary\">\n<h1 class=\"h-doc\">{title}</h1>"
        );
        if !items.is_empty() {
            summary(&mut out, rs, items, lang);
        }
        out.push_str("</div>\n");
        2
    } else {
        1
    };
    for (n, (s, e)) in items.iter().enumerate() {
        scenario(&mut out, rs, s, e, lang, level, several.then_some(n + 1));
    }
    let _ = write!(
        out,
        "<footer>{}</footer>\n</body>\n</html>\n",
        escape(x.disclaimer)
    );
    out
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "v-eligible",
        Verdict::NotEligible => "v-not-eligible",
        Verdict::Undetermined => "v-undetermined",
    }
}

fn badge(v: Verdict, lang: Lang, small: bool) -> String {
    format!(
        "<span class=\"badge {}{}\">{} {}</span>",
        verdict_class(v),
        if small { " small" } else { "" },
        verdict_symbol(v),
        words::verdict_word(lang, v)
    )
}

fn summary(out: &mut String, rs: &RuleSet, items: &[(Scenario, Evaluation)], lang: Lang) {
    let x = extra(lang);
    let w = words(lang);
    let _ = writeln!(
        out,
        "<h2 class=\"h-part\">{}</h2>\n<table class=\"summary\">\n<thead><tr><th>#</th><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        x.summary, x.scenario, x.date, x.law_version, w.verdict
    );
    for (n, (s, e)) in items.iter().enumerate() {
        let lv = match law(rs, e, lang) {
            Some(l) => escape(&l),
            None => escape(x.no_law),
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td><a href=\"#scenario-{}\">{}</a></td><td class=\"date\">{}</td>\
             <td>{lv}</td><td>{}</td></tr>",
            n + 1,
            n + 1,
            escape(&s.name),
            e.date,
            badge(e.verdict, lang, true)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn scenario(
    out: &mut String,
    rs: &RuleSet,
    s: &Scenario,
    e: &Evaluation,
    lang: Lang,
    level: usize,
    number: Option<usize>,
) {
    let w = words(lang);
    let x = extra(lang);
    let h = |plus: usize| (level + plus).min(6);
    let id = number.map_or_else(String::new, |n| format!(" id=\"scenario-{n}\""));
    let prefix = number.map_or_else(String::new, |n| format!("{n}. "));
    let _ = writeln!(
        out,
        "<section class=\"scenario\"{id}>\n<h{0} class=\"h-name\">{prefix}{1}</h{0}>",
        h(0),
        escape(&s.name)
    );
    if let Some(f) = &s.file {
        let _ = writeln!(out, "<p class=\"file\">{}</p>", escape(f));
    }
    let _ = writeln!(
        out,
        "<div class=\"verdict\"><span class=\"label\">{}</span>{}</div>\n\
         <p class=\"reason\"><span class=\"label\">{}{}</span>{}{}</p>",
        w.verdict,
        badge(e.verdict, lang, false),
        w.reason,
        colon(lang),
        space(lang),
        prose(&reason(rs, s, e, lang))
    );
    out.push_str("<dl class=\"meta\">\n");
    let law_text = match law(rs, e, lang) {
        Some(l) => escape(&l),
        None => escape(x.no_law),
    };
    let _ = writeln!(out, "<dt>{}</dt><dd>{law_text}</dd>", x.law_version);
    let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", x.date, e.date);
    if let Some((text, ok)) = expectation(s, e, lang) {
        let class = if ok { "" } else { " class=\"mismatch\"" };
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd{class}>{}</dd>",
            w.expect,
            escape(&text)
        );
    }
    for note in s.notes.iter().cloned().chain(unused_note(rs, s, lang)) {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", w.note, prose(&note));
    }
    out.push_str("</dl>\n");

    let _ = writeln!(out, "<h{0} class=\"h-part\">{1}</h{0}>", h(1), x.steps);
    let st = steps(rs, e);
    list(out, rs, s, e, &st, lang, "ol", "steps");
    let _ = writeln!(out, "<h{0} class=\"h-part\">{1}</h{0}>", h(1), x.advisories);
    let adv = advisories(rs, e);
    list(out, rs, s, e, &adv, lang, "ul", "advisories");

    let _ = writeln!(out, "<h{0} class=\"h-part\">{1}</h{0}>", h(1), x.history);
    out.push_str(&timeline(rs, s, e, lang));

    let _ = writeln!(out, "<h{0} class=\"h-part\">{1}</h{0}>", h(1), x.trace);
    for g in groups(rs, e, lang) {
        trace_group(out, rs, s, e, &g, lang, h(2));
    }
    let _ = writeln!(
        out,
        "<p class=\"counts\">{}</p>\n</section>",
        escape(&counts(rs, e, lang))
    );
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ":",
        Lang::Ja => "：",
    }
}

/// The space after a label's colon (none after the full-width Japanese colon).
fn space(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " ",
        Lang::Ja => "",
    }
}

/// The explanation and citations of a rule, as paragraphs.
fn body(rs: &RuleSet, s: &Scenario, e: &Evaluation, i: usize, lang: Lang) -> String {
    let mut out = String::new();
    let text = explanation(rs, s, e, i, lang);
    if !text.is_empty() {
        let _ = write!(out, "<p class=\"expl\">{}</p>", prose(&text));
    }
    let c = cites(rs, e, i);
    if !c.is_empty() {
        let _ = write!(out, "<p class=\"cite\">{}</p>", escape(&c));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn list(
    out: &mut String,
    rs: &RuleSet,
    s: &Scenario,
    e: &Evaluation,
    rules: &[usize],
    lang: Lang,
    tag: &str,
    class: &str,
) {
    if rules.is_empty() {
        let _ = writeln!(out, "<p class=\"none\">{}</p>", extra(lang).none);
        return;
    }
    let _ = writeln!(out, "<{tag} class=\"{class}\">");
    for &i in rules {
        let rule = &rs.rules[i];
        let _ = writeln!(
            out,
            "<li><span class=\"title\">{}</span> <code>{}</code>{}</li>",
            escape(rule.title.get(lang)),
            escape(&rule.id.0),
            body(rs, s, e, i, lang)
        );
    }
    let _ = writeln!(out, "</{tag}>");
}

fn trace_group(
    out: &mut String,
    rs: &RuleSet,
    s: &Scenario,
    e: &Evaluation,
    g: &Group,
    lang: Lang,
    level: usize,
) {
    let _ = writeln!(
        out,
        "<h{level} class=\"h-group\">{}</h{level}>",
        escape(&g.heading)
    );
    if !g.shown.is_empty() {
        out.push_str("<ul class=\"rules\">\n");
        for &i in &g.shown {
            let rule = &rs.rules[i];
            let (marker, class) = mark(rs, e, i, lang);
            let _ = writeln!(
                out,
                "<li class=\"rule {class}-rule\"><span class=\"mk {class}\">{}</span><div>\
                 <span class=\"title\">{}</span> <code>{}</code>{}</div></li>",
                escape(marker),
                escape(rule.title.get(lang)),
                escape(&rule.id.0),
                body(rs, s, e, i, lang)
            );
        }
        out.push_str("</ul>\n");
    }
    for (ids, o) in [
        (&g.not_applicable, crate::trace::Outcome::NotApplicable),
        (&g.not_in_force, crate::trace::Outcome::NotInForce),
    ] {
        if ids.is_empty() {
            continue;
        }
        let names: Vec<String> = ids
            .iter()
            .map(|&i| {
                let r = &rs.rules[i];
                format!(
                    "{} <code>{}</code>",
                    escape(r.title.get(lang)),
                    escape(&r.id.0)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"quiet\"><span class=\"mk\">{}{}</span>{}{}</p>",
            escape(words::marker(lang, o)),
            colon(lang),
            space(lang),
            names.join("; ")
        );
    }
}

/// Display width in cells: characters of East Asian scripts take two.
fn cells(s: &str) -> usize {
    s.chars().map(|c| if c > '\u{2e7f}' { 2 } else { 1 }).sum()
}

/// Wraps `s` to lines of at most `max` cells, at spaces, or anywhere in
/// East Asian text and in words longer than a line.
fn wrap(s: &str, max: usize) -> Vec<String> {
    // Tokens: a word with its trailing spaces, or one wide character.
    let mut tokens: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c > '\u{2e7f}' {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            tokens.push(c.to_string());
        } else {
            if !c.is_whitespace() && cur.ends_with(char::is_whitespace) {
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

/// The scenario's history across law versions as an inline SVG timeline.
fn timeline(rs: &RuleSet, s: &Scenario, e: &Evaluation, lang: Lang) -> String {
    let x = extra(lang);
    let steps = history(rs, s);
    if steps.is_empty() {
        return String::new();
    }
    const WIDTH: f64 = 1000.0;
    const LINE_H: usize = 22;
    const TOP: usize = 30;
    let n = steps.len();
    let col = WIDTH / n as f64;
    let max_cells = ((col - 44.0) / 8.4).max(8.0) as usize;
    // Per column: wrapped lines of the failing rules' titles, with the rule id.
    let failing: Vec<Vec<(String, bool, &str)>> = steps
        .iter()
        .map(|st| {
            st.failed
                .iter()
                .flat_map(|&i| {
                    let r = &rs.rules[i];
                    wrap(r.title.get(lang), max_cells)
                        .into_iter()
                        .enumerate()
                        .map(move |(k, l)| (l, k == 0, r.id.0.as_str()))
                })
                .collect()
        })
        .collect();
    let lines = failing.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let list_top = TOP + 172;
    let height = list_top + lines * LINE_H + 14;
    let axis = TOP + 92;
    let mut out = String::new();
    let label = format!("{}: {}", x.history, s.name);
    let _ = writeln!(
        out,
        "<figure class=\"timeline\">\n<svg viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"{0}\" font-family=\"inherit\">\n<title>{0}</title>",
        escape(&label)
    );
    if let Some(v) = e.law_version {
        let x0 = col * v as f64 + 6.0;
        let _ = writeln!(
            out,
            "<rect x=\"{x0:.1}\" y=\"4\" width=\"{:.1}\" height=\"{}\" rx=\"12\" fill=\"#eef2fb\" \
             stroke=\"#333\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>\n\
             <text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"16\" font-style=\"italic\" \
             fill=\"#222\">▼ {} {}</text>",
            col - 12.0,
            height - 8,
            col * (v as f64 + 0.5),
            TOP - 4,
            escape(x.this_date),
            e.date
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{:.1}\" y1=\"{axis}\" x2=\"{:.1}\" y2=\"{axis}\" stroke=\"#333\" stroke-width=\"5\"/>",
        col / 2.0,
        WIDTH - 30.0
    );
    let tip = WIDTH - 14.0;
    let _ = writeln!(
        out,
        "<polygon points=\"{tip:.1},{axis} {:.1},{} {:.1},{}\" fill=\"#333\"/>",
        tip - 18.0,
        axis - 10,
        tip - 18.0,
        axis + 10
    );
    for (k, st) in steps.iter().enumerate() {
        let v = &rs.law_versions[st.version];
        let cx = col * (k as f64 + 0.5);
        let verdict = st.evaluation.verdict;
        let colour = verdict_colour(verdict);
        let _ = writeln!(
            out,
            "<g>\n<text x=\"{cx:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"30\" \
             font-weight=\"700\" fill=\"#111\">{}</text>\n\
             <text x=\"{cx:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"17\" fill=\"#333\">{}</text>\n\
             <circle cx=\"{cx:.1}\" cy=\"{axis}\" r=\"20\" fill=\"{colour}\" stroke=\"#fff\" stroke-width=\"3\"/>\n\
             <text x=\"{cx:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"20\" font-weight=\"700\" \
             fill=\"#fff\">{}</text>\n\
             <text x=\"{cx:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"19\" font-weight=\"800\" \
             fill=\"{colour}\">{}</text>",
            TOP + 32,
            escape(&v.id),
            TOP + 56,
            v.in_force_from,
            axis + 7,
            verdict_symbol(verdict),
            TOP + 146,
            escape(words::verdict_word(lang, verdict)),
        );
        let left = col * k as f64 + 20.0;
        let rows = &failing[k];
        if rows.is_empty() {
            let _ = writeln!(
                out,
                "<text x=\"{cx:.1}\" y=\"{list_top}\" text-anchor=\"middle\" font-size=\"16\" fill=\"#444\">—</text>"
            );
        }
        for (j, (line, first, id)) in rows.iter().enumerate() {
            let y = list_top + j * LINE_H;
            let (xpos, text) = if *first {
                (left, format!("✘ {}", escape(line)))
            } else {
                (left + 18.0, escape(line))
            };
            let _ = writeln!(
                out,
                "<text x=\"{xpos:.1}\" y=\"{y}\" font-size=\"16\" fill=\"#222\"><title>{}</title>{text}</text>",
                escape(id)
            );
        }
        out.push_str("</g>\n");
    }
    let _ = writeln!(
        out,
        "</svg>\n<figcaption>{} ({}).</figcaption>\n</figure>",
        escape(x.history_note),
        e.date
    );
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_words_and_wide_text() {
        assert_eq!(wrap("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(
            wrap("Ceasefire agreement among the parties", 25),
            ["Ceasefire agreement among", "the parties"]
        );
        assert_eq!(
            wrap("Ceasefire agreement among the parties", 24),
            ["Ceasefire agreement", "among the parties"]
        );
        assert_eq!(
            wrap("紛争当事者間の停戦合意", 8),
            ["紛争当事", "者間の停", "戦合意"]
        );
        assert!(wrap("", 5).is_empty());
    }
}
