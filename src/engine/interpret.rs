//! The tree interpreter: evaluates the condition trees as loaded. It is the
//! reference the shipped ruleset's generated code (`native`) is held to by a
//! property test; it evaluates every other ruleset; it finds the facts that
//! left a rule undetermined, the explanation that applies and the readings a
//! verdict consulted; and it serves the analyses that evaluate one condition
//! at a time (`used_if`, `check`).

use super::evaluation::{Evaluation, NONE, RuleResult};
use super::logic::{self, Check, Tri};
use crate::model::condition::Condition;
use crate::model::ids::FactSet;
use crate::model::ids::ReadingSet;
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::rule::RuleVersion;
use crate::model::scenario::Scenario;
use crate::model::value::Values;

/// What a condition may look at while it is evaluated. A term's value is
/// kept once computed, so that terms using terms several times stay linear;
/// the memo is made at the first term, so that the many small conditions
/// that name none (an explanation's or a citation's `when`) cost nothing
/// per term of the ruleset.
pub(crate) struct Env<'a> {
    law: &'a Law,
    values: &'a Values,
    readings: &'a [u8],
    results: &'a [RuleResult],
    memo: std::cell::RefCell<Vec<Option<(Tri, FactSet)>>>,
}

impl<'a> Env<'a> {
    /// An environment over these facts, readings and rule results.
    pub fn new(
        law: &'a Law,
        values: &'a Values,
        readings: &'a [u8],
        results: &'a [RuleResult],
    ) -> Env<'a> {
        Env {
            law,
            values,
            readings,
            results,
            memo: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Evaluates a condition; on `Unknown`, `missing` gains the unknown facts
    /// involved; `consulted` gains every reading tested.
    pub fn eval(&self, c: &Condition, missing: &mut FactSet, consulted: &mut ReadingSet) -> Tri {
        match c {
            Condition::Const(b) => Tri::from(*b),
            Condition::All(cs) | Condition::Any(cs) => {
                // The unknown members' missing facts count only if the result is unknown.
                let mut m = FactSet::EMPTY;
                let t = logic::fold(
                    matches!(c, Condition::All(_)),
                    cs.iter().map(|c| {
                        let mut mm = FactSet::EMPTY;
                        let t = self.eval(c, &mut mm, consulted);
                        if t == Tri::Unknown {
                            m = m.union(mm);
                        }
                        t
                    }),
                );
                if t == Tri::Unknown {
                    *missing = missing.union(m);
                }
                t
            }
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
                        let mut memo = self.memo.borrow_mut();
                        if memo.is_empty() {
                            memo.resize(self.law.terms.len(), None);
                        }
                        if let Some(slot) = memo.get_mut(*t) {
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
                let t = logic::check(Check::of(test), self.values.word(fact.index()));
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
                let t = logic::rule_test(r.outcome, *outcomes);
                if t == Tri::Unknown {
                    *missing = missing.union(r.missing);
                }
                t
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

/// One rule version's outcome, the facts that left it undetermined, and the
/// readings it consulted: the part of a rule's evaluation that explains it.
pub(crate) fn rule(
    env: &Env<'_>,
    v: &RuleVersion,
    consulted: &mut ReadingSet,
) -> (Outcome, FactSet) {
    let mut missing = FactSet::EMPTY;
    let applies = env.eval(&v.applies_if, &mut missing, consulted);
    let outcome = logic::decide(applies, || {
        v.require
            .as_ref()
            .map(|r| env.eval(r, &mut missing, consulted))
    });
    if outcome != Outcome::Undetermined {
        missing = FactSet::EMPTY;
    }
    (outcome, missing)
}

/// Fills in the missing facts of every undetermined rule, in evaluation
/// order (a rule referring to an undetermined rule inherits its missing
/// facts). The generated code decides outcomes only; this runs when some
/// outcome is undetermined.
pub(crate) fn fill_missing(law: &Law, s: &Scenario, results: &mut [RuleResult]) {
    for &i in &law.order {
        let Some(r) = results.get(i).copied() else {
            continue;
        };
        if r.outcome != Outcome::Undetermined {
            continue;
        }
        let Some(v) = r.version().and_then(|v| law.rules[i].versions.get(v)) else {
            continue;
        };
        let env = Env::new(law, &s.values, &s.readings, results);
        let (_, missing) = rule(&env, v, &mut ReadingSet::default());
        results[i].missing = missing;
    }
}

/// The explanation case that applies to rule `i`'s result: the first whose
/// `when` holds. Chosen when a report is written, not while evaluating.
pub(crate) fn case(law: &Law, s: &Scenario, results: &[RuleResult], i: usize) -> Option<usize> {
    let r = results.get(i)?;
    let v = law.rules.get(i)?.versions.get(r.version()?)?;
    let env = Env::new(law, &s.values, &s.readings, results);
    v.explanation(r.outcome)?.0.iter().position(|case| {
        case.when
            .as_ref()
            .is_none_or(|w| wording(&env, w) == Tri::True)
    })
}

/// A condition that chooses a report's words (an explanation case's or a
/// citation's `when`), read against the evaluation's results.
fn wording(env: &Env<'_>, w: &crate::model::condition::Condition) -> Tri {
    env.eval(w, &mut FactSet::default(), &mut ReadingSet::default())
}

/// Whether each citation of rule `i`'s version applies to this result: those
/// without `when`, and those whose `when` holds or may hold (a fact it reads
/// is unknown): an undetermined mission still shows every provision that
/// could govern it, where an explanation case needs its `when` to hold.
pub(crate) fn citations_apply(
    law: &Law,
    s: &Scenario,
    results: &[RuleResult],
    i: usize,
) -> Vec<bool> {
    let Some(v) = results
        .get(i)
        .and_then(|r| law.rules.get(i)?.versions.get(r.version()?))
    else {
        return Vec::new();
    };
    let env = Env::new(law, &s.values, &s.readings, results);
    v.cites
        .iter()
        .map(|c| {
            c.when
                .as_ref()
                .is_none_or(|w| wording(&env, w) != Tri::False)
        })
        .collect()
}

/// The verdict alone, and the readings consulted to reach it: the deciding
/// rules (and the rules they refer to) in order, stopping at the first
/// failure, each condition read lazily, so a reading counts only if some
/// condition still open looked at it. A reading outside that set cannot
/// change this verdict; the readings analysis grows its table from it.
pub(crate) fn verdict_consulting(law: &Law, s: &Scenario) -> (Verdict, ReadingSet) {
    let date = crate::engine::scenario_date(law, s);
    let n = law.rules.len();
    let mut need = vec![false; n];
    for &i in law.order.iter().rev() {
        let r = &law.rules[i];
        if !(r.kind.decides() || need[i]) {
            continue;
        }
        need[i] = true;
        if let Some(v) = r.version_at(date).and_then(|v| r.versions.get(v)) {
            for &x in v.refers.iter() {
                if let Some(m) = need.get_mut(x) {
                    *m = true;
                }
            }
        }
    }
    let mut results = vec![RuleResult::NOT_IN_FORCE; n];
    let mut consulted = ReadingSet::EMPTY;
    let mut verdict = Verdict::Eligible;
    // One memo of terms for the whole run, as in `evaluate` (the readings a
    // term consults are counted the first time it is evaluated).
    let mut memo = vec![None; law.terms.len()];
    for &i in &law.order {
        let r = &law.rules[i];
        let Some(vi) = r.version_at(date).filter(|_| need[i]) else {
            continue;
        };
        results[i] = run_rule(law, s, &results, &mut memo, vi, i, &mut consulted);
        if r.kind.decides() {
            verdict = logic::verdict_with(verdict, results[i].outcome);
            if verdict == Verdict::NotEligible {
                break;
            }
        }
    }
    (verdict, consulted)
}

/// Rule `i`'s version `vi` over the scenario and the results so far, with
/// the run's memo of terms (taken and given back).
fn run_rule(
    law: &Law,
    s: &Scenario,
    results: &[RuleResult],
    memo: &mut Vec<Option<(Tri, FactSet)>>,
    vi: usize,
    i: usize,
    consulted: &mut ReadingSet,
) -> RuleResult {
    let env = Env {
        law,
        values: &s.values,
        readings: &s.readings,
        results,
        memo: std::cell::RefCell::new(std::mem::take(memo)),
    };
    let (outcome, missing) = rule(&env, &law.rules[i].versions[vi], consulted);
    *memo = env.memo.into_inner();
    RuleResult {
        outcome,
        version: vi.min(usize::from(NONE - 1)) as u8,
        missing,
    }
}

/// Evaluates every rule by interpreting the condition trees: the reference
/// the generated code is tested against, and the evaluator of any ruleset
/// other than the shipped one (`--rules DIR`, [`crate::RuleSet::from_texts`]).
/// The readings it reports are exactly those some condition looked at.
pub(crate) fn evaluate<'r>(law: &'r Law, s: &Scenario) -> Evaluation<'r> {
    let date = crate::engine::scenario_date(law, s);
    let mut results = vec![RuleResult::NOT_IN_FORCE; law.rules.len()];
    let mut consulted = ReadingSet::EMPTY;
    // A term's value holds for the whole evaluation (rules run after those
    // its condition refers to), so one memo serves every rule.
    let mut memo = vec![None; law.terms.len()];
    for &i in &law.order {
        let Some(vi) = law.rules[i].version_at(date) else {
            continue;
        };
        results[i] = run_rule(law, s, &results, &mut memo, vi, i, &mut consulted);
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
