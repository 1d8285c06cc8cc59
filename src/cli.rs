//! The command-line interface: argument definitions and one function per
//! subcommand. No rule logic lives here; output goes through [`crate::render`].

use crate::date::Date;
use crate::error::RulesetError;
use crate::facts::Scenario;
use crate::render;
use crate::ruleset::{DEFAULT_MAX_SCENARIO_BYTES, RuleSet};
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

Exit codes: 0 every scenario eligible; 1 at least one not eligible;
3 none not eligible but at least one undetermined; 2 bad input.")]
    Evaluate(EvaluateArgs),
    /// List the rules (those in force on a date, with --date).
    #[command(after_help = "\
Examples:
  peacecoop rules
  peacecoop rules --date 2001-12-14 --format json")]
    Rules(RulesArgs),
    /// Validate the ruleset and any scenario files given; report every problem.
    #[command(after_help = "\
Examples:
  peacecoop check
  peacecoop check scenarios/
  peacecoop check --rules my-rules/ my-mission.yaml

Exit codes: 0 clean; 2 problems found.")]
    Check(CheckArgs),
}

#[derive(Debug, Args)]
struct RulesSource {
    /// Load the rules from this directory instead of the embedded ruleset.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, Args)]
struct EvaluateArgs {
    /// Scenario files or directories (every *.yaml / *.yml below them, sorted).
    #[arg(value_name = "SCENARIO", required = true)]
    scenarios: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Evaluate as of this date (YYYY-MM-DD) instead of the scenario's.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Text output: hide rules that do not apply or are not in force on the date.
    #[arg(long)]
    brief: bool,
    /// Refuse scenario files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_SCENARIO_BYTES)]
    max_size: u64,
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Args)]
struct RulesArgs {
    /// Only the rules in force on this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Scenario files or directories to validate as well.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    source: RulesSource,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}

/// Where output goes: buffered stdout (with colour when it is a terminal) and stderr.
pub struct Io {
    out: anstream::AutoStream<std::io::StdoutLock<'static>>,
    err: anstream::AutoStream<std::io::Stderr>,
}

impl Io {
    /// Standard output and error, colour decided by terminal and `NO_COLOR`.
    pub fn std() -> Io {
        Io {
            out: anstream::AutoStream::auto(std::io::stdout().lock()),
            err: anstream::AutoStream::auto(std::io::stderr()),
        }
    }
    fn print(&mut self, s: &str) {
        // A closed pipe (`| head`) is not an error: stop writing quietly.
        let _ = self.out.write_all(s.as_bytes());
    }
    fn eprint(&mut self, s: &str) {
        let _ = self.err.write_all(s.as_bytes());
    }
    fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

/// Runs the CLI and returns the exit code.
pub fn run(cli: Cli, io: &mut Io) -> u8 {
    let code = match cli.command {
        Command::Evaluate(a) => evaluate(a, io),
        Command::Rules(a) => rules(a, io),
        Command::Check(a) => check(a, io),
    };
    io.flush();
    code
}

fn load_rules(src: &RulesSource, io: &mut Io) -> Option<RuleSet> {
    let res = match &src.rules {
        Some(dir) => {
            if !dir.is_dir() {
                io.eprint(&format!(
                    "error: --rules `{}` is not a directory\n  help: pass the folder that holds the rule files, e.g. `--rules rules/`\n",
                    dir.display()
                ));
                return None;
            }
            RuleSet::from_dir(dir)
        }
        None => RuleSet::embedded(),
    };
    match res {
        Ok(r) => Some(r),
        Err(e) => {
            print_ruleset_error(&e, io);
            None
        }
    }
}

fn print_ruleset_error(e: &RulesetError, io: &mut Io) {
    let n = e
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::error::Severity::Error)
        .count();
    io.eprint(&format!(
        "error: the ruleset has {n} error{}\n",
        if n == 1 { "" } else { "s" }
    ));
    for d in &e.diagnostics {
        print_diagnostic(d, io);
    }
}

fn print_diagnostic(d: &crate::error::Diagnostic, io: &mut Io) {
    let src = source_of(&d.location.file);
    io.eprint(&render::diagnostic::diagnostic(d, src.as_deref()));
}

/// The text of a file named in a message: an embedded rule file, or the file on disk.
fn source_of(file: &str) -> Option<String> {
    if let Some(text) = crate::ruleset::embedded_source(file) {
        return Some(text.to_owned());
    }
    let bytes = std::fs::read(file).ok()?;
    (bytes.len() as u64 <= DEFAULT_MAX_SCENARIO_BYTES)
        .then(|| String::from_utf8_lossy(&bytes).into_owned())
}

fn print_scenario_error(e: &crate::error::ScenarioError, io: &mut Io) {
    let src = match e {
        crate::error::ScenarioError::Several { file, .. } => source_of(file),
        _ => e.location().and_then(|l| source_of(&l.file)),
    };
    io.eprint(&render::diagnostic::scenario_error(e, src.as_deref()));
}

/// Expands files and directories into scenario paths: the paths, whether a
/// directory was given, and how many directories could not be used.
fn expand(paths: &[PathBuf], io: &mut Io) -> (Vec<PathBuf>, bool, usize) {
    let mut out = Vec::new();
    let mut dir_given = false;
    let mut bad = 0;
    for p in paths {
        if p.is_dir() {
            dir_given = true;
            match crate::files::yaml_files(p) {
                Ok(files) if files.is_empty() => {
                    io.eprint(&format!(
                        "error: {}: the directory holds no *.yaml or *.yml scenario files\n",
                        p.display()
                    ));
                    bad += 1;
                }
                Ok(files) => out.extend(files),
                Err(d) => {
                    io.eprint(&format!("error: {d}\n"));
                    bad += 1;
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    (out, dir_given, bad)
}

fn evaluate(a: EvaluateArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    let (paths, dir_given, dir_errors) = expand(&a.scenarios, io);
    let mut errors = dir_errors;
    let mut done: Vec<(Scenario, Evaluation)> = Vec::new();
    for p in &paths {
        match rs.read_scenario(p, a.max_size) {
            Ok(mut s) => {
                if let Some(d) = a.date {
                    rs.set_date(&mut s, d);
                }
                let e = rs.evaluate(&s);
                done.push((s, e));
            }
            Err(e) => {
                print_scenario_error(&e, io);
                errors += 1;
            }
        }
    }
    let bad = errors > 0;
    match a.format {
        Format::Json => {
            let items: Vec<serde_json::Value> = done
                .iter()
                .map(|(s, e)| render::json::evaluation(&rs, s, e))
                .collect();
            let v = if items.len() == 1 && !dir_given && paths.len() == 1 {
                items.into_iter().next().unwrap_or_default()
            } else {
                serde_json::Value::Array(items)
            };
            if !(done.is_empty() && bad) {
                io.print(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&v).unwrap_or_default()
                ));
            }
        }
        Format::Text => {
            for (i, (s, e)) in done.iter().enumerate() {
                if i > 0 {
                    io.print("\n");
                }
                let detail = if a.brief {
                    render::text::Detail::Brief
                } else {
                    render::text::Detail::Full
                };
                io.print(&render::text::evaluation_with(&rs, s, e, detail));
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

fn rules(a: RulesArgs, io: &mut Io) -> u8 {
    let Some(rs) = load_rules(&a.source, io) else {
        return EXIT_BAD_INPUT;
    };
    match a.format {
        Format::Text => io.print(&render::rules::text(&rs, a.date)),
        Format::Json => io.print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&render::rules::json(&rs, a.date)).unwrap_or_default()
        )),
    }
    EXIT_OK
}

fn check(a: CheckArgs, io: &mut Io) -> u8 {
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
