//! The one module that talks to the YAML parser.
//!
//! Everything else in the crate sees a [`Node`] tree in which every value and
//! every key carries its line and column, so that errors found *after* parsing
//! (an unknown fact, a bad value) can still point at the source. Swapping the
//! YAML crate means editing this file only.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A position in a source file, 1-based, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line number, starting at 1 (0 when unknown).
    pub line: u32,
    /// Column number, starting at 1 (0 when unknown).
    pub column: u32,
}

/// A YAML value with its position.
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

/// The shape of a YAML value, as the YAML 1.2 core schema reads it.
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

/// A YAML syntax or structure error, with its position when the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the parser stopped.
    pub pos: Option<Pos>,
    /// What it said, without position prefix.
    pub message: String,
}

/// Limits that keep hostile input cheap: nesting depth, node and alias counts.
const MAX_DEPTH: usize = 32;
const MAX_NODES: usize = 50_000;
const MAX_ALIASES: usize = 1_000;

/// Parses one YAML document into a positioned [`Node`] tree.
///
/// Duplicate keys, several documents, unsupported tags (`!!python/object`…) and
/// inputs that blow the depth, node or alias budgets are errors.
pub fn parse(src: &str) -> Result<Node, SyntaxError> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_aliases = MAX_ALIASES;
    let opts = serde_saphyr::options! {
        strict_booleans: true,
        reject_unsupported_tags: true,
        with_snippet: false,
        budget: Some(budget),
    };
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(src, opts) {
        Ok(s) => Ok(into_node(s)),
        Err(e) => Err(syntax_error(&e)),
    }
}

fn syntax_error(e: &serde_saphyr::Error) -> SyntaxError {
    let pos = e.location().and_then(|l| {
        let p = pos_of(&l);
        (p.line > 0).then_some(p)
    });
    let text = e.without_snippet().to_string();
    SyntaxError {
        pos,
        message: plain_message(strip_prefix(&text)),
    }
}

/// Rewords the parser's message for a person: no repeated position, no API advice.
fn plain_message(msg: &str) -> String {
    let mut m = msg.trim();
    if let Some(rest) = m.strip_prefix("budget breached: ") {
        return if rest.starts_with("Nodes") {
            format!(
                "the document holds more than {MAX_NODES} values once aliases are expanded (an alias bomb, or far more data than a scenario or rule file needs)"
            )
        } else if rest.starts_with("Depth") {
            format!("the document is nested more than {MAX_DEPTH} levels deep")
        } else if rest.starts_with("Aliases") {
            format!("the document uses more than {MAX_ALIASES} aliases")
        } else {
            "the document exceeds the parser's size limits".to_owned()
        };
    }
    if m.starts_with("recursion limit exceeded") {
        return format!("the document is nested more than {MAX_DEPTH} levels deep");
    }
    if let Some(i) = m.rfind(" at line ")
        && m[i..].contains("column")
    {
        m = &m[..i];
    }
    if let Some(rest) = m.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return format!("duplicate key `{key}`: each key may appear only once in a mapping");
    }
    if m.starts_with("multiple YAML documents detected") {
        return "the file holds several YAML documents (separated by `---`); a scenario file holds one".to_owned();
    }
    m.to_owned()
}

/// Drops the parser's own `error: line N column M: ` prefix; we print positions ourselves.
fn strip_prefix(text: &str) -> &str {
    let t = text.trim();
    let t = t.strip_prefix("error: ").unwrap_or(t);
    if let Some(rest) = t.strip_prefix("line ")
        && let Some(idx) = rest.find(": ")
        && rest[..idx].contains("column")
    {
        return rest[idx + 2..].trim();
    }
    t
}

fn pos_of(l: &serde_saphyr::Location) -> Pos {
    Pos {
        line: u32::try_from(l.line()).unwrap_or(u32::MAX),
        column: u32::try_from(l.column()).unwrap_or(u32::MAX),
    }
}

/// The parser-facing tree; converted to [`Node`] right after parsing.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

fn into_node(s: Spanned<Raw>) -> Node {
    let pos = pos_of(&s.referenced);
    let value = match s.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(x) => Value::Float(x),
        Raw::Str(v) => Value::Str(v),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(into_node).collect()),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    (
                        Key {
                            pos: pos_of(&k.referenced),
                            name: k.value,
                        },
                        into_node(v),
                    )
                })
                .collect(),
        ),
    };
    Node { pos, value }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
                Raw::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
                Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
                Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
                Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
                Ok(Raw::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw::Str(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Raw, E> {
                Ok(Raw::Str(v))
            }
            fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Raw, E> {
                Err(E::custom("binary values are not supported"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(Raw::Seq(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = a.next_key::<Spanned<String>>()? {
                    let val = a.next_value::<Spanned<Raw>>()?;
                    v.push((k, val));
                }
                Ok(Raw::Map(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// Encodes a tree in a compact binary form, positions included. The build
/// script uses it to embed the default rules already parsed, so that a CLI
/// call does not spend its time in the YAML parser.
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

/// The tree as JSON (positions dropped), e.g. to check a file against a JSON Schema.
pub fn to_json(n: &Node) -> serde_json::Value {
    use serde_json::Value as J;
    match &n.value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Float(x) => serde_json::Number::from_f64(*x).map_or(J::Null, J::Number),
        Value::Str(s) => J::String(s.clone()),
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|(k, v)| (k.name.clone(), to_json(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_yaml12_booleans() {
        let n = parse("a: yes\nb:\n  c: true\n").unwrap();
        let Value::Map(m) = &n.value else { panic!() };
        assert!(matches!(&m[0].1.value, Value::Str(s) if s == "yes"));
        let Value::Map(inner) = &m[1].1.value else {
            panic!()
        };
        assert_eq!(inner[0].0.pos, Pos { line: 3, column: 3 });
        assert!(matches!(inner[0].1.value, Value::Bool(true)));
    }

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

    #[test]
    fn duplicate_keys_and_tags_are_errors() {
        let e = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(e.pos, Some(Pos { line: 2, column: 1 }));
        assert!(e.message.contains("duplicate"), "{}", e.message);
        assert!(parse("a: !!python/object:os.system x\n").is_err());
    }
}
