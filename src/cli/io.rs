//! The CLI's input and output: standard output and error (colour only on a
//! terminal, `NO_COLOR` honoured), write errors noticed and reported, loading
//! the rules, and printing problems with the source line they point at.

use crate::error::{Diagnostic, RulesetError, ScenarioError};
use crate::message::{Fixed, Msg};
use crate::model::Lang;
use crate::render::diagnostic;
use crate::ruleset::{RuleSet, embedded_source};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Exit code: every scenario eligible (or the command succeeded).
pub(crate) const EXIT_OK: u8 = 0;
/// Exit code: at least one scenario not eligible.
pub(crate) const EXIT_NOT_ELIGIBLE: u8 = 1;
/// Exit code: usage error, bad input, or output that could not be written.
pub(crate) const EXIT_BAD_INPUT: u8 = 2;
/// Exit code: none not eligible, at least one undetermined.
pub(crate) const EXIT_UNDETERMINED: u8 = 3;

/// Where output goes. A closed pipe (`| head`) stops output quietly; any
/// other write error is remembered, reported once and ends with exit 2.
pub(crate) struct Io {
    out: anstream::AutoStream<std::io::StdoutLock<'static>>,
    err: anstream::AutoStream<std::io::Stderr>,
    /// Whether colour may be written (stdout is a terminal and `NO_COLOR` is unset).
    pub color: bool,
    closed: bool,
    failed: Option<std::io::Error>,
    /// The rule files read for this run, kept to quote their lines.
    kept: HashMap<String, Kept>,
    /// The language of problems (`--lang`).
    pub lang: Lang,
}

/// A rule file's text and where each of its lines starts.
struct Kept {
    text: String,
    starts: Vec<usize>,
}

impl Kept {
    fn new(text: String) -> Kept {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Kept { text, starts }
    }
    /// Line `n` (1-based), without its line ending, as `str::lines` gives it.
    fn line(&self, n: u32) -> Option<&str> {
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).map_or(self.text.len(), |e| e - 1);
        let line = self.text.get(start..end)?;
        if start == self.text.len() {
            return None;
        }
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

impl Io {
    /// Standard output and error.
    pub fn std() -> Io {
        let stdout = std::io::stdout().lock();
        let choice = anstream::AutoStream::choice(&stdout);
        let color = !matches!(choice, anstream::ColorChoice::Never);
        // Renderers paint only when `color` is set, so without colour there
        // is nothing to strip: pass the bytes through (stripping costs more
        // than rendering a JSON batch).
        let choice = if color {
            choice
        } else {
            anstream::ColorChoice::AlwaysAnsi
        };
        Io {
            out: anstream::AutoStream::new(stdout, choice),
            err: anstream::AutoStream::auto(std::io::stderr()),
            color,
            closed: false,
            failed: None,
            kept: HashMap::new(),
            lang: Lang::En,
        }
    }

    /// Writes to standard output (nothing once the output is gone).
    pub fn print(&mut self, s: &str) {
        self.print_bytes(s.as_bytes());
    }

    /// Writes bytes to standard output (nothing once the output is gone).
    pub fn print_bytes(&mut self, b: &[u8]) {
        if self.closed || self.failed.is_some() {
            return;
        }
        if let Err(e) = self.out.write_all(b) {
            self.note(e);
        }
    }

    /// Writes to standard error.
    pub fn eprint(&mut self, s: &str) {
        let _ = self.err.write_all(s.as_bytes());
    }

    /// Whether nothing more can be written (the reader went away, or writing failed).
    pub fn gone(&self) -> bool {
        self.closed || self.failed.is_some()
    }

