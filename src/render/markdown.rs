//! The classroom handout as Markdown (`--format markdown`), in the order of
//! the HTML handout: for each scenario its verdict and reason, the rules
//! that decide, the steps, the advisories and its history across law
//! versions; then (unless brief) the full trace as an appendix; the sources
//! cited and the disclaimer close the document.
//!
//! Every string that comes from a scenario or rule file is escaped for
//! CommonMark and GitHub, so that a name such as `*bold* | <b>x</b>` renders
//! literally.

use super::handout::{GroupView, Plan, RuleView, Sheet, plain, spans, verdict_symbol};
use crate::analysis::history::HistoryReport;
use crate::model::{Lang, Outcome};
use crate::report::words;
use crate::report::{HandoutContext, Report};
use std::fmt::Write as _;

/// The Markdown handout of one or several evaluated scenarios; with `brief`
/// each scenario's full trace is left out.
pub fn handout(
    ctx: &HandoutContext,
    sheets: &[(Report, Option<HistoryReport>)],
    brief: bool,
) -> String {
    let plan = Plan::new(ctx, sheets, brief);
    let mut out = String::new();
    let several = plan.sheets.len() != 1;
    let level = if several {
        let _ = writeln!(out, "# {}\n", escape(plan.doc_title()));
        if !plan.ctx.act.is_empty() {
            let _ = writeln!(out, "*{}*\n", escape(&plan.ctx.act));
        }
        if !plan.sheets.is_empty() {
            summary(&mut out, &plan);
        }
        2
    } else {
        1
    };
    for s in &plan.sheets {
        scenario(&mut out, &plan, s, level);
    }
    sources(&mut out, &plan, level + 1);
    if plan.brief && !plan.sheets.is_empty() {
        let _ = writeln!(out, "*{}*\n", escape(plan.x.brief_note));
    }
    if !plan.ctx.disclaimer.is_empty() {
        let _ = writeln!(out, "---\n\n*{}*", escape(&plan.ctx.disclaimer));
    }
    out
}

