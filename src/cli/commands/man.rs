//! `peacecoop man [COMMAND]`: the manual page of the program (with the
//! scenario format and the exit codes) or of one command.

use crate::cli::io::{EXIT_BAD_INPUT, EXIT_OK, Io};

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop man > peacecoop.1 && man ./peacecoop.1
  peacecoop man evaluate > peacecoop-evaluate.1";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The command whose page to print (omit it for the program's page).
    #[arg(value_name = "COMMAND")]
    command: Option<String>,
}

pub(crate) fn run(a: Args, io: &mut Io) -> u8 {
    let cmd = crate::cli::command();
    let page = match &a.command {
        None => cmd,
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(name).cloned() else {
                let names: Vec<String> = cmd
                    .get_subcommands()
                    .map(|c| c.get_name().to_owned())
                    .collect();
                let hint = crate::error::suggest(name, names.iter().map(String::as_str))
                    .map_or_else(
                        || format!("the commands are {}", names.join(", ")),
                        |s| format!("did you mean `{s}`?"),
                    );
                io.eprint(&format!(
                    "error: unknown command `{}`\n  help: {hint}\n",
                    crate::render::clean(name)
                ));
                return EXIT_BAD_INPUT;
            };
            // The page is named `peacecoop-<command>`, as the program's page refers to it.
            let full = format!("peacecoop-{}", sub.get_name());
            sub.name(full)
        }
    };
    let mut buf = Vec::new();
    match clap_mangen::Man::new(page).render(&mut buf) {
        Ok(()) => {
            io.print(&String::from_utf8_lossy(&buf));
            EXIT_OK
        }
        Err(e) => {
            io.eprint(&format!("error: cannot render the manual page: {e}\n"));
            EXIT_BAD_INPUT
        }
    }
}
