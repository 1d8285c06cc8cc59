//! Throwaway: proves that the page can load and call wasm from `file://`.
//! The real engine (the `peacecoop` library) replaces this.
use wasm_bindgen::prelude::*;

/// The crate version, to show on the page.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A stand-in for evaluation: counts the non-comment, non-blank lines of a YAML text.
#[wasm_bindgen]
pub fn count_lines(yaml: &str) -> u32 {
    yaml.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .count() as u32
}
