//! Properties of evaluation over arbitrary scenarios drawn from the declared
//! fact domains and every combination of readings: the code generated for
//! the shipped rules gives exactly what the tree interpreter gives; evaluation is deterministic;
//! worsening a principle's fact never makes a mission eligible; filling in a
//! missing fact never turns `not_eligible` around; the verdict-only path
//! agrees with the full trace.

use super::interpret;
use crate::RuleSet;
use crate::model::date::Date;
use crate::model::facts::FactType;
use crate::model::ids::FactId;
use crate::model::outcome::Verdict;
use crate::model::scenario::Scenario;
use crate::model::value::{OTHER_SYMBOL, Value};
use proptest::prelude::*;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::embedded().expect("embedded rules load"))
}

/// Dates around every boundary of the law, plus ordinary ones.
const DATES: &[&str] = &[
    "1991-01-17",
    "1992-08-09",
    "1992-08-10",
    "1995-06-01",
    "1998-06-11",
    "1998-06-12",
    "1998-07-12",
    "2001-12-13",
    "2001-12-14",
    "2002-01-14",
    "2010-01-01",
    "2016-03-28",
    "2016-03-29",
    "2019-04-02",
    "2022-04-28",
];

/// Decodes one random number into a value of fact `i` (or unknown).
fn decode(rs: &RuleSet, i: usize, seed: u64) -> Option<Value> {
    if seed.is_multiple_of(5) {
        return None;
    }
    let x = seed >> 3;
    let decl = &rs.law.vocab.facts[i];
    Some(match &decl.ty {
        FactType::Bool => Value::Bool(x & 1 == 1),
        FactType::Enum(v) => Value::Enum((x % v.len() as u64) as u8),
        FactType::List(v) => Value::Set(x & ((1u64 << v.len()) - 1) & (x >> 17)),
        FactType::Int { min, max } => Value::Int((*min + (x % 3000) as i64).min(*max)),
        FactType::Date => Value::Date(
            DATES[(x % DATES.len() as u64) as usize]
                .parse::<Date>()
                .ok()?,
        ),
        FactType::Text => {
            let n = decl.symbols.len() as u64 + 1;
            let k = x % n;
            Value::Sym(if k + 1 == n { OTHER_SYMBOL } else { k as u32 })
        }
    })
}

fn scenario(seeds: &[u64], readings: u64) -> Scenario {
    let rs = rules();
    let law = &rs.law;
    let mut s = Scenario::blank(
        &law.vocab,
        law.readings.len(),
        Date::from_unix_days(0),
        law.key,
    );
    let mut r = readings;
    for (i, decl) in law.readings.iter().enumerate() {
        let k = decl.options.len() as u64;
        s.chosen[i] = Some((r % k) as u8);
        r /= k;
    }
    s.resolve(&law.vocab, &law.readings);
    for (i, seed) in seeds.iter().enumerate().take(law.vocab.len()) {
        s.values.set(i, decode(rs, i, *seed));
    }
    s
}

fn arb_scenario() -> impl Strategy<Value = Scenario> {
    let n = rules().law.vocab.len();
    (proptest::collection::vec(any::<u64>(), n), any::<u64>()).prop_map(|(s, r)| scenario(&s, r))
}

fn fact(name: &str) -> FactId {
    rules()
        .law
        .vocab
        .lookup(name)
        .unwrap_or_else(|| panic!("fact {name}"))
}

fn enum_value(name: &str, value: &str) -> Value {
    let decl = rules().law.vocab.get(fact(name));
    let i = decl.ty.values().iter().position(|v| v.name == value);
    Value::Enum(i.unwrap_or_else(|| panic!("{name} has no value {value}")) as u8)
}

