//! Odd but valid rule sets must not crash the analysis tools: extreme integer
//! thresholds, facts no rule compares, a fact varied twice.

use peacecoop::{Keep, Lang, MatrixError, RuleSet, WhatifOptions};

const RULES: &str = r#"
facts:
  - name: date
    type: date
    default: today
    description: { en: d, ja: d }
  - name: n
    type: int
    min: -9223372036854775808
    max: 9223372036854775807
    description: { en: a number, ja: 数 }
  - name: note
    type: text
    description: { en: a note no rule reads, ja: 注 }
law_versions:
  - id: "1"
    in_force_from: 1700-01-01
    title: { en: t, ja: t }
rules:
  - id: huge
    title: { en: huge, ja: 大 }
    kind: general
    require: { fact: n, at_least: 9223372036854775807 }
    cites: [x]
    explain: { pass: { en: ok, ja: 可 }, fail: { en: no, ja: 否 } }
  - id: tiny
    title: { en: tiny, ja: 小 }
    kind: general
    require: { fact: n, at_most: -9223372036854775808 }
    applies_if: { fact: n, is: 5 }
    cites: [x]
    explain: { pass: { en: ok, ja: 可 }, fail: { en: no, ja: 否 } }
"#;

fn ruleset() -> RuleSet {
    RuleSet::from_texts(&[("odd.yaml", RULES)]).expect("a valid, if odd, ruleset")
}

#[test]
fn extreme_thresholds_do_not_overflow() {
    let rs = ruleset();
    let s = rs
        .parse_scenario("name: s\nn: 3\nnote: hello\n", "s.yaml")
        .expect("scenario");
    let w = rs
        .whatif(&s, &WhatifOptions::new(2, Keep::Nothing), Lang::En)
        .expect("whatif");
    assert!(
        w.alternatives
            .iter()
            .any(|a| a.changes[0].to == serde_json::json!(i64::MAX)),
        "{w:?}"
    );
    let m = rs.matrix(&s, &["n".into()], Lang::En).expect("matrix");
    assert!(m.rows.len() >= 2);
    // The analysis of extreme thresholds ends, with findings or none.
    let _ = rs.analyse();
}

#[test]
fn a_fact_with_no_values_to_vary_is_an_error() {
    let rs = ruleset();
    let s = rs
        .parse_scenario("name: s\nn: 3\n", "s.yaml")
        .expect("scenario");
    assert!(matches!(
        rs.matrix(&s, &["note".into()], Lang::En),
        Err(MatrixError::NoValues { .. })
    ));
    assert!(matches!(
        rs.matrix(&s, &["n".into(), "n".into()], Lang::En),
        Err(MatrixError::Duplicate { .. })
    ));
}
