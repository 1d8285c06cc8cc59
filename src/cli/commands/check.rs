//! `peacecoop check`: validates the ruleset (every problem at once, then the
//! static analysis) and any scenario files given.

use crate::cli::args::{LangChoice, RulesSource};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::files::DEFAULT_MAX_SCENARIO_BYTES;
use crate::message::Msg;
use std::path::PathBuf;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop check
  peacecoop check scenarios/
  peacecoop check --rules my-rules/ my-mission.yaml
  peacecoop check --rules my-rules/ --lang ja

Exit codes: 0 clean; 2 problems found.";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Scenario files or directories to validate as well.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    source: RulesSource,
    #[command(flatten)]
    lang: LangChoice,
}

pub(crate) fn run(a: Args, io: &mut Io) -> u8 {
    io.lang = a.lang.get();
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
    let source = a
        .source
        .rules
        .as_deref()
        .map(|p| crate::render::clean(&p.display().to_string()).into_owned());
    if problems == 0 {
        let (facts, rules, laws, readings) = rs.counts();
        let msg = Msg::CheckOk {
            source,
            facts,
            rules,
            laws,
            readings,
            files: files.len(),
        };
        io.print(&format!("{}\n", msg.text(io.lang)));
        EXIT_OK
    } else {
        let msg = Msg::ProblemsFound { n: problems };
        io.eprint(&format!("{}\n", msg.text(io.lang)));
        EXIT_BAD_INPUT
    }
}
