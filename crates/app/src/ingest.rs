//! The ingest pipeline: walk inputs, store raw bytes, parse in parallel, normalise, assign
//! stories, commit. Work goes in batches: one transaction stores a batch's raw inputs, the
//! next stores its articles, so a crash loses at most the batch in flight, and a re-run
//! finds its inputs pending and completes them from the stored bytes.
//!
//! Cost grows linearly with the input: each unit is parsed once, and story assignment is an
//! index lookup per LSH band, never a comparison with every stored article.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use sw_dedup::Signature;
use sw_extract::Extractor;
use sw_ingest::{Item, Options, Unit, UnitMeta};
use sw_model::Format;
use sw_store::{Admission, Finish, NewArticle, Outcome, RawInput, ReportRow, Store};
use sw_text::Preparer;

use crate::extract::{rows_of, ExtractSummary, EXTRACT_VERSION};

/// What an ingest did, for the summary line and `--json`.
#[derive(Debug, Default, Serialize, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Articles added to the store.
    pub new: usize,
    /// Of the new articles, those that joined a story already held (syndicated copies).
    pub copies: usize,
    /// Inputs or articles already stored, so nothing was added.
    pub duplicate: usize,
    /// Inputs that could not be read or parsed.
    pub failed: usize,
    /// Things passed over on purpose (unknown file kinds, non-HTML archive records).
    pub skipped: usize,
    /// Item-level problems inside inputs that were otherwise read.
    pub warnings: usize,
    /// Inputs left pending by an earlier interrupted run and finished now.
    pub resumed: usize,
    pub interrupted: bool,
    /// Bytes of the inputs read so far (each unit's raw bytes as the walk yields it): what a
    /// progress bar measures against the inputs' total size.
    #[serde(skip)]
    pub bytes_read: u64,
    /// What extraction in the pipeline produced (the new articles' reports), counted with
    /// the extraction that follows the ingest.
    #[serde(skip)]
    pub extracted: ExtractSummary,
}

/// The size of the file a locator names (0 for a member of an archive, a URL or standard
/// input): the bytes a skipped or unreadable input counts for in [`Summary::bytes_read`], so
/// that progress reaches the inputs' total.
fn file_len(locator: &str) -> u64 {
    std::fs::metadata(locator)
        .ok()
        .filter(|m| m.is_file())
        .map_or(0, |m| m.len())
}

/// Where the pipeline reports as it goes: one line per problem, and progress.
pub trait Reporter: Sync {
    fn error(&self, locator: &str, message: &str);
    fn note(&self, locator: &str, message: &str);
    fn progress(&self, summary: &Summary);
}

/// How an ingest runs.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// How inputs are read (format, metadata overrides, limits, `--fetch-links`).
    pub options: Options,
    /// Estimated Jaccard similarity from which an article is a near copy of a stored one.
    pub near_dup: f64,
    /// Inputs per batch (one transaction for their raw bytes, one for their articles).
    pub batch: usize,
    /// The day it is: the latest publication date a dateline without a year can give (the
    /// application reads no clock).
    pub today: chrono::NaiveDate,
}

/// One ingest: what it reads into, how, and what stops it.
pub struct Pipeline<'a, S: Store + ?Sized> {
    pub store: &'a mut S,
    pub config: IngestConfig,
    /// Set by the caller (Ctrl-C): the batch in flight is finished and committed, then the
    /// run stops; running it again completes the ingest.
    pub stop: &'a AtomicBool,
    pub fetcher: Option<&'a sw_ingest::Fetcher>,
    /// When set, new articles are extracted on the worker threads while their batch is
    /// parsed, and their reports stored with the articles, in the same transaction (so the
    /// extraction pass after the ingest finds nothing left to do and re-reads nothing).
    pub extractor: Option<Arc<Extractor>>,
}

/// Most error lines, and most note lines, shown for one input (a file's lines, an archive's
/// records); the rest are counted, and summarised in one line at the end of the run.
pub const MAX_LINES_PER_INPUT: usize = 20;

