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
    /// A number that is not an integer within `i64` (a fraction, an exponent,
    /// `.inf`, or too many digits), kept as written (`1.0`, `1e3`), so messages
    /// quote what the user wrote and nothing reads it as a whole number.
    Float(String),
    /// Any other scalar.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, keys in source order.
    Map(Vec<(Key, Node)>),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => f.write_str(x),
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

/// A JSON value as a tree (no positions).
pub fn from_json(v: &serde_json::Value) -> Node {
    use serde_json::Value as J;
    Node::bare(match v {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.to_string()),
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
