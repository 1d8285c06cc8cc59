//! The `peacecoop` binary: parse arguments, run, exit with the verdict's code.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = peacecoop::cli::Cli::parse();
    let mut io = peacecoop::cli::Io::std();
    std::process::ExitCode::from(peacecoop::cli::run(cli, &mut io))
}
