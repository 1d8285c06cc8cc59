//! How loading and evaluation grow with the size of a ruleset:
//! `cargo bench --bench scaling` (about three minutes on a 2-core machine).
//!
//! # Design
//!
//! The rule sets are synthetic, generated here as YAML texts in the grammar of
//! `rules/README.md` (facts, law versions, sources, a term, rules with
//! versions, citations and explanations) and loaded with
//! [`RuleSet::from_texts`], so they take the full path with every check and
//! run on the tree interpreter (the generated native code serves only the
//! shipped rules).
//!
//! Two axes, crossed:
//!
//! - **rules**: 30 (the shipped ruleset's size), 300 and 3,000;
//! - **facts' worth of conditions**: 10, 100 and 1,000 fact tests in each
//!   rule's condition. A vocabulary holds **at most 64 facts** (facts are
//!   tracked in a 64-bit set), so the number of *distinct* facts is
//!   `min(tests, 64)` and larger conditions test the same facts again, in a
//!   rotating order (bool `is`, enum `in`, int `at_least`, list `contains`,
//!   date `after`). What grows is the size of the conditions, which is what
//!   evaluation and loading pay for.
//!
//! The loader bounds a ruleset against hostile input: at most 400,000 YAML
//! values in all its files (one test is five to seven) and 200,000
//! condition parts. So 300 × 1,000, 3,000 × 100 and 3,000 × 1,000 (300,000
//! to 3,000,000 tests) cannot be loaded: the bench shows the first of them
//! refused. The grid measured is the rest: rules grow at 10 tests each
//! (30, 300, 3,000), tests grow at 30 rules (10, 100, 1,000), and 300 × 100.
//!
//! Every rule applies through a shared term, every tenth rule has two
//! versions (the scenario's date selects the second), the other rules refer
//! to their group's first rule's outcome, and the scenario makes every test
//! true, so no `all` stops early and every test is evaluated.
//!
//! Measured for each rule set: the load (parse, check, build), one
//! evaluation with its trace, the verdict alone, and the report of that
//! evaluation. Criterion measures each; a table at the end (own timing,
//! medians) divides loading by the size of the YAML and evaluation by the
//! number of tests, so that linear growth shows as a flat column. (Loading
//! is mostly YAML parsing, so it follows the text's size; a rule's title,
//! citation and explanations weigh as much as ten tests. The report follows
//! the rules and the facts each one read, which is what it lists.)

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use peacecoop::{Code, Lang, RuleSet, Scenario, Verdict};
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The vocabulary's bound (`MAX_FACTS` in the library).
const MAX_FACTS: usize = 64;
/// The most rules written to one file: a YAML document holds at most
/// 50,000 values, and one test is about five.
const TESTS_PER_FILE: usize = 6_000;

/// The rule sets measured: (rules, tests per rule).
const GRID: &[(usize, usize)] = &[
    (30, 10),
    (30, 100),
    (30, 1_000),
    (300, 10),
    (300, 100),
    (3_000, 10),
];

/// Rule sets past the loader's bound: not measured, only listed.
const OVER_BOUND: &[(usize, usize)] = &[(300, 1_000), (3_000, 100), (3_000, 1_000)];

/// A generated ruleset and a scenario under which every test is true.
struct Synthetic {
    rules: usize,
    tests: usize,
    files: Vec<(String, String)>,
    scenario: String,
}

impl Synthetic {
    fn distinct_facts(&self) -> usize {
        self.tests.min(MAX_FACTS)
    }
    /// The size of the rule files.
    fn bytes(&self) -> usize {
        self.files.iter().map(|(_, t)| t.len()).sum()
    }
    fn label(&self) -> String {
        format!("{}r x {}t", self.rules, self.tests)
    }
}

/// The kind of fact `k` (fact 0 is `date`).
fn kind(k: usize) -> &'static str {
    match k % 4 {
        _ if k == 0 => "date",
        1 => "bool",
        2 => "enum",
        3 => "int",
        _ => "list",
    }
}

/// A test on fact `k` that holds under the generated scenario.
fn test(k: usize) -> String {
    match kind(k) {
        "date" => "{fact: date, after: 1990-01-01}".to_owned(),
        "bool" => format!("{{fact: f{k:02}, is: true}}"),
        "enum" => format!("{{fact: f{k:02}, in: [a, b]}}"),
        "int" => format!("{{fact: f{k:02}, at_least: 10}}"),
        _ => format!("{{fact: f{k:02}, contains: x}}"),
    }
}

