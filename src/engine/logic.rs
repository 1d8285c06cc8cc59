//! The engine's logic, written once and shared by the tree interpreter and
//! the compiled programs: Kleene's three-valued logic, every test on a fact,
//! on a reading and on another rule's outcome, turning `applies_if` and
//! `require` into an outcome, and folding outcomes into a verdict.

use crate::model::condition::{CmpOp, OutcomeSet, Test};
use crate::model::ids::FactSet;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::value::Value;

/// A three-valued truth value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tri {
    /// False.
    False,
    /// True.
    True,
    /// Unknown.
    Unknown,
}

impl From<bool> for Tri {
    #[inline]
    fn from(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
}

impl Tri {
    /// Kleene negation.
    #[inline]
    pub fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

/// `all` and `any` in one loop: `all` stops at the first false member, `any`
/// at the first true one; an unknown member makes the result unknown unless a
/// later member stops it. The unknown members' missing facts are kept only
/// when the result is unknown.
#[inline]
pub(crate) fn fold(
    all: bool,
    members: impl Iterator<Item = (Tri, FactSet)>,
    missing: &mut FactSet,
) -> Tri {
    let stop = if all { Tri::False } else { Tri::True };
    let mut acc = if all { Tri::True } else { Tri::False };
    let mut m = FactSet::EMPTY;
    for (t, mm) in members {
        match t {
            t if t == stop => return stop,
            Tri::Unknown => {
                acc = Tri::Unknown;
                m = m.union(mm);
            }
            _ => {}
        }
    }
    if acc == Tri::Unknown {
        *missing = missing.union(m);
    }
    acc
}

/// A test on a fact's value (`None`: the fact is unknown).
#[inline]
pub(crate) fn fact_test(test: &Test, v: Option<Value>) -> Tri {
    match (test, v) {
        (Test::IsSet, v) => Tri::from(v.is_some()),
        (_, None) => Tri::Unknown,
        (Test::Is(want), Some(v)) => Tri::from(*want == v),
        (Test::In(mask), Some(Value::Enum(i))) => Tri::from(i < 64 && mask & (1 << i) != 0),
        (Test::In(mask), Some(Value::Sym(s))) => Tri::from(s < 64 && mask & (1u64 << s) != 0),
        (Test::Cmp(op, n), Some(Value::Int(i))) => Tri::from(compare(*op, i, *n)),
        (Test::Cmp(op, n), Some(Value::Date(d))) => Tri::from(compare(*op, d.ordinal(), *n)),
        (Test::ContainsAll(mask), Some(Value::Set(s))) => Tri::from(s & mask == *mask),
        (Test::ContainsAny(mask), Some(Value::Set(s))) => Tri::from(s & mask != 0),
        _ => Tri::False,
    }
}

#[inline]
fn compare(op: CmpOp, a: i64, b: i64) -> bool {
    match op {
        CmpOp::AtLeast => a >= b,
        CmpOp::AtMost => a <= b,
        CmpOp::Before => a < b,
        CmpOp::After => a > b,
    }
}

/// A test on the reading in effect: whether its option is in `options`.
#[inline]
pub(crate) fn reading_test(options: u64, chosen: u8) -> Tri {
    Tri::from(chosen < 64 && options & (1 << chosen) != 0)
}

/// A test on another rule's outcome. An undetermined rule might still come
/// out pass, fail or not applicable, so the test is unknown unless every one
/// of those (or none of them) is wanted; its missing facts then carry over.
#[inline]
pub(crate) fn rule_test(
    outcome: Outcome,
    rule_missing: FactSet,
    outcomes: OutcomeSet,
    missing: &mut FactSet,
) -> Tri {
    match outcome {
        Outcome::Undetermined => {
            let could = [Outcome::Pass, Outcome::Fail, Outcome::NotApplicable]
                .iter()
                .filter(|o| outcomes.contains(**o))
                .count();
            if could == 0 && !outcomes.contains(Outcome::Undetermined) {
                Tri::False
            } else if could == 3 {
                Tri::True
            } else {
                *missing = missing.union(rule_missing);
                Tri::Unknown
            }
        }
        o => Tri::from(outcomes.contains(o)),
    }
}

/// A rule version's outcome: not applicable unless `applies_if` holds; then
/// pass, fail or undetermined as `require` does (a procedure, without
/// `require`, passes). `require` is only evaluated when the rule applies.
#[inline]
pub(crate) fn decide(applies: Tri, require: impl FnOnce() -> Option<Tri>) -> Outcome {
    match applies {
        Tri::False => Outcome::NotApplicable,
        Tri::Unknown => Outcome::Undetermined,
        Tri::True => match require() {
            None | Some(Tri::True) => Outcome::Pass,
            Some(Tri::False) => Outcome::Fail,
            Some(Tri::Unknown) => Outcome::Undetermined,
        },
    }
}

/// Folds one deciding rule's outcome into the verdict so far: any failure
/// makes the mission not eligible; otherwise an undetermined rule leaves it
/// undetermined.
#[inline]
pub(crate) fn verdict_with(v: Verdict, o: Outcome) -> Verdict {
    match (v, o) {
        (_, Outcome::Fail) => Verdict::NotEligible,
        (Verdict::Eligible, Outcome::Undetermined) => Verdict::Undetermined,
        (v, _) => v,
    }
}
