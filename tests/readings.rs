//! Readings of contested points as inputs: chosen on the command line, in
//! the scenario file or in code (the command line wins, then the scenario,
//! then the default); `readings` reports the deciding readings exactly, which
//! a brute force over every combination of every reading checks for every
//! shipped scenario; `depends_on_readings` agrees with it.

use common::*;
use peacecoop::{Lang, RuleSet, Verdict};
use std::collections::BTreeSet;

mod common;

/// Every reading's id and options.
fn all_readings(rs: &RuleSet) -> Vec<(String, Vec<String>)> {
    rs.readings(Lang::En)
        .into_iter()
        .map(|r| (r.id, r.options.into_iter().map(|o| o.id).collect()))
        .collect()
}

/// The verdict of `rel` under every combination of every reading.
fn brute_force(
    rs: &RuleSet,
    rel: &str,
    all: &[(String, Vec<String>)],
) -> Vec<(Vec<usize>, Verdict)> {
    let total: usize = all.iter().map(|(_, o)| o.len()).product();
    let base = scenario(rel);
    (0..total)
        .map(|mut n| {
            let mut s = base.clone();
            let mut choice = vec![0; all.len()];
            for (j, (id, options)) in all.iter().enumerate().rev() {
                choice[j] = n % options.len();
                n /= options.len();
                rs.set_reading(&mut s, id, &options[choice[j]])
                    .expect("a declared option");
            }
            (choice, rs.verdict(&s))
        })
        .collect()
}

#[test]
fn deciding_readings_are_exact_for_every_shipped_scenario() {
    let rs = rules();
    let all = all_readings(rs);
    assert!(all.len() >= 6);
    let mut depending = 0;
    // Every reading decides the verdict of at least one shipped scenario.
    let mut deciding_somewhere = BTreeSet::new();
    for f in scenario_files() {
        let table = brute_force(rs, &f, &all);
        // R decides when two combinations that differ only in R differ in verdict.
        let mut truth = BTreeSet::new();
        for (a, va) in &table {
            for (b, vb) in &table {
                let differ: Vec<usize> = (0..all.len()).filter(|&j| a[j] != b[j]).collect();
                if va != vb && differ.len() == 1 {
                    truth.insert(all[differ[0]].0.clone());
                }
            }
        }
        let s = scenario(&f);
        let report = rs.readings_report(&s, &[], Lang::En).expect("bounded");
        let got: BTreeSet<String> = report.deciding.iter().cloned().collect();
        assert_eq!(got, truth, "{f}");
        deciding_somewhere.extend(truth.iter().cloned());
        assert_eq!(
            report.robust,
            table.iter().all(|(_, v)| *v == table[0].1),
            "{f}"
        );
        // `depends_on_readings`: another option of R, the others as in effect, changes the verdict.
        let e = rs.evaluate(&s);
        let r = rs.report(&s, &e, Lang::En);
        for id in &r.depends_on_readings {
            assert!(
                truth.contains(id),
                "{f}: depends on `{id}` but it never decides"
            );
        }
        if !r.depends_on_readings.is_empty() {
            depending += 1;
        }
    }
    assert!(
        depending >= 6,
        "only {depending} scenarios depend on a reading"
    );
    for (id, _) in &all {
        assert!(
            deciding_somewhere.contains(id),
            "no shipped scenario's verdict depends on the reading `{id}`"
        );
    }
}

