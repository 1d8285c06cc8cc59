//! Turning an [`Evaluation`] into prose, text and JSON. The only place that
//! writes explanations; evaluation itself never builds strings.

pub mod diagnostic;
pub mod explain;
pub mod history;
pub mod html;
pub mod json;
pub mod markdown;
pub mod matrix;
pub mod rules;
pub mod testrun;
pub mod text;
pub mod whatif;
pub mod words;

use crate::eval::{Env, Tri, eval_cond};
use crate::facts::{FactId, FactSet, Scenario};
use crate::rule::{Explanation, Rule, RuleKind, RuleVersion, Segment, Template};
use crate::ruleset::RuleSet;
use crate::text::Lang;
use crate::trace::{Evaluation, Outcome, Verdict};

/// A fact's value as a scenario would write it, or `unknown`.
pub fn fact_value(rs: &RuleSet, s: &Scenario, f: FactId, lang: Lang) -> String {
    match s.get(f) {
        Some(v) => rs.vocab.display(f, v, s.text(f)),
        None => words::words(lang).unknown.to_owned(),
    }
}

fn fill(rs: &RuleSet, s: &Scenario, t: &Template, lang: Lang) -> String {
    let mut out = String::new();
    for seg in &t.0 {
        match seg {
            Segment::Text(x) => out.push_str(x),
            Segment::Fact(f) => out.push_str(&fact_value(rs, s, *f, lang)),
        }
    }
    out
}

fn choose(
    rs: &RuleSet,
    s: &Scenario,
    e: &Evaluation,
    ex: &Explanation,
    lang: Lang,
) -> Option<String> {
    let env = Env {
        scenario: s,
        results: &e.results,
    };
    ex.0.iter()
        .find(|(when, _)| {
            when.as_ref()
                .is_none_or(|w| eval_cond(w, &env, &mut FactSet::default()) == Tri::True)
        })
        .map(|(_, t)| fill(rs, s, t.get(lang), lang))
}

/// The facts in a set, by dotted name, joined for a sentence.
pub fn fact_names(rs: &RuleSet, set: FactSet) -> String {
    set.iter()
        .map(|f| format!("`{}`", rs.vocab.get(f).name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plain-language explanation of one rule's result.
pub fn explanation(rs: &RuleSet, s: &Scenario, e: &Evaluation, i: usize, lang: Lang) -> String {
    let rule = &rs.rules[i];
    let r = e.results[i];
    let version = r.version.map(|v| &rule.versions[v as usize]);
    match (r.outcome, version) {
        (Outcome::NotInForce, _) => {
            let periods: Vec<String> = rule.versions.iter().map(|v| v.period.to_string()).collect();
            words::not_in_force(lang, &e.date.to_string(), &periods.join(", "))
        }
        (Outcome::Undetermined, _) => {
            words::cannot_decide(lang, &fact_names(rs, r.missing), r.missing.iter().count())
        }
        (Outcome::Pass, Some(v)) => choose(rs, s, e, &v.pass, lang).unwrap_or_default(),
        (Outcome::Fail, Some(v)) => choose(rs, s, e, &v.fail, lang).unwrap_or_default(),
        (Outcome::NotApplicable, Some(v)) => choose(rs, s, e, &v.not_applicable, lang)
            .unwrap_or_else(|| words::words(lang).not_applicable.to_owned()),
        _ => String::new(),
    }
}

/// The version of a rule used in an evaluation, if any.
pub fn version_used<'a>(rs: &'a RuleSet, e: &Evaluation, i: usize) -> Option<&'a RuleVersion> {
    e.results[i]
        .version
        .map(|v| &rs.rules[i].versions[v as usize])
}

/// A one-line reason for the verdict.
pub fn reason(rs: &RuleSet, s: &Scenario, e: &Evaluation, lang: Lang) -> String {
    match e.verdict {
        Verdict::NotEligible => {
            let failing = deciding(rs, e, Outcome::Fail);
            let first = explanation(rs, s, e, failing[0], lang);
            if failing.len() == 1 {
                return first;
            }
            let others: Vec<&str> = failing[1..]
                .iter()
                .map(|&i| rs.rules[i].id.0.as_str())
                .collect();
            format!("{first}{}", words::also_failing(lang, &others.join(", ")))
        }
        Verdict::Undetermined => {
            // Only the facts that keep a deciding rule open can change the verdict.
            let missing = deciding(rs, e, Outcome::Undetermined)
                .into_iter()
                .fold(FactSet::EMPTY, |m, i| m.union(e.results[i].missing));
            words::undetermined_reason(lang, &fact_names(rs, missing), missing.iter().count())
        }
        Verdict::Eligible => words::eligible_reason(
            lang,
            &e.date.to_string(),
            e.law_version
                .map(|v| rs.law_versions[v].title.get(lang).as_str()),
        ),
    }
}

/// The closing count of rules by outcome ("30 rules: 14 pass, …").
pub fn counts(rs: &RuleSet, e: &Evaluation, lang: Lang) -> String {
    words::counts(
        lang,
        [
            rs.rules.len(),
            e.with_outcome(Outcome::Pass).count(),
            e.with_outcome(Outcome::Fail).count(),
            e.with_outcome(Outcome::Undetermined).count(),
            e.with_outcome(Outcome::NotApplicable).count(),
            e.with_outcome(Outcome::NotInForce).count(),
        ],
    )
}

/// Deciding rules with the given outcome.
pub fn deciding(rs: &RuleSet, e: &Evaluation, o: Outcome) -> Vec<usize> {
    e.with_outcome(o)
        .filter(|&i| rs.rules[i].kind.decides())
        .collect()
}

/// The group heading a rule is shown under, and the group's sort key.
pub fn group(rs: &RuleSet, rule: &Rule, lang: Lang) -> (u8, String) {
    let w = words::words(lang);
    if let Some(p) = rule.principle {
        let title = rs
            .principles
            .iter()
            .find(|x| x.number == p)
            .map_or(String::new(), |x| format!(": {}", x.title.get(lang)));
        return (2 + p, format!("{} {p}{title}", w.principle));
    }
    match rule.kind {
        RuleKind::General => (0, w.the_act.to_owned()),
        RuleKind::Pillar => (1, w.pillar.to_owned()),
        RuleKind::Principle => (7, w.principle.to_owned()),
        RuleKind::Task => (8, w.tasks.to_owned()),
        RuleKind::Policy => (9, w.policy.to_owned()),
        RuleKind::Procedure => (10, w.procedure.to_owned()),
    }
}
