//! Static analysis of a loaded ruleset (`peacecoop check`): rules that can
//! never apply or never fail; facts, terms and readings nothing uses; reading
//! options no rule tells apart. Decided exhaustively: every fact has a finite
//! domain, and only the values a rule's conditions can tell apart matter (the
//! enum values, the list items tested, the thresholds compared), so each rule
//! version is evaluated over the product of those representatives and of the
//! readings it consults. A referenced rule's outcome is left free, which can
//! only hide a defect, never report a false one. The work is bounded: a rule
//! too large to enumerate is reported as not analysed.

use crate::engine::interpret::Env;
use crate::engine::logic::{self, Tri};
use crate::engine::{NONE, RuleResult};
use crate::error::{Code, Diagnostic};
use crate::message::Msg;
use crate::model::condition::{Condition, Test};
use crate::model::date::Date;
use crate::model::facts::{FactDefault, FactType};
use crate::model::ids::ReadingSet;
use crate::model::ids::{FactId, FactSet};
use crate::model::law::Law;
use crate::model::outcome::Outcome;
use crate::model::rule::RuleVersion;
use crate::model::value::{OTHER_SYMBOL, Value, Values};
use crate::ruleset::RuleSet;

/// The most combinations tried for one rule version.
pub const MAX_COMBINATIONS: u64 = 1 << 20;
/// The most condition steps spent on one rule version (combinations × size).
pub const MAX_WORK: u64 = 20_000_000;
/// The most condition steps spent on the whole ruleset (about a second):
/// thousands of rules each just under [`MAX_WORK`] would take minutes.
pub const MAX_TOTAL_WORK: u64 = 100_000_000;

/// What exhaustive evaluation found for one rule version.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Reach {
    applies: bool,
    passes: bool,
    fails: bool,
    skipped: bool,
    /// Not analysed because the whole ruleset's budget was spent.
    over_budget: bool,
}

impl RuleSet {
    /// Every finding of the static analysis (warnings), in rule order.
    pub fn analyse(&self) -> Vec<Diagnostic> {
        let law = &self.law;
        let mut out = Vec::new();
        let sizes = term_sizes(law);
        let mut budget = MAX_TOTAL_WORK;
        let mut over: Option<(&RuleVersion, &crate::model::rule::RuleId, usize)> = None;
        for rule in &law.rules {
            let mut total = Reach::default();
            for v in &rule.versions {
                let r = reach(law, v, &sizes, &mut budget);
                if r.over_budget {
                    // Said once, at the first rule left out.
                    match &mut over {
                        Some((_, _, n)) => *n += 1,
                        None => over = Some((v, &rule.id, 0)),
                    }
                    total.applies = true;
                    total.fails = true;
                    continue;
                }
                if r.skipped {
                    out.push(warn(
                        Code::NotAnalysed,
                        v,
                        Msg::TooManyCombinations {
                            id: rule.id.to_string(),
                        },
                    ));
                    total.applies = true;
                    total.fails = true;
                    continue;
                }
                if !r.applies && rule.versions.len() > 1 {
                    out.push(warn(
                        Code::VersionNeverApplies,
                        v,
                        Msg::VersionNeverApplies {
                            id: rule.id.to_string(),
                            period: v.period,
                        },
                    ));
                }
                total.applies |= r.applies;
                total.passes |= r.passes;
                total.fails |= r.fails;
            }
            if let Some(v) = rule.versions.first() {
                if !total.applies {
                    out.push(warn(
                        Code::NeverApplies,
                        v,
                        Msg::NeverApplies {
                            id: rule.id.to_string(),
                        },
                    ));
                } else if rule.kind.decides() && !total.fails {
                    out.push(warn(
                        Code::NeverFails,
                        v,
                        Msg::NeverFails {
                            id: rule.id.to_string(),
                        },
                    ));
                }
            }
        }
        if let Some((v, id, more)) = over {
            out.push(warn(
                Code::NotAnalysed,
                v,
                Msg::WorkLimit {
                    id: id.to_string(),
                    more,
                    max: MAX_TOTAL_WORK,
                },
            ));
        }
        unused(law, &mut out);
        out
    }
}

