//! `peacecoop explain`: one rule in full.

use crate::cli::args::{Format, LangChoice, RulesSource};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::message::{Fixed, Msg, Named};
use crate::render;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop explain ceasefire-agreement
  peacecoop explain kaketsuke-keigo-task --lang ja";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The rule's id (see `peacecoop rules`).
    #[arg(value_name = "RULE")]
    rule: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
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
    let Some(r) = rs.explain(&a.rule, lang) else {
        let hint = crate::error::did_you_mean(crate::error::suggest(&a.rule, rs.rule_ids()))
            .unwrap_or(Fixed::RulesListed.into());
        let msg = Msg::Unknown {
            of: Named::Rule,
            name: crate::render::clean(&a.rule).into_owned(),
        };
        io.eprint(&render::diagnostic::words(&msg, Some(&hint), lang));
        return EXIT_BAD_INPUT;
    };
    match a.format {
        Format::Text => io.print(&render::explain::text(&r, lang)),
        Format::Json => io.print(&format!("{}\n", render::json::pretty(&r))),
    }
    EXIT_OK
}
