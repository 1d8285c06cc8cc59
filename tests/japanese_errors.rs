//! Problems in Japanese: with `--lang ja`, every error, warning and help line
//! a command prints is Japanese, apart from what it quotes (ids, fact names,
//! keys and values in backticks, what was written in 「」, paths, codes in
//! brackets and the quoted source line). Without `--lang`, the English
//! messages are unchanged.

use common::*;
use std::collections::BTreeSet;

mod common;

/// Names the program may print as they are: fact names and values, rule
/// ids, readings and their options.
fn identifiers() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let schema = run(&["schema"]);
    assert_code(&schema, 0);
    ids.extend(words(&schema.stdout));
    ids.extend(rule_ids(&[]));
    let readings = run(&["readings", "--format", "json"]).json();
    for r in readings.as_array().expect("a list of readings") {
        ids.insert(r["id"].as_str().expect("id").to_owned());
        for o in r["options"].as_array().expect("options") {
            ids.insert(o["id"].as_str().expect("option id").to_owned());
        }
    }
    ids
}

/// The runs of ASCII letters in `text` (with `_` and `-` inside a name).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .map(str::to_owned)
        .collect()
}

/// `text` without what it quotes: source lines (`12 | …`), code spans,
/// 「」 quotes, `[codes]`, paths and command-line flags.
fn strip(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        let gutter = t
            .split_once('|')
            .is_some_and(|(n, _)| n.trim().chars().all(|c| c.is_ascii_digit()));
        if gutter {
            continue;
        }
        let mut kept = String::new();
        let mut depth = 0;
        for c in line.chars() {
            match c {
                '`' => depth ^= 1,
                '「' | '[' => depth |= 2,
                '」' | ']' => depth &= !2,
                _ if depth == 0 => kept.push(c),
                _ => {}
            }
            if matches!(c, '`' | '」' | ']') {
                kept.push(' ');
            }
        }
        for w in kept.split_whitespace() {
            if !w.contains('/') && !w.starts_with("--") {
                out.push_str(w);
                out.push(' ');
            }
        }
        out.push('\n');
    }
    out
}

/// The English words of `text`: words of three letters or more that are
/// not names (acronyms such as YAML and UTF are allowed).
fn english(text: &str, ids: &BTreeSet<String>) -> BTreeSet<String> {
    words(&strip(text))
        .into_iter()
        .filter(|w| !ids.contains(w))
        .filter(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3)
        .filter(|w| w.chars().filter(char::is_ascii_lowercase).count() >= 2)
        .collect()
}

/// Runs `args` with `--lang ja`; the output must be Japanese.
fn japanese(args: &[&str], code: i32, ids: &BTreeSet<String>) -> String {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--lang", "ja"]);
    let out = run(&all);
    assert_code(&out, code);
    let text = format!("{}{}", out.stdout, out.stderr);
    assert!(!out.stderr.is_empty(), "{all:?}: no message");
    let left = english(&text, ids);
    assert!(
        left.is_empty(),
        "{all:?} writes English words {left:?}:\n{text}"
    );
    text
}

const BAD: &str = "\
name: x
date: 2005-01-01
operation: humanitarian_relef
conflict: {ocurred: false, ceasefire: maybe}
personnel: \"1,000\"
tasks: [relief_supplies, cooking]
consent: {host: given}
operaton: x
readings: {parties-gone-before-2016: nope, no-such-reading: x}
";

#[test]
fn scenario_errors_are_japanese() {
    let ids = identifiers();
    let tmp = TempDir::new();
    let bad = tmp.write("bad.yaml", BAD);
    let text = japanese(&["evaluate", s(&bad)], 2, &ids);
    assert!(
        text.contains("未知のキー `conflict.ocurred`（使えるのは`occurred`、"),
        "{text}"
    );
    assert!(text.contains("  ヒント: もしかして `occurred`？"), "{text}");
    assert!(text.contains("`personnel` の値が不正：0から"), "{text}");
    assert!(
        text.contains("区切り記号を付けずに数を書く：`1000`"),
        "{text}"
    );
    assert!(text.contains("（「nope」が書かれている）"), "{text}");
    // The same file in English: the messages as they were.
    let en = run(&["evaluate", s(&bad)]);
    assert!(
        en.stderr.contains("error: ")
            && en
                .stderr
                .contains("unknown key `conflict.ocurred`; expected one of `occurred`, "),
        "{}",
        en.stderr
    );

    // The scan finds English where there is some.
    let left = english(&en.stderr, &ids);
    assert!(
        left.contains("invalid") && left.contains("expected"),
        "{left:?}"
    );

    let dates = tmp.write(
        "date.yaml",
        "name: x\ndate: 2016-02-30\noperation: un_peacekeeping\n",
    );
    let text = japanese(&["evaluate", s(&dates)], 2, &ids);
    assert!(text.contains("`2016-02-30` という日はない"), "{text}");
    let shape = tmp.write("shape.yaml", "name: x\ndate: 2016/3/29\n");
    japanese(&["evaluate", s(&shape)], 2, &ids);
    let scalar = tmp.write("scalar.yaml", "just text\n");
    japanese(&["evaluate", s(&scalar)], 2, &ids);
    let empty = tmp.write("empty.yaml", "");
    japanese(&["check", s(&empty)], 2, &ids);
    let no_name = tmp.write("noname.yaml", "operation: un_peacekeeping\n");
    japanese(&["whatif", s(&no_name)], 2, &ids);
}

