//! JSON output: every report type serializes itself (serde); this module only
//! writes it pretty-printed, and indents items of a streamed array.

use serde::Serialize;

/// `v` as pretty-printed JSON (two-space indent), without a final newline.
pub fn pretty<T: Serialize>(v: &T) -> String {
    // Serializing our own report types to a string cannot fail: every map key is a string.
    serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One item of a pretty-printed JSON array, indented by two spaces.
pub fn array_item<T: Serialize>(v: &T) -> String {
    pretty(v).replace('\n', "\n  ")
}
