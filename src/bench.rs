//! `peacecoop bench`: timing inside one process, like `opa bench`, for rule
//! authors who want to know what a rule change costs.

use crate::error::{RulesetError, ScenarioError};
use crate::ruleset::RuleSet;
use std::time::Instant;

/// Medians of repeated runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenchReport {
    /// Evaluations timed.
    pub iterations: u32,
    /// Loading and validating the ruleset, microseconds (median).
    pub ruleset_load_us: f64,
    /// Parsing the scenario, microseconds (median).
    pub parse_us: f64,
    /// One evaluation with its full trace, nanoseconds (median over batches).
    pub evaluate_ns: f64,
    /// The 10th and 90th percentiles of the evaluation time, nanoseconds.
    pub evaluate_p10_p90_ns: (f64, f64),
}

/// Why a benchmark could not run.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The ruleset does not load.
    #[error("{0}")]
    Ruleset(#[from] RulesetError),
    /// The scenario does not parse.
    #[error("{0}")]
    Scenario(#[from] ScenarioError),
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Times loading (with `load`), parsing `text` and evaluating it `iterations` times.
pub fn bench(
    load: &dyn Fn() -> Result<RuleSet, RulesetError>,
    text: &str,
    file: &str,
    iterations: u32,
) -> Result<BenchReport, BenchError> {
    let iterations = iterations.max(1);
    let loads = iterations.clamp(5, 50);
    let mut load_us = Vec::new();
    let mut rs = load()?;
    for _ in 0..loads {
        let t = Instant::now();
        rs = load()?;
        load_us.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let mut parse_us = Vec::new();
    let mut scenario = rs.parse_scenario(text, file)?;
    for _ in 0..iterations.clamp(10, 1000) {
        let t = Instant::now();
        scenario = rs.parse_scenario(std::hint::black_box(text), file)?;
        parse_us.push(t.elapsed().as_secs_f64() * 1e6);
    }
    // Evaluations are timed in batches (up to 64), so the clock's own cost
    // does not count; exactly `iterations` evaluations run.
    let batch = (iterations / 20).clamp(1, 64);
    let mut eval_ns = Vec::new();
    let mut left = iterations;
    while left > 0 {
        let n = if left < 2 * batch { left } else { batch };
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(rs.evaluate(std::hint::black_box(&scenario)));
        }
        eval_ns.push(t.elapsed().as_secs_f64() * 1e9 / f64::from(n));
        left -= n;
    }
    let evaluate_ns = median(&mut eval_ns);
    let p = |q: f64| eval_ns[((eval_ns.len() - 1) as f64 * q).round() as usize];
    Ok(BenchReport {
        iterations,
        ruleset_load_us: median(&mut load_us),
        parse_us: median(&mut parse_us),
        evaluate_ns,
        evaluate_p10_p90_ns: (p(0.1), p(0.9)),
    })
}