/// (fact, better value, worse value) for each principle's key fact.
fn worsenings() -> Vec<(FactId, Value, Value)> {
    vec![
        (
            fact("conflict.ceasefire"),
            enum_value("conflict.ceasefire", "agreed"),
            enum_value("conflict.ceasefire", "none"),
        ),
        (
            fact("consent.host"),
            enum_value("consent.host", "given"),
            enum_value("consent.host", "withdrawn"),
        ),
        (
            fact("consent.parties"),
            enum_value("consent.parties", "given"),
            enum_value("consent.parties", "withdrawn"),
        ),
        (fact("impartial"), Value::Bool(true), Value::Bool(false)),
        (
            fact("use_of_force"),
            enum_value("use_of_force", "self_preservation"),
            enum_value("use_of_force", "enforcement"),
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, max_global_rejects: 1_000_000, ..ProptestConfig::default() })]

    #[test]
    fn generated_code_agrees_with_the_tree_interpreter(s in arb_scenario()) {
        let rs = rules();
        let fast = rs.evaluate(&s);
        prop_assert!(rs.native, "the shipped rules must run on the generated code");
        let slow = interpret::evaluate(&rs.law, &s);
        prop_assert_eq!(&fast.results, &slow.results);
        prop_assert_eq!(fast.verdict, slow.verdict);
        prop_assert_eq!(fast.missing, slow.missing);
        prop_assert_eq!(fast.consulted.union(slow.consulted), fast.consulted,
            "the compiled evaluation must list every reading the interpreter consulted");
        prop_assert_eq!(rs.verdict(&s), fast.verdict, "the verdict-only path disagrees");
        prop_assert_eq!(interpret::verdict_consulting(&rs.law, &s).0, fast.verdict,
            "the interpreter's verdict-only path disagrees");
    }

    #[test]
    fn evaluation_is_deterministic_and_traces_every_rule_once(s in arb_scenario()) {
        let rs = rules();
        let a = rs.evaluate(&s);
        let b = rs.evaluate(&s);
        prop_assert_eq!(&a, &b);
        let report = rs.report(&s, &a, crate::Lang::En);
        let ids: Vec<&str> = report.trace.iter().map(|t| t.rule.as_str()).collect();
        let expected: Vec<&str> = rs.rule_ids().collect();
        prop_assert_eq!(ids, expected);
    }

    #[test]
    fn worsening_a_principle_never_makes_a_mission_eligible(s in arb_scenario()) {
        let rs = rules();
        let before = rs.verdict(&s);
        for (f, better, worse) in worsenings() {
            let mut good = s.clone();
            good.set(f, Some(better));
            let mut bad = s.clone();
            bad.set(f, Some(worse));
            let (vg, vb) = (rs.verdict(&good), rs.verdict(&bad));
            prop_assert!(vb != Verdict::Eligible || vg == Verdict::Eligible,
                "worsening {} made the mission eligible", rs.law.vocab.get(f).name);
            if s.get(f) == Some(better) {
                prop_assert!(vb != Verdict::Eligible || before == Verdict::Eligible);
            }
        }
    }

    #[test]
    fn filling_in_a_missing_fact_keeps_not_eligible(s in arb_scenario(), pick in any::<u64>(), seed in any::<u64>()) {
        let rs = rules();
        prop_assume!(rs.verdict(&s) == Verdict::NotEligible);
        let unknown: Vec<usize> = (0..rs.law.vocab.len()).filter(|&i| s.values.get(i).is_none()).collect();
        prop_assume!(!unknown.is_empty());
        let i = unknown[(pick % unknown.len() as u64) as usize];
        let Some(value) = decode(rs, i, seed) else { return Ok(()) };
        let mut filled = s.clone();
        filled.values.set(i, Some(value));
        prop_assert_eq!(rs.verdict(&filled), Verdict::NotEligible,
            "filling {} changed a not_eligible verdict", rs.law.vocab.get(FactId(i as u16)).name);
    }

    #[test]
    fn undetermined_verdicts_name_their_missing_facts(s in arb_scenario()) {
        let rs = rules();
        let e = rs.evaluate(&s);
        if e.verdict == Verdict::Undetermined {
            prop_assert!(e.missing().next().is_some());
            for f in e.missing.iter() {
                prop_assert!(s.get(f).is_none(), "missing lists a known fact");
            }
        }
    }
}
