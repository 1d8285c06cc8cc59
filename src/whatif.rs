//! What-if analysis: the minimal sets of fact changes that would make a
//! scenario eligible.
//!
//! The search is exact over the declared fact domains, by number of changes:
//! each step changes one fact read by the first rule that still fails or is
//! undetermined (any repair must touch that rule's facts), to one of the
//! values that rule can tell apart; a list fact gains or loses one item at a
//! time; dates move to the law versions' start dates (and the rule's own
//! thresholds). Sets that contain a smaller solution are pruned, so no
//! alternative contains another.

use crate::date::Date;
use crate::facts::{FactId, FactType, Scenario, Value};
use crate::rule::{Condition, Test};
use crate::ruleset::RuleSet;
use crate::trace::{Outcome, Verdict};
use std::collections::HashSet;

/// One atomic change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Atom {
    /// Set a fact to a value.
    Set(FactId, ValueKey),
    /// Add an item to a list fact.
    Add(FactId, u8),
    /// Remove an item from a list fact.
    Remove(FactId, u8),
    /// Make an unknown list fact known and empty.
    Clear(FactId),
}

/// A `Value` with a total order, for sets of atoms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum ValueKey {
    Bool(bool),
    Enum(u8),
    Int(i64),
    Date(Date),
    Sym(u32),
}

impl ValueKey {
    fn value(self) -> Value {
        match self {
            ValueKey::Bool(b) => Value::Bool(b),
            ValueKey::Enum(i) => Value::Enum(i),
            ValueKey::Int(i) => Value::Int(i),
            ValueKey::Date(d) => Value::Date(d),
            ValueKey::Sym(s) => Value::Sym(s),
        }
    }
}

impl Atom {
    fn fact(self) -> FactId {
        match self {
            Atom::Set(f, _) | Atom::Add(f, _) | Atom::Remove(f, _) | Atom::Clear(f) => f,
        }
    }
}

/// One fact's change in an alternative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The fact changed.
    pub fact: FactId,
    /// Its value in the scenario (`None`: unknown).
    pub from: Option<Value>,
    /// Its new value (for a list, the whole new list).
    pub to: Value,
}

/// A minimal set of changes and the verdict it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    /// The changes, one per fact, in declaration order.
    pub changes: Vec<Change>,
    /// The verdict with these changes (always `eligible`).
    pub verdict: Verdict,
    /// How many atomic changes (a list fact counts one per item added or removed).
    pub size: usize,
}

/// The result of a what-if search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    /// The scenario's own verdict.
    pub verdict: Verdict,
    /// The minimal alternatives, fewest changes first.
    pub alternatives: Vec<Alternative>,
    /// How many candidate sets were evaluated.
    pub evaluated: usize,
}

/// Finds every minimal set of at most `max_changes` changes that makes `s` eligible.
///
/// ```
/// let rules = peacecoop::RuleSet::embedded().unwrap();
/// let s = rules.parse_scenario("name: x\ndate: 2005-01-01\noperation: un_peacekeeping\n\
///   basis: {kind: un_security_council_resolution}\nun_command: true\n\
///   conflict: {occurred: true, ceasefire: none}\nconsent: {host: given, parties: given}\n\
///   impartial: true\nuse_of_force: self_preservation\ntasks: [engineering]\npersonnel: 100\n", "x").unwrap();
/// let w = peacecoop::whatif::whatif(&rules, &s, 3);
/// let ceasefire = rules.vocab.lookup("conflict.ceasefire").unwrap();
/// // One alternative: the parties agree a ceasefire (others: no conflict, parties gone, ...).
/// assert!(w.alternatives.iter().any(|a| a.changes.len() == 1 && a.changes[0].fact == ceasefire));
/// // Every alternative really makes the mission eligible.
/// assert!(w.alternatives.iter().all(|a| a.verdict == peacecoop::Verdict::Eligible));
/// ```
pub fn whatif(rs: &RuleSet, s: &Scenario, max_changes: usize) -> WhatIf {
    whatif_keeping(rs, s, max_changes, &[])
}

