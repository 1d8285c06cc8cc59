//! `peacecoop bench`: timing inside one process, like `opa bench`, for rule
//! authors who want to know what a rule change costs. Medians of repeated runs.

use crate::cli::args::{Format, RulesSource};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::files::DEFAULT_MAX_SCENARIO_BYTES;
use crate::model::Lang;
use crate::ruleset::RuleSet;
use std::path::PathBuf;
use std::time::Instant;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop bench scenarios/unosom-ii-1993.yaml
  peacecoop bench scenarios/untac-1992.yaml --iterations 1000000 --format json
  peacecoop bench --rules my-rules/ scenarios/untac-1992.yaml

Reports medians: ruleset load (µs), scenario parse (µs), one evaluation with
its full trace and the verdict alone (ns, timed in batches of 64), and
building the report (µs).";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    scenario: PathBuf,
    /// How many evaluations to time.
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u32).range(1..=100_000_000))]
    iterations: u32,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    source: RulesSource,
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Times `f` in batches, so the clock's own cost does not count; per call, ns.
fn batches(iterations: u32, mut f: impl FnMut()) -> Vec<f64> {
    let batch = (iterations / 20).clamp(1, 64);
    let mut out = Vec::new();
    let mut left = iterations;
    while left > 0 {
        let n = if left < 2 * batch { left } else { batch };
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        out.push(t.elapsed().as_secs_f64() * 1e9 / f64::from(n));
        left -= n;
    }
    out
}

pub(crate) fn run(a: Args, io: &mut Io) -> u8 {
    let Some(rs) = a.source.load(io) else {
        return EXIT_BAD_INPUT;
    };
    let loaded = rs.load_file(
        &a.scenario,
        DEFAULT_MAX_SCENARIO_BYTES,
        crate::files::Kind::NamedScenario,
    );
    let scenario = match loaded.scenario {
        Ok(s) => s,
        Err(e) => {
            io.scenario_error(&e, loaded.text.as_deref());
            return EXIT_BAD_INPUT;
        }
    };
    let text = loaded.text.unwrap_or_default();
    let file = loaded.file;
    let iterations = a.iterations;
    let dir = a.source.rules.clone();
    let load = || match &dir {
        Some(d) => RuleSet::from_dir(d),
        None => RuleSet::embedded(),
    };
    let mut load_us = Vec::new();
    for _ in 0..iterations.clamp(5, 50) {
        let t = Instant::now();
        let r = load();
        load_us.push(t.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(r.is_ok());
    }
    let mut parse_us = Vec::new();
    for _ in 0..iterations.clamp(10, 1000) {
        let t = Instant::now();
        let r = rs.parse_scenario(std::hint::black_box(&text), &file);
        parse_us.push(t.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(r.is_ok());
    }
    let mut e = rs.evaluate(&scenario);
    let mut eval_ns = batches(iterations, || {
        rs.evaluate_into(std::hint::black_box(&scenario), &mut e);
        std::hint::black_box(&e);
    });
    let mut verdict_ns = batches(iterations, || {
        std::hint::black_box(rs.verdict(std::hint::black_box(&scenario)));
    });
    let mut report_us: Vec<f64> = batches(iterations.clamp(10, 2000), || {
        std::hint::black_box(rs.report(&scenario, &e, Lang::En));
    })
    .into_iter()
    .map(|ns| ns / 1000.0)
    .collect();
    let evaluate_ns = median(&mut eval_ns);
    let p = |q: f64| eval_ns[((eval_ns.len() - 1) as f64 * q).round() as usize];
    let (p10, p90) = (p(0.1), p(0.9));
    let (load_us, parse_us, verdict_ns, report_us) = (
        median(&mut load_us),
        median(&mut parse_us),
        median(&mut verdict_ns),
        median(&mut report_us),
    );
    match a.format {
        Format::Json => io.print(&format!(
            "{}\n",
            serde_json::json!({
                "iterations": iterations,
                "ruleset_load_us": load_us,
                "parse_us": parse_us,
                "evaluate_ns": evaluate_ns,
                "evaluate_p10_ns": p10,
                "evaluate_p90_ns": p90,
                "verdict_ns": verdict_ns,
                "report_us": report_us,
            })
        )),
        Format::Text => io.print(&format!(
            "{}\n  ruleset load     {load_us:>10.1} µs   (median)\n  scenario parse   {parse_us:>10.1} µs   (median)\n  evaluation       {evaluate_ns:>10.0} ns   (median of {iterations} runs in batches of 64; p10 {p10:.0}, p90 {p90:.0})\n  verdict only     {verdict_ns:>10.0} ns   (median)\n  report           {report_us:>10.1} µs   (median: explanations in words, readings checked)\n",
            crate::render::clean(&file)
        )),
    }
    EXIT_OK
}
