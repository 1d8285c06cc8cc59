//! The compiled form of a ruleset, used on the hot path of evaluation.
//!
//! Why a second evaluator: sweeps (what-if, truth tables, batches, the Python
//! `evaluate_many`) and per-keystroke evaluation in the browser run the rules
//! millions of times. Each condition becomes one flat array of operations in
//! pre-order, every compound operation knowing where its subtree ends, so
//! evaluation walks an array: no pointers to chase, no strings, no hashing,
//! no allocation. Defined terms are compiled once and their value is kept for
//! the rest of one evaluation. The logic itself is [`super::logic`], shared
//! with the tree interpreter, and a property test holds both to the same
//! results on every kind of scenario.

use super::evaluation::{Evaluation, NONE, RuleResult};
use super::logic::{self, Tri};
use crate::model::condition::{Condition, OutcomeSet, Test};
use crate::model::date::Date;
use crate::model::ids::FactSet;
use crate::model::ids::ReadingSet;
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::rule::Explanation;
use crate::model::scenario::Scenario;
use crate::model::value::Value;

/// One operation of a flat program.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Const(bool),
    All,
    Any,
    Not,
    Term(u32),
    Fact(u16, Test),
    Reading(u16, u64),
    Rule(u32, OutcomeSet),
}

/// An operation and the index just past its subtree.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Node {
    op: Op,
    end: u32,
}

/// A condition as a flat array in pre-order (empty: always true).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Program(Vec<Node>);

impl Program {
    fn compile(c: &Condition) -> Program {
        let mut p = Program(Vec::new());
        p.push(c);
        p
    }

    fn push(&mut self, c: &Condition) {
        let at = self.0.len();
        let op = match c {
            Condition::Const(b) => Op::Const(*b),
            Condition::All(_) => Op::All,
            Condition::Any(_) => Op::Any,
            Condition::Not(_) => Op::Not,
            Condition::Term(t) => Op::Term(*t as u32),
            Condition::Fact { fact, test } => Op::Fact(fact.0, *test),
            Condition::Reading { reading, options } => Op::Reading(*reading as u16, *options),
            Condition::Rule { rule, outcomes } => Op::Rule(*rule as u32, *outcomes),
        };
        self.0.push(Node { op, end: 0 });
        match c {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| self.push(c)),
            Condition::Not(inner) => self.push(inner),
            _ => {}
        }
        self.0[at].end = self.0.len() as u32;
    }
}

/// The compiled explanation cases of one outcome: `None` is the closing case.
type Cases = Vec<Option<Program>>;

/// One rule version, compiled.
#[derive(Debug, Clone, PartialEq)]
struct Version {
    from: Option<Date>,
    until: Option<Date>,
    applies: Program,
    require: Option<Program>,
    /// Cases of the pass, fail and not-applicable explanations.
    cases: [Cases; 3],
}

/// A whole ruleset, compiled.
#[derive(Debug, Clone, Default)]
pub(crate) struct Programs {
    rules: Vec<Vec<Version>>,
    terms: Vec<Program>,
    order: Vec<u32>,
    decides: Vec<bool>,
}

fn cases(ex: &Explanation) -> Cases {
    ex.0.iter()
        .map(|c| c.when.as_ref().map(Program::compile))
        .collect()
}

impl Programs {
    /// Compiles every rule version, term and explanation case.
    pub fn compile(law: &Law) -> Programs {
        Programs {
            rules: law
                .rules
                .iter()
                .map(|r| {
                    r.versions
                        .iter()
                        .map(|v| Version {
                            from: v.period.from,
                            until: v.period.until,
                            applies: Program::compile(&v.applies_if),
                            require: v.require.as_ref().map(Program::compile),
                            cases: [cases(&v.pass), cases(&v.fail), cases(&v.not_applicable)],
                        })
                        .collect()
                })
                .collect(),
            terms: law
                .terms
                .iter()
                .map(|t| Program::compile(&t.when))
                .collect(),
            order: law.order.iter().map(|&i| i as u32).collect(),
            decides: law.rules.iter().map(|r| r.kind.decides()).collect(),
        }
    }
}

