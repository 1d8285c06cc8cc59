//! The engine's logic, written once and shared by the tree interpreter and
//! the compiled programs: Kleene's three-valued logic, every test on a fact,
//! on a reading and on another rule's outcome, turning `applies_if` and
//! `require` into an outcome, and folding outcomes into a verdict.

use crate::model::condition::{CmpOp, OutcomeSet, Test};
use crate::model::outcome::{Outcome, Verdict};

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

/// One member's value taken into an `all` (or `any`) so far: `Err` with the
/// whole's value when the member decides it (false for `all`, true for
/// `any`), else `Ok` with the value so far (unknown once a member was).
#[inline]
pub(crate) fn absorb(all: bool, acc: Tri, t: Tri) -> Result<Tri, Tri> {
    match t {
        Tri::False if all => Err(Tri::False),
        Tri::True if !all => Err(Tri::True),
        Tri::Unknown => Ok(Tri::Unknown),
        _ => Ok(acc),
    }
}

/// The value of an `all` (or `any`) with no members yet: true (false).
#[inline]
pub(crate) fn identity(all: bool) -> Tri {
    Tri::from(all)
}

/// `all` and `any` in one loop: `all` stops at the first false member, `any`
/// at the first true one; an unknown member makes the result unknown unless a
/// later member stops it.
#[inline]
pub(crate) fn fold(all: bool, members: impl Iterator<Item = Tri>) -> Tri {
    let mut acc = identity(all);
    for t in members {
        match absorb(all, acc, t) {
            Ok(a) => acc = a,
            Err(stop) => return stop,
        }
    }
    acc
}

/// A test on a fact, in the form both evaluators run: the test's operand
/// encoded once, as the fact's value is by [`crate::model::value::Value::word`]. The loader gives every
/// test an operand of its fact's type, so comparing encodings is comparing values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    /// Known at all.
    IsSet,
    /// Equal to the encoded value.
    Eq(u64),
    /// An enum or text value whose index is in the bit set.
    In(u64),
    /// An integer or a date (by ordinal) at least this.
    AtLeast(i64),
    /// At most this.
    AtMost(i64),
    /// Below this.
    Before(i64),
    /// Above this.
    After(i64),
    /// A list holding every value of the bit set.
    ContainsAll(u64),
    /// A list holding some value of the bit set.
    ContainsAny(u64),
}

impl Check {
    /// The check a loaded test compiles to.
    pub fn of(test: &Test) -> Check {
        match *test {
            Test::IsSet => Check::IsSet,
            Test::Is(v) => Check::Eq(v.word()),
            Test::In(mask) => Check::In(mask),
            Test::Cmp(CmpOp::AtLeast, n) => Check::AtLeast(n),
            Test::Cmp(CmpOp::AtMost, n) => Check::AtMost(n),
            Test::Cmp(CmpOp::Before, n) => Check::Before(n),
            Test::Cmp(CmpOp::After, n) => Check::After(n),
            Test::ContainsAll(mask) => Check::ContainsAll(mask),
            Test::ContainsAny(mask) => Check::ContainsAny(mask),
        }
    }
}

/// A check on a fact's value as a word ([`crate::model::value::Value::word`]; `None`: the fact
/// is unknown): unknown unless the check is `is_set` or the value is known.
#[inline]
pub(crate) fn check(c: Check, w: Option<u64>) -> Tri {
    let Some(x) = w else {
        return if c == Check::IsSet {
            Tri::False
        } else {
            Tri::Unknown
        };
    };
    Tri::from(match c {
        Check::IsSet => true,
        Check::Eq(want) => x == want,
        Check::In(mask) => x < 64 && mask & (1 << x) != 0,
        Check::AtLeast(n) => x as i64 >= n,
        Check::AtMost(n) => x as i64 <= n,
        Check::Before(n) => (x as i64) < n,
        Check::After(n) => x as i64 > n,
        Check::ContainsAll(mask) => x & mask == mask,
        Check::ContainsAny(mask) => x & mask != 0,
    })
}

/// A test on the reading in effect: whether its option is in `options`.
#[inline]
pub(crate) fn reading_test(options: u64, chosen: u8) -> Tri {
    Tri::from(chosen < 64 && options & (1 << chosen) != 0)
}

/// A test on another rule's outcome. An undetermined rule might still come
/// out pass, fail or not applicable, so the test is unknown unless every one
/// of those (or none of them) is wanted.
#[inline]
pub(crate) fn rule_test(outcome: Outcome, outcomes: OutcomeSet) -> Tri {
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
