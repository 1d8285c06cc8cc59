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
