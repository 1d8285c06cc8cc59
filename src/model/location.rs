//! Where something was written: a file, a line and a column.

use super::strings::Str;

/// A place in a file; line and column are 1-based, 0 when unknown.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[non_exhaustive]
pub struct Location {
    /// The file, as named when loading.
    pub file: String,
    /// 1-based line (0 if unknown).
    pub line: u32,
    /// 1-based column (0 if unknown).
    pub column: u32,
}

impl Location {
    /// A place in `file`.
    pub fn new(file: impl Into<String>, line: u32, column: u32) -> Location {
        Location {
            file: file.into(),
            line,
            column,
        }
    }
    /// The whole file (no line or column).
    pub fn file(file: impl Into<String>) -> Location {
        Location::new(file, 0, 0)
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.file.is_empty(), self.line) {
            (_, 0) => f.write_str(&self.file),
            (true, l) => write!(f, "{l}:{}", self.column),
            (false, l) => write!(f, "{}:{l}:{}", self.file, self.column),
        }
    }
}

/// Where a declaration of a ruleset was written: a [`Location`] whose file
/// name can be part of the built-in ruleset (a [`Str`]), so that the ruleset
/// can be a `static`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Place {
    pub file: Str,
    pub line: u32,
    pub column: u32,
}

impl Place {
    /// The public form, for diagnostics.
    pub fn location(&self) -> Location {
        Location::new(self.file.as_str(), self.line, self.column)
    }
}

impl From<Location> for Place {
    fn from(l: Location) -> Place {
        Place {
            file: l.file.into(),
            line: l.line,
            column: l.column,
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.location().fmt(f)
    }
}
