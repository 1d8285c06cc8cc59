//! `peacecoop sources`: the documents the rules rely on.

use crate::cli::args::{Format, LangChoice, RulesSource};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};
use crate::render;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop sources
  peacecoop sources --format json --lang ja";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
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
    let list = rs.sources(a.lang.get());
    match a.format {
        Format::Text => {
            let mut out = String::new();
            for s in &list {
                out.push_str(&format!("[{}] {}\n", s.id, render::clean(&s.title)));
                if let Some(u) = &s.url {
                    out.push_str(&format!("    {}\n", render::clean(u)));
                }
                if let Some(n) = &s.note {
                    out.push_str(&format!("    {}\n", render::clean(n)));
                }
            }
            io.print(&out);
        }
        Format::Json => io.print(&format!("{}\n", render::json::pretty(&list))),
    }
    EXIT_OK
}
