//! Scenario parsing, evaluation and rendering on arbitrary bytes: must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peacecoop::{RuleSet, render};
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::embedded().expect("embedded rules load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let r = rules();
    match r.parse_scenario(text, "fuzz.yaml") {
        Ok(s) => {
            let e = r.evaluate(&s);
            let _ = render::text::evaluation(r, &s, &e);
            let _ = render::json::evaluation(r, &s, &e);
        }
        Err(e) => {
            let _ = render::diagnostic::scenario_error(&e, Some(text));
        }
    }
});
