//! The fact vocabulary: declared by the ruleset (`rules/facts.yaml`), not in
//! Rust. Each fact has a dotted name, a type with its domain and a
//! description; scenarios hold one [`Value`] per fact, indexed by [`FactId`],
//! so evaluation never looks a fact up by name.

use super::condition::Condition;
use super::ids::{FactId, ReadingId};
use super::list::List;
use super::location::Place;
use super::strings::Str;
use super::text::Text;
use super::value::Value;

/// The type of a fact, with its domain.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) enum FactType {
    /// `true` or `false`.
    Bool,
    /// One of the named values.
    Enum(List<EnumValue>),
    /// Any subset of the named values, written as a YAML list.
    List(List<EnumValue>),
    /// An integer within bounds.
    Int {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// A calendar date.
    Date,
    /// Free text, compared case-insensitively with the names the rules mention.
    Text,
}

impl FactType {
    /// The named values of an enum or list fact.
    pub fn values(&self) -> &[EnumValue] {
        match self {
            FactType::Enum(v) | FactType::List(v) => v,
            _ => &[],
        }
    }
    /// The name of the type as written in a fact declaration.
    pub fn keyword(&self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Enum(_) => "enum",
            FactType::List(_) => "list",
            FactType::Int { .. } => "int",
            FactType::Date => "date",
            FactType::Text => "text",
        }
    }
}

/// One named value of an enum or list fact.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct EnumValue {
    /// The value as written in a scenario.
    pub name: Str,
    /// What it means, for students and for the schema.
    pub description: Text,
}

/// Who could change a fact, for grouping what-if answers: the world (the
/// situation on the ground) or the plan (what the dispatching state decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub(crate) enum Side {
    /// The situation: ceasefire, consents, who is a party.
    World,
    /// The plan: tasks, use of force, personnel, reservations.
    Plan,
    /// What the mission is (its kind, its date): kept by default in what-if.
    Frame,
}

impl Side {
    /// The keyword used in fact declarations.
    pub fn keyword(self) -> &'static str {
        match self {
            Side::World => "world",
            Side::Plan => "plan",
            Side::Frame => "frame",
        }
    }
}

/// A declared fact.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct FactDecl {
    /// Dotted name, e.g. `conflict.ceasefire`.
    pub name: Str,
    /// Its type and domain.
    pub ty: FactType,
    /// What it means.
    pub description: Text,
    /// The value an omitted fact takes; `None` means an omitted fact is unknown.
    pub default: Option<FactDefault>,
    /// When the fact matters; a fact given where this is false is reported as not used.
    pub used_if: Option<Condition>,
    /// Who could change it (for what-if answers).
    pub side: Option<Side>,
    /// For text facts: the names the rules compare it with, upper-cased, in first-use order.
    pub symbols: List<Str>,
    /// Where the fact is declared.
    pub location: Place,
}

/// A fact's default: the value it takes when a scenario omits it (never
/// when a scenario gives `null`, which is unknown).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) enum FactDefault {
    /// A fixed value.
    Value(Value),
    /// The date the scenario is read (only for date facts).
    Today,
    /// A value chosen by a reading: one entry per option (`None`: unknown).
    ByReading(ReadingId, List<Option<Value>>),
}

/// The declared facts of a ruleset.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Vocabulary {
    /// The facts, in declaration order.
    pub facts: List<FactDecl>,
    /// The fact holding the scenario's date (selects the law version).
    pub date_fact: Option<FactId>,
}

impl Vocabulary {
    /// Finds a fact by dotted name.
    pub fn lookup(&self, name: &str) -> Option<FactId> {
        self.facts
            .iter()
            .position(|f| f.name == name)
            .map(|i| FactId(i as u16))
    }
    /// The declaration of a fact (ids come from this vocabulary).
    pub fn get(&self, id: FactId) -> &FactDecl {
        &self.facts[id.index()]
    }
    /// How many facts are declared.
    pub fn len(&self) -> usize {
        self.facts.len()
    }
    /// The names of the items of a list value, in declaration order.
    pub fn set_names(&self, id: FactId, bits: u64) -> impl Iterator<Item = &str> {
        self.get(id)
            .ty
            .values()
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i < 64 && bits & (1 << i) != 0)
            .map(|(_, e)| e.name.as_str())
    }
    /// Renders a value the way a scenario file would write it; `text` is the
    /// scenario's own spelling of a text fact.
    pub fn display(&self, id: FactId, v: Value, text: Option<&str>) -> String {
        let decl = self.get(id);
        match v {
            Value::Bool(b) => b.to_string(),
            Value::Enum(i) => decl
                .ty
                .values()
                .get(usize::from(i))
                .map_or_else(|| format!("#{i}"), |v| v.name.as_str().to_owned()),
            Value::Set(bits) => {
                format!(
                    "[{}]",
                    self.set_names(id, bits).collect::<Vec<_>>().join(", ")
                )
            }
            Value::Int(i) => i.to_string(),
            Value::Date(d) => d.to_string(),
            // The scenario's own spelling when it is this value, else the rules' name.
            Value::Sym(s) => match (decl.symbols.get(s as usize), text) {
                (Some(sym), Some(t)) if t.trim().to_uppercase() == *sym => t.to_owned(),
                (Some(sym), _) => sym.as_str().to_owned(),
                (None, Some(t)) => t.to_owned(),
                (None, None) => "(other)".to_owned(),
            },
        }
    }
    /// A value as JSON, the way a scenario file would write it.
    pub fn to_json(&self, id: FactId, v: Value, text: Option<&str>) -> serde_json::Value {
        match v {
            Value::Bool(b) => serde_json::Value::Bool(b),
            Value::Int(i) => serde_json::Value::from(i),
            Value::Set(bits) => serde_json::Value::Array(
                self.set_names(id, bits)
                    .map(|n| serde_json::Value::String(n.to_owned()))
                    .collect(),
            ),
            _ => serde_json::Value::String(self.display(id, v, text)),
        }
    }
}