/// How many error and note lines one input has had.
#[derive(Default)]
struct Tally {
    parts: &'static str,
    errors: usize,
    notes: usize,
}

/// A reporter that passes on the first [`MAX_LINES_PER_INPUT`] errors and notes of each
/// input and counts the rest: a file of a million garbage lines gets twenty lines and a
/// summary, not a million lines.
struct Capped<'a> {
    inner: &'a dyn Reporter,
    /// Inputs in the order their first line came, with their counts.
    tallies: std::sync::Mutex<Tallies>,
}

/// Each input's position in the list, and the list.
type Tallies = (
    std::collections::HashMap<String, usize>,
    Vec<(String, Tally)>,
);

impl<'a> Capped<'a> {
    fn new(inner: &'a dyn Reporter) -> Capped<'a> {
        Capped {
            inner,
            tallies: Default::default(),
        }
    }

    /// Counts a line of `locator`'s input; true while under the cap.
    fn admit(&self, locator: &str, error: bool) -> bool {
        let (input, parts) = sw_ingest::container_of(locator);
        let mut guard = self.tallies.lock().unwrap_or_else(|e| e.into_inner());
        let (index, list) = &mut *guard;
        let at = *index.entry(input.to_string()).or_insert_with(|| {
            list.push((
                input.to_string(),
                Tally {
                    parts,
                    ..Default::default()
                },
            ));
            list.len() - 1
        });
        let t = &mut list[at].1;
        let n = if error { &mut t.errors } else { &mut t.notes };
        *n += 1;
        *n <= MAX_LINES_PER_INPUT
    }

    /// Reports an error unless over its input's cap; true when it was reported.
    fn error_shown(&self, locator: &str, message: &str) -> bool {
        let shown = self.admit(locator, true);
        if shown {
            self.inner.error(locator, message);
        }
        shown
    }

    /// One line per input over the cap: (input, message, is it about errors).
    fn summaries(&self) -> Vec<(String, String, bool)> {
        let guard = self.tallies.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = Vec::new();
        for (input, t) in &guard.1 {
            for (n, what, error) in [(t.errors, "errors", true), (t.notes, "notes", false)] {
                if n > MAX_LINES_PER_INPUT {
                    out.push((
                        input.clone(),
                        format!(
                            "and {} more {} with {what} in {input} (only the first {MAX_LINES_PER_INPUT} are shown)",
                            thousands(n - MAX_LINES_PER_INPUT),
                            t.parts
                        ),
                        error,
                    ));
                }
            }
        }
        out
    }
}

impl Reporter for Capped<'_> {
    fn error(&self, locator: &str, message: &str) {
        self.error_shown(locator, message);
    }
    fn note(&self, locator: &str, message: &str) {
        if self.admit(locator, false) {
            self.inner.note(locator, message);
        }
    }
    fn progress(&self, summary: &Summary) {
        self.inner.progress(summary);
    }
}

/// 999980 -> "999,980".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Largest total of raw bytes held in one batch (a single unit over it is a batch alone).
const BATCH_BYTES: usize = 16 * 1024 * 1024;

/// Raw bytes from which a batch is heavy: a feed of this size holds about 10,000 items, and
/// parsing, preparing and extracting them costs 15 to 30 times the raw bytes. A heavy unit
/// is a batch of its own, and a heavy batch is neither parsed while the batch before it is
/// finished nor finished while the next is parsed, so that at most one heavy batch's
/// documents are in memory at a time (see BENCHMARKS.md, *Memory of one ingest*).
const HEAVY_BYTES: usize = 4 * 1024 * 1024;

/// Gathers units into batches of at most `count` units and at most `bytes` raw bytes (a
/// single unit over it is a batch alone), so that what a batch holds in memory is bounded by
/// bytes, not only by items. A heavy unit ([`HEAVY_BYTES`]) is always a batch alone.
struct Batcher {
    count: usize,
    bytes: usize,
    units: Vec<Unit>,
    held: usize,
}

