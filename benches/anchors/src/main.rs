//! Anchors for peacecoop's performance figures: how long other engines take
//! to decide a smaller equivalent question, in the same run on the same
//! machine. The question is five rules of the PKO Act (ceasefire agreed,
//! host and parties consent, impartial, use of force within
//! self-preservation, Act in force on the date), decided for UNTAC 1992
//! (`scenarios/untac-1992.yaml`):
//!
//! - Cedar (`cedar-policy`): one `permit` and five `forbid ... unless`
//!   policies over the request's context (`src/pko.cedar`);
//! - Rego (`regorus`), compiled to its virtual machine (RVM), and through
//!   its tree interpreter (`src/pko.rego`);
//! - a hand-written Rust function with the same logic;
//! - peacecoop's embedded ruleset (about thirty rules, every version of the
//!   Act): the verdict alone, and an evaluation with the trace of every rule.
//!
//! Inputs are prepared before timing (a request, an input value, a parsed
//! scenario): what is timed is the decision. Every decider is checked first
//! to say yes for UNTAC and no when its ceasefire has collapsed.
//!
//! Run: `cargo run --release` (in this folder); the figures are in the
//! repository README's performance section.

use cedar_policy::{Authorizer, Context, Decision, Entities, EntityUid, PolicySet, Request};
use peacecoop::{RuleSet, Verdict};
use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::RegoVM;
use std::hint::black_box;
use std::time::{Duration, Instant};

const CEDAR: &str = include_str!("pko.cedar");
const REGO: &str = include_str!("pko.rego");
const ENTRY: &str = "data.pko.eligible";
const UNTAC: &str = include_str!("../../../scenarios/untac-1992.yaml");

/// The mission's facts, as the anchors see them (UNTAC, 1992-09-08).
fn facts(ceasefire: &str) -> serde_json::Value {
    serde_json::json!({
        "date": 19920908,
        "ceasefire": ceasefire,
        "consent_host": "given",
        "consent_parties": "given",
        "impartial": true,
        "use_of_force": "self_preservation",
    })
}

// ------------------------------------------------------------ hand-written

// The values a scenario may give, as in `rules/facts.yaml` (not all are
// constructed here: the decider must not know which ones are).
#[allow(dead_code)]
#[derive(Clone, Copy, PartialEq)]
enum Ceasefire {
    Agreed,
    None,
    Collapsed,
}

#[allow(dead_code)]
#[derive(Clone, Copy, PartialEq)]
enum Consent {
    Given,
    OperationOnly,
    Absent,
    Withdrawn,
}

#[allow(dead_code)]
#[derive(Clone, Copy, PartialEq)]
enum Force {
    None,
    SelfPreservation,
    Mission,
    Enforcement,
}

#[derive(Clone, Copy)]
struct Mission {
    date: u32,
    ceasefire: Ceasefire,
    host: Consent,
    parties: Consent,
    impartial: bool,
    force: Force,
}

/// The five rules, and whether all hold.
#[inline(never)]
fn decide(m: &Mission) -> ([bool; 5], bool) {
    let rules = [
        m.ceasefire == Ceasefire::Agreed,
        m.host == Consent::Given && m.parties == Consent::Given,
        m.impartial,
        matches!(m.force, Force::None | Force::SelfPreservation),
        m.date >= 1992_08_10,
    ];
    (rules, rules.iter().all(|&r| r))
}

// ------------------------------------------------------------ timing

