//! Argument definitions of every subcommand.

use super::*;

#[derive(Debug, Args)]
pub(crate) struct RulesSource {
    /// Load the rules from this directory instead of the embedded ruleset.
    #[arg(long, value_name = "DIR")]
    pub(crate) rules: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}

/// The language of titles and explanations.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub(crate) enum LangArg {
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
pub(crate) enum EvalFormat {
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
pub(crate) struct EvaluateArgs {
    /// Scenario files or directories (every *.yaml / *.yml below them, sorted).
    #[arg(value_name = "SCENARIO", required = true)]
    pub(crate) scenarios: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: EvalFormat,
    /// Evaluate as of this date (YYYY-MM-DD) instead of the scenario's.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub(crate) date: Option<Date>,
    /// Text output: hide rules that do not apply or are not in force on the date.
    #[arg(long)]
    pub(crate) brief: bool,
    /// Language of titles and explanations.
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: LangArg,
    /// Refuse scenario files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_SCENARIO_BYTES)]
    pub(crate) max_size: u64,
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

#[derive(Debug, Args)]
pub(crate) struct BenchArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    pub(crate) scenario: PathBuf,
    /// How many evaluations to time.
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u32).range(1..))]
    pub(crate) iterations: u32,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: Format,
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

#[derive(Debug, Args)]
pub(crate) struct TestArgs {
    /// Scenario files or directories.
    #[arg(value_name = "PATH", required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// Also report, for every rule, which outcomes the suite produced, and list
    /// the rules it never saw both pass and fail.
    #[arg(long)]
    pub(crate) coverage: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: Format,
    /// Language of explanations in failure reports.
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: LangArg,
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

#[derive(Debug, Args)]
pub(crate) struct WhatifArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    pub(crate) scenario: PathBuf,
    /// The most changes in one alternative (1-8; each task added or removed counts).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=8))]
    pub(crate) max_changes: u8,
    /// Facts that must not change, comma-separated (e.g. `operation,date`).
    #[arg(long, value_name = "FACT,...", value_delimiter = ',')]
    pub(crate) keep: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: Format,
    /// Evaluate as of this date (YYYY-MM-DD) instead of the scenario's.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub(crate) date: Option<Date>,
    /// Language of the sentences.
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: LangArg,
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

#[derive(Debug, Args)]
pub(crate) struct HistoryArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    pub(crate) scenario: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: Format,
    /// Language of the table.
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: LangArg,
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The rule's id (see `peacecoop rules`).
    #[arg(value_name = "RULE")]
    pub(crate) rule: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: Format,
    /// Language of the explanation.
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: LangArg,
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum TableFormat {
    Text,
    Markdown,
    Csv,
}

#[derive(Debug, Args)]
pub(crate) struct MatrixArgs {
    /// The scenario file (the facts not varied keep its values).
    #[arg(value_name = "SCENARIO")]
    pub(crate) scenario: PathBuf,
    /// The facts to vary, comma-separated.
    #[arg(long, value_name = "FACT,...", value_delimiter = ',', required = true)]
    pub(crate) vary: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: TableFormat,
    /// Language of the verdicts and headings (text and Markdown).
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: LangArg,
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum RulesFormat {
    Text,
    Json,
    /// A Mermaid flowchart of rules, facts and their dependencies.
    Mermaid,
}

#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    /// Only the rules in force on this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub(crate) date: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: RulesFormat,
    /// Language of titles and explanations.
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: LangArg,
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Scenario files or directories to validate as well.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) source: RulesSource,
}

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}
