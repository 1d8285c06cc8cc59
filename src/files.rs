//! Reading files: folder walks in sorted order and size-limited reads. Each
//! input is read once and its text kept, so that a message can quote it
//! without opening the file again (a FIFO would hang).

use crate::error::{Code, Diagnostic, ScenarioError};
use crate::model::{Location, Scenario};
use crate::ruleset::RuleSet;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest scenario file read by default (a scenario is a few hundred bytes).
pub const DEFAULT_MAX_SCENARIO_BYTES: u64 = 1024 * 1024;
/// The largest rule file read (the shipped ones are under 40 KB).
pub const MAX_RULE_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// The most bytes of rule files read for one ruleset.
pub const MAX_RULESET_BYTES: u64 = 16 * 1024 * 1024;
/// The deepest folder a walk enters.
pub const MAX_DEPTH: usize = 32;
/// The most entries a walk looks at.
pub const MAX_ENTRIES: usize = 1_000_000;

/// What a walk found: the YAML files, and every entry it could not use.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// `*.yaml`/`*.yml` files, in sorted path order.
    pub files: Vec<PathBuf>,
    /// Entries that could not be read, or were skipped, with why.
    pub problems: Vec<Diagnostic>,
}

/// Every `*.yaml` / `*.yml` file below `dir`, in sorted path order. Hidden
/// entries (`.git/`, `.#lock.yaml`) are skipped; linked folders are followed
/// once; an unreadable entry is reported and the walk goes on.
pub(crate) fn yaml_files(dir: &Path) -> Walk {
    let mut w = Walk::default();
    let mut seen = HashSet::new();
    let mut entries = 0usize;
    walk(dir, &mut w, &mut seen, &mut entries, 0);
    w.files.sort();
    w
}

fn walk(dir: &Path, w: &mut Walk, seen: &mut HashSet<PathBuf>, entries: &mut usize, depth: usize) {
    if depth > MAX_DEPTH {
        w.problems.push(Diagnostic::error(
            Code::Io,
            Location::file(dir.display().to_string()),
            format!("skipped: the folder is more than {MAX_DEPTH} folders deep"),
        ));
        return;
    }
    // A folder reached twice through links is read once.
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real)
    {
        return;
    }
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            w.problems.push(io_diag(dir, &e));
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in rd {
        *entries += 1;
        if *entries > MAX_ENTRIES {
            w.problems.push(Diagnostic::error(
                Code::Io,
                Location::file(dir.display().to_string()),
                format!("stopped: more than {MAX_ENTRIES} entries below the folder"),
            ));
            return;
        }
        match entry {
            Ok(e) => children.push(e.path()),
            Err(e) => w.problems.push(io_diag(dir, &e)),
        }
    }
    children.sort();
    for p in children {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // Follows links: a dangling link is reported only if it looks like a YAML file.
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, w, seen, entries, depth + 1),
            Ok(m) if m.is_file() => {
                if is_yaml(&p) {
                    w.files.push(p);
                }
            }
            Ok(_) => {
                if is_yaml(&p) {
                    w.problems.push(not_a_file(&p));
                }
            }
            Err(e) => {
                if is_yaml(&p) {
                    w.problems.push(io_diag(&p, &e));
                }
            }
        }
    }
}

/// Whether a path names a YAML file.
pub(crate) fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

fn not_a_file(p: &Path) -> Diagnostic {
    Diagnostic::error(
        Code::NotAFile,
        Location::file(p.display().to_string()),
        "cannot read: not a regular file (a pipe, socket or device)",
    )
}

/// An I/O problem as a diagnostic.
pub(crate) fn io_diag(p: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::Io,
        Location::file(p.display().to_string()),
        format!("cannot read: {}", io_reason(e)),
    )
}

/// A short, stable reason for an I/O error.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}

/// Reads a text file of at most `max_bytes`, checking that it is a regular
/// file (never opening a pipe) and UTF-8 text.
pub(crate) fn read_text(path: &Path, max_bytes: u64) -> Result<String, Diagnostic> {
    read_text_keeping(path, max_bytes).map_err(|(d, _)| d)
}

