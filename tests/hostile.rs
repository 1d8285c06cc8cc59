//! Hostile and mistaken scenarios: every file under `tests/bad-scenarios/`
//! is refused with exit 2 and the message a user sees (kept as a snapshot,
//! with its source line); arbitrary and mutated text never panics, and every
//! error points at a line and column.

use common::*;
use proptest::prelude::*;
use std::path::PathBuf;

mod common;

#[test]
fn every_bad_scenario_gets_one_clear_message() {
    let dir = manifest_dir().join("tests/bad-scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/bad-scenarios")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 35);
    for f in files {
        let name = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("case")
            .to_owned();
        let rel = format!(
            "tests/bad-scenarios/{}",
            f.file_name().and_then(|n| n.to_str()).unwrap_or("")
        );
        let out = run(&["evaluate", &rel]);
        assert_code(&out, 2);
        assert!(out.stdout.is_empty(), "{name}: {}", out.stdout);
        assert!(
            out.stderr.starts_with("error: tests/bad-scenarios/"),
            "{}",
            out.stderr
        );
        // No words from inside the parser reach the user.
        for internal in [
            "Option<",
            "tagged",
            "invalid type",
            "serde",
            "variant",
            "struct ",
        ] {
            assert!(!out.stderr.contains(internal), "{name}: {}", out.stderr);
        }
        insta::assert_snapshot!(name, out.stderr);
    }
}

#[test]
fn oversized_files_are_refused_with_the_limit() {
    let tmp = TempDir::new();
    let mut text = String::from("name: Big\n");
    while text.len() < 3 << 20 {
        text.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    let big = tmp.write("big.yaml", &text);
    let out = run(&["evaluate", s(&big)]);
    assert_code(&out, 2);
    assert!(
        out.stderr.contains("over the limit of 1048576 bytes"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--max-size"), "{}", out.stderr);
    // Raising the limit reads it (comment-only padding, so the name is all it says).
    let out = run(&["evaluate", s(&big), "--max-size", "8388608"]);
    assert_ne!(out.code, 2, "{}", out.stderr);
}

#[test]
fn missing_files_and_directories_are_read_errors() {
    let out = run(&["evaluate", "tests/no-such-file.yaml"]);
    assert_code(&out, 2);
    assert_eq!(
        out.stderr,
        "error: tests/no-such-file.yaml: cannot read the file: no such file or directory\n"
    );
}

fn shipped_texts() -> Vec<String> {
    scenario_files().iter().map(|f| read(f)).collect()
}

/// Characters that matter to YAML, for mutations.
const YAML_BITS: &[&str] = &[
    ":",
    "-",
    " ",
    "\n",
    "  ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "&a ",
    "*a",
    "!!str ",
    "!tag ",
    "'",
    "\"",
    "|",
    ">",
    "~",
    "null",
    "true",
    "yes",
    "0x1F",
    "1e99",
    "-1",
    "2016-02-30",
    "---\n",
    "? ",
    "\t",
    "\u{feff}",
    "日本",
    "\\",
    "%YAML 1.2\n",
    "0b101",
    "1_000",
    "!!binary ",
];

fn mutate(text: &str, edits: &[(usize, usize, usize)]) -> String {
    let mut s: Vec<char> = text.chars().collect();
    for &(pos, kind, piece) in edits {
        if s.is_empty() {
            break;
        }
        let p = pos % s.len();
        match kind % 3 {
            0 => {
                s.remove(p);
            }
            1 => {
                for (k, c) in YAML_BITS[piece % YAML_BITS.len()].chars().enumerate() {
                    s.insert(p + k, c);
                }
            }
            _ => {
                s[p] = YAML_BITS[piece % YAML_BITS.len()]
                    .chars()
                    .next()
                    .unwrap_or(' ')
            }
        }
    }
    s.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let r = rules();
        if let Ok(s) = r.parse_scenario(&text, "arbitrary.yaml") {
            let e = r.evaluate(&s);
            let _ = r.report(&s, &e, peacecoop::Lang::Ja);
        }
    }

    #[test]
    fn mutated_scenarios_never_panic_and_errors_have_positions(
        which in any::<usize>(),
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..6),
    ) {
        let texts = shipped_texts();
        let text = mutate(&texts[which % texts.len()], &edits);
        let r = rules();
        match r.parse_scenario(&text, "mutated.yaml") {
            Ok(s) => {
                let e = r.evaluate(&s);
                let report = r.report(&s, &e, peacecoop::Lang::En);
                let opts = peacecoop::render::TextOptions::default();
                let _ = peacecoop::render::text(&report, &opts);
            }
            Err(e) => {
                prop_assert_eq!(e.file.as_str(), "mutated.yaml");
                for p in &e.problems {
                    // Every problem names the file; all but a few whole-file ones have a line.
                    prop_assert!(p.line().is_some() || matches!(p.code, peacecoop::Code::Empty | peacecoop::Code::MissingName), "{}", p);
                }
            }
        }
    }
}