/// Median, p10 and p90 of the time per call, in nanoseconds: batches sized
/// to about 2 ms each, for about `budget` after a short warm-up.
fn time(budget: Duration, mut f: impl FnMut()) -> (f64, f64, f64) {
    let warm = Instant::now();
    let mut calls = 0u64;
    while warm.elapsed() < Duration::from_millis(200) {
        f();
        calls += 1;
    }
    let per_call = warm.elapsed().as_nanos() as f64 / calls as f64;
    let batch = ((2e6 / per_call) as u64).clamp(1, 1_000_000);
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < 20 || (start.elapsed() < budget && samples.len() < 10_000) {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        samples.push(t.elapsed().as_nanos() as f64 / batch as f64);
    }
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    (at(0.5), at(0.1), at(0.9))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let budget = Duration::from_secs(2);

    // Cedar.
    let policies: PolicySet = CEDAR.parse()?;
    let entities = Entities::empty();
    let authorizer = Authorizer::new();
    let cedar_request = |ceasefire: &str| -> Result<Request, Box<dyn std::error::Error>> {
        Ok(Request::new(
            r#"Mission::"untac-1992""#.parse::<EntityUid>()?,
            r#"Action::"dispatch""#.parse::<EntityUid>()?,
            r#"Act::"pko""#.parse::<EntityUid>()?,
            Context::from_json_value(facts(ceasefire), None)?,
            None,
        )?)
    };
    let request = cedar_request("agreed")?;
    let no = cedar_request("collapsed")?;
    let yes_no = (
        authorizer.is_authorized(&request, &policies, &entities),
        authorizer.is_authorized(&no, &policies, &entities),
    );
    assert_eq!(yes_no.0.decision(), Decision::Allow, "{:?}", yes_no.0);
    assert_eq!(yes_no.1.decision(), Decision::Deny, "{:?}", yes_no.1);

    // Rego: the RVM program, and the interpreter.
    let mut engine = regorus::Engine::new();
    engine.add_policy("pko.rego".into(), REGO.into())?;
    let compiled = engine.compile_with_entrypoint(&ENTRY.into())?;
    let program = Compiler::compile_from_policy(&compiled, &[ENTRY])?;
    let mut vm = RegoVM::new();
    vm.load_program(program);
    let input = regorus::Value::from_json_str(&facts("agreed").to_string())?;
    let input_no = regorus::Value::from_json_str(&facts("collapsed").to_string())?;
    vm.set_input(input_no.clone());
    assert_eq!(vm.execute()?, regorus::Value::from(false));
    vm.set_input(input.clone());
    assert_eq!(vm.execute()?, regorus::Value::from(true));
    engine.set_input(input_no.clone());
    assert_eq!(engine.eval_rule(ENTRY.into())?, regorus::Value::from(false));
    engine.set_input(input.clone());
    assert_eq!(engine.eval_rule(ENTRY.into())?, regorus::Value::from(true));

    // Hand-written.
    let mission = Mission {
        date: 1992_09_08,
        ceasefire: Ceasefire::Agreed,
        host: Consent::Given,
        parties: Consent::Given,
        impartial: true,
        force: Force::SelfPreservation,
    };
    assert!(decide(&mission).1);
    assert!(
        !decide(&Mission {
            ceasefire: Ceasefire::Collapsed,
            ..mission
        })
        .1
    );

    // peacecoop.
    let rules = RuleSet::embedded()?;
    let untac = rules.parse_scenario(UNTAC, "untac-1992.yaml")?;
    let collapsed = rules.parse_scenario(
        &UNTAC.replace("ceasefire: agreed", "ceasefire: collapsed"),
        "collapsed.yaml",
    )?;
    assert_eq!(rules.verdict(&untac), Verdict::Eligible);
    assert_eq!(rules.verdict(&collapsed), Verdict::NotEligible);
    assert_eq!(rules.evaluate(&collapsed).verdict(), Verdict::NotEligible);
    let mut evaluation = rules.evaluate(&untac);
    assert_eq!(evaluation.verdict(), Verdict::Eligible);
    let traced = evaluation.outcomes().count();

    let rows: Vec<(String, (f64, f64, f64))> = vec![
        (
            "hand-written Rust (5 rules)".into(),
            time(budget, || {
                black_box(decide(black_box(&mission)));
            }),
        ),
        (
            format!("peacecoop verdict only ({traced} rules, embedded)"),
            time(budget, || {
                black_box(rules.verdict(black_box(&untac)));
            }),
        ),
        (
            format!("peacecoop evaluation with trace ({traced} rules, reused buffer)"),
            time(budget, || {
                rules.evaluate_into(black_box(&untac), &mut evaluation);
                black_box(&evaluation);
            }),
        ),
        (
            format!("peacecoop evaluation with trace ({traced} rules, new buffer)"),
            time(budget, || {
                black_box(rules.evaluate(black_box(&untac)));
            }),
        ),
        (
            "Cedar is_authorized (6 policies)".into(),
            time(budget, || {
                black_box(authorizer.is_authorized(black_box(&request), &policies, &entities));
            }),
        ),
        (
            "regorus RVM set_input + execute (5 rules)".into(),
            time(budget, || {
                vm.set_input(input.clone());
                black_box(vm.execute().ok());
            }),
        ),
        (
            "regorus interpreter set_input + eval_rule (5 rules)".into(),
            time(budget, || {
                engine.set_input(input.clone());
                black_box(engine.eval_rule(ENTRY.into()).ok());
            }),
        ),
    ];

    println!("| decider | ns per decision (median) | p10 | p90 |");
    println!("|---|---:|---:|---:|");
    for (name, (median, p10, p90)) in &rows {
        println!("| {name} | {median:.0} | {p10:.0} | {p90:.0} |");
    }
    Ok(())
}
