//! The analysts' and teachers' commands on the real binary: test, whatif,
//! history, matrix, explain, schema, bench, completions, man, handouts.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_peacecoop"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn temp(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("peacecoop-tools-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(format!("{name}.yaml"));
    std::fs::write(&p, text).expect("write");
    p
}

#[test]
fn test_command_passes_the_shipped_suite_with_full_coverage() {
    let o = run(&["test", "scenarios/", "--coverage"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("Every rule was seen both to pass and to fail"),
        "{out}"
    );
    let last = out.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("test result: ok.") && last.contains(" passed, 0 failed"),
        "{last}"
    );
}

#[test]
fn test_command_reports_expected_against_actual() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/untac-1992.yaml"))
        .expect("untac")
        .replace("expect: eligible", "expect:\n  verdict: not_eligible\n  rules: {ceasefire-agreement: fail, host-consent: pass}");
    let p = temp("wrong-expect", &text);
    let o = run(&["test", p.to_str().expect("utf-8")]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("FAIL "), "{out}");
    assert!(out.contains("expected verdict: not_eligible"), "{out}");
    assert!(out.contains("actual verdict:   eligible"), "{out}");
    assert!(
        out.contains("rule ceasefire-agreement: expected fail, actual pass"),
        "{out}"
    );
    assert!(!out.contains("rule host-consent"), "{out}");
    assert!(out.contains("0 passed, 1 failed"), "{out}");
    let json = run(&["test", p.to_str().expect("utf-8"), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["failed"], 1);
    assert_eq!(
        v["results"][0]["rule_mismatches"][0]["rule"],
        "ceasefire-agreement"
    );
}

#[test]
fn whatif_json_follows_the_contract_and_exit_code_is_the_verdicts() {
    let o = run(&[
        "whatif",
        "scenarios/hypo-p1-no-ceasefire-1995.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["verdict"], "not_eligible");
    let alts = v["alternatives"].as_array().expect("alternatives");
    assert!(
        alts.iter()
            .any(|a| a["changes"][0]["fact"] == "conflict.ceasefire"
                && a["changes"][0]["from"] == "none"
                && a["changes"][0]["to"] == "agreed")
    );
    for a in alts {
        assert_eq!(a["verdict"], "eligible");
        for c in a["changes"].as_array().expect("changes") {
            assert!(!c["to"].is_null());
        }
    }
    let eligible = run(&["whatif", "scenarios/untac-1992.yaml", "--format", "json"]);
    assert_eq!(eligible.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&eligible.stdout).expect("json");
    assert_eq!(v["alternatives"].as_array().map(Vec::len), Some(0));
    let text = stdout(&run(&[
        "whatif",
        "scenarios/hypo-p1-no-ceasefire-1995.yaml",
    ]));
    assert!(
        text.contains("If `conflict.ceasefire` were `agreed` instead of `none`"),
        "{text}"
    );
    let bad = run(&["whatif", "scenarios/untac-1992.yaml", "--keep", "opration"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("did you mean `operation`?"));
}

#[test]
fn history_matrix_explain_and_mermaid() {
    let h = run(&[
        "history",
        "scenarios/mfo-sinai-2019.yaml",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&h.stdout).expect("json");
    let verdicts: Vec<&str> = v["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|x| x["verdict"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        verdicts,
        ["not_eligible", "not_eligible", "not_eligible", "eligible"]
    );
    let m = run(&[
        "matrix",
        "scenarios/untac-1992.yaml",
        "--vary",
        "impartial",
        "--format",
        "csv",
    ]);
    assert_eq!(
        stdout(&m),
        "impartial,verdict,failing_rules\nfalse,not_eligible,impartiality\ntrue,eligible,\n"
    );
    let bad = run(&["matrix", "scenarios/untac-1992.yaml", "--vary", "impartail"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("did you mean `impartial`?"));
    let e = stdout(&run(&["explain", "kaketsuke-keigo-task", "--lang", "ja"]));
    assert!(e.contains("駆け付け警護"), "{e}");
    let unknown = run(&["explain", "kaketsuke"]);
    assert_eq!(unknown.status.code(), Some(2));
    let mermaid = stdout(&run(&["rules", "--format", "mermaid"]));
    assert!(mermaid.starts_with("flowchart LR"), "{mermaid}");
    assert!(mermaid.contains("([\"conflict.ceasefire\"])"), "{mermaid}");
    assert!(mermaid.contains("[\"ceasefire-agreement<br/>"), "{mermaid}");
    assert!(mermaid.matches(" --> ").count() > 50, "{mermaid}");
}

#[test]
fn schema_completions_man_and_bench() {
    let schema = run(&["schema"]);
    let committed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/schema.json"
    ))
    .expect("schema.json");
    assert_eq!(schema.stdout, committed);
    let bash = stdout(&run(&["completions", "bash"]));
    assert!(
        bash.contains("peacecoop") && bash.contains("whatif"),
        "bash completion"
    );
    let man = stdout(&run(&["man"]));
    assert!(man.contains(".TH peacecoop"), "{man}");
    let b = run(&[
        "bench",
        "scenarios/untac-1992.yaml",
        "--iterations",
        "2000",
        "--format",
        "json",
    ]);
    assert_eq!(b.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&b.stdout).expect("json");
    assert_eq!(v["iterations"], 2000);
    for k in ["ruleset_load_us", "parse_us", "evaluate_ns"] {
        assert!(v[k].as_f64().is_some_and(|x| x > 0.0), "{k}: {v}");
    }
}

#[test]
fn handouts_from_the_cli() {
    let html = stdout(&run(&[
        "evaluate",
        "scenarios/untac-1992.yaml",
        "scenarios/mfo-sinai-2019.yaml",
        "--format",
        "html",
    ]));
    assert!(
        html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"),
        "{}",
        &html[..40.min(html.len())]
    );
    assert!(html.contains("<svg"), "timeline");
    let md = stdout(&run(&[
        "evaluate",
        "scenarios/untac-1992.yaml",
        "--format",
        "markdown",
        "--lang",
        "ja",
    ]));
    assert!(md.contains("判定"), "{md}");
}