impl Batcher {
    fn new(count: usize, bytes: usize) -> Batcher {
        Batcher {
            count: count.max(1),
            bytes,
            units: Vec::new(),
            held: 0,
        }
    }

    /// Adds a unit; returns the batches it completes, in order (none, one, or two: the batch
    /// it does not fit in, then itself when it is heavy).
    fn push(&mut self, unit: Unit) -> Vec<Vec<Unit>> {
        let size = unit.bytes.len();
        let heavy = size >= HEAVY_BYTES;
        let mut done = Vec::new();
        if !self.units.is_empty() && (heavy || self.held + size > self.bytes) {
            done.push(self.rest());
        }
        self.held += size;
        self.units.push(unit);
        if heavy || self.units.len() >= self.count || self.held >= self.bytes {
            done.push(self.rest());
        }
        done
    }

    /// The batch gathered so far (maybe empty).
    fn rest(&mut self) -> Vec<Unit> {
        self.held = 0;
        std::mem::take(&mut self.units)
    }
}

/// The parsed articles of one batch, as parsing yields them to the store, each input with the
/// reports of each of its articles (empty without an extractor).
type Parsed = Vec<(i64, String, Finish, Vec<Vec<ReportRow>>)>;

/// A batch whose raw inputs are committed and whose parse runs on the worker threads while
/// the store finishes the batch before it.
struct InFlight(std::sync::mpsc::Receiver<Parsed>);

