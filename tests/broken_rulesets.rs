//! Seeded rule-set defects under `tests/broken-rulesets/`: `peacecoop check`
//! reports every problem at once, with file, line, column and the source
//! line; the report is a snapshot.

use common::*;

mod common;

/// The problems `check --rules DIR` prints, without the fixtures' missing
/// translations and sources (they are English-only and source-free on purpose).
fn report(dir: &str) -> (String, usize) {
    let out = run(&["check", "--rules", dir]);
    assert_code(&out, 2);
    let mut blocks: Vec<String> = Vec::new();
    for line in out.stderr.lines() {
        let starts =
            line.starts_with("tests/") || line.starts_with("error:") || line.ends_with("found");
        if starts || blocks.is_empty() {
            blocks.push(String::new());
        }
        if let Some(b) = blocks.last_mut() {
            b.push_str(line);
            b.push('\n');
        }
    }
    let kept: Vec<String> = blocks
        .into_iter()
        .filter(|b| b.starts_with("tests/"))
        .filter(|b| !b.contains("[missing-translation]") && !b.contains("[missing-source]"))
        .collect();
    (kept.concat(), kept.len())
}

#[test]
fn every_seeded_defect_is_reported_with_its_position() {
    let names = broken_rulesets();
    assert!(names.len() >= 10);
    for name in names {
        let (text, n) = report(&format!("tests/broken-rulesets/{name}"));
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
    let (text, n) = report("tests/broken-rulesets/many-at-once");
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
    let rs = rules();
    let findings = rs.analyse();
    assert!(findings.is_empty(), "{findings:#?}");
    // Every text a student reads exists in English and Japanese; every citation has a source.
    assert!(rs.warnings().is_empty(), "{:#?}", rs.warnings());
    let out = run(&["check"]);
    assert_code(&out, 0);
}
