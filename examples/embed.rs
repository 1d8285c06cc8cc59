//! Embedding peacecoop in a policy tool: load the shipped rules once, build
//! a scenario in code, read the verdict, the failing rules and the reasons,
//! and ask what would have to change.
//!
//! Run with `cargo run --example embed`.

use peacecoop::{Lang, RuleSet, Verdict, WhatifOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rules = RuleSet::embedded()?;
    let mission = rules
        .build_scenario("Engineers for a UN mission after a collapsed ceasefire")
        .set("date", "2010-06-01")
        .set("operation", "un_peacekeeping")
        .set("basis.kind", "un_security_council_resolution")
        .set("un_command", true)
        .set("conflict.occurred", true)
        .set("conflict.ceasefire", "collapsed")
        .set("consent.host", "given")
        .set("consent.parties", "given")
        .set("impartial", true)
        .set("use_of_force", "self_preservation")
        .set("tasks", ["engineering"])
        .set("personnel", 350)
        .build()?;
    let evaluation = rules.evaluate(&mission);
    println!("verdict: {}", evaluation.verdict());
    let report = rules.report(&mission, &evaluation, Lang::Ja);
    for id in evaluation.failing() {
        if let Some(entry) = report.entry(id) {
            println!("  fails {id}: {}", entry.explanation);
        }
    }
    // What would have to change (the kind of mission and its date kept)?
    let whatif = rules.whatif(&mission, &WhatifOptions::default(), Lang::En)?;
    for a in &whatif.alternatives {
        let clauses: Vec<&str> = a.changes.iter().map(|c| c.clause.as_str()).collect();
        println!("  if {}", clauses.join(" and "));
    }
    // The same mission with a ceasefire agreed.
    let fixed = rules
        .build_scenario("The same, with a ceasefire agreed")
        .set("date", "2010-06-01")
        .set("operation", "un_peacekeeping")
        .set("basis.kind", "un_security_council_resolution")
        .set("un_command", true)
        .set("conflict.occurred", true)
        .set("conflict.ceasefire", "agreed")
        .set("consent.host", "given")
        .set("consent.parties", "given")
        .set("impartial", true)
        .set("use_of_force", "self_preservation")
        .set("tasks", ["engineering"])
        .set("personnel", 350)
        .build()?;
    assert_eq!(rules.verdict(&fixed), Verdict::Eligible);
    println!("with a ceasefire agreed: {}", rules.verdict(&fixed));
    Ok(())
}
