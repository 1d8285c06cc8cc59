//! Scenarios: a positioned tree (from YAML, JSON or code) into a typed
//! [`Scenario`], checked against the vocabulary. Every problem in the input is
//! reported, not only the first. One walker serves every route, so the same
//! mission gives the same scenario whichever way it arrives.

use super::keys;
use super::reader::ticks;
use super::values::{found, value_of};
use crate::error::{Code, Diagnostic, ScenarioError, did_you_mean, suggest};
use crate::message::{Choices, Expected, Fixed, Found, Msg, Shape};
use crate::model::Location;
use crate::model::date::Date;
use crate::model::ids::FactId;
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::scenario::{Expectation, Given, Note, Scenario};
use crate::model::strings::Str;
use crate::model::text::Text;
use crate::model::value::{OTHER_SYMBOL, Value};
use crate::tree::{Key, Node, Pos, Value as Y};

/// The most problems reported for one input; the rest are counted.
const MAX_REPORTED: usize = 20;

/// Where a scenario comes from, for messages and for defaults.
pub(crate) struct Origin<'a> {
    /// The file name used in messages.
    pub file: &'a str,
    /// The vocabulary's fingerprint.
    pub key: u64,
    /// The date an omitted `date` takes.
    pub today: Date,
}

/// Parses a scenario's YAML text against the ruleset's vocabulary.
pub(crate) fn from_yaml(
    law: &Law,
    text: &str,
    origin: &Origin<'_>,
) -> Result<Scenario, ScenarioError> {
    let node = crate::yaml::parse(text).map_err(|e| {
        ScenarioError::one(Diagnostic::error(
            Code::YamlSyntax,
            loc(origin.file, e.pos.unwrap_or_default()),
            Msg::InvalidYaml {
                problem: Box::new(e.msg),
            },
        ))
    })?;
    from_tree(law, &node, origin)
}

/// Reads a scenario from a tree.
pub(crate) fn from_tree(
    law: &Law,
    node: &Node,
    origin: &Origin<'_>,
) -> Result<Scenario, ScenarioError> {
    let file = origin.file;
    let entries = match &node.value {
        Y::Map(m) => m,
        Y::Null => {
            return Err(ScenarioError::one(
                Diagnostic::error(Code::Empty, Location::file(file), Fixed::NoScenario)
                    .with_help(Some(Fixed::ScenarioShape.into())),
            ));
        }
        other => {
            return Err(ScenarioError::one(Diagnostic::error(
                Code::ExpectedMapping,
                loc(file, node.pos),
                Msg::NotAMapping {
                    under: None,
                    found: Found::Shape(Shape::of(other)),
                },
            )));
        }
    };
    let vocab = &law.vocab;
    let mut w = Walker {
        law,
        origin,
        sc: Scenario::blank(vocab, law.readings.len(), origin.today, origin.key),
        seen: vec![None; vocab.len()],
        errors: Vec::new(),
    };
    w.sc.file = Some(file.to_owned());
    let mut name = None;
    for (k, v) in entries {
        match k.name.as_str() {
            "name" => name = w.name(v),
            "expect" => w.expect(v),
            "readings" => w.readings(v),
            _ => w.walk("", k, v),
        }
    }
    if name.is_none() && w.errors.is_empty() {
        w.errors.push(
            Diagnostic::error(Code::MissingName, Location::file(file), Fixed::NoName)
                .with_help(Some(Fixed::AddName.into())),
        );
    }
    let Walker {
        mut sc,
        seen,
        mut errors,
        ..
    } = w;
    if !errors.is_empty() {
        let more = errors.len().saturating_sub(MAX_REPORTED);
        errors.truncate(MAX_REPORTED);
        return Err(ScenarioError {
            file: file.to_owned(),
            problems: errors,
            more,
        });
    }
    sc.name = name.unwrap_or_default();
    sc.resolve(vocab, &law.readings);
    // Facts given that do not matter for this operation.
    for (i, decl) in vocab.facts.iter().enumerate() {
        if seen[i].is_some()
            && let Some(c) = &decl.used_if
            && crate::engine::holds(law, &sc, c) == Some(false)
        {
            sc.unused.push(FactId(i as u16));
        }
    }
    Ok(sc)
}

fn loc(file: &str, pos: Pos) -> Location {
    Location::new(file, pos.line, pos.column)
}

