//! Output streams, loading the rules, and printing errors with their source lines.

use super::*;

/// Where output goes: buffered stdout (with colour when it is a terminal) and stderr.
pub struct Io {
    out: anstream::AutoStream<std::io::StdoutLock<'static>>,
    err: anstream::AutoStream<std::io::Stderr>,
}

impl Io {
    /// Standard output and error, colour decided by terminal and `NO_COLOR`.
    pub fn std() -> Io {
        Io {
            out: anstream::AutoStream::auto(std::io::stdout().lock()),
            err: anstream::AutoStream::auto(std::io::stderr()),
        }
    }
    pub(crate) fn print(&mut self, s: &str) {
        // A closed pipe (`| head`) is not an error: stop writing quietly.
        let _ = self.out.write_all(s.as_bytes());
    }
    pub(crate) fn eprint(&mut self, s: &str) {
        let _ = self.err.write_all(s.as_bytes());
    }
    pub(crate) fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

pub(crate) fn load_rules(src: &RulesSource, io: &mut Io) -> Option<RuleSet> {
    let res = match &src.rules {
        Some(dir) => {
            if !dir.is_dir() {
                io.eprint(&format!(
                    "error: --rules `{}` is not a directory\n  help: pass the folder that holds the rule files, e.g. `--rules rules/`\n",
                    dir.display()
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
            print_ruleset_error(&e, io);
            None
        }
    }
}

pub(crate) fn print_ruleset_error(e: &RulesetError, io: &mut Io) {
    let n = e
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::error::Severity::Error)
        .count();
    io.eprint(&format!(
        "error: the ruleset has {n} error{}\n",
        if n == 1 { "" } else { "s" }
    ));
    for d in &e.diagnostics {
        print_diagnostic(d, io);
    }
}

pub(crate) fn print_diagnostic(d: &crate::error::Diagnostic, io: &mut Io) {
    let src = source_of(&d.location.file);
    io.eprint(&render::diagnostic::diagnostic(d, src.as_deref()));
}

/// The text of a file named in a message: an embedded rule file, or the file on disk.
pub(crate) fn source_of(file: &str) -> Option<String> {
    if let Some(text) = crate::ruleset::embedded_source(file) {
        return Some(text.to_owned());
    }
    let bytes = std::fs::read(file).ok()?;
    (bytes.len() as u64 <= DEFAULT_MAX_SCENARIO_BYTES)
        .then(|| String::from_utf8_lossy(&bytes).into_owned())
}

pub(crate) fn print_scenario_error(e: &crate::error::ScenarioError, io: &mut Io) {
    let src = match e {
        crate::error::ScenarioError::Several { file, .. } => source_of(file),
        _ => e.location().and_then(|l| source_of(&l.file)),
    };
    io.eprint(&render::diagnostic::scenario_error(e, src.as_deref()));
}

/// Expands files and directories into scenario paths: the paths, whether a
/// directory was given, and how many directories could not be used.
pub(crate) fn expand(paths: &[PathBuf], io: &mut Io) -> (Vec<PathBuf>, bool, usize) {
    let mut out = Vec::new();
    let mut dir_given = false;
    let mut bad = 0;
    for p in paths {
        if p.is_dir() {
            dir_given = true;
            match crate::files::yaml_files(p) {
                Ok(files) if files.is_empty() => {
                    io.eprint(&format!(
                        "error: {}: the directory holds no *.yaml or *.yml scenario files\n",
                        p.display()
                    ));
                    bad += 1;
                }
                Ok(files) => out.extend(files),
                Err(d) => {
                    io.eprint(&format!("error: {d}\n"));
                    bad += 1;
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    (out, dir_given, bad)
}
