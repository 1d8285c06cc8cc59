//! `peacecoop schema`: the JSON Schema of scenario files, for editors.

use crate::cli::args::RulesSource;
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop schema > scenarios/schema.json
Then start a scenario file with
  # yaml-language-server: $schema=./schema.json";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    source: RulesSource,
}

pub(crate) fn run(a: Args, io: &mut Io) -> u8 {
    let Some(rs) = a.source.load(io) else {
        return EXIT_BAD_INPUT;
    };
    io.print(&format!(
        "{}\n",
        crate::render::json::pretty(&rs.scenario_schema())
    ));
    EXIT_OK
}
