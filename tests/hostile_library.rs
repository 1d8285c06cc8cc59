//! The library given mismatched inputs: a scenario read with one ruleset
//! and evaluated, reported, varied or explained with another, or an
//! evaluation reported next to a scenario it did not come from. Nothing
//! panics; a scenario from another ruleset is never evaluated by mistake.

use peacecoop::{Keep, Lang, RuleSet, Verdict, WhatifOptions};

mod common;
use common::*;

/// A small ruleset with other facts than the shipped one.
const OTHER: &str = r#"
facts:
  - name: date
    type: date
    default: today
    description: { en: d, ja: d }
  - name: n
    type: int
    min: 0
    max: 10
    description: { en: a number, ja: 数 }
law_versions:
  - id: "1"
    in_force_from: 1700-01-01
    title: { en: t, ja: t }
rules:
  - id: big-enough
    title: { en: big enough, ja: 大 }
    kind: general
    require: { fact: n, at_least: 5 }
    cites: [x]
    explain: { pass: { en: "{n} is enough", ja: "{n}" }, fail: { en: "{n} is not", ja: "{n}" } }
"#;

fn other() -> RuleSet {
    RuleSet::from_texts(&[("other.yaml", OTHER)]).expect("the small ruleset loads")
}

#[test]
fn a_scenario_from_another_ruleset_is_never_evaluated_by_mistake() {
    let shipped = rules();
    let small = other();
    let s_shipped = scenario(ELIGIBLE);
    let s_small = small
        .parse_scenario("name: small\nn: 7\n", "small.yaml")
        .expect("valid for the small ruleset");
    for (rs, s) in [(&small, &s_shipped), (shipped, &s_small)] {
        let e = rs.evaluate(s);
        assert_eq!(e.verdict(), Verdict::Undetermined);
        assert_eq!(rs.verdict(s), Verdict::Undetermined);
        for lang in Lang::ALL {
            let r = rs.report(s, &e, lang);
            assert_eq!(r.verdict, Verdict::Undetermined);
            assert!(!r.reason.is_empty());
            let _ = peacecoop::render::text(&r, &peacecoop::render::TextOptions::default());
        }
        let _ = rs.history(s, Lang::En);
        let _ = rs.whatif(s, &WhatifOptions::new(2, Keep::Nothing), Lang::En);
        let _ = rs.readings_report(s, &[], Lang::En);
        let _ = rs.reports(std::slice::from_ref(s), Lang::Ja, true);
    }
}

#[test]
fn an_evaluation_reported_with_another_scenario_does_not_panic() {
    let shipped = rules();
    let small = other();
    let s_shipped = scenario(ELIGIBLE);
    let s_small = small
        .parse_scenario("name: small\nn: 7\n", "small.yaml")
        .expect("valid for the small ruleset");
    let e_shipped = shipped.evaluate(&s_shipped);
    let e_small = small.evaluate(&s_small);
    // Every pairing of ruleset, scenario and evaluation.
    for rs in [shipped, &small] {
        for s in [&s_shipped, &s_small] {
            for e in [&e_shipped, &e_small] {
                let r = rs.report(s, e, Lang::En);
                let _ = peacecoop::render::text(&r, &peacecoop::render::TextOptions::default());
                let r = rs.report_summary(s, e, Lang::Ja);
                let _ = peacecoop::render::text(&r, &peacecoop::render::TextOptions::default());
            }
        }
    }
}

#[test]
fn analyses_and_settings_on_a_foreign_scenario_do_not_panic() {
    let shipped = rules();
    let small = other();
    let mut s = scenario(ELIGIBLE);
    let before = shipped.report(&s, &shipped.evaluate(&s), Lang::En);
    let _ = small.matrix(&s, &["n".into()], Lang::En);
    let e = small
        .set_reading(&mut s, "no-such-reading", "x")
        .expect_err("refused");
    assert_eq!(e.code, peacecoop::Code::ForeignScenario);
    small.set_date(&mut s, "1985-01-01".parse().expect("a date"));
    // The shipped scenario is unchanged: still eligible, on its own date.
    let after = shipped.report(&s, &shipped.evaluate(&s), Lang::En);
    assert_eq!(after, before);
    assert_eq!(after.verdict, Verdict::Eligible);
    let s_small = small
        .parse_scenario("name: small\nn: 7\n", "small.yaml")
        .expect("valid");
    let _ = shipped.matrix(&s_small, &["impartial".into()], Lang::En);
    let _ = shipped.history(&s_small, Lang::En);
}

#[test]
fn the_analyses_refuse_a_scenario_from_another_ruleset() {
    let small = other();
    let s = scenario(ELIGIBLE);
    let e = small
        .whatif(&s, &WhatifOptions::default(), Lang::En)
        .expect_err("refused");
    assert_eq!(e.code, peacecoop::Code::ForeignScenario);
    let e = small
        .readings_report(&s, &[], Lang::En)
        .expect_err("refused");
    assert_eq!(e.code, peacecoop::Code::ForeignScenario);
    let s_small = small
        .parse_scenario("name: small\nn: 7\n", "small.yaml")
        .expect("valid");
    assert!(
        rules()
            .whatif(&s_small, &WhatifOptions::default(), Lang::En)
            .is_err()
    );
    // A rule the ruleset does not hold is explained as none, not a panic.
    assert!(small.explain("ceasefire-agreement", Lang::En).is_none());
    assert!(rules().explain("big-enough", Lang::Ja).is_none());
}
