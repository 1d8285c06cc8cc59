//! A JSON Schema (draft 2020-12) of scenario files, derived from the
//! ruleset's fact declarations, so editors can complete and validate them.

use crate::model::Lang;
use crate::model::facts::{FactDefault, FactType};
use crate::model::ids::FactId;
use crate::model::law::Law;
use crate::model::outcome::Outcome;
use crate::ruleset::RuleSet;
use serde_json::{Map, Value, json};

fn fact_schema(law: &Law, i: usize) -> Value {
    let decl = &law.vocab.facts[i];
    let mut s = match &decl.ty {
        FactType::Bool => json!({ "type": ["boolean", "null"] }),
        FactType::Int { min, max } => {
            json!({ "type": ["integer", "null"], "minimum": min, "maximum": max })
        }
        FactType::Date => json!({
            "type": ["string", "null"],
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        }),
        FactType::Text => json!({
            "type": ["string", "null"],
            "minLength": 1,
            "examples": decl.symbols,
        }),
        FactType::Enum(vals) => {
            let mut names: Vec<Value> = vals.iter().map(|v| json!(v.name)).collect();
            names.push(Value::Null);
            json!({
                "enum": names,
                "enumDescriptions": vals.iter().map(|v| v.description.get(Lang::En).clone()).collect::<Vec<_>>(),
            })
        }
        FactType::List(vals) => json!({
            "type": ["array", "null"],
            "items": {
                "enum": vals.iter().map(|v| v.name.to_string()).collect::<Vec<_>>(),
                "enumDescriptions": vals.iter().map(|v| v.description.get(Lang::En).clone()).collect::<Vec<_>>(),
            },
        }),
    };
    let mut description = decl.description.get(Lang::En).to_string();
    if let Some(ja) = &decl.description.ja {
        description = format!("{description}\n\n{ja}");
    }
    s["description"] = json!(description);
    match &decl.default {
        Some(FactDefault::Value(v)) => {
            s["default"] = law.vocab.to_json(FactId(i as u16), *v, None);
        }
        Some(FactDefault::Today) => {
            s["description"] = json!(format!("{description}\n\nDefault: today."));
        }
        Some(FactDefault::ByReading(r, _)) => {
            let id = law.readings.get(*r).map_or("", |r| r.id.as_str());
            s["description"] = json!(format!(
                "{description}\n\nDefault: chosen by the reading `{id}`."
            ));
        }
        None => {}
    }
    s
}

impl RuleSet {
    /// A JSON Schema (draft 2020-12) of scenario files, from the fact declarations.
    pub fn scenario_schema(&self) -> Value {
        scenario_schema(&self.law)
    }
}

fn scenario_schema(law: &Law) -> Value {
    // Nested objects for dotted names: `conflict.ceasefire` lives under `conflict`.
    let mut root = Map::new();
    root.insert(
        "name".into(),
        json!({ "type": ["string", "number", "boolean"], "description": "A label for the scenario (required)." }),
    );
    let verdicts = json!(["eligible", "not_eligible", "undetermined"]);
    let outcomes: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
    let rule_ids: Vec<&str> = law.rules.iter().map(|r| r.id.0.as_str()).collect();
    let reading_ids: Vec<&str> = law.readings.iter().map(|r| r.id.as_str()).collect();
    let mut readings = Map::new();
    for r in &law.readings {
        readings.insert(
            r.id.to_string(),
            json!({
                "description": r.question.of(Lang::En),
                "enum": r.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
            }),
        );
    }
    let readings_schema = json!({
        "type": ["object", "null"],
        "additionalProperties": false,
        "propertyNames": { "enum": reading_ids },
        "properties": readings,
    });
    root.insert(
        "readings".into(),
        json!({
            "description": "Readings of contested points: the option this scenario takes (the command line's `--reading` wins).",
            "anyOf": [readings_schema],
        }),
    );
    let expectation = json!({
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "verdict": { "enum": verdicts },
            "rules": {
                "type": "object",
                "propertyNames": { "enum": rule_ids },
                "additionalProperties": { "enum": outcomes },
            },
            "readings": readings_schema,
        },
    });
    root.insert(
        "expect".into(),
        json!({
            "description": "The verdict you expect, a mapping with `verdict`, `rules` (rule id to outcome) and `readings`, or a list of such mappings (one per set of readings); `peacecoop test` checks it.",
            "anyOf": [
                { "type": "null" },
                { "enum": verdicts },
                expectation,
                { "type": "array", "items": expectation },
            ],
        }),
    );
    root.insert(
        "name".into(),
        json!({
            "description": "A label for the scenario (required): a text, or `{en: ..., ja: ...}`.",
            "anyOf": [
                { "type": ["string", "number", "boolean"] },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["en"],
                    "properties": { "en": { "type": "string" }, "ja": { "type": "string" } },
                },
            ],
        }),
    );
    for (i, f) in law.vocab.facts.iter().enumerate() {
        let parts: Vec<&str> = f.name.split('.').collect();
        insert(&mut root, &parts, fact_schema(law, i));
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "peacecoop scenario",
        "description": format!(
            "A mission's facts, evaluated against the rules of the {}. Generated by `peacecoop schema` from the ruleset's fact declarations.",
            law.about.act.of(Lang::En)
        ),
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": Value::Object(root),
    })
}

fn insert(props: &mut Map<String, Value>, path: &[&str], leaf: Value) {
    match path {
        [] => {}
        [last] => {
            props.insert((*last).to_owned(), leaf);
        }
        [head, rest @ ..] => {
            let group = props.entry((*head).to_owned()).or_insert_with(|| {
                json!({
                    "type": ["object", "null"],
                    "additionalProperties": false,
                    "properties": {},
                })
            });
            if let Some(Value::Object(inner)) = group.get_mut("properties") {
                insert(inner, rest, leaf);
            }
        }
    }
}
