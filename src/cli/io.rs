//! The CLI's input and output: standard output and error (colour only on a
//! terminal, `NO_COLOR` honoured), write errors noticed and reported, loading
//! the rules, and printing problems with the source line they point at.

use crate::error::{Diagnostic, RulesetError, ScenarioError, Severity};
use crate::render::diagnostic;
use crate::ruleset::{RuleSet, embedded_source};
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
        }
    }

    /// Writes to standard output (nothing once the output is gone).
    pub fn print(&mut self, s: &str) {
        if self.closed || self.failed.is_some() {
            return;
        }
        if let Err(e) = self.out.write_all(s.as_bytes()) {
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
                self.eprint(&format!("error: cannot write the output: {e}\n"));
                EXIT_BAD_INPUT
            }
            None => code,
        }
    }

    /// Prints a ruleset that did not load: every problem, with its source line.
    pub fn ruleset_error(&mut self, e: &RulesetError) {
        let n = e.errors();
        self.eprint(&format!(
            "error: the ruleset has {n} error{}\n",
            if n == 1 { "" } else { "s" }
        ));
        for d in &e.diagnostics {
            self.diagnostic(d);
        }
    }

    /// Prints one ruleset diagnostic with its source line.
    pub fn diagnostic(&mut self, d: &Diagnostic) {
        let src = source_of(&d.location.file);
        self.eprint(&diagnostic::diagnostic(d, src.as_deref()));
    }

    /// Prints a scenario error, quoting `source` (the text read, if any).
    pub fn scenario_error(&mut self, e: &ScenarioError, source: Option<&str>) {
        self.eprint(&diagnostic::scenario_error(e, source));
    }

    /// Prints a problem of the command line itself.
    pub fn usage(&mut self, d: &Diagnostic) {
        self.eprint(&diagnostic::plain(d));
    }

    /// Prints a problem with a file or folder (no source line to show).
    pub fn file_problem(&mut self, d: &Diagnostic) {
        let sev = if d.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        let mut s = format!(
            "{sev}: {}: {}\n",
            d.location,
            crate::render::clean(&d.message)
        );
        if let Some(h) = &d.help {
            s.push_str(&format!("  help: {h}\n"));
        }
        self.eprint(&s);
    }
}

/// The text of a rule file named in a message: an embedded rule file, or
/// the file on disk (rule files are regular files, read with a size limit).
fn source_of(file: &str) -> Option<String> {
    if let Some(text) = embedded_source(file) {
        return Some(text.to_owned());
    }
    crate::files::read_text(Path::new(file), crate::files::MAX_RULE_FILE_BYTES).ok()
}

/// The embedded ruleset, or the one in `dir`; problems printed.
pub(crate) fn load_rules(dir: Option<&Path>, io: &mut Io) -> Option<RuleSet> {
    let res = match dir {
        Some(dir) => {
            if !dir.is_dir() {
                io.eprint(&format!(
                    "error: --rules `{}` is not a directory\n  help: pass the folder that holds the rule files, e.g. `--rules rules/`\n",
                    crate::render::clean(&dir.display().to_string())
                ));
                return None;
            }
            RuleSet::from_dir(dir)
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
