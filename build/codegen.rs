//! Compiles the shipped ruleset to Rust, at build time.
//!
//! Why: sweeps (what-if, truth tables, the Python `evaluate_many`) and the
//! browser page evaluate the shipped rules millions of times, and an
//! interpreter spends most of its time deciding what to do next. Here every
//! rule in force in each period of the law ("epoch") becomes straight-line
//! Rust: each test on a fact is a comparison with a constant, each `all`/`any`
//! a labelled block that stops at the member deciding it, each defined term a
//! local computed once, each rule's outcome a local the later rules read. The
//! compiler then does the rest. The generated code calls the engine's own
//! logic (`check`, `absorb`, `rule_test`, `decide`, `verdict_with`), so the
//! three-valued logic is still written once, and a property test holds the
//! result to the tree interpreter on every kind of scenario.
//!
//! Two functions per epoch: the whole trace (every rule in force), and the
//! verdict alone (the deciding rules and the rules they refer to, returning
//! at the first failure).

use crate::engine::logic::Check;
use crate::model::condition::{Condition, OutcomeSet};
use crate::model::law::Law;
use std::collections::HashMap;
use std::fmt::Write as _;

/// One rule to compile into an epoch: the version in force.
#[derive(Clone, Copy)]
struct Step {
    rule: usize,
    version: usize,
    decides: bool,
}

/// The Rust source of the module `native` for `law`.
pub fn generate(law: &Law) -> String {
    let mut bounds: Vec<i64> = vec![i64::MIN];
    for r in &law.rules {
        for v in &r.versions {
            bounds.extend(v.period.from.map(|d| d.ordinal()));
            bounds.extend(v.period.until.map(|u| u.ordinal().saturating_add(1)));
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// How many rules the generated code was made for.\npub(crate) const RULES: usize = {};",
        law.rules.len()
    );
    let _ = writeln!(
        out,
        "/// The first day (ordinal) of each epoch; the first is the beginning of time.\npub(crate) static EPOCHS: &[i64] = &{bounds:?};"
    );
    let mut trace_arms = String::new();
    let mut verdict_arms = String::new();
    let mut reads = Vec::new();
    for (k, &from) in bounds.iter().enumerate() {
        let all: Vec<Step> = law
            .order
            .iter()
            .filter_map(|&i| {
                let r = &law.rules[i];
                let version = r
                    .versions
                    .iter()
                    .position(|v| v.period.contains_ordinal(from))?;
                Some(Step {
                    rule: i,
                    version,
                    decides: r.kind.decides(),
                })
            })
            .collect();
        let (f, read) = function(law, &format!("trace_{k}"), &all, true);
        out.push_str(&f);
        reads.push(read);
        out.push_str(&function(law, &format!("verdict_{k}"), &needed(law, &all), false).0);
        let _ = writeln!(trace_arms, "        {k} => trace_{k}(v, r, out),");
        let _ = writeln!(verdict_arms, "        {k} => verdict_{k}(v, r),");
    }
    let _ = writeln!(
        out,
        "/// Per epoch: every reading the conditions of the rules in force test.\npub(crate) static READS: &[u64] = &{reads:?};"
    );
    let _ = write!(
        out,
        "/// Every rule in force in epoch `epoch`: outcomes into `out`, and the verdict.
pub(crate) fn trace(epoch: usize, v: &Values, r: &[u8], out: &mut [RuleResult]) -> Verdict {{
    match epoch {{
{trace_arms}        _ => Verdict::Undetermined,
    }}
}}

/// The verdict alone in epoch `epoch`.
pub(crate) fn verdict(epoch: usize, v: &Values, r: &[u8]) -> Verdict {{
    match epoch {{
{verdict_arms}        _ => Verdict::Undetermined,
    }}
}}
"
    );
    out
}

/// The steps a verdict needs: the deciding rules and, transitively, the
/// rules their conditions refer to (through terms too), in order.
fn needed(law: &Law, all: &[Step]) -> Vec<Step> {
    let mut need = vec![false; law.rules.len()];
    for s in all.iter().rev() {
        if s.decides || need[s.rule] {
            need[s.rule] = true;
            let v = &law.rules[s.rule].versions[s.version];
            for c in std::iter::once(&v.applies_if).chain(v.require.as_ref()) {
                for r in law.rules_in(c) {
                    if let Some(n) = need.get_mut(r) {
                        *n = true;
                    }
                }
            }
        }
    }
    all.iter().filter(|s| need[s.rule]).copied().collect()
}

/// One epoch's function: the trace (writing every result) or the verdict
/// (returning at the first failure of a deciding rule); and the readings its
/// conditions test.
fn function(law: &Law, name: &str, steps: &[Step], trace: bool) -> (String, u64) {
    let mut g = Gen {
        law,
        body: String::new(),
        terms: HashMap::new(),
        rules: HashMap::new(),
        labels: 0,
        reads: 0,
    };
    for s in steps {
        g.step(*s, trace);
    }
    let params = if trace {
        "v: &Values, r: &[u8], out: &mut [RuleResult]"
    } else {
        "v: &Values, r: &[u8]"
    };
    let f = format!(
        "#[allow(unused_variables, unused_mut, unused_labels, clippy::all)]\nfn {name}({params}) -> Verdict {{\n    let mut verdict = Verdict::Eligible;\n{}    verdict\n}}\n\n",
        g.body
    );
    (f, g.reads)
}

/// Writes one function's body.
struct Gen<'l> {
    law: &'l Law,
    body: String,
    /// Terms already computed, by index (their local is `t<index>`).
    terms: HashMap<usize, ()>,
    /// Rules already run, by index (their outcome's local is `o<index>`).
    rules: HashMap<usize, ()>,
    labels: usize,
    /// The readings tested so far, as bits.
    reads: u64,
}