/// Like [`read_text`]; on a file that is not UTF-8, also the text read
/// (invalid bytes replaced), so the message can show the line.
pub(crate) fn read_text_keeping(
    path: &Path,
    max_bytes: u64,
) -> Result<String, (Diagnostic, Option<String>)> {
    let plain = |d: Diagnostic| (d, None);
    let file = path.display().to_string();
    let read_err = |e: &std::io::Error| {
        Diagnostic::error(
            Code::Io,
            Location::file(&file),
            format!("cannot read the file: {}", io_reason(e)),
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| plain(read_err(&e)))?;
    if meta.is_dir() {
        return Err(plain(Diagnostic::error(
            Code::Io,
            Location::file(&file),
            "cannot read the file: it is a directory",
        )));
    }
    if !meta.is_file() {
        return Err(plain(not_a_file(path)));
    }
    let too_large = |size: u64| {
        Diagnostic::error(
            Code::TooLarge,
            Location::file(&file),
            format!("the file is {size} bytes, over the limit of {max_bytes} bytes"),
        )
        .with_help(Some(
            "a scenario is a few hundred bytes; raise the limit with --max-size if this is intended"
                .into(),
        ))
    };
    if meta.len() > max_bytes {
        return Err(plain(too_large(meta.len())));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| plain(read_err(&e)))?;
    if bytes.len() as u64 > max_bytes {
        return Err(plain(too_large(bytes.len() as u64)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = text.matches('\n').count() as u32 + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        let d = Diagnostic::error(
            Code::NotText,
            Location::new(&file, line, column),
            "the file is not UTF-8 text (found invalid bytes)",
        );
        (d, Some(String::from_utf8_lossy(e.as_bytes()).into_owned()))
    })
}

/// A scenario file read once: its text (when it could be read) and what it gave.
#[derive(Debug)]
#[cfg_attr(not(feature = "cli"), allow(dead_code))] // the CLI quotes the text
pub(crate) struct Loaded {
    /// The path as given.
    pub file: String,
    /// The text, kept for messages.
    pub text: Option<String>,
    /// The scenario, or every problem found.
    pub scenario: Result<Scenario, ScenarioError>,
}

impl RuleSet {
    /// Loads every `*.yaml`/`*.yml` file below `dir`, in sorted path order,
    /// with every check. Files and the whole ruleset have size limits.
    pub fn from_dir(dir: &Path) -> Result<RuleSet, crate::RulesetError> {
        let walk = yaml_files(dir);
        let mut diags = walk.problems;
        if walk.files.is_empty() && diags.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::NoRuleFiles,
                    Location::file(dir.display().to_string()),
                    "the directory holds no *.yaml or *.yml rule files",
                )
                .with_help(Some(
                    "pass the folder that holds the rule files, e.g. `--rules rules/`".into(),
                )),
            );
        }
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut total = 0u64;
        for f in &walk.files {
            match read_text(f, MAX_RULE_FILE_BYTES) {
                Ok(t) => {
                    total += t.len() as u64;
                    if total > MAX_RULESET_BYTES {
                        diags.push(Diagnostic::error(
                            Code::TooLarge,
                            Location::file(dir.display().to_string()),
                            format!(
                                "the rule files hold more than {MAX_RULESET_BYTES} bytes in all"
                            ),
                        ));
                        break;
                    }
                    texts.push((f.display().to_string(), t));
                }
                Err(d) => diags.push(d),
            }
        }
        if !diags.is_empty() {
            return Err(crate::RulesetError { diagnostics: diags });
        }
        RuleSet::from_texts(&texts)
    }

    /// Reads and parses a scenario file, refusing files over `max_bytes`.
    pub fn read_scenario(&self, path: &Path, max_bytes: u64) -> Result<Scenario, ScenarioError> {
        self.load_file(path, max_bytes).scenario
    }

    /// Reads a scenario file once, keeping its text for messages.
    pub(crate) fn load_file(&self, path: &Path, max_bytes: u64) -> Loaded {
        let file = path.display().to_string();
        match read_text_keeping(path, max_bytes) {
            Ok(text) => Loaded {
                scenario: self.parse_scenario(&text, &file),
                file,
                text: Some(text),
            },
            Err((d, text)) => Loaded {
                file,
                text,
                scenario: Err(ScenarioError::one(d)),
            },
        }
    }
}
