//! Suites of scenarios with expectations (`peacecoop test`): which pass,
//! which fail and why, and how well a suite covers the rules.

use crate::model::outcome::{Outcome, Verdict};
use crate::model::rule::RuleKind;
use crate::model::scenario::{Expectation, Scenario};
use crate::report::shapes::Pairs;
use crate::ruleset::RuleSet;

/// One expectation checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CaseResult {
    /// The readings it was checked under (empty: as the scenario has them).
    pub readings: Pairs,
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

impl RuleSet {
    /// Checks every expectation of a scenario (each under its own readings);
    /// empty if it states none. `coverage` tallies every evaluation made.
    pub(crate) fn check_expectations(
        &self,
        s: &Scenario,
        coverage: &mut Coverage,
    ) -> Vec<(Scenario, CaseResult)> {
        let law = &self.law;
        if s.expect.is_empty() {
            coverage.add(&self.evaluate(s));
        }
        s.expect
            .iter()
            .map(|x: &Expectation| {
                let mut sc = s.clone();
                for &(r, o) in &x.readings {
                    sc.chosen[r] = Some(o);
                }
                sc.resolve(&law.vocab, &law.readings);
                let e = self.evaluate(&sc);
                coverage.add(&e);
                let mismatches = x
                    .rules
                    .iter()
                    .filter_map(|&(r, want)| {
                        let got = e.result(r).outcome;
                        (got != want).then_some((r, want, got))
                    })
                    .collect();
                let readings = Pairs(
                    x.readings
                        .iter()
                        .map(|&(r, o)| {
                            let d = &law.readings[r];
                            (d.id.to_string(), d.options[usize::from(o)].id.to_string())
                        })
                        .collect(),
                );
                let result = CaseResult {
                    readings,
                    expected: x.verdict,
                    actual: e.verdict(),
                    mismatches,
                };
                (sc, result)
            })
            .collect()
    }
}

/// How often each rule came out each way over a suite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Coverage {
    /// Per rule, the count of each outcome, indexed by `Outcome as usize`.
    pub counts: Vec<[u32; 5]>,
}

impl Coverage {
    /// An empty tally for `rs`.
    pub fn new(rs: &RuleSet) -> Coverage {
        Coverage {
            counts: vec![[0; 5]; rs.law.rules.len()],
        }
    }
    /// Adds one evaluation.
    pub fn add(&mut self, e: &crate::engine::Evaluation<'_>) {
        for (c, r) in self.counts.iter_mut().zip(&e.results) {
            c[r.outcome as usize] = c[r.outcome as usize].saturating_add(1);
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
                if rs.law.rules[*i].kind == RuleKind::Procedure {
                    !pass
                } else {
                    !(pass && fail)
                }
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// One expectation's result, as `test --format json` gives it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct CaseReport {
    /// The scenario file.
    pub file: String,
    /// The scenario's name.
    pub name: String,
    /// The readings this expectation names (empty: as the scenario has them).
    pub readings: Pairs,
    /// Whether every part of the expectation holds.
    pub passed: bool,
    /// The verdict expected, if stated.
    pub expected: Option<Verdict>,
    /// The verdict.
    pub actual: Verdict,
    /// The deciding rules that fail or are undetermined, with why (when the verdict differs).
    pub deciding: Vec<RuleLine>,
    /// Rules whose outcome differs from the expectation.
    pub rule_mismatches: Vec<Mismatch>,
}

/// A rule and its explanation.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct RuleLine {
    /// The rule's id.
    pub rule: String,
    /// Its outcome.
    pub outcome: Outcome,
    /// Why.
    pub explanation: String,
}

/// A rule whose outcome is not the one expected.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Mismatch {
    /// The rule's id.
    pub rule: String,
    /// The outcome expected.
    pub expected: Outcome,
    /// The outcome.
    pub actual: Outcome,
    /// Why.
    pub explanation: String,
}

/// How often a rule came out each way over a suite.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct RuleCoverage {
    /// The rule's id.
    pub rule: String,
    /// Times it passed.
    pub pass: u32,
    /// Times it failed.
    pub fail: u32,
    /// Times it was undetermined.
    pub undetermined: u32,
    /// Times it did not apply.
    pub not_applicable: u32,
    /// Times it was not in force.
    pub not_in_force: u32,
}

/// Coverage of a suite: counts per rule, and the rules never seen both ways.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct CoverageReport {
    /// Per rule.
    pub rules: Vec<RuleCoverage>,
    /// Rules never seen both to pass and to fail (procedures: never to pass).
    pub never_both_ways: Vec<String>,
}

/// A whole run of `peacecoop test` (`--format json`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct TestReport {
    /// The version of this shape.
    pub schema_version: u32,
    /// Expectations that held.
    pub passed: usize,
    /// Expectations that did not.
    pub failed: usize,
    /// Scenarios without any expectation.
    pub without_expect: usize,
    /// Files that could not be read.
    pub errors: usize,
    /// Every expectation checked, in file order.
    pub results: Vec<CaseReport>,
    /// Coverage, when asked for.
    pub coverage: Option<CoverageReport>,
}

impl RuleSet {
    /// Checks a scenario's expectations and reports each (empty when it has none).
    pub(crate) fn test_cases(
        &self,
        file: &str,
        s: &Scenario,
        cov: &mut Coverage,
        lang: crate::model::Lang,
    ) -> Vec<CaseReport> {
        let law = &self.law;
        self.check_expectations(s, cov)
            .into_iter()
            .map(|(sc, c)| {
                let e = self.evaluate(&sc);
                let line = |i: usize| crate::report::explain::explanation(&sc, &e, i, lang);
                let mut deciding = Vec::new();
                if c.expected.is_some_and(|x| x != c.actual) {
                    for o in [Outcome::Fail, Outcome::Undetermined] {
                        for i in e.deciding(o) {
                            deciding.push(RuleLine {
                                rule: law.rules[i].id.0.to_string(),
                                outcome: o,
                                explanation: line(i),
                            });
                        }
                    }
                }
                CaseReport {
                    file: file.to_owned(),
                    name: s.name_in(lang).to_owned(),
                    passed: c.passed(),
                    readings: c.readings.clone(),
                    expected: c.expected,
                    actual: c.actual,
                    deciding,
                    rule_mismatches: c
                        .mismatches
                        .iter()
                        .map(|&(r, want, got)| Mismatch {
                            rule: law.rules[r].id.0.to_string(),
                            expected: want,
                            actual: got,
                            explanation: line(r),
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// The coverage report of a tally.
    pub(crate) fn coverage_report(&self, cov: &Coverage) -> CoverageReport {
        CoverageReport {
            rules: self
                .law
                .rules
                .iter()
                .zip(&cov.counts)
                .map(|(r, c)| RuleCoverage {
                    rule: r.id.0.to_string(),
                    pass: c[0],
                    fail: c[1],
                    undetermined: c[2],
                    not_applicable: c[3],
                    not_in_force: c[4],
                })
                .collect(),
            never_both_ways: cov
                .gaps(self)
                .into_iter()
                .map(|i| self.law.rules[i].id.0.to_string())
                .collect(),
        }
    }
}
