//! The `evaluate` command as a user or a script sees it: exit codes,
//! errors with positions, the text report, the JSON result, `--date`.

use common::*;
use proptest::prelude::*;
use serde_json::Value;

mod common;

// ------------------------------------------------------------- exit codes

#[test]
fn eligible_scenario_exits_0() {
    let out = run(&["evaluate", ELIGIBLE]);
    assert_code(&out, 0);
    assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
}

#[test]
fn not_eligible_scenario_exits_1() {
    assert_code(&run(&["evaluate", NOT_ELIGIBLE]), 1);
}

#[test]
fn undetermined_scenario_exits_3() {
    assert_code(&run(&["evaluate", UNDETERMINED]), 3);
}

#[test]
fn exit_code_over_several_scenarios() {
    // Any not eligible wins; otherwise any undetermined; otherwise 0.
    assert_code(&run(&["evaluate", ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED]), 1);
    assert_code(&run(&["evaluate", UNDETERMINED, NOT_ELIGIBLE]), 1);
    assert_code(&run(&["evaluate", ELIGIBLE, UNDETERMINED]), 3);
    assert_code(&run(&["evaluate", ELIGIBLE, KAKETSUKE_2016]), 0);
}

#[test]
fn missing_file_exits_2_naming_it() {
    let out = run(&["evaluate", "scenarios/does-not-exist.yaml"]);
    assert_code(&out, 2);
    assert!(out.stdout.is_empty(), "stdout: {}", out.stdout);
    assert!(out.stderr.starts_with("error: "), "{}", out.stderr);
    assert!(
        out.stderr.contains("scenarios/does-not-exist.yaml"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("no such file"), "{}", out.stderr);
}

#[test]
fn directory_without_yaml_exits_2() {
    let tmp = TempDir::new();
    tmp.write("notes.txt", "not a scenario\n");
    let out = run(&["evaluate", s(tmp.path())]);
    assert_code(&out, 2);
    assert!(out.stderr.contains(s(tmp.path())), "{}", out.stderr);
    assert!(out.stderr.contains("no *.yaml"), "{}", out.stderr);
}

#[test]
fn invalid_yaml_exits_2_with_position() {
    let tmp = TempDir::new();
    let text = "name: Broken\noperation: [un_peacekeeping\n";
    let f = tmp.write("broken.yaml", text);
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    assert!(out.stdout.is_empty(), "stdout: {}", out.stdout);
    assert!(
        out.stderr.contains(&format!("{}:2:", s(&f))),
        "no file:line in {}",
        out.stderr
    );
    assert!(out.stderr.contains("invalid YAML"), "{}", out.stderr);
}

#[test]
fn unknown_key_exits_2_with_position_and_suggestion() {
    let tmp = TempDir::new();
    let text = variant(ELIGIBLE, "\noperation:", "\nopration:");
    let f = tmp.write("typo.yaml", &text);
    let (line, col) = line_col(&text, "opration:");
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    let at = format!("{}:{line}:{col}", s(&f));
    assert!(out.stderr.contains(&at), "expected {at} in {}", out.stderr);
    assert!(
        out.stderr.contains("unknown key `opration`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `operation`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn unknown_nested_key_names_the_block_and_suggests() {
    let tmp = TempDir::new();
    let text = variant(ELIGIBLE, "  ceasefire: agreed", "  ceasfire: agreed");
    let f = tmp.write("typo.yaml", &text);
    let (line, col) = line_col(&text, "ceasfire:");
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    let at = format!("{}:{line}:{col}", s(&f));
    assert!(out.stderr.contains(&at), "expected {at} in {}", out.stderr);
    assert!(out.stderr.contains("ceasfire"), "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `ceasefire`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn wrong_enum_value_exits_2_with_suggestion() {
    let tmp = TempDir::new();
    let text = variant(
        ELIGIBLE,
        "operation: un_peacekeeping",
        "operation: un_peacekeping",
    );
    let f = tmp.write("enum.yaml", &text);
    let (line, col) = line_col(&text, "un_peacekeping");
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    let at = format!("{}:{line}:{col}", s(&f));
    assert!(out.stderr.contains(&at), "expected {at} in {}", out.stderr);
    assert!(out.stderr.contains("`un_peacekeping`"), "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `un_peacekeeping`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn unknown_task_exits_2_with_suggestion() {
    let tmp = TempDir::new();
    let text = variant(ELIGIBLE, "[engineering,", "[engneering,");
    let f = tmp.write("task.yaml", &text);
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    assert!(out.stderr.contains("`engneering`"), "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `engineering`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn yes_instead_of_true_exits_2_with_yaml_1_2_hint() {
    let tmp = TempDir::new();
    let text = variant(ELIGIBLE, "impartial: true", "impartial: yes");
    let f = tmp.write("yes.yaml", &text);
    let (line, col) = line_col(&text, "impartial: yes");
    let col = col + "impartial: ".len();
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    let at = format!("{}:{line}:{col}", s(&f));
    assert!(out.stderr.contains(&at), "expected {at} in {}", out.stderr);
    assert!(out.stderr.contains("`impartial`"), "{}", out.stderr);
    assert!(out.stderr.contains("YAML 1.2"), "{}", out.stderr);
    assert!(out.stderr.contains("`true`"), "{}", out.stderr);
}

#[test]
fn impossible_date_in_file_exits_2() {
    let tmp = TempDir::new();
    let text = variant(ELIGIBLE, "date: 1992-09-08", "date: 2016-02-30");
    let f = tmp.write("date.yaml", &text);
    let (line, col) = line_col(&text, "2016-02-30");
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    let at = format!("{}:{line}:{col}", s(&f));
    assert!(out.stderr.contains(&at), "expected {at} in {}", out.stderr);
    assert!(out.stderr.contains("2016-02-30"), "{}", out.stderr);
    assert!(out.stderr.contains("no day 30"), "{}", out.stderr);
}

#[test]
fn bad_date_option_exits_2() {
    for bad in ["2016-13-01", "2016-02-30", "yesterday", "1992/09/08"] {
        let out = run(&["evaluate", ELIGIBLE, "--date", bad]);
        assert_code(&out, 2);
        assert!(out.stdout.is_empty(), "stdout for {bad}: {}", out.stdout);
        assert!(out.stderr.contains("--date"), "{bad}: {}", out.stderr);
        assert!(out.stderr.contains(bad), "{bad}: {}", out.stderr);
    }
}

#[test]
fn missing_rules_dir_exits_2() {
    let tmp = TempDir::new();
    let missing = tmp.path().join("no-such-rules");
    let out = run(&["evaluate", ELIGIBLE, "--rules", s(&missing)]);
    assert_code(&out, 2);
    assert!(out.stdout.is_empty(), "stdout: {}", out.stdout);
    assert!(out.stderr.contains(s(&missing)), "{}", out.stderr);
}

#[test]
fn good_and_bad_file_still_evaluates_the_good_one() {
    let tmp = TempDir::new();
    let bad = tmp.write(
        "bad.yaml",
        &variant(ELIGIBLE, "\noperation:", "\nopration:"),
    );
    let out = run(&["evaluate", ELIGIBLE, s(&bad)]);
    assert_code(&out, 2);
    assert!(out.stdout.contains("Verdict: ELIGIBLE"), "{}", out.stdout);
    assert!(out.stdout.contains(ELIGIBLE), "{}", out.stdout);
    assert!(out.stderr.contains(s(&bad)), "{}", out.stderr);
    assert!(!out.stderr.contains(ELIGIBLE), "{}", out.stderr);

    // Order does not matter, and JSON still carries the good result.
    let out = run(&["evaluate", s(&bad), ELIGIBLE, "--format", "json"]);
    assert_code(&out, 2);
    let v = out.json();
    let items = v.as_array().expect("several files give an array");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["scenario"]["file"], ELIGIBLE);
    assert_eq!(items[0]["verdict"], "eligible");
}

#[test]
fn a_bad_file_inside_a_directory_does_not_stop_the_others() {
    let tmp = TempDir::new();
    tmp.write("a.yaml", &read(ELIGIBLE));
    let bad = tmp.write(
        "b.yaml",
        &variant(ELIGIBLE, "impartial: true", "impartial: no"),
    );
    tmp.write("c.yaml", &read(NOT_ELIGIBLE));
    let out = run(&["evaluate", s(tmp.path()), "--format", "json"]);
    assert_code(&out, 2);
    assert!(out.stderr.contains(s(&bad)), "{}", out.stderr);
    let verdicts: Vec<Value> = out
        .json()
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["verdict"].clone())
        .collect();
    assert_eq!(verdicts, ["eligible", "not_eligible"]);
}

#[test]
fn single_bad_file_prints_nothing_on_stdout() {
    let tmp = TempDir::new();
    let bad = tmp.write("bad.yaml", "name: [\n");
    for format in ["text", "json"] {
        let out = run(&["evaluate", s(&bad), "--format", format]);
        assert_code(&out, 2);
        assert!(out.stdout.is_empty(), "{format}: {}", out.stdout);
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["evaluate"][..],
        &["evaluate", ELIGIBLE, "--format", "xml"],
        &["frobnicate"],
        &["rules", "--date", "1995-02-29"],
    ] {
        let out = run(args);
        assert_code(&out, 2);
        assert!(out.stderr.contains("error"), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn other_bad_inputs_exit_2_with_a_message_naming_the_file() {
    let tmp = TempDir::new();
    let cases = [
        ("empty.yaml", String::new()),
        ("list.yaml", "- a\n- b\n".to_owned()),
        ("no-name.yaml", "operation: un_peacekeeping\n".to_owned()),
        (
            "negative.yaml",
            variant(ELIGIBLE, "personnel: 683", "personnel: -5"),
        ),
        (
            "tasks-not-list.yaml",
            variant(
                ELIGIBLE,
                "tasks: [engineering, military_observer, civilian_police]",
                "tasks: engineering",
            ),
        ),
    ];
    for (name, text) in cases {
        let f = tmp.write(name, &text);
        let out = run(&["evaluate", s(&f)]);
        assert_code(&out, 2);
        assert!(out.stderr.starts_with("error: "), "{name}: {}", out.stderr);
        assert!(out.stderr.contains(s(&f)), "{name}: {}", out.stderr);
    }
    let bin = tmp.0.join("binary.yaml");
    std::fs::write(&bin, b"\xff\xfe\x00name").expect("write");
    let out = run(&["evaluate", s(&bin)]);
    assert_code(&out, 2);
    assert!(out.stderr.contains("UTF-8"), "{}", out.stderr);
}

// ---------------------------------------------------------------- text

#[test]
fn text_report_puts_verdict_and_reason_before_the_trace() {
    for (file, word) in [
        (ELIGIBLE, "ELIGIBLE"),
        (NOT_ELIGIBLE, "NOT ELIGIBLE"),
        (UNDETERMINED, "UNDETERMINED"),
    ] {
        let out = run(&["evaluate", file]);
        let lines: Vec<&str> = out.stdout.lines().collect();
        // A heading naming the scenario, then the verdict, then the reason.
        assert!(lines[0].contains(&scenario_name(file)), "{}", out.stdout);
        assert!(lines[0].contains(file), "{}", out.stdout);
        let verdict = format!("Verdict: {word} ");
        assert!(lines[1].starts_with(&verdict), "{file}: {}", lines[1]);
        assert!(lines[2].starts_with("Reason:"), "{file}: {}", lines[2]);
        assert!(lines[2].len() > "Reason:".len() + 5, "{}", lines[2]);
        // No rule line before the verdict.
        let first_rule = lines.iter().position(|l| l.contains("[act-in-force]"));
        assert!(first_rule.is_some_and(|i| i > 2), "{}", out.stdout);
        assert!(!out.stdout.contains("Summary:"), "{}", out.stdout);
    }
}

#[test]
fn text_reason_names_what_decided() {
    let out = run(&["evaluate", NOT_ELIGIBLE]);
    let reason = out.stdout.lines().find(|l| l.starts_with("Reason:"));
    assert!(
        reason.is_some_and(|r| r.contains("conflict.ceasefire")),
        "{}",
        out.stdout
    );
    let out = run(&["evaluate", UNDETERMINED]);
    let reason = out.stdout.lines().find(|l| l.starts_with("Reason:"));
    assert!(
        reason.is_some_and(|r| r.contains("conflict.ceasefire") && r.contains("unknown")),
        "{}",
        out.stdout
    );
}

#[test]
fn text_shows_the_law_version_of_the_date() {
    let out = run(&["evaluate", ELIGIBLE]);
    assert!(
        out.stdout
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("1992-09-08"))
    );
    let out = run(&["evaluate", ELIGIBLE, "--date", "2017-01-01"]);
    let verdict = out.stdout.lines().nth(1).expect("verdict line");
    assert!(verdict.contains("2017-01-01"), "{verdict}");
    assert!(verdict.contains("2016"), "{verdict}");
}

#[test]
fn no_ansi_escapes_when_piped() {
    let tmp = TempDir::new();
    let bad = tmp.write(
        "bad.yaml",
        &variant(ELIGIBLE, "\noperation:", "\nopration:"),
    );
    let out = run(&["evaluate", ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, s(&bad)]);
    assert!(!out.stdout.contains('\x1b'), "ANSI in stdout");
    assert!(!out.stderr.contains('\x1b'), "ANSI in stderr");
    let out = run(&["rules"]);
    assert!(!out.stdout.contains('\x1b'), "ANSI in `rules` output");
}

#[test]
fn several_files_end_with_a_summary() {
    let out = run(&[
        "evaluate",
        ELIGIBLE,
        NOT_ELIGIBLE,
        UNDETERMINED,
        KAKETSUKE_2016,
    ]);
    assert_code(&out, 1);
    let last = out.stdout.lines().last().expect("output");
    assert!(last.starts_with("Summary:"), "{last}");
    for part in ["2 eligible", "1 not eligible", "1 undetermined", "0 errors"] {
        assert!(last.contains(part), "{part} missing in {last}");
    }
    // Each scenario gets its own verdict line, in the order given.
    let verdicts: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("Verdict:"))
        .collect();
    assert_eq!(verdicts.len(), 4);
    assert!(verdicts[1].starts_with("Verdict: NOT ELIGIBLE"));
    assert!(verdicts[2].starts_with("Verdict: UNDETERMINED"));
}

#[test]
fn summary_counts_a_bad_file_as_an_error() {
    let tmp = TempDir::new();
    let bad = tmp.write("bad.yaml", "name: [\n");
    let out = run(&["evaluate", ELIGIBLE, s(&bad)]);
    let last = out.stdout.lines().last().expect("output");
    assert!(last.starts_with("Summary:"), "{last}");
    assert!(last.contains("1 eligible"), "{last}");
    assert!(last.contains("1 error"), "{last}");
}

#[test]
fn summary_counts_an_empty_directory_as_an_error() {
    let tmp = TempDir::new();
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let out = run(&["evaluate", ELIGIBLE, s(&empty)]);
    assert_code(&out, 2);
    let last = out.stdout.lines().last().expect("output");
    assert!(last.starts_with("Summary:"), "{last}");
    assert!(last.contains("1 error"), "{last}");
}

#[test]
fn several_bad_files_still_get_a_summary() {
    let tmp = TempDir::new();
    let a = tmp.write("a.yaml", "name: [\n");
    let b = tmp.write("b.yaml", "name: [\n");
    let out = run(&["evaluate", s(&a), s(&b)]);
    assert_code(&out, 2);
    let last = out.stdout.lines().last().unwrap_or_default();
    assert!(last.starts_with("Summary:"), "stdout: {}", out.stdout);
    assert!(last.contains("2 errors"), "{last}");
}

#[test]
fn unused_key_is_accepted_and_reported() {
    let tmp = TempDir::new();
    let text = variant(
        ELIGIBLE,
        "operation: un_peacekeeping\n",
        "operation: un_peacekeeping\nsupports: un_peacekeeping\n",
    );
    let f = tmp.write("unused.yaml", &text);
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 0);
    assert!(out.stdout.contains("`supports` not used"), "{}", out.stdout);
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_single_file_has_the_contract_shape() {
    let out = run(&["evaluate", ELIGIBLE, "--format", "json"]);
    assert_code(&out, 0);
    let v = out.json();
    assert!(v.is_object(), "one file gives one object");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["scenario"]["name"], scenario_name(ELIGIBLE).as_str());
    assert_eq!(v["scenario"]["file"], ELIGIBLE);
    assert_eq!(v["date"], "1992-09-08");
    assert_eq!(v["law_version"]["id"], "1992");
    assert_eq!(v["law_version"]["in_force_from"], "1992-08-10");
    assert_eq!(v["verdict"], "eligible");
    assert_eq!(v["missing"], serde_json::json!([]));

    for t in v["trace"].as_array().expect("trace") {
        for key in [
            "rule",
            "title",
            "principle",
            "outcome",
            "explanation",
            "facts",
            "cites",
        ] {
            assert!(t.get(key).is_some(), "trace entry lacks `{key}`: {t}");
        }
        assert!(t["rule"].is_string() && t["title"].is_string(), "{t}");
        let outcome = t["outcome"].as_str().expect("outcome");
        assert!(
            [
                "pass",
                "fail",
                "undetermined",
                "not_applicable",
                "not_in_force"
            ]
            .contains(&outcome),
            "{t}"
        );
        assert!(
            t["principle"].is_null() || (1..=5).contains(&t["principle"].as_u64().unwrap_or(0)),
            "{t}"
        );
        assert!(t["facts"].is_object(), "{t}");
        let cites = t["cites"].as_array().expect("cites is an array");
        assert!(cites.iter().all(Value::is_string), "{t}");
        // An eligible result has no failed or undetermined rule.
        assert!(outcome != "fail" && outcome != "undetermined", "{t}");
    }
    assert_eq!(outcome(&v, "ceasefire-agreement"), "pass");
    let principle = v["trace"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["rule"] == "ceasefire-agreement"))
        .map(|t| t["principle"].clone());
    assert_eq!(principle, Some(Value::from(1)));
}

#[test]
fn json_trace_has_every_rule_once_in_ruleset_order() {
    let all = rule_ids(&[]);
    assert!(all.len() >= 5, "{all:?}");
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "`rules` lists a rule twice");
    for file in [ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, KAKETSUKE_2016] {
        let v = run(&["evaluate", file, "--format", "json"]).json();
        assert_eq!(trace_ids(&v), all, "trace of {file}");
    }
    // Also for a date before the Act and far in the future.
    for date in ["1980-01-01", "2999-12-31"] {
        let v = run(&["evaluate", ELIGIBLE, "--format", "json", "--date", date]).json();
        assert_eq!(trace_ids(&v), all, "trace at {date}");
    }
}

#[test]
fn json_file_is_the_path_as_given() {
    let given = format!("./{ELIGIBLE}");
    let v = run(&["evaluate", &given, "--format", "json"]).json();
    assert_eq!(v["scenario"]["file"], given.as_str());
    let abs = manifest_dir().join(ELIGIBLE);
    let v = run(&["evaluate", s(&abs), "--format", "json"]).json();
    assert_eq!(v["scenario"]["file"], s(&abs));
}

#[test]
fn json_not_eligible_and_undetermined() {
    let out = run(&["evaluate", NOT_ELIGIBLE, "--format", "json"]);
    assert_code(&out, 1);
    let v = out.json();
    assert_eq!(v["verdict"], "not_eligible");
    assert_eq!(outcome(&v, "ceasefire-agreement"), "fail");

    let out = run(&["evaluate", UNDETERMINED, "--format", "json"]);
    assert_code(&out, 3);
    let v = out.json();
    assert_eq!(v["verdict"], "undetermined");
    assert_eq!(v["missing"], serde_json::json!(["conflict.ceasefire"]));
    assert_eq!(outcome(&v, "ceasefire-agreement"), "undetermined");
}

#[test]
fn explicit_null_is_unknown() {
    let tmp = TempDir::new();
    let f = tmp.write(
        "null.yaml",
        &variant(ELIGIBLE, "impartial: true", "impartial: ~"),
    );
    let out = run(&["evaluate", s(&f), "--format", "json"]);
    assert_code(&out, 3);
    let v = out.json();
    assert_eq!(v["verdict"], "undetermined");
    assert_eq!(v["missing"], serde_json::json!(["impartial"]));
}

#[test]
fn json_several_files_give_an_array_in_the_order_given() {
    let order = [UNDETERMINED, ELIGIBLE, NOT_ELIGIBLE];
    let out = run(&["evaluate", order[0], order[1], order[2], "--format", "json"]);
    assert_code(&out, 1);
    let v = out.json();
    let items = v.as_array().expect("several files give an array");
    let files: Vec<&str> = items
        .iter()
        .map(|r| r["scenario"]["file"].as_str().expect("file"))
        .collect();
    assert_eq!(files, order);
    let verdicts: Vec<&str> = items
        .iter()
        .map(|r| r["verdict"].as_str().expect("verdict"))
        .collect();
    assert_eq!(verdicts, ["undetermined", "eligible", "not_eligible"]);
    for r in items {
        assert_eq!(r["schema_version"], 1);
    }
}

#[test]
fn json_directory_gives_a_sorted_array() {
    let tmp = TempDir::new();
    tmp.write("b.yaml", &read(NOT_ELIGIBLE));
    tmp.write("a.yml", &read(ELIGIBLE));
    tmp.write("sub/c.yaml", &read(UNDETERMINED));
    tmp.write("ignored.txt", "not a scenario");
    let out = run(&["evaluate", s(tmp.path()), "--format", "json"]);
    assert_code(&out, 1);
    let v = out.json();
    let files: Vec<String> = v
        .as_array()
        .expect("a directory gives an array")
        .iter()
        .map(|r| r["scenario"]["file"].as_str().expect("file").to_owned())
        .collect();
    let expected: Vec<String> = ["a.yml", "b.yaml", "sub/c.yaml"]
        .iter()
        .map(|n| s(&tmp.path().join(n)).to_owned())
        .collect();
    assert_eq!(files, expected);
}

#[test]
fn json_directory_of_one_is_still_an_array() {
    let tmp = TempDir::new();
    tmp.write("only.yaml", &read(ELIGIBLE));
    let out = run(&["evaluate", s(tmp.path()), "--format", "json"]);
    assert_code(&out, 0);
    let v = out.json();
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
}

#[test]
fn shipped_scenarios_match_their_expect() {
    let out = run(&["evaluate", "scenarios", "--format", "json"]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let v = out.json();
    let items = v.as_array().expect("array");
    assert_eq!(
        items.len(),
        yaml_files(&manifest_dir().join("scenarios")).len()
    );
    for r in items {
        if let Some(expect) = r.get("expect").filter(|e| !e.is_null()) {
            assert_eq!(&r["verdict"], expect, "{}", r["scenario"]["file"]);
        }
    }
}

// ---------------------------------------------------------------- --date

#[test]
fn date_override_changes_the_law_version() {
    let out = run(&["evaluate", KAKETSUKE_2016, "--format", "json"]);
    assert_code(&out, 0);
    let v = out.json();
    assert_eq!(v["verdict"], "eligible");
    assert_eq!(v["law_version"]["id"], "2016");

    let out = run(&[
        "evaluate",
        KAKETSUKE_2016,
        "--date",
        "2010-01-01",
        "--format",
        "json",
    ]);
    assert_code(&out, 1);
    let v = out.json();
    assert_eq!(v["date"], "2010-01-01");
    assert_eq!(v["verdict"], "not_eligible");
    assert_eq!(v["law_version"]["id"], "2001");
    assert_eq!(v["law_version"]["in_force_from"], "2001-12-14");
    // Kaketsuke-keigo did not exist before 2016.
    assert_eq!(outcome(&v, "kaketsuke-keigo-task"), "fail");
}

#[test]
fn date_before_the_act_is_not_eligible() {
    let out = run(&[
        "evaluate",
        ELIGIBLE,
        "--date",
        "1992-08-09",
        "--format",
        "json",
    ]);
    assert_code(&out, 1);
    let v = out.json();
    assert_eq!(v["verdict"], "not_eligible");
    assert_eq!(outcome(&v, "act-in-force"), "fail");
    let out = run(&[
        "evaluate",
        ELIGIBLE,
        "--date",
        "1992-08-10",
        "--format",
        "json",
    ]);
    assert_code(&out, 0);
}

/// The law version in force on a date, from the contract's list.
fn version_on(date: &str) -> &'static str {
    [
        ("2016-03-29", "2016"),
        ("2001-12-14", "2001"),
        ("1998-06-12", "1998"),
        ("1992-08-10", "1992"),
    ]
    .iter()
    .find(|(from, _)| date >= *from)
    .map_or("none", |(_, id)| id)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_date_selects_the_version_in_force(y in 1992i32..2040, m in 1u32..=12, d in 1u32..=28) {
        let date = format!("{y:04}-{m:02}-{d:02}");
        prop_assume!(date.as_str() >= "1992-08-10");
        let out = run(&["evaluate", UNDETERMINED, "--date", &date, "--format", "json"]);
        prop_assert!([0, 1, 3].contains(&out.code), "exit {}: {}", out.code, out.stderr);
        let v = out.json();
        prop_assert_eq!(&v["date"], date.as_str());
        prop_assert_eq!(&v["law_version"]["id"], version_on(&date));
        prop_assert_eq!(trace_ids(&v).len(), v["trace"].as_array().map_or(0, Vec::len));
    }

    #[test]
    fn mangled_scenarios_never_panic(
        at in 0usize..1500,
        cut in 0usize..12,
        insert in prop::sample::select(vec![
            "", ":", "- ", "[", "]", "{", "}", "~", "yes", "\t", "&a ", "*a", "!!str ",
            "\"", "'", "\n  ", "\n", "0x1F", "1e3", "-1", "2016-02-30", "?", "|", ">",
            "\u{feff}", "null", "99999999999999999999", "#",
        ]),
    ) {
        let text = read(ELIGIBLE);
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + cut).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mangled = format!("{}{insert}{}", &text[..at], &text[end..]);
        let tmp = TempDir::new();
        let f = tmp.write("m.yaml", &mangled);
        let out = run(&["evaluate", s(&f), "--format", "json"]);
        prop_assert!([0, 1, 2, 3].contains(&out.code), "exit {}", out.code);
        if out.code == 2 {
            prop_assert!(out.stderr.starts_with("error: "), "{}", out.stderr);
            prop_assert!(out.stderr.contains(s(&f)), "{}", out.stderr);
        } else {
            prop_assert_eq!(&out.json()["schema_version"], 1);
        }
    }
}

// ---------------------------------------------------------- confusing errors

#[test]
fn duplicate_key_message_is_plain() {
    let tmp = TempDir::new();
    let text = format!("{}impartial: false\n", read(ELIGIBLE));
    let f = tmp.write("dup.yaml", &text);
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    assert!(out.stderr.contains("impartial"), "{}", out.stderr);
    assert!(out.stderr.contains("duplicate"), "{}", out.stderr);
    assert!(!out.stderr.contains("DuplicateKeyPolicy"), "{}", out.stderr);
    assert!(!out.stderr.contains(" at line "), "{}", out.stderr);
}

#[test]
fn quoted_number_message_mentions_the_quotes() {
    let tmp = TempDir::new();
    let f = tmp.write(
        "q.yaml",
        &variant(ELIGIBLE, "personnel: 683", "personnel: \"683\""),
    );
    let out = run(&["evaluate", s(&f)]);
    assert_code(&out, 2);
    let message = out.stderr.replace(s(&f), "FILE");
    assert!(
        message.contains("\"683\"") || message.contains("quote") || message.contains("text"),
        "{message}"
    );
}

#[test]
fn year_zero_message_is_about_the_year() {
    let out = run(&["evaluate", ELIGIBLE, "--date", "0000-01-01"]);
    assert_code(&out, 2);
    assert!(!out.stderr.contains("no day 1"), "{}", out.stderr);
    assert!(out.stderr.contains("year"), "{}", out.stderr);
}

// ------------------------------------------------------------- progress bar

/// A folder of `n` copies of one scenario.
fn copies(n: usize) -> TempDir {
    let tmp = TempDir::new();
    let text = read(ELIGIBLE);
    for i in 0..n {
        tmp.write(&format!("s{i:04}.yaml"), &text);
    }
    tmp
}

#[test]
fn long_batch_shows_no_progress_bar_when_stderr_is_not_a_terminal() {
    let tmp = copies(1_100);
    let out = run(&["evaluate", s(tmp.path()), "--format", "summary"]);
    assert_code(&out, 0);
    assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
    assert_eq!(
        out.stdout.lines().count(),
        1_101,
        "one line each and a total"
    );
}

#[test]
fn long_batch_to_a_file_shows_a_progress_bar_on_the_terminal() {
    // `script` gives the command a terminal; its standard output goes to a file.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` to provide a terminal");
        return;
    }
    let tmp = copies(1_100);
    let results = tmp.path().join("results.txt");
    let command = format!(
        "'{}' evaluate '{}' --format summary > '{}'",
        env!("CARGO_BIN_EXE_peacecoop"),
        s(tmp.path()),
        s(&results)
    );
    // A terminal that can redraw a line (a `dumb` one gets no bar).
    let out = std::process::Command::new("script")
        .env("TERM", "xterm")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script runs");
    let terminal = String::from_utf8_lossy(&out.stdout);
    assert!(terminal.contains("/1100 files"), "terminal: {terminal:?}");
    let written = std::fs::read_to_string(&results).expect("results written");
    assert_eq!(written.lines().count(), 1_101);
    assert!(
        !written.contains("files,"),
        "the bar stays out of the results"
    );
}
