//! `peacecoop whatif`: the smallest sets of fact changes that would make a
//! scenario eligible, grouped by who would have to act.

use crate::analysis::whatif::{Keep, MAX_CHANGES, WhatifOptions};
use crate::cli::args::{
    Format, LangChoice, ReadingChoice, RulesSource, exit_for, one_scenario, parse_date,
};
use crate::cli::io::{EXIT_BAD_INPUT, Io};
use crate::model::Date;
use crate::render;
use std::path::PathBuf;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop whatif scenarios/hypo-p1-no-ceasefire-1995.yaml
  peacecoop whatif scenarios/minusma-2013.yaml --max-changes 4 --format json
  peacecoop whatif scenarios/hypo-kaketsuke-keigo-2010.yaml --keep none
  peacecoop whatif scenarios/unosom-ii-1993.yaml --keep operation,use_of_force

By default the facts that say what the mission is (its kind of operation,
what it supports, its date) are kept; `--keep none` frees every fact.
Exit codes: as for evaluate, from the scenario's own verdict (0, 1, 3; 2 bad input).";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    scenario: PathBuf,
    /// The most changes in one alternative (1-8; each task added or removed counts).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=MAX_CHANGES as i64))]
    max_changes: u8,
    /// Facts that must not change, comma-separated (`none`: every fact may change;
    /// default: the kind of operation, what it supports and the date).
    #[arg(long, value_name = "FACT,...|none", value_delimiter = ',')]
    keep: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Evaluate as of this date (YYYY-MM-DD) instead of the scenario's.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
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
    let Some(s) = one_scenario(&rs, &a.scenario, a.date, &a.readings, io) else {
        return EXIT_BAD_INPUT;
    };
    let keep = match a.keep.as_slice() {
        [] => Keep::Frame,
        [one] if one == "none" => Keep::Nothing,
        names => Keep::Facts(names.to_vec()),
    };
    let opts = WhatifOptions::new(usize::from(a.max_changes), keep);
    let w = match rs.whatif(&s, &opts, a.lang.get()) {
        Ok(w) => w,
        Err(d) => {
            io.usage(&d);
            return EXIT_BAD_INPUT;
        }
    };
    match a.format {
        Format::Text => io.print(&render::whatif::text(&w, a.lang.get())),
        Format::Json => io.print(&format!("{}\n", render::json::pretty(&w))),
    }
    exit_for(w.verdict)
}
