//! What long work shows while it runs: problems as single lines above a live progress line
//! (drawn only on a terminal), and a spinner for extraction.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sw_app::ingest::{Reporter, Summary};

/// The ingest's reporter for a terminal (or a pipe, where only the lines are printed).
pub struct TermReporter {
    bar: ProgressBar,
}

impl TermReporter {
    pub fn new(show: bool) -> TermReporter {
        let target = if show && std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(ProgressStyle::with_template("{spinner} {elapsed} {msg}").expect("template"));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        TermReporter { bar }
    }

    /// One problem line: escaped whole (locator and message come from the input), so a
    /// newline in a file name cannot forge a line of its own.
    fn line(&self, s: String) {
        if self.bar.is_hidden() {
            errln!("{s}");
        } else {
            self.bar.println(crate::term::escape(&s));
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Reporter for TermReporter {
    fn error(&self, locator: &str, message: &str) {
        self.line(format!("error: {locator}: {message}"));
    }
    fn note(&self, locator: &str, message: &str) {
        self.line(format!("note: {locator}: {message}"));
    }
    fn progress(&self, s: &Summary) {
        self.bar.set_message(format!(
            "{} new articles, {} duplicate, {} failed, {} skipped",
            s.new, s.duplicate, s.failed, s.skipped
        ));
    }
}

/// A spinner counting extracted articles (nothing when stderr is not a terminal).
pub fn extraction_spinner() -> ProgressBar {
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(ProgressStyle::with_template("{spinner} extracting: {msg}").expect("template"));
    bar
}
