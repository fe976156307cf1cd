//! The progress bar of a long run: stages on stderr, only on a terminal
//! and only when the input is large enough for a run to take a while.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Inputs above this size take about a second or more (BENCHMARKS.md).
const SHOW_ABOVE_BYTES: u64 = 2_000_000;

pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar of `stages` steps, hidden when `quiet`, when stderr is not a
    /// terminal, or for small inputs.
    pub fn new(stages: u64, input_bytes: u64, quiet: bool) -> Progress {
        let visible = !quiet && std::io::stderr().is_terminal() && input_bytes > SHOW_ABOVE_BYTES;
        let bar = ProgressBar::with_draw_target(
            Some(stages),
            if visible {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} [{elapsed}] {bar:30} {pos}/{len} {msg}")
        {
            bar.set_style(style);
        }
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress { bar }
    }

    /// Starts the next stage.
    pub fn stage(&self, message: &str) {
        if self.bar.position() > 0 || !self.bar.message().is_empty() {
            self.bar.inc(1);
        }
        self.bar.set_message(message.to_string());
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
