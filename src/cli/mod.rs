//! The command-line interface: argument definitions (`args`), one function
//! per subcommand (`commands`), and reading, printing and errors (`io`).
//! No rule logic lives here; output goes through [`crate::render`].

mod args;
mod commands;
mod io;

use args::*;
use commands::*;
pub use io::Io;
use io::*;

use crate::date::Date;
use crate::error::RulesetError;
use crate::facts::Scenario;
use crate::render;
use crate::ruleset::{DEFAULT_MAX_SCENARIO_BYTES, RuleSet};
use crate::text::Lang;
use crate::trace::{Evaluation, Verdict};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit code: every scenario eligible (or the command succeeded).
pub const EXIT_OK: u8 = 0;
/// Exit code: at least one scenario not eligible.
pub const EXIT_NOT_ELIGIBLE: u8 = 1;
/// Exit code: usage error or bad input.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code: none not eligible, at least one undetermined.
pub const EXIT_UNDETERMINED: u8 = 3;

/// Decides whether a hypothetical Japanese dispatch is eligible under the
/// International Peace Cooperation Act (PKO Act, 1992) as the law stood on a date.
///
/// A teaching and analysis aid, not legal advice.
#[derive(Debug, Parser)]
#[command(name = "peacecoop", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "\
Examples:
  peacecoop evaluate scenarios/untac-1992.yaml
  peacecoop evaluate scenarios/ --format json
  peacecoop evaluate scenarios/unmiss-2011.yaml --date 2017-01-01
  peacecoop rules --date 1995-01-01
  peacecoop check --rules my-rules/

Exit codes: 0 eligible, 1 not eligible, 3 undetermined, 2 bad input.";

