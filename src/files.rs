//! Reading files: folder walks in sorted order and size-limited reads. Each
//! input is read once and its text kept, so that a message can quote it
//! without opening the file again (a FIFO would hang, a changed file would
//! be misquoted).
//!
//! Files found in a folder must be regular files; a path named on the
//! command line may also be a pipe (`<(generate)`, `/dev/stdin`), read once.

use crate::error::{Code, Diagnostic, ScenarioError, Severity};
use crate::message::{Fixed, IoReason, Msg};
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
/// The deepest folder a walk enters (folders below it are reported, not read).
pub const MAX_DEPTH: usize = 32;
/// The most entries a walk looks at.
pub const MAX_ENTRIES: usize = 1_000_000;

/// What a walk found: the YAML files, and every entry it could not use.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// `*.yaml`/`*.yml` files, in sorted path order.
    pub files: Vec<PathBuf>,
    /// Entries that could not be read (errors) or were skipped (warnings), with why.
    pub problems: Vec<Diagnostic>,
}

/// Every `*.yaml` / `*.yml` file below `dir`, in sorted path order. Hidden
/// entries (`.git/`, `.github/`, an editor's `.#lock.yaml`) are skipped;
/// linked folders are followed once; a link to nothing named like a YAML
/// file is a warning; every entry that cannot be read (no permission, a
/// path too long, a pipe, too deep) is reported and the walk goes on.
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
            Msg::FolderTooDeep { max: MAX_DEPTH },
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
    // Each entry with its type as the folder listing gives it (no `stat`);
    // a link, or a type the listing does not give, is looked at below.
    let mut children: Vec<(PathBuf, Option<std::fs::FileType>)> = Vec::new();
    for entry in rd {
        *entries += 1;
        if *entries > MAX_ENTRIES {
            w.problems.push(Diagnostic::error(
                Code::Io,
                Location::file(dir.display().to_string()),
                Msg::TooManyEntries { max: MAX_ENTRIES },
            ));
            return;
        }
        match entry {
            Ok(e) => {
                let ty = e.file_type().ok().filter(|t| t.is_file() || t.is_dir());
                children.push((e.path(), ty));
            }
            Err(e) => w.problems.push(io_diag(dir, &e)),
        }
    }
    // Siblings: ordered as their paths would be, by name.
    children.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
    for (p, ty) in children {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // Not a link: its own type. Otherwise follows links.
        let meta = match ty {
            Some(t) => Ok(t),
            None => std::fs::metadata(&p).map(|m| m.file_type()),
        };
        match meta {
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
                let link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
                if link && e.kind() == std::io::ErrorKind::NotFound {
                    // A link to nothing: an editor's leftover, or a file moved away.
                    if is_yaml(&p) {
                        w.problems.push(Diagnostic::warning(
                            Code::DanglingLink,
                            Location::file(p.display().to_string()),
                            Fixed::DanglingLink,
                        ));
                    }
                } else {
                    // No permission, a path too long, …: said, whatever the name.
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
        Fixed::NotAFile,
    )
}

/// An I/O problem as a diagnostic.
pub(crate) fn io_diag(p: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::Io,
        Location::file(p.display().to_string()),
        Msg::CannotRead {
            reason: IoReason::of(e),
            file: false,
        },
    )
}

/// What kind of file is being read, for the limit and its help line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A scenario named on the command line or by a library call: may be a
    /// pipe (`<(generate)`), read once.
    NamedScenario,
    /// A scenario found in a folder: regular files only.
    #[cfg_attr(not(feature = "cli"), allow(dead_code))] // only the CLI walks folders
    FoundScenario,
    /// A rule file: regular files only.
    Rules,
}

/// Reads a text file of at most `max_bytes` (a rule file or a scenario
/// found in a folder: regular files only, never opening a pipe) as UTF-8.
pub(crate) fn read_text(path: &Path, max_bytes: u64) -> Result<String, Diagnostic> {
    read_text_keeping(path, max_bytes, Kind::Rules).map_err(|(d, _)| d)
}

