//! Reading files: directory walks in sorted order and size-limited reads.

use crate::error::{Diagnostic, ScenarioError, Severity};
use crate::rule::Location;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every `*.yaml` / `*.yml` file below `dir`, in sorted path order.
pub fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut out = Vec::new();
    walk(dir, &mut out, 0)?;
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: u32) -> Result<(), Diagnostic> {
    if depth > 32 {
        return Ok(());
    }
    let rd = std::fs::read_dir(dir).map_err(|e| io_diag(dir, &e))?;
    for entry in rd {
        let entry = entry.map_err(|e| io_diag(dir, &e))?;
        let p = entry.path();
        let ft = entry.file_type().map_err(|e| io_diag(&p, &e))?;
        if ft.is_dir() {
            walk(&p, out, depth + 1)?;
        } else if is_yaml(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// Whether a path names a YAML file.
pub fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// An I/O problem as a diagnostic.
pub fn io_diag(p: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic {
        code: "io",
        severity: Severity::Error,
        location: Location {
            file: p.display().to_string(),
            line: 0,
            column: 0,
        },
        message: format!("cannot read: {}", io_reason(e)),
        help: None,
    }
}

/// A short, stable reason for an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}

/// Reads a text file of at most `max_bytes`, checking that it is UTF-8.
pub fn read_text(path: &Path, max_bytes: u64) -> Result<String, ScenarioError> {
    let file = path.display().to_string();
    let read_err = |e: &std::io::Error| ScenarioError::Read {
        file: file.clone(),
        reason: io_reason(e),
    };
    let meta = std::fs::metadata(path).map_err(|e| read_err(&e))?;
    if meta.is_dir() {
        return Err(ScenarioError::Read {
            file,
            reason: "it is a directory".into(),
        });
    }
    if meta.len() > max_bytes {
        return Err(ScenarioError::TooLarge {
            file,
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| read_err(&e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(ScenarioError::TooLarge {
            file,
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = text.matches('\n').count() as u32 + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        ScenarioError::NotText {
            location: Location { file, line, column },
        }
    })
}
