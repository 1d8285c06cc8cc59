//! Rule sets built to amplify work, from fuzz bytes: facts of every type
//! with extreme bounds, chains of terms that double at each step, rules by
//! the thousand that use them and each other, versions and law versions on
//! chosen dates, explanations with thousands of placeholders; then a
//! scenario (with long values) evaluated, reported, varied and rendered.
//! Loading, analysis and reports must stay within the library's bounds
//! (libFuzzer's time and memory limits catch what does not) and never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "gen.rs"]
mod generate;

fuzz_target!(|data: &[u8]| {
    generate::exercise(data);
});
