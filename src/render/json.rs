//! The JSON result (`--format json`), shape fixed by the contract.
//!
//! The result is a borrowed, serializable [`Report`]; writing it streams
//! straight to text without building a `serde_json::Value` first, which keeps
//! batches of thousands of scenarios fast.

use super::explanation;
use crate::facts::{FactId, FactSet, Scenario, Value};
use crate::rule::RuleKind;
use crate::ruleset::RuleSet;
use crate::text::Lang;
use crate::trace::{Evaluation, Outcome, Verdict};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq};

/// The version of the JSON shape; bumped only on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// One scenario's result, ready to serialize.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    schema_version: u32,
    scenario: ScenarioRef<'a>,
    date: String,
    law_version: Option<LawRef<'a>>,
    verdict: Verdict,
    reason: String,
    missing: Vec<&'a str>,
    expect: Option<Verdict>,
    steps: Vec<Step<'a>>,
    advisories: Vec<Step<'a>>,
    unused: Vec<&'a str>,
    notes: &'a [String],
    trace: Vec<Entry<'a>>,
}

#[derive(Debug, Serialize)]
struct ScenarioRef<'a> {
    name: &'a str,
    file: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct LawRef<'a> {
    id: &'a str,
    in_force_from: String,
    title: &'a str,
}

#[derive(Debug, Serialize)]
struct Step<'a> {
    rule: &'a str,
    title: &'a str,
    explanation: String,
    cites: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
struct Entry<'a> {
    rule: &'a str,
    title: &'a str,
    principle: Option<u8>,
    kind: &'static str,
    outcome: Outcome,
    explanation: String,
    facts: Facts<'a>,
    cites: Vec<&'a str>,
}

/// The facts a rule read, as a JSON object of dotted name to value (or null).
#[derive(Debug)]
struct Facts<'a> {
    rs: &'a RuleSet,
    s: &'a Scenario,
    set: FactSet,
}

impl Serialize for Facts<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut m = ser.serialize_map(None)?;
        for f in self.set.iter() {
            m.serialize_entry(&self.rs.vocab.get(f).name, &FactValue(self.rs, self.s, f))?;
        }
        m.end()
    }
}

#[derive(Debug)]
struct FactValue<'a>(&'a RuleSet, &'a Scenario, FactId);

impl Serialize for FactValue<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let FactValue(rs, s, f) = *self;
        match s.get(f) {
            None => ser.serialize_none(),
            Some(Value::Bool(b)) => ser.serialize_bool(b),
            Some(Value::Int(i)) => ser.serialize_i64(i),
            Some(Value::Set(bits)) => {
                let vals = rs.vocab.get(f).ty.values();
                let mut seq = ser.serialize_seq(None)?;
                for (i, v) in vals.iter().enumerate() {
                    if bits & (1 << i) != 0 {
                        seq.serialize_element(&v.name)?;
                    }
                }
                seq.end()
            }
            Some(v) => ser.serialize_str(&rs.vocab.display(f, v, s.text(f))),
        }
    }
}

/// One scenario's result, titles and explanations in `lang`, ready to serialize.
pub fn report<'a>(rs: &'a RuleSet, s: &'a Scenario, e: &'a Evaluation, lang: Lang) -> Report<'a> {
    let names = |set: FactSet| -> Vec<&'a str> {
        set.iter().map(|f| rs.vocab.get(f).name.as_str()).collect()
    };
    let mut trace = Vec::with_capacity(rs.rules.len());
    let mut steps = Vec::new();
    let mut advisories = Vec::new();
    for (i, rule) in rs.rules.iter().enumerate() {
        let r = e.results[i];
        let version = r.version.map(|v| &rule.versions[v as usize]);
        let cites: Vec<&str> = version
            .map(|v| v.cites.iter().map(|c| c.article.as_str()).collect())
            .unwrap_or_default();
        let text = explanation(rs, s, e, i, lang);
        let title = rule.title.get(lang).as_str();
        match (rule.kind, r.outcome) {
            (RuleKind::Procedure, Outcome::Pass) => steps.push(Step {
                rule: &rule.id.0,
                title,
                explanation: text.clone(),
                cites: cites.clone(),
            }),
            (RuleKind::Policy, Outcome::Fail) => advisories.push(Step {
                rule: &rule.id.0,
                title,
                explanation: text.clone(),
                cites: cites.clone(),
            }),
            _ => {}
        }
        trace.push(Entry {
            rule: &rule.id.0,
            title,
            principle: rule.principle,
            kind: rule.kind.keyword(),
            outcome: r.outcome,
            explanation: text,
            facts: Facts {
                rs,
                s,
                set: version.map_or(FactSet::EMPTY, |v| v.reads),
            },
            cites,
        });
    }
    Report {
        schema_version: SCHEMA_VERSION,
        scenario: ScenarioRef {
            name: &s.name,
            file: s.file.as_deref(),
        },
        date: e.date.to_string(),
        law_version: e.law_version.map(|v| {
            let lv = &rs.law_versions[v];
            LawRef {
                id: &lv.id,
                in_force_from: lv.in_force_from.to_string(),
                title: lv.title.get(lang),
            }
        }),
        verdict: e.verdict,
        reason: super::reason(rs, s, e, lang),
        missing: names(e.missing),
        expect: s.expect,
        steps,
        advisories,
        unused: s
            .unused
            .iter()
            .map(|f| rs.vocab.get(*f).name.as_str())
            .collect(),
        notes: &s.notes,
        trace,
    }
}

/// One scenario's result as a JSON value, explanations in English.
pub fn evaluation(rs: &RuleSet, s: &Scenario, e: &Evaluation) -> serde_json::Value {
    evaluation_in(rs, s, e, Lang::En)
}

/// One scenario's result as a JSON value, titles and explanations in `lang`.
pub fn evaluation_in(rs: &RuleSet, s: &Scenario, e: &Evaluation, lang: Lang) -> serde_json::Value {
    serde_json::to_value(report(rs, s, e, lang)).unwrap_or_default()
}
