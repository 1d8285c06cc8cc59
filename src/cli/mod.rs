//! The command-line interface: one module per subcommand (its arguments and
//! its function), shared arguments in `args`, output and errors in `io`. No
//! rule logic lives here; every word printed comes from a renderer.

mod args;
mod commands;
mod io;
mod progress;

use clap::error::ErrorKind;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use commands::*;

/// Decides whether a hypothetical Japanese dispatch is eligible under the
/// International Peace Cooperation Act (PKO Act, 1992) as the law stood on a date.
///
/// A teaching and analysis aid, not legal advice.
#[derive(Debug, Parser)]
#[command(name = "peacecoop", version, about, long_about = None,
          after_help = EXAMPLES, after_long_help = MANUAL)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "\
Examples:
  peacecoop evaluate scenarios/untac-1992.yaml
  peacecoop evaluate scenarios/ --format summary
  peacecoop evaluate scenarios/unmiss-2011.yaml --reading parties-gone-before-2016=text
  peacecoop whatif scenarios/hypo-p1-no-ceasefire-1995.yaml
  peacecoop rules --date 1995-01-01

Exit codes: 0 eligible, 1 not eligible, 3 undetermined, 2 bad input.";

const MANUAL: &str = "\
EXAMPLES
  peacecoop evaluate scenarios/untac-1992.yaml
  peacecoop evaluate scenarios/ --format summary
  peacecoop evaluate scenarios/unmiss-2011.yaml --reading parties-gone-before-2016=text
  peacecoop whatif scenarios/hypo-p1-no-ceasefire-1995.yaml
  peacecoop man evaluate > peacecoop-evaluate.1

SCENARIO FILES
  A scenario is a YAML mapping of facts; `peacecoop schema` prints its JSON Schema.
    name: UNTAC, Cambodia            # required (or {en: ..., ja: ...})
    date: 1992-09-08                 # selects the law in force (default: today)
    stage: proposed                  # proposed | deployed
    operation: un_peacekeeping       # un_peacekeeping | internationally_coordinated |
                                     # humanitarian_relief | election_observation | contribution_in_kind
    supports: un_peacekeeping        # contributions in kind: the operation supported
    basis: {kind: un_security_council_resolution, organization: UNHCR, un_organ_support: true}
    un_command: true
    conflict: {occurred: true, parties_remain: true, ceasefire: agreed, host_is_party: true}
    consent: {host: given, parties: given, stable: true}
    impartial: true
    use_of_force: self_preservation  # none | self_preservation | mission | enforcement
    tasks: [engineering, ceasefire_monitoring]
    personnel: 1200
    withdrawal_reserved: true
    readings: {parties-gone-before-2016: practice}   # optional
    expect: eligible                 # optional: checked by `peacecoop test`
  An omitted fact takes its default, if it has one; `null` (~) is unknown. Unknown
  facts make the rules that need them undetermined. Booleans are true/false only.

EXIT CODES
  0  every scenario eligible (or the command succeeded)
  1  at least one scenario not eligible (test: an expectation failed)
  3  none not eligible, at least one undetermined
  2  usage error, bad input, or output that could not be written

Not legal advice: a teaching and analysis aid.";

/// The subcommands. Their arguments are defined only when clap reaches
/// them (`Command::defer`): a run builds the definition of one command, not
/// of fourteen, which was about half of what a short run allocated (clap's
/// derive does not defer, so the list is written out here).
#[derive(Debug)]
enum Command {
    Evaluate(evaluate::Args),
    Test(test::Args),
    Whatif(whatif::Args),
    History(history::Args),
    Matrix(matrix::Args),
    Readings(readings::Args),
    Rules(rules::Args),
    Explain(explain::Args),
    Sources(sources::Args),
    Check(check::Args),
    Schema(schema::Args),
    Bench(bench::Args),
    Completions(completions::Args),
    Man(man::Args),
}

/// A subcommand: its name, its one-line description, its examples, the
/// function that adds its arguments and the one that reads them back.
type Sub = (
    &'static str,
    &'static str,
    &'static str,
    fn(clap::Command) -> clap::Command,
    fn(&ArgMatches) -> Result<Command, clap::Error>,
);

