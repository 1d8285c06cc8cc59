//! JSON output: every report type serializes itself (serde); this module only
//! writes it pretty-printed, and indents items of a streamed array.

use serde::Serialize;
use std::io;

/// `v` as pretty-printed JSON (two-space indent), without a final newline.
pub fn pretty<T: Serialize>(v: &T) -> String {
    // Serializing our own report types to a string cannot fail: every map key is a string.
    serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One item of a pretty-printed JSON array, indented by two spaces.
/// Written in one pass (no re-indenting copy): batches print thousands.
pub fn array_item<T: Serialize>(v: &T) -> String {
    let mut out = Vec::with_capacity(32 * 1024);
    if let Err(e) = serde_json::to_writer_pretty(Indented(&mut out), v) {
        return format!("{{\"error\": \"{e}\"}}");
    }
    // serde_json writes UTF-8 only; the lossy path is never taken.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A writer that puts two spaces after every newline: the pretty printer's
/// line breaks (strings never hold a raw newline, serde_json escapes it).
struct Indented<'a>(&'a mut Vec<u8>);

impl io::Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // The pretty printer writes each line break on its own; text rarely
        // holds one, so most writes are copied as they are.
        if buf == b"\n" {
            self.0.extend_from_slice(b"\n  ");
            return Ok(1);
        }
        if !buf.contains(&b'\n') {
            self.0.extend_from_slice(buf);
            return Ok(buf.len());
        }
        let mut lines = buf.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.0.extend_from_slice(first);
        }
        for line in lines {
            self.0.extend_from_slice(b"\n  ");
            self.0.extend_from_slice(line);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_item_indents_every_line_but_the_first() {
        let v = serde_json::json!({"a": [1, 2], "b": {"c": "x\ny"}});
        assert_eq!(array_item(&v), pretty(&v).replace('\n', "\n  "));
        assert!(array_item(&v).contains("\"x\\ny\""));
    }
}
