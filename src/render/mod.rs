//! Turning an [`Evaluation`] into prose, text and JSON. The only place that
//! writes explanations; evaluation itself never builds strings.

pub mod diagnostic;
pub mod json;
pub mod rules;
pub mod text;

use crate::eval::{Env, Tri, eval_cond};
use crate::facts::{FactId, FactSet, Scenario};
use crate::rule::{Explanation, Rule, RuleKind, RuleVersion, Segment, Template};
use crate::ruleset::RuleSet;
use crate::trace::{Evaluation, Outcome, Verdict};

/// A fact's value as a scenario would write it, or `unknown`.
pub fn fact_value(rs: &RuleSet, s: &Scenario, f: FactId) -> String {
    match s.get(f) {
        Some(v) => rs.vocab.display(f, v, s.text(f)),
        None => "unknown".to_owned(),
    }
}

fn fill(rs: &RuleSet, s: &Scenario, t: &Template) -> String {
    let mut out = String::new();
    for seg in &t.0 {
        match seg {
            Segment::Text(x) => out.push_str(x),
            Segment::Fact(f) => out.push_str(&fact_value(rs, s, *f)),
        }
    }
    out
}

fn choose(rs: &RuleSet, s: &Scenario, e: &Evaluation, ex: &Explanation) -> Option<String> {
    let env = Env {
        scenario: s,
        results: &e.results,
    };
    ex.0.iter()
        .find(|(when, _)| {
            when.as_ref()
                .is_none_or(|w| eval_cond(w, &env, &mut FactSet::default()) == Tri::True)
        })
        .map(|(_, t)| fill(rs, s, t))
}

/// The facts in a set, by dotted name, joined for a sentence.
pub fn fact_names(rs: &RuleSet, set: FactSet) -> String {
    set.iter()
        .map(|f| format!("`{}`", rs.vocab.get(f).name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plain-language explanation of one rule's result.
pub fn explanation(rs: &RuleSet, s: &Scenario, e: &Evaluation, i: usize) -> String {
    let rule = &rs.rules[i];
    let r = e.results[i];
    let version = r.version.map(|v| &rule.versions[v as usize]);
    match (r.outcome, version) {
        (Outcome::NotInForce, _) => not_in_force(rule, e),
        (Outcome::Undetermined, _) => format!(
            "Cannot be decided: {} {} unknown.",
            fact_names(rs, r.missing),
            if r.missing.iter().count() == 1 {
                "is"
            } else {
                "are"
            }
        ),
        (Outcome::Pass, Some(v)) => choose(rs, s, e, &v.pass).unwrap_or_default(),
        (Outcome::Fail, Some(v)) => choose(rs, s, e, &v.fail).unwrap_or_default(),
        (Outcome::NotApplicable, Some(v)) => choose(rs, s, e, &v.not_applicable)
            .unwrap_or_else(|| "Does not concern this operation.".to_owned()),
        _ => String::new(),
    }
}

fn not_in_force(rule: &Rule, e: &Evaluation) -> String {
    let periods: Vec<String> = rule.versions.iter().map(|v| v.period.to_string()).collect();
    format!(
        "Not in force on {} (in force {}).",
        e.date,
        periods.join(", ")
    )
}

/// The version of a rule used in an evaluation, if any.
pub fn version_used<'a>(rs: &'a RuleSet, e: &Evaluation, i: usize) -> Option<&'a RuleVersion> {
    e.results[i]
        .version
        .map(|v| &rs.rules[i].versions[v as usize])
}

/// A one-line reason for the verdict.
pub fn reason(rs: &RuleSet, s: &Scenario, e: &Evaluation) -> String {
    match e.verdict {
        Verdict::NotEligible => {
            let failing = deciding(rs, e, Outcome::Fail);
            let first = explanation(rs, s, e, failing[0]);
            if failing.len() == 1 {
                return first;
            }
            let others: Vec<&str> = failing[1..]
                .iter()
                .map(|&i| rs.rules[i].id.0.as_str())
                .collect();
            format!("{first} Also failing: {}.", others.join(", "))
        }
        Verdict::Undetermined => {
            // Only the facts that keep a deciding rule open can change the verdict.
            let missing = deciding(rs, e, Outcome::Undetermined)
                .into_iter()
                .fold(FactSet::EMPTY, |m, i| m.union(e.results[i].missing));
            format!(
                "No rule fails, but some cannot be decided: {} {} unknown.",
                fact_names(rs, missing),
                if missing.iter().count() == 1 {
                    "is"
                } else {
                    "are"
                }
            )
        }
        Verdict::Eligible => match e.law_version {
            Some(v) => format!(
                "Every applicable requirement of the law as it stood on {} ({}) is met.",
                e.date, rs.law_versions[v].title
            ),
            None => "Every applicable requirement is met.".to_owned(),
        },
    }
}

/// Deciding rules with the given outcome.
pub fn deciding(rs: &RuleSet, e: &Evaluation, o: Outcome) -> Vec<usize> {
    e.with_outcome(o)
        .filter(|&i| rs.rules[i].kind.decides())
        .collect()
}

/// The group heading a rule is shown under, and the group's sort key.
pub fn group(rs: &RuleSet, rule: &Rule) -> (u8, String) {
    if let Some(p) = rule.principle {
        let title = rs
            .principles
            .iter()
            .find(|x| x.number == p)
            .map_or(String::new(), |x| format!(": {}", x.title));
        return (2 + p, format!("Principle {p}{title}"));
    }
    match rule.kind {
        RuleKind::General => (0, "The Act".to_owned()),
        RuleKind::Pillar => (1, "Pillar and legal basis".to_owned()),
        RuleKind::Principle => (7, "Principles".to_owned()),
        RuleKind::Task => (8, "Tasks".to_owned()),
        RuleKind::Procedure => (9, "Procedure: steps the dispatch needs".to_owned()),
        RuleKind::Policy => (8, "Policy".to_owned()),
    }
}
