//! `peacecoop check`: validates the ruleset (every problem at once, then the
//! static analysis) and any scenario files given.

use crate::cli::args::RulesSource;
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::files::DEFAULT_MAX_SCENARIO_BYTES;
use std::path::PathBuf;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop check
  peacecoop check scenarios/
  peacecoop check --rules my-rules/ my-mission.yaml

Exit codes: 0 clean; 2 problems found.";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Scenario files or directories to validate as well.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    source: RulesSource,
}

pub(crate) fn run(a: Args, io: &mut Io) -> u8 {
    let Some(rs) = a.source.load(io) else {
        return EXIT_BAD_INPUT;
    };
    let mut problems = 0usize;
    let mut findings = rs.warnings().to_vec();
    findings.extend(rs.analyse());
    for w in &findings {
        io.diagnostic(w);
        problems += 1;
    }
    let inputs = crate::files::expand(&a.paths);
    problems += io.walk_problems(&inputs.problems);
    let files = inputs.paths;
    for (p, kind) in &files {
        let loaded = rs.load_file(p, DEFAULT_MAX_SCENARIO_BYTES, *kind);
        if let Err(e) = &loaded.scenario {
            io.scenario_error(e, loaded.text.as_deref());
            problems += 1;
        }
    }
    let source = a.source.rules.as_deref().map_or_else(
        || "embedded ruleset".to_owned(),
        |p| crate::render::clean(&p.display().to_string()).into_owned(),
    );
    if problems == 0 {
        let (facts, rules, laws, readings) = rs.counts();
        io.print(&format!(
            "ok: {source}: {facts} facts, {rules} rules, {laws} law versions, {readings} readings; {} scenario file{} valid\n",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
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
