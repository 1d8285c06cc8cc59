//! The README's example output is the real output: regenerate it when the
//! rules or the renderer change (the test prints the expected text).

use common::*;

mod common;

#[test]
fn readme_example_output_is_current() {
    let readme = read("README.md");
    let marker = "and exits with code 1:\n\n```text\n";
    let start = readme.find(marker).expect("the example block") + marker.len();
    let end = start + readme[start..].find("\n```").expect("end of block");
    let shown = &readme[start..end];
    let out = run(&["evaluate", "scenarios/hypo-p1-no-ceasefire-1995.yaml"]);
    assert_code(&out, 1);
    assert_eq!(
        shown,
        out.stdout.trim_end(),
        "README example is stale; the real output is:\n{}",
        out.stdout
    );
}

/// The worksheet's answer blocks (`$ NO_COLOR=1 ./target/release/peacecoop …`
/// followed by its output) are the real output.
#[test]
fn worksheet_answers_are_current() {
    let sheet = read("scenarios/README.md");
    let lines: Vec<&str> = sheet.lines().collect();
    let prompt = "$ NO_COLOR=1 ./target/release/peacecoop ";
    let mut checked = 0;
    let mut i = 0;
    while i < lines.len() {
        let Some(args) = lines[i].strip_prefix(prompt) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < lines.len() && !lines[j].starts_with("```") && !lines[j].starts_with("$ ") {
            j += 1;
        }
        let shown = lines[i + 1..j].join("\n");
        let args: Vec<&str> = args.split_whitespace().collect();
        let out = run(&args);
        assert_eq!(
            shown.trim_end(),
            out.stdout.trim_end(),
            "worksheet answer for `{}` is stale; the real output is:\n{}",
            args.join(" "),
            out.stdout
        );
        checked += 1;
        i = j;
    }
    assert!(checked >= 5, "only {checked} answer blocks found");
}
