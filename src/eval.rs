//! Evaluation: a pure function of a ruleset and a scenario.
//!
//! Conditions use Kleene's three-valued logic: an unknown fact makes a test
//! unknown; `any` with one true member is true; `all` with one false member is
//! false. Nothing here allocates except the result vector.

use crate::facts::{FactSet, Scenario, Value};
use crate::rule::{CmpOp, Condition, OutcomeSet, Test};
use crate::ruleset::RuleSet;
use crate::trace::{Evaluation, Outcome, RuleResult, Verdict};

/// A three-valued truth value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    /// False.
    False,
    /// True.
    True,
    /// Unknown.
    Unknown,
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
}

/// What a condition may look at while it is evaluated.
pub(crate) struct Env<'a> {
    pub scenario: &'a Scenario,
    pub results: &'a [RuleResult],
}

/// Evaluates a condition; on `Unknown`, `missing` gains the unknown facts involved.
pub(crate) fn eval_cond(c: &Condition, env: &Env<'_>, missing: &mut FactSet) -> Tri {
    match c {
        Condition::Const(b) => Tri::from(*b),
        Condition::All(cs) | Condition::Any(cs) => {
            // `all` stops at the first false member, `any` at the first true one.
            let all = matches!(c, Condition::All(_));
            let stop = if all { Tri::False } else { Tri::True };
            let mut acc = if all { Tri::True } else { Tri::False };
            let mut m = FactSet::EMPTY;
            for c in cs {
                match eval_cond(c, env, &mut m) {
                    t if t == stop => return stop,
                    Tri::Unknown => acc = Tri::Unknown,
                    _ => {}
                }
            }
            if acc == Tri::Unknown {
                *missing = missing.union(m);
            }
            acc
        }
        Condition::Term(_, c) => eval_cond(c, env, missing),
        Condition::Not(c) => match eval_cond(c, env, missing) {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        },
        Condition::Fact { fact, test } => {
            let v = env.scenario.get(*fact);
            if let Test::IsSet = test {
                return Tri::from(v.is_some());
            }
            match v {
                None => {
                    missing.insert(*fact);
                    Tri::Unknown
                }
                Some(v) => Tri::from(test_value(test, v)),
            }
        }
        Condition::Rule { rule, outcomes } => rule_ref(env.results[*rule], *outcomes, missing),
    }
}

/// A test on another rule's outcome, in three-valued logic.
pub(crate) fn rule_ref(r: RuleResult, outcomes: OutcomeSet, missing: &mut FactSet) -> Tri {
    match r.outcome {
        Outcome::Undetermined => {
            // The referenced rule might still come out any of pass, fail or not applicable.
            let could = [Outcome::Pass, Outcome::Fail, Outcome::NotApplicable]
                .iter()
                .filter(|o| outcomes.contains(**o))
                .count();
            if could == 0 && !outcomes.contains(Outcome::Undetermined) {
                Tri::False
            } else if could == 3 {
                Tri::True
            } else {
                *missing = missing.union(r.missing);
                Tri::Unknown
            }
        }
        o => Tri::from(outcomes.contains(o)),
    }
}

fn test_value(test: &Test, v: Value) -> bool {
    match (test, v) {
        (Test::IsSet, _) => true,
        (Test::Is(want), v) => *want == v,
        (Test::In(mask), Value::Enum(i)) => i < 64 && mask & (1 << i) != 0,
        (Test::In(mask), Value::Sym(s)) => s < 64 && mask & (1u64 << s) != 0,
        (Test::Cmp(op, n), Value::Int(i)) => cmp(*op, i, *n),
        (Test::Cmp(op, n), Value::Date(d)) => cmp(*op, d.ordinal(), *n),
        (Test::ContainsAll(mask), Value::Set(s)) => s & mask == *mask,
        (Test::ContainsAny(mask), Value::Set(s)) => s & mask != 0,
        _ => false,
    }
}

fn cmp(op: CmpOp, a: i64, b: i64) -> bool {
    match op {
        CmpOp::AtLeast => a >= b,
        CmpOp::AtMost => a <= b,
        CmpOp::Before => a < b,
        CmpOp::After => a > b,
    }
}

/// Evaluates every rule of `rules` against `scenario`, on the compiled rules.
///
/// Pure and deterministic: no I/O, no clock (the date comes from the
/// scenario), the same inputs always give the same [`Evaluation`]. Nothing is
/// allocated but the result vector.
pub fn evaluate(rules: &RuleSet, scenario: &Scenario) -> Evaluation {
    let date = rules.scenario_date(scenario);
    let blank = RuleResult {
        outcome: Outcome::NotInForce,
        version: None,
        missing: FactSet::EMPTY,
    };
    let mut results = vec![blank; rules.rules.len()];
    for &i in &rules.order {
        let versions = &rules.compiled[i];
        let Some(vi) = versions
            .iter()
            .position(|v| v.from.is_none_or(|f| f <= date) && v.until.is_none_or(|u| date <= u))
        else {
            continue;
        };
        let (outcome, missing) = crate::compiled::outcome(&versions[vi], scenario, &results);
        results[i] = RuleResult {
            outcome,
            version: Some(vi as u8),
            missing,
        };
    }
    finish(rules, date, results)
}

/// The same as [`evaluate`], interpreting the condition trees directly: the
/// reference the compiled form is checked against.
pub fn evaluate_interpreted(rules: &RuleSet, scenario: &Scenario) -> Evaluation {
    let date = rules.scenario_date(scenario);
    let blank = RuleResult {
        outcome: Outcome::NotInForce,
        version: None,
        missing: FactSet::EMPTY,
    };
    let mut results = vec![blank; rules.rules.len()];
    for &i in &rules.order {
        let rule = &rules.rules[i];
        let Some(vi) = rule.version_at(date) else {
            continue;
        };
        let v = &rule.versions[vi];
        let env = Env {
            scenario,
            results: &results,
        };
        let mut missing = FactSet::EMPTY;
        let outcome = match eval_cond(&v.applies_if, &env, &mut missing) {
            Tri::False => Outcome::NotApplicable,
            Tri::Unknown => Outcome::Undetermined,
            Tri::True => match &v.require {
                None => Outcome::Pass,
                Some(req) => match eval_cond(req, &env, &mut missing) {
                    Tri::True => Outcome::Pass,
                    Tri::False => Outcome::Fail,
                    Tri::Unknown => Outcome::Undetermined,
                },
            },
        };
        if outcome != Outcome::Undetermined {
            missing = FactSet::EMPTY;
        }
        results[i] = RuleResult {
            outcome,
            version: Some(vi as u8),
            missing,
        };
    }
    finish(rules, date, results)
}

/// The verdict from the rules' results.
fn finish(rules: &RuleSet, date: crate::date::Date, results: Vec<RuleResult>) -> Evaluation {
    let mut verdict = Verdict::Eligible;
    let mut missing = FactSet::EMPTY;
    for (rule, r) in rules.rules.iter().zip(&results) {
        missing = missing.union(r.missing);
        if !rule.kind.decides() {
            continue;
        }
        match r.outcome {
            Outcome::Fail => verdict = Verdict::NotEligible,
            Outcome::Undetermined if verdict == Verdict::Eligible => {
                verdict = Verdict::Undetermined
            }
            _ => {}
        }
    }
    Evaluation {
        date,
        law_version: rules.law_version_at(date),
        verdict,
        results,
        missing,
    }
}
