//! Scenario parsing, evaluation, reports and every renderer on arbitrary
//! bytes: must never panic, and every error must render.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peacecoop::render::{self, Detail, TextOptions};
use peacecoop::{Keep, Lang, RuleSet, WhatifOptions};
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
            for lang in Lang::ALL {
                let report = r.report(&s, &e, lang);
                for detail in [Detail::Full, Detail::Brief] {
                    let _ = render::text(&report, &TextOptions::new(detail, lang));
                }
                let _ = render::json::pretty(&report);
                let _ = render::summary::line(&report, lang);
                let _ = render::summary::csv_row(&report);
                let _ = render::mermaid::scenario(&report, lang);
                let history = r.history(&s, lang);
                let _ = render::history::text(&history, lang);
                let ctx = r.handout_context(lang);
                let sheets = vec![(report, Some(history))];
                let _ = render::markdown::handout(&ctx, &sheets, true);
                let _ = render::html::handout(&ctx, &sheets, false);
            }
            // A small what-if: the search is bounded, but kept short per input.
            if let Ok(w) = r.whatif(&s, &WhatifOptions::new(1, Keep::Nothing), Lang::En) {
                let _ = render::whatif::text(&w, Lang::Ja);
            }
        }
        Err(e) => {
            let _ = render::diagnostic::scenario_error(&e, Some(text));
        }
    }
});
