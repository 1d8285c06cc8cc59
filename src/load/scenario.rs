//! Scenario files: YAML into a typed [`Scenario`], checked against the vocabulary.
//! Every problem in the file is reported, not only the first.

use super::*;

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
    let mut w = Walker {
        vocab,
        file,
        sc: Scenario {
            file: Some(file.to_owned()),
            ..Scenario::unknown("", vocab.facts.len())
        },
        mentioned: FactSet::EMPTY,
        errors: Vec::new(),
    };
    let mut name = None;
    for (k, v) in entries {
        match k.name.as_str() {
            "name" => match &v.value {
                Y::Str(s) if !s.trim().is_empty() => name = Some(s.trim().to_owned()),
                Y::Int(_) | Y::Float(_) | Y::Bool(_) => name = Some(v.value.to_string()),
                _ => w.errors.push(ScenarioError::InvalidValue {
                    location: at(file, v.pos),
                    key: "name".into(),
                    found: found(&v.value),
                    expected: "a non-empty text".into(),
                    hint: None,
                }),
            },
            "expect" => w.expect(rules, v),
            _ => w.walk("", k, v),
        }
    }
    if name.is_none() && w.errors.is_empty() {
        w.errors.push(ScenarioError::MissingName {
            file: file.to_owned(),
        });
    }
    let Walker {
        mut sc,
        mentioned,
        mut errors,
        ..
    } = w;
    let more = errors.len().saturating_sub(MAX_REPORTED);
    errors.truncate(MAX_REPORTED);
    match errors.len() {
        0 => {}
        1 => return Err(errors.remove(0)),
        _ => {
            return Err(ScenarioError::Several {
                file: file.to_owned(),
                errors,
                more,
            });
        }
    }
    sc.name = name.unwrap_or_default();
    for (i, decl) in vocab.facts.iter().enumerate() {
        if sc.values[i].is_none()
            && let Some(d) = decl.default
        {
            sc.values[i] = Some(match d {
                FactDefault::Value(v) => v,
                FactDefault::Today => Value::Date(Date::today()),
            });
        }
    }
    let env = Env {
        scenario: &sc,
        results: &[],
    };
    let mut unused = Vec::new();
    for id in mentioned.iter() {
        if let Some(c) = &vocab.get(id).used_if
            && eval_cond(c, &env, &mut FactSet::default()) == Tri::False
        {
            unused.push(id);
        }
    }
    sc.unused = unused;
    Ok(sc)
}

/// The most problems reported for one file; the rest are counted.
const MAX_REPORTED: usize = 20;

/// Walks the scenario's mapping, filling fact slots and collecting problems.
struct Walker<'a> {
    vocab: &'a Vocabulary,
    file: &'a str,
    sc: Scenario,
    mentioned: FactSet,
    errors: Vec<ScenarioError>,
}

