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

#[test]
fn version_prints_the_crate_version() {
    let out = run(&["--version"]);
    assert_code(&out, 0);
    assert_eq!(
        out.stdout.trim(),
        format!("peacecoop {}", env!("CARGO_PKG_VERSION"))
    );
}