impl<S: Store + ?Sized> Pipeline<'_, S> {
    pub fn run(&mut self, inputs: &[String], reporter: &dyn Reporter) -> Result<Summary> {
        let capped = Capped::new(reporter);
        let summary = self.run_capped(inputs, &capped)?;
        // one line, and one stored failure, per input whose errors went over the cap
        for (input, message, error) in capped.summaries() {
            if error {
                reporter.error(&input, &message);
                self.store.record_unreadable(&input, &message)?;
            } else {
                reporter.note(&input, &message);
            }
        }
        Ok(summary)
    }

    fn run_capped(&mut self, inputs: &[String], reporter: &Capped) -> Result<Summary> {
        let preparer = Arc::new(Preparer::new());
        let mut summary = Summary::default();
        self.resume(&preparer, reporter, &mut summary)?;

        let mut batcher = Batcher::new(self.config.batch, BATCH_BYTES);
        let mut failure: Option<anyhow::Error> = None;
        let mut in_flight: Option<InFlight> = None;
        let options = self.config.options.clone();
        let fetcher = self.fetcher;
        sw_ingest::walk(inputs, &options, fetcher, &mut |item| {
            if failure.is_some() || self.stop.load(Ordering::Relaxed) {
                return;
            }
            match item {
                Item::Unit(u) => {
                    summary.bytes_read += u.bytes.len() as u64;
                    for units in batcher.push(u) {
                        if let Err(e) =
                            self.process(units, &preparer, &mut in_flight, reporter, &mut summary)
                        {
                            failure = Some(e);
                            return;
                        }
                    }
                }
                Item::Unreadable { locator, error } => {
                    summary.failed += 1;
                    summary.bytes_read += file_len(&locator);
                    // past the cap nothing is stored either: a failure row per garbage
                    // line would make a store many times the size of its input
                    if reporter.error_shown(&locator, &error) {
                        if let Err(e) = self.store.record_unreadable(&locator, &error) {
                            failure = Some(e.into());
                        }
                    }
                }
                Item::Skipped { locator, reason } => {
                    summary.skipped += 1;
                    summary.bytes_read += file_len(&locator);
                    reporter.note(&locator, &reason);
                }
            }
            reporter.progress(&summary);
        });
        if let Some(e) = failure {
            return Err(e);
        }
        if !self.stop.load(Ordering::Relaxed) {
            self.process(
                batcher.rest(),
                &preparer,
                &mut in_flight,
                reporter,
                &mut summary,
            )?;
        }
        // a batch already parsing is finished even when stopping: its inputs are committed
        if let Some(previous) = in_flight.take() {
            self.finish(previous, reporter, &mut summary)?;
        }
        self.store.commit_batches()?;
        summary.interrupted = self.stop.load(Ordering::Relaxed);
        Ok(summary)
    }

    /// Finishes inputs an interrupted run left pending, from their stored bytes. One batch at
    /// a time: the next batch of pending inputs is known only once this one is finished.
    fn resume(
        &mut self,
        preparer: &Arc<Preparer>,
        reporter: &dyn Reporter,
        summary: &mut Summary,
    ) -> Result<()> {
        loop {
            let pending = self.store.pending(self.config.batch.max(1))?;
            if pending.is_empty() || self.stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            let work: Vec<(i64, Unit)> = pending
                .into_iter()
                .map(|(id, raw)| (id, unit_of(raw)))
                .collect();
            summary.resumed += work.len();
            let parsing = self.parse(work, preparer, false);
            self.finish(parsing, reporter, summary)?;
        }
    }

    /// Commits the raw bytes of `units`, starts parsing them on the worker threads, and
    /// meanwhile finishes the batch admitted before them, so that the store's single thread
    /// and the parsing threads work at the same time.
    fn process(
        &mut self,
        units: Vec<Unit>,
        preparer: &Arc<Preparer>,
        in_flight: &mut Option<InFlight>,
        reporter: &dyn Reporter,
        summary: &mut Summary,
    ) -> Result<()> {
        if units.is_empty() {
            return Ok(());
        }
        let heavy = units.iter().map(|u| u.bytes.len()).sum::<usize>() >= HEAVY_BYTES;
        if heavy {
            // no overlap: the batch before is finished (its documents freed) first
            if let Some(previous) = in_flight.take() {
                self.finish(previous, reporter, summary)?;
            }
        }
        let raws: Vec<RawInput> = units.iter().map(raw_of).collect();
        let admissions = self.store.admit(&raws)?;
        drop(raws);
        let mut work = Vec::new();
        for (unit, adm) in units.into_iter().zip(admissions) {
            match adm {
                // already stored; another worker is adding its articles
                Admission::Done(_) | Admission::Claimed(_) => summary.duplicate += 1,
                Admission::New(id) | Admission::Pending(id) | Admission::Retry(id) => {
                    work.push((id, unit))
                }
            }
        }
        let parsing = self.parse(work, preparer, heavy);
        if heavy {
            // and it is finished before the next batch is parsed
            return self.finish(parsing, reporter, summary);
        }
        if let Some(previous) = in_flight.replace(parsing) {
            self.finish(previous, reporter, summary)?;
        }
        Ok(())
    }

    /// Parses, normalises and signs `work` on the worker threads; the result arrives on the
    /// returned channel.
    ///
    /// A heavy batch is not extracted here: its reports would be held for all of its
    /// articles at once (a 16 MiB feed of 40,900 items: 489 MiB peak with them, 283 without),
    /// and one unit is extracted on one thread; the extraction pass after the ingest reads
    /// its articles back a batch at a time, on every thread.
    fn parse(&self, work: Vec<(i64, Unit)>, preparer: &Arc<Preparer>, heavy: bool) -> InFlight {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let limits = self.config.options.limits.clone();
        let preparer = preparer.clone();
        let today = self.config.today;
        let extractor = if heavy { None } else { self.extractor.clone() };
        rayon::spawn(move || {
            // the receiver is gone only when the store failed; nothing is lost then
            let _ = tx.send(parse_all(
                work,
                &preparer,
                &limits,
                today,
                extractor.as_deref(),
            ));
        });
        InFlight(rx)
    }

    /// Waits for a parsed batch and stores its articles.
    fn finish(
        &mut self,
        parsing: InFlight,
        reporter: &dyn Reporter,
        summary: &mut Summary,
    ) -> Result<()> {
        let results = parsing
            .0
            .recv()
            .map_err(|_| anyhow::anyhow!("a parsing thread stopped without a result"))?;
        let mut batch = Vec::with_capacity(results.len());
        let mut reports = Vec::with_capacity(results.len());
        for (id, locator, finish, rows) in results {
            match &finish {
                Finish::Failed(e) => {
                    summary.failed += 1;
                    reporter.error(&locator, e);
                }
                Finish::Parsed { warnings, .. } => {
                    for w in warnings {
                        summary.warnings += 1;
                        reporter.note(&locator, w);
                    }
                }
            }
            batch.push((id, finish));
            reports.push(rows);
        }
        // with an extractor, the new articles' reports are stored in the articles' own
        // transaction (a crash loses both or neither)
        let outcomes = match self.extractor {
            Some(_) => self.store.finish_extracted(
                batch,
                self.config.near_dup,
                EXTRACT_VERSION,
                &reports,
            )?,
            None => self.store.finish(batch, self.config.near_dup)?,
        };
        for (per_input, rows) in outcomes.into_iter().zip(&reports) {
            let mut rows = rows.iter();
            for o in per_input {
                let article_rows = rows.next();
                match o {
                    Outcome::New { copy_of, .. } => {
                        summary.new += 1;
                        if copy_of.is_some() {
                            summary.copies += 1;
                        }
                        if let (Some(r), true) = (article_rows, self.extractor.is_some()) {
                            summary.extracted.add_article(r);
                        }
                    }
                    Outcome::Duplicate { .. } => summary.duplicate += 1,
                }
            }
        }
        reporter.progress(summary);
        Ok(())
    }
}

