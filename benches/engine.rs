//! Criterion benchmarks: `cargo bench`. Figures for this machine are in the
//! README's performance section.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use peacecoop::{RuleSet, Scenario, matrix, whatif};
use std::hint::black_box;
use std::path::{Path, PathBuf};

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
        c.bench_function(&format!("evaluate with trace ({file})"), |b| {
            b.iter(|| rs.evaluate(black_box(&s)))
        });
    }
}

fn analysis(c: &mut Criterion) {
    let rs = RuleSet::embedded().expect("rules");
    let mut g = c.benchmark_group("analysis");
    g.sample_size(10);
    // The shipped scenario whose six-change search is the largest.
    let worst = scenario(&rs, "hypo-undetermined-relief-host-party-unknown-2020.yaml");
    g.bench_function("whatif --max-changes 6 (worst shipped scenario)", |b| {
        b.iter(|| whatif::whatif(&rs, black_box(&worst), 6))
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
        b.iter(|| matrix::matrix(&rs, black_box(&base), &dims).expect("matrix"))
    });
    g.finish();
}

fn batch(c: &mut Criterion) {
    let rs = RuleSet::embedded().expect("rules");
    let dir = std::env::temp_dir().join(format!("peacecoop-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let shipped = peacecoop::files::yaml_files(&root().join("scenarios")).expect("scenarios");
    let texts: Vec<String> = shipped
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("text"))
        .collect();
    let mut paths: Vec<PathBuf> = Vec::new();
    for i in 0..10_000 {
        let p = dir.join(format!("s{i:05}.yaml"));
        if !p.exists() {
            std::fs::write(&p, &texts[i % texts.len()]).expect("write");
        }
        paths.push(p);
    }
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.bench_function("read + evaluate 10,000 files (all cores)", |b| {
        b.iter_batched(
            || (),
            |()| peacecoop::batch::evaluate_files(&rs, &paths, 1 << 20, None, &mut |_, _| {}),
            BatchSize::PerIteration,
        )
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, engine, analysis, batch);
criterion_main!(benches);
