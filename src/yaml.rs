//! The one module that talks to the YAML parser.
//!
//! Everything else in the crate sees a [`Node`] tree in which every value and
//! every key carries its line and column, so that errors found *after* parsing
//! (an unknown fact, a bad value) can still point at the source. Swapping the
//! YAML crate means editing this file only.

use crate::tree::{Key, Node, Pos, Value};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

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
    fn duplicate_keys_and_tags_are_errors() {
        let e = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(e.pos, Some(Pos { line: 2, column: 1 }));
        assert!(e.message.contains("duplicate"), "{}", e.message);
        assert!(parse("a: !!python/object:os.system x\n").is_err());
    }
}