fn warn(code: Code, v: &RuleVersion, message: Msg) -> Diagnostic {
    Diagnostic::warning(code, v.location.location(), message)
}

/// Facts no rule reads, terms nothing uses, readings nothing consults, and
/// options no rule tells apart.
fn unused(law: &Law, out: &mut Vec<Diagnostic>) {
    let mut read = FactSet::EMPTY;
    let mut consulted = ReadingSet::EMPTY;
    let mut masks: Vec<Vec<u64>> = vec![Vec::new(); law.readings.len()];
    let mut terms_used = vec![false; law.terms.len()];
    let mut visit = |c: &Condition, masks: &mut Vec<Vec<u64>>| {
        c.walk(&mut |n| match n {
            Condition::Term(t) => terms_used[*t] = true,
            Condition::Reading { reading, options } => masks[*reading].push(*options),
            _ => {}
        });
    };
    for r in &law.rules {
        for v in &r.versions {
            read = read.union(v.reads);
            consulted = consulted.union(v.consults);
            for c in std::iter::once(&v.applies_if).chain(v.require.as_ref()) {
                visit(c, &mut masks);
            }
            for w in v.report_conditions() {
                visit(w, &mut masks);
            }
        }
    }
    for t in &law.terms {
        visit(&t.when, &mut masks);
    }
    for f in &law.vocab.facts {
        if let Some(c) = &f.used_if {
            visit(c, &mut masks);
        }
        if let Some(FactDefault::ByReading(r, values)) = &f.default {
            consulted.insert(*r);
            // Options whose defaults differ are told apart.
            for (o, v) in values.iter().enumerate() {
                let same: u64 = values
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| *w == v)
                    .fold(0, |m, (p, _)| m | (1 << p));
                masks[*r].push(same | (1 << o));
            }
        }
    }
    for (i, f) in law.vocab.facts.iter().enumerate() {
        let id = FactId(i as u16);
        if Some(id) != law.vocab.date_fact && !read.contains(id) {
            out.push(Diagnostic::warning(
                Code::UnusedFact,
                f.location.location(),
                Msg::UnusedFact {
                    name: f.name.to_string(),
                },
            ));
        }
    }
    for (t, used) in terms_used.iter().enumerate() {
        if !used {
            out.push(Diagnostic::warning(
                Code::UnusedTerm,
                law.terms[t].location.location(),
                Msg::UnusedTerm {
                    name: law.terms[t].name.to_string(),
                },
            ));
        }
    }
    for (r, decl) in law.readings.iter().enumerate() {
        if !consulted.contains(r) && masks[r].is_empty() {
            out.push(Diagnostic::warning(
                Code::UnusedReading,
                decl.location.location(),
                Msg::UnusedReading {
                    id: decl.id.to_string(),
                },
            ));
            continue;
        }
        let n = decl.options.len();
        for o in 0..n {
            let apart = |p: usize| masks[r].iter().any(|m| (m >> o) & 1 != (m >> p) & 1);
            if let Some(p) = (0..n).find(|&p| p != o && !apart(p))
                && p > o
            {
                out.push(Diagnostic::warning(
                    Code::UndistinguishedOption,
                    decl.location.location(),
                    Msg::Undistinguished {
                        reading: decl.id.to_string(),
                        a: decl.options[o].id.to_string(),
                        b: decl.options[p].id.to_string(),
                    },
                ));
            }
        }
    }
}

/// Each term's size with the terms it uses expanded, saturating.
fn term_sizes(law: &Law) -> Vec<u64> {
    let mut sizes: Vec<Option<u64>> = vec![None; law.terms.len()];
    // Terms are acyclic: at most `len` passes.
    for _ in 0..law.terms.len() {
        for t in 0..law.terms.len() {
            if sizes[t].is_some() {
                continue;
            }
            let used = law.terms[t].when.terms();
            if used
                .iter()
                .all(|&u| sizes.get(u).is_some_and(Option::is_some))
            {
                let inner: u64 = used
                    .iter()
                    .map(|&u| sizes[u].unwrap_or(0))
                    .fold(0u64, u64::saturating_add);
                sizes[t] = Some((law.terms[t].when.size() as u64).saturating_add(inner));
            }
        }
    }
    sizes.into_iter().map(|s| s.unwrap_or(u64::MAX)).collect()
}

