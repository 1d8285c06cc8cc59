//! Building a scenario in code, fact by fact, with the same checks and
//! defaults as a scenario file: the builder writes the same tree a YAML file
//! would give and hands it to the one scenario reader.

use super::scenario::{Origin, from_tree};
use crate::error::ScenarioError;
use crate::model::Scenario;
use crate::model::date::Date;
use crate::model::law::Law;
use crate::tree::{Key, Node, Pos, Value as Y};

/// A value given to [`ScenarioBuilder::set`]: a boolean, a whole number, a
/// text (enum values, dates and organisation names are texts), a list of
/// texts, or [`InputValue::Null`] for "unknown".
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum InputValue {
    /// Unknown (like `~` in a scenario file).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction (always an error for this vocabulary's facts).
    Float(f64),
    /// A text: an enum value, a date `YYYY-MM-DD`, a name.
    Text(String),
    /// A list (of texts, for list facts such as `tasks`).
    List(Vec<InputValue>),
    /// A mapping of keys to values, in order: a whole scenario, or a group
    /// of facts (`conflict: {occurred: true}`), as in a scenario file.
    Map(Vec<(String, InputValue)>),
}

impl From<bool> for InputValue {
    fn from(b: bool) -> Self {
        InputValue::Bool(b)
    }
}
impl From<i64> for InputValue {
    fn from(i: i64) -> Self {
        InputValue::Int(i)
    }
}
impl From<i32> for InputValue {
    fn from(i: i32) -> Self {
        InputValue::Int(i64::from(i))
    }
}
impl From<u32> for InputValue {
    fn from(i: u32) -> Self {
        InputValue::Int(i64::from(i))
    }
}
impl From<f64> for InputValue {
    fn from(x: f64) -> Self {
        InputValue::Float(x)
    }
}
impl From<&str> for InputValue {
    fn from(s: &str) -> Self {
        InputValue::Text(s.to_owned())
    }
}
impl From<String> for InputValue {
    fn from(s: String) -> Self {
        InputValue::Text(s)
    }
}
impl From<Date> for InputValue {
    fn from(d: Date) -> Self {
        InputValue::Text(d.to_string())
    }
}
impl<T: Into<InputValue>> From<Option<T>> for InputValue {
    fn from(v: Option<T>) -> Self {
        v.map_or(InputValue::Null, Into::into)
    }
}
impl<T: Into<InputValue>> From<Vec<T>> for InputValue {
    fn from(v: Vec<T>) -> Self {
        InputValue::List(v.into_iter().map(Into::into).collect())
    }
}
impl<T: Into<InputValue> + Clone, const N: usize> From<[T; N]> for InputValue {
    fn from(v: [T; N]) -> Self {
        InputValue::List(v.into_iter().map(Into::into).collect())
    }
}
impl<T: Into<InputValue> + Clone> From<&[T]> for InputValue {
    fn from(v: &[T]) -> Self {
        InputValue::List(v.iter().cloned().map(Into::into).collect())
    }
}

impl InputValue {
    fn node(self) -> Node {
        Node::bare(match self {
            InputValue::Null => Y::Null,
            InputValue::Bool(b) => Y::Bool(b),
            InputValue::Int(i) => Y::Int(i),
            // As Rust writes it (`1.0`, not `1`), for messages.
            InputValue::Float(x) => Y::Float(format!("{x:?}")),
            InputValue::Text(s) => Y::Str(s),
            InputValue::List(items) => Y::Seq(items.into_iter().map(InputValue::node).collect()),
            InputValue::Map(entries) => Y::Map(
                entries
                    .into_iter()
                    .map(|(name, v)| {
                        (
                            Key {
                                pos: Pos::default(),
                                name,
                            },
                            v.node(),
                        )
                    })
                    .collect(),
            ),
        })
    }
}

/// Reads a whole scenario given as values (a [`InputValue::Map`] shaped
/// like a scenario file), with the checks and defaults of a scenario file;
/// messages name the input `file`.
pub(crate) fn scenario_from_value(
    law: &Law,
    key_: u64,
    value: InputValue,
    file: &str,
) -> Result<Scenario, ScenarioError> {
    let origin = Origin {
        file,
        key: key_,
        today: Date::today(),
    };
    let mut s = from_tree(law, &value.node(), &origin)?;
    s.file = None;
    Ok(s)
}

/// Builds a scenario fact by fact; made by [`crate::RuleSet::build_scenario`].
///
/// Facts are named as in a scenario file, dotted (`conflict.ceasefire`).
/// Problems (an unknown fact, a value outside its domain, a fact set twice)
/// are collected and returned together by [`ScenarioBuilder::build`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct ScenarioBuilder<'r> {
    law: &'r Law,
    key: u64,
    entries: Vec<(Key, Node)>,
    readings: Vec<(Key, Node)>,
}

fn key(name: &str) -> Key {
    Key {
        pos: Pos::default(),
        name: name.to_owned(),
    }
}

impl<'r> ScenarioBuilder<'r> {
    pub(crate) fn new(law: &'r Law, key_: u64, name: &str) -> ScenarioBuilder<'r> {
        ScenarioBuilder {
            law,
            key: key_,
            entries: vec![(key("name"), Node::bare(Y::Str(name.to_owned())))],
            readings: Vec::new(),
        }
    }

    /// Sets a fact by its dotted name, e.g. `.set("conflict.ceasefire", "agreed")`.
    pub fn set(mut self, fact: &str, value: impl Into<InputValue>) -> Self {
        self.entries.push((key(fact), value.into().node()));
        self
    }

    /// Chooses an option of a reading, e.g. `.reading("parties-presumed", "unknown")`.
    pub fn reading(mut self, reading: &str, option: &str) -> Self {
        self.readings
            .push((key(reading), Node::bare(Y::Str(option.to_owned()))));
        self
    }

    /// The scenario, or every problem found.
    pub fn build(self) -> Result<Scenario, ScenarioError> {
        let mut entries = self.entries;
        if !self.readings.is_empty() {
            entries.push((key("readings"), Node::bare(Y::Map(self.readings))));
        }
        let origin = Origin {
            file: "(built in code)",
            key: self.key,
            today: Date::today(),
        };
        let mut s = from_tree(self.law, &Node::bare(Y::Map(entries)), &origin)?;
        s.file = None;
        Ok(s)
    }
}