/// Like [`read_text`], for any [`Kind`]; on a file that is not UTF-8, also
/// the text read (invalid bytes replaced), so the message can show the line.
pub(crate) fn read_text_keeping(
    path: &Path,
    max_bytes: u64,
    kind: Kind,
) -> Result<String, (Diagnostic, Option<String>)> {
    let plain = |d: Diagnostic| (d, None);
    let file = path.display().to_string();
    let read_err = |e: &std::io::Error| {
        Diagnostic::error(
            Code::Io,
            Location::file(&file),
            Msg::CannotRead {
                reason: IoReason::of(e),
                file: true,
            },
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| plain(read_err(&e)))?;
    if meta.is_dir() {
        return Err(plain(Diagnostic::error(
            Code::Io,
            Location::file(&file),
            Msg::CannotRead {
                reason: IoReason::IsDir,
                file: true,
            },
        )));
    }
    if !meta.is_file() && kind != Kind::NamedScenario {
        return Err(plain(not_a_file(path)));
    }
    let too_large = |size: Option<u64>| {
        let help = match kind {
            Kind::Rules => Fixed::RuleFileHelp,
            _ => Fixed::ScenarioSizeHelp,
        };
        let message = Msg::FileTooLarge {
            size,
            max: max_bytes,
        };
        Diagnostic::error(Code::TooLarge, Location::file(&file), message)
            .with_help(Some(help.into()))
    };
    if meta.is_file() && meta.len() > max_bytes {
        return Err(plain(too_large(Some(meta.len()))));
    }
    // Room for the whole file and the read that finds its end (within the limit).
    let room = if meta.is_file() {
        meta.len().saturating_add(1)
    } else {
        0
    };
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    let mut f = std::fs::File::open(path).map_err(|e| plain(read_err(&e)))?;
    // Swapped for something else since it was looked at: read only a regular file.
    if kind != Kind::NamedScenario && !f.metadata().is_ok_and(|m| m.is_file()) {
        return Err(plain(not_a_file(path)));
    }
    (&mut f)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| plain(read_err(&e)))?;
    if bytes.len() as u64 > max_bytes {
        // A pipe, a device or a file still growing: read no further.
        return Err(plain(too_large(None)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = text.matches('\n').count() as u32 + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        let d = Diagnostic::error(
            Code::NotText,
            Location::new(&file, line, column),
            Fixed::NotUtf8,
        );
        (d, Some(String::from_utf8_lossy(e.as_bytes()).into_owned()))
    })
}

/// The rule files of a folder, each read once: their texts (named as
/// messages show them), and every problem with the folder or a file.
#[derive(Debug, Default)]
pub(crate) struct RuleTexts {
    /// `(path, text)`, in sorted path order.
    pub texts: Vec<(String, String)>,
    /// Problems with the folder or a file: errors, and skipped entries (warnings).
    pub problems: Vec<Diagnostic>,
}

impl RuleTexts {
    /// Whether a problem stops the ruleset from loading.
    pub fn failed(&self) -> bool {
        self.problems.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Reads every rule file below `dir` once, within the size limits.
pub(crate) fn rule_texts(dir: &Path) -> RuleTexts {
    let walk = yaml_files(dir);
    let mut out = RuleTexts {
        texts: Vec::new(),
        problems: walk.problems,
    };
    if walk.files.is_empty() && !out.failed() {
        out.problems.push(
            Diagnostic::error(
                Code::NoRuleFiles,
                Location::file(dir.display().to_string()),
                Fixed::NoRuleFiles,
            )
            .with_help(Some(Fixed::RulesFolder.into())),
        );
    }
    let mut total = 0u64;
    for f in &walk.files {
        match read_text(f, MAX_RULE_FILE_BYTES) {
            Ok(t) => {
                total += t.len() as u64;
                if total > MAX_RULESET_BYTES {
                    out.problems.push(
                        Diagnostic::error(
                            Code::TooLarge,
                            Location::file(dir.display().to_string()),
                            Msg::RuleBytes {
                                max: MAX_RULESET_BYTES,
                            },
                        )
                        .with_help(Some(Fixed::RuleBytesHelp.into())),
                    );
                    break;
                }
                out.texts.push((f.display().to_string(), t));
            }
            Err(d) => out.problems.push(d),
        }
    }
    out
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
    /// with every check. Files and the whole ruleset have size limits;
    /// hidden entries are skipped, and a link to nothing is a warning.
    pub fn from_dir(dir: &Path) -> Result<RuleSet, crate::error::RulesetError> {
        let read = rule_texts(dir);
        if read.failed() {
            return Err(crate::error::RulesetError {
                diagnostics: read.problems,
            });
        }
        let mut rs = RuleSet::from_texts(&read.texts)?;
        rs.warnings.extend(read.problems);
        Ok(rs)
    }

    /// Reads and parses a scenario file, refusing files over `max_bytes`.
    /// The path may name a pipe: it is read once.
    pub fn read_scenario(&self, path: &Path, max_bytes: u64) -> Result<Scenario, ScenarioError> {
        self.load_file(path, max_bytes, Kind::NamedScenario)
            .scenario
    }

    /// Reads a scenario file once, keeping its text for messages.
    pub(crate) fn load_file(&self, path: &Path, max_bytes: u64, kind: Kind) -> Loaded {
        let file = path.display().to_string();
        match read_text_keeping(path, max_bytes, kind) {
            Ok(text) => Loaded {
                scenario: self
                    .parse_scenario(&text, &file)
                    .map_err(|e| crate::load::misplaced_rule_file(&text, &file).unwrap_or(e)),
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

/// The inputs named on a command line, folders expanded.
#[cfg(feature = "cli")]
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    /// Each scenario path, and how it was found.
    pub paths: Vec<(PathBuf, Kind)>,
    /// Problems with folders and their entries.
    pub problems: Vec<Diagnostic>,
    /// Whether a folder was named (JSON output is then always an array).
    pub folder: bool,
}

/// Files and folders into scenario paths: a folder gives its `*.yaml` files
/// (see [`yaml_files`]); a folder holding none is an error.
#[cfg(feature = "cli")]
pub(crate) fn expand(paths: &[PathBuf]) -> Inputs {
    let mut out = Inputs::default();
    for p in paths {
        if p.is_dir() {
            out.folder = true;
            let walk = yaml_files(p);
            if walk.files.is_empty() && walk.problems.is_empty() {
                out.problems.push(Diagnostic::error(
                    Code::Io,
                    Location::file(p.display().to_string()),
                    Fixed::NoScenarioFiles,
                ));
            }
            out.problems.extend(walk.problems);
            out.paths
                .extend(walk.files.into_iter().map(|f| (f, Kind::FoundScenario)));
        } else {
            out.paths.push((p.clone(), Kind::NamedScenario));
        }
    }
    out
}
