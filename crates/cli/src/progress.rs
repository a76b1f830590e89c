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
    /// The inputs' total size in bytes, when known before the ingest (local files and
    /// folders): progress is then a percentage of it, with an ETA.
    total: Option<u64>,
    started: Instant,
}

/// How often a plain progress line is printed where output is not a terminal:
/// `STRIKEWATCH_PROGRESS_EVERY` seconds (0: at every step, for a log that wants them all),
/// else every 10 s.
fn plain_every() -> Duration {
    std::env::var("STRIKEWATCH_PROGRESS_EVERY")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or(Duration::from_secs(10), Duration::from_secs)
}
/// "1 h 2 min", "3 min 5 s", "12 s".
fn human_secs(secs: f64) -> String {
    let s = secs.round() as u64;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min {} s", s / 60, s % 60),
        _ => format!("{} h {} min", s / 3600, s % 3600 / 60),
    }
}

/// The total size in bytes of local inputs (files, and the files under folders), for a
/// percentage of the ingest; `None` when an input is standard input or a URL (its size is
/// not known before it is read). Cost: one `stat` per file, no reading.
pub fn input_bytes(inputs: &[String]) -> Option<u64> {
    fn under(p: &std::path::Path, depth: usize) -> u64 {
        let Ok(meta) = std::fs::metadata(p) else {
            return 0;
        };
        if meta.is_file() {
            return meta.len();
        }
        if !meta.is_dir() || depth > 64 {
            return 0;
        }
        std::fs::read_dir(p)
            .map(|d| d.flatten().map(|e| under(&e.path(), depth + 1)).sum())
            .unwrap_or(0)
    }
    let mut total = 0u64;
    for i in inputs {
        if i == "-" || i.starts_with("http://") || i.starts_with("https://") {
            return None;
        }
        total += under(std::path::Path::new(i), 0);
    }
    Some(total)
}

/// Failed inputs remembered for the JSON summary; more are counted there, not named.
pub const MAX_FAILED: usize = 10_000;

/// An input that could not be ingested.
#[derive(serde::Serialize, Clone, Debug)]
pub struct Failed {
    pub input: String,
    pub error: String,
}

impl TermReporter {
    /// A reporter; `total` is the inputs' size in bytes when known (see [`input_bytes`]).
    pub fn new(show: bool, total: Option<u64>) -> TermReporter {
        let terminal = std::io::stderr().is_terminal();
        let target = if show && terminal {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let total = total.filter(|&t| t > 0);
        let bar = ProgressBar::with_draw_target(total, target);
        let style = if total.is_some() {
            "{bar:24} {percent}% · ETA {eta} · {msg}"
        } else {
            "{spinner} {elapsed} {msg}"
        };
        bar.set_style(ProgressStyle::with_template(style).expect("template"));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        TermReporter {
            bar,
            plain: (show && !terminal).then(|| Mutex::new(Instant::now())),
            failed: Mutex::new(Vec::new()),
            total,
            started: Instant::now(),
        }
    }

    /// "42% of 310.2 MB, ETA 1 min 5 s: " when the total is known (at most 99% until the
    /// end: compressed inputs yield more bytes than their files hold).
    fn share(&self, read: u64) -> String {
        let Some(total) = self.total else {
            return String::new();
        };
        let pct = (read.saturating_mul(100) / total).min(99);
        let spent = self.started.elapsed().as_secs_f64();
        let eta = if read > 0 && read < total {
            let left = spent * (total - read) as f64 / read as f64;
            format!(", ETA {}", human_secs(left))
        } else {
            String::new()
        };
        format!("{pct}% of {:.1} MB{eta}: ", total as f64 / 1e6)
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
            if last.elapsed() >= plain_every() {
                *last = Instant::now();
                errln!("note: progress: {}{msg}", self.share(s.bytes_read));
            }
        }
        if let Some(total) = self.total {
            self.bar.set_position(s.bytes_read.min(total));
        }
        self.bar.set_message(msg);
    }
}

/// Extraction's progress: on a terminal a bar with the percentage and an ETA when the total is
/// known (`extract --all`), else a spinner counting articles; without a terminal a
/// `note: progress: ...` line now and then (see [`plain_every`]), with the percentage and the
/// time left when the total is known.
pub struct Extraction {
    bar: ProgressBar,
    total: Option<u64>,
    started: Instant,
    plain: Option<Mutex<Option<Instant>>>,
}

impl Extraction {
    pub fn new(total: Option<u64>) -> Extraction {
        let terminal = std::io::stderr().is_terminal();
        let bar = match (terminal, total) {
            (true, Some(n)) => {
                let b = ProgressBar::new(n);
                b.set_style(
                    ProgressStyle::with_template(
                        "extracting {bar:30} {pos}/{len} articles {percent}% · ETA {eta}",
                    )
                    .expect("template"),
                );
                b
            }
            (true, None) => {
                let b = ProgressBar::new_spinner();
                b.set_style(
                    ProgressStyle::with_template("{spinner} extracting: {msg}").expect("template"),
                );
                b
            }
            (false, _) => ProgressBar::hidden(),
        };
        Extraction {
            bar,
            total,
            started: Instant::now(),
            // the first line comes after one interval, as the ingest's: a short run prints none
            plain: (!terminal).then(|| Mutex::new(Some(Instant::now()))),
        }
    }

    /// `done` articles extracted so far.
    pub fn update(&self, done: u64) {
        match self.total {
            Some(_) => self.bar.set_position(done),
            None => self.bar.set_message(format!("{done} articles")),
        }
        let Some(last) = &self.plain else { return };
        let mut last = last.lock().expect("progress lock");
        if last.is_some_and(|t| t.elapsed() < plain_every()) {
            return;
        }
        *last = Some(Instant::now());
        errln!("note: progress: {}", self.line(done));
    }

    /// "extracted 40 of 120 articles (33%, about 12 s left)", or "extracted 40 articles".
    fn line(&self, done: u64) -> String {
        match self.total {
            Some(total) if total > 0 => {
                let pct = done * 100 / total;
                let left = if done > 0 {
                    let per = self.started.elapsed().as_secs_f64() / done as f64;
                    format!(
                        ", about {:.0} s left",
                        per * total.saturating_sub(done) as f64
                    )
                } else {
                    String::new()
                };
                format!("extracted {done} of {total} articles ({pct}%{left})")
            }
            _ => format!("extracted {done} articles"),
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
