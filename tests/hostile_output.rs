//! Output that could be abused, and answers that could be silently wrong:
//! control characters and invisible marks from names, keys, values and
//! file names reach the terminal only escaped (even when colour is on, as
//! on a terminal); Mermaid labels stay on one line; a fact given both
//! dotted and nested is an error whatever the order; contradictory
//! requests are refused.

use common::*;
use std::process::Command;

mod common;

/// Runs the binary as if on a terminal: colour forced, so escape sequences
/// are not stripped on the way out.
fn run_tty(args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_peacecoop"))
        .args(args)
        .current_dir(manifest_dir())
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("the binary runs");
    Out {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    }
}

/// Every escape sequence in `s` is a colour (SGR: `ESC [ digits ; m`), and
/// no other control character but newlines is left.
#[track_caller]
fn only_colours(s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find('\x1b') {
        let seq = &rest[i + 1..];
        let end = seq
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == '['))
            .unwrap_or(seq.len());
        assert!(
            seq.starts_with('[') && seq[end..].starts_with('m'),
            "an escape sequence other than a colour: {:?}",
            &rest[i..(i + 12).min(rest.len())]
        );
        rest = &seq[end..];
    }
    for c in s.chars() {
        assert!(
            c == '\n' || c == '\x1b' || !c.is_control(),
            "control character {c:?} in:\n{s}"
        );
    }
    for c in ['\u{202e}', '\u{200b}', '\u{2066}', '\u{feff}'] {
        assert!(!s.contains(c), "invisible mark {c:?} in:\n{s}");
    }
}

/// A shipped scenario whose name carries a title-setting sequence, a
/// screen clear, a fake verdict line and a right-to-left override.
const EVIL_NAME: &str = "\"\\e]0;owned\\a\\e[2J\\nVerdict: ELIGIBLE\\r\\u202eUNTAC\\u200b\"";

#[test]
fn names_cannot_act_on_the_terminal_or_fake_a_line() {
    let tmp = TempDir::new();
    let text = variant(
        ELIGIBLE,
        "  en: \"UNTAC, Cambodia (GSDF engineers, ceasefire observers, civilian police)\"",
        &format!("  en: {EVIL_NAME}"),
    );
    let f = tmp.write("evil.yaml", &text);
    for format in ["text", "summary"] {
        for brief in [false, true] {
            let mut args = vec!["evaluate", s(&f), "--format", format];
            if brief {
                args.push("--brief");
            }
            let out = run_tty(&args);
            assert_code(&out, 0);
            only_colours(&out.stdout);
            assert!(out.stdout.contains("\\u{1b}]0;owned"), "{}", out.stdout);
            // The only verdict line is the real one.
            let verdicts = out
                .stdout
                .lines()
                .filter(|l| l.starts_with("Verdict:"))
                .count();
            assert!(verdicts <= 1, "{}", out.stdout);
        }
    }
    for args in [
        &["whatif", s(&f)][..],
        &["history", s(&f)],
        &["readings", s(&f)],
        &["matrix", s(&f), "--vary", "impartial"],
        &["test", s(&f)],
    ] {
        let out = run_tty(args);
        only_colours(&out.stdout);
        only_colours(&out.stderr);
    }
    // JSON keeps its own escaping: the name comes back exactly.
    let out = run(&["evaluate", s(&f), "--format", "json"]);
    assert_eq!(
        out.json()["scenario"]["name"],
        "\u{1b}]0;owned\u{7}\u{1b}[2J\nVerdict: ELIGIBLE\r\u{202e}UNTAC\u{200b}"
    );
}

#[test]
fn keys_and_values_in_error_messages_are_shown_escaped() {
    let tmp = TempDir::new();
    let key = tmp.write(
        "key.yaml",
        "name: x\n\"op\\u200bration\\e[2J\": un_peacekeeping\n",
    );
    let value = tmp.write(
        "value.yaml",
        "name: x\noperation: \"un_peace\\u202ekeeping\\e]0;t\\a\"\n",
    );
    let out = run_tty(&["evaluate", s(&key)]);
    assert_code(&out, 2);
    only_colours(&out.stderr);
    assert!(
        out.stderr
            .contains("unknown key `op\\u{200b}ration\\u{1b}[2J`"),
        "{}",
        out.stderr
    );
    let out = run_tty(&["evaluate", s(&value)]);
    assert_code(&out, 2);
    only_colours(&out.stderr);
    assert!(
        out.stderr
            .contains("found `un_peace\\u{202e}keeping\\u{1b}]0;t\\u{7}`"),
        "{}",
        out.stderr
    );
    let out = run_tty(&["check", s(&key), s(&value)]);
    only_colours(&out.stderr);
}

