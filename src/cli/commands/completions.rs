//! `peacecoop completions`: a shell completion script.

use crate::cli::io::{EXIT_OK, Io};

pub(crate) const EXAMPLES: &str = "\
Examples:
  peacecoop completions bash > ~/.local/share/bash-completion/completions/peacecoop
  peacecoop completions zsh > ~/.zfunc/_peacecoop";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The shell.
    shell: clap_complete::Shell,
}

pub(crate) fn run(a: Args, io: &mut Io) -> u8 {
    let mut cmd = crate::cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "peacecoop", &mut buf);
    io.print(&String::from_utf8_lossy(&buf));
    EXIT_OK
}
