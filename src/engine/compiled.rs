//! The compiled form of a ruleset, used on the hot path of evaluation.
//!
//! Why a second evaluator: sweeps (what-if, truth tables, batches, the Python
//! `evaluate_many`) and per-keystroke evaluation in the browser run the rules
//! millions of times. Every condition becomes a run of one flat array of
//! operations in pre-order, each compound operation knowing where its subtree
//! ends, so evaluation walks an array: no pointers to chase, no strings, no
//! hashing, no allocation. The rules in force are worked out once per period
//! of the law ("epoch"), so an evaluation finds its list with one search by
//! date; a verdict alone runs only the deciding rules (and what they refer
//! to) and stops at the first failure. Defined terms are computed once per
//! evaluation.
//!
//! The programs decide outcomes only. The facts that left a rule
//! undetermined, and which explanation applies, come from the tree
//! interpreter ([`super::interpret`]) when they are needed; the logic itself
//! is [`super::logic`], shared by both, and a property test holds the two
//! evaluators to the same results on every kind of scenario.

use super::evaluation::{Evaluation, NONE, RuleResult};
use super::logic::{self, Check, Tri};
use crate::model::condition::{Condition, OutcomeSet};
use crate::model::date::Date;
use crate::model::ids::{FactSet, ReadingSet};
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::scenario::Scenario;
use crate::model::value::Values;

/// One operation of the flat code. There is no `not`: compiling pushes
/// negation down to the tests (Kleene's logic keeps De Morgan's laws), so a
/// test carries a flag instead, and nested `all`s (or `any`s) are merged.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
enum Op {
    Const(bool),
    All,
    Any,
    Term(u32),
    Fact(u16, Check),
    Reading(u16, u64),
    Rule(u32, OutcomeSet),
}

/// An operation, the index just past its subtree, and for a test whether
/// its value is negated.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
struct Node {
    op: Op,
    end: u32,
    negate: bool,
}

/// A condition with negation pushed down to the tests and nested `all`s
/// (or `any`s) merged, before it is laid out flat.
enum Lowered {
    Test(Op, bool),
    Group(bool, Vec<Lowered>),
}

/// Lowers `c` (negated if `negate`). An empty `all` is true, an empty `any`
/// false, and a group of one is its member.
fn lower(c: &Condition, negate: bool) -> Lowered {
    let test = |op| Lowered::Test(op, negate);
    match c {
        Condition::Const(b) => Lowered::Test(Op::Const(*b != negate), false),
        Condition::Not(inner) => lower(inner, !negate),
        Condition::All(cs) | Condition::Any(cs) => {
            let all = matches!(c, Condition::All(_)) != negate;
            let mut members = Vec::with_capacity(cs.len());
            for m in cs {
                match lower(m, negate) {
                    Lowered::Group(a, inner) if a == all => members.extend(inner),
                    other => members.push(other),
                }
            }
            match members.len() {
                0 => Lowered::Test(Op::Const(all), false),
                1 => members
                    .pop()
                    .unwrap_or(Lowered::Test(Op::Const(all), false)),
                _ => Lowered::Group(all, members),
            }
        }
        Condition::Term(t) => test(Op::Term(*t as u32)),
        Condition::Fact { fact, test: t } => test(Op::Fact(fact.0, Check::of(t))),
        Condition::Reading { reading, options } => test(Op::Reading(*reading as u16, *options)),
        Condition::Rule { rule, outcomes } => test(Op::Rule(*rule as u32, *outcomes)),
    }
}

/// Where a program starts in the code; [`ALWAYS`]: no condition (true).
type Start = u32;
const ALWAYS: Start = u32::MAX;

/// One rule to run in an epoch: its version in force and that version's programs.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
struct Step {
    rule: u32,
    version: u8,
    decides: bool,
    applies: Start,
    /// [`ALWAYS`] for a procedure (no `require`: it passes when it applies).
    require: Start,
}

/// A period in which the same rule versions are in force.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Epoch {
    /// The first day (by ordinal); the epoch lasts until the next one's.
    from: i64,
    /// Every rule in force, in evaluation order.
    all: Vec<Step>,
    /// The deciding rules in force and the rules they refer to, in order.
    deciding: Vec<Step>,
}

/// A whole ruleset, compiled.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Programs {
    code: Vec<Node>,
    terms: Vec<Start>,
    rules: usize,
    /// Sorted by `from`; the first starts at the beginning of time.
    epochs: Vec<Epoch>,
}

