//! Extraction and the ledger, wired to the store: `extract` runs the pure extractor over
//! articles it has not seen (in parallel, committed in batches), and the ledger is rebuilt
//! from stored reports whenever they changed, streamed into the store as rows (one per
//! incident, tally and development) that the read commands query.

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use sw_extract::{Extractor, Report};
use sw_ledger::{Entry, Ledger, ReportInput};
use sw_model::Lang;
use sw_store::{LedgerList, LedgerRow, ReportFilter, ReportRow, Store};

/// Names the extraction rules in force. Articles extracted under another version are redone
/// by `extract`; bump it when the rules or lexicons change.
pub const EXTRACT_VERSION: &str = concat!("sw-extract-", env!("CARGO_PKG_VERSION"), "-r5");

const BATCH: usize = 256;

#[derive(Debug, Default, Serialize, Clone, PartialEq, Eq)]
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

pub(crate) fn row_of(r: &Report) -> ReportRow {
    ReportRow {
        kind: r.kind.as_str().to_string(),
        event_type: r.event_type.as_str().to_string(),
        modality: r.modality.as_str().to_string(),
        date: r.date.clone(),
        json: serde_json::to_string(r).expect("report serializes"),
    }
}

/// Reports read per batch during a rebuild (whole articles: a batch ends at an article's
/// end), and ledger entries written per transaction.
const READ_BATCH: usize = 4096;
const WRITE_BATCH: usize = 512;

/// Brings the store's ledger up to date with its reports: nothing if no report changed
/// since it was built, else a full rebuild written as rows. Returns whether it rebuilt.
pub fn update<S: Store>(store: &mut S) -> Result<bool> {
    let generation = store.reports_generation()?;
    if store.ledger_generation()? == Some(generation) {
        return Ok(false);
    }
    rebuild(store, generation, READ_BATCH, WRITE_BATCH)?;
    Ok(true)
}

/// The whole ledger in memory (for the commands that need all of it at once: the tally
/// check, exports, the demo), brought up to date first.
pub fn ledger<S: Store>(store: &mut S) -> Result<Ledger> {
    update(store)?;
    load(store)
}

/// The stored ledger's rows, parsed (the web app's loader: one reading of the rows for both).
pub fn load<S: Store>(store: &S) -> Result<Ledger> {
    sw_web::snapshot::load_ledger(store)
}