impl Walker<'_> {
    /// `expect: verdict` or `expect: {verdict: ..., rules: {rule-id: outcome}}`.
    fn expect(&mut self, rules: &RuleSet, v: &Node) {
        let file = self.file;
        let verdict_of = |n: &Node| -> Result<Option<Verdict>, ScenarioError> {
            match &n.value {
                Y::Null => Ok(None),
                Y::Str(s) if Verdict::parse(s).is_some() => Ok(Verdict::parse(s)),
                other => {
                    let s = match other {
                        Y::Str(s) => suggest(s, ["eligible", "not_eligible", "undetermined"]),
                        _ => None,
                    };
                    Err(ScenarioError::InvalidValue {
                        location: at(file, n.pos),
                        key: "expect".into(),
                        found: found(other),
                        expected: "one of `eligible`, `not_eligible`, `undetermined`, or a mapping with `verdict` and `rules`".into(),
                        hint: s.map(|s| format!("did you mean `{s}`?")),
                    })
                }
            }
        };
        let Y::Map(entries) = &v.value else {
            match verdict_of(v) {
                Ok(x) => self.sc.expect = x,
                Err(e) => self.errors.push(e),
            }
            return;
        };
        for (k, n) in entries {
            match k.name.as_str() {
                "verdict" => match verdict_of(n) {
                    Ok(x) => self.sc.expect = x,
                    Err(e) => self.errors.push(e),
                },
                "rules" => {
                    let Y::Map(rs) = &n.value else {
                        self.errors.push(ScenarioError::NotAMapping {
                            location: at(file, n.pos),
                            found: found(&n.value),
                            context: " under `expect.rules`".into(),
                        });
                        continue;
                    };
                    for (rk, rv) in rs {
                        let Some(idx) = rules.rule(&rk.name) else {
                            let ids = rules.rules.iter().map(|r| r.id.0.as_str());
                            self.errors.push(ScenarioError::UnknownKey {
                                location: at(file, rk.pos),
                                key: format!("expect.rules.{}", rk.name),
                                expected: "the rule ids listed by `peacecoop rules`".into(),
                                suggestion: suggest(&rk.name, ids),
                            });
                            continue;
                        };
                        let outcome = match &rv.value {
                            Y::Str(s) => Outcome::ALL.iter().find(|o| o.as_str() == s).copied(),
                            _ => None,
                        };
                        match outcome {
                            Some(o) => self.sc.expect_rules.push((idx, o)),
                            None => self.errors.push(ScenarioError::InvalidValue {
                                location: at(file, rv.pos),
                                key: format!("expect.rules.{}", rk.name),
                                found: found(&rv.value),
                                expected: "one of `pass`, `fail`, `undetermined`, `not_applicable`, `not_in_force`".into(),
                                hint: match &rv.value {
                                    Y::Str(s) => suggest(s, Outcome::ALL.iter().map(|o| o.as_str()))
                                        .map(|s| format!("did you mean `{s}`?")),
                                    _ => None,
                                },
                            }),
                        }
                    }
                }
                other => {
                    self.errors.push(ScenarioError::UnknownKey {
                        location: at(file, k.pos),
                        key: format!("expect.{other}"),
                        expected: "`verdict`, `rules`".into(),
                        suggestion: suggest(other, ["verdict", "rules"]),
                    });
                }
            }
        }
    }

    fn walk(&mut self, prefix: &str, k: &Key, v: &Node) {
        let full = if prefix.is_empty() {
            k.name.clone()
        } else {
            format!("{prefix}.{}", k.name)
        };
        if let Some(id) = self.vocab.lookup(&full) {
            self.fact(id, full, v);
        } else if self
            .vocab
            .facts
            .iter()
            .any(|f| f.name.starts_with(&format!("{full}.")))
        {
            match &v.value {
                Y::Null => {}
                Y::Map(m) => {
                    for (k2, v2) in m {
                        self.walk(&full, k2, v2);
                    }
                }
                other => self.errors.push(ScenarioError::NotAMapping {
                    location: at(self.file, v.pos),
                    found: found(other),
                    context: format!(" under `{full}`"),
                }),
            }
        } else {
            let here: Vec<String> = keys_at(self.vocab, prefix);
            let mut cands: Vec<&str> = here.iter().map(String::as_str).collect();
            if prefix.is_empty() {
                cands.extend(SCENARIO_META);
            }
            let suggestion = suggest(&k.name, cands.iter().copied());
            self.errors.push(ScenarioError::UnknownKey {
                location: at(self.file, k.pos),
                key: full,
                expected: ticks(&cands),
                suggestion,
            });
        }
    }

    fn fact(&mut self, id: FactId, full: String, v: &Node) {
        let decl = self.vocab.get(id);
        match value_of(decl, v) {
            Ok(val) => {
                self.sc.values[id.0 as usize] = val;
                if val.is_some() {
                    self.mentioned.insert(id);
                }
                if let (Some(Value::Sym(sym)), Y::Str(s)) = (val, &v.value) {
                    let text = s.trim().to_owned();
                    if sym == OTHER_SYMBOL && !decl.symbols.is_empty() {
                        let hint = suggest(
                            &text.to_uppercase(),
                            decl.symbols.iter().map(String::as_str),
                        )
                        .map_or_else(|| ".".to_owned(), |s| format!("; did you mean `{s}`?"));
                        self.sc.notes.push(format!(
                            "`{full}` = `{text}` is not a name any rule lists, so it counts as an unlisted name{hint}"
                        ));
                    }
                    self.sc.texts.push((id, text));
                }
            }
            Err(e) => self.errors.push(ScenarioError::InvalidValue {
                location: at(self.file, e.pos.unwrap_or(v.pos)),
                key: full,
                found: e.found,
                expected: e.expected,
                hint: e.hint,
            }),
        }
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
