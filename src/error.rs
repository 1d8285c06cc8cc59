//! Error types. Every error a user can cause carries the file and, where
//! known, the line and column, what was found and what was expected.

use crate::rule::Location;
use std::fmt;

/// How serious a ruleset problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The ruleset cannot be used.
    Error,
    /// The ruleset works but something is probably wrong.
    Warning,
}

/// One problem found in a ruleset, as data: `check` prints them, tools read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// A stable code, e.g. `unknown-fact`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we can tell.
    pub help: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}: {sev}[{}]: {}",
            self.location, self.code, self.message
        )?;
        if let Some(h) = &self.help {
            write!(f, "\n  help: {h}")?;
        }
        Ok(())
    }
}

/// A ruleset that could not be loaded: every problem found, all at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RulesetError {
    /// The problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for RulesetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        writeln!(
            f,
            "the ruleset has {n} error{}",
            if n == 1 { "" } else { "s" }
        )?;
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// A scenario file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// The file could not be opened or read.
    #[error("{file}: cannot read the file: {reason}")]
    Read {
        /// The path.
        file: String,
        /// The operating system's reason.
        reason: String,
    },
    /// The file is larger than the limit.
    #[error(
        "{file}: the file is {size} bytes, over the limit of {limit} bytes\n  help: a scenario is a few hundred bytes; raise the limit with --max-size if this is intended"
    )]
    TooLarge {
        /// The path.
        file: String,
        /// Its size in bytes.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The bytes are not UTF-8 text.
    #[error("{location}: the file is not UTF-8 text (found invalid bytes)")]
    NotText {
        /// Where the first invalid byte is.
        location: Location,
    },
    /// YAML syntax error.
    #[error("{location}: invalid YAML: {message}")]
    Syntax {
        /// Where the parser stopped.
        location: Location,
        /// What it said.
        message: String,
    },
    /// The file holds no document, or only `null`.
    #[error(
        "{file}: the file holds no scenario (it is empty or null)\n  help: a scenario is a mapping with at least `name:` and `operation:`"
    )]
    Empty {
        /// The path.
        file: String,
    },
    /// Something other than a mapping where a mapping is needed.
    #[error("{location}: expected a mapping of keys to values{context}, found {found}")]
    NotAMapping {
        /// Where.
        location: Location,
        /// What was there.
        found: String,
        /// " under `key`" or empty.
        context: String,
    },
    /// A key that is not in the vocabulary.
    #[error("{location}: unknown key `{key}`; expected one of {expected}{}", help_line(.suggestion))]
    UnknownKey {
        /// Where.
        location: Location,
        /// The key as written (dotted).
        key: String,
        /// The keys allowed there.
        expected: String,
        /// The closest allowed key.
        suggestion: Option<String>,
    },
    /// A value outside a fact's type or domain.
    #[error("{location}: invalid value for `{key}`: found {found}, expected {expected}{}", hint_line(.hint))]
    InvalidValue {
        /// Where.
        location: Location,
        /// The fact (dotted).
        key: String,
        /// What was written.
        found: String,
        /// What is allowed.
        expected: String,
        /// A suggestion or explanation.
        hint: Option<String>,
    },
    /// Several problems in one file, in file order.
    #[error("{}", several(.errors, *.more))]
    Several {
        /// The path.
        file: String,
        /// The problems (at most 20).
        errors: Vec<ScenarioError>,
        /// How many more problems were found but not listed.
        more: usize,
    },
    /// The required `name` is missing.
    #[error(
        "{file}: the scenario has no `name`\n  help: add a line such as `name: UNTAC, Cambodia`"
    )]
    MissingName {
        /// The path.
        file: String,
    },
}

fn several(errors: &[ScenarioError], more: usize) -> String {
    let mut lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    if more > 0 {
        lines.push(format!("… and {more} more problems in the same file"));
    }
    lines.join("\n")
}

fn help_line(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("\n  help: did you mean `{s}`?"),
        None => String::new(),
    }
}

fn hint_line(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("\n  help: {s}"),
        None => String::new(),
    }
}

impl ScenarioError {
    /// Where in the file the error is, when there is a line and column.
    pub fn location(&self) -> Option<&Location> {
        match self {
            ScenarioError::NotText { location }
            | ScenarioError::Syntax { location, .. }
            | ScenarioError::NotAMapping { location, .. }
            | ScenarioError::UnknownKey { location, .. }
            | ScenarioError::InvalidValue { location, .. } => Some(location),
            _ => None,
        }
    }

    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ScenarioError::Read { file, .. }
            | ScenarioError::TooLarge { file, .. }
            | ScenarioError::Empty { file }
            | ScenarioError::Several { file, .. }
            | ScenarioError::MissingName { file } => file,
            ScenarioError::NotText { location }
            | ScenarioError::Syntax { location, .. }
            | ScenarioError::NotAMapping { location, .. }
            | ScenarioError::UnknownKey { location, .. }
            | ScenarioError::InvalidValue { location, .. } => &location.file,
        }
    }
}

/// The closest name to `word` among `candidates`, if any is close enough.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let lw = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lw, &c.to_lowercase()), c))
        .filter(|(s, _)| *s >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_owned())
}
