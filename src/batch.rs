//! Evaluating many scenario files at once, on every core, results in input order.

use crate::date::Date;
use crate::error::ScenarioError;
use crate::facts::Scenario;
use crate::ruleset::RuleSet;
use crate::trace::Evaluation;
use rayon::prelude::*;
use std::path::PathBuf;

/// One file's outcome in a batch.
pub type BatchItem = Result<(Scenario, Evaluation), ScenarioError>;

/// Reads and evaluates `paths` in parallel; the result is in the order of
/// `paths`, whatever the scheduling. `progress(done, total)` is called from
/// this thread after each chunk.
pub fn evaluate_files(
    rs: &RuleSet,
    paths: &[PathBuf],
    max_size: u64,
    date: Option<Date>,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<BatchItem> {
    let one = |p: &PathBuf| {
        rs.read_scenario(p, max_size).map(|mut s| {
            if let Some(d) = date {
                rs.set_date(&mut s, d);
            }
            let e = rs.evaluate(&s);
            (s, e)
        })
    };
    if paths.len() < 16 {
        // Not worth starting threads for.
        return paths.iter().map(one).collect();
    }
    let mut out = Vec::with_capacity(paths.len());
    for chunk in paths.chunks(1024) {
        out.extend(chunk.par_iter().map(one).collect::<Vec<_>>());
        progress(out.len(), paths.len());
    }
    out
}
