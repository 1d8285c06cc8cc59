//! A progress bar on standard error for long batches, drawn only when a
//! person is watching it: standard error is a terminal and the results go
//! elsewhere (a file or a pipe), so the bar never mixes with the report.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Batches shorter than this finish before a bar is worth drawing.
const MIN_FILES: usize = 1_000;

/// The bar, or nothing when it would not be seen.
pub(crate) struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar over `files` files, if the batch is long and someone is watching.
    pub fn new(files: usize) -> Progress {
        let watched = std::io::stderr().is_terminal() && !std::io::stdout().is_terminal();
        if files < MIN_FILES || !watched {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(
            Some(u64::try_from(files).unwrap_or(u64::MAX)),
            ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files, {eta} left") {
            bar.set_style(style);
        }
        Progress(Some(bar))
    }

    /// `n` more files are done.
    pub fn advance(&self, n: usize) {
        if let Some(bar) = &self.0 {
            bar.inc(u64::try_from(n).unwrap_or(u64::MAX));
        }
    }

    /// Runs `f` (which writes to standard error) with the bar hidden.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }
}

impl Drop for Progress {
    /// The bar leaves no trace once the batch is over.
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
