//! One function per subcommand; each returns the exit code.

use super::*;

/// Evaluates a batch with a progress bar on stderr when it is a terminal and the batch is long.
pub(crate) fn evaluate_batch(
    rs: &RuleSet,
    paths: &[PathBuf],
    max_size: u64,
    date: Option<Date>,
    io: &mut Io,
) -> Vec<crate::batch::BatchItem> {
    use std::io::IsTerminal;
    let show = paths.len() >= 500 && std::io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if show {
            let bar = "#".repeat(done * 30 / total.max(1));
            io.eprint(&format!("\r[{bar:<30}] {done}/{total}"));
        }
    };
    let out = crate::batch::evaluate_files(rs, paths, max_size, date, &mut progress);
    if show {
        io.eprint(&format!("\r{}\r", " ".repeat(50)));
    }
    out
}

pub(crate) fn evaluate(a: EvaluateArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    let (paths, dir_given, dir_errors) = expand(&a.scenarios, io);
    let mut errors = dir_errors;
    let mut done: Vec<(Scenario, Evaluation)> = Vec::new();
    for r in evaluate_batch(&rs, &paths, a.max_size, a.date, io) {
        match r {
            Ok(pair) => done.push(pair),
            Err(e) => {
                print_scenario_error(&e, io);
                errors += 1;
            }
        }
    }
    let bad = errors > 0;
    match a.format {
        EvalFormat::Markdown => io.print(&render::markdown::handout(&rs, &done, a.lang.into())),
        EvalFormat::Html => io.print(&render::html::handout(&rs, &done, a.lang.into())),
        EvalFormat::Json => {
            // Each report is written on all cores, then joined in input order.
            use rayon::prelude::*;
            let lang: Lang = a.lang.into();
            let single = done.len() == 1 && !dir_given && paths.len() == 1;
            let items: Vec<String> = done
                .par_iter()
                .map(|(s, e)| {
                    serde_json::to_string_pretty(&render::json::report(&rs, s, e, lang))
                        .unwrap_or_default()
                })
                .collect();
            if single {
                io.print(&items[0]);
                io.print("\n");
            } else if !(done.is_empty() && bad) {
                let mut out = String::with_capacity(items.iter().map(|i| i.len() + 64).sum());
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n  " } else { ",\n  " });
                    out.push_str(&item.replace('\n', "\n  "));
                }
                out.push_str(if items.is_empty() { "]\n" } else { "\n]\n" });
                io.print(&out);
            }
        }
        EvalFormat::Text => {
            for (i, (s, e)) in done.iter().enumerate() {
                if i > 0 {
                    io.print("\n");
                }
                let detail = if a.brief {
                    render::text::Detail::Brief
                } else {
                    render::text::Detail::Full
                };
                io.print(&render::text::evaluation_with(
                    &rs,
                    s,
                    e,
                    detail,
                    a.lang.into(),
                ));
            }
            if done.len() + errors > 1 {
                let count = |v: Verdict| done.iter().filter(|(_, e)| e.verdict == v).count();
                io.print(&format!(
                    "\nSummary: {} eligible, {} not eligible, {} undetermined, {errors} error{}.\n",
                    count(Verdict::Eligible),
                    count(Verdict::NotEligible),
                    count(Verdict::Undetermined),
                    if errors == 1 { "" } else { "s" }
                ));
            }
        }
    }
    if bad {
        EXIT_BAD_INPUT
    } else if done.iter().any(|(_, e)| e.verdict == Verdict::NotEligible) {
        EXIT_NOT_ELIGIBLE
    } else if done.iter().any(|(_, e)| e.verdict == Verdict::Undetermined) {
        EXIT_UNDETERMINED
    } else {
        EXIT_OK
    }
}

/// Reads one scenario for a single-scenario command, printing any error.
pub(crate) fn one_scenario(
    rs: &RuleSet,
    path: &Path,
    date: Option<Date>,
    io: &mut Io,
) -> Option<Scenario> {
    match rs.read_scenario(path, DEFAULT_MAX_SCENARIO_BYTES) {
        Ok(mut s) => {
            if let Some(d) = date {
                rs.set_date(&mut s, d);
            }
            Some(s)
        }
        Err(e) => {
            print_scenario_error(&e, io);
            None
        }
    }
}

pub(crate) fn exit_for(v: Verdict) -> u8 {
    match v {
        Verdict::Eligible => EXIT_OK,
        Verdict::NotEligible => EXIT_NOT_ELIGIBLE,
        Verdict::Undetermined => EXIT_UNDETERMINED,
    }
}