/// Walks the input's mapping, filling fact slots and collecting problems.
struct Walker<'a> {
    law: &'a Law,
    origin: &'a Origin<'a>,
    sc: Scenario,
    /// Where each fact was given, to refuse the same fact twice.
    seen: Vec<Option<Pos>>,
    errors: Vec<Diagnostic>,
}

impl Walker<'_> {
    fn at(&self, pos: Pos) -> Location {
        loc(self.origin.file, pos)
    }

    fn invalid(
        &mut self,
        pos: Pos,
        key: &str,
        found: Found,
        expected: Expected,
        hint: Option<Msg>,
    ) {
        let d = Diagnostic::error(
            Code::InvalidValue,
            self.at(pos),
            Msg::InvalidValue {
                key: key.into(),
                found,
                expected,
            },
        )
        .with_help(hint);
        self.errors.push(d);
    }

    fn unknown_key(&mut self, pos: Pos, key: String, choices: Choices, suggestion: Option<String>) {
        let d = Diagnostic::error(
            Code::UnknownKey,
            self.at(pos),
            Msg::UnknownKey { key, choices },
        )
        .with_help(did_you_mean(suggestion));
        self.errors.push(d);
    }

    /// What was written (numbers as the source spells them: the tree keeps them so).
    fn found(&self, n: &Node) -> Found {
        found(&n.value)
    }

    /// `name: text` or `name: {en: ..., ja: ...}`.
    fn name(&mut self, v: &Node) -> Option<Text> {
        match &v.value {
            Y::Str(s) if !s.trim().is_empty() => Some(Text::en(s.trim())),
            Y::Int(_) | Y::Float(_) | Y::Bool(_) => Some(Text::en(v.value.to_string())),
            Y::Map(m) => {
                let mut t = Text::default();
                for (k, x) in m {
                    let s = match &x.value {
                        Y::Str(s) if !s.trim().is_empty() => s.trim().to_owned(),
                        _ => {
                            let f = self.found(x);
                            self.invalid(
                                x.pos,
                                &format!("name.{}", k.name),
                                f,
                                Expected::NonEmptyText,
                                None,
                            );
                            continue;
                        }
                    };
                    match k.name.as_str() {
                        "en" => t.en = s.into(),
                        "ja" => t.ja = Some(s.into()),
                        other => {
                            let s = suggest(other, keys::TEXT.iter().copied());
                            self.unknown_key(
                                k.pos,
                                format!("name.{other}"),
                                Choices::List(ticks(keys::TEXT)),
                                s,
                            );
                        }
                    }
                }
                if t.en.is_empty() {
                    self.invalid(v.pos, "name", Found::NoEn, Expected::TextOrPair, None);
                    return None;
                }
                Some(t)
            }
            _ => {
                let f = self.found(v);
                self.invalid(v.pos, "name", f, Expected::NonEmptyText, None);
                None
            }
        }
    }

    /// `readings: {id: option}`: the scenario's own choice of readings.
    fn readings(&mut self, v: &Node) {
        if let Some(choices) = self.reading_choices(v, "readings") {
            for (r, o) in choices {
                self.sc.chosen[r] = Some(o);
            }
        }
    }

    fn reading_choices(&mut self, v: &Node, key: &str) -> Option<Vec<(usize, u8)>> {
        let entries = match &v.value {
            Y::Map(m) => m,
            Y::Null => return Some(Vec::new()),
            other => {
                self.errors.push(Diagnostic::error(
                    Code::ExpectedMapping,
                    self.at(v.pos),
                    Msg::NotAMapping {
                        under: Some(key.into()),
                        found: Found::Shape(Shape::of(other)),
                    },
                ));
                return None;
            }
        };
        let mut out = Vec::new();
        for (k, o) in entries {
            let Some(r) = self.law.reading(&k.name) else {
                let ids: Vec<&str> = self.law.readings.iter().map(|r| r.id.as_str()).collect();
                let s = suggest(&k.name, ids.iter().copied());
                let expected = if ids.is_empty() {
                    Choices::NoReadings
                } else {
                    Choices::List(ticks(&ids))
                };
                self.unknown_key(k.pos, format!("{key}.{}", k.name), expected, s);
                continue;
            };
            let decl = &self.law.readings[r];
            let options: Vec<&str> = decl.options.iter().map(|o| o.id.as_str()).collect();
            match &o.value {
                Y::Str(s) if decl.option(s).is_some() => {
                    out.push((r, decl.option(s).unwrap_or(0)));
                }
                _ => {
                    let sug = match &o.value {
                        Y::Str(s) => suggest(s, options.iter().copied()),
                        _ => None,
                    };
                    let f = self.found(o);
                    let expected = Expected::OneOf(ticks(&options));
                    self.invalid(
                        o.pos,
                        &format!("{key}.{}", k.name),
                        f,
                        expected,
                        did_you_mean(sug),
                    );
                }
            }
        }
        Some(out)
    }

    /// `expect: verdict`, `expect: {verdict, rules, readings}` or a list of such mappings.
    fn expect(&mut self, v: &Node) {
        match &v.value {
            Y::Seq(items) => {
                for it in items {
                    if let Y::Map(_) = it.value {
                        self.expectation(it);
                    } else {
                        let f = self.found(it);
                        self.invalid(
                            it.pos,
                            "expect",
                            Found::InList(Box::new(f)),
                            Expected::ExpectMapping,
                            None,
                        );
                    }
                }
            }
            Y::Map(_) => self.expectation(v),
            _ => {
                if let Some(verdict) = self.verdict_of(v, "expect") {
                    self.sc.expect.push(Expectation {
                        verdict: Some(verdict),
                        ..Expectation::default()
                    });
                }
            }
        }
    }

    fn verdict_of(&mut self, n: &Node, key: &str) -> Option<Verdict> {
        match &n.value {
            Y::Null => None,
            Y::Str(s) if Verdict::parse(s).is_some() => Verdict::parse(s),
            other => {
                let s = match other {
                    Y::Str(s) => suggest(s, Verdict::ALL.iter().map(|v| v.as_str())),
                    _ => None,
                };
                let f = self.found(n);
                self.invalid(n.pos, key, f, Expected::Verdict, did_you_mean(s));
                None
            }
        }
    }

    fn expectation(&mut self, v: &Node) {
        let Y::Map(entries) = &v.value else { return };
        let mut e = Expectation::default();
        for (k, n) in entries {
            match k.name.as_str() {
                "verdict" => e.verdict = self.verdict_of(n, "expect"),
                "readings" => {
                    if let Some(c) = self.reading_choices(n, "expect.readings") {
                        e.readings = c;
                    }
                }
                "rules" => {
                    let Y::Map(rs) = &n.value else {
                        let f = self.found(n);
                        self.errors.push(Diagnostic::error(
                            Code::ExpectedMapping,
                            self.at(n.pos),
                            Msg::NotAMapping {
                                under: Some("expect.rules".into()),
                                found: f,
                            },
                        ));
                        continue;
                    };
                    for (rk, rv) in rs {
                        let Some(idx) = self.law.rule(&rk.name) else {
                            let ids = self.law.rules.iter().map(|r| r.id.0.as_str());
                            let s = suggest(&rk.name, ids);
                            self.unknown_key(
                                rk.pos,
                                format!("expect.rules.{}", rk.name),
                                Choices::RuleIds,
                                s,
                            );
                            continue;
                        };
                        let outcome = match &rv.value {
                            Y::Str(s) => Outcome::parse(s),
                            _ => None,
                        };
                        match outcome {
                            Some(o) => e.rules.push((idx, o)),
                            None => {
                                let hint = match &rv.value {
                                    Y::Str(s) => did_you_mean(suggest(
                                        s,
                                        Outcome::ALL.iter().map(|o| o.as_str()),
                                    )),
                                    _ => None,
                                };
                                let f = self.found(rv);
                                self.invalid(
                                    rv.pos,
                                    &format!("expect.rules.{}", rk.name),
                                    f,
                                    Expected::Outcome,
                                    hint,
                                );
                            }
                        }
                    }
                }
                other => {
                    let s = suggest(other, keys::EXPECT.iter().copied());
                    self.unknown_key(
                        k.pos,
                        format!("expect.{other}"),
                        Choices::List(ticks(keys::EXPECT)),
                        s,
                    );
                }
            }
        }
        self.sc.expect.push(e);
    }

    fn walk(&mut self, prefix: &str, k: &Key, v: &Node) {
        // Built by hand: `format!` cost more than the rest of a key's reading.
        let full: std::borrow::Cow<'_, str> = if prefix.is_empty() {
            std::borrow::Cow::Borrowed(&k.name)
        } else {
            let mut f = String::with_capacity(prefix.len() + 1 + k.name.len());
            f.push_str(prefix);
            f.push('.');
            f.push_str(&k.name);
            std::borrow::Cow::Owned(f)
        };
        let vocab = &self.law.vocab;
        if let Some(id) = vocab.lookup(&full) {
            self.fact(id, &full, k.pos, v);
        } else if is_group(vocab, &full) {
            match &v.value {
                Y::Null => {}
                Y::Map(m) => {
                    for (k2, v2) in m {
                        self.walk(&full, k2, v2);
                    }
                }
                other => {
                    let f = found(other);
                    self.errors.push(Diagnostic::error(
                        Code::ExpectedMapping,
                        self.at(v.pos),
                        Msg::NotAMapping {
                            under: Some(full.to_string()),
                            found: f,
                        },
                    ));
                }
            }
        } else if let Some((parent, last)) = full.rsplit_once('.')
            && prefix.is_empty()
            && is_group(vocab, parent)
        {
            // A dotted key whose group exists: suggest within the group.
            let cands: Vec<String> = keys_at(self.law, parent);
            let cands: Vec<&str> = cands.iter().map(String::as_str).collect();
            let suggestion = suggest(last, cands.iter().copied()).map(|s| format!("{parent}.{s}"));
            let expected = Choices::Under {
                parent: parent.to_owned(),
                list: ticks(&cands),
            };
            self.unknown_key(k.pos, full.into_owned(), expected, suggestion);
        } else {
            let mut cands: Vec<String> = keys_at(self.law, prefix);
            if prefix.is_empty() {
                cands.extend(keys::SCENARIO_META.iter().map(|s| (*s).to_owned()));
            }
            let cands: Vec<&str> = cands.iter().map(String::as_str).collect();
            let suggestion = suggest(&k.name, cands.iter().copied());
            self.unknown_key(
                k.pos,
                full.into_owned(),
                Choices::List(ticks(&cands)),
                suggestion,
            );
        }
    }

    fn fact(&mut self, id: FactId, full: &str, key_pos: Pos, v: &Node) {
        if let Some(first) = self.seen[id.index()] {
            let first_line = (first.line > 0).then_some(first.line);
            self.errors.push(
                Diagnostic::error(
                    Code::DuplicateKey,
                    self.at(key_pos),
                    Msg::GivenTwice {
                        key: full.to_owned(),
                        first_line,
                    },
                )
                .with_help(Some(Fixed::OnceEach.into())),
            );
            return;
        }
        self.seen[id.index()] = Some(key_pos);
        let decl = self.law.vocab.get(id);
        match value_of(decl, v) {
            Ok(Some(val)) => {
                self.sc.given[id.index()] = Given::Value(val);
                if let (Value::Sym(sym), Y::Str(s)) = (val, &v.value) {
                    let text = s.trim().to_owned();
                    if sym == OTHER_SYMBOL && !decl.symbols.is_empty() {
                        let suggestion =
                            suggest(&text.to_uppercase(), decl.symbols.iter().map(Str::as_str));
                        self.sc.notes.push(Note::Unlisted {
                            fact: id,
                            text: text.clone(),
                            suggestion,
                        });
                    }
                    self.sc.texts.push((id, text));
                }
            }
            Ok(None) => self.sc.given[id.index()] = Given::Null,
            Err(e) => {
                self.invalid(e.pos.unwrap_or(v.pos), full, e.found, e.expected, e.hint);
            }
        }
    }
}

