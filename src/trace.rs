//! Outcomes, verdicts and the per-rule trace of an evaluation.
//!
//! The trace is deliberately small (an outcome and two fact sets per rule):
//! prose is rendered only when output is written, see [`crate::render`].

use crate::date::Date;
use crate::facts::FactSet;
use serde::Serialize;

/// What one rule concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum Outcome {
    /// The requirement is met.
    Pass = 0,
    /// The requirement is not met.
    Fail = 1,
    /// A fact it needs is unknown.
    Undetermined = 2,
    /// The rule does not concern this mission.
    NotApplicable = 3,
    /// No version of the rule is in force on the scenario's date.
    NotInForce = 4,
}

impl Outcome {
    /// The word used in JSON and rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Undetermined => "undetermined",
            Outcome::NotApplicable => "not_applicable",
            Outcome::NotInForce => "not_in_force",
        }
    }
    /// Every outcome.
    pub const ALL: [Outcome; 5] = [
        Outcome::Pass,
        Outcome::Fail,
        Outcome::Undetermined,
        Outcome::NotApplicable,
        Outcome::NotInForce,
    ];
}

/// The overall answer for a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every deciding rule passes or does not apply.
    Eligible,
    /// At least one deciding rule fails.
    NotEligible,
    /// None fails, but at least one cannot be decided for lack of facts.
    Undetermined,
}

impl Verdict {
    /// The word used in JSON and scenario files.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Eligible => "eligible",
            Verdict::NotEligible => "not_eligible",
            Verdict::Undetermined => "undetermined",
        }
    }
    /// Parses the word used in scenario files.
    pub fn parse(s: &str) -> Option<Verdict> {
        match s {
            "eligible" => Some(Verdict::Eligible),
            "not_eligible" => Some(Verdict::NotEligible),
            "undetermined" => Some(Verdict::Undetermined),
            _ => None,
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleResult {
    /// The outcome.
    pub outcome: Outcome,
    /// The version used (index into the rule's versions), if one was in force.
    pub version: Option<u8>,
    /// Unknown facts that left the rule undetermined (empty otherwise).
    pub missing: FactSet,
}

/// The result of evaluating one scenario: a verdict and every rule's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The date evaluated (the scenario's, or the override).
    pub date: Date,
    /// The law version in force on that date (index into the ruleset's versions).
    pub law_version: Option<usize>,
    /// The verdict.
    pub verdict: Verdict,
    /// One result per rule, in ruleset order.
    pub results: Vec<RuleResult>,
    /// All facts missing in undetermined rules.
    pub missing: FactSet,
}

impl Evaluation {
    /// The indices of the rules with a given outcome.
    pub fn with_outcome(&self, o: Outcome) -> impl Iterator<Item = usize> + '_ {
        self.results
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.outcome == o)
            .map(|(i, _)| i)
    }
}
