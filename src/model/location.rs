//! Where something was written: a file, a line and a column.

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
