//! Problems as the CLI prints them: the message, the offending source line
//! with a caret under the place, and the help line. Control characters from
//! the input are shown escaped, never sent to the terminal.

use super::clean;
use crate::error::{Diagnostic, ScenarioError, Severity};
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
    let mut out = String::new();
    for d in &e.problems {
        let mut msg = format!(
            "error: {}: {}",
            clean(&d.location.to_string()),
            clean(&d.message)
        );
        if let Some(h) = &d.help {
            msg.push_str(&format!("\n  help: {}", clean(h)));
        }
        let snip = source.and_then(|s| snippet(s, d.location.line, d.location.column));
        out.push_str(&insert(&msg, snip));
    }
    if e.more > 0 {
        out.push_str(&format!(
            "error: {}: … and {} more problems not shown\n",
            clean(&e.file),
            e.more
        ));
    }
    out
}

/// A ruleset diagnostic as the CLI prints it, with the source line when known.
pub fn diagnostic(d: &Diagnostic, source: Option<&str>) -> String {
    let snip = source.and_then(|s| snippet(s, d.location.line, d.location.column));
    insert(&headline(d), snip)
}

/// Like [`diagnostic`], given the text of the line the diagnostic points at.
pub fn diagnostic_line(d: &Diagnostic, line: Option<&str>) -> String {
    let snip = line
        .filter(|_| d.location.line > 0)
        .map(|l| line_snippet(l, d.location.line, d.location.column));
    insert(&headline(d), snip)
}

/// `file:line:col: severity[code]: message`, and the help line.
fn headline(d: &Diagnostic) -> String {
    let sev = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut msg = format!(
        "{}: {sev}[{}]: {}",
        clean(&d.location.to_string()),
        d.code,
        clean(&d.message)
    );
    if let Some(h) = &d.help {
        msg.push_str(&format!("\n  help: {}", clean(h)));
    }
    msg
}

/// A problem without a file (a bad `--reading`, `--keep`): `error: message` and help.
pub fn plain(d: &Diagnostic) -> String {
    let mut out = format!("error: {}\n", clean(&d.message));
    if let Some(h) = &d.help {
        out.push_str(&format!("  help: {}\n", clean(h)));
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