/// Every subcommand, in the order `--help` lists them.
const SUBCOMMANDS: [Sub; 14] = [
    (
        "evaluate",
        "Evaluate scenario files (or directories of them) against the rules",
        evaluate::EXAMPLES,
        with_args::<evaluate::Args>,
        |m| Ok(Command::Evaluate(evaluate::Args::from_arg_matches(m)?)),
    ),
    (
        "test",
        "Run scenarios that carry `expect:` and report those that fail",
        test::EXAMPLES,
        with_args::<test::Args>,
        |m| Ok(Command::Test(test::Args::from_arg_matches(m)?)),
    ),
    (
        "whatif",
        "The smallest sets of fact changes that would make a scenario eligible",
        whatif::EXAMPLES,
        with_args::<whatif::Args>,
        |m| Ok(Command::Whatif(whatif::Args::from_arg_matches(m)?)),
    ),
    (
        "history",
        "A scenario's verdict under every law version",
        history::EXAMPLES,
        with_args::<history::Args>,
        |m| Ok(Command::History(history::Args::from_arg_matches(m)?)),
    ),
    (
        "matrix",
        "The verdict for every combination of some facts' values: a truth table",
        matrix::EXAMPLES,
        with_args::<matrix::Args>,
        |m| Ok(Command::Matrix(matrix::Args::from_arg_matches(m)?)),
    ),
    (
        "readings",
        "The readings of contested points, or which of them a scenario's verdict depends on",
        readings::EXAMPLES,
        with_args::<readings::Args>,
        |m| Ok(Command::Readings(readings::Args::from_arg_matches(m)?)),
    ),
    (
        "rules",
        "List the rules (those in force on a date, with --date)",
        rules::EXAMPLES,
        with_args::<rules::Args>,
        |m| Ok(Command::Rules(rules::Args::from_arg_matches(m)?)),
    ),
    (
        "explain",
        "One rule in full: what it requires, the law's words, citations, versions",
        explain::EXAMPLES,
        with_args::<explain::Args>,
        |m| Ok(Command::Explain(explain::Args::from_arg_matches(m)?)),
    ),
    (
        "sources",
        "The sources the rules rely on: statute texts, government pages, Diet answers",
        sources::EXAMPLES,
        with_args::<sources::Args>,
        |m| Ok(Command::Sources(sources::Args::from_arg_matches(m)?)),
    ),
    (
        "check",
        "Validate the ruleset and any scenario files given; report every problem",
        check::EXAMPLES,
        with_args::<check::Args>,
        |m| Ok(Command::Check(check::Args::from_arg_matches(m)?)),
    ),
    (
        "schema",
        "Print the JSON Schema (draft 2020-12) of scenario files, for editors",
        schema::EXAMPLES,
        with_args::<schema::Args>,
        |m| Ok(Command::Schema(schema::Args::from_arg_matches(m)?)),
    ),
    (
        "bench",
        "Time ruleset loading, scenario parsing and evaluation inside one process",
        bench::EXAMPLES,
        with_args::<bench::Args>,
        |m| Ok(Command::Bench(bench::Args::from_arg_matches(m)?)),
    ),
    (
        "completions",
        "Print a shell completion script",
        completions::EXAMPLES,
        with_args::<completions::Args>,
        |m| {
            Ok(Command::Completions(completions::Args::from_arg_matches(
                m,
            )?))
        },
    ),
    (
        "man",
        "Print a manual page (roff): the program's, or one command's",
        man::EXAMPLES,
        with_args::<man::Args>,
        |m| Ok(Command::Man(man::Args::from_arg_matches(m)?)),
    ),
];

/// Adds `A`'s arguments to a subcommand, keeping the subcommand's own
/// description and examples (as clap's derive does: the arguments' structs
/// carry doc comments of their own).
fn with_args<A: Args>(cmd: clap::Command) -> clap::Command {
    let about = cmd.get_about().cloned();
    let after = cmd.get_after_help().cloned();
    let mut cmd = A::augment_args(cmd).long_about(None::<&str>);
    if let Some(about) = about {
        cmd = cmd.about(about);
    }
    if let Some(after) = after {
        cmd = cmd.after_help(after);
    }
    cmd
}

impl Subcommand for Command {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        cmd.subcommands(SUBCOMMANDS.iter().map(|&(name, about, examples, args, _)| {
            clap::Command::new(name)
                .about(about)
                .after_help(examples)
                .defer(args)
        }))
    }
    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        Command::augment_subcommands(cmd)
    }
    fn has_subcommand(name: &str) -> bool {
        SUBCOMMANDS.iter().any(|s| s.0 == name)
    }
}

impl FromArgMatches for Command {
    fn from_arg_matches(m: &ArgMatches) -> Result<Command, clap::Error> {
        let Some((name, m)) = m.subcommand() else {
            return Err(clap::Error::raw(
                ErrorKind::MissingSubcommand,
                "a subcommand is required",
            ));
        };
        match SUBCOMMANDS.iter().find(|s| s.0 == name) {
            Some(sub) => (sub.4)(m),
            None => Err(clap::Error::raw(
                ErrorKind::InvalidSubcommand,
                format!("the subcommand '{name}' wasn't recognized"),
            )),
        }
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Command::from_arg_matches(m)?;
        Ok(())
    }
}

