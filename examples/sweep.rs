//! A what-if sweep as a policy tool would run it: one compiled ruleset shared
//! read-only by several threads, every date from 1992 to 2020 evaluated for a
//! mission, printing the days on which its verdict changes.
//!
//! Run with `cargo run --release --example sweep`.

use peacecoop::{Date, RuleSet, Verdict};
use std::sync::Arc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rules = Arc::new(RuleSet::embedded()?);
    let scenario = rules.read_scenario(
        "scenarios/unmiss-2016-kaketsuke-keigo.yaml".as_ref(),
        1 << 20,
    )?;
    let years: Vec<i32> = (1992..=2020).collect();
    let handles: Vec<_> = years
        .chunks(years.len().div_ceil(2))
        .map(|chunk| {
            let (rules, scenario, chunk) = (Arc::clone(&rules), scenario.clone(), chunk.to_vec());
            std::thread::spawn(move || {
                let mut out = Vec::new();
                for y in chunk {
                    for m in 1..=12 {
                        for d in [1, 15] {
                            let date = Date::new(y, m, d).expect("a real date");
                            let mut s = scenario.clone();
                            rules.set_date(&mut s, date);
                            out.push((date, rules.verdict(&s)));
                        }
                    }
                }
                out
            })
        })
        .collect();
    let mut all: Vec<(Date, Verdict)> = Vec::new();
    for h in handles {
        all.extend(h.join().map_err(|_| "a worker thread failed")?);
    }
    all.sort_by_key(|(d, _)| *d);
    println!("{}: verdict by date ({} dates)", scenario.name(), all.len());
    let mut last = None;
    for (d, v) in all {
        if last != Some(v) {
            println!("  from {d}: {v}");
            last = Some(v);
        }
    }
    Ok(())
}
