//! Odd but valid rule sets must not crash the analysis tools: extreme integer
//! thresholds, facts no rule compares, scenarios from another ruleset.

use peacecoop::{RuleSet, Source, matrix, whatif};

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
    RuleSet::from_sources(&[Source {
        name: "odd.yaml".into(),
        text: RULES.into(),
    }])
    .expect("a valid, if odd, ruleset")
}

#[test]
fn extreme_thresholds_do_not_overflow() {
    let rs = ruleset();
    let s = rs
        .parse_scenario("name: s\nn: 3\nnote: hello\n", "s.yaml")
        .expect("scenario");
    let w = whatif::whatif(&rs, &s, 2);
    assert!(
        w.alternatives
            .iter()
            .any(|a| a.changes[0].to == peacecoop::Value::Int(i64::MAX))
    );
    let m = matrix::matrix(&rs, &s, &["n".into()]).expect("matrix");
    assert!(m.rows.len() >= 2);
    assert!(
        peacecoop::validate::analyse(&rs)
            .iter()
            .all(|d| d.code != "panic")
    );
}

#[test]
fn a_fact_with_no_values_to_vary_is_an_error() {
    let rs = ruleset();
    let s = rs
        .parse_scenario("name: s\nn: 3\n", "s.yaml")
        .expect("scenario");
    assert!(matches!(
        matrix::matrix(&rs, &s, &["note".into()]),
        Err(matrix::MatrixError::NoValues { .. })
    ));
}

#[test]
fn a_scenario_from_another_ruleset_does_not_crash() {
    let rs = ruleset();
    let shipped = RuleSet::embedded().expect("shipped rules");
    let other = shipped
        .read_scenario("scenarios/untac-1992.yaml".as_ref(), 1 << 20)
        .expect("scenario");
    // Nonsense, but no panic: facts are matched by position only.
    let _ = rs.evaluate(&other);
    let s = rs
        .parse_scenario("name: s\nn: 3\n", "s.yaml")
        .expect("scenario");
    let _ = shipped.evaluate(&s);
    let e = shipped.evaluate(&s);
    let _ = peacecoop::render::text::evaluation(&shipped, &s, &e);
}