/// The clap definition of the whole command line, every subcommand's
/// arguments included (for completions and manual pages).
pub(crate) fn command() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// Parses the command line, runs the command, and returns its exit code.
pub fn main() -> std::process::ExitCode {
    let mut io = io::Io::std();
    // Help and version go through `Io` too, so that a failed write is reported.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let japanese = e.use_stderr() && wants_japanese(std::env::args_os());
            let text = match japanese {
                true => japanese_usage_error(&e),
                false => e.render().ansi().to_string(),
            };
            if e.use_stderr() {
                io.eprint(&text);
            } else {
                io.print(&text);
            }
            let code = u8::try_from(e.exit_code()).unwrap_or(io::EXIT_BAD_INPUT);
            return std::process::ExitCode::from(io.finish(code));
        }
    };
    let code = match cli.command {
        Command::Evaluate(a) => evaluate::run(a, &mut io),
        Command::Test(a) => test::run(a, &mut io),
        Command::Whatif(a) => whatif::run(a, &mut io),
        Command::History(a) => history::run(a, &mut io),
        Command::Matrix(a) => matrix::run(a, &mut io),
        Command::Readings(a) => readings::run(a, &mut io),
        Command::Rules(a) => rules::run(a, &mut io),
        Command::Explain(a) => explain::run(a, &mut io),
        Command::Sources(a) => sources::run(a, &mut io),
        Command::Check(a) => check::run(a, &mut io),
        Command::Schema(a) => schema::run(a, &mut io),
        Command::Bench(a) => bench::run(a, &mut io),
        Command::Completions(a) => completions::run(a, &mut io),
        Command::Man(a) => man::run(a, &mut io),
    };
    std::process::ExitCode::from(io.finish(code))
}

/// Whether the command line asks for Japanese (`--lang ja` or `--lang=ja`),
/// read before clap has parsed it, so that its errors can be Japanese too.
fn wants_japanese(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<std::ffi::OsString> = args.collect();
    args.iter().any(|a| a == "--lang=ja")
        || args.windows(2).any(|w| w[0] == "--lang" && w[1] == "ja")
}

/// The bounds of a number outside its range, from clap's own reason
/// ("99 is not in 1..=8").
fn range_of(e: &clap::Error) -> Option<(i64, i64)> {
    let reason = std::error::Error::source(e)?.to_string();
    let (_, range) = reason.split_once(" is not in ")?;
    let (min, max) = range.trim().split_once("..=")?;
    Some((min.parse().ok()?, max.parse().ok()?))
}

/// A command-line error in Japanese: what is wrong with which argument, the
/// values it takes, and where to read the usage (clap's own text is English).
fn japanese_usage_error(e: &clap::Error) -> String {
    use crate::message::{Fixed, Msg, ticks_of};
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k: ContextKind| e.get(k).map(ContextValue::to_string);
    let strings = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(other) => vec![other.to_string()],
        None => Vec::new(),
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let prior = get(ContextKind::PriorArg).unwrap_or_default();
    let msg = match e.kind() {
        // An option written without its value.
        ErrorKind::InvalidValue if value.is_empty() => Msg::ArgNeedsValue { arg: arg.clone() },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => Msg::ArgValue {
            arg: arg.clone(),
            value: value.clone(),
        },
        ErrorKind::UnknownArgument => Msg::UnknownArgument { arg: arg.clone() },
        ErrorKind::InvalidSubcommand => Msg::UnknownCommand {
            name: get(ContextKind::InvalidSubcommand).unwrap_or_default(),
        },
        ErrorKind::MissingRequiredArgument => Msg::MissingArguments {
            args: ticks_of(strings(ContextKind::InvalidArg).iter().map(String::as_str)),
        },
        // clap reports an option given twice as conflicting with itself.
        ErrorKind::ArgumentConflict if prior == arg => Msg::ArgTwice { arg: arg.clone() },
        ErrorKind::ArgumentConflict => Msg::ArgConflict {
            arg: arg.clone(),
            other: prior,
        },
        _ => Fixed::BadCommandLine.into(),
    };
    let valid = strings(ContextKind::ValidValue);
    let suggested = get(ContextKind::SuggestedSubcommand).or(get(ContextKind::SuggestedArg));
    let help = if let Some(name) = suggested {
        Msg::DidYouMean { name }
    } else if !valid.is_empty() {
        Msg::ValidValues {
            list: ticks_of(valid.iter().map(String::as_str)),
        }
    } else if let Some((min, max)) = range_of(e) {
        Msg::ArgRange { min, max }
    } else if arg.starts_with("--date") && !value.is_empty() {
        match value.parse::<crate::model::Date>() {
            Err(d) => d.msg(),
            Ok(_) => Fixed::BadCommandLine.into(),
        }
    } else if arg.starts_with("--reading") {
        Fixed::ReadingForm.into()
    } else {
        // `args_os`: an argument that is not UTF-8 must not stop the message.
        let command = std::env::args_os()
            .skip(1)
            .filter_map(|a| a.into_string().ok())
            .find(|a| !a.starts_with('-'))
            .filter(|a| Cli::command().find_subcommand(a).is_some())
            .map_or_else(|| "peacecoop".to_owned(), |c| format!("peacecoop {c}"));
        Msg::SeeHelp { command }
    };
    crate::render::diagnostic::words(&msg, Some(&help), crate::model::Lang::Ja)
}