fn generate(rules: usize, tests: usize) -> Synthetic {
    let facts = tests.min(MAX_FACTS);
    let mut head = String::from(
        "sources:\n  - id: synthetic-act\n    title: { en: The Synthetic Act, ja: 合成法 }\n    kind: statute\n\
         law_versions:\n  - id: \"1990\"\n    in_force_from: 1990-01-01\n    title: { en: Act of 1990, ja: 1990年法 }\n\
         \x20 - id: \"2000\"\n    in_force_from: 2000-01-01\n    title: { en: Act of 2000, ja: 2000年法 }\n\
         terms:\n  - name: active\n    description: { en: The Act applies, ja: 法が適用される }\n    when: {fact: date, after: 1990-01-01}\n\
         facts:\n  - name: date\n    type: date\n    description: { en: the date, ja: 日付 }\n",
    );
    let mut scenario = String::from("name: synthetic\ndate: 2020-01-01\n");
    for k in 1..facts {
        let _ = write!(
            head,
            "  - name: f{k:02}\n    type: {}\n    description: {{ en: fact {k}, ja: 事実{k} }}\n",
            kind(k)
        );
        let values = "    values:\n      a: { en: a, ja: a }\n      b: { en: b, ja: b }\n      c: { en: c, ja: c }\n";
        let list = "    values:\n      x: { en: x, ja: x }\n      y: { en: y, ja: y }\n      z: { en: z, ja: z }\n";
        let value = match kind(k) {
            "bool" => "true",
            "enum" => {
                head.push_str(values);
                "a"
            }
            "int" => {
                head.push_str("    min: 0\n    max: 1000\n");
                "500"
            }
            _ => {
                head.push_str(list);
                "[x, y]"
            }
        };
        let _ = writeln!(scenario, "f{k:02}: {value}");
    }
    let mut files = vec![("synthetic/law.yaml".to_owned(), head)];
    let per_file = (TESTS_PER_FILE / tests).clamp(1, 200);
    let mut text = String::new();
    for i in 0..rules {
        if i % per_file == 0 {
            if !text.is_empty() {
                files.push((format!("synthetic/rules-{:04}.yaml", files.len()), text));
            }
            text = String::from("rules:\n");
        }
        let group_head = i - i % 10;
        let mut conds: Vec<String> = (0..tests).map(|j| test((i + j) % facts)).collect();
        if i != group_head {
            conds.pop();
            conds.push(format!("{{rule: r{group_head:05}, is: pass}}"));
        }
        let require = format!("{{all: [{}]}}", conds.join(", "));
        let shown = 1 + i % (facts - 1).max(1);
        let _ = write!(
            text,
            "  - id: r{i:05}\n    title: {{ en: Rule {i}, ja: 規則{i} }}\n    kind: general\n\
             \x20   applies_if: {{term: active}}\n\
             \x20   cites: [{{article: {{ en: Art {i}, ja: 第{i}条 }}, source: synthetic-act}}]\n\
             \x20   explain:\n      pass: {{ en: \"Rule {i} holds (f{shown:02} = {{f{shown:02}}}).\", ja: 規則{i}を満たす。 }}\n\
             \x20     fail: {{ en: \"Rule {i} fails (f{shown:02} = {{f{shown:02}}}).\", ja: 規則{i}を満たさない。 }}\n"
        );
        if i == group_head {
            let _ = write!(
                text,
                "    versions:\n      - in_force: {{ until: 1999-12-31 }}\n        require: {{fact: date, before: 1995-01-01}}\n\
                 \x20     - in_force: {{ from: 2000-01-01 }}\n        change: {{ en: Tightened., ja: 厳格化 }}\n        require: {require}\n"
            );
        } else {
            let _ = writeln!(text, "    require: {require}");
        }
    }
    files.push((format!("synthetic/rules-{:04}.yaml", files.len()), text));
    Synthetic {
        rules,
        tests,
        files,
        scenario,
    }
}

/// Loads a generated ruleset and its scenario, and checks that the scenario
/// passes every rule (so that every test is evaluated).
fn load(syn: &Synthetic) -> (RuleSet, Scenario) {
    let rs = RuleSet::from_texts(&syn.files).unwrap_or_else(|e| panic!("{}: {e}", syn.label()));
    let s = rs
        .parse_scenario(&syn.scenario, "synthetic.yaml")
        .unwrap_or_else(|e| panic!("{}: {e}", syn.label()));
    let e = rs.evaluate(&s);
    assert_eq!(e.verdict(), Verdict::Eligible, "{}", syn.label());
    assert_eq!(e.outcomes().count(), syn.rules, "{}", syn.label());
    (rs, s)
}

