//! Error messages with the offending source line and a caret under it.

use crate::error::{Diagnostic, ScenarioError};

/// The source line `line` with a caret under column `column` (both 1-based),
/// underlining the word that starts there.
///
/// ```
/// let s = peacecoop::render::diagnostic::snippet("name: x\nopration: y\n", 2, 1).unwrap();
/// assert_eq!(s, "  |\n2 | opration: y\n  | ^^^^^^^^\n");
/// ```
pub fn snippet(source: &str, line: u32, column: u32) -> Option<String> {
    if line == 0 {
        return None;
    }
    let text = source.lines().nth(line as usize - 1)?;
    let text: String = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let mut col = column.max(1) as usize - 1;
    // Long lines (minified or hostile input) are cut to a window around the column.
    const WINDOW: usize = 100;
    let text: String = if text.chars().count() > WINDOW {
        let start = col.saturating_sub(WINDOW / 2);
        let body: String = text.chars().skip(start).take(WINDOW).collect();
        let cut_left = start > 0;
        let cut_right = text.chars().count() > start + WINDOW;
        col = col - start + usize::from(cut_left);
        format!(
            "{}{body}{}",
            if cut_left { "…" } else { "" },
            if cut_right { "…" } else { "" }
        )
    } else {
        text
    };
    let width = text
        .chars()
        .skip(col)
        .take_while(|c| !c.is_whitespace() && !matches!(c, ':' | ',' | ']' | '}' | '['))
        .count()
        .max(1);
    let num = line.to_string();
    let pad = " ".repeat(num.len());
    // Columns count characters; wide characters (Japanese) take two cells.
    let lead: usize = text.chars().take(col).map(cell_width).sum();
    Some(format!(
        "{pad} |\n{num} | {text}\n{pad} | {}{}\n",
        " ".repeat(lead),
        "^".repeat(width)
    ))
}

fn cell_width(c: char) -> usize {
    let u = c as u32;
    let wide = (0x1100..=0x115F).contains(&u)
        || (0x2E80..=0xA4CF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFF60).contains(&u)
        || (0xFFE0..=0xFFE6).contains(&u);
    if wide { 2 } else { 1 }
}

/// Puts `snip` after the first line of `message` (before any `help:` lines).
fn insert(message: &str, snip: Option<String>) -> String {
    let Some(snip) = snip else {
        return format!("{message}\n");
    };
    match message.split_once('\n') {
        Some((first, rest)) => format!("{first}\n{snip}{rest}\n"),
        None => format!("{message}\n{snip}"),
    }
}

/// A scenario error as the CLI prints it: `error: ` and the message, with the
/// source line when `source` (the file's text) is given.
pub fn scenario_error(e: &ScenarioError, source: Option<&str>) -> String {
    if let ScenarioError::Several { errors, more, file } = e {
        let mut out: String = errors.iter().map(|x| scenario_error(x, source)).collect();
        if *more > 0 {
            out.push_str(&format!(
                "error: {file}: … and {more} more problems not shown\n"
            ));
        }
        return out;
    }
    let snip = match (e.location(), source) {
        (Some(l), Some(src)) => snippet(src, l.line, l.column),
        _ => None,
    };
    insert(&format!("error: {e}"), snip)
}

/// A ruleset diagnostic as the CLI prints it, with the source line when known.
pub fn diagnostic(d: &Diagnostic, source: Option<&str>) -> String {
    let snip = source.and_then(|s| snippet(s, d.location.line, d.location.column));
    insert(&d.to_string(), snip)
}
