//! `peacecoop history`: a scenario's verdict under every law version.

use crate::cli::args::{Format, LangChoice, ReadingChoice, RulesSource, one_scenario};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::render;
use std::path::PathBuf;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop history scenarios/mfo-sinai-2019.yaml
  peacecoop history scenarios/hypo-pkf-core-unfrozen-2003.yaml --format json
  peacecoop history scenarios/unmiss-2011.yaml --reading parties-gone-before-2016=text

Exit codes: 0 on success; 2 bad input.";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    scenario: PathBuf,
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
    let Some(s) = one_scenario(&rs, &a.scenario, None, &a.readings, io) else {
        return EXIT_BAD_INPUT;
    };
    let h = rs.history(&s, a.lang.get());
    match a.format {
        Format::Text => io.print(&render::history::text(&h, a.lang.get())),
        Format::Json => io.print(&format!("{}\n", render::json::pretty(&h))),
    }
    EXIT_OK
}
