//! `peacecoop matrix`: the verdict for every combination of some facts' values.

use crate::cli::args::{LangChoice, ReadingChoice, RulesSource, one_scenario};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::message::Msg;
use crate::render;
use clap::ValueEnum;
use std::path::PathBuf;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop matrix scenarios/untac-1992.yaml --vary conflict.ceasefire,consent.parties,impartial
  peacecoop matrix scenarios/unmiss-2016-kaketsuke-keigo.yaml --vary date,consent.stable --format markdown
  peacecoop matrix scenarios/unmiss-2016-kaketsuke-keigo.yaml --vary tasks.kaketsuke_keigo,use_of_force --format csv

A list fact is varied one item at a time (`tasks.kaketsuke_keigo`: with / without);
dates take the law versions' first days; numbers the thresholds the rules compare.";

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum TableFormat {
    /// An aligned table.
    Text,
    /// A Markdown table.
    Markdown,
    /// CSV with a header.
    Csv,
    /// JSON.
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The scenario file (the facts not varied keep its values).
    #[arg(value_name = "SCENARIO")]
    scenario: PathBuf,
    /// The facts to vary, comma-separated (each once).
    #[arg(long, value_name = "FACT,...", value_delimiter = ',', required = true)]
    vary: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: TableFormat,
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
    let m = match rs.matrix(&s, &a.vary, a.lang.get()) {
        Ok(m) => m,
        Err(e) => {
            let (problem, help) = e.msg();
            let msg = Msg::Vary {
                problem: Box::new(problem),
            };
            io.eprint(&render::diagnostic::words(&msg, help.as_ref(), io.lang));
            return EXIT_BAD_INPUT;
        }
    };
    let out = match a.format {
        TableFormat::Text => render::matrix::text(&m, a.lang.get()),
        TableFormat::Markdown => render::matrix::markdown(&m, a.lang.get()),
        TableFormat::Csv => render::matrix::csv(&m),
        TableFormat::Json => format!("{}\n", render::json::pretty(&m)),
    };
    io.print(&out);
    EXIT_OK
}
