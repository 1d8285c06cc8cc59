//! Japanese throughout: with `--lang ja`, every word the program writes is
//! Japanese apart from identifiers (rule, reading, option and source ids),
//! fact names and values, file paths, addresses and acronyms. Each command
//! that prints words is run and its output scanned for anything else.

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;

mod common;

/// Every token the program may print untranslated: fact names and values
/// (from the schema), rule ids, readings and options, source ids.
fn identifiers() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let schema = run(&["schema"]);
    assert_code(&schema, 0);
    ids.extend(ascii_words(&schema.stdout));
    ids.extend(rule_ids(&[]));
    let readings = run(&["readings", "--format", "json"]).json();
    for r in readings.as_array().expect("a list") {
        ids.insert(r["id"].as_str().expect("id").to_owned());
        for o in r["options"].as_array().expect("options") {
            ids.insert(o["id"].as_str().expect("option id").to_owned());
        }
    }
    let sources = run(&["sources", "--format", "json"]).json();
    let list = match &sources {
        Value::Array(a) => a.clone(),
        v => v["sources"].as_array().cloned().unwrap_or_default(),
    };
    assert!(!list.is_empty(), "no sources listed");
    for s in list {
        ids.insert(s["id"].as_str().expect("source id").to_owned());
    }
    // The program's own name (`peacecoop readings`), values written in backticks.
    ids.extend(["peacecoop", "readings", "brief", "keep", "none", "unknown"].map(String::from));
    ids
}

/// The ASCII words of `text`: letters, digits, `_` and `-`, starting with a letter.
fn ascii_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        let inner = matches!(c, '_' | '-' | '.' | '\\');
        if c.is_ascii_alphanumeric() || (inner && !cur.is_empty()) {
            if c != '\\' && (!cur.is_empty() || c.is_ascii_alphabetic()) {
                cur.push(c);
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur).trim_end_matches('.').to_owned());
        }
    }
    out
}

/// `text` without addresses, paths and code spans, which hold names, not words.
fn strip(text: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for word in text.split_inclusive(char::is_whitespace) {
        let mut kept = String::new();
        for c in word.chars() {
            if c == '`' {
                in_code = !in_code;
                kept.push(' ');
            } else if !in_code {
                kept.push(c);
            }
        }
        // Addresses and file paths: anything with a slash.
        if kept.contains('/') {
            out.push(' ');
        } else {
            out.push_str(&kept);
        }
    }
    out
}

/// The words of `text` that are neither identifiers nor acronyms.
fn english(text: &str, ids: &BTreeSet<String>) -> BTreeSet<String> {
    ascii_words(&strip(text))
        .into_iter()
        .filter(|w| !ids.contains(w))
        .filter(|w| !w.split(['-', '.']).all(|p| p.is_empty() || ids.contains(p)))
        // Host names (iuris.jp) and CamelCase names of sites (LiveInPeace).
        .filter(|w| ![".jp", ".com", ".org"].iter().any(|d| w.ends_with(d)))
        .filter(|w| !w.chars().skip(1).any(|c| c.is_ascii_uppercase()))
        // Page and document numbers (ac144022).
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        // Acronyms and names of missions (UNMISS, PKF) and law-version ids (1992).
        .filter(|w| w.chars().filter(|c| c.is_ascii_lowercase()).count() >= 2)
        .collect()
}

