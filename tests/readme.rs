//! The README's example output is the real output: regenerate it when the
//! rules or the renderer change (the test prints the expected text).

use peacecoop::{RuleSet, render};

#[test]
fn readme_example_output_is_current() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(&root).expect("cd to the crate");
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let marker = "and exits with code 1:\n\n```text\n";
    let start = readme.find(marker).expect("the example block") + marker.len();
    let end = start + readme[start..].find("\n```").expect("end of block");
    let shown = &readme[start..end];

    let rules = RuleSet::embedded().expect("rules");
    let s = rules
        .read_scenario(
            std::path::Path::new("scenarios/hypo-p1-no-ceasefire-1995.yaml"),
            1 << 20,
        )
        .expect("scenario");
    let e = rules.evaluate(&s);
    let actual =
        anstream::adapter::strip_str(&render::text::evaluation(&rules, &s, &e)).to_string();
    assert_eq!(
        shown,
        actual.trim_end(),
        "README example is stale; the real output is:\n{actual}"
    );
}