impl Programs {
    /// Compiles every rule version and term, and lists the rules in force per epoch.
    pub fn compile(law: &Law) -> Programs {
        let mut code = Vec::new();
        let terms = law.terms.iter().map(|t| push(&mut code, &t.when)).collect();
        let starts: Vec<Vec<(Start, Start)>> = law
            .rules
            .iter()
            .map(|r| {
                r.versions
                    .iter()
                    .map(|v| {
                        let applies = push(&mut code, &v.applies_if);
                        let require = v.require.as_ref().map_or(ALWAYS, |c| push(&mut code, c));
                        (applies, require)
                    })
                    .collect()
            })
            .collect();
        let mut p = Programs {
            code,
            terms,
            rules: law.rules.len(),
            epochs: Vec::new(),
        };
        let mut bounds: Vec<i64> = vec![i64::MIN];
        for r in &law.rules {
            for v in &r.versions {
                bounds.extend(v.period.from.map(Date::ordinal));
                bounds.extend(v.period.until.map(|u| u.ordinal().saturating_add(1)));
            }
        }
        bounds.sort_unstable();
        bounds.dedup();
        for from in bounds {
            let all: Vec<Step> = law
                .order
                .iter()
                .filter_map(|&i| {
                    let r = &law.rules[i];
                    let vi = r
                        .versions
                        .iter()
                        .position(|v| v.period.contains_ordinal(from))?;
                    let (applies, require) = starts[i][vi];
                    Some(Step {
                        rule: i as u32,
                        version: vi.min(usize::from(NONE - 1)) as u8,
                        decides: r.kind.decides(),
                        applies,
                        require,
                    })
                })
                .collect();
            let deciding = p.needed(&all);
            p.epochs.push(Epoch {
                from,
                all,
                deciding,
            });
        }
        p
    }

    /// The steps a verdict needs: the deciding rules and, transitively, the
    /// rules their conditions refer to (through terms too), in order.
    fn needed(&self, all: &[Step]) -> Vec<Step> {
        let mut need = vec![false; self.rules];
        for s in all.iter().rev() {
            if s.decides || need[s.rule as usize] {
                need[s.rule as usize] = true;
                let mut seen = vec![false; self.terms.len()];
                for start in [s.applies, s.require] {
                    self.refs(start, &mut seen, &mut need);
                }
            }
        }
        all.iter()
            .filter(|s| need[s.rule as usize])
            .copied()
            .collect()
    }

    /// Marks the rules a program refers to, entering each term once.
    fn refs(&self, start: Start, seen: &mut [bool], need: &mut [bool]) {
        let Some(first) = self.code.get(start as usize) else {
            return;
        };
        for node in &self.code[start as usize..first.end as usize] {
            match node.op {
                Op::Rule(r, _) => need[r as usize] = true,
                Op::Term(t) if !seen[t as usize] => {
                    seen[t as usize] = true;
                    self.refs(self.terms[t as usize], seen, need);
                }
                _ => {}
            }
        }
    }

    fn epoch(&self, date: Date) -> Option<&Epoch> {
        let d = date.ordinal();
        let i = self.epochs.partition_point(|e| e.from <= d);
        self.epochs.get(i.checked_sub(1)?)
    }
}

/// Appends a condition's code; returns where it starts.
fn push(code: &mut Vec<Node>, c: &Condition) -> Start {
    let at = code.len();
    lay_out(code, lower(c, false));
    at as Start
}

fn lay_out(code: &mut Vec<Node>, l: Lowered) {
    let at = code.len();
    match l {
        Lowered::Test(op, negate) => code.push(Node { op, end: 0, negate }),
        Lowered::Group(all, members) => {
            let op = if all { Op::All } else { Op::Any };
            code.push(Node {
                op,
                end: 0,
                negate: false,
            });
            members.into_iter().for_each(|m| lay_out(code, m));
        }
    }
    code[at].end = code.len() as u32;
}

/// Reusable buffers, so that a sweep allocates nothing per scenario.
#[derive(Debug, Clone, Default)]
struct Scratch {
    outcomes: Vec<Outcome>,
    memo: Vec<Memo>,
}

/// A term's value in one evaluation, once computed.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Memo {
    Unknown,
    False,
    True,
    NotYet,
}

thread_local! {
    /// Each thread's buffers, for callers that do not keep their own.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Everything a program reads while it runs.
struct Machine<'a> {
    code: &'a [Node],
    terms: &'a [Start],
    values: &'a Values,
    readings: &'a [u8],
    memo: &'a mut [Memo],
    /// The outcome of every rule run so far (not in force until run).
    outcomes: &'a mut [Outcome],
    consulted: u64,
}

/// The members of a group, evaluated one by one as `fold` asks: tests in
/// the loop, nested groups by recursion.
struct Members<'m, 'a> {
    m: &'m mut Machine<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Members<'_, '_> {
    type Item = Tri;
    #[inline]
    fn next(&mut self) -> Option<Tri> {
        if self.next >= self.end {
            return None;
        }
        let node = *self.m.code.get(self.next)?;
        let at = self.next;
        self.next = node.end as usize;
        Some(self.m.node(at, node))
    }
}

