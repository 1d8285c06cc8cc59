//! The command-line interface: argument definitions and one function per
//! subcommand. No rule logic lives here; output goes through [`crate::render`].

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

/// The language of titles and explanations.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
enum LangArg {
    /// English.
    #[default]
    En,
    /// Japanese (日本語).
    Ja,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ja => Lang::Ja,
        }
    }
}

/// Output formats of `evaluate`.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum EvalFormat {
    /// A readable report.
    Text,
    /// The contract's JSON result.
    Json,
    /// A Markdown handout.
    Markdown,
    /// One self-contained HTML file (print it, or project it).
    Html,
}

#[derive(Debug, Args)]
struct EvaluateArgs {
    /// Scenario files or directories (every *.yaml / *.yml below them, sorted).
    #[arg(value_name = "SCENARIO", required = true)]
    scenarios: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: EvalFormat,
    /// Evaluate as of this date (YYYY-MM-DD) instead of the scenario's.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Text output: hide rules that do not apply or are not in force on the date.
    #[arg(long)]
    brief: bool,
    /// Language of titles and explanations.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Refuse scenario files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_SCENARIO_BYTES)]
    max_size: u64,
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Args)]
struct BenchArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    scenario: PathBuf,
    /// How many evaluations to time.
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u32).range(1..))]
    iterations: u32,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Args)]
struct SchemaArgs {
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Args)]
struct TestArgs {
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
    /// Language of explanations in failure reports.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Args)]
struct WhatifArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    scenario: PathBuf,
    /// The most changes in one alternative (1-8; each task added or removed counts).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=8))]
    max_changes: u8,
    /// Facts that must not change, comma-separated (e.g. `operation,date`).
    #[arg(long, value_name = "FACT,...", value_delimiter = ',')]
    keep: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Evaluate as of this date (YYYY-MM-DD) instead of the scenario's.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Language of the sentences.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Args)]
struct HistoryArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    scenario: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of the table.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Args)]
struct ExplainArgs {
    /// The rule's id (see `peacecoop rules`).
    #[arg(value_name = "RULE")]
    rule: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of the explanation.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TableFormat {
    Text,
    Markdown,
    Csv,
}

#[derive(Debug, Args)]
struct MatrixArgs {
    /// The scenario file (the facts not varied keep its values).
    #[arg(value_name = "SCENARIO")]
    scenario: PathBuf,
    /// The facts to vary, comma-separated.
    #[arg(long, value_name = "FACT,...", value_delimiter = ',', required = true)]
    vary: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: TableFormat,
    /// Language of the verdicts and headings (text and Markdown).
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    source: RulesSource,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    /// A Mermaid flowchart of rules, facts and their dependencies.
    Mermaid,
}

#[derive(Debug, Args)]
struct RulesArgs {
    /// Only the rules in force on this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: RulesFormat,
    /// Language of titles and explanations.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
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

/// Evaluates a batch with a progress bar on stderr when it is a terminal and the batch is long.
fn evaluate_batch(
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

fn evaluate(a: EvaluateArgs, io: &mut Io) -> u8 {
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
fn one_scenario(rs: &RuleSet, path: &Path, date: Option<Date>, io: &mut Io) -> Option<Scenario> {
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

fn exit_for(v: Verdict) -> u8 {
    match v {
        Verdict::Eligible => EXIT_OK,
        Verdict::NotEligible => EXIT_NOT_ELIGIBLE,
        Verdict::Undetermined => EXIT_UNDETERMINED,
    }
}

fn test(a: TestArgs, io: &mut Io) -> u8 {
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
            out.push_str(&format!(
                "\ntest result: {}. {passed} passed, {failed} failed{}{}\n",
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

fn bench(a: BenchArgs, io: &mut Io) -> u8 {
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

fn whatif(a: WhatifArgs, io: &mut Io) -> u8 {
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

fn history(a: HistoryArgs, io: &mut Io) -> u8 {
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

fn explain(a: ExplainArgs, io: &mut Io) -> u8 {
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

fn matrix(a: MatrixArgs, io: &mut Io) -> u8 {
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

fn rules(a: RulesArgs, io: &mut Io) -> u8 {
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