/// A term's value within one evaluation: computed on first use.
#[derive(Debug, Clone, Copy)]
struct Memo {
    /// `None` until computed.
    value: Option<Tri>,
    missing: FactSet,
}

const BLANK: Memo = Memo {
    value: None,
    missing: FactSet::EMPTY,
};

/// Reusable buffers for evaluating, so that a sweep allocates nothing per scenario.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    results: Vec<RuleResult>,
    memo: Vec<Memo>,
}

thread_local! {
    /// Each thread's buffers, for callers that do not keep their own.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Everything a program reads while it runs.
struct Machine<'a> {
    values: &'a [Option<Value>],
    readings: &'a [u8],
    terms: &'a [Program],
    memo: &'a mut [Memo],
    consulted: ReadingSet,
}

impl Machine<'_> {
    #[inline]
    fn run(&mut self, p: &Program, results: &[RuleResult], missing: &mut FactSet) -> Tri {
        if p.0.is_empty() {
            return Tri::True;
        }
        self.at(&p.0, 0, results, missing)
    }

    fn at(&mut self, p: &[Node], i: usize, results: &[RuleResult], missing: &mut FactSet) -> Tri {
        let node = p[i];
        match node.op {
            Op::Const(b) => Tri::from(b),
            Op::All | Op::Any => {
                let end = node.end as usize;
                let mut j = i + 1;
                // The members, lazily: `fold` stops at the first deciding member.
                let members = std::iter::from_fn(|| {
                    if j >= end {
                        return None;
                    }
                    let mut m = FactSet::EMPTY;
                    let t = self.at(p, j, results, &mut m);
                    j = p[j].end as usize;
                    Some((t, m))
                });
                logic::fold(node.op == Op::All, members, missing)
            }
            Op::Not => self.at(p, i + 1, results, missing).not(),
            Op::Term(t) => self.term(t as usize, results, missing),
            Op::Fact(f, test) => {
                let v = self.values.get(usize::from(f)).copied().flatten();
                let t = logic::fact_test(&test, v);
                if t == Tri::Unknown {
                    missing.insert(crate::model::ids::FactId(f));
                }
                t
            }
            Op::Reading(r, options) => {
                self.consulted.insert(usize::from(r));
                let chosen = self.readings.get(usize::from(r)).copied().unwrap_or(0);
                logic::reading_test(options, chosen)
            }
            Op::Rule(r, outcomes) => {
                let res = results
                    .get(r as usize)
                    .copied()
                    .unwrap_or(RuleResult::NOT_IN_FORCE);
                logic::rule_test(res.outcome, res.missing, outcomes, missing)
            }
        }
    }

    fn term(&mut self, t: usize, results: &[RuleResult], missing: &mut FactSet) -> Tri {
        let Some(memo) = self.memo.get(t).copied() else {
            return Tri::Unknown;
        };
        let (value, m) = match memo.value {
            Some(v) => (v, memo.missing),
            None => {
                let terms = self.terms;
                let mut m = FactSet::EMPTY;
                let v = match terms.get(t) {
                    Some(p) => self.run(p, results, &mut m),
                    None => Tri::Unknown,
                };
                self.memo[t] = Memo {
                    value: Some(v),
                    missing: m,
                };
                (v, m)
            }
        };
        if value == Tri::Unknown {
            *missing = missing.union(m);
        }
        value
    }

    /// The first case whose `when` holds.
    fn case(&mut self, cases: &Cases, results: &[RuleResult]) -> u8 {
        for (k, c) in cases.iter().enumerate() {
            let holds = match c {
                None => true,
                Some(p) => self.run(p, results, &mut FactSet::default()) == Tri::True,
            };
            if holds {
                return k.min(usize::from(NONE - 1)) as u8;
            }
        }
        NONE
    }
}

