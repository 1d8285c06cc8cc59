//! Truth tables: the verdict for every combination of the values of chosen
//! facts, the rest of the scenario held fixed.

use crate::message::{Fixed, Msg, Named};
use crate::model::Lang;
use crate::model::condition::Test;
use crate::model::facts::FactType;
use crate::model::ids::FactId;
use crate::model::outcome::Verdict;
use crate::model::scenario::Scenario;
use crate::model::value::Value;
use crate::report::shapes::{SCHEMA_VERSION, ScenarioRef};
use crate::ruleset::RuleSet;
use serde::{Deserialize, Serialize};

/// The most rows a matrix may have.
pub const MAX_ROWS: usize = 100_000;

/// One varied dimension: a fact, or one item of a list fact (`tasks.kaketsuke_keigo`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Dimension {
    /// The name as given (`conflict.ceasefire`, `tasks.kaketsuke_keigo`).
    name: String,
    /// The fact.
    fact: FactId,
    /// For a list item: its index.
    item: Option<u8>,
    /// The values it takes, with their labels.
    values: Vec<(Value, String)>,
}

/// A varied dimension as reported: its name and the labels of its values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Dim {
    /// The name as given.
    pub name: String,
    /// The values it takes (`with`/`without` for a list item).
    pub values: Vec<String>,
}

/// One row: the values chosen (indices into each dimension's values) and the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Row {
    /// Index of the value of each dimension.
    pub choice: Vec<usize>,
    /// The verdict.
    pub verdict: Verdict,
    /// The deciding rules that fail.
    pub failed: Vec<String>,
}

/// A truth table (`matrix --format json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MatrixReport {
    /// The version of this shape.
    pub schema_version: u32,
    /// Which scenario (the facts not varied keep its values).
    pub scenario: ScenarioRef,
    /// The varied dimensions, in the order given.
    pub dims: Vec<Dim>,
    /// Every combination, first dimension slowest.
    pub rows: Vec<Row>,
}

/// Why a matrix cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MatrixError {
    /// A name is not a fact (or list item).
    UnknownFact {
        /// The name given.
        name: String,
        /// The closest fact.
        suggestion: Option<String>,
    },
    /// A list fact was named without an item.
    WholeList {
        /// The list fact.
        name: String,
        /// An item.
        example: String,
    },
    /// Too many combinations.
    TooLarge {
        /// Rows requested.
        rows: usize,
        /// The limit.
        limit: usize,
    },
    /// Nothing to vary.
    Empty,
    /// The same fact named twice.
    Duplicate {
        /// The fact.
        name: String,
    },
    /// The fact has no values to try (a text no rule mentions, dates without law versions).
    NoValues {
        /// The fact.
        name: String,
    },
}

impl std::error::Error for MatrixError {}

impl std::fmt::Display for MatrixError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_in(crate::model::Lang::En))
    }
}

impl MatrixError {
    /// The problem, with its help line on a line of its own, in `lang`
    /// (`Display` gives the English).
    pub fn message_in(&self, lang: crate::model::Lang) -> String {
        let (problem, help) = self.msg();
        let mut out = problem.text(lang);
        if let Some(h) = help {
            let label = crate::message::label(lang, crate::message::Label::Help);
            out.push_str(&format!("\n  {label}: {}", h.text(lang)));
        }
        out
    }

    /// The problem and its help line, as messages to show in any language.
    pub(crate) fn msg(&self) -> (Msg, Option<Msg>) {
        match self {
            MatrixError::UnknownFact { name, suggestion } => (
                Msg::Unknown {
                    of: Named::Fact,
                    name: name.clone(),
                },
                crate::error::did_you_mean(suggestion.clone()),
            ),
            MatrixError::WholeList { name, example } => (
                Msg::WholeList {
                    name: name.clone(),
                    example: example.clone(),
                },
                None,
            ),
            MatrixError::TooLarge { rows, limit } => (
                Msg::MatrixTooLarge {
                    rows: *rows,
                    limit: *limit,
                },
                None,
            ),
            MatrixError::Empty => (Fixed::NameAFact.into(), None),
            MatrixError::Duplicate { name } => (Msg::VaryTwice { name: name.clone() }, None),
            MatrixError::NoValues { name } => (Msg::NoValues { name: name.clone() }, None),
        }
    }
}