/// Parses every unit, then normalises, signs and (with an extractor) extracts its documents,
/// in parallel.
fn parse_all(
    work: Vec<(i64, Unit)>,
    preparer: &Preparer,
    limits: &sw_ingest::Limits,
    today: chrono::NaiveDate,
    extractor: Option<&Extractor>,
) -> Parsed {
    work.into_par_iter()
        .map(|(id, unit)| {
            let mut rows: Vec<Vec<ReportRow>> = Vec::new();
            let finish = match sw_ingest::parse(&unit, limits) {
                Err(e) => Finish::Failed(e.0),
                Ok(parsed) => {
                    let articles = parsed
                        .documents
                        .into_iter()
                        .enumerate()
                        .map(|(i, doc)| {
                            // the latest date the article can carry: its capture, else today
                            let reference = match doc.published_basis {
                                sw_model::PublishedBasis::Capture => doc.published,
                                _ => Some(today),
                            };
                            let (article, _stats) = preparer.prepare(doc, reference);
                            let signature = Signature::of(dedup_body(&article));
                            if let Some(x) = extractor {
                                // exactly what extraction reads back from the store later
                                let reports =
                                    x.extract(&article.text, article.lang, article.published);
                                rows.push(rows_of(&reports));
                            }
                            NewArticle {
                                item: i as u32,
                                article,
                                signature,
                            }
                        })
                        .collect();
                    Finish::Parsed {
                        articles,
                        warnings: parsed.warnings,
                    }
                }
            };
            (id, unit.locator, finish, rows)
        })
        .collect()
}

fn raw_of(u: &Unit) -> RawInput {
    RawInput {
        locator: u.locator.clone(),
        format: Some(u.format.code().to_string()),
        bytes: u.bytes.clone(),
        meta: (u.meta != UnitMeta::default())
            .then(|| serde_json::to_value(&u.meta).unwrap_or_default()),
    }
}

fn unit_of(raw: RawInput) -> Unit {
    // a stored unit always carries the format it was admitted with; text is the safe reading
    let format = raw
        .format
        .as_deref()
        .and_then(Format::parse)
        .unwrap_or(Format::Text);
    let meta = raw
        .meta
        .and_then(|m| serde_json::from_value(m).ok())
        .unwrap_or_default();
    Unit {
        locator: raw.locator,
        format,
        bytes: raw.bytes,
        meta,
    }
}