#[test]
fn whatif_history_and_matrix_honour_the_chosen_readings() {
    let rel = "scenarios/unmiss-2011.yaml";
    let text = ["--reading", "parties-gone-before-2016=text"];
    // whatif: eligible by default (no alternatives); under `text` it needs changes.
    let plain = run(&["whatif", rel, "--format", "json"]);
    assert_code(&plain, 0);
    let chosen = run(&[&["whatif", rel, "--format", "json"][..], &text[..]].concat());
    assert_code(&chosen, 1);
    assert_eq!(chosen.json()["verdict"], "not_eligible");
    assert!(
        chosen.json()["alternatives"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    // history: 1992-2001 versions flip under `text`.
    let verdicts = |out: &Out| -> Vec<String> {
        out.json()["versions"]
            .as_array()
            .expect("versions")
            .iter()
            .map(|v| v["verdict"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let plain = run(&["history", rel, "--format", "json"]);
    let chosen = run(&[&["history", rel, "--format", "json"][..], &text[..]].concat());
    assert_eq!(verdicts(&plain), ["eligible"; 4]);
    assert_eq!(
        verdicts(&chosen),
        ["not_eligible", "not_eligible", "not_eligible", "eligible"]
    );
    // matrix: every row under `text` is not eligible while the parties are gone.
    let args = ["matrix", rel, "--vary", "impartial", "--format", "csv"];
    let plain = run(&args);
    assert!(plain.stdout.contains("true,eligible"), "{}", plain.stdout);
    let chosen = run(&[&args[..], &text[..]].concat());
    assert!(
        chosen.stdout.contains("true,not_eligible"),
        "{}",
        chosen.stdout
    );
    // A scenario file's `readings:` is honoured by the analyses too.
    let tmp = TempDir::new();
    let full = read(rel);
    let body = full.split("\nexpect:").next().unwrap_or(&full);
    let f = tmp.write(
        "in-file.yaml",
        &format!("{body}\nreadings: {{parties-gone-before-2016: text}}\n"),
    );
    assert_code(&run(&["whatif", s(&f), "--format", "json"]), 1);
    assert_eq!(
        verdicts(&run(&["history", s(&f), "--format", "json"]))[0],
        "not_eligible"
    );
}

#[test]
fn check_validates_readings() {
    let (tmp, rules) = rules_copy();
    let _keep = &tmp;
    let edit = |file: &str, from: &str, to: &str| {
        let p = rules.join(file);
        let text = std::fs::read_to_string(&p).expect("rule file");
        assert!(text.contains(from), "{file}: `{from}` not found");
        std::fs::write(&p, text.replacen(from, to, 1)).expect("written");
    };
    // An unknown reading, then an unknown option: errors with a suggestion.
    edit(
        "30-tasks.yaml",
        "{ reading: election-observation-tasks, is: with-support }",
        "{ reading: election-observaton-tasks, is: with-support }",
    );
    let out = run(&["check", "--rules", s(&rules)]);
    assert_code(&out, 2);
    assert!(out.stderr.contains("[unknown-reading]"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("did you mean `election-observation-tasks`?"),
        "{}",
        out.stderr
    );
    edit(
        "30-tasks.yaml",
        "{ reading: election-observaton-tasks, is: with-support }",
        "{ reading: election-observation-tasks, is: with-suport }",
    );
    let out = run(&["check", "--rules", s(&rules)]);
    assert_code(&out, 2);
    assert!(out.stderr.contains("[unknown-option]"), "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `with-support`?"),
        "{}",
        out.stderr
    );
    edit(
        "30-tasks.yaml",
        "{ reading: election-observation-tasks, is: with-suport }",
        "{ reading: election-observation-tasks, is: with-support }",
    );
    // A reading no rule consults, and an option no rule tells apart.
    let readings = rules.join("readings.yaml");
    let mut text = std::fs::read_to_string(&readings).expect("readings.yaml");
    text.push_str(
        "\n  - id: never-used\n    question: { en: \"Unused?\", ja: \"未使用か。\" }\n    default: a\n    options:\n      - id: a\n        text: { en: \"A.\", ja: \"A。\" }\n        sources: [act-2006]\n      - id: b\n        text: { en: \"B.\", ja: \"B。\" }\n        sources: [act-2006]\n",
    );
    std::fs::write(&readings, text).expect("written");
    let text = std::fs::read_to_string(&readings).expect("readings.yaml");
    let at = text
        .find("  - id: election-observation-tasks\n")
        .expect("the reading");
    let options =
        at + text[at..].find("    options:\n").expect("its options") + "    options:\n".len();
    let mut edited = text.clone();
    edited.insert_str(
        options,
        "      - id: liaison-only\n        text: { en: \"Liaison only.\", ja: \"連絡調整のみ。\" }\n        sources: [act-2006]\n",
    );
    std::fs::write(&readings, edited).expect("written");
    let out = run(&["check", "--rules", s(&rules)]);
    assert_code(&out, 2);
    assert!(
        out.stderr.contains("[unused-reading]") && out.stderr.contains("`never-used`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("[undistinguished-option]") && out.stderr.contains("`liaison-only`"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_command_line_wins_over_the_scenario_which_wins_over_the_default() {
    let rel = "scenarios/unmiss-2011.yaml";
    let default = run(&["evaluate", rel, "--format", "json"]).json();
    assert_eq!(default["readings"]["parties-gone-before-2016"], "practice");
    assert_eq!(default["verdict"], "eligible");
    assert_eq!(
        default["depends_on_readings"][0],
        "parties-gone-before-2016"
    );
    let cli = run(&[
        "evaluate",
        rel,
        "--format",
        "json",
        "--reading",
        "parties-gone-before-2016=text",
    ]);
    assert_code(&cli, 1);
    assert_eq!(cli.json()["readings"]["parties-gone-before-2016"], "text");
    // In the file, overridden by the command line.
    let tmp = TempDir::new();
    let full = read(rel);
    let body = full.split("\nexpect:").next().unwrap_or(&full);
    let text = format!("{body}\nreadings: {{parties-gone-before-2016: text}}\n");
    let f = tmp.write("in-file.yaml", &text);
    assert_code(&run(&["evaluate", s(&f)]), 1);
    assert_code(
        &run(&[
            "evaluate",
            s(&f),
            "--reading",
            "parties-gone-before-2016=practice",
        ]),
        0,
    );
    // In code.
    let rs = rules();
    let built = rs
        .build_scenario("x")
        .set("date", "2011-12-20")
        .reading("parties-gone-before-2016", "text")
        .build()
        .expect("builds");
    assert!(
        rs.report(&built, &rs.evaluate(&built), Lang::En)
            .readings
            .0
            .contains(&("parties-gone-before-2016".to_owned(), "text".to_owned()))
    );
}

#[test]
fn unknown_readings_and_options_are_input_errors_with_suggestions() {
    let out = run(&[
        "evaluate",
        ELIGIBLE,
        "--reading",
        "parties-gone-before-2061=text",
    ]);
    assert_code(&out, 2);
    assert!(
        out.stderr
            .contains("unknown reading `parties-gone-before-2061`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("did you mean `parties-gone-before-2016`?"),
        "{}",
        out.stderr
    );
    let out = run(&[
        "evaluate",
        ELIGIBLE,
        "--reading",
        "parties-gone-before-2016=texts",
    ]);
    assert_code(&out, 2);
    assert!(
        out.stderr.contains("did you mean `text`?"),
        "{}",
        out.stderr
    );
    let out = run(&["evaluate", ELIGIBLE, "--reading", "no-equals-sign"]);
    assert_code(&out, 2);
    let tmp = TempDir::new();
    let f = tmp.write(
        "bad.yaml",
        &format!(
            "{}\nreadings: {{parties-presumed: remains}}\n",
            read(ELIGIBLE)
        ),
    );
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    assert!(
        out.stderr.contains("did you mean `remain`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_readings_command_lists_and_analyses() {
    let out = run(&["readings", "--format", "json"]);
    assert_code(&out, 0);
    let list = out.json();
    let ids: Vec<&str> = list
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    for id in [
        "parties-gone-before-2016",
        "impartiality-relief-election",
        "election-observation-tasks",
        "icops-organizations",
        "in-kind-exemption",
        "parties-presumed",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let out = run(&["readings", "scenarios/unmiss-2011.yaml", "--format", "json"]);
    assert_code(&out, 0);
    let r = out.json();
    assert_eq!(r["robust"], false);
    assert_eq!(r["deciding"][0], "parties-gone-before-2016");
    assert!(r["combinations"].as_array().is_some_and(|c| c.len() >= 2));
    // A reading fixed on the command line is left out of the combinations.
    let out = run(&[
        "readings",
        "scenarios/unmiss-2011.yaml",
        "--format",
        "json",
        "--reading",
        "parties-gone-before-2016=text",
    ]);
    assert_code(&out, 1);
    let r = out.json();
    assert!(r["combinations"].as_array().is_some_and(|c| {
        c.iter()
            .all(|x| x["readings"].get("parties-gone-before-2016").is_none())
    }));
    let text = run(&["readings", "scenarios/unmiss-2011.yaml"]).stdout;
    assert!(
        text.contains("Depends on: parties-gone-before-2016."),
        "{text}"
    );
}

#[test]
fn the_text_report_says_when_the_verdict_depends_on_a_reading() {
    let out = run(&["evaluate", "scenarios/unmiss-2011.yaml"]);
    assert!(
        out.stdout
            .contains("depends on the reading `parties-gone-before-2016`"),
        "{}",
        out.stdout
    );
    let robust = run(&["evaluate", ELIGIBLE]);
    assert!(
        !robust.stdout.contains("depends on the reading"),
        "{}",
        robust.stdout
    );
}

#[test]
fn expectations_may_name_readings() {
    let out = run(&["test", "scenarios/unmiss-2011.yaml", "--format", "json"]);
    assert_code(&out, 0);
    let r = out.json();
    let results = r["results"].as_array().expect("results");
    assert!(results.len() >= 2, "{r}");
    assert!(
        results
            .iter()
            .any(|x| x["readings"]["parties-gone-before-2016"] == "text"
                && x["actual"] == "not_eligible"),
        "{r}"
    );
}
