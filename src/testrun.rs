//! Suites of scenarios with expectations (`peacecoop test`): which pass, which
//! fail and why, and how well a suite covers the rules.

use crate::facts::Scenario;
use crate::ruleset::RuleSet;
use crate::trace::{Evaluation, Outcome, Verdict};

/// One scenario checked against its `expect:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    /// The expected verdict, if stated.
    pub expected: Option<Verdict>,
    /// The actual verdict.
    pub actual: Verdict,
    /// Rules whose outcome differs from the expectation: (rule, expected, actual).
    pub mismatches: Vec<(usize, Outcome, Outcome)>,
}

impl CaseResult {
    /// Whether every expectation holds.
    pub fn passed(&self) -> bool {
        self.expected.is_none_or(|v| v == self.actual) && self.mismatches.is_empty()
    }
}

/// Checks a scenario's expectations; `None` if it states none.
pub fn check(s: &Scenario, e: &Evaluation) -> Option<CaseResult> {
    if s.expect.is_none() && s.expect_rules.is_empty() {
        return None;
    }
    let mismatches = s
        .expect_rules
        .iter()
        .filter_map(|&(r, want)| {
            let got = e.results[r].outcome;
            (got != want).then_some((r, want, got))
        })
        .collect();
    Some(CaseResult {
        expected: s.expect,
        actual: e.verdict,
        mismatches,
    })
}

/// How often each rule came out each way over a suite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Per rule, the count of each outcome, indexed by `Outcome as usize`.
    pub counts: Vec<[u32; 5]>,
}

impl Coverage {
    /// An empty tally for `rs`.
    pub fn new(rs: &RuleSet) -> Coverage {
        Coverage {
            counts: vec![[0; 5]; rs.rules.len()],
        }
    }
    /// Adds one evaluation.
    pub fn add(&mut self, e: &Evaluation) {
        for (c, r) in self.counts.iter_mut().zip(&e.results) {
            c[r.outcome as usize] += 1;
        }
    }
    /// Rules the suite never saw both pass and fail (procedures, which never
    /// fail, need only pass).
    pub fn gaps(&self, rs: &RuleSet) -> Vec<usize> {
        self.counts
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                let pass = c[Outcome::Pass as usize] > 0;
                let fail = c[Outcome::Fail as usize] > 0;
                if rs.rules[*i].kind == crate::rule::RuleKind::Procedure {
                    !pass
                } else {
                    !(pass && fail)
                }
            })
            .map(|(i, _)| i)
            .collect()
    }
}
