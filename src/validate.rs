//! Static analysis of a loaded ruleset: rules that can never apply or never
//! fail, terms and facts nothing uses. Decided exhaustively: every fact has a
//! finite domain, and only the values a rule's conditions can tell apart
//! matter (the enum values, the list items tested, the thresholds compared),
//! so each rule version is evaluated over the product of those
//! representatives. A referenced rule's outcome is left free, which can only
//! hide a defect, never report a false one.

use crate::date::Date;
use crate::error::{Diagnostic, Severity};
use crate::eval::{Env, Tri, eval_cond};
use crate::facts::{FactId, FactSet, FactType, OTHER_SYMBOL, Scenario, Value};
use crate::rule::{Condition, RuleVersion, Test};
use crate::ruleset::RuleSet;
use crate::trace::{Outcome, RuleResult};

/// The most combinations tried for one rule version before giving up.
pub const MAX_COMBINATIONS: u64 = 1 << 21;

/// What exhaustive evaluation found for one rule version.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    /// Some facts make the rule apply.
    pub applies: bool,
    /// Some facts make it pass.
    pub passes: bool,
    /// Some facts make it fail.
    pub fails: bool,
    /// The domain was too large to enumerate.
    pub skipped: bool,
}

/// Runs every analysis and returns the problems found (warnings).
pub fn analyse(rs: &RuleSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in &rs.rules {
        let mut total = Reach::default();
        for v in &rule.versions {
            let r = reach(rs, v);
            if r.skipped {
                out.push(warn(
                    "not-analysed",
                    v,
                    format!(
                        "rule `{}`: too many combinations to analyse exhaustively",
                        rule.id
                    ),
                ));
                total.applies = true;
                total.fails = true;
                continue;
            }
            if !r.applies && rule.versions.len() > 1 {
                out.push(warn(
                    "version-never-applies",
                    v,
                    format!(
                        "the version of rule `{}` in force {} can never apply: no facts satisfy `applies_if` in its period",
                        rule.id, v.period
                    ),
                ));
            }
            total.applies |= r.applies;
            total.passes |= r.passes;
            total.fails |= r.fails;
        }
        let first = rule.versions.first();
        if let Some(v) = first {
            if !total.applies {
                out.push(warn(
                    "never-applies",
                    v,
                    format!("rule `{}` can never apply", rule.id),
                ));
            } else if rule.kind.decides() && !total.fails {
                out.push(warn(
                    "never-fails",
                    v,
                    format!(
                        "rule `{}` can never fail: whatever the facts, it passes or does not apply",
                        rule.id
                    ),
                ));
            }
        }
    }
    unused(rs, &mut out);
    out
}

fn warn(code: &'static str, v: &RuleVersion, message: String) -> Diagnostic {
    Diagnostic {
        code,
        severity: Severity::Warning,
        location: v.location.clone(),
        message,
        help: None,
    }
}

/// Terms no rule or fact uses, facts no rule reads.
fn unused(rs: &RuleSet, out: &mut Vec<Diagnostic>) {
    let mut read = FactSet::EMPTY;
    for r in &rs.rules {
        for v in &r.versions {
            read = read.union(v.reads);
        }
    }
    for (i, f) in rs.vocab.facts.iter().enumerate() {
        let id = FactId(i as u16);
        if Some(id) != rs.vocab.date_fact && !read.contains(id) {
            out.push(Diagnostic {
                code: "unused-fact",
                severity: Severity::Warning,
                location: f.location.clone(),
                message: format!("fact `{}` is declared but no rule reads it", f.name),
                help: None,
            });
        }
    }
}

/// Evaluates one rule version over every combination of representative values.
pub fn reach(rs: &RuleSet, v: &RuleVersion) -> Reach {
    let mut domains: Vec<(FactId, Vec<Option<Value>>)> = Vec::new();
    let conds: Vec<&Condition> = std::iter::once(&v.applies_if)
        .chain(v.require.as_ref())
        .collect();
    for f in v.reads.iter() {
        match domain(rs, f, &conds, v) {
            Some(d) => domains.push((f, d)),
            None => {
                return Reach {
                    skipped: true,
                    ..Reach::default()
                };
            }
        }
    }
    let mut refs: Vec<usize> = conds.iter().flat_map(|c| c.rules()).collect();
    refs.sort_unstable();
    refs.dedup();
    let mut size: u64 = 1;
    for (_, d) in &domains {
        size = size.saturating_mul(d.len().max(1) as u64);
    }
    for _ in &refs {
        size = size.saturating_mul(Outcome::ALL.len() as u64);
    }
    if size > MAX_COMBINATIONS {
        return Reach {
            skipped: true,
            ..Reach::default()
        };
    }
    let mut scenario = Scenario::unknown("analysis", rs.vocab.facts.len());
    let blank = RuleResult {
        outcome: Outcome::NotApplicable,
        version: None,
        missing: FactSet::EMPTY,
    };
    let mut results = vec![blank; rs.rules.len()];
    let mut reach = Reach::default();
    for n in 0..size {
        let mut k = n;
        for (f, d) in &domains {
            let len = d.len().max(1) as u64;
            scenario.values[f.0 as usize] = d.get((k % len) as usize).copied().flatten();
            k /= len;
        }
        for &r in &refs {
            results[r].outcome = Outcome::ALL[(k % 5) as usize];
            k /= 5;
        }
        let env = Env {
            scenario: &scenario,
            results: &results,
        };
        if eval_cond(&v.applies_if, &env, &mut FactSet::default()) != Tri::True {
            continue;
        }
        reach.applies = true;
        match v
            .require
            .as_ref()
            .map(|c| eval_cond(c, &env, &mut FactSet::default()))
        {
            None | Some(Tri::True) => reach.passes = true,
            Some(Tri::False) => reach.fails = true,
            Some(Tri::Unknown) => {}
        }
        if reach.passes && reach.fails {
            break;
        }
    }
    reach
}

/// The values of fact `f` that the conditions can tell apart (`None`: too many).
fn domain(
    rs: &RuleSet,
    f: FactId,
    conds: &[&Condition],
    v: &RuleVersion,
) -> Option<Vec<Option<Value>>> {
    let decl = rs.vocab.get(f);
    let mut tests = Vec::new();
    for c in conds {
        collect_tests(c, f, &mut tests);
    }
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
            if bits.len() > 20 {
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
            for t in &tests {
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
            for t in &tests {
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
                pts.push(Date::today());
            }
            pts.retain(|d| v.period.contains(*d));
            pts.sort_unstable();
            pts.dedup();
            pts.into_iter().map(|d| Some(Value::Date(d))).collect()
        }
        FactType::Text => {
            let mut syms: Vec<u32> = (0..decl.symbols.len() as u32).collect();
            syms.push(OTHER_SYMBOL);
            syms.into_iter().map(|s| Some(Value::Sym(s))).collect()
        }
    };
    if tests.iter().any(|t| matches!(t, Test::IsSet)) {
        out.push(None);
    }
    Some(out)
}

fn collect_tests(c: &Condition, f: FactId, out: &mut Vec<Test>) {
    match c {
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| collect_tests(c, f, out)),
        Condition::Not(c) | Condition::Term(_, c) => collect_tests(c, f, out),
        Condition::Fact { fact, test } if *fact == f => out.push(test.clone()),
        _ => {}
    }
}
