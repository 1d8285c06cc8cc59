//! Seeded rule-set defects under `tests/broken-rulesets/`: every problem is
//! reported at once, with file, line and column; the report is a snapshot.

use peacecoop::{RuleSet, render};
use std::path::{Path, PathBuf};

fn report(dir: &Path) -> (String, usize) {
    let diagnostics = match RuleSet::from_dir(dir) {
        Err(e) => e.diagnostics,
        Ok(rs) => peacecoop::validate::analyse(&rs),
    };
    // The fixtures are English-only on purpose; translation warnings are noise here.
    let diagnostics: Vec<_> = diagnostics
        .into_iter()
        .filter(|d| d.code != "missing-translation")
        .collect();
    let mut out = String::new();
    for d in &diagnostics {
        let src = std::fs::read_to_string(&d.location.file).ok();
        out.push_str(&render::diagnostic::diagnostic(d, src.as_deref()));
    }
    (out, diagnostics.len())
}

#[test]
fn every_seeded_defect_is_reported_with_its_position() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(&root).expect("cd to the crate");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("tests/broken-rulesets")
        .expect("tests/broken-rulesets")
        .map(|e| e.expect("entry").path())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 10);
    for dir in dirs {
        let name = dir
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or("case")
            .to_owned();
        let (text, n) = report(&dir);
        assert!(n > 0, "{name}: no problem reported");
        assert!(
            text.contains(&format!("tests/broken-rulesets/{name}/rules.yaml:")),
            "{name}: {text}"
        );
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn several_defects_are_reported_together() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (text, n) = report(&root.join("tests/broken-rulesets/many-at-once"));
    assert!(n >= 6, "{text}");
    for code in [
        "duplicate-rule",
        "unknown-fact",
        "invalid-value",
        "missing-citation",
        "unknown-rule",
    ] {
        assert!(
            text.contains(&format!("[{code}]")),
            "{code} missing from:\n{text}"
        );
    }
    assert!(text.contains("did you mean `impartial`?"), "{text}");
    assert!(text.contains("did you mean `four`?"), "{text}");
}

#[test]
fn the_shipped_rules_are_clean() {
    let rs = RuleSet::embedded().expect("embedded rules load");
    let findings = peacecoop::validate::analyse(&rs);
    assert!(findings.is_empty(), "{findings:#?}");
    // Every text a student reads exists in English and Japanese.
    assert!(rs.warnings.is_empty(), "{:#?}", rs.warnings);
}
