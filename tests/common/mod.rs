//! Helpers shared by the integration tests: running the real binary, temp
//! folders, the shipped scenarios, and the embedded ruleset loaded once.
#![allow(dead_code)] // each test file uses some of them

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const ELIGIBLE: &str = "scenarios/untac-1992.yaml";
pub const NOT_ELIGIBLE: &str = "scenarios/hypo-p1-no-ceasefire-1995.yaml";
pub const UNDETERMINED: &str = "scenarios/hypo-undetermined-ceasefire-unknown-2005.yaml";
pub const KAKETSUKE_2016: &str = "scenarios/unmiss-2016-kaketsuke-keigo.yaml";

// ---------------------------------------------------------------- helpers

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the real binary from the crate root, with colour left to auto-detection.
pub fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_peacecoop"))
        .args(args)
        .current_dir(manifest_dir())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs");
    let out = Out {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !out.stderr.contains("panicked") && !out.stderr.contains("RUST_BACKTRACE"),
        "the binary panicked:\n{}",
        out.stderr
    );
    out
}

/// Asserts the exit code, showing both streams when it differs.
#[track_caller]
pub fn assert_code(out: &Out, code: i32) {
    assert_eq!(
        out.code, code,
        "unexpected exit code\n--- stdout\n{}\n--- stderr\n{}",
        out.stdout, out.stderr
    );
}

/// A directory under the system temp dir, unique per test, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// Named by process id and a counter only, so that message checks cannot
    /// match words in the path.
    pub fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("peacecoop-cli-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create parent dir");
        }
        std::fs::write(&p, text).expect("write temp file");
        p
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(manifest_dir().join(rel)).expect("read crate file")
}

/// A shipped scenario with the first `from` replaced by `to` (which must occur).
pub fn variant(rel: &str, from: &str, to: &str) -> String {
    let text = read(rel);
    assert!(text.contains(from), "{rel} no longer contains {from:?}");
    text.replacen(from, to, 1)
}

/// 1-based line and column of the first `needle` in `text`.
pub fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle present");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// The (English) name of a shipped scenario.
pub fn scenario_name(rel: &str) -> String {
    scenario(rel).name().to_owned()
}

/// The rule ids of `peacecoop rules --format json` (with extra arguments), in order.
pub fn rule_ids(extra: &[&str]) -> Vec<String> {
    let mut args = vec!["rules", "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(&args);
    assert_code(&out, 0);
    out.json()["rules"]
        .as_array()
        .expect("`rules` is an array")
        .iter()
        .map(|r| r["rule"].as_str().expect("rule id").to_owned())
        .collect()
}

pub fn trace_ids(result: &Value) -> Vec<String> {
    result["trace"]
        .as_array()
        .expect("trace is an array")
        .iter()
        .map(|t| t["rule"].as_str().expect("rule id").to_owned())
        .collect()
}

pub fn outcome<'a>(result: &'a Value, rule: &str) -> &'a str {
    result["trace"]
        .as_array()
        .expect("trace")
        .iter()
        .find(|t| t["rule"] == rule)
        .unwrap_or_else(|| panic!("rule {rule} in the trace"))["outcome"]
        .as_str()
        .expect("outcome is a string")
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("dir entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy file");
        }
    }
}

/// Every `*.yaml` / `*.yml` below `dir`, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("dir entry").path();
        if p.is_dir() {
            out.extend(yaml_files(&p));
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml")) {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// A copy of the shipped `rules/` in a fresh temp dir.
pub fn rules_copy() -> (TempDir, PathBuf) {
    let tmp = TempDir::new();
    let dir = tmp.path().join("rules");
    copy_dir(&manifest_dir().join("rules"), &dir);
    (tmp, dir)
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The embedded ruleset, loaded once per test binary.
pub fn rules() -> &'static peacecoop::RuleSet {
    static R: std::sync::OnceLock<peacecoop::RuleSet> = std::sync::OnceLock::new();
    R.get_or_init(|| peacecoop::RuleSet::embedded().expect("the shipped rules load"))
}

/// The names of the seeded broken rule sets under `tests/broken-rulesets/`, sorted.
pub fn broken_rulesets() -> Vec<String> {
    let dir = manifest_dir().join("tests/broken-rulesets");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/broken-rulesets")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every shipped scenario file, sorted, as paths relative to the crate root.
pub fn scenario_files() -> Vec<String> {
    yaml_files(&manifest_dir().join("scenarios"))
        .into_iter()
        .map(|p| {
            p.strip_prefix(manifest_dir())
                .expect("under the crate")
                .display()
                .to_string()
        })
        .collect()
}

/// A scenario file (relative to the crate root), parsed with the embedded rules.
pub fn scenario(rel: &str) -> peacecoop::Scenario {
    rules()
        .parse_scenario(&read(rel), rel)
        .unwrap_or_else(|e| panic!("{rel} is valid:\n{e}"))
}
