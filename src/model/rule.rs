//! Rules: one legal requirement each, with its versions over time, its
//! conditions, its explanations and the articles it encodes.

use super::condition::Condition;
use super::date::Date;
use super::ids::{FactId, FactSet, ReadingSet, SourceId};
use super::location::Location;
use super::text::{Localized, Text};

/// A rule's identifier, e.g. `ceasefire-agreement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct RuleId(pub String);

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a rule is about; decides how it is grouped and whether it decides the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum RuleKind {
    /// The Act itself (in force, no use of force, personnel cap).
    General,
    /// What makes an operation one of the pillars (legal basis, who runs it).
    Pillar,
    /// One of the principles.
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

/// A piece of explanation text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Segment {
    /// Literal text.
    Text(String),
    /// `{fact.name}`: the fact's value, or "unknown".
    Fact(FactId),
}

/// An explanation with placeholders, parsed once at load.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Template(pub Vec<Segment>);

/// One case of an explanation: used when `when` holds (or always, without `when`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Case {
    /// The condition; `None` for the closing case.
    pub when: Option<Condition>,
    /// The text, in both languages.
    pub text: Localized<Template>,
}

/// An explanation, chosen by case: the first case whose `when` holds wins.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Explanation(pub Vec<Case>);

/// A citation: the article, the source it is read from, and where known the statute's own words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Citation {
    /// The reference, e.g. `PKO Act Art 3(1)` / `国際平和協力法第3条第1号`.
    pub article: Text,
    /// The sources it is read from.
    pub sources: Vec<SourceId>,
    /// The statute's words in Japanese.
    pub text_ja: Option<String>,
    /// An English rendering.
    pub text_en: Option<String>,
}

/// A period in force, both ends inclusive; open ends are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Period {
    /// First day in force.
    pub from: Option<Date>,
    /// Last day in force.
    pub until: Option<Date>,
}

impl Period {
    /// Whether the period covers `d`.
    #[inline]
    pub fn contains(&self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d <= u)
    }
    /// Whether the period holds the day with this ordinal.
    pub fn contains_ordinal(&self, d: i64) -> bool {
        self.from.is_none_or(|f| f.ordinal() <= d) && self.until.is_none_or(|u| d <= u.ordinal())
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

/// One version of a rule, in force over a period.
#[derive(Debug, Clone)]
pub(crate) struct RuleVersion {
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
    /// Facts this version reads (applies_if and require, terms included).
    pub reads: FactSet,
    /// Readings this version consults (terms included).
    pub consults: ReadingSet,
    /// Where the version was written.
    pub location: Location,
}

impl RuleVersion {
    /// The explanation of an outcome (pass, fail or not applicable).
    pub fn explanation(&self, o: super::outcome::Outcome) -> Option<&Explanation> {
        use super::outcome::Outcome;
        match o {
            Outcome::Pass => Some(&self.pass),
            Outcome::Fail => Some(&self.fail),
            Outcome::NotApplicable => Some(&self.not_applicable),
            _ => None,
        }
    }
}

/// A rule: one legal requirement, with its versions over time.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    /// Unique identifier.
    pub id: RuleId,
    /// One-line title.
    pub title: Text,
    /// Which principle it encodes, if any.
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
