//! The generator behind the `amplify` target: fuzz bytes read as choices,
//! turned into rule files and a scenario, and run through the library.

use peacecoop::render::{self, Detail, TextOptions};
use peacecoop::{Keep, Lang, RuleSet, WhatifOptions};
use std::fmt::Write as _;

/// The fuzz bytes as a stream of choices (zeros once used up).
struct Choices<'a>(&'a [u8]);

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    /// A number below `n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        let x = usize::from(self.byte()) << 8 | usize::from(self.byte());
        x % n
    }
    fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }
    fn int(&mut self) -> i64 {
        match self.byte() % 6 {
            0 => i64::MIN,
            1 => i64::MAX,
            2 => -1,
            3 => 0,
            _ => self.below(100_000) as i64,
        }
    }
    fn date(&mut self) -> String {
        let y = 1700 + self.below(500);
        let m = 1 + self.below(12);
        let days = if self.flag() { 28 } else { 31 };
        let d = 1 + self.below(days);
        format!("{y:04}-{m:02}-{d:02}")
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Ty {
    Bool,
    Enum(usize),
    Int,
    Date,
    Text,
    List(usize),
}

/// A condition on fact `f` of type `ty`.
fn test(c: &mut Choices<'_>, f: usize, ty: Ty) -> String {
    match ty {
        Ty::Bool => format!("{{ fact: f{f}, is: {} }}", c.flag()),
        Ty::Enum(n) => match c.byte() % 3 {
            0 => format!("{{ fact: f{f}, is: v{} }}", c.below(n)),
            1 => format!("{{ fact: f{f}, in: [v{}, v{}] }}", c.below(n), c.below(n)),
            _ => format!("{{ fact: f{f}, is_set: true }}"),
        },
        Ty::Int => match c.byte() % 3 {
            0 => format!("{{ fact: f{f}, at_least: {} }}", c.int()),
            1 => format!("{{ fact: f{f}, at_most: {} }}", c.int()),
            _ => format!("{{ fact: f{f}, is: {} }}", c.int()),
        },
        Ty::Date => {
            let d = c.date();
            if c.flag() {
                format!("{{ fact: f{f}, before: {d} }}")
            } else {
                format!("{{ fact: f{f}, after: {d} }}")
            }
        }
        Ty::Text => format!("{{ fact: f{f}, is: \"w{}\" }}", c.below(4)),
        Ty::List(n) => match c.byte() % 3 {
            0 => format!("{{ fact: f{f}, contains: i{} }}", c.below(n)),
            1 => format!(
                "{{ fact: f{f}, contains_any: [i{}, i{}] }}",
                c.below(n),
                c.below(n)
            ),
            _ => format!("{{ fact: f{f}, contains_all: [i{}] }}", c.below(n)),
        },
    }
}

/// The rule files and a scenario chosen by `data`.
pub fn build(data: &[u8]) -> (Vec<(String, String)>, String) {
    let mut c = Choices(data);
    // Facts.
    let n_facts = 1 + c.below(40);
    let mut types = Vec::new();
    let mut facts = String::from(
        "facts:\n  - name: date\n    type: date\n    default: today\n    description: { en: d, ja: d }\n",
    );
    for f in 0..n_facts {
        let ty = match c.byte() % 6 {
            0 => Ty::Bool,
            1 => Ty::Enum(1 + c.below(64)),
            2 => Ty::Int,
            3 => Ty::Date,
            4 => Ty::Text,
            _ => Ty::List(1 + c.below(64)),
        };
        types.push(ty);
        let _ = write!(
            facts,
            "  - name: f{f}\n    description: {{ en: f, ja: f }}\n"
        );
        match ty {
            Ty::Bool => facts.push_str("    type: bool\n"),
            Ty::Enum(n) | Ty::List(n) => {
                let kind = if matches!(ty, Ty::Enum(_)) {
                    "enum"
                } else {
                    "list"
                };
                let _ = writeln!(facts, "    type: {kind}\n    values:");
                for v in 0..n {
                    let p = if kind == "enum" { 'v' } else { 'i' };
                    let _ = writeln!(facts, "      {p}{v}: {{ en: x, ja: x }}");
                }
            }
            Ty::Int => {
                let (a, b) = (c.int(), c.int());
                let _ = writeln!(
                    facts,
                    "    type: int\n    min: {}\n    max: {}",
                    a.min(b),
                    a.max(b)
                );
            }
            Ty::Date => facts.push_str("    type: date\n"),
            Ty::Text => facts.push_str("    type: text\n"),
        }
    }
    // Law versions (sometimes two on one day).
    facts.push_str("law_versions:\n");
    for v in 0..1 + c.below(4) {
        let _ = write!(
            facts,
            "  - id: \"v{v}\"\n    in_force_from: {}\n    title: {{ en: t, ja: t }}\n",
            if v > 0 && c.flag() {
                "1900-01-01".to_owned()
            } else {
                c.date()
            }
        );
    }
    // Terms: a chain, each using the one before twice (or a fact).
    let n_terms = c.below(24);
    let mut terms = String::from("terms:\n");
    for t in 0..n_terms {
        let f = c.below(n_facts);
        let when = if t == 0 || c.byte() % 5 == 0 {
            test(&mut c, f, types[f])
        } else {
            let head = ["any", "all"][c.below(2)];
            let other = test(&mut c, f, types[f]);
            format!(
                "{{ {head}: [{{ term: t{p} }}, {{ term: t{p} }}, {other}] }}",
                p = t - 1
            )
        };
        let _ = write!(
            terms,
            "  - name: t{t}\n    description: {{ en: T, ja: T }}\n    when: {when}\n"
        );
    }
    // Rules, sometimes past the limit; each file within the parser's bounds.
    // Mostly small, so that many shapes are tried; sometimes past the limit.
    let n_rules = match c.byte() % 32 {
        31 => 4_000 + c.below(2_000),
        27..=30 => 200 + c.below(1_000),
        _ => 1 + c.below(40),
    };
    let placeholders = match c.byte() % 8 {
        7 => 1 + c.below(3_000),
        _ => c.below(3),
    };
    let mut files = vec![("facts.yaml".to_owned(), facts)];
    if n_terms > 0 {
        files.push(("terms.yaml".to_owned(), terms));
    }
    let mut rules = String::from("rules:\n");
    for r in 0..n_rules {
        let f = c.below(n_facts);
        let require = match c.byte() % 4 {
            0 if n_terms > 0 => format!("{{ term: t{} }}", c.below(n_terms)),
            1 if r > 0 => format!("{{ rule: r{}, is: pass }}", c.below(r)),
            2 if n_terms > 0 => {
                let g = c.below(n_facts);
                format!(
                    "{{ all: [{{ term: t{} }}, {}, {}] }}",
                    n_terms - 1,
                    test(&mut c, f, types[f]),
                    test(&mut c, g, types[g])
                )
            }
            _ => test(&mut c, f, types[f]),
        };
        let hole = format!("{{f{}}} ", c.below(n_facts));
        let text = hole.repeat(if r == 0 { placeholders } else { c.below(3) });
        let _ = write!(
            rules,
            "  - id: r{r}\n    title: {{ en: R, ja: R }}\n    kind: {}\n    require: {require}\n    cites: [x]\n    explain: {{ pass: {{ en: \"ok {text}\", ja: \"可 {text}\" }}, fail: {{ en: \"no {text}\", ja: \"否\" }} }}\n",
            ["general", "pillar", "task", "policy"][c.below(4)],
        );
        if c.byte() % 16 == 0 {
            let (a, b) = (c.date(), c.date());
            let (early, late) = if a <= b { (a, b) } else { (b, a) };
            let _ = write!(
                rules,
                "    versions:\n      - in_force: {{ until: {early} }}\n      - in_force: {{ from: {late} }}\n"
            );
        }
        if rules.len() > 200_000 {
            files.push((
                format!("rules{r:05}.yaml"),
                std::mem::replace(&mut rules, String::from("rules:\n")),
            ));
        }
    }
    files.push(("rules.yaml".to_owned(), rules));
    // The scenario, with long values.
    let mut scenario = String::from("name: ");
    let long = match c.byte() % 8 {
        7 => 1 + c.below(200_000),
        _ => 1 + c.below(20),
    };
    let _ = writeln!(scenario, "\"{}\"", "N\u{202e}\\e[2J".repeat(long / 8 + 1));
    for f in 0..n_facts {
        if c.byte() % 3 == 0 {
            continue;
        }
        let v = match types[f] {
            Ty::Bool => c.flag().to_string(),
            Ty::Enum(n) => format!("v{}", c.below(n)),
            Ty::Int => c.int().to_string(),
            Ty::Date => c.date(),
            Ty::Text => format!("\"{}\"", "w".repeat(1 + c.below(long))),
            Ty::List(n) => format!("[i{}, i{}]", c.below(n), c.below(n)),
        };
        let _ = writeln!(scenario, "f{f}: {v}");
    }
    (files, scenario)
}

/// Loads, analyses, evaluates, reports, varies and renders what `data`
/// builds. With `AMPLIFY_TIMING` set, each stage's time goes to stderr
/// (to find what a slow input spends its time on).
pub fn exercise(data: &[u8]) {
    let start = std::time::Instant::now();
    let timing = std::env::var_os("AMPLIFY_TIMING").is_some();
    let lap = |what: &str| {
        if timing {
            eprintln!("{what}: {:?}", start.elapsed());
        }
    };
    let (files, scenario) = build(data);
    if timing {
        let rules: usize = files
            .iter()
            .map(|(_, t)| t.matches("  - id: r").count())
            .sum();
        eprintln!(
            "{} files, {rules} rules, scenario {} bytes",
            files.len(),
            scenario.len()
        );
    }
    lap("built");
    // With `AMPLIFY_DUMP=DIR`, the rule files and the scenario are written
    // there, to replay a finding with the command-line tool.
    if let Some(dir) = std::env::var_os("AMPLIFY_DUMP") {
        let dir = std::path::Path::new(&dir);
        let _ = std::fs::create_dir_all(dir.join("rules"));
        for (name, text) in &files {
            let _ = std::fs::write(dir.join("rules").join(name), text);
        }
        let _ = std::fs::write(dir.join("scenario.yaml"), &scenario);
    }
    let rs = match RuleSet::from_texts(&files) {
        Ok(rs) => rs,
        Err(e) => {
            lap("load failed");
            for d in e.diagnostics.iter().take(50) {
                let _ = render::diagnostic::diagnostic(d, None);
            }
            return;
        }
    };
    lap("loaded");
    let _ = rs.analyse();
    lap("analysed");
    let Ok(s) = rs.parse_scenario(&scenario, "amplified.yaml") else {
        lap("scenario refused");
        return;
    };
    let e = rs.evaluate(&s);
    for lang in Lang::ALL {
        let report = rs.report(&s, &e, lang);
        let _ = render::text(&report, &TextOptions::new(Detail::Full, lang));
        let _ = render::json::pretty(&report);
        let _ = render::mermaid::scenario(&report, lang);
    }
    lap("reported");
    let _ = rs.history(&s, Lang::En);
    lap("history");
    let _ = rs.whatif(&s, &WhatifOptions::new(2, Keep::Nothing), Lang::En);
    lap("whatif");
    let _ = rs.readings_report(&s, &[], Lang::En);
    lap("readings");
}
