//! The `peacecoop` binary: everything is in the library's CLI module.

fn main() -> std::process::ExitCode {
    peacecoop::cli::main()
}
