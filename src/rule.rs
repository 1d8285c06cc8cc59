//! The rule language: rules, their versions over time, conditions and
//! explanation templates, after loading and validation.
//!
//! Rules are written in YAML under `rules/` (grammar in `rules/README.md`) and
//! compiled by [`crate::load`] into these types, in which every fact is a
//! [`FactId`] and every rule reference an index.

use crate::date::Date;
use crate::facts::{FactId, FactSet, Value};
use crate::text::{Localized, Text};
use crate::trace::Outcome;

/// A rule's identifier, e.g. `ceasefire-agreement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(pub String);

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a rule is about; decides how it is grouped and whether it decides the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleKind {
    /// The Act itself (in force, no use of force, personnel cap).
    General,
    /// What makes an operation one of the pillars (legal basis, who runs it).
    Pillar,
    /// One of the Five Principles.
    Principle,
    /// Whether a task may be assigned.
    Task,
    /// A procedural step the dispatch needs; reported, never decides the verdict.
    Procedure,
    /// A policy expectation outside the statute; a failure is an advisory, never decides the verdict.
    Policy,
}

impl RuleKind {
    /// The keyword used in rule files.
    pub fn keyword(self) -> &'static str {
        match self {
            RuleKind::General => "general",
            RuleKind::Pillar => "pillar",
            RuleKind::Principle => "principle",
            RuleKind::Task => "task",
            RuleKind::Procedure => "procedure",
            RuleKind::Policy => "policy",
        }
    }
    /// All kinds, in display order.
    pub const ALL: [RuleKind; 6] = [
        RuleKind::General,
        RuleKind::Pillar,
        RuleKind::Principle,
        RuleKind::Task,
        RuleKind::Procedure,
        RuleKind::Policy,
    ];
    /// Whether a failure of a rule of this kind makes the mission not eligible.
    pub fn decides(self) -> bool {
        !matches!(self, RuleKind::Procedure | RuleKind::Policy)
    }
}

/// A comparison operator on integers and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `at_least`: ≥
    AtLeast,
    /// `at_most`: ≤
    AtMost,
    /// `before`: <
    Before,
    /// `after`: >
    After,
}

/// A test on one fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// `is_set: true` — the fact is known (never unknown itself).
    IsSet,
    /// `is: v`
    Is(Value),
    /// `in: [..]` on an enum or text fact, as a bit set of value indices.
    In(u64),
    /// A comparison with an integer or a date (dates compare by ordinal).
    Cmp(CmpOp, i64),
    /// `contains: v` / `contains_all: [..]` on a list fact.
    ContainsAll(u64),
    /// `contains_any: [..]` on a list fact.
    ContainsAny(u64),
}

/// A condition in Kleene three-valued logic.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// `true` / `false`.
    Const(bool),
    /// `all: [..]` — false if any member is false.
    All(Vec<Condition>),
    /// `any: [..]` — true if any member is true.
    Any(Vec<Condition>),
    /// `not: ..`
    Not(Box<Condition>),
    /// `term: name`: a defined term (index into the ruleset's terms) and its condition.
    Term(usize, Box<Condition>),
    /// A test on a fact; unknown when the fact is unknown (except `is_set`).
    Fact {
        /// The fact tested.
        fact: FactId,
        /// The test.
        test: Test,
    },
    /// A reference to another rule's outcome.
    Rule {
        /// Index of the rule in the ruleset.
        rule: usize,
        /// The outcomes that make the condition true.
        outcomes: OutcomeSet,
    },
}

impl Condition {
    /// The facts the condition reads directly.
    pub fn facts(&self) -> FactSet {
        let mut s = FactSet::EMPTY;
        self.walk(&mut |c| {
            if let Condition::Fact { fact, .. } = c {
                s.insert(*fact);
            }
        });
        s
    }
    /// How many conditions the tree holds (terms expanded).
    pub fn size(&self) -> usize {
        let mut n = 0;
        self.walk(&mut |_| n += 1);
        n
    }

    /// The rules the condition refers to.
    pub fn rules(&self) -> Vec<usize> {
        let mut v = Vec::new();
        self.walk(&mut |c| {
            if let Condition::Rule { rule, .. } = c {
                v.push(*rule);
            }
        });
        v
    }
    fn walk(&self, f: &mut impl FnMut(&Condition)) {
        f(self);
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.walk(f)),
            Condition::Not(c) | Condition::Term(_, c) => c.walk(f),
            _ => {}
        }
    }
}

/// A set of outcomes, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutcomeSet(pub u8);

