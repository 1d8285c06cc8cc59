//! Problems as the CLI prints them: the message, the offending source line
//! with a caret under the place, and the help line. Control characters from
//! the input are shown escaped, never sent to the terminal.

use super::clean;
use crate::error::{Diagnostic, ScenarioError, Severity};
use crate::message::{Label, Msg, label};
use crate::model::Lang;
use crate::report::width::cells;

/// The source line `line` with a caret under column `column` (both 1-based),
/// underlining the word that starts there.
pub fn snippet(source: &str, line: u32, column: u32) -> Option<String> {
    if line == 0 {
        return None;
    }
    let raw = source.lines().nth(line as usize - 1)?;
    Some(line_snippet(raw, line, column))
}

/// Like [`snippet`], given the text of line `line` itself (for many
/// messages about one large file, without scanning it for each).
pub fn line_snippet(raw: &str, line: u32, column: u32) -> String {
    let mut col = column.max(1) as usize - 1;
    // Long lines (minified or hostile input) are cut to a window around the column.
    const WINDOW: usize = 100;
    let chars: Vec<char> = raw
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let (shown, lead_chars): (Vec<char>, usize) = if chars.len() > WINDOW {
        let start = col.saturating_sub(WINDOW / 2);
        let mut body: Vec<char> = chars.iter().skip(start).take(WINDOW).copied().collect();
        let cut_left = start > 0;
        if cut_left {
            body.insert(0, '…');
        }
        if chars.len() > start + WINDOW {
            body.push('…');
        }
        col = col - start + usize::from(cut_left);
        (body, col)
    } else {
        (chars, col)
    };
    let width = shown
        .iter()
        .skip(lead_chars)
        .take_while(|c| !c.is_whitespace() && !matches!(c, ':' | ',' | ']' | '}' | '['))
        .count()
        .max(1);
    // Escape what would act on the terminal; the caret counts the escaped width.
    let before: String = shown.iter().take(lead_chars).collect();
    let word: String = shown.iter().skip(lead_chars).take(width).collect();
    let text: String = shown.iter().collect();
    let lead = cells(&clean(&before));
    let under = cells(&clean(&word)).max(1);
    let num = line.to_string();
    let pad = " ".repeat(num.len());
    format!(
        "{pad} |\n{num} | {}\n{pad} | {}{}\n",
        clean(&text),
        " ".repeat(lead),
        "^".repeat(under)
    )
}

/// `message` with `snip` after its first line (before any `help:` line).
fn insert(message: &str, snip: Option<String>) -> String {
    let Some(snip) = snip else {
        return format!("{message}\n");
    };
    match message.split_once('\n') {
        Some((first, rest)) => format!("{first}\n{snip}{rest}\n"),
        None => format!("{message}\n{snip}"),
    }
}

/// A scenario error as the CLI prints it: `error: ` and each problem, with
/// the source line when `source` (the input's text) is given.
pub fn scenario_error(e: &ScenarioError, source: Option<&str>) -> String {
    scenario_error_in(e, source, Lang::En)
}

/// Like [`scenario_error`], in `lang`.
pub fn scenario_error_in(e: &ScenarioError, source: Option<&str>, lang: Lang) -> String {
    let error = label(lang, Label::Error);
    let mut out = String::new();
    for d in &e.problems {
        let mut msg = format!(
            "{error}: {}: {}",
            clean(&d.location.to_string()),
            clean(&d.message_in(lang))
        );
        push_help(&mut msg, d, lang);
        let snip = source.and_then(|s| snippet(s, d.location.line, d.location.column));
        out.push_str(&insert(&msg, snip));
    }
    if e.more > 0 {
        let more = Msg::MoreProblems {
            n: e.more,
            same_file: false,
        };
        out.push_str(&format!(
            "{error}: {}: {}\n",
            clean(&e.file),
            more.text(lang)
        ));
    }
    out
}

/// `\n  help: …` after `msg`, when the diagnostic has a help line.
fn push_help(msg: &mut String, d: &Diagnostic, lang: Lang) {
    if let Some(h) = d.help_in(lang) {
        msg.push_str(&format!("\n  {}: {}", label(lang, Label::Help), clean(&h)));
    }
}

/// A ruleset diagnostic as the CLI prints it, with the source line when known.
pub fn diagnostic(d: &Diagnostic, source: Option<&str>) -> String {
    diagnostic_in(d, source, Lang::En)
}

/// Like [`diagnostic`], in `lang`.
pub fn diagnostic_in(d: &Diagnostic, source: Option<&str>, lang: Lang) -> String {
    let snip = source.and_then(|s| snippet(s, d.location.line, d.location.column));
    insert(&headline(d, lang), snip)
}

/// Like [`diagnostic`], given the text of the line the diagnostic points at.
pub fn diagnostic_line(d: &Diagnostic, line: Option<&str>) -> String {
    diagnostic_line_in(d, line, Lang::En)
}

/// Like [`diagnostic_line`], in `lang`.
pub fn diagnostic_line_in(d: &Diagnostic, line: Option<&str>, lang: Lang) -> String {
    let snip = line
        .filter(|_| d.location.line > 0)
        .map(|l| line_snippet(l, d.location.line, d.location.column));
    insert(&headline(d, lang), snip)
}

/// `file:line:col: severity[code]: message`, and the help line.
fn headline(d: &Diagnostic, lang: Lang) -> String {
    let mut msg = format!(
        "{}: {}[{}]: {}",
        clean(&d.location.to_string()),
        severity(d.severity, lang),
        d.code,
        clean(&d.message_in(lang))
    );
    push_help(&mut msg, d, lang);
    msg
}

/// `error` or `warning`, in `lang`.
pub(crate) fn severity(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => label(lang, Label::Error),
        Severity::Warning => label(lang, Label::Warning),
    }
}

/// A problem without a file (a bad `--reading`, `--keep`): `error: message` and help.
pub fn plain(d: &Diagnostic) -> String {
    plain_in(d, Lang::En)
}

/// Like [`plain`], in `lang`.
pub fn plain_in(d: &Diagnostic, lang: Lang) -> String {
    let mut out = format!(
        "{}: {}",
        label(lang, Label::Error),
        clean(&d.message_in(lang))
    );
    push_help(&mut out, d, lang);
    out.push('\n');
    out
}

/// A problem that is only words (no code, no place): `error: message` and
/// the help line, in `lang`.
#[cfg_attr(not(feature = "cli"), allow(dead_code))] // the CLI's own problems
pub(crate) fn words(msg: &Msg, help: Option<&Msg>, lang: Lang) -> String {
    let mut out = format!(
        "{}: {}\n",
        label(lang, Label::Error),
        clean(&msg.text(lang))
    );
    if let Some(h) = help {
        let h = h.text(lang);
        out.push_str(&format!("  {}: {}\n", label(lang, Label::Help), clean(&h)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_the_word_even_after_wide_characters() {
        let s = snippet("name: x\nopration: y\n", 2, 1).unwrap_or_default();
        assert_eq!(s, "  |\n2 | opration: y\n  | ^^^^^^^^\n");
        let s = snippet("name: 日本 typo\n", 1, 10).unwrap_or_default();
        assert!(s.ends_with(&format!("  | {}^^^^\n", " ".repeat(11))), "{s}");
    }

    #[test]
    fn escape_sequences_in_the_source_line_are_shown_escaped() {
        let s = snippet("name: a\x1b[2Jb\n", 1, 7).unwrap_or_default();
        assert!(!s.contains('\x1b'), "{s:?}");
        assert!(s.contains("\\u{1b}"), "{s}");
    }
}
