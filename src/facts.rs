//! The fact vocabulary and typed scenarios.
//!
//! Facts are declared by the ruleset (`rules/facts.yaml`), not in Rust: each
//! has a dotted name, a type and a description. A [`Scenario`] holds one
//! optional [`Value`] per declared fact, indexed by [`FactId`], so evaluation
//! never looks a fact up by name.

use crate::date::Date;
use crate::rule::Condition;
use crate::text::Text;
use std::fmt;

/// Index of a fact in its [`Vocabulary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactId(pub u16);

/// The most facts a vocabulary may declare (they are tracked in a 64-bit set).
pub const MAX_FACTS: usize = 64;

/// A set of facts, as a bit set; used for "facts read" and "facts missing".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct FactSet(pub u64);

impl FactSet {
    /// The empty set.
    pub const EMPTY: FactSet = FactSet(0);
    /// Adds a fact.
    pub fn insert(&mut self, f: FactId) {
        self.0 |= 1 << f.0;
    }
    /// Whether the set holds `f`.
    pub fn contains(self, f: FactId) -> bool {
        self.0 & (1 << f.0) != 0
    }
    /// Union.
    pub fn union(self, o: FactSet) -> FactSet {
        FactSet(self.0 | o.0)
    }
    /// Whether empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The facts in declaration order.
    pub fn iter(self) -> impl Iterator<Item = FactId> {
        (0..64u16)
            .filter(move |i| self.0 & (1 << i) != 0)
            .map(FactId)
    }
}

/// The type of a fact, with its domain.
#[derive(Debug, Clone)]
pub enum FactType {
    /// `true` or `false`.
    Bool,
    /// One of the named values.
    Enum(Vec<EnumValue>),
    /// Any subset of the named values, written as a YAML list.
    List(Vec<EnumValue>),
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
    /// A short description of the type, for messages ("one of `a`, `b`").
    pub fn expected(&self) -> String {
        match self {
            FactType::Bool => "`true` or `false`".to_owned(),
            FactType::Enum(v) => format!("one of {}", list_names(v)),
            FactType::List(v) => format!("a list of {}", list_names(v)),
            FactType::Int { min, max } => format!("a whole number from {min} to {max}"),
            FactType::Date => "a date written YYYY-MM-DD".to_owned(),
            FactType::Text => "a text".to_owned(),
        }
    }
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

fn list_names(v: &[EnumValue]) -> String {
    v.iter()
        .map(|e| format!("`{}`", e.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One named value of an enum or list fact.
#[derive(Debug, Clone)]
pub struct EnumValue {
    /// The value as written in a scenario.
    pub name: String,
    /// What it means, for students and for the schema.
    pub description: Text,
}

/// A declared fact.
#[derive(Debug, Clone)]
pub struct FactDecl {
    /// Dotted name, e.g. `conflict.ceasefire`.
    pub name: String,
    /// Its type and domain.
    pub ty: FactType,
    /// What it means.
    pub description: Text,
    /// The value an omitted fact takes; `None` means an omitted fact is unknown.
    pub default: Option<Default>,
    /// When the fact matters; a fact given where this is false is reported as not used.
    pub used_if: Option<Condition>,
    /// For text facts: the names the rules compare it with, upper-cased, in first-use order.
    pub symbols: Vec<String>,
    /// Where the fact is declared.
    pub location: crate::rule::Location,
}

/// A fact's default.
#[derive(Debug, Clone, Copy)]
pub enum Default {
    /// A fixed value.
    Value(Value),
    /// The date of evaluation (only for date facts).
    Today,
}

/// A fact's value. `Copy`, so that evaluation never allocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    /// A boolean.
    Bool(bool),
    /// An enum value, by index in the fact's values.
    Enum(u8),
    /// A list value, as a bit set over the fact's values.
    Set(u64),
    /// An integer.
    Int(i64),
    /// A date.
    Date(Date),
    /// A text, by index in the fact's `symbols`; `u32::MAX` for a name no rule mentions.
    Sym(u32),
}

/// A text value that no rule mentions.
pub const OTHER_SYMBOL: u32 = u32::MAX;

/// The declared facts of a ruleset.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// The facts, in declaration order.
    pub facts: Vec<FactDecl>,
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
    /// The declaration of a fact.
    pub fn get(&self, id: FactId) -> &FactDecl {
        &self.facts[id.0 as usize]
    }
    /// Renders a value the way a scenario file would write it.
    pub fn display(&self, id: FactId, v: Value, text: Option<&str>) -> String {
        let decl = self.get(id);
        match v {
            Value::Bool(b) => b.to_string(),
            Value::Enum(i) => decl
                .ty
                .values()
                .get(i as usize)
                .map_or_else(|| format!("#{i}"), |v| v.name.clone()),
            Value::Set(bits) => {
                let names: Vec<&str> = decl
                    .ty
                    .values()
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, e)| e.name.as_str())
                    .collect();
                format!("[{}]", names.join(", "))
            }
            Value::Int(i) => i.to_string(),
            Value::Date(d) => d.to_string(),
            // The scenario's own spelling when it is this value, else the rules' name.
            Value::Sym(s) => match (decl.symbols.get(s as usize), text) {
                (Some(sym), Some(t)) if t.trim().to_uppercase() == *sym => t.to_owned(),
                (Some(sym), _) => sym.clone(),
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
                self.get(id)
                    .ty
                    .values()
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, e)| serde_json::Value::String(e.name.clone()))
                    .collect(),
            ),
            _ => serde_json::Value::String(self.display(id, v, text)),
        }
    }
}

/// A mission's facts, typed and validated against a [`Vocabulary`].
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The scenario's `name`.
    pub name: String,
    /// The path it was read from, as given.
    pub file: Option<String>,
    /// One slot per declared fact; `None` is unknown.
    pub values: Vec<Option<Value>>,
    /// The original text of text facts, for display.
    pub texts: Vec<(FactId, String)>,
    /// The verdict the author expects, if stated.
    pub expect: Option<crate::trace::Verdict>,
    /// Rule outcomes the author expects (`expect: {rules: {rule-id: fail}}`), by rule index.
    pub expect_rules: Vec<(usize, crate::trace::Outcome)>,
    /// Facts given in the file that do not matter for this operation.
    pub unused: Vec<FactId>,
    /// Remarks for the reader, e.g. a text name that no rule lists.
    pub notes: Vec<String>,
}

impl Scenario {
    /// A scenario named `name` with every one of `n_facts` facts unknown (defaults not applied).
    pub fn unknown(name: &str, n_facts: usize) -> Scenario {
        Scenario {
            name: name.to_owned(),
            file: None,
            values: vec![None; n_facts],
            texts: Vec::new(),
            expect: None,
            expect_rules: Vec::new(),
            unused: Vec::new(),
            notes: Vec::new(),
        }
    }
    /// The value of a fact, if known.
    pub fn get(&self, id: FactId) -> Option<Value> {
        self.values.get(id.0 as usize).copied().flatten()
    }
    /// Sets (or clears) a fact, e.g. for what-if analysis.
    pub fn set(&mut self, id: FactId, v: Option<Value>) {
        if let Some(slot) = self.values.get_mut(id.0 as usize) {
            *slot = v;
        }
    }
    /// The original text of a text fact.
    pub fn text(&self, id: FactId) -> Option<&str> {
        self.texts
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, t)| t.as_str())
    }
}

impl fmt::Display for FactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}
