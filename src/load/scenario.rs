//! Scenario files: YAML into a typed [`Scenario`], checked against the vocabulary.

use super::*;

// ------------------------------------------------------------------ scenarios

/// Parses a scenario's YAML text against the ruleset's vocabulary.
pub fn parse_scenario(rules: &RuleSet, text: &str, file: &str) -> Result<Scenario, ScenarioError> {
    let node = yaml::parse(text).map_err(|e| ScenarioError::Syntax {
        location: at(file, e.pos.unwrap_or_default()),
        message: e.message,
    })?;
    let entries = match &node.value {
        Y::Map(m) => m,
        Y::Null => {
            return Err(ScenarioError::Empty {
                file: file.to_owned(),
            });
        }
        other => {
            return Err(ScenarioError::NotAMapping {
                location: at(file, node.pos),
                found: other.kind().to_owned(),
                context: String::new(),
            });
        }
    };
    let vocab = &rules.vocab;
    let mut sc = Scenario {
        name: String::new(),
        file: Some(file.to_owned()),
        values: vec![None; vocab.facts.len()],
        texts: Vec::new(),
        expect: None,
        unused: Vec::new(),
    };
    let mut mentioned = FactSet::EMPTY;
    let mut name = None;
    for (k, v) in entries {
        match k.name.as_str() {
            "name" => match &v.value {
                Y::Str(s) if !s.trim().is_empty() => name = Some(s.trim().to_owned()),
                Y::Int(_) | Y::Float(_) | Y::Bool(_) => name = Some(v.value.to_string()),
                _ => {
                    return Err(ScenarioError::InvalidValue {
                        location: at(file, v.pos),
                        key: "name".into(),
                        found: found(&v.value),
                        expected: "a non-empty text".into(),
                        hint: None,
                    });
                }
            },
            "expect" => match &v.value {
                Y::Null => {}
                Y::Str(s) if Verdict::parse(s).is_some() => sc.expect = Verdict::parse(s),
                other => {
                    let s = match other {
                        Y::Str(s) => suggest(s, ["eligible", "not_eligible", "undetermined"]),
                        _ => None,
                    };
                    return Err(ScenarioError::InvalidValue {
                        location: at(file, v.pos),
                        key: "expect".into(),
                        found: found(other),
                        expected: "one of `eligible`, `not_eligible`, `undetermined`".into(),
                        hint: s.map(|s| format!("did you mean `{s}`?")),
                    });
                }
            },
            _ => walk(vocab, file, "", k, v, &mut sc, &mut mentioned)?,
        }
    }
    sc.name = name.ok_or_else(|| ScenarioError::MissingName {
        file: file.to_owned(),
    })?;
    for (i, decl) in vocab.facts.iter().enumerate() {
        let id = FactId(i as u16);
        if sc.values[i].is_none()
            && let Some(d) = decl.default
        {
            sc.values[i] = Some(match d {
                FactDefault::Value(v) => v,
                FactDefault::Today => Value::Date(Date::today()),
            });
        }
        let _ = id;
    }
    let env = Env {
        scenario: &sc,
        results: &[],
    };
    let mut unused = Vec::new();
    for id in mentioned.iter() {
        if let Some(c) = &vocab.get(id).used_if {
            let mut m = FactSet::EMPTY;
            if eval_cond(c, &env, &mut m) == Tri::False {
                unused.push(id);
            }
        }
    }
    sc.unused = unused;
    Ok(sc)
}

fn walk(
    vocab: &Vocabulary,
    file: &str,
    prefix: &str,
    k: &Key,
    v: &Node,
    sc: &mut Scenario,
    mentioned: &mut FactSet,
) -> Result<(), ScenarioError> {
    let full = if prefix.is_empty() {
        k.name.clone()
    } else {
        format!("{prefix}.{}", k.name)
    };
    if let Some(id) = vocab.lookup(&full) {
        let mut decl = vocab.get(id).clone();
        match value_of(&mut decl, v, false) {
            Ok(val) => {
                sc.values[id.0 as usize] = val;
                if val.is_some() {
                    mentioned.insert(id);
                }
                if let (Some(Value::Sym(_)), Y::Str(s)) = (val, &v.value) {
                    sc.texts.push((id, s.trim().to_owned()));
                }
                Ok(())
            }
            Err(e) => Err(ScenarioError::InvalidValue {
                location: at(file, v.pos),
                key: full,
                found: e.found,
                expected: e.expected,
                hint: e.hint,
            }),
        }
    } else if vocab
        .facts
        .iter()
        .any(|f| f.name.starts_with(&format!("{full}.")))
    {
        match &v.value {
            Y::Null => Ok(()),
            Y::Map(m) => {
                for (k2, v2) in m {
                    walk(vocab, file, &full, k2, v2, sc, mentioned)?;
                }
                Ok(())
            }
            other => Err(ScenarioError::NotAMapping {
                location: at(file, v.pos),
                found: found(other),
                context: format!(" under `{full}`"),
            }),
        }
    } else {
        let here: Vec<String> = keys_at(vocab, prefix);
        let mut cands: Vec<&str> = here.iter().map(String::as_str).collect();
        if prefix.is_empty() {
            cands.extend(SCENARIO_META);
        }
        let suggestion = suggest(&k.name, cands.iter().copied());
        Err(ScenarioError::UnknownKey {
            location: at(file, k.pos),
            key: full,
            expected: ticks(&cands),
            suggestion,
        })
    }
}

/// The keys allowed directly under `prefix` (fact names or group names).
pub(crate) fn keys_at(vocab: &Vocabulary, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in &vocab.facts {
        let rest = if prefix.is_empty() {
            Some(f.name.as_str())
        } else {
            f.name.strip_prefix(&format!("{prefix}."))
        };
        if let Some(rest) = rest {
            let head = rest.split('.').next().unwrap_or(rest).to_owned();
            if !out.contains(&head) {
                out.push(head);
            }
        }
    }
    out
}
