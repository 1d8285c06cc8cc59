//! Rule-set loading and validation on arbitrary text, as one extra rule file
//! next to the shipped ones: must never panic, whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peacecoop::{RuleSet, Source};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources: Vec<Source> = peacecoop::ruleset::EMBEDDED_RULES
        .iter()
        .filter(|(name, _)| name.ends_with("facts.yaml") || name.ends_with("terms.yaml") || name.ends_with("law.yaml"))
        .map(|(name, t)| Source { name: (*name).to_owned(), text: (*t).to_owned() })
        .collect();
    sources.push(Source { name: "rules/fuzz.yaml".into(), text: text.to_owned() });
    if let Ok(rs) = RuleSet::from_sources(&sources) {
        let _ = peacecoop::validate::analyse(&rs);
        for d in &rs.warnings {
            let _ = peacecoop::render::diagnostic::diagnostic(d, Some(text));
        }
    }
    // The text alone, as a whole ruleset.
    if let Err(e) = RuleSet::from_sources(&[Source { name: "rules/only.yaml".into(), text: text.to_owned() }]) {
        for d in &e.diagnostics {
            let _ = peacecoop::render::diagnostic::diagnostic(d, Some(text));
        }
    }
});
