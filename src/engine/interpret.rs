//! The tree interpreter: evaluates the condition trees as loaded. It is the
//! reference the compiled programs ([`super::compiled`]) are held to by a
//! property test, and it serves the analyses that evaluate one condition at a
//! time (`used_if`, `check`).

use super::evaluation::RuleResult;
use super::logic::{self, Tri};
use crate::model::condition::Condition;
use crate::model::ids::FactSet;
use crate::model::ids::ReadingSet;
use crate::model::law::Law;
use crate::model::scenario::Scenario;
use crate::model::value::Value;

/// What a condition may look at while it is evaluated. A term's value is
/// kept once computed, so that terms using terms several times stay linear.
pub(crate) struct Env<'a> {
    law: &'a Law,
    values: &'a [Option<Value>],
    readings: &'a [u8],
    results: &'a [RuleResult],
    memo: std::cell::RefCell<Vec<Option<(Tri, FactSet)>>>,
}

impl<'a> Env<'a> {
    /// An environment over these facts, readings and rule results.
    pub fn new(
        law: &'a Law,
        values: &'a [Option<Value>],
        readings: &'a [u8],
        results: &'a [RuleResult],
    ) -> Env<'a> {
        Env {
            law,
            values,
            readings,
            results,
            memo: std::cell::RefCell::new(vec![None; law.terms.len()]),
        }
    }

    /// Evaluates a condition; on `Unknown`, `missing` gains the unknown facts
    /// involved; `consulted` gains every reading tested.
    pub fn eval(&self, c: &Condition, missing: &mut FactSet, consulted: &mut ReadingSet) -> Tri {
        match c {
            Condition::Const(b) => Tri::from(*b),
            Condition::All(cs) | Condition::Any(cs) => logic::fold(
                matches!(c, Condition::All(_)),
                cs.iter().map(|c| {
                    let mut m = FactSet::EMPTY;
                    (self.eval(c, &mut m, consulted), m)
                }),
                missing,
            ),
            Condition::Not(c) => self.eval(c, missing, consulted).not(),
            Condition::Term(t) => {
                let known = self.memo.borrow().get(*t).copied().flatten();
                let (v, m) = match known {
                    Some(x) => x,
                    None => {
                        let mut m = FactSet::EMPTY;
                        let v = match self.law.terms.get(*t) {
                            Some(term) => self.eval(&term.when, &mut m, consulted),
                            None => Tri::Unknown,
                        };
                        if let Some(slot) = self.memo.borrow_mut().get_mut(*t) {
                            *slot = Some((v, m));
                        }
                        (v, m)
                    }
                };
                if v == Tri::Unknown {
                    *missing = missing.union(m);
                }
                v
            }
            Condition::Fact { fact, test } => {
                let v = self.values.get(fact.index()).copied().flatten();
                let t = logic::fact_test(test, v);
                if t == Tri::Unknown {
                    missing.insert(*fact);
                }
                t
            }
            Condition::Reading { reading, options } => {
                consulted.insert(*reading);
                logic::reading_test(*options, self.readings.get(*reading).copied().unwrap_or(0))
            }
            Condition::Rule { rule, outcomes } => {
                let r = self
                    .results
                    .get(*rule)
                    .copied()
                    .unwrap_or(RuleResult::NOT_IN_FORCE);
                logic::rule_test(r.outcome, r.missing, *outcomes, missing)
            }
        }
    }
}

/// Whether a condition over facts and readings holds for a scenario
/// (`None`: unknown). Used for `used_if`.
pub(crate) fn holds(law: &Law, s: &Scenario, c: &Condition) -> Option<bool> {
    let env = Env::new(law, &s.values, &s.readings, &[]);
    match env.eval(c, &mut FactSet::default(), &mut ReadingSet::default()) {
        Tri::True => Some(true),
        Tri::False => Some(false),
        Tri::Unknown => None,
    }
}

/// The whole-ruleset interpreter, for tests only: the reference the
/// compiled programs are held to.
#[cfg(test)]
pub(crate) mod reference {
    use super::*;
    use crate::engine::evaluation::{Evaluation, NONE};
    use crate::model::outcome::{Outcome, Verdict};
    use crate::model::rule::Explanation;

    impl Env<'_> {
        /// The first case of an explanation whose `when` holds.
        fn case(&self, ex: &Explanation, consulted: &mut ReadingSet) -> u8 {
            ex.0.iter()
                .position(|case| {
                    case.when.as_ref().is_none_or(|w| {
                        self.eval(w, &mut FactSet::default(), consulted) == Tri::True
                    })
                })
                .map_or(NONE, |i| i.min(usize::from(NONE - 1)) as u8)
        }
    }

    /// Evaluates every rule by interpreting the condition trees: the reference
    /// the compiled programs are tested against.
    pub(crate) fn evaluate<'r>(law: &'r Law, s: &Scenario) -> Evaluation<'r> {
        let date = crate::engine::scenario_date(law, s);
        let mut results = vec![RuleResult::NOT_IN_FORCE; law.rules.len()];
        let mut consulted = ReadingSet::EMPTY;
        for &i in &law.order {
            let rule = &law.rules[i];
            let Some(vi) = rule.version_at(date) else {
                continue;
            };
            let v = &rule.versions[vi];
            let env = Env::new(law, &s.values, &s.readings, &results);
            let mut missing = FactSet::EMPTY;
            let applies = env.eval(&v.applies_if, &mut missing, &mut consulted);
            let outcome = logic::decide(applies, || {
                v.require
                    .as_ref()
                    .map(|r| env.eval(r, &mut missing, &mut consulted))
            });
            if outcome != Outcome::Undetermined {
                missing = FactSet::EMPTY;
            }
            let case = v
                .explanation(outcome)
                .map_or(NONE, |ex| env.case(ex, &mut consulted));
            results[i] = RuleResult {
                outcome,
                version: vi.min(usize::from(NONE - 1)) as u8,
                case,
                missing,
            };
        }
        let mut verdict = Verdict::Eligible;
        let mut missing = FactSet::EMPTY;
        for (rule, r) in law.rules.iter().zip(&results) {
            missing = missing.union(r.missing);
            if rule.kind.decides() {
                verdict = logic::verdict_with(verdict, r.outcome);
            }
        }
        Evaluation {
            law,
            date,
            law_version: law.law_version_at(date),
            verdict,
            results,
            missing,
            consulted,
            foreign: false,
        }
    }
}