/// Resolves a dimension name against the vocabulary.
fn dimension(rs: &RuleSet, name: &str) -> Result<Dimension, MatrixError> {
    let law = &rs.law;
    let vocab = &law.vocab;
    if let Some(f) = vocab.lookup(name) {
        let decl = vocab.get(f);
        let values: Vec<(Value, String)> = match &decl.ty {
            FactType::Bool => vec![
                (Value::Bool(false), "false".into()),
                (Value::Bool(true), "true".into()),
            ],
            FactType::Enum(v) => v
                .iter()
                .enumerate()
                .map(|(i, e)| (Value::Enum(i as u8), e.name.to_string()))
                .collect(),
            FactType::Text => decl
                .symbols
                .iter()
                .enumerate()
                .map(|(i, s)| (Value::Sym(i as u32), s.to_string()))
                .collect(),
            FactType::Date => law
                .law_versions
                .iter()
                .map(|v| (Value::Date(v.in_force_from), v.in_force_from.to_string()))
                .collect(),
            FactType::Int { min, max } => {
                let mut pts = thresholds(rs, f);
                pts.retain(|p| p >= min && p <= max);
                if pts.is_empty() {
                    pts.push(*min);
                }
                pts.into_iter()
                    .map(|p| (Value::Int(p), p.to_string()))
                    .collect()
            }
            FactType::List(v) => {
                return Err(MatrixError::WholeList {
                    name: name.to_owned(),
                    example: v.last().map(|e| e.name.to_string()).unwrap_or_default(),
                });
            }
        };
        if values.is_empty() {
            return Err(MatrixError::NoValues {
                name: name.to_owned(),
            });
        }
        return Ok(Dimension {
            name: name.to_owned(),
            fact: f,
            item: None,
            values,
        });
    }
    if let Some((list, item)) = name.rsplit_once('.')
        && let Some(f) = vocab.lookup(list)
        && let FactType::List(vals) = &vocab.get(f).ty
        && let Some(i) = vals.iter().position(|v| v.name == item)
    {
        return Ok(Dimension {
            name: name.to_owned(),
            fact: f,
            item: Some(i as u8),
            values: vec![
                (Value::Bool(false), "without".into()),
                (Value::Bool(true), "with".into()),
            ],
        });
    }
    let mut names: Vec<String> = vocab.facts.iter().map(|f| f.name.to_string()).collect();
    for f in &vocab.facts {
        if let FactType::List(vals) = &f.ty {
            names.extend(vals.iter().map(|v| format!("{}.{}", f.name, v.name)));
        }
    }
    Err(MatrixError::UnknownFact {
        name: name.to_owned(),
        suggestion: crate::error::suggest(name, names.iter().map(String::as_str)),
    })
}

/// The integers the rules compare a fact with, and their neighbours.
fn thresholds(rs: &RuleSet, f: FactId) -> Vec<i64> {
    let law = &rs.law;
    let mut tests = Vec::new();
    let mut seen = Vec::new();
    for r in &law.rules {
        for v in &r.versions {
            for c in std::iter::once(&v.applies_if).chain(v.require.as_ref()) {
                super::fact_tests(law, c, &mut tests, &mut seen);
            }
        }
    }
    let mut out = Vec::new();
    for (g, t) in tests {
        if let (true, Test::Cmp(_, n) | Test::Is(Value::Int(n))) = (g == f, t) {
            out.extend([n, n.saturating_add(1)]);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl RuleSet {
    /// The verdict for every combination of the values of the facts named in
    /// `vary` (a list item as `tasks.kaketsuke_keigo`), the rest of `s` fixed.
    pub fn matrix(
        &self,
        s: &Scenario,
        vary: &[String],
        lang: Lang,
    ) -> Result<MatrixReport, MatrixError> {
        if vary.is_empty() {
            return Err(MatrixError::Empty);
        }
        for (i, n) in vary.iter().enumerate() {
            if vary[..i].contains(n) {
                return Err(MatrixError::Duplicate { name: n.clone() });
            }
        }
        let dims = vary
            .iter()
            .map(|n| dimension(self, n))
            .collect::<Result<Vec<_>, _>>()?;
        for (i, d) in dims.iter().enumerate() {
            if dims[..i].iter().any(|o| {
                o.fact == d.fact && (o.item.is_none() || d.item.is_none() || o.item == d.item)
            }) {
                return Err(MatrixError::Duplicate {
                    name: d.name.to_string(),
                });
            }
        }
        let total = dims
            .iter()
            .try_fold(1usize, |acc, d| acc.checked_mul(d.values.len()))
            .unwrap_or(usize::MAX);
        if total > MAX_ROWS {
            return Err(MatrixError::TooLarge {
                rows: total,
                limit: MAX_ROWS,
            });
        }
        let mut rows = Vec::with_capacity(total);
        let mut sc = s.clone();
        let mut e = crate::engine::Evaluation::empty(&self.law);
        for n in 0..total {
            let mut k = n;
            let mut choice = vec![0; dims.len()];
            for (j, d) in dims.iter().enumerate().rev() {
                let len = d.values.len();
                choice[j] = k % len;
                k /= len;
            }
            sc.values.clone_from(&s.values);
            for (d, &c) in dims.iter().zip(&choice) {
                let (v, _) = d.values[c];
                match (d.item, v) {
                    (Some(i), Value::Bool(on)) => {
                        let cur = match sc.get(d.fact) {
                            Some(Value::Set(b)) => b,
                            _ => 0,
                        };
                        let new = if on { cur | (1 << i) } else { cur & !(1 << i) };
                        sc.set(d.fact, Some(Value::Set(new)));
                    }
                    _ => sc.set(d.fact, Some(v)),
                }
            }
            self.evaluate_into(&sc, &mut e);
            rows.push(Row {
                choice,
                verdict: e.verdict(),
                failed: e.failing().map(str::to_owned).collect(),
            });
        }
        Ok(MatrixReport {
            schema_version: SCHEMA_VERSION,
            scenario: ScenarioRef {
                name: s.name_in(lang).to_owned(),
                file: s.file.clone(),
            },
            dims: dims
                .into_iter()
                .map(|d| Dim {
                    name: d.name,
                    values: d.values.into_iter().map(|(_, l)| l).collect(),
                })
                .collect(),
            rows,
        })
    }
}