/// Escapes a string for Markdown (CommonMark and GitHub), so that it renders
/// literally: inline markup is backslash-escaped, `<`, `>` and `&` become
/// entities, line breaks become spaces and other control characters are
/// shown escaped.
pub(crate) fn escape(s: &str) -> String {
    let s = plain(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '$' | '!' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes prose (reasons, explanations, notes) like [`escape`], but keeps
/// balanced `` `name` `` spans, such as fact names, as inline code. A span
/// that holds `<`, `>`, `&`, `|`, `\` or a control character is escaped
/// instead (a renderer that passes HTML through, or a table, must never see
/// them raw).
pub(crate) fn prose(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (code, part) in spans(s) {
        if !code {
            out.push_str(&escape(part));
        } else if !part.trim().is_empty()
            && !part.contains(['<', '>', '&', '|', '\\'])
            && matches!(super::clean(part), std::borrow::Cow::Borrowed(_))
        {
            out.push('`');
            out.push_str(part);
            out.push('`');
        } else {
            out.push_str(&escape(&format!("`{part}`")));
        }
    }
    out
}

/// A label in bold (`**Reason:** `) or italics, its colon inside the emphasis.
fn label(text: &str, lang: Lang, bold: bool) -> String {
    let em = if bold { "**" } else { "*" };
    // In Japanese the colon stays outside: `**理由：**本文` would not close the emphasis.
    match lang {
        Lang::Ja => format!("{em}{text}{em}："),
        _ => format!("{em}{text}:{em} "),
    }
}

/// A rule id as inline code (ids are kebab-case; anything else is escaped).
fn code(id: &str) -> String {
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
    {
        format!("`{id}`")
    } else {
        escape(id)
    }
}

/// A heading of `level` (at most six `#`).
fn heading(out: &mut String, level: usize, text: &str) {
    let _ = writeln!(out, "{} {text}\n", "#".repeat(level.min(6)));
}

fn summary(out: &mut String, plan: &Plan) {
    let (w, x) = (plan.w, plan.x);
    heading(out, 2, x.summary);
    let _ = writeln!(
        out,
        "| # | {} | {} | {} | {} |",
        x.scenario, x.date, x.law_version, w.verdict
    );
    let _ = writeln!(out, "|---:|---|---|---|---|");
    for (n, s) in plan.sheets.iter().enumerate() {
        let r = s.report;
        let lv = r
            .law_version
            .as_ref()
            .map_or_else(|| escape(x.no_law), |v| escape(&v.id));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {lv} | **{} {}** |",
            n + 1,
            escape(&r.scenario.name),
            escape(&r.date),
            verdict_symbol(r.verdict),
            words::verdict_word(plan.lang, r.verdict)
        );
    }
    out.push('\n');
}

fn scenario(out: &mut String, plan: &Plan, s: &Sheet, level: usize) {
    let (lang, w, x) = (plan.lang, plan.w, plan.x);
    let r = s.report;
    let number = s.number.map_or_else(String::new, |n| format!("{n}. "));
    heading(out, level, &format!("{number}{}", escape(&r.scenario.name)));
    if s.number.is_none() {
        let kicker = [plan.ctx.title.as_str(), plan.ctx.act.as_str()]
            .iter()
            .filter(|t| !t.is_empty())
            .map(|t| escape(t))
            .collect::<Vec<_>>()
            .join(" — ");
        if !kicker.is_empty() {
            let _ = writeln!(out, "*{kicker}*\n");
        }
    }
    let _ = writeln!(
        out,
        "{}**{} {}**\\\n{}{}\n",
        label(w.verdict, lang, true),
        verdict_symbol(r.verdict),
        words::verdict_word(lang, r.verdict),
        label(w.reason, lang, true),
        prose(&r.reason)
    );
    if let Some(d) = &s.depends {
        let _ = writeln!(out, "{}{}\n", label(w.reading, lang, true), prose(d));
    }
    let _ = writeln!(
        out,
        "- {}{}",
        label(x.law_version, lang, true),
        escape(&s.law)
    );
    let _ = writeln!(out, "- {}{}", label(x.date, lang, true), escape(&r.date));
    if let Some(f) = &r.scenario.file {
        let _ = writeln!(out, "- {}{}", label(x.file, lang, true), escape(f));
    }
    if let Some((text, ok)) = &s.expect {
        let text = escape(text);
        if *ok {
            let _ = writeln!(out, "- {}{text}", label(w.expect, lang, true));
        } else {
            let _ = writeln!(out, "- {}**{text}**", label(w.expect, lang, true));
        }
    }
    if !r.missing.is_empty() {
        let names: Vec<String> = r.missing.iter().map(|m| code(m)).collect();
        let _ = writeln!(
            out,
            "- {}{}",
            label(w.missing, lang, true),
            names.join(", ")
        );
    }
    for note in &s.notes {
        let _ = writeln!(out, "- {}{}", label(w.note, lang, true), prose(note));
    }
    out.push('\n');

    if !s.deciding.is_empty() {
        heading(out, level + 1, w.deciding_rules);
        for v in &s.deciding {
            rule_item(out, plan, v);
        }
        out.push('\n');
    }
    if !s.steps.is_empty() {
        heading(out, level + 1, w.steps);
        list(out, &s.steps, true);
    }
    if !s.advisories.is_empty() {
        heading(out, level + 1, x.advisories);
        list(out, &s.advisories, false);
    }
    if !s.history.is_empty() {
        heading(out, level + 1, x.history);
        history_table(out, plan, s);
    }
    if let Some(groups) = &s.appendix {
        heading(out, level + 1, x.appendix);
        for g in groups {
            trace_group(out, plan, g, level + 2);
        }
    }
    if let (Some(c), false) = (&s.counts, plan.brief) {
        let _ = writeln!(out, "{}\n", escape(c));
    }
}

/// One rule in full: marker, title, id, then explanation and citations.
fn rule_item(out: &mut String, plan: &Plan, v: &RuleView) {
    let marker = escape(v.mark.word(plan.lang));
    let marker = if v.mark.strong() {
        format!("**{marker}**")
    } else {
        marker
    };
    let _ = write!(out, "- {marker} — **{}** ({})", escape(v.title), code(v.id));
    details(out, v, "  ");
}

/// A rule's explanation, citations and source numbers, as continuation lines.
fn details(out: &mut String, v: &RuleView, indent: &str) {
    if !v.explanation.is_empty() {
        let _ = write!(out, "\\\n{indent}{}", prose(v.explanation));
    }
    let refs = refs(&v.refs);
    if !v.cites.is_empty() {
        let _ = write!(out, "\\\n{indent}*{}*{refs}", escape(&v.cites.join("; ")));
    } else if !refs.is_empty() {
        let _ = write!(out, "\\\n{indent}{}", refs.trim_start());
    }
    out.push('\n');
}

/// Source numbers as ` \[1\] \[3\]` (escaped: never a link).
fn refs(numbers: &[usize]) -> String {
    numbers.iter().map(|n| format!(" \\[{n}\\]")).collect()
}

/// A numbered (steps) or bulleted (advisories) list.
fn list(out: &mut String, rules: &[RuleView], numbered: bool) {
    for (n, v) in rules.iter().enumerate() {
        let bullet = if numbered {
            format!("{}.", n + 1)
        } else {
            "-".to_owned()
        };
        let indent = " ".repeat(bullet.chars().count() + 1);
        let _ = write!(out, "{bullet} **{}** ({})", escape(v.title), code(v.id));
        details(out, v, &indent);
    }
    out.push('\n');
}

fn trace_group(out: &mut String, plan: &Plan, g: &GroupView, level: usize) {
    let lang = plan.lang;
    if let Some(t) = g.title {
        heading(out, level, &escape(t));
    }
    for v in &g.shown {
        rule_item(out, plan, v);
    }
    for (entries, o) in [
        (&g.not_applicable, Outcome::NotApplicable),
        (&g.not_in_force, Outcome::NotInForce),
    ] {
        if entries.is_empty() {
            continue;
        }
        let names: Vec<String> = entries
            .iter()
            .map(|e| format!("{} ({})", escape(&e.title), code(&e.rule)))
            .collect();
        let _ = writeln!(
            out,
            "- {}{}",
            label(&escape(words::marker(lang, o)), lang, false),
            names.join("; ")
        );
    }
    out.push('\n');
}

/// The history across law versions as a table.
fn history_table(out: &mut String, plan: &Plan, s: &Sheet) {
    let (w, x) = (plan.w, plan.x);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |",
        x.law_version, x.from, w.verdict, x.failing
    );
    let _ = writeln!(out, "|---|---|---|---|");
    for row in &s.history {
        let here = if row.current {
            format!(" ◀ {}", x.this_date)
        } else {
            String::new()
        };
        let failed: Vec<String> = row
            .failed
            .iter()
            .map(|(id, title)| format!("{} ({})", escape(title), code(id)))
            .collect();
        let _ = writeln!(
            out,
            "| {} ({}){here} | {} | {} {} | {} |",
            escape(row.id),
            escape(row.title),
            escape(row.from),
            verdict_symbol(row.verdict),
            words::verdict_word(plan.lang, row.verdict),
            if failed.is_empty() {
                "—".to_owned()
            } else {
                failed.join("; ")
            }
        );
    }
    let _ = writeln!(out, "\n*{}*\n", escape(&plan.history_note(&s.report.date)));
}

