//! JSON output: every report type serializes itself (serde); this module only
//! writes it pretty-printed, and indents items of a streamed array.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io;

/// `v` as pretty-printed JSON (two-space indent), without a final newline.
pub fn pretty<T: Serialize>(v: &T) -> String {
    let mut out = Vec::with_capacity(1024);
    write(&mut out, v, 0);
    into_string(out)
}

/// One item of a pretty-printed JSON array, indented by two spaces, as
/// UTF-8 bytes. Written in one pass (no re-indenting copy, no second check
/// of the UTF-8): batches print thousands.
pub fn array_item<T: Serialize>(v: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(32 * 1024);
    write(&mut out, v, 1);
    out
}

/// Appends `v` to `out` pretty-printed, every line after the first indented
/// by `depth` more levels: what [`pretty`] (depth 0) and [`array_item`]
/// (depth 1) write.
fn write<T: Serialize>(out: &mut Vec<u8>, v: &T, depth: usize) {
    let start = out.len();
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Pretty::at(depth));
    if let Err(e) = v.serialize(&mut ser) {
        // Serializing our own report types cannot fail: every map key is a string.
        out.truncate(start);
        out.extend_from_slice(format!("{{\"error\": \"{e}\"}}").as_bytes());
    }
}

fn into_string(out: Vec<u8>) -> String {
    // serde_json writes UTF-8 only; the lossy path is never taken.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// serde_json's pretty printer (two spaces a level), starting at a given
/// depth, and writing each line break with its indentation in one piece.
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A line break and the deepest indentation written in one piece; deeper
/// levels are written in several.
const BREAK: &[u8] = b"\n                                                                ";

impl Pretty {
    fn at(depth: usize) -> Pretty {
        Pretty {
            depth,
            has_value: false,
        }
    }

    /// A line break and the current indentation.
    fn newline<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        let mut spaces = self.depth * 2;
        let first = spaces.min(BREAK.len() - 1);
        w.write_all(&BREAK[..=first])?;
        spaces -= first;
        while spaces > 0 {
            let n = spaces.min(BREAK.len() - 1);
            w.write_all(&BREAK[1..=n])?;
            spaces -= n;
        }
        Ok(())
    }

    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> serde_json::Value {
        (0..depth).fold(
            serde_json::json!([1, "x"]),
            |v, _| serde_json::json!({"k": [v]}),
        )
    }

    #[test]
    fn pretty_is_serde_jsons_pretty_printer() {
        for v in [
            serde_json::json!({"a": [1, 2], "b": {"c": "x\ny"}, "e": [], "o": {}, "n": null}),
            serde_json::json!([[], {}, [[]], [{}], "s"]),
            serde_json::json!(3),
            nested(40),
        ] {
            assert_eq!(pretty(&v), serde_json::to_string_pretty(&v).unwrap());
        }
    }

    #[test]
    fn array_item_indents_every_line_but_the_first() {
        for v in [
            serde_json::json!({"a": [1, 2], "b": {"c": "x\ny"}}),
            nested(40),
        ] {
            let item = String::from_utf8(array_item(&v)).unwrap();
            assert_eq!(item, pretty(&v).replace('\n', "\n  "));
        }
        let v = serde_json::json!({"b": {"c": "x\ny"}});
        let item = String::from_utf8(array_item(&v)).unwrap();
        assert!(item.contains("\"x\\ny\""));
    }
}