/// The results of every rule into `results`, and the verdict. With `TRACE`
/// false (a verdict only), explanation cases are not chosen and the loop
/// stops at the first deciding rule that fails.
fn run<const TRACE: bool>(
    p: &Programs,
    s: &Scenario,
    date: Date,
    results: &mut Vec<RuleResult>,
    memo: &mut Vec<Memo>,
) -> (Verdict, ReadingSet) {
    results.clear();
    results.resize(p.rules.len(), RuleResult::NOT_IN_FORCE);
    memo.clear();
    memo.resize(p.terms.len(), BLANK);
    let mut m = Machine {
        values: &s.values,
        readings: &s.readings,
        terms: &p.terms,
        memo,
        consulted: ReadingSet::EMPTY,
    };
    let mut verdict = Verdict::Eligible;
    for &i in &p.order {
        let i = i as usize;
        let versions = &p.rules[i];
        let Some(vi) = versions
            .iter()
            .position(|v| v.from.is_none_or(|f| f <= date) && v.until.is_none_or(|u| date <= u))
        else {
            continue;
        };
        let v = &versions[vi];
        let mut missing = FactSet::EMPTY;
        let applies = m.run(&v.applies, results, &mut missing);
        let outcome = logic::decide(applies, || {
            v.require.as_ref().map(|r| m.run(r, results, &mut missing))
        });
        if outcome != Outcome::Undetermined {
            missing = FactSet::EMPTY;
        }
        let case = match (TRACE, outcome) {
            (true, Outcome::Pass) => m.case(&v.cases[0], results),
            (true, Outcome::Fail) => m.case(&v.cases[1], results),
            (true, Outcome::NotApplicable) => m.case(&v.cases[2], results),
            _ => NONE,
        };
        results[i] = RuleResult {
            outcome,
            version: vi.min(usize::from(NONE - 1)) as u8,
            case,
            missing,
        };
        if p.decides[i] {
            verdict = logic::verdict_with(verdict, outcome);
            if !TRACE && verdict == Verdict::NotEligible {
                break;
            }
        }
    }
    (verdict, m.consulted)
}

/// Evaluates every rule of `law` against `s`, with the full trace, into `e`
/// (whose buffers are reused).
pub(crate) fn evaluate_into<'r>(law: &'r Law, p: &Programs, s: &Scenario, e: &mut Evaluation<'r>) {
    let date = super::scenario_date(law, s);
    let (verdict, consulted) = SCRATCH.with(|sc| {
        let mut sc = sc.borrow_mut();
        run::<true>(p, s, date, &mut e.results, &mut sc.memo)
    });
    e.law = law;
    e.date = date;
    e.law_version = law.law_version_at(date);
    e.verdict = verdict;
    e.missing = e
        .results
        .iter()
        .fold(FactSet::EMPTY, |m, r| m.union(r.missing));
    e.consulted = consulted;
    e.foreign = false;
}

/// Evaluates every rule of `law` against `s`, with the full trace.
pub(crate) fn evaluate<'r>(law: &'r Law, p: &Programs, s: &Scenario) -> Evaluation<'r> {
    let mut e = Evaluation::empty(law);
    evaluate_into(law, p, s, &mut e);
    e
}

/// The verdict alone: no explanation cases, and stops at the first failure.
pub(crate) fn verdict(law: &Law, p: &Programs, s: &Scenario) -> Verdict {
    verdict_consulting(law, p, s).0
}

/// The verdict alone, and the readings consulted to reach it: a reading
/// outside that set cannot change this verdict.
pub(crate) fn verdict_consulting(law: &Law, p: &Programs, s: &Scenario) -> (Verdict, ReadingSet) {
    let date = super::scenario_date(law, s);
    SCRATCH.with(|sc| {
        let mut sc = sc.borrow_mut();
        let Scratch { results, memo } = &mut *sc;
        run::<false>(p, s, date, results, memo)
    })
}
