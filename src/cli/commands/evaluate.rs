//! `peacecoop evaluate`: scenario files (or folders of them) against the
//! rules, as a report, JSON, a one-line summary, CSV, a handout or a diagram.
//! Batches are read, evaluated and printed in chunks, so memory stays flat
//! however many files, and reading stops when the output is closed. A long
//! batch written to a file shows a progress bar on the terminal.

use crate::analysis::history::HistoryReport;
use crate::cli::args::{LangChoice, ReadingChoice, RulesSource, parse_date};
use crate::cli::io::{EXIT_BAD_INPUT, EXIT_NOT_ELIGIBLE, EXIT_OK, EXIT_UNDETERMINED, Io};
use crate::cli::progress::Progress;
use crate::files::{DEFAULT_MAX_SCENARIO_BYTES, Kind};
use crate::message::Fixed;
use crate::model::{Date, Lang, Verdict};
use crate::render::{self, Detail, TextOptions};
use crate::report::Report;
use crate::ruleset::RuleSet;
use clap::ValueEnum;
use std::path::PathBuf;

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop evaluate scenarios/untac-1992.yaml
  peacecoop evaluate scenarios/untac-1992.yaml --brief --lang ja
  peacecoop evaluate scenarios/ --format summary
  peacecoop evaluate scenarios/ --format json > results.json
  peacecoop evaluate my-mission.yaml --date 2016-03-29 --reading parties-presumed=unknown
  peacecoop evaluate scenarios/untac-1992.yaml --format html --brief > handout.html

Exit codes: 0 every scenario eligible; 1 at least one not eligible;
3 none not eligible but at least one undetermined; 2 bad input or output error.";

/// Output formats of `evaluate`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum EvalFormat {
    /// A readable report (with --brief: one screen).
    Text,
    /// One JSON object per scenario (an array for several or a folder).
    Json,
    /// One line per scenario: verdict, file, name, failing rules or missing facts.
    Summary,
    /// The summary as CSV, with a header.
    Csv,
    /// A Markdown handout.
    Markdown,
    /// One self-contained HTML handout (A4; with --brief, one page per scenario).
    Html,
    /// A Mermaid diagram of one scenario: principles, rules by outcome, deciding facts.
    Mermaid,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Scenario files or directories (every *.yaml / *.yml below them, sorted).
    #[arg(value_name = "SCENARIO", required = true)]
    scenarios: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: EvalFormat,
    /// Evaluate as of this date (YYYY-MM-DD) instead of the scenario's.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Text: one screen (the rules that decide, missing facts, steps).
    /// Handouts: leave the full trace out.
    #[arg(long)]
    brief: bool,
    /// Refuse scenario files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_SCENARIO_BYTES)]
    max_size: u64,
    #[command(flatten)]
    lang: LangChoice,
    #[command(flatten)]
    readings: ReadingChoice,
    #[command(flatten)]
    source: RulesSource,
}

/// Files read and evaluated at a time.
const CHUNK: usize = 256;

/// One input's outcome: its verdict and output (rendered, and the report
/// dropped, on the worker: a batch renders on every core, and each report's
/// memory is freed by the thread that allocated it), or for a handout its
/// report and history, or its error.
enum Item {
    Rendered(Verdict, Vec<u8>),
    Sheet(Box<Report>, Option<HistoryReport>),
    Failed(crate::ScenarioError, Option<String>),
    BadReading(crate::Diagnostic),
}

/// Tallies over a batch.
#[derive(Default)]
struct Tally {
    eligible: usize,
    not: usize,
    undetermined: usize,
    errors: usize,
}

impl Tally {
    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Eligible => self.eligible += 1,
            Verdict::NotEligible => self.not += 1,
            Verdict::Undetermined => self.undetermined += 1,
        }
    }
    fn done(&self) -> usize {
        self.eligible + self.not + self.undetermined
    }
}