#[test]
fn yaml_errors_are_japanese() {
    let ids = identifiers();
    let tmp = TempDir::new();
    for (i, src) in [
        "name: x\nfoo: [1, 2\n",
        "name: x\n\toperation: y\n",
        "name: x\nname: y\n",
        "name: !!str x\n",
        "a: &a [*a]\n",
        "name: x\n---\nname: y\n",
        "name: \"x\n",
        "? [a]\n: b\n",
    ]
    .iter()
    .enumerate()
    {
        let f = tmp.write(&format!("syntax-{i}.yaml"), src);
        let text = japanese(&["evaluate", s(&f)], 2, &ids);
        assert!(text.contains("YAML として読めない："), "{text}");
    }
    let f = tmp.write("open.yaml", "name: x\nfoo: [1, 2\n");
    let text = japanese(&["check", s(&f)], 2, &ids);
    assert!(
        text.contains("YAML として読めない：この `[` が閉じられていない：`]` を加える"),
        "{text}"
    );
}

#[test]
fn file_errors_are_japanese() {
    let ids = identifiers();
    let tmp = TempDir::new();
    let missing = tmp.path().join("missing.yaml");
    let text = japanese(&["evaluate", s(&missing)], 2, &ids);
    assert!(
        text.contains(&format!(
            "エラー: {}: ファイルを読めない：ファイルもフォルダーもない",
            missing.display()
        )),
        "{text}"
    );
    let big = tmp.write("big.yaml", &format!("name: x\nnote: {}\n", "a".repeat(300)));
    let text = japanese(&["evaluate", s(&big), "--max-size", "100"], 2, &ids);
    assert!(text.contains("上限の100バイトを超える"), "{text}");
    let folder = tmp.path().join("none");
    std::fs::create_dir_all(&folder).expect("folder");
    japanese(&["evaluate", s(&folder)], 2, &ids);
    japanese(&["check", "--rules", s(&missing)], 2, &ids);
    japanese(&["check", "--rules", s(&folder)], 2, &ids);
    let text = japanese(&["test", s(&folder)], 2, &ids);
    assert!(text.contains("エラー: "), "{text}");
}

#[test]
fn reading_and_argument_errors_are_japanese() {
    let ids = identifiers();
    let text = japanese(
        &[
            "evaluate",
            ELIGIBLE,
            "--reading",
            "parties-gone-before-2016=nope",
        ],
        2,
        &ids,
    );
    assert_eq!(
        text,
        "エラー: 解釈 `parties-gone-before-2016` に選択肢 `nope` はない\n  ヒント: 選択肢は `practice`、`text`\n"
    );
    japanese(&["readings", ELIGIBLE, "--reading", "no-such=x"], 2, &ids);
    japanese(&["explain", "no-such-rule"], 2, &ids);
    japanese(&["rules", "--principle", "42"], 2, &ids);
    japanese(
        &["matrix", "--vary", "conflict.ceasfire", ELIGIBLE],
        2,
        &ids,
    );
    japanese(&["evaluate", "scenarios/", "--format", "mermaid"], 2, &ids);
    japanese(&["whatif", ELIGIBLE, "--keep", "no.such"], 2, &ids);
    // Errors of the command line itself, found before any command runs.
    let text = japanese(&["evaluate", ELIGIBLE, "--date", "2016-13-01"], 2, &ids);
    assert_eq!(
        text,
        "エラー: `--date <YYYY-MM-DD>` の値「2016-13-01」は使えない\n  \
         ヒント: `2016-13-01` の月が13になっている（月は1から12まで）\n"
    );
    let text = japanese(&["evaluate", ELIGIBLE, "--format", "yaml"], 2, &ids);
    assert!(text.contains("使える値：`text`、`json`"), "{text}");
    japanese(&["evaluate", ELIGIBLE, "--reading", "nope"], 2, &ids);
    japanese(&["evaluate", "--bogus"], 2, &ids);
    japanese(&["evaluat", ELIGIBLE], 2, &ids);
    japanese(&["explain"], 2, &ids);
    let text = japanese(&["whatif", ELIGIBLE, "--max-changes", "99"], 2, &ids);
    assert!(text.ends_with("ヒント: 1から8までの整数を書く\n"), "{text}");
    // An option given twice, or without its value.
    let text = japanese(
        &["evaluate", ELIGIBLE, "--format", "json", "--format", "text"],
        2,
        &ids,
    );
    assert!(
        text.starts_with("エラー: `--format <FORMAT>` は一度だけ指定できる"),
        "{text}"
    );
    let text = japanese(&["evaluate", ELIGIBLE, "--date"], 2, &ids);
    assert!(
        text.starts_with("エラー: `--date <YYYY-MM-DD>` に値が書かれていない"),
        "{text}"
    );
    // An argument that is not UTF-8 is an error, not a crash.
    use std::os::unix::ffi::OsStringExt;
    let bad = std::ffi::OsString::from_vec(vec![0xff]);
    let out = run(&[bad, "--lang".into(), "ja".into()]);
    assert_code(&out, 2);
    assert!(out.stderr.starts_with("エラー: "), "{}", out.stderr);
}

#[test]
fn check_speaks_japanese_for_broken_rulesets() {
    let ids = identifiers();
    let names = broken_rulesets();
    assert!(names.len() > 10, "{names:?}");
    for name in names {
        let rules = format!("tests/broken-rulesets/{name}");
        japanese(&["check", "--rules", &rules], 2, &ids);
    }
    let text = japanese(
        &["check", "--rules", "tests/broken-rulesets/many-at-once"],
        2,
        &ids,
    );
    assert!(
        text.contains("エラー[unknown-fact]: `impartail` という事実はない\n"),
        "{text}"
    );
    assert!(
        text.contains("  ヒント: もしかして `impartial`？"),
        "{text}"
    );
    // The shipped rules pass, and say so in Japanese.
    let ok = run(&["check", "--lang", "ja"]);
    assert_code(&ok, 0);
    assert!(
        ok.stdout.starts_with("問題なし（組み込みの規則集）："),
        "{}",
        ok.stdout
    );
}