fn expanded_size(c: &Condition, sizes: &[u64]) -> u64 {
    let mut n = c.size() as u64;
    c.walk(&mut |x| {
        if let Condition::Term(t) = x {
            n = n.saturating_add(sizes.get(*t).copied().unwrap_or(u64::MAX));
        }
    });
    n
}

/// Evaluates one rule version over every combination of representative values.
fn reach(law: &Law, v: &RuleVersion, sizes: &[u64], budget: &mut u64) -> Reach {
    let skipped = Reach {
        skipped: true,
        ..Reach::default()
    };
    let conds: Vec<&Condition> = std::iter::once(&v.applies_if)
        .chain(v.require.as_ref())
        .collect();
    let mut tests = Vec::new();
    let mut seen = Vec::new();
    for c in &conds {
        super::fact_tests(law, c, &mut tests, &mut seen);
    }
    let mut domains: Vec<(FactId, Vec<Option<Value>>)> = Vec::new();
    for f in v.reads.iter() {
        let its: Vec<Test> = tests
            .iter()
            .filter(|(g, _)| *g == f)
            .map(|(_, t)| *t)
            .collect();
        match domain(law, f, &its, v) {
            Some(d) => domains.push((f, d)),
            None => return skipped,
        }
    }
    let readings: Vec<usize> = v.consults.iter().collect();
    let mut refs: Vec<usize> = conds.iter().flat_map(|c| law.rules_in(c)).collect();
    refs.sort_unstable();
    refs.dedup();
    let mut size: u64 = 1;
    for (_, d) in &domains {
        size = size.saturating_mul(d.len().max(1) as u64);
    }
    for &r in &readings {
        size = size.saturating_mul(law.readings[r].options.len().max(1) as u64);
    }
    // Each referenced rule takes one outcome per class the conditions tell apart.
    let classes: Vec<Vec<Outcome>> = refs
        .iter()
        .map(|&r| outcome_classes(law, &conds, r))
        .collect();
    for c in &classes {
        size = size.saturating_mul(c.len() as u64);
    }
    let work = conds
        .iter()
        .map(|c| expanded_size(c, sizes))
        .fold(0u64, u64::saturating_add);
    let cost = size.saturating_mul(work);
    if size > MAX_COMBINATIONS || cost > MAX_WORK {
        return skipped;
    }
    if cost > *budget {
        return Reach {
            over_budget: true,
            ..skipped
        };
    }
    *budget -= cost;
    let mut values = Values::unknown(law.vocab.len());
    let mut chosen: Vec<u8> = vec![0; law.readings.len()];
    let blank = RuleResult {
        outcome: Outcome::NotApplicable,
        version: NONE,
        missing: FactSet::EMPTY,
    };
    let mut results = vec![blank; law.rules.len()];
    let mut reach = Reach::default();
    for n in 0..size {
        let mut k = n;
        for (f, d) in &domains {
            let len = d.len().max(1) as u64;
            values.set(f.index(), d.get((k % len) as usize).copied().flatten());
            k /= len;
        }
        for &r in &readings {
            let len = law.readings[r].options.len().max(1) as u64;
            chosen[r] = (k % len) as u8;
            k /= len;
        }
        for (&r, c) in refs.iter().zip(&classes) {
            let len = c.len().max(1) as u64;
            results[r].outcome = c
                .get((k % len) as usize)
                .copied()
                .unwrap_or(Outcome::Undetermined);
            k /= len;
        }
        let env = Env::new(law, &values, &chosen, &results);
        let mut ignore = (FactSet::EMPTY, ReadingSet::EMPTY);
        let applies = env.eval(&v.applies_if, &mut ignore.0, &mut ignore.1);
        if applies != Tri::True {
            continue;
        }
        reach.applies = true;
        match logic::decide(applies, || {
            v.require
                .as_ref()
                .map(|c| env.eval(c, &mut ignore.0, &mut ignore.1))
        }) {
            Outcome::Pass => reach.passes = true,
            Outcome::Fail => reach.fails = true,
            _ => {}
        }
        if reach.passes && reach.fails {
            break;
        }
    }
    reach
}