pub(crate) fn test(a: TestArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    let lang: Lang = a.lang.into();
    let (paths, _, mut errors) = expand(&a.paths, io);
    let mut cases = Vec::new();
    let mut coverage = crate::testrun::Coverage::new(&rs);
    let mut skipped = 0usize;
    for (p, r) in paths.iter().zip(evaluate_batch(
        &rs,
        &paths,
        DEFAULT_MAX_SCENARIO_BYTES,
        None,
        io,
    )) {
        match r {
            Ok((s, e)) => {
                coverage.add(&e);
                match crate::testrun::check(&s, &e) {
                    Some(c) => cases.push((p.clone(), s, e, c)),
                    None => skipped += 1,
                }
            }
            Err(e) => {
                print_scenario_error(&e, io);
                errors += 1;
            }
        }
    }
    let failed = cases.iter().filter(|c| !c.3.passed()).count();
    let passed = cases.len() - failed;
    match a.format {
        Format::Text => {
            let mut out = String::new();
            for (p, s, e, c) in cases.iter().filter(|c| !c.3.passed()) {
                out.push_str(&render::testrun::failure(&rs, p, s, e, c, lang));
            }
            if a.coverage {
                out.push_str(&render::testrun::coverage_text(&rs, &coverage, lang));
            }
            // One blank line before the summary.
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&format!(
                "test result: {}. {passed} passed, {failed} failed{}{}\n",
                if failed == 0 && errors == 0 {
                    "ok"
                } else {
                    "FAILED"
                },
                if skipped > 0 {
                    format!(", {skipped} without expect")
                } else {
                    String::new()
                },
                if errors > 0 {
                    format!(", {errors} unreadable")
                } else {
                    String::new()
                },
            ));
            io.print(&out);
        }
        Format::Json => {
            let v =
                render::testrun::json(&rs, &cases, &coverage, a.coverage, errors, skipped, lang);
            io.print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            ));
        }
    }
    if errors > 0 {
        EXIT_BAD_INPUT
    } else if failed > 0 {
        EXIT_NOT_ELIGIBLE
    } else {
        EXIT_OK
    }
}

pub(crate) fn bench(a: BenchArgs, io: &mut Io) -> u8 {
    // Check the inputs first, so that errors read as usual.
    if load_rules(&a.source, io).is_none() {
        return EXIT_BAD_INPUT;
    }
    let text = match crate::files::read_text(&a.scenario, DEFAULT_MAX_SCENARIO_BYTES) {
        Ok(t) => t,
        Err(e) => {
            print_scenario_error(&e, io);
            return EXIT_BAD_INPUT;
        }
    };
    let dir = a.source.rules.clone();
    let load = move || match &dir {
        Some(d) => RuleSet::from_dir(d),
        None => RuleSet::embedded(),
    };
    let file = a.scenario.display().to_string();
    match crate::bench::bench(&load, &text, &file, a.iterations) {
        Ok(r) => {
            match a.format {
                Format::Json => io.print(&format!(
                    "{}\n",
                    serde_json::json!({
                        "iterations": r.iterations,
                        "ruleset_load_us": r.ruleset_load_us,
                        "parse_us": r.parse_us,
                        "evaluate_ns": r.evaluate_ns,
                        "evaluate_p10_ns": r.evaluate_p10_p90_ns.0,
                        "evaluate_p90_ns": r.evaluate_p10_p90_ns.1,
                    })
                )),
                Format::Text => io.print(&format!(
                    "{file}\n  ruleset load     {:>10.1} µs   (median)\n  scenario parse   {:>10.1} µs   (median)\n  evaluation       {:>10.0} ns   (median of {} runs in batches of 64; p10 {:.0}, p90 {:.0})\n",
                    r.ruleset_load_us,
                    r.parse_us,
                    r.evaluate_ns,
                    r.iterations,
                    r.evaluate_p10_p90_ns.0,
                    r.evaluate_p10_p90_ns.1
                )),
            }
            EXIT_OK
        }
        Err(e) => {
            io.eprint(&format!("error: {e}\n"));
            EXIT_BAD_INPUT
        }
    }
}

