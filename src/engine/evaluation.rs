//! The result of evaluating a scenario: the verdict and, for every rule, its
//! outcome, the version used and the facts that left it undetermined. Small
//! and flat: which explanation applies, and its prose, are worked out only
//! when a report asks for them.

use crate::model::date::Date;
use crate::model::ids::FactSet;
use crate::model::ids::ReadingSet;
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};

/// "No version" / "no case": a rule not in force, or an explanation without cases.
pub(crate) const NONE: u8 = u8::MAX;

/// One rule's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RuleResult {
    /// The outcome.
    pub outcome: Outcome,
    /// The version used (index into the rule's versions), or [`NONE`].
    pub version: u8,
    /// Unknown facts that left the rule undetermined (empty otherwise).
    pub missing: FactSet,
}

impl RuleResult {
    /// A rule not in force on the date.
    pub const NOT_IN_FORCE: RuleResult = RuleResult {
        outcome: Outcome::NotInForce,
        version: NONE,
        missing: FactSet::EMPTY,
    };
    /// The version used, if one was in force.
    pub fn version(&self) -> Option<usize> {
        (self.version != NONE).then_some(usize::from(self.version))
    }
}

/// The result of evaluating one scenario: a verdict and every rule's result.
///
/// Tied to the [`crate::RuleSet`] that produced it, so rule ids and fact
/// names can be read back: [`Evaluation::outcome`], [`Evaluation::failing`],
/// [`Evaluation::missing`].
#[derive(Debug, Clone)]
pub struct Evaluation<'r> {
    pub(crate) law: &'r Law,
    /// The date evaluated (the scenario's, or the override).
    pub(crate) date: Date,
    /// The law version in force on that date (index into the law versions).
    pub(crate) law_version: Option<usize>,
    pub(crate) verdict: Verdict,
    /// One result per rule, in ruleset order.
    pub(crate) results: Vec<RuleResult>,
    /// All facts missing in undetermined rules.
    pub(crate) missing: FactSet,
    /// Every reading the conditions of the rules in force test (a superset
    /// of those that mattered: a reading outside it cannot change anything).
    pub(crate) consulted: ReadingSet,
    /// The scenario was read against another ruleset (nothing could be evaluated).
    pub(crate) foreign: bool,
}

impl<'r> Evaluation<'r> {
    /// An evaluation with no results yet (a buffer to evaluate into).
    pub(crate) fn empty(law: &'r Law) -> Evaluation<'r> {
        Evaluation {
            law,
            date: Date::from_unix_days(0),
            law_version: None,
            verdict: Verdict::Undetermined,
            results: Vec::new(),
            missing: FactSet::EMPTY,
            consulted: ReadingSet::EMPTY,
            foreign: false,
        }
    }

    /// The verdict.
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }
    /// The date the law was taken at (`YYYY-MM-DD`).
    pub fn date(&self) -> Date {
        self.date
    }
    /// The id of the law version in force on the date (`None` before the first).
    pub fn law_version(&self) -> Option<&'r str> {
        self.law_version
            .and_then(|i| self.law.law_versions.get(i))
            .map(|v| v.id.as_str())
    }
    /// A rule's outcome, by rule id (`None` if the ruleset has no such rule).
    pub fn outcome(&self, rule: &str) -> Option<Outcome> {
        self.law
            .rule(rule)
            .and_then(|i| self.results.get(i))
            .map(|r| r.outcome)
    }
    /// The ids of the rules that failed and decide the verdict (not procedures or policies).
    pub fn failing(&self) -> impl Iterator<Item = &'r str> + '_ {
        self.deciding(Outcome::Fail)
            .map(|i| self.law.rules[i].id.0.as_str())
    }
    /// The dotted names of the facts left unknown by undetermined rules.
    pub fn missing(&self) -> impl Iterator<Item = &'r str> + '_ {
        let law = self.law;
        self.missing
            .iter()
            .map(move |f| law.vocab.get(f).name.as_str())
    }
    /// Every rule's id and outcome, in ruleset order.
    pub fn outcomes(&self) -> impl Iterator<Item = (&'r str, Outcome)> + '_ {
        let law = self.law;
        law.rules
            .iter()
            .zip(&self.results)
            .map(|(r, res)| (r.id.0.as_str(), res.outcome))
    }

    /// The indices of the rules with outcome `o`.
    pub(crate) fn with_outcome(&self, o: Outcome) -> impl Iterator<Item = usize> + '_ {
        self.results
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.outcome == o)
            .map(|(i, _)| i)
    }
    /// The indices of the deciding rules with outcome `o`.
    pub(crate) fn deciding(&self, o: Outcome) -> impl Iterator<Item = usize> + '_ {
        let law = self.law;
        self.with_outcome(o)
            .filter(move |&i| law.rules[i].kind.decides())
    }
    /// One rule's result.
    pub(crate) fn result(&self, i: usize) -> RuleResult {
        self.results
            .get(i)
            .copied()
            .unwrap_or(RuleResult::NOT_IN_FORCE)
    }
}

/// Two evaluations agree when every rule's result, the verdict and the date agree.
impl PartialEq for Evaluation<'_> {
    fn eq(&self, o: &Self) -> bool {
        std::ptr::eq(self.law, o.law)
            && self.date == o.date
            && self.verdict == o.verdict
            && self.results == o.results
            && self.missing == o.missing
            && self.consulted == o.consulted
    }
}
