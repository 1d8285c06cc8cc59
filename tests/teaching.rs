//! The teaching tools as the library gives them: what-if alternatives really
//! give `eligible` and are minimal; history follows the amendments on the
//! real cases; truth tables and `explain` say what the rules say; Japanese
//! reaches every rule and fact.

use common::*;
use peacecoop::{Keep, Lang, MatrixError, Verdict, WhatifOptions};
use serde_json::Value;

mod common;

/// A shipped scenario as JSON, with dotted facts set to new values.
fn with_changes(rel: &str, changes: &[(&str, &Value)]) -> peacecoop::Scenario {
    let mut v: Value = serde_saphyr::from_str(&read(rel)).expect("valid YAML");
    for (fact, to) in changes {
        let mut at = &mut v;
        let parts: Vec<&str> = fact.split('.').collect();
        for p in &parts[..parts.len() - 1] {
            if at.get(*p).is_none_or(Value::is_null) {
                at[*p] = serde_json::json!({});
            }
            at = &mut at[*p];
        }
        at[parts[parts.len() - 1]] = (*to).clone();
    }
    rules()
        .scenario_from_json(&v)
        .expect("the changed scenario is valid")
}

#[test]
fn every_whatif_alternative_really_makes_the_mission_eligible_and_is_minimal() {
    let rs = rules();
    let mut checked = 0;
    for f in scenario_files() {
        let s = scenario(&f);
        for keep in [Keep::Frame, Keep::Nothing] {
            let w = rs
                .whatif(&s, &WhatifOptions::new(3, keep.clone()), Lang::En)
                .expect("whatif");
            assert!(!w.partial, "{f}: the search hit its bound");
            if w.verdict == Verdict::Eligible {
                assert!(w.alternatives.is_empty(), "{f}: eligible needs no change");
                continue;
            }
            for a in &w.alternatives {
                let changes: Vec<(&str, &Value)> =
                    a.changes.iter().map(|c| (c.fact.as_str(), &c.to)).collect();
                for c in &a.changes {
                    assert_ne!(c.from, c.to, "{f}: a change that changes nothing");
                    if keep == Keep::Frame {
                        assert!(!w.kept.contains(&c.fact), "{f}: a kept fact changed");
                    }
                }
                let changed = with_changes(&f, &changes);
                assert_eq!(rs.verdict(&changed), Verdict::Eligible, "{f}: {a:?}");
                // Minimal: dropping any one fact's change loses eligibility.
                for skip in 0..changes.len() {
                    let partial: Vec<(&str, &Value)> = changes
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != skip)
                        .map(|(_, c)| *c)
                        .collect();
                    let partial = with_changes(&f, &partial);
                    assert_ne!(
                        rs.verdict(&partial),
                        Verdict::Eligible,
                        "{f}: {a:?} is not minimal"
                    );
                }
                checked += 1;
            }
            // No alternative's changes include another's.
            for a in &w.alternatives {
                for b in &w.alternatives {
                    if a != b {
                        assert!(
                            !a.changes.iter().all(|c| b.changes.contains(c)),
                            "{f}: {a:?} is inside {b:?}"
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} alternatives checked");
}

fn single_changes(rel: &str, keep: Keep) -> Vec<String> {
    rules()
        .whatif(&scenario(rel), &WhatifOptions::new(2, keep), Lang::En)
        .expect("whatif")
        .alternatives
        .iter()
        .filter(|a| a.changes.len() == 1)
        .map(|a| a.changes[0].fact.clone())
        .collect()
}

#[test]
fn whatif_finds_the_textbook_fixes_and_keeps_the_kind_of_mission() {
    assert!(
        single_changes("scenarios/hypo-p1-no-ceasefire-1995.yaml", Keep::Frame)
            .contains(&"conflict.ceasefire".to_owned())
    );
    assert!(
        single_changes("scenarios/hypo-p3-partial-2005.yaml", Keep::Frame)
            .contains(&"impartial".to_owned())
    );
    // By default the date is kept: kaketsuke-keigo before 2016 is fixed by dropping the task.
    let kept = single_changes("scenarios/hypo-kaketsuke-keigo-2010.yaml", Keep::Frame);
    assert!(kept.contains(&"tasks".to_owned()), "{kept:?}");
    assert!(!kept.contains(&"date".to_owned()), "{kept:?}");
    // Freed, the date may move to 2016.
    let free = single_changes("scenarios/hypo-kaketsuke-keigo-2010.yaml", Keep::Nothing);
    assert!(free.contains(&"date".to_owned()), "{free:?}");
    // The answer is grouped by who would have to act.
    let w = rules()
        .whatif(
            &scenario("scenarios/hypo-p1-no-ceasefire-1995.yaml"),
            &WhatifOptions::default(),
            Lang::En,
        )
        .expect("whatif");
    let ceasefire = w
        .alternatives
        .iter()
        .find(|a| a.changes[0].fact == "conflict.ceasefire")
        .expect("a ceasefire");
    assert_eq!(ceasefire.side, "world");
    assert!(
        ceasefire.changes[0]
            .clause
            .contains("were `agreed` instead of `none`"),
        "{:?}",
        ceasefire.changes[0]
    );
    let bad = rules().whatif(
        &scenario(ELIGIBLE),
        &WhatifOptions::new(2, Keep::Facts(vec!["opration".into()])),
        Lang::En,
    );
    assert!(
        bad.expect_err("unknown fact")
            .help
            .unwrap_or_default()
            .contains("`operation`")
    );
}

#[test]
fn undetermined_scenarios_get_the_missing_values() {
    let w = rules()
        .whatif(
            &scenario(UNDETERMINED),
            &WhatifOptions::new(1, Keep::Frame),
            Lang::En,
        )
        .expect("whatif");
    let fill = w
        .alternatives
        .iter()
        .find(|a| a.changes[0].fact == "conflict.ceasefire")
        .expect("filling in the ceasefire");
    assert_eq!(fill.changes[0].from, Value::Null);
}

fn verdicts(rel: &str) -> Vec<&'static str> {
    rules()
        .history(&scenario(&format!("scenarios/{rel}")), Lang::En)
        .versions
        .iter()
        .map(|v| v.verdict.as_str())
        .collect()
}

#[test]
fn history_follows_the_amendments_on_the_real_cases() {
    const NE: &str = "not_eligible";
    const E: &str = "eligible";
    // Possible from 1992 on.
    assert_eq!(verdicts("untac-1992.yaml"), [E, E, E, E]);
    assert_eq!(verdicts("rwanda-refugee-relief-1994.yaml"), [E, E, E, E]);
    // Election observation became a pillar in 1998.
    assert_eq!(verdicts("bosnia-elections-1998.yaml"), [NE, E, E, E]);
    // Goods to UNHCR where the host is at war: the 1998 no-ceasefire rule.
    assert_eq!(verdicts("ukraine-unhcr-in-kind-2022.yaml"), [NE, E, E, E]);
    // PKF core tasks unfrozen in 2001.
    assert_eq!(verdicts("hypo-pkf-core-unfrozen-2003.yaml"), [NE, NE, E, E]);
    // Internationally coordinated operations and kaketsuke-keigo: 2016.
    assert_eq!(verdicts("mfo-sinai-2019.yaml"), [NE, NE, NE, E]);
    assert_eq!(verdicts("igad-in-kind-2019.yaml"), [NE, NE, NE, E]);
    assert_eq!(
        verdicts("unmiss-2016-kaketsuke-keigo.yaml"),
        [NE, NE, NE, E]
    );
    // Never possible.
    assert_eq!(verdicts("unosom-ii-1993.yaml"), [NE, NE, NE, NE]);
}

#[test]
fn history_names_the_rules_that_changed() {
    let h = rules().history(&scenario("scenarios/mfo-sinai-2019.yaml"), Lang::En);
    let changed: Vec<&str> = h.versions[3]
        .changed
        .iter()
        .map(|c| c.rule.as_str())
        .collect();
    assert!(changed.contains(&"operation-type-in-force"), "{changed:?}");
    assert_eq!(h.versions.len(), 4);
    assert_eq!(h.versions[0].law_version.id, "1992");
    assert_eq!(h.versions[0].failed[0], "operation-type-in-force");
    assert!(h.versions[3].current && !h.versions[0].current);
}

#[test]
fn the_truth_table_of_principles_one_to_three() {
    let rs = rules();
    let vary = ["conflict.ceasefire", "consent.parties", "impartial"].map(String::from);
    let m = rs
        .matrix(&scenario(ELIGIBLE), &vary, Lang::En)
        .expect("matrix");
    assert_eq!(m.rows.len(), 3 * 4 * 2);
    // Exactly one row is eligible: ceasefire agreed, parties' consent given, impartial.
    let eligible: Vec<_> = m
        .rows
        .iter()
        .filter(|r| r.verdict == Verdict::Eligible)
        .collect();
    assert_eq!(eligible.len(), 1);
    let labels: Vec<&str> = m
        .dims
        .iter()
        .zip(&eligible[0].choice)
        .map(|(d, &c)| d.values[c].as_str())
        .collect();
    assert_eq!(labels, ["agreed", "given", "true"]);
    let out = run(&[
        "matrix",
        ELIGIBLE,
        "--vary",
        "conflict.ceasefire,consent.parties,impartial",
        "--format",
        "csv",
    ]);
    assert!(
        out.stdout
            .starts_with("conflict.ceasefire,consent.parties,impartial,verdict,failing_rules\n")
    );
    assert_eq!(out.stdout.lines().count(), 25);
    assert!(matches!(
        rs.matrix(&scenario(ELIGIBLE), &["tasks".into()], Lang::En),
        Err(MatrixError::WholeList { .. })
    ));
}

#[test]
fn explain_gives_requirement_words_history_and_sources() {
    let rs = rules();
    let r = rs
        .explain("ceasefire-if-host-is-party", Lang::En)
        .expect("rule");
    assert!(r.versions.len() >= 2);
    assert_eq!(r.versions[0].from.as_deref(), Some("1992-08-10"));
    let all = serde_json::to_string(&r).expect("serializes");
    assert!(all.contains("`conflict.host_is_party` is `false`"), "{all}");
    assert!(
        all.contains("当該活動が行われる地域の属する国が紛争当事者である場合"),
        "{all}"
    );
    // Every citation of every rule resolves to a source with a title.
    for id in rs.rule_ids() {
        let e = rs.explain(id, Lang::En).expect("rule");
        for v in &e.versions {
            for c in &v.cites {
                assert!(!c.sources.is_empty(), "{id}: `{}` has no source", c.article);
                assert!(c.sources.iter().all(|s| !s.title.is_empty()), "{id}");
            }
        }
    }
    let ja = run(&["explain", "ceasefire-if-host-is-party", "--lang", "ja"]);
    assert!(
        ja.stdout.contains("施行期間") && ja.stdout.contains("出典"),
        "{}",
        ja.stdout
    );
}

#[test]
fn japanese_covers_every_rule_and_fact() {
    let rs = rules();
    assert!(rs.warnings().is_empty(), "{:#?}", rs.warnings());
    for f in rs.facts(Lang::Ja) {
        assert!(
            f.description.chars().any(|c| c > '\u{3000}'),
            "{} has no Japanese description",
            f.name
        );
    }
    let out = run(&["evaluate", NOT_ELIGIBLE, "--lang", "ja"]);
    assert!(out.stdout.contains("参加不可"), "{}", out.stdout);
    assert!(out.stdout.contains("停戦"), "{}", out.stdout);
}