/// The sources cited, numbered, with title and address.
fn sources(out: &mut String, plan: &Plan, level: usize) {
    if plan.sources.is_empty() {
        return;
    }
    let x = plan.x;
    heading(out, level.min(2), x.sources);
    for c in &plan.sources {
        let _ = write!(out, "{}. {}", c.number, code(c.id));
        match c.info {
            Some(info) => {
                let _ = write!(out, " — {}", escape(&info.title));
                if let Some(url) = &info.url {
                    let _ = write!(out, " {}", address(url));
                }
            }
            None => {
                let _ = write!(out, " — *{}*", escape(x.unlisted_source));
            }
        }
        out.push('\n');
    }
    out.push('\n');
}

/// An address as an autolink when it is a plain web address, else as text.
fn address(url: &str) -> String {
    let web = url.starts_with("https://") || url.starts_with("http://");
    if web
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '`' | '\\'))
    {
        format!("<{url}>")
    } else {
        escape(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("*a* | <b>"), r"\*a\* \| &lt;b&gt;");
        assert_eq!(escape("a\nb"), "a b");
        assert_eq!(escape("a\x07b"), r"a\\u\{7\}b");
        assert_eq!(prose("a `b` c"), "a `b` c");
        assert_eq!(prose("a `<b>` c"), r"a \`&lt;b&gt;\` c");
        assert_eq!(prose("odd ` *x*"), r"odd \` \*x\*");
        assert_eq!(address("https://example.org/a"), "<https://example.org/a>");
        assert_eq!(address("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(address("https://x.org/<b>"), "https://x.org/&lt;b&gt;");
    }
}
