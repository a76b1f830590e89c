//! Articles with no publication date, placed in time by the corpus: after extraction, each
//! undated article that states a running total is given a rough date from the dated
//! articles' totals ([`sw_ledger::dating::estimate_written`]) and re-extracted with it, so
//! that its dates written without a year ("Sept. 15") get one. The estimate depends only on
//! dated articles, so the result does not depend on the order articles arrived in; reports
//! that come out the same are not rewritten (the ledger is not rebuilt for nothing).

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;
use sw_extract::{Extractor, Report};
use sw_model::Lang;
use sw_store::{ReportFilter, ReportRow, Store};

use crate::ledger_cmds::{row_of, EXTRACT_VERSION};

/// The killed figure a tally report states (its best, else its lowest bound).
fn tally_killed(r: &Report) -> Option<i64> {
    let f = r.figures.killed.as_ref()?;
    f.best.or(f.low).filter(|k| *k > 0)
}

/// Re-extracts the undated articles the corpus can place in time. Returns how many
/// articles' reports changed.
pub fn date_undated<S: Store>(store: &mut S) -> Result<usize> {
    // the totals of each undated article first: most corpora have none, and then the dated
    // totals are never parsed
    let tallies = || ReportFilter {
        article: None,
        kind: Some("tally".into()),
    };
    let mut undated: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    store.reports(tallies(), &mut |r| {
        if r.published.is_none() {
            if let Some(k) = serde_json::from_str::<Report>(&r.json)
                .ok()
                .as_ref()
                .and_then(tally_killed)
            {
                undated.entry(r.article_id).or_default().push(k);
            }
        }
        true
    })?;
    if undated.is_empty() {
        return Ok(0);
    }
    let mut series: Vec<(NaiveDate, i64)> = Vec::new();
    store.reports(tallies(), &mut |r| {
        if r.published.is_some() {
            if let Ok(rep) = serde_json::from_str::<Report>(&r.json) {
                let as_of = rep
                    .date
                    .as_deref()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                if let (Some(d), Some(k)) = (as_of, tally_killed(&rep)) {
                    series.push((d, k));
                }
            }
        }
        true
    })?;
    if series.is_empty() {
        return Ok(0);
    }
    let extractor = Extractor::new();
    let mut changed = Vec::new();
    for (id, totals) in undated {
        let Some(when) = sw_ledger::dating::estimate_written(&totals, &series) else {
            continue;
        };
        let Some(article) = store.article(id)? else {
            continue;
        };
        let Some(text) = store.article_text(id)? else {
            continue;
        };
        let reports = extractor.extract_with_year_reference(
            &text,
            Lang::parse(&article.lang),
            None,
            Some(when),
        );
        let rows: Vec<ReportRow> = reports.iter().map(row_of).collect();
        let mut stored: Vec<String> = Vec::new();
        store.reports(
            ReportFilter {
                article: Some(id),
                kind: None,
            },
            &mut |r| {
                stored.push(r.json);
                true
            },
        )?;
        let same = stored.len() == rows.len()
            && stored.iter().zip(&rows).all(|(a, b)| {
                serde_json::from_str::<serde_json::Value>(a).ok()
                    == serde_json::from_str::<serde_json::Value>(&b.json).ok()
            });
        if !same {
            changed.push((id, rows));
        }
    }
    let n = changed.len();
    if n > 0 {
        store.put_reports(EXTRACT_VERSION, changed)?;
    }
    Ok(n)
}