pub(crate) fn whatif(a: WhatifArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    let Some(s) = one_scenario(&rs, &a.scenario, a.date, io) else {
        return EXIT_BAD_INPUT;
    };
    let mut keep = Vec::new();
    for name in &a.keep {
        match rs.vocab.lookup(name) {
            Some(f) => keep.push(f),
            None => {
                let names = rs.vocab.facts.iter().map(|f| f.name.as_str());
                let hint = crate::error::suggest(name, names)
                    .map(|s| format!("\n  help: did you mean `{s}`?"))
                    .unwrap_or_default();
                io.eprint(&format!("error: --keep: unknown fact `{name}`{hint}\n"));
                return EXIT_BAD_INPUT;
            }
        }
    }
    let w = crate::whatif::whatif_keeping(&rs, &s, usize::from(a.max_changes), &keep);
    match a.format {
        Format::Text => io.print(&render::whatif::text(
            &rs,
            &s,
            &w,
            usize::from(a.max_changes),
            a.lang.into(),
        )),
        Format::Json => io.print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&render::whatif::json(&rs, &s, &w)).unwrap_or_default()
        )),
    }
    exit_for(w.verdict)
}

pub(crate) fn history(a: HistoryArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    let Some(s) = one_scenario(&rs, &a.scenario, None, io) else {
        return EXIT_BAD_INPUT;
    };
    let steps = crate::history::history(&rs, &s);
    match a.format {
        Format::Text => io.print(&render::history::text(&rs, &s, &steps, a.lang.into())),
        Format::Json => io.print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&render::history::json(&rs, &s, &steps))
                .unwrap_or_default()
        )),
    }
    EXIT_OK
}

pub(crate) fn explain(a: ExplainArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    let Some(i) = rs.rule(&a.rule) else {
        let ids = rs.rules.iter().map(|r| r.id.0.as_str());
        let hint = crate::error::suggest(&a.rule, ids).map_or_else(
            || "\n  help: `peacecoop rules` lists the rule ids".to_owned(),
            |s| format!("\n  help: did you mean `{s}`?"),
        );
        io.eprint(&format!("error: unknown rule `{}`{hint}\n", a.rule));
        return EXIT_BAD_INPUT;
    };
    let rule = &rs.rules[i];
    match a.format {
        Format::Text => io.print(&render::explain::text(&rs, rule, a.lang.into())),
        Format::Json => io.print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&render::explain::json(&rs, rule, a.lang.into()))
                .unwrap_or_default()
        )),
    }
    EXIT_OK
}

pub(crate) fn matrix(a: MatrixArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    let Some(s) = one_scenario(&rs, &a.scenario, None, io) else {
        return EXIT_BAD_INPUT;
    };
    let m = match crate::matrix::matrix(&rs, &s, &a.vary) {
        Ok(m) => m,
        Err(e) => {
            io.eprint(&format!("error: --vary: {e}\n"));
            return EXIT_BAD_INPUT;
        }
    };
    let out = match a.format {
        TableFormat::Text => render::matrix::text(&rs, &m, a.lang.into()),
        TableFormat::Markdown => render::matrix::markdown(&rs, &m, a.lang.into()),
        TableFormat::Csv => render::matrix::csv(&rs, &m),
    };
    io.print(&out);
    EXIT_OK
}

pub(crate) fn rules(a: RulesArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    match a.format {
        RulesFormat::Mermaid => io.print(&render::explain::mermaid(&rs, a.date, a.lang.into())),
        RulesFormat::Text => io.print(&render::rules::text(&rs, a.date, a.lang.into())),
        RulesFormat::Json => io.print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&render::rules::json(&rs, a.date, a.lang.into()))
                .unwrap_or_default()
        )),
    }
    EXIT_OK
}

pub(crate) fn check(a: CheckArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    let mut problems = 0usize;
    let mut findings = rs.warnings.clone();
    findings.extend(crate::validate::analyse(&rs));
    for w in &findings {
        print_diagnostic(w, io);
        problems += 1;
    }
    let (paths, _, bad) = expand(&a.paths, io);
    problems += bad;
    for p in &paths {
        if let Err(e) = rs.read_scenario(p, DEFAULT_MAX_SCENARIO_BYTES) {
            print_scenario_error(&e, io);
            problems += 1;
        }
    }
    let source = a.source.rules.as_deref().map_or_else(
        || "embedded ruleset".to_owned(),
        |p: &Path| p.display().to_string(),
    );
    if problems == 0 {
        io.print(&format!(
            "ok: {source}: {} facts, {} rules, {} law versions; {} scenario file{} valid\n",
            rs.vocab.facts.len(),
            rs.rules.len(),
            rs.law_versions.len(),
            paths.len(),
            if paths.len() == 1 { "" } else { "s" }
        ));
        EXIT_OK
    } else {
        io.eprint(&format!(
            "{problems} problem{} found\n",
            if problems == 1 { "" } else { "s" }
        ));
        EXIT_BAD_INPUT
    }
}