/// The part of an article compared for near-duplicates: its text without a leading headline,
/// because syndicators rewrite headlines while keeping the body.
fn dedup_body(a: &sw_model::Article) -> &str {
    match &a.title {
        Some(t) if !t.is_empty() => a.text.strip_prefix(t.as_str()).unwrap_or(&a.text),
        _ => &a.text,
    }
}

/// Ingesting units already in memory: what `watch` uses for the pages a feed's new items
/// link to, which it fetched itself (conditionally, politely, per host) rather than through
/// [`sw_ingest::walk`].
impl<S: Store + ?Sized> Pipeline<'_, S> {
    /// Stores, parses, places and (with an extractor) extracts `units` exactly as [`Pipeline::run`]
    /// does for what it walks: raw bytes first, in batches, one line per problem. The stop
    /// flag is read between units: the units already taken are finished and committed.
    pub fn run_units(&mut self, units: Vec<Unit>, reporter: &dyn Reporter) -> Result<Summary> {
        let capped = Capped::new(reporter);
        let preparer = Arc::new(Preparer::new());
        let mut summary = Summary::default();
        self.resume(&preparer, &capped, &mut summary)?;
        let mut batcher = Batcher::new(self.config.batch, BATCH_BYTES);
        let mut in_flight: Option<InFlight> = None;
        for unit in units {
            if self.stop.load(Ordering::Relaxed) {
                break;
            }
            for batch in batcher.push(unit) {
                self.process(batch, &preparer, &mut in_flight, &capped, &mut summary)?;
            }
        }
        self.process(
            batcher.rest(),
            &preparer,
            &mut in_flight,
            &capped,
            &mut summary,
        )?;
        if let Some(previous) = in_flight.take() {
            self.finish(previous, &capped, &mut summary)?;
        }
        self.store.commit_batches()?;
        summary.interrupted = self.stop.load(Ordering::Relaxed);
        Ok(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(size: usize) -> Unit {
        Unit {
            locator: format!("u{size}"),
            format: Format::Text,
            bytes: vec![b'a'; size],
            meta: UnitMeta::default(),
        }
    }

    /// Sizes of the batches `sizes` make with at most `count` units and `bytes` bytes each.
    fn batches(count: usize, bytes: usize, sizes: &[usize]) -> Vec<Vec<usize>> {
        let mut b = Batcher::new(count, bytes);
        let mut out: Vec<Vec<usize>> = Vec::new();
        for &s in sizes {
            for batch in b.push(unit(s)) {
                out.push(batch.iter().map(|u| u.bytes.len()).collect());
            }
        }
        let rest = b.rest();
        if !rest.is_empty() {
            out.push(rest.iter().map(|u| u.bytes.len()).collect());
        }
        out
    }

    #[test]
    fn batches_are_capped_by_count_and_by_bytes() {
        // by count
        assert_eq!(
            batches(2, 1000, &[1, 2, 3, 4, 5]),
            vec![vec![1, 2], vec![3, 4], vec![5]]
        );
        // by bytes: a batch never goes over the cap, a unit that would take it over starts
        // the next one, and one that reaches it exactly closes it
        assert_eq!(
            batches(100, 10, &[4, 4, 4, 6, 10, 3]),
            vec![vec![4, 4], vec![4, 6], vec![10], vec![3]]
        );
        // a unit over the cap alone is a batch alone
        assert_eq!(
            batches(100, 10, &[3, 25, 3]),
            vec![vec![3], vec![25], vec![3]]
        );
        // every batch is within both caps, whatever the sizes
        let sizes: Vec<usize> = (0..500).map(|i| (i * 7919) % 3000 + 1).collect();
        for batch in batches(64, 20_000, &sizes) {
            assert!(batch.len() <= 64);
            assert!(
                batch.len() == 1 || batch.iter().sum::<usize>() <= 20_000,
                "{batch:?}"
            );
        }
    }

    #[test]
    fn a_heavy_unit_is_a_batch_alone() {
        assert_eq!(
            batches(100, usize::MAX, &[1, HEAVY_BYTES, 2]),
            vec![vec![1], vec![HEAVY_BYTES], vec![2]]
        );
    }
}