impl OutcomeSet {
    /// Whether `o` is in the set.
    pub fn contains(self, o: Outcome) -> bool {
        self.0 & (1 << o as u8) != 0
    }
    /// Adds `o`.
    pub fn insert(&mut self, o: Outcome) {
        self.0 |= 1 << o as u8;
    }
}

/// A piece of explanation text.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    /// Literal text.
    Text(String),
    /// `{fact.name}`: the fact's value, or "unknown".
    Fact(FactId),
}

/// An explanation with placeholders, parsed once at load.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template(pub Vec<Segment>);

/// An explanation, possibly chosen by case: the first case whose `when` holds wins.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation(pub Vec<(Option<Condition>, Localized<Template>)>);

/// A citation: the article and, where known, the statute's own words.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The reference, e.g. `PKO Act Art 3(1)`.
    pub article: String,
    /// The statute's words in Japanese.
    pub text_ja: Option<String>,
    /// An English rendering.
    pub text_en: Option<String>,
}

/// A period in force, both ends inclusive; open ends are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    /// First day in force.
    pub from: Option<Date>,
    /// Last day in force.
    pub until: Option<Date>,
}

impl Period {
    /// Whether the period covers `d`.
    pub fn contains(&self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d <= u)
    }
    /// Whether two periods share a day.
    pub fn overlaps(&self, o: &Period) -> bool {
        let start = match (self.from, o.from) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let end = match (self.until, o.until) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (start, end) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.from, self.until) {
            (None, None) => f.write_str("always"),
            (Some(a), None) => write!(f, "from {a}"),
            (None, Some(b)) => write!(f, "until {b}"),
            (Some(a), Some(b)) => write!(f, "{a} to {b}"),
        }
    }
}

/// Where something was written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The file, as named when loading.
    pub file: String,
    /// 1-based line (0 if unknown).
    pub line: u32,
    /// 1-based column (0 if unknown).
    pub column: u32,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            f.write_str(&self.file)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

/// One version of a rule, in force over a period.
#[derive(Debug, Clone)]
pub struct RuleVersion {
    /// When this version is the law.
    pub period: Period,
    /// When the rule concerns the mission at all; else `not_applicable`.
    pub applies_if: Condition,
    /// What the mission must satisfy; `None` for procedural steps.
    pub require: Option<Condition>,
    /// Explanation when the rule passes (for a procedure: the step needed).
    pub pass: Explanation,
    /// Explanation when it fails.
    pub fail: Explanation,
    /// Explanation when it does not apply (optional).
    pub not_applicable: Explanation,
    /// Citations.
    pub cites: Vec<Citation>,
    /// The reading taken where the law is silent or contested.
    pub reading: Option<Text>,
    /// What changed in this version, for `explain`.
    pub change: Option<Text>,
    /// Facts this version reads (applies_if and require).
    pub reads: FactSet,
    /// Where the version was written.
    pub location: Location,
}

/// A rule: one legal requirement, with its versions over time.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Unique identifier.
    pub id: RuleId,
    /// One-line title.
    pub title: Text,
    /// Which of the Five Principles it encodes (1–5), if any.
    pub principle: Option<u8>,
    /// What kind of requirement it is.
    pub kind: RuleKind,
    /// A longer statement of the requirement, for `explain`.
    pub description: Text,
    /// Versions in chronological order, periods not overlapping.
    pub versions: Vec<RuleVersion>,
    /// Where the rule was written.
    pub location: Location,
}

impl Rule {
    /// The version in force on `d`, if any.
    pub fn version_at(&self, d: Date) -> Option<usize> {
        self.versions.iter().position(|v| v.period.contains(d))
    }
}

/// A version of the law, selected by date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawVersion {
    /// Short id, e.g. `1998`.
    pub id: String,
    /// First day in force.
    pub in_force_from: Date,
    /// What it is, e.g. `Act No. 102 of 1998`.
    pub title: Text,
    /// What changed.
    pub summary: Text,
}

/// A named condition (a defined term of the statute), inlined where it is used.
#[derive(Debug, Clone)]
pub struct Term {
    /// Its name, used as `term: name`.
    pub name: String,
    /// What it means.
    pub description: Text,
    /// The condition it stands for.
    pub when: Condition,
}

/// One of the principles the rules encode, for grouping and display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principle {
    /// Its number, 1–5.
    pub number: u8,
    /// Short title, e.g. `Ceasefire`.
    pub title: Text,
    /// One-sentence statement.
    pub summary: Text,
}