/// Like [`whatif`], but the facts in `keep` never change (e.g. `operation`).
pub fn whatif_keeping(rs: &RuleSet, s: &Scenario, max_changes: usize, keep: &[FactId]) -> WhatIf {
    let verdict = rs.evaluate(s).verdict;
    let mut result = WhatIf {
        verdict,
        alternatives: Vec::new(),
        evaluated: 1,
    };
    if verdict == Verdict::Eligible {
        return result;
    }
    let mut solutions: Vec<Vec<Atom>> = Vec::new();
    let mut level: Vec<Vec<Atom>> = vec![Vec::new()];
    let mut seen: HashSet<Vec<Atom>> = HashSet::new();
    for _ in 0..max_changes {
        let mut next = Vec::new();
        for set in &level {
            let state = apply(s, set);
            let e = rs.evaluate(&state);
            let Some(broken) = first_broken(rs, &e) else {
                continue;
            };
            for atom in candidates(rs, &state, broken, e.date) {
                if keep.contains(&atom.fact()) || set.iter().any(|a| conflicts(*a, atom)) {
                    continue;
                }
                let mut ns = set.clone();
                ns.push(atom);
                ns.sort_unstable();
                if !seen.insert(ns.clone()) {
                    continue;
                }
                if solutions
                    .iter()
                    .any(|sol| sol.iter().all(|a| ns.contains(a)))
                {
                    continue;
                }
                result.evaluated += 1;
                let v = rs.evaluate(&apply(s, &ns)).verdict;
                if v == Verdict::Eligible {
                    solutions.push(ns);
                } else {
                    next.push(ns);
                }
            }
        }
        level = next;
        if level.is_empty() {
            break;
        }
    }
    // A set found at one level can contain a solution found later at the same level.
    let minimal: Vec<&Vec<Atom>> = solutions
        .iter()
        .filter(|sol| {
            !solutions
                .iter()
                .any(|o| o.len() < sol.len() && o.iter().all(|a| sol.contains(a)))
        })
        .collect();
    result.alternatives = minimal
        .into_iter()
        .map(|sol| Alternative {
            changes: changes(s, sol),
            verdict: rs.evaluate(&apply(s, sol)).verdict,
            size: sol.len(),
        })
        .collect();
    result.alternatives.sort_by(|a, b| {
        a.size
            .cmp(&b.size)
            .then_with(|| a.changes.len().cmp(&b.changes.len()))
    });
    result
}

/// The first deciding rule that fails, else the first undetermined one.
fn first_broken(rs: &RuleSet, e: &crate::trace::Evaluation) -> Option<usize> {
    let find = |o: Outcome| {
        e.results
            .iter()
            .enumerate()
            .position(|(i, r)| r.outcome == o && rs.rules[i].kind.decides())
    };
    find(Outcome::Fail).or_else(|| find(Outcome::Undetermined))
}

fn conflicts(a: Atom, b: Atom) -> bool {
    match (a, b) {
        (Atom::Set(f, _) | Atom::Clear(f), other) | (other, Atom::Set(f, _) | Atom::Clear(f)) => {
            other.fact() == f
        }
        (Atom::Add(f, i) | Atom::Remove(f, i), Atom::Add(g, j) | Atom::Remove(g, j)) => {
            f == g && i == j
        }
    }
}

fn apply(s: &Scenario, atoms: &[Atom]) -> Scenario {
    let mut out = s.clone();
    for a in atoms {
        match *a {
            Atom::Set(f, v) => out.set(f, Some(v.value())),
            Atom::Clear(f) => out.set(f, Some(Value::Set(0))),
            Atom::Add(f, i) | Atom::Remove(f, i) => {
                let cur = match out.get(f) {
                    Some(Value::Set(b)) => b,
                    _ => 0,
                };
                let new = if matches!(a, Atom::Add(..)) {
                    cur | (1 << i)
                } else {
                    cur & !(1 << i)
                };
                out.set(f, Some(Value::Set(new)));
            }
        }
    }
    out
}

