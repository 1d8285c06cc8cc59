//! `peacecoop test`: runs the scenarios that carry `expect:` and reports
//! those that fail, expected against actual; optionally rule coverage.

use crate::analysis::testrun::{Coverage, TestReport};
use crate::cli::args::{Format, LangChoice, ReadingChoice, RulesSource};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_NOT_ELIGIBLE, EXIT_OK, Io};
use crate::files::DEFAULT_MAX_SCENARIO_BYTES;
use crate::message::Fixed;
use crate::render;
use crate::report::SCHEMA_VERSION;
use std::path::PathBuf;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop test scenarios/
  peacecoop test scenarios/ --coverage
  peacecoop test --rules my-rules/ my-suite/

`expect:` is a verdict, a mapping that checks only what it names, or a list
of such mappings, one per set of readings:
  expect:
    verdict: not_eligible
    rules: {ceasefire-agreement: fail, host-consent: pass}
  expect:
    - {readings: {parties-gone-before-2016: practice}, verdict: eligible}
    - {readings: {parties-gone-before-2016: text}, verdict: not_eligible}

Exit codes: 0 all pass; 1 any fails; 2 bad input, or no expectation found.";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Scenario files or directories.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// Also report, for every rule, which outcomes the suite produced, and list
    /// the rules it never saw both pass and fail.
    #[arg(long)]
    coverage: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    lang: LangChoice,
    #[command(flatten)]
    readings: ReadingChoice,
    #[command(flatten)]
    source: RulesSource,
}

pub(crate) fn run(a: Args, io: &mut Io) -> u8 {
    io.lang = a.lang.get();
    let Some(rs) = a.source.load(io) else {
        return EXIT_BAD_INPUT;
    };
    if !a.readings.check(&rs, io) {
        return EXIT_BAD_INPUT;
    }
    let lang = a.lang.get();
    let inputs = crate::files::expand(&a.paths);
    let mut errors = io.walk_problems(&inputs.problems);
    let paths = inputs.paths;
    let mut cov = Coverage::new(&rs);
    let mut results = Vec::new();
    let mut without = 0usize;
    for (p, kind) in &paths {
        let loaded = rs.load_file(p, DEFAULT_MAX_SCENARIO_BYTES, *kind);
        match loaded.scenario {
            Ok(mut s) => {
                if !a.readings.apply(&rs, &mut s, io) {
                    return EXIT_BAD_INPUT;
                }
                let cases = rs.test_cases(&loaded.file, &s, &mut cov, lang);
                if cases.is_empty() {
                    without += 1;
                }
                results.extend(cases);
            }
            Err(e) => {
                io.scenario_error(&e, loaded.text.as_deref());
                errors += 1;
            }
        }
    }
    let failed = results.iter().filter(|c| !c.passed).count();
    let report = TestReport {
        schema_version: SCHEMA_VERSION,
        passed: results.len() - failed,
        failed,
        without_expect: without,
        errors,
        coverage: a.coverage.then(|| rs.coverage_report(&cov)),
        results,
    };
    match a.format {
        Format::Text => io.print(&render::testrun::text(&report, lang)),
        Format::Json => io.print(&format!("{}\n", render::json::pretty(&report))),
    }
    if report.results.is_empty() && errors == 0 {
        let (msg, help) = (Fixed::NothingTested.into(), Fixed::AddExpect.into());
        io.eprint(&render::diagnostic::words(&msg, Some(&help), lang));
        return EXIT_BAD_INPUT;
    }
    if errors > 0 {
        EXIT_BAD_INPUT
    } else if failed > 0 {
        EXIT_NOT_ELIGIBLE
    } else {
        EXIT_OK
    }
}
