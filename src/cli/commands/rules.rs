//! `peacecoop rules`: the rules, those in force on a date, as text, JSON or a Mermaid graph.

use crate::cli::args::{LangChoice, RulesSource, parse_date};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::message::{Fixed, Msg};
use crate::model::Date;
use crate::render;
use clap::ValueEnum;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop rules
  peacecoop rules --date 2001-12-14 --format json
  peacecoop rules --format mermaid --principle 1 > principle-1.mmd";

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum RulesFormat {
    /// A list grouped like the trace.
    Text,
    /// JSON.
    Json,
    /// A Mermaid flowchart of rules, facts and their dependencies.
    Mermaid,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Only the rules in force on this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Only the rules of this principle (a diagram a slide can hold).
    #[arg(long, value_name = "N")]
    principle: Option<u8>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: RulesFormat,
    #[command(flatten)]
    lang: LangChoice,
    #[command(flatten)]
    source: RulesSource,
}

pub(crate) fn run(a: Args, io: &mut Io) -> u8 {
    io.lang = a.lang.get();
    let Some(rs) = a.source.load(io) else {
        return EXIT_BAD_INPUT;
    };
    let lang = a.lang.get();
    if let Some(p) = a.principle
        && !rs.has_principle(p)
    {
        let (msg, help) = (Msg::NoPrinciple { n: p }, Fixed::PrinciplesListed.into());
        io.eprint(&crate::render::diagnostic::words(&msg, Some(&help), lang));
        return EXIT_BAD_INPUT;
    }
    let mut report = rs.rules_report(a.date, lang);
    if let Some(p) = a.principle {
        report.rules.retain(|r| r.principle == Some(p));
    }
    match a.format {
        RulesFormat::Mermaid => io.print(&render::mermaid::ruleset(&rs, a.date, a.principle, lang)),
        RulesFormat::Text => io.print(&render::rules::text(&report, lang)),
        RulesFormat::Json => io.print(&format!("{}\n", render::json::pretty(&report))),
    }
    EXIT_OK
}
