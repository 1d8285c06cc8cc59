//! Conditions in Kleene three-valued logic: `all`/`any`/`not`, defined terms
//! (shared, referred to by index), tests on facts, on readings and on other
//! rules' outcomes.

use super::ids::{FactId, ReadingId, RuleIdx, TermId};
use super::list::{Boxed, List};
use super::outcome::Outcome;
use super::value::Value;

/// A comparison operator on integers and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum CmpOp {
    /// `at_least`: ≥
    AtLeast,
    /// `at_most`: ≤
    AtMost,
    /// `before`: <
    Before,
    /// `after`: >
    After,
}

/// A test on one fact.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Test {
    /// `is_set: true`: the fact is known (never unknown itself).
    IsSet,
    /// `is: v`
    Is(Value),
    /// `in: [..]` on an enum or text fact, as a bit set of value indices.
    In(u64),
    /// A comparison with an integer or a date (dates compare by ordinal).
    Cmp(CmpOp, i64),
    /// `contains: v` / `contains_all: [..]` on a list fact.
    ContainsAll(u64),
    /// `contains_any: [..]` on a list fact.
    ContainsAny(u64),
}

/// A condition in Kleene three-valued logic.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Condition {
    /// `true` / `false`.
    Const(bool),
    /// `all: [..]`: false if any member is false.
    All(List<Condition>),
    /// `any: [..]`: true if any member is true.
    Any(List<Condition>),
    /// `not: ..`
    Not(Boxed<Condition>),
    /// `term: name`: a defined term, shared by every rule that uses it.
    Term(TermId),
    /// A test on a fact; unknown when the fact is unknown (except `is_set`).
    Fact {
        /// The fact tested.
        fact: FactId,
        /// The test.
        test: Test,
    },
    /// `reading: id, is/in: ..`: whether the reading in effect is one of the options (a bit set).
    Reading {
        /// The reading.
        reading: ReadingId,
        /// The options that make the condition true.
        options: u64,
    },
    /// A reference to another rule's outcome.
    Rule {
        /// Index of the rule in the ruleset.
        rule: RuleIdx,
        /// The outcomes that make the condition true.
        outcomes: OutcomeSet,
    },
}

impl Condition {
    /// Calls `f` on every node of this tree (terms are not entered: they are shared).
    pub fn walk(&self, f: &mut impl FnMut(&Condition)) {
        f(self);
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.walk(f)),
            Condition::Not(c) => c.walk(f),
            _ => {}
        }
    }
    /// The terms the condition uses directly.
    pub fn terms(&self) -> Vec<TermId> {
        let mut v = Vec::new();
        self.walk(&mut |c| {
            if let Condition::Term(t) = c {
                v.push(*t);
            }
        });
        v
    }
    /// The rules the condition refers to directly.
    pub fn rules(&self) -> Vec<RuleIdx> {
        let mut v = Vec::new();
        self.walk(&mut |c| {
            if let Condition::Rule { rule, .. } = c {
                v.push(*rule);
            }
        });
        v
    }
    /// How many nodes the tree holds (terms count one).
    pub fn size(&self) -> usize {
        let mut n = 0;
        self.walk(&mut |_| n += 1);
        n
    }
}

/// A set of outcomes, as bits.
/// The rules `c` refers to, directly or through the terms it uses (`term`
/// gives a term's condition: the loader's, while terms are compiled, or the
/// law's); `seen` holds the terms already walked.
pub(crate) fn rules_through<'c>(
    c: &'c Condition,
    term: &dyn Fn(usize) -> Option<&'c Condition>,
    out: &mut Vec<RuleIdx>,
    seen: &mut Vec<TermId>,
) {
    out.extend(c.rules());
    for t in c.terms() {
        if seen.contains(&t) {
            continue;
        }
        seen.push(t);
        if let Some(tc) = term(t) {
            rules_through(tc, term, out, seen);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct OutcomeSet(pub u8);

impl OutcomeSet {
    /// Whether `o` is in the set.
    pub fn contains(self, o: Outcome) -> bool {
        self.0 & (1 << o as u8) != 0
    }
    /// Adds `o`.
    pub fn insert(&mut self, o: Outcome) {
        self.0 |= 1 << o as u8;
    }
}