/// The text an HTML page shows: without its style sheet and tags.
fn visible(page: &str) -> String {
    let mut out = String::new();
    let body = match page.split_once("</style>") {
        Some((_, rest)) => rest,
        None => page,
    };
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[test]
fn every_command_speaks_japanese_apart_from_names() {
    let ids = identifiers();
    let tmp = TempDir::new();
    // A scenario whose expectation fails, for the test report's failure lines.
    let failing = tmp.write(
        "failing.yaml",
        &format!(
            "{}\nexpect: {{verdict: eligible, rules: {{ceasefire-agreement: pass}}}}\n",
            read(NOT_ELIGIBLE).split("\nexpect:").next().expect("text")
        ),
    );
    let relief_unknown_impartiality = tmp.write(
        "relief.yaml",
        "name: x\ndate: 2005-01-01\noperation: humanitarian_relief\n\
         basis: {kind: organization_request, organization: UNHCR}\nconflict: {occurred: false}\n\
         consent: {host: given}\nuse_of_force: self_preservation\ntasks: [relief_supplies]\npersonnel: 50\n",
    );
    let mut commands: Vec<Vec<String>> = vec![
        vec!["evaluate", "scenarios/unmiss-2011.yaml"],
        vec!["evaluate", KAKETSUKE_2016],
        vec!["evaluate", NOT_ELIGIBLE, "--brief"],
        vec!["evaluate", UNDETERMINED, "--brief"],
        vec!["evaluate", s(&relief_unknown_impartiality), "--brief"],
        vec!["evaluate", "scenarios/", "--format", "summary"],
        vec!["evaluate", ELIGIBLE, "--format", "markdown"],
        vec!["evaluate", NOT_ELIGIBLE, "--format", "mermaid"],
        vec!["whatif", NOT_ELIGIBLE],
        vec!["whatif", "scenarios/hypo-p5-enforcement-2005.yaml"],
        vec!["history", "scenarios/unmiss-2011.yaml"],
        vec!["readings"],
        vec!["readings", "scenarios/unmiss-2011.yaml"],
        vec!["test", "scenarios/", "--coverage"],
        vec!["test", s(&failing)],
        vec!["rules"],
        vec!["rules", "--format", "mermaid", "--principle", "1"],
        vec![
            "matrix",
            "--vary",
            "conflict.ceasefire,consent.host",
            ELIGIBLE,
        ],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(String::from).collect())
    .collect();
    for rule in rule_ids(&[]) {
        commands.push(vec!["explain".into(), rule]);
    }
    for mut args in commands {
        args.extend(["--lang".to_owned(), "ja".to_owned()]);
        let out = run(&args);
        assert!(
            [0, 1, 3].contains(&out.code),
            "{args:?}: exit {}\n{}",
            out.code,
            out.stderr
        );
        let text = if args.contains(&"mermaid".to_owned()) {
            // Only the labels in quotes are words; the rest is Mermaid syntax.
            out.stdout
                .split('"')
                .skip(1)
                .step_by(2)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            out.stdout.clone()
        };
        let left = english(&text, &ids);
        assert!(
            left.is_empty(),
            "{args:?} writes English words {left:?}:\n{}",
            out.stdout
        );
    }
    // Verdicts are words, not the JSON values (which the scan allows as names).
    let md = run(&["evaluate", ELIGIBLE, "--format", "markdown", "--lang", "ja"]).stdout;
    assert!(md.contains("参加可能（想定どおり）"), "{md}");
    let md = run(&["evaluate", ELIGIBLE, "--format", "markdown"]).stdout;
    assert!(md.contains("ELIGIBLE (as expected)"), "{md}");
    // The handout, as a reader sees it.
    let page = run(&[
        "evaluate",
        ELIGIBLE,
        UNDETERMINED,
        "--format",
        "html",
        "--lang",
        "ja",
    ]);
    let left = english(&visible(&page.stdout), &ids);
    assert!(left.is_empty(), "the HTML handout shows {left:?}");
}

#[test]
fn the_scanner_catches_english() {
    let ids = identifiers();
    let found = english(
        "判定: 参加可能 test result: ok (`not_eligible`) <https://example.org/a> weapons-use UNMISS 1992 \
         conflict.ceasefire（iuris.jp） all passed.",
        &ids,
    );
    for w in ["result", "ok", "passed"] {
        assert!(found.contains(w), "{w} not caught: {found:?}");
    }
    for w in [
        "not_eligible",
        "weapons-use",
        "UNMISS",
        "1992",
        "conflict.ceasefire",
        "iuris.jp",
    ] {
        assert!(!found.contains(w), "{w} caught: {found:?}");
    }
}

#[test]
fn every_shipped_scenario_is_named_in_both_languages() {
    for f in scenario_files() {
        let en = run(&["evaluate", &f, "--format", "json"]).json();
        let ja = run(&["evaluate", &f, "--format", "json", "--lang", "ja"]).json();
        let (en, ja) = (&en["scenario"]["name"], &ja["scenario"]["name"]);
        assert_ne!(en, ja, "{f}: no Japanese name");
        assert!(ja.as_str().is_some_and(|n| !n.is_ascii()), "{f}: {ja}");
    }
}

/// `history --lang ja` names the outcomes that changed in Japanese.
#[test]
fn history_changes_are_named_in_japanese() {
    let out = run(&[
        "history",
        "scenarios/bosnia-elections-1998.yaml",
        "--lang",
        "ja",
    ]);
    assert_code(&out, 0);
    assert!(
        out.stdout.contains("election-basis: 施行外 → 充足"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("not_in_force"), "{}", out.stdout);
}
