//! Hostile and mistaken input: every file under `tests/bad-scenarios/` must be
//! refused with one readable message, never a panic, quickly. The exact message
//! (with its source line) is kept as a snapshot, so a regression shows the text.

use peacecoop::{RuleSet, ScenarioError, render};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::embedded().expect("embedded rules load"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads `path` as the CLI does and renders the error as the CLI prints it.
fn message(path: &Path, max: u64) -> Result<String, String> {
    let rel = path.strip_prefix(root()).unwrap_or(path);
    let start = Instant::now();
    let result = rules().read_scenario(rel, max);
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(1),
        "{} took {took:?}",
        rel.display()
    );
    match result {
        Ok(s) => Err(format!("{} was accepted as {:?}", rel.display(), s.name)),
        Err(e) => {
            let src = std::fs::read(path)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            Ok(render::diagnostic::scenario_error(&e, src.as_deref()))
        }
    }
}

#[test]
fn every_bad_scenario_gets_one_clear_message() {
    // Paths in messages are relative to the crate, as a user would type them.
    std::env::set_current_dir(root()).expect("cd to the crate");
    let dir = root().join("tests/bad-scenarios");
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
        let msg = message(&f, 1 << 20).unwrap_or_else(|e| panic!("{e}"));
        assert!(msg.starts_with("error: tests/bad-scenarios/"), "{msg}");
        assert!(!msg.contains("panicked"), "{msg}");
        insta::assert_snapshot!(name, msg);
    }
}

#[test]
fn oversized_files_are_refused_with_the_limit() {
    let dir = std::env::temp_dir().join(format!("peacecoop-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let big = dir.join("big.yaml");
    let mut text = String::from("name: Big\n");
    while text.len() < 3 << 20 {
        text.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    std::fs::write(&big, &text).expect("write");
    let err = rules().read_scenario(&big, 1 << 20).expect_err("refused");
    assert!(
        matches!(
            err,
            ScenarioError::TooLarge {
                limit: 1_048_576,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("--max-size"), "{err}");
    // Raising the limit reads it (a comment-only padding is still a valid scenario).
    assert!(rules().read_scenario(&big, 8 << 20).is_ok());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_files_and_directories_are_read_errors() {
    let err = rules()
        .read_scenario(Path::new("tests/no-such-file.yaml"), 1 << 20)
        .expect_err("missing");
    assert_eq!(
        err.to_string(),
        "tests/no-such-file.yaml: cannot read the file: no such file or directory"
    );
    let err = rules()
        .read_scenario(&root().join("tests"), 1 << 20)
        .expect_err("directory");
    assert!(
        err.to_string()
            .ends_with("cannot read the file: it is a directory"),
        "{err}"
    );
}

fn shipped_texts() -> Vec<String> {
    let files = peacecoop::files::yaml_files(&root().join("scenarios")).expect("scenarios");
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("text"))
        .collect()
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
            let _ = r.evaluate(&s);
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
        let start = Instant::now();
        match r.parse_scenario(&text, "mutated.yaml") {
            Ok(s) => {
                let e = r.evaluate(&s);
                let _ = render::text::evaluation(r, &s, &e);
                let _ = render::json::evaluation(r, &s, &e);
            }
            Err(e) => {
                let msg = render::diagnostic::scenario_error(&e, Some(&text));
                prop_assert!(msg.starts_with("error: mutated.yaml"), "{}", msg);
            }
        }
        prop_assert!(start.elapsed() < Duration::from_secs(1));
    }
}