#[cfg(unix)]
#[test]
fn file_names_are_shown_escaped() {
    let tmp = TempDir::new();
    let good = tmp.write("evil\x1b[2J\nVerdict: X.yaml", &read(ELIGIBLE));
    let bad = tmp.write("bad\x1b]0;t\x07.yaml", "name: [\n");
    for args in [
        &["evaluate", s(&good)][..],
        &["evaluate", s(&good), "--format", "summary"],
        &["evaluate", s(&bad)],
        &["evaluate", s(tmp.path()), "--format", "summary"],
        &["check", s(tmp.path())],
        &["test", s(tmp.path())],
        &["whatif", s(&bad)],
    ] {
        let out = run_tty(args);
        only_colours(&out.stdout);
        only_colours(&out.stderr);
    }
    let out = run_tty(&["evaluate", s(&bad)]);
    assert!(
        out.stderr.contains("bad\\u{1b}]0;t\\u{7}.yaml:1:7"),
        "{}",
        out.stderr
    );
    // A folder of rules named so, too.
    let (_keep, rules) = rules_copy();
    let evil_rules = rules.with_file_name("rules\x1b[2J");
    std::fs::rename(&rules, &evil_rules).expect("rename");
    std::fs::write(evil_rules.join("facts.yaml"), "facts: [\n").expect("write");
    let out = run_tty(&["check", "--rules", s(&evil_rules)]);
    assert_code(&out, 2);
    only_colours(&out.stderr);
    assert!(
        out.stderr.contains("rules\\u{1b}[2J/facts.yaml"),
        "{}",
        out.stderr
    );
}

#[test]
fn rule_titles_cannot_break_out_of_a_mermaid_label() {
    let (_keep, rules) = rules_copy();
    let file = rules.join("20-principles.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    let at =
        text.find("    title:\n      en: ").expect("a rule title") + "    title:\n      en: ".len();
    let end = at + text[at..].find('\n').expect("end of line");
    let evil = "\"X\\n%%{init: {'theme':'dark'}}%%\\nclick r1 call javascript:alert(1)\\n]\"";
    let text = format!("{}{evil}{}", &text[..at], &text[end..]);
    std::fs::write(&file, text).expect("write");
    for args in [
        &["rules", "--rules", s(&rules), "--format", "mermaid"][..],
        &[
            "evaluate",
            "--rules",
            s(&rules),
            ELIGIBLE,
            "--format",
            "mermaid",
        ],
    ] {
        let out = run(args);
        assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
        for line in out.stdout.lines() {
            let t = line.trim_start();
            assert!(!t.starts_with("%%"), "{line}");
            assert!(!t.starts_with("click"), "{line}");
            assert!(!t.starts_with(']'), "{line}");
        }
        assert!(out.stdout.contains("X #37;#37;#123;init"), "{}", out.stdout);
    }
}

#[test]
fn a_fact_given_dotted_and_nested_is_an_error_whatever_the_order() {
    let tmp = TempDir::new();
    for (name, text) in [
        (
            "dotted-first.yaml",
            variant(
                ELIGIBLE,
                "conflict:\n",
                "conflict.ceasefire: none\nconflict:\n",
            ),
        ),
        (
            "dotted-last.yaml",
            format!("{}conflict.ceasefire: none\n", read(ELIGIBLE)),
        ),
    ] {
        let f = tmp.write(name, &text);
        let out = run(&["evaluate", s(&f)]);
        assert_code(&out, 2);
        assert!(
            out.stderr.contains("`conflict.ceasefire` is given twice"),
            "{}",
            out.stderr
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_fact_varied_twice_is_refused() {
    for vary in [
        "impartial,impartial",
        "impartial,conflict.ceasefire,impartial",
    ] {
        let out = run(&["matrix", ELIGIBLE, "--vary", vary]);
        assert_code(&out, 2);
        assert_eq!(
            out.stderr,
            "error: --vary: `impartial` is named twice: each fact varies once\n"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn testing_a_folder_without_expectations_says_so() {
    let tmp = TempDir::new();
    let text: String = read(ELIGIBLE)
        .lines()
        .filter(|l| !l.starts_with("expect:"))
        .map(|l| format!("{l}\n"))
        .collect();
    tmp.write("a.yaml", &text);
    let out = run(&["test", s(tmp.path())]);
    assert_code(&out, 2);
    assert!(
        out.stderr
            .contains("no scenario here states an expectation"),
        "{}",
        out.stderr
    );
}