/// Rebuilds the ledger of `generation` with bounded batches: reports are read a batch of
/// articles at a time; tallies and developments are written as they come; event reports are
/// kept (slimmed by [`sw_ledger::Builder`]) until every report is read, then resolved, and
/// each incident is written as soon as it is assembled. The store orders the rows and makes
/// them the ledger in one final transaction.
fn rebuild<S: Store>(
    store: &mut S,
    generation: i64,
    read_batch: usize,
    write_batch: usize,
) -> Result<()> {
    let build = store.begin_ledger()?;
    let mut builder = sw_ledger::Builder::new();
    let mut tallies: Vec<LedgerRow> = Vec::new();
    let mut developments: Vec<LedgerRow> = Vec::new();
    let mut after = 0;
    loop {
        let batch = report_batch(store, after, read_batch)?;
        let Some(last) = batch.last() else { break };
        after = last.article_id;
        for r in batch {
            let ord = r.report_id;
            match builder.add(r) {
                Some(Entry::Tally(t)) => tallies.push(LedgerRow {
                    ord,
                    json: serde_json::to_string(&t)?,
                }),
                Some(Entry::Development(d)) => developments.push(LedgerRow {
                    ord,
                    json: serde_json::to_string(&d)?,
                }),
                None => {}
            }
        }
        if tallies.len() >= write_batch {
            store.put_ledger_rows(build, LedgerList::Tallies, &tallies)?;
            tallies.clear();
        }
        if developments.len() >= write_batch {
            store.put_ledger_rows(build, LedgerList::Developments, &developments)?;
            developments.clear();
        }
    }
    store.put_ledger_rows(build, LedgerList::Tallies, &tallies)?;
    store.put_ledger_rows(build, LedgerList::Developments, &developments)?;
    drop((tallies, developments));

    let mut rows: Vec<LedgerRow> = Vec::new();
    let mut failed: Option<anyhow::Error> = None;
    let mut ord = 0;
    builder.incidents(&mut |incident| {
        if failed.is_some() {
            return;
        }
        match serde_json::to_string(&incident) {
            Ok(json) => rows.push(LedgerRow { ord, json }),
            Err(e) => failed = Some(e.into()),
        }
        ord += 1;
        if rows.len() >= write_batch.min(64) {
            if let Err(e) = store.put_ledger_rows(build, LedgerList::Incidents, &rows) {
                failed = Some(e.into());
            }
            rows.clear();
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    store.put_ledger_rows(build, LedgerList::Incidents, &rows)?;
    store.publish_ledger(build, generation)?;
    Ok(())
}

/// The reports of the articles after `after`, about `limit` of them (whole articles), each
/// with its article's context and its quote (the anchor sentence).
fn report_batch<S: Store>(store: &S, after: i64, limit: usize) -> Result<Vec<ReportInput>> {
    let mut out: Vec<ReportInput> = Vec::new();
    let mut text: Option<(i64, String)> = None;
    let mut failed: Option<anyhow::Error> = None;
    store.reports_after(after, &mut |s| {
        if out.len() >= limit && out.last().is_some_and(|l| l.article_id != s.article_id) {
            return false;
        }
        let report: Report = match serde_json::from_str(&s.json) {
            Ok(r) => r,
            Err(e) => {
                failed =
                    Some(anyhow::Error::new(e).context(format!("report {} is not readable", s.id)));
                return false;
            }
        };
        if text.as_ref().is_none_or(|(a, _)| *a != s.article_id) {
            // reports arrive grouped by article: keep only the current article's text
            match store.article_text(s.article_id) {
                Ok(t) => text = Some((s.article_id, t.unwrap_or_default())),
                Err(e) => {
                    failed = Some(e.into());
                    return false;
                }
            }
        }
        let quote = text
            .as_ref()
            .and_then(|(_, t)| t.get(report.sentence[0]..report.sentence[1]))
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
        true
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(out),
    }
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
    store.reports(
        ReportFilter {
            article,
            kind,
            undated: false,
        },
        &mut |r| {
            match serde_json::from_str::<Report>(&r.json) {
                Ok(report) => out.push(ReportOut {
                    id: r.id,
                    article_id: r.article_id,
                    report,
                }),
                Err(e) => bad = Some(format!("report {} is not readable: {e}", r.id)),
            }
            out.len() < limit
        },
    )?;
    if let Some(b) = bad {
        anyhow::bail!(b);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use clap::Parser;
    use sw_store::{LedgerFilter, LedgerList, SqliteStore, Store};

    use crate::cli::{Cli, Command};

    fn rows(store: &SqliteStore, list: LedgerList) -> Vec<String> {
        let mut out = Vec::new();
        store
            .ledger_rows(list, &LedgerFilter::default(), &mut |j| {
                out.push(j.to_string());
                true
            })
            .unwrap();
        out
    }

    fn compact<T: serde::Serialize>(v: &[T]) -> Vec<String> {
        v.iter()
            .map(|x| serde_json::to_string(x).unwrap())
            .collect()
    }

    /// The streamed rebuild (batches of articles, slimmed event reports, rows ordered and
    /// numbered by the store) gives exactly what `sw_ledger::build` gives over every report
    /// at once, on the sample corpus.
    #[test]
    fn the_streamed_rebuild_equals_the_all_at_once_build() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("examples");
        std::fs::create_dir_all(&corpus).unwrap();
        crate::EXAMPLES.extract(&corpus).unwrap();
        let db = dir.path().join("s.db");
        let cli = Cli::parse_from([
            "strikewatch",
            "--db",
            db.to_str().unwrap(),
            "ingest",
            "--no-extract",
            corpus.to_str().unwrap(),
        ]);
        let Command::Ingest(args) = cli.command else {
            unreachable!()
        };
        let mut store = SqliteStore::open(&db).unwrap();
        crate::ingest(&mut store, &args, false).unwrap();
        super::extract(&mut store, false, &|_| {}).unwrap();
        assert!(super::update(&mut store).unwrap());
        assert!(
            !super::update(&mut store).unwrap(),
            "up to date: no rebuild"
        );
        let first = super::load(&store).unwrap();
        // again in tiny batches (many reads, many writes), over the published ledger
        let g = store.reports_generation().unwrap();
        super::rebuild(&mut store, g, 3, 2).unwrap();
        assert_eq!(super::load(&store).unwrap(), first);

        let all = super::report_batch(&store, 0, usize::MAX).unwrap();
        let whole = sw_ledger::build(&all);
        assert!(!whole.incidents.is_empty() && !whole.tallies.is_empty());
        assert_eq!(
            rows(&store, LedgerList::Incidents),
            compact(&whole.incidents)
        );
        assert_eq!(rows(&store, LedgerList::Tallies), compact(&whole.tallies));
        assert_eq!(
            rows(&store, LedgerList::Developments),
            compact(&whole.developments)
        );
        assert_eq!(super::load(&store).unwrap(), whole);
    }
}
