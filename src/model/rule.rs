//! Rules: one legal requirement each, with its versions over time, its
//! conditions, its explanations and the articles it encodes.

use super::condition::Condition;
use super::date::Date;
use super::ids::{FactId, FactSet, ReadingSet, SourceId};
use super::list::List;
use super::location::Place;
use super::strings::Str;
use super::text::{Localized, Text};

/// A rule's identifier, e.g. `ceasefire-agreement`.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub(crate) struct RuleId(pub Str);

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a rule is about; decides how it is grouped and whether it decides the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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

/// An explanation with placeholders, parsed once at load: the literal text
/// (braces unescaped, placeholders removed) and, in order, the byte offsets
/// in it where a fact's value goes (`{fact.name}`: the value, or "unknown").
/// One string and, for most texts, no list at all: cheap to keep and to load.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Template {
    /// The literal text.
    pub text: Str,
    /// Where each placeholder goes, and its fact.
    pub holes: List<(u32, FactId)>,
}

/// A piece of a template, in order.
pub(crate) enum Segment<'t> {
    /// Literal text.
    Text(&'t str),
    /// A placeholder.
    Fact(FactId),
}

impl Template {
    /// The literal pieces and placeholders, in order.
    pub fn segments(&self) -> impl Iterator<Item = Segment<'_>> {
        let text = self.text.as_str();
        let mut at = 0usize;
        let mut holes = self.holes.iter();
        let mut pending: Option<FactId> = None;
        std::iter::from_fn(move || {
            if let Some(f) = pending.take() {
                return Some(Segment::Fact(f));
            }
            match holes.next() {
                Some(&(pos, f)) => {
                    let pos = (pos as usize).clamp(at, text.len());
                    let lit = text.get(at..pos).unwrap_or("");
                    at = pos;
                    if lit.is_empty() {
                        Some(Segment::Fact(f))
                    } else {
                        pending = Some(f);
                        Some(Segment::Text(lit))
                    }
                }
                None if at < text.len() => {
                    let lit = text.get(at..).unwrap_or("");
                    at = text.len();
                    Some(Segment::Text(lit))
                }
                None => None,
            }
        })
    }
}

/// One case of an explanation: used when `when` holds (or always, without `when`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Case {
    /// The condition; `None` for the closing case.
    pub when: Option<Condition>,
    /// The text, in both languages.
    pub text: Localized<Template>,
}

/// An explanation, chosen by case: the first case whose `when` holds wins.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Explanation(pub List<Case>);

/// A citation: the article, the source it is read from, and where known the statute's own words.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Citation {
    /// The reference, e.g. `PKO Act Art 3(1)` / `国際平和協力法第3条第1号`.
    pub article: Text,
    /// The sources it is read from.
    pub sources: List<SourceId>,
    /// The statute's words in Japanese.
    pub text_ja: Option<Str>,
    /// An English rendering.
    pub text_en: Option<Str>,
    /// When the citation applies (e.g. only to one pillar); `None`: always.
    /// A report lists it only when this holds, as explanation cases are chosen.
    pub when: Option<Condition>,
}

/// A period in force, both ends inclusive; open ends are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
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
    /// Whether the period holds the day with this ordinal (the build
    /// script's code generator splits the law into periods by ordinal).
    #[allow(dead_code)]
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
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
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
    pub cites: List<Citation>,
    /// The reading taken where the law is silent or contested.
    pub reading: Option<Text>,
    /// What changed in this version, for `explain`.
    pub change: Option<Text>,
    /// Facts this version reads (applies_if and require, terms included).
    pub reads: FactSet,
    /// Readings this version consults (terms included).
    pub consults: ReadingSet,
    /// The rules `applies_if` and `require` refer to, directly or through
    /// terms (sorted, once each): what a verdict needs evaluated first.
    pub refers: List<usize>,
    /// Where the version was written.
    pub location: Place,
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

    /// The conditions a report consults to choose its words: the explanation
    /// cases' and the citations' `when`. They never change an outcome, but
    /// they refer to rules and terms like any condition.
    pub fn report_conditions(&self) -> impl Iterator<Item = &Condition> {
        let cases = self
            .pass
            .0
            .iter()
            .chain(&self.fail.0)
            .chain(&self.not_applicable.0);
        cases
            .filter_map(|c| c.when.as_ref())
            .chain(self.cites.iter().filter_map(|c| c.when.as_ref()))
    }
}

/// A rule: one legal requirement, with its versions over time.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
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
    pub versions: List<RuleVersion>,
    /// Where the rule was written.
    pub location: Place,
}

impl Rule {
    /// The version in force on `d`, if any.
    pub fn version_at(&self, d: Date) -> Option<usize> {
        self.versions.iter().position(|v| v.period.contains(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_segments_put_each_value_where_its_placeholder_was() {
        // "{a} is {b}{c}." with a, b, c as facts 0, 1, 2.
        let t = Template {
            text: Str::from(" is ."),
            holes: vec![(0, FactId(0)), (4, FactId(1)), (4, FactId(2))].into(),
        };
        let shown: Vec<String> = t
            .segments()
            .map(|s| match s {
                Segment::Text(x) => x.to_owned(),
                Segment::Fact(f) => format!("<{}>", f.0),
            })
            .collect();
        assert_eq!(shown, ["<0>", " is ", "<1>", "<2>", "."]);
        let plain = Template {
            text: Str::from("no placeholders"),
            holes: List::new(),
        };
        assert_eq!(plain.segments().count(), 1);
    }
}
