//! What long work shows while it runs: problems as single lines above a live progress line
//! (drawn only on a terminal; elsewhere, a `note: progress: ...` line every few seconds, so a log
//! of a long ingest shows it moving), and a spinner for extraction.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sw_app::ingest::{Reporter, Summary};

/// The ingest's reporter for a terminal (or a pipe, where only the lines are printed).
pub struct TermReporter {
    bar: ProgressBar,
    /// Where output is not a terminal: when the last progress line was printed (none is
    /// printed when `show` was false).
    plain: Option<Mutex<Instant>>,
    /// The inputs that failed, with why (the first [`MAX_FAILED`]), for `ingest --json`.
    failed: Mutex<Vec<Failed>>,
}

/// How often a plain progress line is printed where output is not a terminal.
const PLAIN_EVERY: Duration = Duration::from_secs(10);
/// Failed inputs remembered for the JSON summary; more are counted there, not named.
pub const MAX_FAILED: usize = 10_000;

/// An input that could not be ingested.
#[derive(serde::Serialize, Clone, Debug)]
pub struct Failed {
    pub input: String,
    pub error: String,
}

impl TermReporter {
    pub fn new(show: bool) -> TermReporter {
        let terminal = std::io::stderr().is_terminal();
        let target = if show && terminal {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(ProgressStyle::with_template("{spinner} {elapsed} {msg}").expect("template"));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        TermReporter {
            bar,
            plain: (show && !terminal).then(|| Mutex::new(Instant::now())),
            failed: Mutex::new(Vec::new()),
        }
    }

    /// The inputs that failed so far.
    pub fn failed(&self) -> Vec<Failed> {
        self.failed.lock().expect("failed lock").clone()
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
        let mut f = self.failed.lock().expect("failed lock");
        if f.len() < MAX_FAILED {
            f.push(Failed {
                input: locator.to_string(),
                error: message.to_string(),
            });
        }
    }
    fn note(&self, locator: &str, message: &str) {
        self.line(format!("note: {locator}: {message}"));
    }
    fn progress(&self, s: &Summary) {
        let msg = format!(
            "{} new articles, {} duplicate, {} failed, {} skipped",
            s.new, s.duplicate, s.failed, s.skipped
        );
        if let Some(last) = &self.plain {
            let mut last = last.lock().expect("progress lock");
            if last.elapsed() >= PLAIN_EVERY {
                *last = Instant::now();
                errln!("note: progress: {msg}");
            }
        }
        self.bar.set_message(msg);
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
