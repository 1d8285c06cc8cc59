//! Truth tables: the verdict for every combination of the values of chosen
//! facts, the rest of the scenario held fixed.

use crate::facts::{FactId, FactType, Scenario, Value};
use crate::rule::{Condition, Test};
use crate::ruleset::RuleSet;
use crate::trace::{Outcome, Verdict};

/// The most rows a matrix may have.
pub const MAX_ROWS: usize = 100_000;

/// One varied dimension: a fact, or one item of a list fact (`tasks.kaketsuke_keigo`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dimension {
    /// The name as given (`conflict.ceasefire`, `tasks.kaketsuke_keigo`).
    pub name: String,
    /// The fact.
    pub fact: FactId,
    /// For a list item: its index.
    pub item: Option<u8>,
    /// The values it takes, with their labels.
    pub values: Vec<(Value, String)>,
}

/// One row: the values chosen (indices into each dimension's values) and the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index of the value of each dimension.
    pub choice: Vec<usize>,
    /// The verdict.
    pub verdict: Verdict,
    /// The deciding rules that fail.
    pub failed: Vec<usize>,
}

/// A truth table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// The varied dimensions, in the order given.
    pub dims: Vec<Dimension>,
    /// Every combination, first dimension slowest.
    pub rows: Vec<Row>,
}

/// Why a matrix cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MatrixError {
    /// A name is not a fact (or list item).
    #[error("unknown fact `{name}`{}", .suggestion.as_ref().map(|s| format!("\n  help: did you mean `{s}`?")).unwrap_or_default())]
    UnknownFact {
        /// The name given.
        name: String,
        /// The closest fact.
        suggestion: Option<String>,
    },
    /// A list fact was named without an item.
    #[error("`{name}` is a list: vary one item at a time, e.g. `{name}.{example}`")]
    WholeList {
        /// The list fact.
        name: String,
        /// An item.
        example: String,
    },
    /// Too many combinations.
    #[error("{rows} combinations is more than the limit of {limit}; vary fewer facts")]
    TooLarge {
        /// Rows requested.
        rows: usize,
        /// The limit.
        limit: usize,
    },
    /// Nothing to vary.
    #[error("name at least one fact to vary")]
    Empty,
    /// The fact has no values to try (a text no rule mentions, dates without law versions).
    #[error("`{name}` has no values to vary over: no rule compares it with anything")]
    NoValues {
        /// The fact.
        name: String,
    },
}

/// Resolves a dimension name against the vocabulary.
pub fn dimension(rs: &RuleSet, name: &str) -> Result<Dimension, MatrixError> {
    let vocab = &rs.vocab;
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
                .map(|(i, e)| (Value::Enum(i as u8), e.name.clone()))
                .collect(),
            FactType::Text => decl
                .symbols
                .iter()
                .enumerate()
                .map(|(i, s)| (Value::Sym(i as u32), s.clone()))
                .collect(),
            FactType::Date => rs
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
                    example: v.last().map(|e| e.name.clone()).unwrap_or_default(),
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
    let mut names: Vec<String> = vocab.facts.iter().map(|f| f.name.clone()).collect();
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
    let mut out = Vec::new();
    fn walk(c: &Condition, f: FactId, out: &mut Vec<i64>) {
        match c {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| walk(c, f, out)),
            Condition::Not(c) | Condition::Term(_, c) => walk(c, f, out),
            Condition::Fact {
                fact,
                test: Test::Cmp(_, n) | Test::Is(Value::Int(n)),
            } if *fact == f => {
                out.extend([*n, n.saturating_add(1)]);
            }
            _ => {}
        }
    }
    for r in &rs.rules {
        for v in &r.versions {
            walk(&v.applies_if, f, &mut out);
            if let Some(c) = &v.require {
                walk(c, f, &mut out);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Evaluates every combination of the dimensions' values.
pub fn matrix(rs: &RuleSet, s: &Scenario, names: &[String]) -> Result<Matrix, MatrixError> {
    if names.is_empty() {
        return Err(MatrixError::Empty);
    }
    let dims = names
        .iter()
        .map(|n| dimension(rs, n))
        .collect::<Result<Vec<_>, _>>()?;
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
    for n in 0..total {
        let mut k = n;
        let mut choice = vec![0; dims.len()];
        for (j, d) in dims.iter().enumerate().rev() {
            let len = d.values.len();
            choice[j] = k % len;
            k /= len;
        }
        let mut sc = s.clone();
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
        let e = rs.evaluate(&sc);
        let failed = e
            .with_outcome(Outcome::Fail)
            .filter(|&i| rs.rules[i].kind.decides())
            .collect();
        rows.push(Row {
            choice,
            verdict: e.verdict,
            failed,
        });
    }
    Ok(Matrix { dims, rows })
}