/// One outcome of rule `r` per class of outcomes the conditions tell apart
/// (undetermined always its own class: a test on it can be unknown).
fn outcome_classes(law: &Law, conds: &[&Condition], r: usize) -> Vec<Outcome> {
    let mut sets = Vec::new();
    let mut seen = vec![false; law.terms.len()];
    let mut visit = |c: &Condition, stack: &mut Vec<usize>| {
        c.walk(&mut |n| match n {
            Condition::Rule { rule, outcomes } if *rule == r => sets.push(*outcomes),
            Condition::Term(t) => stack.push(*t),
            _ => {}
        });
    };
    let mut stack = Vec::new();
    for c in conds {
        visit(c, &mut stack);
    }
    while let Some(t) = stack.pop() {
        if let Some(false) = seen.get(t).copied() {
            seen[t] = true;
            visit(&law.terms[t].when, &mut stack);
        }
    }
    let mut out = vec![Outcome::Undetermined];
    for o in [
        Outcome::Pass,
        Outcome::Fail,
        Outcome::NotApplicable,
        Outcome::NotInForce,
    ] {
        let same = |p: &Outcome| sets.iter().all(|s| s.contains(o) == s.contains(*p));
        if !out.iter().skip(1).any(same) {
            out.push(o);
        }
    }
    out
}

/// The values of fact `f` that the tests can tell apart (`None`: too many).
fn domain(law: &Law, f: FactId, tests: &[Test], v: &RuleVersion) -> Option<Vec<Option<Value>>> {
    let decl = law.vocab.get(f);
    let mut out: Vec<Option<Value>> = match &decl.ty {
        FactType::Bool => vec![Some(Value::Bool(false)), Some(Value::Bool(true))],
        FactType::Enum(vals) => (0..vals.len())
            .map(|i| Some(Value::Enum(i as u8)))
            .collect(),
        FactType::List(_) => {
            let mask = tests.iter().fold(0u64, |m, t| match t {
                Test::ContainsAll(x) | Test::ContainsAny(x) => m | x,
                _ => m,
            });
            let bits: Vec<u64> = (0..64).filter(|b| mask & (1 << b) != 0).collect();
            if bits.len() > 16 {
                return None;
            }
            (0..(1u64 << bits.len()))
                .map(|sub| {
                    let set = bits
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| sub & (1 << j) != 0)
                        .fold(0u64, |s, (_, b)| s | (1 << b));
                    Some(Value::Set(set))
                })
                .collect()
        }
        FactType::Int { min, max } => {
            let mut pts = vec![*min, *max];
            for t in tests {
                if let Test::Cmp(_, n) | Test::Is(Value::Int(n)) = t {
                    pts.extend([n.saturating_sub(1), *n, n.saturating_add(1)]);
                }
            }
            pts.retain(|p| p >= min && p <= max);
            pts.sort_unstable();
            pts.dedup();
            pts.into_iter().map(|p| Some(Value::Int(p))).collect()
        }
        FactType::Date => {
            let mut pts: Vec<Date> = Vec::new();
            for t in tests {
                let o = match t {
                    Test::Cmp(_, n) => Some(*n),
                    Test::Is(Value::Date(d)) => Some(d.ordinal()),
                    _ => None,
                };
                if let Some(d) = o.and_then(Date::from_ordinal) {
                    pts.extend([d.pred(), d, d.succ()]);
                }
            }
            pts.extend(v.period.from);
            pts.extend(v.period.until);
            if pts.is_empty() {
                pts.push(v.period.from.unwrap_or_else(|| Date::from_unix_days(0)));
            }
            pts.retain(|d| v.period.contains(*d));
            pts.sort_unstable();
            pts.dedup();
            pts.into_iter().map(|d| Some(Value::Date(d))).collect()
        }
        FactType::Text => {
            let mut syms: Vec<u32> = (0..decl.symbols.len().min(64) as u32).collect();
            syms.push(OTHER_SYMBOL);
            syms.into_iter().map(|s| Some(Value::Sym(s))).collect()
        }
    };
    if tests.iter().any(|t| matches!(t, Test::IsSet)) {
        out.push(None);
    }
    Some(out)
}
