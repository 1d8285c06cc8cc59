//! The `peacecoop` binary: everything is in the library's CLI module.

/// Reports, batches and sweeps make many small allocations on every core;
/// mimalloc serves them two to four times faster than the system allocator.
/// The library leaves the choice of allocator to the program that embeds it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    peacecoop::cli::main()
}
