//! Extraction over the store: the pure extractor run, in parallel, on the articles its
//! version has not read, committed a batch at a time.

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use sw_extract::Extractor;
use sw_model::{Lang, Report};
use sw_store::{ReportRow, Store};

/// Names the extraction rules in force: the extractor's own version, derived when it is
/// built from its rules, lexicons and the data they read, so it changes whenever they do and
/// never by hand. Articles extracted under another version are redone by [`extract`].
pub const EXTRACT_VERSION: &str = sw_extract::VERSION;

/// The version reports are stored under (see [`EXTRACT_VERSION`]).
pub fn version() -> &'static str {
    EXTRACT_VERSION
}

/// Articles extracted per batch (one transaction each).
const BATCH: usize = 256;

/// What an extraction produced.
#[derive(Debug, Default, Serialize, Clone, PartialEq, Eq)]
pub struct ExtractSummary {
    pub articles: usize,
    pub events: usize,
    pub developments: usize,
    pub tallies: usize,
    /// Mentions of earlier events (kind `reference`): never incidents of their own.
    pub references: usize,
}

impl ExtractSummary {
    /// Counts one article's stored reports.
    pub fn add_article(&mut self, rows: &[ReportRow]) {
        self.articles += 1;
        for r in rows {
            match r.kind.as_str() {
                "event" => self.events += 1,
                "development" => self.developments += 1,
                "reference" => self.references += 1,
                _ => self.tallies += 1,
            }
        }
    }

    /// Adds another summary's counts.
    pub fn absorb(&mut self, other: &ExtractSummary) {
        self.articles += other.articles;
        self.events += other.events;
        self.developments += other.developments;
        self.tallies += other.tallies;
        self.references += other.references;
    }
}

/// Extracts every article not yet extracted by [`EXTRACT_VERSION`] (every article with
/// `all`). Returns what was produced; `progress` is told the articles done so far.
pub fn extract<S: Store + ?Sized>(
    store: &mut S,
    extractor: &Extractor,
    all: bool,
    progress: &dyn Fn(usize),
) -> Result<ExtractSummary> {
    let mut summary = ExtractSummary::default();
    let mut after = 0;
    loop {
        let articles = store.to_extract(EXTRACT_VERSION, all, after, BATCH)?;
        let Some(last) = articles.last() else { break };
        after = last.id;
        let batch: Vec<(i64, Vec<ReportRow>)> = articles
            .par_iter()
            .map(|a| {
                let text = a.text.as_deref().unwrap_or("");
                let published = a
                    .published
                    .as_deref()
                    .and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
                let reports = extractor.extract(text, Lang::parse(&a.lang), published);
                (a.id, rows_of(&reports))
            })
            .collect();
        for (_, rows) in &batch {
            summary.add_article(rows);
        }
        store.put_reports(EXTRACT_VERSION, batch)?;
        progress(summary.articles);
    }
    Ok(summary)
}

/// A report as the store keeps it: the columns it indexes, and its JSON.
pub fn row_of(r: &Report) -> ReportRow {
    ReportRow {
        kind: r.kind.as_str().to_string(),
        event_type: r.event_type.as_str().to_string(),
        modality: r.modality.as_str().to_string(),
        date: r.date.clone(),
        json: serde_json::to_string(r).expect("report serializes"),
    }
}

/// Every report of one article, as stored.
pub fn rows_of(reports: &[Report]) -> Vec<ReportRow> {
    reports.iter().map(row_of).collect()
}
