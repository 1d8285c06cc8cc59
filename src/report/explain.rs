//! The prose of a report: each rule's explanation (the case the evaluation
//! chose, its placeholders filled with the scenario's values), the one-line
//! reason for the verdict, and the notes on the input.

use super::words::{self, words};
use crate::engine::Evaluation;
use crate::model::Lang;
use crate::model::ids::{FactId, FactSet};
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::rule::{Segment, Template};
use crate::model::scenario::{Note, Scenario};
use crate::model::value::Value;

/// The most characters of one value shown inside an explanation; longer
/// values (a hostile organisation name) are cut, so text stays bounded.
const MAX_VALUE_CHARS: usize = 120;

/// A fact's value as a scenario would write it, or "unknown"; cut when long.
pub(crate) fn fact_value(law: &Law, s: &Scenario, f: FactId, lang: Lang) -> String {
    match s.get(f) {
        Some(v) => shorten_owned(law.vocab.display(f, v, s.text(f))),
        None => words(lang).unknown.to_owned(),
    }
}

/// Like [`shorten`], keeping `s` itself when it is short (no copy).
fn shorten_owned(s: String) -> String {
    if s.len() <= MAX_VALUE_CHARS {
        return s;
    }
    shorten(&s)
}

/// `s`, cut to [`MAX_VALUE_CHARS`] characters with an ellipsis.
pub(crate) fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_VALUE_CHARS {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(MAX_VALUE_CHARS).collect();
    out.push('…');
    out
}

fn fill(law: &Law, s: &Scenario, t: &Template, lang: Lang) -> String {
    let size = t
        .segments()
        .map(|seg| match seg {
            Segment::Text(x) => x.len(),
            Segment::Fact(_) => 16,
        })
        .sum();
    let mut out = String::with_capacity(size);
    for seg in t.segments() {
        match seg {
            Segment::Text(x) => out.push_str(x),
            Segment::Fact(f) => out.push_str(&fact_value(law, s, f, lang)),
        }
    }
    out
}

/// The facts in a set, by dotted name, in backticks, joined for a sentence.
pub(crate) fn fact_names(law: &Law, set: FactSet) -> String {
    set.iter()
        .map(|f| format!("`{}`", law.vocab.get(f).name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plain-language explanation of one rule's result.
pub(crate) fn explanation(s: &Scenario, e: &Evaluation<'_>, i: usize, lang: Lang) -> String {
    let law = e.law;
    let Some(rule) = law.rules.get(i) else {
        return String::new();
    };
    let r = e.result(i);
    if e.foreign {
        return words::foreign(lang).to_owned();
    }
    let version = r.version().and_then(|v| rule.versions.get(v));
    match (r.outcome, version) {
        (Outcome::NotInForce, _) => {
            let periods: Vec<String> = rule
                .versions
                .iter()
                .map(|v| super::period(&v.period, lang))
                .collect();
            words::not_in_force(lang, &e.date.to_string(), &periods.join(", "))
        }
        (Outcome::Undetermined, _) => {
            words::cannot_decide(lang, &fact_names(law, r.missing), r.missing.len())
        }
        (o, Some(v)) => {
            let chosen = crate::engine::case(e, s, i)
                .and_then(|c| v.explanation(o).and_then(|ex| ex.0.get(c)));
            match chosen {
                Some(case) => fill(law, s, case.text.get(lang), lang),
                None if o == Outcome::NotApplicable => words(lang).not_applicable.to_owned(),
                None => String::new(),
            }
        }
        _ => String::new(),
    }
}

/// A one-line reason for the verdict.
pub(crate) fn reason(s: &Scenario, e: &Evaluation<'_>, lang: Lang) -> String {
    let law = e.law;
    if e.foreign {
        return words::foreign(lang).to_owned();
    }
    match e.verdict {
        Verdict::NotEligible => {
            let failing: Vec<usize> = e.deciding(Outcome::Fail).collect();
            let Some(&first) = failing.first() else {
                return String::new();
            };
            let text = explanation(s, e, first, lang);
            if failing.len() == 1 {
                return text;
            }
            let others: Vec<&str> = failing[1..]
                .iter()
                .map(|&i| law.rules[i].id.0.as_str())
                .collect();
            format!("{text}{}", words::also_failing(lang, &others.join(", ")))
        }
        Verdict::Undetermined => {
            // Only the facts that keep a deciding rule open can change the verdict.
            let missing = e
                .deciding(Outcome::Undetermined)
                .fold(FactSet::EMPTY, |m, i| m.union(e.result(i).missing));
            words::undetermined_reason(lang, &fact_names(law, missing), missing.len())
        }
        Verdict::Eligible => words::eligible_reason(
            lang,
            &e.date.to_string(),
            e.law_version
                .and_then(|v| law.law_versions.get(v))
                .map(|v| v.title.of(lang)),
        ),
    }
}

/// The notes on the input, in `lang`.
pub(crate) fn notes(law: &Law, s: &Scenario, lang: Lang) -> Vec<String> {
    s.notes
        .iter()
        .map(|n| match n {
            Note::Unlisted {
                fact,
                text,
                suggestion,
            } => words::unlisted(
                lang,
                &law.vocab.get(*fact).name,
                &shorten(text),
                suggestion.as_deref(),
            ),
        })
        .collect()
}

/// A fact's value as JSON, the way a scenario file would write it.
pub(crate) fn fact_json(law: &Law, s: &Scenario, f: FactId) -> serde_json::Value {
    match s.get(f) {
        None => serde_json::Value::Null,
        Some(v @ Value::Sym(_)) => {
            serde_json::Value::String(shorten_owned(law.vocab.display(f, v, s.text(f))))
        }
        Some(v) => law.vocab.to_json(f, v, s.text(f)),
    }
}
