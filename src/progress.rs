//! The progress bar of a long run on stderr: bytes read, then projects
//! written per second, then the closing stages. Only on a terminal and
//! only when the input is large enough for a run to take a while.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Inputs above this size take about a second or more.
const SHOW_ABOVE_BYTES: u64 = 2_000_000;

pub struct Progress {
    bar: ProgressBar,
}

fn style(template: &str) -> Option<ProgressStyle> {
    let style = ProgressStyle::with_template(template).ok()?;
    // Whole projects a second: indicatif's own `per_sec` prints decimals.
    Some(style.with_key(
        "rate",
        |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
            let _ = write!(out, "{:.0}/s", state.per_sec());
        },
    ))
}

impl Progress {
    /// A bar hidden when `quiet`, when stderr is not a terminal, or for
    /// small inputs.
    pub fn new(input_bytes: u64, quiet: bool) -> Progress {
        let visible = !quiet && std::io::stderr().is_terminal() && input_bytes > SHOW_ABOVE_BYTES;
        let bar = ProgressBar::with_draw_target(
            Some(input_bytes),
            if visible {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress { bar }
    }

    /// Counts bytes read out of the input's size.
    pub fn reading(&self, message: &str) {
        self.switch(
            "{spinner} [{elapsed}] {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}) {msg}",
            message,
            None,
        );
    }

    /// Counts projects done, with their rate (how many there are is
    /// known only at the end of the listings).
    pub fn projects(&self, message: &str) {
        self.switch(
            "{spinner} [{elapsed}] {human_pos} projects ({rate}) {msg}",
            message,
            Some(0),
        );
    }

    /// A stage without a count.
    pub fn stage(&self, message: &str) {
        self.switch("{spinner} [{elapsed}] {msg}", message, None);
    }

    fn switch(&self, template: &str, message: &str, length: Option<u64>) {
        if let Some(length) = length {
            self.bar.set_length(length);
            self.bar.set_position(0);
        }
        if let Some(style) = style(template) {
            self.bar.set_style(style);
        }
        self.bar.set_message(message.to_string());
    }

    /// `n` more bytes read or projects done.
    pub fn advance(&self, n: u64) {
        self.bar.inc(n);
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
