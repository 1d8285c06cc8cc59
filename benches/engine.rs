//! Criterion benchmarks: `cargo bench`. Figures for this machine are in the
//! README's performance section.

use criterion::{Criterion, criterion_group, criterion_main};
use peacecoop::{Keep, Lang, RuleSet, Scenario, WhatifOptions};
use std::hint::black_box;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scenario(rs: &RuleSet, file: &str) -> Scenario {
    rs.read_scenario(&root().join("scenarios").join(file), 1 << 20)
        .expect("a shipped scenario")
}

fn engine(c: &mut Criterion) {
    c.bench_function("load embedded ruleset", |b| {
        b.iter(|| RuleSet::embedded().expect("rules"))
    });
    let rs = RuleSet::embedded().expect("rules");
    let text = std::fs::read_to_string(root().join("scenarios/untac-1992.yaml")).expect("text");
    c.bench_function("parse scenario (untac-1992)", |b| {
        b.iter(|| {
            rs.parse_scenario(black_box(&text), "untac-1992.yaml")
                .expect("valid")
        })
    });
    for file in [
        "untac-1992.yaml",
        "unosom-ii-1993.yaml",
        "unmiss-2016-kaketsuke-keigo.yaml",
    ] {
        let s = scenario(&rs, file);
        let mut e = rs.evaluate(&s);
        c.bench_function(&format!("evaluate with trace ({file})"), |b| {
            b.iter(|| rs.evaluate_into(black_box(&s), &mut e))
        });
        c.bench_function(&format!("verdict only ({file})"), |b| {
            b.iter(|| rs.verdict(black_box(&s)))
        });
        c.bench_function(&format!("report ({file})"), |b| {
            b.iter(|| rs.report(&s, &e, Lang::En))
        });
    }
}

fn analysis(c: &mut Criterion) {
    let rs = RuleSet::embedded().expect("rules");
    let mut g = c.benchmark_group("analysis");
    g.sample_size(10);
    let worst = scenario(&rs, "unosom-ii-1993.yaml");
    let six = WhatifOptions::new(6, Keep::Nothing);
    g.bench_function("whatif --max-changes 6 --keep none (unosom-ii-1993)", |b| {
        b.iter(|| rs.whatif(black_box(&worst), &six, Lang::En))
    });
    let base = scenario(&rs, "untac-1992.yaml");
    let dims: Vec<String> = [
        "operation",
        "conflict.ceasefire",
        "conflict.host_is_party",
        "consent.host",
        "consent.parties",
        "impartial",
        "use_of_force",
        "consent.stable",
        "date",
    ]
    .map(String::from)
    .to_vec();
    g.bench_function("matrix over 9 facts (30,720 combinations)", |b| {
        b.iter(|| {
            rs.matrix(black_box(&base), &dims, Lang::En)
                .expect("matrix")
        })
    });
    g.finish();
}

criterion_group!(benches, engine, analysis);
criterion_main!(benches);
