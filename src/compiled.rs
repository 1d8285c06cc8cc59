//! The compiled form of a ruleset, used on the hot path of evaluation.
//!
//! Each rule version's `applies_if` and `require` become one flat array of
//! operations in pre-order, every compound operation knowing where its
//! subtree ends; defined terms are inlined and facts are indices. Evaluating
//! walks the array: no pointers to chase, no strings, no hashing, no
//! allocation. The tree form ([`crate::rule::Condition`]) stays for analysis
//! and explanation; `eval::evaluate_interpreted` evaluates it, and a property
//! test checks that both agree.

use crate::date::Date;
use crate::eval::Tri;
use crate::facts::{FactSet, Scenario, Value};
use crate::rule::{CmpOp, Condition, OutcomeSet, Rule, Test};
use crate::trace::{Outcome, RuleResult};

/// One operation of a flat program.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Const(bool),
    All,
    Any,
    Not,
    IsSet(u16),
    Is(u16, Value),
    In(u16, u64),
    Cmp(u16, CmpOp, i64),
    ContainsAll(u16, u64),
    ContainsAny(u16, u64),
    Rule(u32, OutcomeSet),
}

/// An operation and the index just past its subtree.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Node {
    op: Op,
    end: u32,
}

/// A condition as a flat array in pre-order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Program(Vec<Node>);

impl Program {
    /// Flattens a condition tree.
    pub fn compile(c: &Condition) -> Program {
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
            Condition::Term(_, inner) => return self.push(inner),
            Condition::Fact { fact, test } => {
                let f = fact.0;
                match test {
                    Test::IsSet => Op::IsSet(f),
                    Test::Is(v) => Op::Is(f, *v),
                    Test::In(m) => Op::In(f, *m),
                    Test::Cmp(op, n) => Op::Cmp(f, *op, *n),
                    Test::ContainsAll(m) => Op::ContainsAll(f, *m),
                    Test::ContainsAny(m) => Op::ContainsAny(f, *m),
                }
            }
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

    /// Evaluates the program; on `Unknown`, `missing` gains the unknown facts involved.
    pub fn eval(&self, s: &Scenario, results: &[RuleResult], missing: &mut FactSet) -> Tri {
        if self.0.is_empty() {
            return Tri::True;
        }
        eval_at(&self.0, 0, s, results, missing)
    }
}

/// The value of fact `f`, or `None` after noting it missing.
#[inline]
fn get(s: &Scenario, f: u16, missing: &mut FactSet) -> Option<Value> {
    let v = s.get(crate::facts::FactId(f));
    if v.is_none() {
        missing.insert(crate::facts::FactId(f));
    }
    v
}

fn eval_at(
    p: &[Node],
    i: usize,
    s: &Scenario,
    results: &[RuleResult],
    missing: &mut FactSet,
) -> Tri {
    let node = p[i];
    let test = |f: u16, missing: &mut FactSet, ok: fn(Value, &Op) -> bool| match get(s, f, missing)
    {
        Some(v) => Tri::from(ok(v, &node.op)),
        None => Tri::Unknown,
    };
    match node.op {
        Op::Const(b) => Tri::from(b),
        Op::All | Op::Any => {
            let all = node.op == Op::All;
            let stop = if all { Tri::False } else { Tri::True };
            let mut acc = if all { Tri::True } else { Tri::False };
            let mut m = FactSet::EMPTY;
            let mut j = i + 1;
            while j < node.end as usize {
                match eval_at(p, j, s, results, &mut m) {
                    t if t == stop => return stop,
                    Tri::Unknown => acc = Tri::Unknown,
                    _ => {}
                }
                j = p[j].end as usize;
            }
            if acc == Tri::Unknown {
                *missing = missing.union(m);
            }
            acc
        }
        Op::Not => match eval_at(p, i + 1, s, results, missing) {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        },
        Op::IsSet(f) => Tri::from(s.get(crate::facts::FactId(f)).is_some()),
        Op::Is(f, _) => test(
            f,
            missing,
            |v, op| matches!(op, Op::Is(_, want) if *want == v),
        ),
        Op::In(f, _) => test(f, missing, |v, op| {
            let Op::In(_, mask) = *op else { return false };
            match v {
                Value::Enum(i) => i < 64 && mask & (1 << i) != 0,
                Value::Sym(x) => x < 64 && mask & (1u64 << x) != 0,
                _ => false,
            }
        }),
        Op::Cmp(f, _, _) => test(f, missing, |v, op| {
            let Op::Cmp(_, cmp, n) = *op else {
                return false;
            };
            let a = match v {
                Value::Int(i) => i,
                Value::Date(d) => d.ordinal(),
                _ => return false,
            };
            match cmp {
                CmpOp::AtLeast => a >= n,
                CmpOp::AtMost => a <= n,
                CmpOp::Before => a < n,
                CmpOp::After => a > n,
            }
        }),
        Op::ContainsAll(f, _) => test(
            f,
            missing,
            |v, op| matches!((v, op), (Value::Set(s), Op::ContainsAll(_, m)) if s & m == *m),
        ),
        Op::ContainsAny(f, _) => test(
            f,
            missing,
            |v, op| matches!((v, op), (Value::Set(s), Op::ContainsAny(_, m)) if s & m != 0),
        ),
        Op::Rule(r, outcomes) => match results.get(r as usize) {
            Some(res) => crate::eval::rule_ref(*res, outcomes, missing),
            None => Tri::Unknown,
        },
    }
}

/// One rule version, compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledVersion {
    /// First day in force (`None`: open).
    pub from: Option<Date>,
    /// Last day in force (`None`: open).
    pub until: Option<Date>,
    /// `applies_if`.
    pub applies: Program,
    /// `require` (`None`: a procedure, which passes when it applies).
    pub require: Option<Program>,
}

/// Compiles every version of a rule.
pub fn compile_rule(r: &Rule) -> Vec<CompiledVersion> {
    r.versions
        .iter()
        .map(|v| CompiledVersion {
            from: v.period.from,
            until: v.period.until,
            applies: Program::compile(&v.applies_if),
            require: v.require.as_ref().map(Program::compile),
        })
        .collect()
}

/// The outcome of one compiled version.
pub fn outcome(v: &CompiledVersion, s: &Scenario, results: &[RuleResult]) -> (Outcome, FactSet) {
    let mut missing = FactSet::EMPTY;
    let outcome = match v.applies.eval(s, results, &mut missing) {
        Tri::False => Outcome::NotApplicable,
        Tri::Unknown => Outcome::Undetermined,
        Tri::True => match &v.require {
            None => Outcome::Pass,
            Some(req) => match req.eval(s, results, &mut missing) {
                Tri::True => Outcome::Pass,
                Tri::False => Outcome::Fail,
                Tri::Unknown => Outcome::Undetermined,
            },
        },
    };
    if outcome != Outcome::Undetermined {
        missing = FactSet::EMPTY;
    }
    (outcome, missing)
}
