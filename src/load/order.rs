//! What the loader works out once everything is read: the facts and readings
//! each term and rule version depends on, and the order of evaluation (every
//! rule after the rules it refers to), with cycles reported.

use super::reader::Loader;
use crate::error::Code;
use crate::message::Msg;
use crate::model::condition::{Condition, rules_through};
use crate::model::decls::Term;
use crate::model::ids::FactSet;
use crate::model::ids::ReadingSet;
use crate::model::rule::Rule;

/// The facts and readings a condition depends on, through terms too.
pub(super) fn dependencies(c: &Condition, terms: &[Term]) -> (FactSet, ReadingSet) {
    let mut facts = FactSet::EMPTY;
    let mut readings = ReadingSet::EMPTY;
    c.walk(&mut |n| match n {
        Condition::Fact { fact, .. } => facts.insert(*fact),
        Condition::Reading { reading, .. } => readings.insert(*reading),
        Condition::Term(t) => {
            if let Some(t) = terms.get(*t) {
                facts = facts.union(t.reads);
                readings = readings.union(t.consults);
            }
        }
        _ => {}
    });
    (facts, readings)
}

/// Fills in each term's `reads` and `consults`, terms used by others first.
pub(super) fn term_dependencies(terms: &mut [Term]) {
    let mut done = vec![false; terms.len()];
    // Terms are acyclic (the loader refuses cycles), so at most `len` passes.
    for _ in 0..terms.len() {
        let mut progress = false;
        for i in 0..terms.len() {
            if done[i]
                || terms[i]
                    .when
                    .terms()
                    .iter()
                    .any(|&t| !done.get(t).copied().unwrap_or(true))
            {
                continue;
            }
            let (f, r) = dependencies(&terms[i].when, terms);
            terms[i].reads = f;
            terms[i].consults = r;
            done[i] = true;
            progress = true;
        }
        if !progress {
            break;
        }
    }
}

/// Fills in each rule version's `reads`, `consults` and `refers`.
pub(super) fn rule_dependencies(rules: &mut [Rule], terms: &[Term]) {
    let term = |t: usize| terms.get(t).map(|t| &t.when);
    for r in rules {
        for v in r.versions.to_mut() {
            let (mut f, mut rd) = dependencies(&v.applies_if, terms);
            let mut refers = Vec::new();
            rules_through(&v.applies_if, &term, &mut refers, &mut Vec::new());
            if let Some(req) = &v.require {
                let (f2, r2) = dependencies(req, terms);
                f = f.union(f2);
                rd = rd.union(r2);
                rules_through(req, &term, &mut refers, &mut Vec::new());
            }
            refers.sort_unstable();
            refers.dedup();
            v.reads = f;
            v.consults = rd;
            v.refers = refers.into();
        }
    }
}

/// The rules each rule refers to (conditions and explanation cases, through terms).
fn references<'c>(
    r: &'c Rule,
    n: usize,
    term: &dyn Fn(usize) -> Option<&'c Condition>,
) -> Vec<usize> {
    let mut d = Vec::new();
    let mut seen = Vec::new();
    for v in &r.versions {
        rules_through(&v.applies_if, term, &mut d, &mut seen);
        if let Some(c) = &v.require {
            rules_through(c, term, &mut d, &mut seen);
        }
        for w in v.report_conditions() {
            rules_through(w, term, &mut d, &mut seen);
        }
    }
    d.retain(|&i| i < n);
    d.sort_unstable();
    d.dedup();
    d
}

/// The evaluation order; rules in a cycle are reported.
pub(super) fn evaluation_order(rules: &[Rule], l: &mut Loader) -> Vec<usize> {
    let terms: Vec<Option<Condition>> = l.terms.iter().map(|t| t.compiled.clone()).collect();
    let term = |t: usize| terms.get(t).and_then(Option::as_ref);
    let deps: Vec<Vec<usize>> = rules
        .iter()
        .map(|r| references(r, rules.len(), &term))
        .collect();
    // 0 = unvisited, 1 = on the stack, 2 = done. Iterative, so depth is no risk.
    let mut state = vec![0u8; rules.len()];
    let mut order = Vec::with_capacity(rules.len());
    let mut cycles: Vec<usize> = Vec::new();
    for root in 0..rules.len() {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&d) = deps[node].get(*next) {
                *next += 1;
                match state[d] {
                    0 => {
                        state[d] = 1;
                        stack.push((d, 0));
                    }
                    1 if !cycles.contains(&d) => cycles.push(d),
                    _ => {}
                }
            } else {
                state[node] = 2;
                order.push(node);
                stack.pop();
            }
        }
    }
    for c in cycles {
        l.err(
            Code::RuleCycle,
            rules[c].location.location(),
            Msg::RuleCycle {
                id: rules[c].id.to_string(),
            },
            None,
        );
    }
    order
}
