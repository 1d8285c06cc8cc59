//! Rule-set loading, validation and analysis on arbitrary text, as one
//! extra rule file next to the shipped facts, terms, readings, sources and
//! law, and alone as a whole ruleset: must never panic, and every problem
//! must render with its source line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peacecoop::{Lang, RuleSet, render};

/// The shipped files a rule file can build on (not the shipped rules, so
/// that the fuzzed text's rules are the ones analysed).
const BASE: &[&str] = &[
    "rules/facts.yaml",
    "rules/terms.yaml",
    "rules/law.yaml",
    "rules/readings.yaml",
    "rules/sources.yaml",
];

fn base() -> &'static [(String, String)] {
    static B: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    B.get_or_init(|| {
        BASE.iter()
            .map(|name| {
                let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("..")
                    .join(name);
                let text = std::fs::read_to_string(&path).expect("a shipped rule file");
                ((*name).to_owned(), text)
            })
            .collect()
    })
}

fn check(files: &[(String, String)], text: &str) {
    match RuleSet::from_texts(files) {
        Ok(rs) => {
            for d in rs.analyse().iter().chain(rs.warnings()) {
                let _ = render::diagnostic::diagnostic(d, Some(text));
            }
            let _ = render::rules::text(&rs.rules_report(None, Lang::Ja), Lang::Ja);
            if let Ok(s) = rs.parse_scenario("name: x\n", "x.yaml") {
                let e = rs.evaluate(&s);
                let report = rs.report(&s, &e, Lang::En);
                let _ = render::text(&report, &render::TextOptions::default());
            }
        }
        Err(e) => {
            for d in &e.diagnostics {
                let _ = render::diagnostic::diagnostic(d, Some(text));
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut files = base().to_vec();
    files.push(("rules/fuzz.yaml".into(), text.to_owned()));
    check(&files, text);
    check(&[("rules/only.yaml".into(), text.to_owned())], text);
});
