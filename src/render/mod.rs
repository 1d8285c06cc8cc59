//! Renderers: they lay out reports (see [`crate::report`] and the analyses'
//! reports) as text, JSON, Markdown, HTML, Mermaid or CSV. They decide
//! nothing and evaluate nothing; the words they add come from
//! `crate::report::words`, the display width from one place.
//!
//! Text meant for a terminal passes through [`clean`], so that a scenario
//! name cannot move the cursor, clear the screen or fake a line.

pub mod diagnostic;
pub mod explain;
#[cfg(feature = "html")]
pub mod fragments;
pub mod handout;
pub(crate) mod handout_words;
pub mod history;
pub mod html;
pub mod json;
pub mod markdown;
pub mod matrix;
pub mod mermaid;
pub mod readings;
pub mod rules;
pub mod summary;
#[cfg(feature = "cli")]
pub(crate) mod testrun;
pub(crate) mod text;
pub mod whatif;

pub use text::{Detail, TextOptions, text};

use std::fmt::Write as _;

/// `s` made safe to print on a terminal: control characters (escape
/// sequences, carriage returns, newlines), zero-width and right-to-left
/// marks are shown escaped (`\u{1b}`), so they can neither act nor hide.
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Characters that act on a terminal or hide themselves.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200b}'..='\u{200f}'   // zero-width space/joiners, LRM, RLM
            | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{feff}'              // zero-width no-break space
            | '\u{061c}'              // Arabic letter mark
        )
}

/// Terminal styles (ANSI), written only when colour is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Paint {
    Bold,
    Dim,
    Green,
    Red,
    Yellow,
    Cyan,
}

impl Paint {
    fn code(self) -> &'static str {
        match self {
            Paint::Bold => "\x1b[1m",
            Paint::Dim => "\x1b[2m",
            Paint::Green => "\x1b[32m",
            Paint::Red => "\x1b[1;31m",
            Paint::Yellow => "\x1b[33m",
            Paint::Cyan => "\x1b[36m",
        }
    }
    /// `s` in this style, or plain.
    pub fn on(self, s: &str, color: bool) -> String {
        if color {
            format!("{}{s}\x1b[0m", self.code())
        } else {
            s.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_invisible_characters_are_shown_escaped() {
        assert_eq!(clean("plain 日本"), "plain 日本");
        assert_eq!(clean("a\x1b]0;owned\x07b"), "a\\u{1b}]0;owned\\u{7}b");
        assert_eq!(clean("x\nVerdict: ELIGIBLE"), "x\\u{a}Verdict: ELIGIBLE");
        assert_eq!(clean("a\u{202e}b\u{200b}"), "a\\u{202e}b\\u{200b}");
    }
}
