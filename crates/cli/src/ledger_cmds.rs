//! Extraction and the ledger, wired to the store: `extract` runs the pure extractor over
//! articles it has not seen (in parallel, committed in batches), and the ledger is rebuilt
//! from stored reports whenever they changed, then cached in the store.

use std::collections::HashMap;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use sw_extract::{Extractor, Report};
use sw_ledger::{Ledger, ReportInput};
use sw_model::Lang;
use sw_store::{ReportFilter, ReportRow, Store};

/// Names the extraction rules in force. Articles extracted under another version are redone
/// by `extract`; bump it when the rules or lexicons change.
pub const EXTRACT_VERSION: &str = concat!("sw-extract-", env!("CARGO_PKG_VERSION"), "-r1");

const BATCH: usize = 256;

#[derive(Debug, Default, Serialize, Clone)]
pub struct ExtractSummary {
    pub articles: usize,
    pub events: usize,
    pub developments: usize,
    pub tallies: usize,
}

/// Extracts every article not yet extracted by [`EXTRACT_VERSION`] (every article with
/// `all`). Returns what was produced.
pub fn extract<S: Store>(
    store: &mut S,
    all: bool,
    progress: &dyn Fn(usize),
) -> Result<ExtractSummary> {
    let extractor = Extractor::new();
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
                (a.id, reports.iter().map(row_of).collect())
            })
            .collect();
        for (_, rows) in &batch {
            for r in rows {
                match r.kind.as_str() {
                    "event" => summary.events += 1,
                    "development" => summary.developments += 1,
                    _ => summary.tallies += 1,
                }
            }
        }
        summary.articles += batch.len();
        store.put_reports(EXTRACT_VERSION, batch)?;
        progress(summary.articles);
    }
    Ok(summary)
}

fn row_of(r: &Report) -> ReportRow {
    ReportRow {
        kind: r.kind.as_str().to_string(),
        event_type: r.event_type.as_str().to_string(),
        modality: r.modality.as_str().to_string(),
        date: r.date.clone(),
        json: serde_json::to_string(r).expect("report serializes"),
    }
}

/// The ledger of the stored reports: the cached one if no report changed since it was
/// built, else a fresh build (which is then cached).
pub fn ledger<S: Store>(store: &mut S) -> Result<Ledger> {
    let generation = store.reports_generation()?;
    if let Some((g, json)) = store.ledger()? {
        if g == generation {
            if let Ok(l) = serde_json::from_str(&json) {
                return Ok(l);
            }
        }
    }
    let inputs = report_inputs(store)?;
    let ledger = sw_ledger::build(&inputs);
    store.put_ledger(generation, &serde_json::to_string(&ledger)?)?;
    Ok(ledger)
}

/// Every stored report with its article's context and its quote (the anchor sentence).
fn report_inputs<S: Store>(store: &S) -> Result<Vec<ReportInput>> {
    let mut stored = Vec::new();
    store.reports(ReportFilter::default(), &mut |r| {
        stored.push(r);
        true
    })?;
    let mut texts: HashMap<i64, String> = HashMap::new();
    let mut out = Vec::with_capacity(stored.len());
    for s in stored {
        let report: Report = serde_json::from_str(&s.json)
            .with_context(|| format!("report {} is not readable", s.id))?;
        if !texts.contains_key(&s.article_id) {
            // reports arrive grouped by article: keep only the current article's text
            texts.clear();
            let t = store.article_text(s.article_id)?.unwrap_or_default();
            texts.insert(s.article_id, t);
        }
        let text = &texts[&s.article_id];
        let quote = text
            .get(report.sentence[0]..report.sentence[1])
            .unwrap_or("")
            .to_string();
        out.push(ReportInput {
            report_id: s.id,
            article_id: s.article_id,
            story_id: s.story_id,
            url: s.url,
            outlet: s.outlet,
            published: s.published,
            lang: s.lang,
            report,
            quote,
        });
    }
    Ok(out)
}

/// A stored report as the `reports` command shows it: the contract's fields first.
#[derive(Serialize)]
pub struct ReportOut {
    pub id: i64,
    pub article_id: i64,
    #[serde(flatten)]
    pub report: Report,
}

pub fn stored_reports<S: Store>(
    store: &S,
    article: Option<i64>,
    kind: Option<String>,
    limit: usize,
) -> Result<Vec<ReportOut>> {
    let mut out = Vec::new();
    let mut bad = None;
    store.reports(ReportFilter { article, kind }, &mut |r| {
        match serde_json::from_str::<Report>(&r.json) {
            Ok(report) => out.push(ReportOut {
                id: r.id,
                article_id: r.article_id,
                report,
            }),
            Err(e) => bad = Some(format!("report {} is not readable: {e}", r.id)),
        }
        out.len() < limit
    })?;
    if let Some(b) = bad {
        anyhow::bail!(b);
    }
    Ok(out)
}