    fn note(&mut self, e: std::io::Error) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            self.closed = true;
        } else {
            self.failed = Some(e);
        }
    }

    /// Flushes; the exit code becomes 2 if any write failed (not for a closed pipe).
    pub fn finish(&mut self, code: u8) -> u8 {
        if !self.gone()
            && let Err(e) = self.out.flush()
        {
            self.note(e);
        }
        match self.failed.take() {
            Some(e) => {
                let msg = Msg::CannotWrite {
                    why: crate::message::IoReason::of(&e),
                };
                self.eprint(&diagnostic::words(&msg, None, self.lang));
                EXIT_BAD_INPUT
            }
            None => code,
        }
    }

    /// Prints a ruleset that did not load: every problem, with its source line.
    pub fn ruleset_error(&mut self, e: &RulesetError) {
        let msg = Msg::ErrorCount { n: e.errors() };
        self.eprint(&diagnostic::words(&msg, None, self.lang));
        for d in &e.diagnostics {
            self.diagnostic(d);
        }
    }

    /// Prints one ruleset diagnostic with its source line.
    pub fn diagnostic(&mut self, d: &Diagnostic) {
        let s = match self.kept.get(&d.location.file) {
            Some(k) => diagnostic::diagnostic_line_in(d, k.line(d.location.line), self.lang),
            None => diagnostic::diagnostic_in(d, embedded_source(&d.location.file), self.lang),
        };
        self.eprint(&s);
    }

    /// Keeps the text of a rule file read, to quote it in messages.
    fn keep(&mut self, file: String, text: String) {
        self.kept.insert(file, Kept::new(text));
    }

    /// Prints a scenario error, quoting `source` (the text read, if any).
    pub fn scenario_error(&mut self, e: &ScenarioError, source: Option<&str>) {
        self.eprint(&diagnostic::scenario_error_in(e, source, self.lang));
    }

    /// Prints a problem of the command line itself.
    pub fn usage(&mut self, d: &Diagnostic) {
        self.eprint(&diagnostic::plain_in(d, self.lang));
    }

    /// Prints a problem with a file or folder (no source line to show).
    pub fn file_problem(&mut self, d: &Diagnostic) {
        let sev = diagnostic::severity(d.severity, self.lang);
        let mut s = format!(
            "{sev}: {}: {}\n",
            crate::render::clean(&d.location.to_string()),
            crate::render::clean(&d.message_in(self.lang))
        );
        if let Some(h) = d.help_in(self.lang) {
            let help = crate::message::label(self.lang, crate::message::Label::Help);
            s.push_str(&format!("  {help}: {}\n", crate::render::clean(&h)));
        }
        self.eprint(&s);
    }

    /// Prints the problems of a folder walk; how many of them are errors
    /// (a skipped link to nothing is only a warning).
    pub fn walk_problems(&mut self, problems: &[Diagnostic]) -> usize {
        for d in problems {
            self.file_problem(d);
        }
        problems
            .iter()
            .filter(|d| d.severity == crate::error::Severity::Error)
            .count()
    }
}

/// The embedded ruleset, or the one in `dir`; problems printed. Each rule
/// file is read once and its text kept for messages.
pub(crate) fn load_rules(dir: Option<&Path>, io: &mut Io) -> Option<RuleSet> {
    let res = match dir {
        Some(dir) => {
            if !dir.is_dir() {
                let msg = Msg::RulesNotDir {
                    dir: crate::render::clean(&dir.display().to_string()).into_owned(),
                };
                let help = Msg::Fixed(Fixed::RulesFolder);
                io.eprint(&diagnostic::words(&msg, Some(&help), io.lang));
                return None;
            }
            let read = crate::files::rule_texts(dir);
            if read.failed() {
                io.ruleset_error(&RulesetError {
                    diagnostics: read.problems,
                });
                return None;
            }
            let res = RuleSet::from_texts(&read.texts).map(|mut rs| {
                rs.warnings.extend(read.problems);
                rs
            });
            for (file, text) in read.texts {
                io.keep(file, text);
            }
            res
        }
        None => RuleSet::embedded(),
    };
    match res {
        Ok(r) => Some(r),
        Err(e) => {
            io.ruleset_error(&e);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Kept;

    #[test]
    fn kept_lines_are_the_lines_str_lines_gives() {
        for text in ["a\nb\r\nc", "a\n\nb\n", "", "\n", "one", "x\r\n"] {
            let k = Kept::new(text.to_owned());
            let want: Vec<&str> = text.lines().collect();
            for n in 1..=want.len() + 2 {
                assert_eq!(
                    k.line(n as u32),
                    want.get(n - 1).copied(),
                    "{text:?} line {n}"
                );
            }
            assert_eq!(k.line(0), None);
        }
    }
}