pub(crate) fn run(a: Args, io: &mut Io) -> u8 {
    io.lang = a.lang.get();
    let Some(rs) = a.source.load(io) else {
        return EXIT_BAD_INPUT;
    };
    if !a.readings.check(&rs, io) {
        return EXIT_BAD_INPUT;
    }
    let lang: Lang = a.lang.get();
    let inputs = crate::files::expand(&a.scenarios);
    let mut tally = Tally {
        errors: io.walk_problems(&inputs.problems),
        ..Tally::default()
    };
    let paths = inputs.paths;
    let single = !inputs.folder && a.scenarios.len() == 1;
    // A Mermaid file holds one diagram: several would not render.
    if a.format == EvalFormat::Mermaid && !single {
        let (msg, help) = (Fixed::MermaidOne.into(), Fixed::MermaidHelp.into());
        io.eprint(&render::diagnostic::words(&msg, Some(&help), lang));
        return EXIT_BAD_INPUT;
    }
    let mut sheets: Vec<(Report, Option<HistoryReport>)> = Vec::new();
    let mut started_array = false;
    let mut first_item = true;
    if a.format == EvalFormat::Csv {
        io.print("verdict,file,name,failing,missing\n");
    }
    let progress = Progress::new(paths.len());
    for chunk in paths.chunks(CHUNK) {
        if io.gone() {
            break;
        }
        let items = crate::batch::map(chunk, |(p, kind)| {
            one(&rs, &a, p, *kind, lang, single, io.color)
        });
        progress.advance(chunk.len());
        for item in items {
            match item {
                Item::Rendered(verdict, text) => {
                    tally.add(verdict);
                    match a.format {
                        EvalFormat::Text if tally.done() > 1 => io.print("\n"),
                        EvalFormat::Json if !single => {
                            io.print(if first_item { "[\n  " } else { ",\n  " });
                            started_array = true;
                            first_item = false;
                        }
                        _ => {}
                    }
                    io.print_bytes(&text);
                    if a.format == EvalFormat::Json && single {
                        io.print("\n");
                    }
                }
                Item::Sheet(report, history) => {
                    tally.add(report.verdict);
                    sheets.push((*report, history));
                }
                Item::Failed(e, text) => {
                    progress.suspend(|| io.scenario_error(&e, text.as_deref()));
                    tally.errors += 1;
                }
                Item::BadReading(d) => {
                    drop(progress);
                    io.usage(&d);
                    return EXIT_BAD_INPUT;
                }
            }
        }
    }
    match a.format {
        EvalFormat::Json if !single => {
            io.print(if started_array { "\n]\n" } else { "[]\n" });
        }
        EvalFormat::Text if tally.done() + tally.errors > 1 => {
            let line = crate::report::words::batch_summary(
                lang,
                tally.eligible,
                tally.not,
                tally.undetermined,
                tally.errors,
            );
            io.print(&format!("\n{line}\n"));
        }
        EvalFormat::Summary => {
            let line = crate::report::words::batch_summary(
                lang,
                tally.eligible,
                tally.not,
                tally.undetermined,
                tally.errors,
            );
            io.print(&format!("{line}\n"));
        }
        EvalFormat::Markdown => {
            io.print(&render::markdown::handout(
                &rs.handout_context(lang),
                &sheets,
                a.brief,
            ));
        }
        EvalFormat::Html => {
            io.print(&render::html::handout(
                &rs.handout_context(lang),
                &sheets,
                a.brief,
            ));
        }
        _ => {}
    }
    if tally.errors > 0 {
        EXIT_BAD_INPUT
    } else if tally.not > 0 {
        EXIT_NOT_ELIGIBLE
    } else if tally.undetermined > 0 {
        EXIT_UNDETERMINED
    } else {
        EXIT_OK
    }
}

/// Reads, evaluates and reports one file, rendered in the chosen format
/// (`single`: the only input, so JSON is one object, not an array item).
fn one(
    rs: &RuleSet,
    a: &Args,
    p: &std::path::Path,
    kind: Kind,
    lang: Lang,
    single: bool,
    color: bool,
) -> Item {
    let loaded = rs.load_file(p, a.max_size, kind);
    let mut s = match loaded.scenario {
        Ok(s) => s,
        Err(e) => return Item::Failed(e, loaded.text),
    };
    if let Some(d) = a.date {
        rs.set_date(&mut s, d);
    }
    for (id, option) in &a.readings.readings {
        if let Err(d) = rs.set_reading(&mut s, id, option) {
            return Item::BadReading(d);
        }
    }
    let e = rs.evaluate(&s);
    let report = rs.report(&s, &e, lang);
    let text = match a.format {
        EvalFormat::Markdown | EvalFormat::Html => {
            let history = rs.history(&s, lang);
            return Item::Sheet(Box::new(report), Some(history));
        }
        EvalFormat::Json if single => render::json::pretty(&report).into_bytes(),
        EvalFormat::Json => render::json::array_item(&report),
        EvalFormat::Text => {
            let detail = if a.brief { Detail::Brief } else { Detail::Full };
            let opts = TextOptions {
                color,
                ..TextOptions::new(detail, lang)
            };
            render::text::text(&report, &opts).into_bytes()
        }
        EvalFormat::Summary => render::summary::line(&report, lang).into_bytes(),
        EvalFormat::Csv => render::summary::csv_row(&report).into_bytes(),
        EvalFormat::Mermaid => render::mermaid::scenario(&report, lang).into_bytes(),
    };
    Item::Rendered(report.verdict, text)
}
