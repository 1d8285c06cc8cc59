//! A scenario's journey through the law versions: its verdict under each
//! version (evaluated on the version's first day) and the rules whose outcome
//! changed from one version to the next.

use crate::facts::Scenario;
use crate::ruleset::RuleSet;
use crate::trace::{Evaluation, Outcome};

/// The verdict under one law version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Index of the law version.
    pub version: usize,
    /// The evaluation as of the version's first day.
    pub evaluation: Evaluation,
    /// Deciding rules that fail.
    pub failed: Vec<usize>,
    /// Rules whose outcome differs from the previous version's (empty for the first).
    pub changed: Vec<(usize, Outcome, Outcome)>,
}

/// Evaluates `s` as of the first day of every law version, oldest first.
///
/// ```
/// let rules = peacecoop::RuleSet::embedded().unwrap();
/// let s = rules.read_scenario("scenarios/mfo-sinai-2019.yaml".as_ref(), 1 << 20).unwrap();
/// let h = peacecoop::history::history(&rules, &s);
/// let verdicts: Vec<_> = h.iter().map(|step| step.evaluation.verdict.as_str()).collect();
/// assert_eq!(verdicts, ["not_eligible", "not_eligible", "not_eligible", "eligible"]);
/// ```
pub fn history(rs: &RuleSet, s: &Scenario) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for (i, v) in rs.law_versions.iter().enumerate() {
        let mut at = s.clone();
        rs.set_date(&mut at, v.in_force_from);
        let evaluation = rs.evaluate(&at);
        let failed = evaluation
            .with_outcome(Outcome::Fail)
            .filter(|&r| rs.rules[r].kind.decides())
            .collect();
        let changed = match steps.last() {
            Some(prev) => prev
                .evaluation
                .results
                .iter()
                .zip(&evaluation.results)
                .enumerate()
                .filter(|(_, (a, b))| a.outcome != b.outcome)
                .map(|(r, (a, b))| (r, a.outcome, b.outcome))
                .collect(),
            None => Vec::new(),
        };
        steps.push(Step {
            version: i,
            evaluation,
            failed,
            changed,
        });
    }
    steps
}
