//! What a rule concludes ([`Outcome`]) and the answer for a scenario ([`Verdict`]).

use serde::{Deserialize, Serialize};

/// What one rule concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
#[non_exhaustive]
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
    /// Parses the word used in JSON and rule files.
    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
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

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The overall answer for a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
        Verdict::ALL.into_iter().find(|v| v.as_str() == s)
    }
    /// Every verdict.
    pub const ALL: [Verdict; 3] = [
        Verdict::Eligible,
        Verdict::NotEligible,
        Verdict::Undetermined,
    ];
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
