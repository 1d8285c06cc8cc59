//! The shipped ruleset compiled to Rust at build time (`build/codegen.rs`):
//! the fast path of evaluation for [`crate::RuleSet::embedded`].
//!
//! Why a second evaluator: sweeps (what-if, truth tables, batches, the Python
//! `evaluate_many`) and per-keystroke evaluation in the browser run the rules
//! millions of times; as straight-line Rust the shipped rules decide a
//! mission in tens of nanoseconds, where walking condition trees takes
//! microseconds. The generated code decides outcomes only and calls the
//! engine's own logic ([`super::logic`]); the facts that left a rule
//! undetermined and the explanation that applies come from the tree
//! interpreter ([`super::interpret`]) when they are asked for, and a
//! property test holds both evaluators to the same results.
//!
//! (Declared from `lib.rs`, not from `engine/mod.rs`: the build script
//! compiles the engine itself, before this code exists.)

use crate::engine::evaluation::{Evaluation, RuleResult};
use crate::engine::logic::{self, Check, Tri};
use crate::model::condition::OutcomeSet;
use crate::model::date::Date;
use crate::model::ids::{FactSet, ReadingSet};
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::scenario::Scenario;
use crate::model::value::Values;

mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/native.rs"));
}

/// Whether the generated code was made for this ruleset (the shipped one).
pub(crate) fn fits(law: &Law) -> bool {
    generated::RULES == law.rules.len() && !generated::EPOCHS.is_empty()
}

/// The epoch a date falls in.
fn epoch(date: Date) -> usize {
    let d = date.ordinal();
    generated::EPOCHS
        .partition_point(|&e| e <= d)
        .saturating_sub(1)
}

/// Evaluates every rule into `e` (whose buffers are reused); the facts
/// missing in undetermined rules are filled in after, by the interpreter.
pub(crate) fn evaluate_into<'r>(law: &'r Law, s: &Scenario, e: &mut Evaluation<'r>) {
    let date = crate::engine::scenario_date(law, s);
    let k = epoch(date);
    e.results.clear();
    e.results.resize(law.rules.len(), RuleResult::NOT_IN_FORCE);
    let verdict = generated::trace(k, &s.values, &s.readings, &mut e.results);
    // Without a branch per rule (a plain `any` costs a fifth of the whole
    // evaluation): the generated code leaves `missing` empty, so the
    // interpreter is asked for it only where a rule is undetermined.
    let undetermined = e
        .results
        .iter()
        .fold(false, |u, r| u | (r.outcome == Outcome::Undetermined));
    e.missing = if undetermined {
        crate::engine::interpret::fill_missing(law, s, &mut e.results);
        e.results
            .iter()
            .fold(FactSet::EMPTY, |m, r| m.union(r.missing))
    } else {
        FactSet::EMPTY
    };
    e.law = law;
    e.date = date;
    e.law_version = law.law_version_at(date);
    e.verdict = verdict;
    e.consulted = ReadingSet(generated::READS.get(k).copied().unwrap_or(!0));
    e.foreign = false;
}

/// The verdict alone: the deciding rules, stopping at the first failure.
pub(crate) fn verdict(law: &Law, s: &Scenario) -> Verdict {
    let date = crate::engine::scenario_date(law, s);
    generated::verdict(epoch(date), &s.values, &s.readings)
}
