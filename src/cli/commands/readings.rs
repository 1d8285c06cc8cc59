//! `peacecoop readings`: the readings of contested points, or a scenario's
//! verdict under every combination of the readings its rules consult.

use crate::cli::args::{Format, LangChoice, ReadingChoice, RulesSource, exit_for, one_scenario};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::render;
use std::path::PathBuf;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop readings
  peacecoop readings scenarios/unmiss-2011.yaml
  peacecoop readings scenarios/unmiss-2011.yaml --format json
  peacecoop readings scenarios/unmiss-2011.yaml --reading parties-presumed=unknown

With a scenario: `deciding` lists the readings for which two combinations that
differ only in that reading give different verdicts. A reading fixed with
--reading is left out of the combinations.
Exit codes: without a scenario 0; with one, as evaluate for the readings in effect.";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A scenario file (omit it to list the readings).
    #[arg(value_name = "SCENARIO")]
    scenario: Option<PathBuf>,
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
    let lang = a.lang.get();
    let Some(path) = &a.scenario else {
        if !a.readings.check(&rs, io) {
            return EXIT_BAD_INPUT;
        }
        let list = rs.readings(lang);
        match a.format {
            Format::Text => io.print(&render::readings::list(&list, lang)),
            Format::Json => io.print(&format!("{}\n", render::json::pretty(&list))),
        }
        return EXIT_OK;
    };
    let Some(s) = one_scenario(&rs, path, None, &a.readings, io) else {
        return EXIT_BAD_INPUT;
    };
    let r = match rs.readings_report(&s, &a.readings.ids(), lang) {
        Ok(r) => r,
        Err(d) => {
            io.usage(&d);
            return EXIT_BAD_INPUT;
        }
    };
    match a.format {
        Format::Text => io.print(&render::readings::text(&r, lang)),
        Format::Json => io.print(&format!("{}\n", render::json::pretty(&r))),
    }
    exit_for(r.verdict)
}