impl Gen<'_> {
    fn step(&mut self, s: Step, trace: bool) {
        let rule = &self.law.rules[s.rule];
        let v = &rule.versions[s.version];
        let conds: Vec<&Condition> = std::iter::once(&v.applies_if)
            .chain(v.require.as_ref())
            .collect();
        for c in &conds {
            self.terms_of(c);
        }
        let applies = self.expr(&v.applies_if, false);
        let require = match &v.require {
            Some(c) => format!("Some({})", self.expr(c, false)),
            None => "None".to_owned(),
        };
        let i = s.rule;
        let _ = writeln!(
            self.body,
            "    // {} (version {})\n    let o{i} = logic::decide({applies}, || {require});",
            rule.id.0, s.version
        );
        self.rules.insert(i, ());
        if trace {
            let _ = writeln!(
                self.body,
                "    if let Some(x) = out.get_mut({i}) {{ *x = RuleResult {{ outcome: o{i}, version: {}, missing: FactSet::EMPTY }}; }}",
                s.version.min(254)
            );
        }
        if s.decides {
            let _ = writeln!(
                self.body,
                "    verdict = logic::verdict_with(verdict, o{i});"
            );
            if !trace {
                let _ = writeln!(
                    self.body,
                    "    if verdict == Verdict::NotEligible {{ return verdict; }}"
                );
            }
        }
    }

    /// Computes, in dependency order, every term `c` uses not computed yet.
    fn terms_of(&mut self, c: &Condition) {
        for t in c.terms() {
            if self.terms.contains_key(&t) {
                continue;
            }
            let Some(term) = self.law.terms.get(t) else {
                continue;
            };
            self.terms_of(&term.when);
            let e = self.expr(&term.when, false);
            let _ = writeln!(self.body, "    let t{t} = {e};");
            self.terms.insert(t, ());
        }
    }

    /// A Rust expression of type `Tri` for `c` (negated if `negate`).
    fn expr(&mut self, c: &Condition, negate: bool) -> String {
        let plain = |e: String| if negate { format!("({e}).not()") } else { e };
        match c {
            Condition::Const(b) => tri(*b != negate).to_owned(),
            Condition::Not(inner) => self.expr(inner, !negate),
            Condition::All(cs) | Condition::Any(cs) => {
                // De Morgan: a negated `all` is an `any` of negated members.
                let all = matches!(c, Condition::All(_)) != negate;
                if cs.is_empty() {
                    return tri(all).to_owned();
                }
                if cs.len() == 1 {
                    return self.expr(&cs[0], negate);
                }
                self.labels += 1;
                let label = format!("'g{}", self.labels);
                let mut e = format!("{label}: {{ let mut acc = logic::identity({all}); ");
                for m in cs {
                    let me = self.expr(m, negate);
                    let _ = write!(
                        e,
                        "acc = match logic::absorb({all}, acc, {me}) {{ Ok(a) => a, Err(s) => break {label} s }}; "
                    );
                }
                e.push_str("acc }");
                e
            }
            Condition::Term(t) => plain(if self.terms.contains_key(t) {
                format!("t{t}")
            } else {
                "Tri::Unknown".to_owned()
            }),
            Condition::Fact { fact, test } => plain(format!(
                "logic::check({}, v.word({}))",
                check(Check::of(test)),
                fact.0
            )),
            Condition::Reading { reading, options } => {
                self.reads |= 1u64 << (reading & 63);
                plain(format!(
                    "logic::reading_test({options:#x}, r.get({reading}).copied().unwrap_or(0))"
                ))
            }
            Condition::Rule { rule, outcomes } => {
                let o = if self.rules.contains_key(rule) {
                    format!("o{rule}")
                } else {
                    "Outcome::NotInForce".to_owned()
                };
                plain(format!(
                    "logic::rule_test({o}, OutcomeSet({:#x}))",
                    outset(*outcomes)
                ))
            }
        }
    }
}

fn tri(b: bool) -> &'static str {
    if b { "Tri::True" } else { "Tri::False" }
}

fn outset(o: OutcomeSet) -> u8 {
    o.0
}

/// A check as a Rust expression.
fn check(c: Check) -> String {
    match c {
        Check::IsSet => "Check::IsSet".to_owned(),
        Check::Eq(x) => format!("Check::Eq({x}u64)"),
        Check::In(m) => format!("Check::In({m:#x}u64)"),
        Check::AtLeast(n) => format!("Check::AtLeast({n}i64)"),
        Check::AtMost(n) => format!("Check::AtMost({n}i64)"),
        Check::Before(n) => format!("Check::Before({n}i64)"),
        Check::After(n) => format!("Check::After({n}i64)"),
        Check::ContainsAll(m) => format!("Check::ContainsAll({m:#x}u64)"),
        Check::ContainsAny(m) => format!("Check::ContainsAny({m:#x}u64)"),
    }
}
