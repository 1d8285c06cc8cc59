//! Arguments shared by several subcommands: where the rules come from, the
//! language, readings chosen on the command line, dates.

use super::io::Io;
use crate::model::{Date, Lang, Scenario};
use crate::ruleset::RuleSet;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// `--rules DIR`.
#[derive(Debug, Args)]
pub(crate) struct RulesSource {
    /// Load the rules from this directory instead of the embedded ruleset.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

impl RulesSource {
    /// The ruleset, or `None` after printing why not.
    pub fn load(&self, io: &mut Io) -> Option<RuleSet> {
        super::io::load_rules(self.rules.as_deref(), io)
    }
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

/// `--lang en|ja`.
#[derive(Debug, Args)]
pub(crate) struct LangChoice {
    /// Language of titles, explanations and the report's own words.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

impl LangChoice {
    pub fn get(&self) -> Lang {
        self.lang.into()
    }
}

/// `--reading ID=OPTION`, repeatable.
#[derive(Debug, Args)]
pub(crate) struct ReadingChoice {
    /// Choose an option of a reading of a contested point (repeatable;
    /// wins over the scenario's `readings:`). `peacecoop readings` lists them.
    #[arg(long = "reading", value_name = "ID=OPTION", value_parser = parse_reading)]
    pub readings: Vec<(String, String)>,
}

impl ReadingChoice {
    /// Applies the readings to a scenario; `false` after printing a bad one.
    pub fn apply(&self, rs: &RuleSet, s: &mut Scenario, io: &mut Io) -> bool {
        for (id, option) in &self.readings {
            if let Err(d) = rs.set_reading(s, id, option) {
                io.usage(&d);
                return false;
            }
        }
        true
    }
    /// Checks the readings against the ruleset before any scenario is read.
    pub fn check(&self, rs: &RuleSet, io: &mut Io) -> bool {
        for (id, option) in &self.readings {
            if let Err(d) = rs.reading_option(id, option) {
                io.usage(&d);
                return false;
            }
        }
        true
    }
    /// The ids of the readings fixed on the command line.
    pub fn ids(&self) -> Vec<&str> {
        self.readings.iter().map(|(id, _)| id.as_str()).collect()
    }
}

fn parse_reading(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((id, option)) if !id.trim().is_empty() && !option.trim().is_empty() => {
            Ok((id.trim().to_owned(), option.trim().to_owned()))
        }
        _ => Err(format!(
            "`{s}` is not ID=OPTION, e.g. `parties-gone-before-2016=text`"
        )),
    }
}

/// Parses `--date YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}

/// Output formats shared by most commands.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    /// A readable report.
    Text,
    /// The JSON object described in the README.
    Json,
}

/// The one scenario of a single-scenario command, with the date and readings
/// of the command line applied; `None` after printing why not.
pub(crate) fn one_scenario(
    rs: &RuleSet,
    path: &std::path::Path,
    date: Option<Date>,
    readings: &ReadingChoice,
    io: &mut Io,
) -> Option<Scenario> {
    let loaded = rs.load_file(
        path,
        crate::files::DEFAULT_MAX_SCENARIO_BYTES,
        crate::files::Kind::NamedScenario,
    );
    match loaded.scenario {
        Ok(mut s) => {
            if let Some(d) = date {
                rs.set_date(&mut s, d);
            }
            readings.apply(rs, &mut s, io).then_some(s)
        }
        Err(e) => {
            io.scenario_error(&e, loaded.text.as_deref());
            None
        }
    }
}

/// The exit code of a verdict.
pub(crate) fn exit_for(v: crate::Verdict) -> u8 {
    match v {
        crate::Verdict::Eligible => super::io::EXIT_OK,
        crate::Verdict::NotEligible => super::io::EXIT_NOT_ELIGIBLE,
        crate::Verdict::Undetermined => super::io::EXIT_UNDETERMINED,
    }
}