/// Whether `name` is a group of facts (some fact is named `name.…`).
fn is_group(vocab: &crate::model::facts::Vocabulary, name: &str) -> bool {
    vocab.facts.iter().any(|f| {
        f.name
            .strip_prefix(name)
            .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// The keys allowed directly under `prefix` (fact names or group names).
pub(crate) fn keys_at(law: &Law, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in &law.vocab.facts {
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

/// Inserts `value` at a dotted name, nesting a mapping per part.
fn insert_dotted(
    map: &mut serde_json::Map<String, serde_json::Value>,
    name: &str,
    value: serde_json::Value,
) {
    match name.split_once('.') {
        None => {
            map.insert(name.to_owned(), value);
        }
        Some((head, rest)) => {
            let slot = map
                .entry(head)
                .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
            if !slot.is_object() {
                *slot = serde_json::Value::Object(serde_json::Map::new());
            }
            if let serde_json::Value::Object(m) = slot {
                insert_dotted(m, rest, value);
            }
        }
    }
}

/// A scenario as the JSON object [`from_tree`] reads: its name, the facts the
/// input gave (an explicit `null` kept, defaults not filled in), the readings
/// it chose and its expectations. Dotted fact names nest, as in a file.
pub(crate) fn to_json(law: &Law, s: &Scenario) -> serde_json::Value {
    use serde_json::{Map, Value as J};
    let mut out = Map::new();
    let name = match &s.name.ja {
        Some(ja) => serde_json::json!({"en": s.name.en.as_str(), "ja": ja.as_str()}),
        None => J::String(s.name.en.to_string()),
    };
    out.insert("name".into(), name);
    for (i, decl) in law.vocab.facts.iter().enumerate() {
        let id = FactId(i as u16);
        let value = match s.given.get(i) {
            Some(Given::Value(v)) => law.vocab.to_json(id, *v, s.text(id)),
            Some(Given::Null) => J::Null,
            _ => continue,
        };
        insert_dotted(&mut out, &decl.name, value);
    }
    let readings = |choices: &mut dyn Iterator<Item = (usize, u8)>| -> Map<String, J> {
        choices
            .filter_map(|(r, o)| {
                let d = law.readings.get(r)?;
                let o = d.options.get(usize::from(o))?;
                Some((d.id.to_string(), J::String(o.id.to_string())))
            })
            .collect()
    };
    let chosen = readings(
        &mut s
            .chosen
            .iter()
            .enumerate()
            .filter_map(|(r, o)| o.map(|o| (r, o))),
    );
    if !chosen.is_empty() {
        out.insert("readings".into(), J::Object(chosen));
    }
    let mut expect: Vec<Map<String, J>> = s
        .expect
        .iter()
        .map(|x| {
            let mut m = Map::new();
            if !x.readings.is_empty() {
                let r = readings(&mut x.readings.iter().copied());
                m.insert("readings".into(), J::Object(r));
            }
            if let Some(v) = x.verdict {
                m.insert("verdict".into(), J::String(v.as_str().into()));
            }
            if !x.rules.is_empty() {
                let rules = x
                    .rules
                    .iter()
                    .filter_map(|&(r, o)| {
                        let id = law.rules.get(r)?.id.0.to_string();
                        Some((id, J::String(o.as_str().into())))
                    })
                    .collect();
                m.insert("rules".into(), J::Object(rules));
            }
            m
        })
        .filter(|m| !m.is_empty())
        .collect();
    // One expectation is a mapping, or `expect: eligible` when it names a verdict alone.
    if let [one] = expect.as_mut_slice() {
        let one = std::mem::take(one);
        let v = match one.get("verdict") {
            Some(v) if one.len() == 1 => v.clone(),
            _ => J::Object(one),
        };
        out.insert("expect".into(), v);
    } else if !expect.is_empty() {
        let list = expect.into_iter().map(J::Object).collect();
        out.insert("expect".into(), J::Array(list));
    }
    J::Object(out)
}

#[cfg(test)]
mod tests {
    use crate::{Lang, RuleSet};

    /// Every shipped scenario survives the trip to JSON and back: same JSON,
    /// same report.
    #[test]
    fn shipped_scenarios_round_trip_through_json() {
        let rules = RuleSet::embedded().expect("embedded rules");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("scenarios/") {
            let path = entry.expect("entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            let a = rules.parse_scenario(&text, "a.yaml").expect("parses");
            let json = rules.scenario_json(&a);
            let mut b = rules.scenario_from_json(&json).expect("reads back");
            b.set_file("a.yaml");
            assert_eq!(rules.scenario_json(&b), json, "{}", path.display());
            for lang in Lang::ALL {
                let ra = rules.report(&a, &rules.evaluate(&a), lang);
                let rb = rules.report(&b, &rules.evaluate(&b), lang);
                assert_eq!(ra, rb, "{}", path.display());
            }
            n += 1;
        }
        assert!(n > 50, "only {n} scenarios");
    }

    #[test]
    fn explicit_null_and_expectations_are_kept() {
        let rules = RuleSet::embedded().expect("embedded rules");
        let s = rules
            .parse_scenario(
                "name: {en: x, ja: エックス}\nconflict: {ceasefire: null}\n\
                 readings: {parties-presumed: unknown}\n\
                 expect:\n  - {readings: {parties-presumed: remain}, verdict: eligible}\n  - {verdict: undetermined}\n",
                "x.yaml",
            )
            .expect("parses");
        assert_eq!(
            rules.scenario_json(&s),
            serde_json::json!({
                "name": {"en": "x", "ja": "エックス"},
                "conflict": {"ceasefire": null},
                "readings": {"parties-presumed": "unknown"},
                "expect": [
                    {"readings": {"parties-presumed": "remain"}, "verdict": "eligible"},
                    {"verdict": "undetermined"}
                ]
            })
        );
    }
}