/// The facts a rule's outcome depends on: what it reads, the date if it has
/// periods, and the same for the rules it refers to (rule references are acyclic).
fn depends(rs: &RuleSet, rule: usize, out: &mut Vec<(FactId, Vec<Test>)>, seen: &mut Vec<usize>) {
    if seen.contains(&rule) {
        return;
    }
    seen.push(rule);
    for v in &rs.rules[rule].versions {
        let conds: Vec<&Condition> = std::iter::once(&v.applies_if)
            .chain(v.require.as_ref())
            .collect();
        for c in &conds {
            collect(c, out);
            for other in c.rules() {
                depends(rs, other, out, seen);
            }
        }
        if (v.period.from.is_some() || v.period.until.is_some())
            && let Some(d) = rs.vocab.date_fact
            && !out.iter().any(|(f, _)| *f == d)
        {
            out.push((d, Vec::new()));
        }
    }
}

fn collect(c: &Condition, out: &mut Vec<(FactId, Vec<Test>)>) {
    match c {
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| collect(c, out)),
        Condition::Not(c) | Condition::Term(_, c) => collect(c, out),
        Condition::Fact { fact, test } => match out.iter_mut().find(|(f, _)| f == fact) {
            Some((_, tests)) => tests.push(test.clone()),
            None => out.push((*fact, vec![test.clone()])),
        },
        _ => {}
    }
}

fn candidates(rs: &RuleSet, s: &Scenario, rule: usize, date: Date) -> Vec<Atom> {
    let mut facts = Vec::new();
    depends(rs, rule, &mut facts, &mut Vec::new());
    let mut out = Vec::new();
    for (f, tests) in facts {
        let decl = rs.vocab.get(f);
        let cur = s.get(f);
        let mut set = |k: ValueKey| {
            if cur != Some(k.value()) {
                out.push(Atom::Set(f, k));
            }
        };
        match &decl.ty {
            FactType::Bool => [false, true]
                .into_iter()
                .for_each(|b| set(ValueKey::Bool(b))),
            FactType::Enum(vals) => (0..vals.len()).for_each(|i| set(ValueKey::Enum(i as u8))),
            FactType::Int { min, max } => {
                let mut pts = Vec::new();
                for t in &tests {
                    if let Test::Cmp(_, n) | Test::Is(Value::Int(n)) = t {
                        pts.extend([n.saturating_sub(1), *n, n.saturating_add(1)]);
                    }
                }
                pts.retain(|p| p >= min && p <= max);
                pts.sort_unstable();
                pts.dedup();
                pts.into_iter().for_each(|p| set(ValueKey::Int(p)));
            }
            FactType::Date => {
                let mut pts: Vec<Date> = rs.law_versions.iter().map(|v| v.in_force_from).collect();
                for t in &tests {
                    if let Test::Cmp(_, n) = t
                        && let Some(d) = Date::from_ordinal(*n)
                    {
                        pts.extend([d.pred(), d]);
                    }
                }
                for v in &rs.rules[rule].versions {
                    pts.extend(v.period.from);
                }
                pts.retain(|d| *d != date);
                pts.sort_unstable();
                pts.dedup();
                pts.into_iter().for_each(|d| set(ValueKey::Date(d)));
            }
            FactType::Text => (0..decl.symbols.len() as u32).for_each(|i| set(ValueKey::Sym(i))),
            FactType::List(_) => {
                let bits = tests.iter().fold(0u64, |m, t| match t {
                    Test::ContainsAll(x) | Test::ContainsAny(x) => m | x,
                    _ => m,
                });
                let have = match cur {
                    Some(Value::Set(b)) => b,
                    _ => 0,
                };
                for i in (0..64u8).filter(|i| bits & (1 << i) != 0) {
                    if have & (1 << i) != 0 {
                        out.push(Atom::Remove(f, i));
                    } else {
                        out.push(Atom::Add(f, i));
                    }
                }
                if cur.is_none() {
                    out.push(Atom::Clear(f));
                }
            }
        }
    }
    out
}

fn changes(s: &Scenario, atoms: &[Atom]) -> Vec<Change> {
    let after = apply(s, atoms);
    let mut facts: Vec<FactId> = atoms.iter().map(|a| a.fact()).collect();
    facts.sort_unstable();
    facts.dedup();
    facts
        .into_iter()
        .filter_map(|f| {
            Some(Change {
                fact: f,
                from: s.get(f),
                to: after.get(f)?,
            })
        })
        .collect()
}
