//! The teaching tools: what-if alternatives really give `eligible` and are
//! minimal; history follows the amendments on the real cases; truth tables and
//! `explain` say what the rules say.

use peacecoop::{Lang, RuleSet, Scenario, Verdict, history, matrix, render, whatif};
use std::path::Path;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::embedded().expect("embedded rules load"))
}

fn scenario(file: &str) -> Scenario {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    rules()
        .read_scenario(&root.join("scenarios").join(file), 1 << 20)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn all_scenarios() -> Vec<Scenario> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    peacecoop::files::yaml_files(&root)
        .expect("scenarios")
        .iter()
        .map(|f| rules().read_scenario(f, 1 << 20).expect("valid"))
        .collect()
}

#[test]
fn every_whatif_alternative_really_makes_the_mission_eligible_and_is_minimal() {
    let rs = rules();
    let mut checked = 0;
    for s in all_scenarios() {
        let w = whatif::whatif(rs, &s, 3);
        if w.verdict == Verdict::Eligible {
            assert!(
                w.alternatives.is_empty(),
                "{}: eligible needs no change",
                s.name
            );
            continue;
        }
        for a in &w.alternatives {
            let mut changed = s.clone();
            for c in &a.changes {
                assert_ne!(
                    s.get(c.fact),
                    Some(c.to),
                    "{}: a change that changes nothing",
                    s.name
                );
                changed.set(c.fact, Some(c.to));
            }
            assert_eq!(
                rs.evaluate(&changed).verdict,
                Verdict::Eligible,
                "{}: {a:?}",
                s.name
            );
            assert!(a.size <= 3);
            checked += 1;
        }
        // Minimal: dropping any one fact's change loses eligibility.
        for a in &w.alternatives {
            for skip in 0..a.changes.len() {
                let mut partial = s.clone();
                for (j, c) in a.changes.iter().enumerate() {
                    if j != skip {
                        partial.set(c.fact, Some(c.to));
                    }
                }
                assert_ne!(
                    rs.evaluate(&partial).verdict,
                    Verdict::Eligible,
                    "{}: {a:?} is not minimal",
                    s.name
                );
            }
        }
        // No alternative's changes include another's.
        for a in &w.alternatives {
            for b in &w.alternatives {
                if a != b {
                    let contained = a.changes.iter().all(|c| b.changes.contains(c));
                    assert!(!contained, "{}: {a:?} is inside {b:?}", s.name);
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} alternatives checked");
}

#[test]
fn whatif_finds_the_textbook_fixes() {
    let rs = rules();
    let fact = |n: &str| rs.vocab.lookup(n).expect(n);
    let single = |file: &str| -> Vec<String> {
        whatif::whatif(rs, &scenario(file), 2)
            .alternatives
            .iter()
            .filter(|a| a.changes.len() == 1)
            .map(|a| rs.vocab.get(a.changes[0].fact).name.clone())
            .collect()
    };
    assert!(single("hypo-p1-no-ceasefire-1995.yaml").contains(&"conflict.ceasefire".to_owned()));
    assert!(single("hypo-p3-partial-2005.yaml").contains(&"impartial".to_owned()));
    assert!(single("hypo-kaketsuke-keigo-2010.yaml").contains(&"date".to_owned()));
    assert!(single("hypo-kaketsuke-keigo-2010.yaml").contains(&"tasks".to_owned()));
    // Keeping the date fixed leaves dropping the task (among others).
    let s = scenario("hypo-kaketsuke-keigo-2010.yaml");
    let w = whatif::whatif_keeping(rs, &s, 2, &[fact("date")]);
    assert!(
        w.alternatives
            .iter()
            .all(|a| a.changes.iter().all(|c| c.fact != fact("date")))
    );
    assert!(!w.alternatives.is_empty());
}

#[test]
fn undetermined_scenarios_get_the_missing_values() {
    let rs = rules();
    let s = scenario("hypo-undetermined-ceasefire-unknown-2005.yaml");
    let w = whatif::whatif(rs, &s, 1);
    let ceasefire = rs.vocab.lookup("conflict.ceasefire").expect("fact");
    let fill = w
        .alternatives
        .iter()
        .find(|a| a.changes[0].fact == ceasefire)
        .expect("filling in the ceasefire");
    assert_eq!(fill.changes[0].from, None);
}

fn verdicts(file: &str) -> Vec<&'static str> {
    history::history(rules(), &scenario(file))
        .iter()
        .map(|st| st.evaluation.verdict.as_str())
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
    let steps = history::history(rules(), &scenario("mfo-sinai-2019.yaml"));
    let changed_2016: Vec<&str> = steps[3]
        .changed
        .iter()
        .map(|(r, _, _)| rules().rules[*r].id.0.as_str())
        .collect();
    assert!(
        changed_2016.contains(&"operation-type-in-force"),
        "{changed_2016:?}"
    );
    let json = render::history::json(rules(), &scenario("mfo-sinai-2019.yaml"), &steps);
    assert_eq!(json["versions"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["versions"][0]["law_version"]["id"], "1992");
    assert_eq!(json["versions"][0]["failed"][0], "operation-type-in-force");
}

#[test]
fn the_truth_table_of_principles_one_to_three() {
    let rs = rules();
    let vary = ["conflict.ceasefire", "consent.parties", "impartial"].map(String::from);
    let m = matrix::matrix(rs, &scenario("untac-1992.yaml"), &vary).expect("matrix");
    assert_eq!(m.rows.len(), 3 * 4 * 2);
    // Exactly one row is eligible: ceasefire agreed, parties' consent given, impartial.
    let eligible: Vec<&matrix::Row> = m
        .rows
        .iter()
        .filter(|r| r.verdict == Verdict::Eligible)
        .collect();
    assert_eq!(eligible.len(), 1);
    let labels: Vec<&str> = m
        .dims
        .iter()
        .zip(&eligible[0].choice)
        .map(|(d, &c)| d.values[c].1.as_str())
        .collect();
    assert_eq!(labels, ["agreed", "given", "true"]);
    let csv = render::matrix::csv(rs, &m);
    assert!(
        csv.starts_with("conflict.ceasefire,consent.parties,impartial,verdict,failing_rules\n")
    );
    assert_eq!(csv.lines().count(), 25);
    assert!(matches!(
        matrix::matrix(rs, &scenario("untac-1992.yaml"), &["tasks".into()]),
        Err(matrix::MatrixError::WholeList { .. })
    ));
}

#[test]
fn explain_gives_requirement_words_and_history() {
    let rs = rules();
    let i = rs.rule("ceasefire-if-host-is-party").expect("rule");
    let en = render::explain::text(rs, &rs.rules[i], Lang::En);
    assert!(en.contains("In force 1992-08-10 to 1998-06-11"), "{en}");
    assert!(en.contains("In force from 1998-06-12"), "{en}");
    assert!(en.contains("`conflict.host_is_party` is `false`"), "{en}");
    assert!(
        en.contains("当該活動が行われる地域の属する国が紛争当事者である場合"),
        "{en}"
    );
    let ja = render::explain::text(rs, &rs.rules[i], Lang::Ja);
    assert!(ja.contains("施行期間"), "{ja}");
    let mermaid = render::explain::mermaid(rs, None, Lang::En);
    assert!(mermaid.starts_with("flowchart LR\n"));
    for (i, r) in rs.rules.iter().enumerate() {
        assert!(
            mermaid.contains(&format!("r{i}[\"{}<br/>", r.id)),
            "{} missing",
            r.id
        );
    }
    let id = |rule: &str| rs.rule(rule).expect(rule);
    let fact = |name: &str| rs.vocab.lookup(name).expect(name).0;
    // A rule reference, and a fact the rule reads.
    assert!(mermaid.contains(&format!(
        "r{} -.-> r{}",
        id("ceasefire-agreement"),
        id("withdrawal-triggered")
    )));
    assert!(mermaid.contains(&format!(
        "f{} --> r{}",
        fact("conflict.ceasefire"),
        id("ceasefire-agreement")
    )));
}

#[test]
fn japanese_covers_every_rule_and_fact() {
    let rs = rules();
    for r in &rs.rules {
        assert!(r.title.ja.is_some(), "{} has no Japanese title", r.id);
        for v in &r.versions {
            for (_, t) in v.pass.0.iter().chain(&v.fail.0).chain(&v.not_applicable.0) {
                assert!(t.ja.is_some(), "{}: an explanation has no Japanese", r.id);
            }
        }
    }
    for f in &rs.vocab.facts {
        assert!(
            f.description.ja.is_some(),
            "{} has no Japanese description",
            f.name
        );
    }
    let s = scenario("hypo-p1-no-ceasefire-1995.yaml");
    let e = rs.evaluate(&s);
    let text = render::text::evaluation_with(rs, &s, &e, render::text::Detail::Full, Lang::Ja);
    assert!(text.contains("参加不可"), "{text}");
    assert!(text.contains("停戦"), "{text}");
}