impl Machine<'_> {
    #[inline]
    fn run(&mut self, start: Start) -> Tri {
        match self.code.get(start as usize) {
            Some(&node) => self.node(start as usize, node),
            None => Tri::True,
        }
    }

    #[inline]
    fn node(&mut self, at: usize, node: Node) -> Tri {
        let t = match node.op {
            Op::Fact(f, c) => logic::check(c, self.values.word(usize::from(f))),
            Op::All | Op::Any => return self.group(at, node),
            Op::Term(t) => self.term(t as usize),
            Op::Rule(r, outcomes) => {
                let o = self
                    .outcomes
                    .get(r as usize)
                    .copied()
                    .unwrap_or(Outcome::NotInForce);
                logic::rule_test(o, outcomes)
            }
            Op::Reading(r, options) => {
                self.consulted |= 1u64 << (r & 63);
                let chosen = self.readings.get(usize::from(r)).copied().unwrap_or(0);
                logic::reading_test(options, chosen)
            }
            Op::Const(b) => Tri::from(b),
        };
        if node.negate { t.not() } else { t }
    }

    #[inline(never)]
    fn group(&mut self, at: usize, node: Node) -> Tri {
        let all = node.op == Op::All;
        logic::fold(
            all,
            Members {
                m: self,
                next: at + 1,
                end: node.end as usize,
            },
        )
    }

    #[inline(never)]
    fn term(&mut self, t: usize) -> Tri {
        match self.memo.get(t).copied() {
            Some(Memo::NotYet) => {
                let start = self.terms.get(t).copied().unwrap_or(ALWAYS);
                let v = self.run(start);
                self.memo[t] = match v {
                    Tri::True => Memo::True,
                    Tri::False => Memo::False,
                    Tri::Unknown => Memo::Unknown,
                };
                v
            }
            Some(Memo::True) => Tri::True,
            Some(Memo::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
}

/// Runs the rules in force on `date`, recording each rule's version in
/// `versions` (when given), and returns the verdict and the readings
/// consulted. With `ALL` false (a verdict only), only the deciding rules run
/// and the loop stops at the first failure.
fn run<const ALL: bool>(
    p: &Programs,
    s: &Scenario,
    date: Date,
    sc: &mut Scratch,
    mut versions: Option<&mut Vec<RuleResult>>,
) -> (Verdict, ReadingSet) {
    let Scratch { outcomes, memo } = sc;
    outcomes.clear();
    outcomes.resize(p.rules, Outcome::NotInForce);
    memo.clear();
    memo.resize(p.terms.len(), Memo::NotYet);
    let mut m = Machine {
        code: &p.code,
        terms: &p.terms,
        values: &s.values,
        readings: &s.readings,
        memo,
        outcomes,
        consulted: 0,
    };
    let mut verdict = Verdict::Eligible;
    let steps = match p.epoch(date) {
        Some(e) if ALL => &e.all[..],
        Some(e) => &e.deciding[..],
        None => &[],
    };
    if let Some(v) = versions.as_deref_mut() {
        v.clear();
        v.resize(p.rules, RuleResult::NOT_IN_FORCE);
    }
    for step in steps {
        let applies = m.run(step.applies);
        let outcome = logic::decide(applies, || {
            (step.require != ALWAYS).then(|| m.run(step.require))
        });
        if let Some(o) = m.outcomes.get_mut(step.rule as usize) {
            *o = outcome;
        }
        if let Some(r) = versions
            .as_deref_mut()
            .and_then(|v| v.get_mut(step.rule as usize))
        {
            *r = RuleResult {
                outcome,
                version: step.version,
                missing: FactSet::EMPTY,
            };
        }
        if step.decides {
            verdict = logic::verdict_with(verdict, outcome);
            if !ALL && verdict == Verdict::NotEligible {
                break;
            }
        }
    }
    (verdict, ReadingSet(m.consulted))
}

/// Evaluates every rule of `law` against `s` into `e` (whose buffers are
/// reused); the facts missing in undetermined rules are filled in after.
pub(crate) fn evaluate_into<'r>(law: &'r Law, p: &Programs, s: &Scenario, e: &mut Evaluation<'r>) {
    let date = super::scenario_date(law, s);
    let (verdict, consulted) = SCRATCH.with(|sc| {
        let mut sc = sc.borrow_mut();
        run::<true>(p, s, date, &mut sc, Some(&mut e.results))
    });
    if e.results.iter().any(|r| r.outcome == Outcome::Undetermined) {
        super::interpret::fill_missing(law, s, &mut e.results);
    }
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

/// Evaluates every rule of `law` against `s`.
pub(crate) fn evaluate<'r>(law: &'r Law, p: &Programs, s: &Scenario) -> Evaluation<'r> {
    let mut e = Evaluation::empty(law);
    evaluate_into(law, p, s, &mut e);
    e
}

/// The verdict alone: only the deciding rules, stopping at the first failure.
pub(crate) fn verdict(law: &Law, p: &Programs, s: &Scenario) -> Verdict {
    verdict_consulting(law, p, s).0
}

/// The verdict alone, and the readings consulted to reach it: a reading
/// outside that set cannot change this verdict.
pub(crate) fn verdict_consulting(law: &Law, p: &Programs, s: &Scenario) -> (Verdict, ReadingSet) {
    let date = super::scenario_date(law, s);
    SCRATCH.with(|sc| run::<false>(p, s, date, &mut sc.borrow_mut(), None))
}
