//! The positioned tree every input becomes before it is checked: YAML (see
//! [`crate::yaml`]), JSON, Python objects and values set in code all arrive as
//! a [`Node`], so one loader checks them all the same way. Every value and
//! every key carries its line and column (0 when the input has none).

use std::fmt;

/// A position in a source file, 1-based, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line number, starting at 1 (0 when unknown).
    pub line: u32,
    /// Column number, starting at 1 (0 when unknown).
    pub column: u32,
}

/// A value with its position.
#[derive(Debug, Clone)]
pub struct Node {
    /// Where the value starts.
    pub pos: Pos,
    /// The value itself.
    pub value: Value,
}

/// A map key with its position.
#[derive(Debug, Clone)]
pub struct Key {
    /// Where the key starts.
    pub pos: Pos,
    /// The key's text.
    pub name: String,
}

/// The shape of a value, as the YAML 1.2 core schema reads it.
#[derive(Debug, Clone)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false` (YAML 1.2: `yes`/`no` are strings).
    Bool(bool),
    /// An integer that fits in `i64`.
    Int(i64),
    /// A floating-point number (or an integer too large for `i64`).
    Float(f64),
    /// Any other scalar.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, keys in source order.
    Map(Vec<(Key, Node)>),
}

impl Value {
    /// A short name of the value's kind, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) => f.write_str(s),
            Value::Seq(_) => f.write_str("a list"),
            Value::Map(_) => f.write_str("a mapping"),
        }
    }
}

impl Node {
    /// A value without a position (input that has none, such as JSON).
    pub fn bare(value: Value) -> Node {
        Node {
            pos: Pos::default(),
            value,
        }
    }
}

/// The text of the scalar that starts at `pos` in `source`, as written
/// (`1.0`, `0b101`), up to the next separator; `None` when there is none.
pub fn scalar_text(source: &str, pos: Pos) -> Option<&str> {
    if pos.line == 0 {
        return None;
    }
    let line = source.lines().nth(pos.line as usize - 1)?;
    let start = line
        .char_indices()
        .nth(pos.column.saturating_sub(1) as usize)
        .map(|(i, _)| i)?;
    let rest = &line[start..];
    let end = rest.find([',', ']', '}', '#']).unwrap_or(rest.len());
    let t = rest[..end].trim();
    (!t.is_empty()).then_some(t)
}

/// A JSON value as a tree (no positions).
pub fn from_json(v: &serde_json::Value) -> Node {
    use serde_json::Value as J;
    Node::bare(match v {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        J::String(s) => Value::Str(s.clone()),
        J::Array(items) => Value::Seq(items.iter().map(from_json).collect()),
        J::Object(m) => Value::Map(
            m.iter()
                .map(|(k, v)| {
                    (
                        Key {
                            pos: Pos::default(),
                            name: k.clone(),
                        },
                        from_json(v),
                    )
                })
                .collect(),
        ),
    })
}

/// Encodes a tree in a compact binary form, positions included. The build
/// script uses it to embed the default rules already parsed, so that a CLI
/// call does not spend its time in the YAML parser.
#[cfg_attr(not(test), allow(dead_code))] // the build script's
pub fn encode(n: &Node, out: &mut Vec<u8>) {
    fn varint(mut v: u64, out: &mut Vec<u8>) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }
    fn text(s: &str, out: &mut Vec<u8>) {
        varint(s.len() as u64, out);
        out.extend_from_slice(s.as_bytes());
    }
    fn pos(p: Pos, out: &mut Vec<u8>) {
        varint(u64::from(p.line), out);
        varint(u64::from(p.column), out);
    }
    pos(n.pos, out);
    match &n.value {
        Value::Null => out.push(0),
        Value::Bool(b) => out.push(if *b { 2 } else { 1 }),
        Value::Int(i) => {
            out.push(3);
            varint(((*i << 1) ^ (*i >> 63)) as u64, out);
        }
        Value::Float(x) => {
            out.push(4);
            out.extend_from_slice(&x.to_le_bytes());
        }
        Value::Str(s) => {
            out.push(5);
            text(s, out);
        }
        Value::Seq(items) => {
            out.push(6);
            varint(items.len() as u64, out);
            items.iter().for_each(|i| encode(i, out));
        }
        Value::Map(entries) => {
            out.push(7);
            varint(entries.len() as u64, out);
            for (k, v) in entries {
                pos(k.pos, out);
                text(&k.name, out);
                encode(v, out);
            }
        }
    }
}

/// Decodes what [`encode`] wrote; `None` if the bytes are not such a tree.
pub fn decode(bytes: &[u8]) -> Option<Node> {
    struct R<'a>(&'a [u8]);
    impl R<'_> {
        fn byte(&mut self) -> Option<u8> {
            let (b, rest) = self.0.split_first()?;
            self.0 = rest;
            Some(*b)
        }
        fn varint(&mut self) -> Option<u64> {
            let mut v = 0u64;
            for shift in (0..64).step_by(7) {
                let b = self.byte()?;
                v |= u64::from(b & 0x7f) << shift;
                if b & 0x80 == 0 {
                    return Some(v);
                }
            }
            None
        }
        fn text(&mut self) -> Option<String> {
            let n = usize::try_from(self.varint()?).ok()?;
            if n > self.0.len() {
                return None;
            }
            let (s, rest) = self.0.split_at(n);
            self.0 = rest;
            String::from_utf8(s.to_vec()).ok()
        }
        fn pos(&mut self) -> Option<Pos> {
            Some(Pos {
                line: u32::try_from(self.varint()?).ok()?,
                column: u32::try_from(self.varint()?).ok()?,
            })
        }
        fn node(&mut self, depth: u32) -> Option<Node> {
            if depth > 256 {
                return None;
            }
            let pos = self.pos()?;
            let value = match self.byte()? {
                0 => Value::Null,
                1 => Value::Bool(false),
                2 => Value::Bool(true),
                3 => {
                    let z = self.varint()?;
                    Value::Int(((z >> 1) as i64) ^ -((z & 1) as i64))
                }
                4 => {
                    let mut b = [0u8; 8];
                    for x in &mut b {
                        *x = self.byte()?;
                    }
                    Value::Float(f64::from_le_bytes(b))
                }
                5 => Value::Str(self.text()?),
                6 => {
                    let n = self.varint()?;
                    let mut items = Vec::new();
                    for _ in 0..n {
                        items.push(self.node(depth + 1)?);
                    }
                    Value::Seq(items)
                }
                7 => {
                    let n = self.varint()?;
                    let mut entries = Vec::new();
                    for _ in 0..n {
                        let kpos = self.pos()?;
                        let name = self.text()?;
                        entries.push((Key { pos: kpos, name }, self.node(depth + 1)?));
                    }
                    Value::Map(entries)
                }
                _ => return None,
            };
            Some(Node { pos, value })
        }
    }
    let mut r = R(bytes);
    let n = r.node(0)?;
    r.0.is_empty().then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    #[test]
    fn encode_decode_round_trip() {
        let src = "a: [1, -7, 2.5, true, ~, \"x\"]\nb:\n  c: 日本\n";
        let n = parse(src).unwrap();
        let mut bytes = Vec::new();
        encode(&n, &mut bytes);
        let back = decode(&bytes).unwrap();
        assert_eq!(format!("{n:?}"), format!("{back:?}"));
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
    }
}
