//! Evaluation: a pure function of the law and a scenario. No I/O, no clock
//! (an omitted date was fixed when the scenario was read), no allocation on
//! the hot path beyond the trace itself.
//!
//! [`logic`] holds the three-valued logic and every test, written once;
//! [`interpret`] evaluates the condition trees (the reference, and the
//! evaluator of any ruleset loaded at run time); the shipped ruleset is also
//! compiled to Rust at build time (`crate::native`, the fast path); a
//! property test holds the two equal.

pub(crate) mod evaluation;
pub(crate) mod interpret;
pub(crate) mod logic;

pub use evaluation::Evaluation;
pub(crate) use evaluation::{NONE, RuleResult};
pub(crate) use interpret::holds;

use crate::model::date::Date;
use crate::model::ids::FactSet;
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::scenario::Scenario;
use crate::model::value::Value;

/// The date a scenario is evaluated at: its `date` fact, else the day it was read.
pub(crate) fn scenario_date(law: &Law, s: &Scenario) -> Date {
    match law.vocab.date_fact.and_then(|f| s.get(f)) {
        Some(Value::Date(d)) => d,
        _ => s.today,
    }
}

/// The explanation case that applies to rule `i` of an evaluation of `s`
/// (index into the cases of its outcome's explanation).
pub(crate) fn case(e: &Evaluation<'_>, s: &Scenario, i: usize) -> Option<usize> {
    interpret::case(e.law, s, &e.results, i)
}

/// Which citations of rule `i`'s version apply to this evaluation of `s`
/// (one flag per citation, in order).
pub(crate) fn citations_apply(e: &Evaluation<'_>, s: &Scenario, i: usize) -> Vec<bool> {
    interpret::citations_apply(e.law, s, &e.results, i)
}

/// The evaluation of a scenario read against another ruleset: nothing can be
/// decided, every rule is undetermined (indices would not match).
pub(crate) fn foreign<'r>(law: &'r Law, s: &Scenario) -> Evaluation<'r> {
    let mut e = Evaluation::empty(law);
    e.date = scenario_date(law, s);
    e.law_version = law.law_version_at(e.date);
    e.results = vec![
        RuleResult {
            outcome: Outcome::Undetermined,
            version: NONE,
            missing: FactSet::EMPTY,
        };
        law.rules.len()
    ];
    e.verdict = Verdict::Undetermined;
    e.foreign = true;
    e
}

#[cfg(test)]
mod tests;
