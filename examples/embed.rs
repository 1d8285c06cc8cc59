//! Embedding peacecoop in a policy tool: load the shipped rules once, evaluate
//! a scenario built in code, read the verdict and the failing rules.
//!
//! Run with `cargo run --example embed`.

use peacecoop::{Outcome, RuleSet, Verdict, render};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rules = RuleSet::embedded()?;
    let yaml = "\
name: Engineers for a UN mission after a collapsed ceasefire
date: 2010-06-01
operation: un_peacekeeping
basis: { kind: un_security_council_resolution }
un_command: true
conflict: { occurred: true, parties_remain: true, ceasefire: collapsed }
consent: { host: given, parties: given }
impartial: true
use_of_force: self_preservation
tasks: [engineering]
personnel: 350
";
    let scenario = rules.parse_scenario(yaml, "in-memory.yaml")?;
    let result = rules.evaluate(&scenario);
    println!("verdict: {}", result.verdict);
    for i in result.with_outcome(Outcome::Fail) {
        println!(
            "  fails {}: {}",
            rules.rules[i].id,
            render::explanation(&rules, &scenario, &result, i, peacecoop::Lang::Ja)
        );
    }
    // What would change if the parties agreed a new ceasefire?
    let mut fixed = scenario.clone();
    let ceasefire = rules
        .vocab
        .lookup("conflict.ceasefire")
        .ok_or("no such fact")?;
    fixed.set(ceasefire, Some(peacecoop::Value::Enum(0))); // `agreed`, the first declared value
    assert_eq!(rules.evaluate(&fixed).verdict, Verdict::Eligible);
    println!(
        "with a ceasefire agreed: {}",
        rules.evaluate(&fixed).verdict
    );
    Ok(())
}