#[derive(Debug, Subcommand)]
enum Command {
    /// Evaluate scenario files (or directories of them) against the rules.
    #[command(after_help = "\
Examples:
  peacecoop evaluate scenarios/untac-1992.yaml
  peacecoop evaluate scenarios/ --format json > results.json
  peacecoop evaluate my-mission.yaml --date 2016-03-29
  peacecoop evaluate scenarios/untac-1992.yaml scenarios/mfo-sinai-2019.yaml --format html > handout.html

Exit codes: 0 every scenario eligible; 1 at least one not eligible;
3 none not eligible but at least one undetermined; 2 bad input.")]
    Evaluate(EvaluateArgs),
    /// Run scenarios that carry `expect:` and report those that fail.
    #[command(after_help = "\
Examples:
  peacecoop test scenarios/
  peacecoop test scenarios/ --coverage
  peacecoop test --rules my-rules/ my-suite/

`expect:` is a verdict, or a mapping that checks only what it names:
  expect:
    verdict: not_eligible
    rules: {ceasefire-agreement: fail, host-consent: pass}

Exit codes: 0 all pass; 1 any fails; 2 bad input.")]
    Test(TestArgs),
    /// Print the JSON Schema (draft 2020-12) of scenario files, for editors.
    #[command(after_help = "\
Examples:
  peacecoop schema > scenarios/schema.json
Then start a scenario file with
  # yaml-language-server: $schema=./schema.json")]
    Schema(SchemaArgs),
    /// Time ruleset loading, scenario parsing and evaluation inside one process.
    #[command(after_help = "\
Examples:
  peacecoop bench scenarios/unosom-ii-1993.yaml
  peacecoop bench scenarios/untac-1992.yaml --iterations 1000000 --format json
  peacecoop bench --rules my-rules/ scenarios/untac-1992.yaml

Reports medians: ruleset load (µs), scenario parse (µs), one evaluation with its
full trace (ns, timed in batches of 64).")]
    Bench(BenchArgs),
    /// Print a shell completion script.
    #[command(after_help = "\
Examples:
  peacecoop completions bash > ~/.local/share/bash-completion/completions/peacecoop
  peacecoop completions zsh > ~/.zfunc/_peacecoop")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "\
Examples:
  peacecoop man > peacecoop.1 && man ./peacecoop.1")]
    Man,
    /// List the rules (those in force on a date, with --date).
    #[command(after_help = "\
Examples:
  peacecoop rules
  peacecoop rules --date 2001-12-14 --format json
  peacecoop rules --format mermaid > rules.mmd")]
    Rules(RulesArgs),
    /// The smallest sets of fact changes that would make a scenario eligible.
    #[command(after_help = "\
Examples:
  peacecoop whatif scenarios/hypo-p1-no-ceasefire-1995.yaml
  peacecoop whatif scenarios/minusma-2013.yaml --max-changes 4 --format json
  peacecoop whatif scenarios/hypo-kaketsuke-keigo-2010.yaml --keep operation,date

Exit codes: as for evaluate, from the scenario's own verdict (0, 1, 3; 2 bad input).")]
    Whatif(WhatifArgs),
    /// A scenario's verdict under every law version (1992, 1998, 2001, 2016).
    #[command(after_help = "\
Examples:
  peacecoop history scenarios/mfo-sinai-2019.yaml
  peacecoop history scenarios/hypo-pkf-core-unfrozen-2003.yaml --format json

Exit codes: 0 on success; 2 bad input.")]
    History(HistoryArgs),
    /// One rule in full: what it requires, the law's words, citations, versions.
    #[command(after_help = "\
Examples:
  peacecoop explain ceasefire-agreement
  peacecoop explain kaketsuke-keigo-task --lang ja")]
    Explain(ExplainArgs),
    /// The verdict for every combination of some facts' values: a truth table.
    #[command(after_help = "\
Examples:
  peacecoop matrix scenarios/untac-1992.yaml --vary conflict.ceasefire,consent.parties,impartial
  peacecoop matrix scenarios/unmiss-2016-kaketsuke-keigo.yaml --vary date,consent.stable --format markdown
  peacecoop matrix scenarios/unmiss-2016-kaketsuke-keigo.yaml --vary tasks.kaketsuke_keigo,use_of_force --format csv

A list fact is varied one item at a time (`tasks.kaketsuke_keigo`: with / without);
dates take the law versions' first days; numbers the thresholds the rules compare.")]
    Matrix(MatrixArgs),
    /// Validate the ruleset and any scenario files given; report every problem.
    #[command(after_help = "\
Examples:
  peacecoop check
  peacecoop check scenarios/
  peacecoop check --rules my-rules/ my-mission.yaml

Exit codes: 0 clean; 2 problems found.")]
    Check(CheckArgs),
}

/// Runs the CLI and returns the exit code.
pub fn run(cli: Cli, io: &mut Io) -> u8 {
    let code = match cli.command {
        Command::Evaluate(a) => evaluate(a, io),
        Command::Rules(a) => rules(a, io),
        Command::Check(a) => check(a, io),
        Command::Test(a) => test(a, io),
        Command::Bench(a) => bench(a, io),
        Command::Schema(a) => {
            let Some(rs) = load_rules(&a.source, io) else {
                return EXIT_BAD_INPUT;
            };
            let v = crate::schema::scenario_schema(&rs);
            io.print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            ));
            EXIT_OK
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "peacecoop", &mut buf);
            io.print(&String::from_utf8_lossy(&buf));
            EXIT_OK
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            match clap_mangen::Man::new(cmd).render(&mut buf) {
                Ok(()) => {
                    io.print(&String::from_utf8_lossy(&buf));
                    EXIT_OK
                }
                Err(e) => {
                    io.eprint(&format!("error: cannot render the manual page: {e}\n"));
                    EXIT_BAD_INPUT
                }
            }
        }
        Command::Whatif(a) => whatif(a, io),
        Command::History(a) => history(a, io),
        Command::Explain(a) => explain(a, io),
        Command::Matrix(a) => matrix(a, io),
    };
    io.flush();
    code
}
