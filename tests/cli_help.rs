//! Help, version and the exit codes they promise.

use common::*;

mod common;

// ---------------------------------------------------------- help, version

#[test]
fn evaluate_help_shows_examples_and_exit_codes() {
    let out = run(&["evaluate", "--help"]);
    assert_code(&out, 0);
    assert!(out.stdout.contains("Examples:"), "{}", out.stdout);
    assert!(out.stdout.contains("peacecoop evaluate "), "{}", out.stdout);
    assert!(out.stdout.contains("--date"), "{}", out.stdout);
    assert!(out.stdout.contains("--rules"), "{}", out.stdout);
    assert!(out.stdout.contains("Exit codes"), "{}", out.stdout);
}

#[test]
fn top_level_help_lists_commands() {
    let out = run(&["--help"]);
    assert_code(&out, 0);
    for cmd in ["evaluate", "rules", "check"] {
        assert!(out.stdout.contains(cmd), "{cmd}: {}", out.stdout);
    }
}

/// Text without terminal styling (help is styled even into a pipe).
fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Each command's help opens with the line the command list shows for it,
/// and lists its own options and examples: the commands' arguments are
/// defined only when used, and must still come with their own words.
#[test]
fn every_command_help_matches_the_command_list() {
    let top = plain(&run(&["--help"]).stdout);
    let list = top
        .split("Commands:")
        .nth(1)
        .and_then(|rest| rest.split("Options:").next())
        .expect("a command list");
    let mut seen = 0;
    for line in list.lines() {
        let Some((name, about)) = line.trim().split_once(char::is_whitespace) else {
            continue;
        };
        if name == "help" {
            continue;
        }
        let out = run(&[name, "--help"]);
        assert_code(&out, 0);
        let help = plain(&out.stdout);
        assert_eq!(help.lines().next(), Some(about.trim()), "{name}: {help}");
        assert!(help.contains("Examples:"), "{name}: {help}");
        assert!(
            help.contains(&format!("peacecoop {name}")),
            "{name}: {help}"
        );
        seen += 1;
    }
    assert_eq!(seen, 14, "{list}");
}

#[test]
fn version_prints_the_crate_version() {
    let out = run(&["--version"]);
    assert_code(&out, 0);
    assert_eq!(
        out.stdout.trim(),
        format!("peacecoop {}", env!("CARGO_PKG_VERSION"))
    );
}