fn configure(g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, big: bool) {
    g.warm_up_time(Duration::from_millis(300));
    g.measurement_time(Duration::from_millis(if big { 1_500 } else { 800 }));
    g.sample_size(10);
    g.sampling_mode(if big {
        SamplingMode::Flat
    } else {
        SamplingMode::Auto
    });
}

fn scaling(c: &mut Criterion) {
    let sets: Vec<Synthetic> = GRID.iter().map(|&(r, t)| generate(r, t)).collect();
    for syn in &sets {
        let big = syn.rules * syn.tests >= 30_000;
        let id = BenchmarkId::from_parameter(syn.label());
        let (rs, s) = load(syn);
        let e = rs.evaluate(&s);

        let mut g = c.benchmark_group("scaling/load");
        configure(&mut g, big);
        g.bench_with_input(id.clone(), &syn.files, |b, files| {
            b.iter(|| RuleSet::from_texts(black_box(files)).expect("loads"))
        });
        g.finish();

        let mut g = c.benchmark_group("scaling/evaluate");
        configure(&mut g, big);
        g.bench_with_input(id.clone(), &s, |b, s| b.iter(|| rs.evaluate(black_box(s))));
        g.finish();

        let mut g = c.benchmark_group("scaling/verdict");
        configure(&mut g, big);
        g.bench_with_input(id.clone(), &s, |b, s| b.iter(|| rs.verdict(black_box(s))));
        g.finish();

        let mut g = c.benchmark_group("scaling/report");
        configure(&mut g, big);
        g.bench_with_input(id, &s, |b, s| b.iter(|| rs.report(s, &e, Lang::En)));
        g.finish();
    }
    table(&sets);
}

/// The median time of `f`, run at least three times and for about `budget`.
fn median(budget: Duration, mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 3 || (start.elapsed() < budget && times.len() < 100_000) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

/// Prints the scaling table (Markdown), with the cost per test so that
/// linear growth reads as a flat column.
fn table(sets: &[Synthetic]) {
    let budget = Duration::from_millis(250);
    println!();
    println!("## Scaling (medians, own timing; criterion's estimates are above)");
    println!();
    println!(
        "| rules | tests per rule | distinct facts | tests in all | YAML | load | evaluate (trace) | verdict | report | load / KiB | evaluate / test | verdict / test |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for syn in sets {
        let (rs, s) = load(syn);
        let e = rs.evaluate(&s);
        let load = median(budget, || {
            black_box(RuleSet::from_texts(black_box(&syn.files)).expect("loads"));
        });
        let eval = median(budget, || {
            black_box(rs.evaluate(black_box(&s)));
        });
        let verdict = median(budget, || {
            black_box(rs.verdict(black_box(&s)));
        });
        let report = median(budget, || {
            black_box(rs.report(&s, &e, Lang::En));
        });
        let n = (syn.rules * syn.tests) as f64;
        let per = |d: Duration| format!("{:.0} ns", d.as_nanos() as f64 / n);
        let kib = syn.bytes() as f64 / 1024.0;
        println!(
            "| {} | {} | {} | {} | {:.0} KiB | {} | {} | {} | {} | {} | {} | {} |",
            syn.rules,
            syn.tests,
            syn.distinct_facts(),
            syn.rules * syn.tests,
            kib,
            show(load),
            show(eval),
            show(verdict),
            show(report),
            show(load.div_f64(kib)),
            per(eval),
            per(verdict),
        );
    }
    for &(r, t) in OVER_BOUND {
        println!(
            "| {r} | {t} | {} | {} | | refused: over the loader's bounds | | | | | | |",
            t.min(MAX_FACTS),
            r * t
        );
    }
    refused(OVER_BOUND[0]);
}

/// Shows that a ruleset past the loader's bound is refused with an error,
/// and how long the refusal takes.
fn refused((rules, tests): (usize, usize)) {
    let syn = generate(rules, tests);
    let t = Instant::now();
    let err = RuleSet::from_texts(&syn.files).expect_err("over the bound");
    let took = t.elapsed();
    assert!(
        err.diagnostics
            .iter()
            .any(|d| d.code == Code::RulesetTooLarge),
        "{err}"
    );
    println!();
    println!(
        "{}: refused (`{}`) in {}",
        syn.label(),
        Code::RulesetTooLarge,
        show(took)
    );
}

fn show(d: Duration) -> String {
    let ns = d.as_nanos() as f64;
    if ns >= 1e6 {
        format!("{:.1} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

criterion_group!(benches, scaling);
criterion_main!(benches);
