//! Articles with no publication date, placed in time by the corpus. After extraction, each
//! undated article is given what the dated articles tell of its time
//! ([`sw_extract::DateHints`]) and re-extracted with it:
//! - one that states a running total gets a rough date from the dated totals
//!   ([`sw_ledger::dating::estimate_written`]), so that its dates written without a year
//!   ("Sept. 15") get one; and, when the days within which that total was reached are few
//!   ([`sw_ledger::dating::total_window`]), its lead weekday ("on Thursday") is dated in them;
//!   a count of strikes it states ("20 strikes") gives a second window from the dated counts,
//!   and the article is placed in the days both windows hold;
//! - one that left a date unresolved learns the span of the dated articles' publication
//!   dates, so that a weekday written beside a month and day ("Friday, Jan. 2") picks its
//!   year, or else a date written without a year takes the one year that puts it inside
//!   the span (or in the month before its first day).
//!
//! The hints depend only on dated articles, so the result does not depend on the order
//! articles arrived in. Cost: every run re-reads the undated articles that state a total or
//! left a date unresolved (not the others), and rewrites only those whose reports change,
//! so the ledger is not rebuilt for nothing.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use chrono::NaiveDate;
use sw_extract::{DateHints, Extractor};
use sw_model::Lang;
use sw_model::{Report, ReportKind};
use sw_store::{ReportFilter, ReportRow, Store};

use crate::extract::{rows_of, EXTRACT_VERSION};

/// The killed figure a tally report states (its best, else its lowest bound).
fn tally_killed(r: &Report) -> Option<i64> {
    let f = r.figures.killed.as_ref()?;
    f.best.or(f.low).filter(|k| *k > 0)
}

/// The count of strikes a tally report states (its best, else its lowest bound).
fn tally_strikes(r: &Report) -> Option<i64> {
    let f = r.figures.strikes.as_ref()?;
    f.best.or(f.low).filter(|k| *k > 0)
}

/// The days both windows hold; either alone when the other is unknown. Two running totals
/// (the dead and the strikes) each bound the day an article was written: together they
/// bound it more closely.
fn intersect(
    a: Option<(NaiveDate, NaiveDate)>,
    b: Option<(NaiveDate, NaiveDate)>,
) -> Option<(NaiveDate, NaiveDate)> {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let (from, to) = (a0.max(b0), a1.min(b1));
            // totals that disagree on the time: trust neither
            (from <= to).then_some((from, to))
        }
        (x, None) | (None, x) => x,
    }
}

/// Whether a report holds a date the text wrote but nothing could resolve, or one the
/// corpus's span resolved (to be read again: the span may have changed).
fn unresolved_date(r: &Report) -> bool {
    r.claims.iter().any(|c| {
        c.field == "date"
            && (c.value.is_none()
                || c.rule.ends_with(".year_from_weekday")
                || c.rule.ends_with(".year_from_span"))
    })
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Re-extracts the undated articles the corpus can place in time. Returns how many
/// articles' reports changed.
pub fn date_undated<S: Store + ?Sized>(store: &mut S, extractor: &Extractor) -> Result<usize> {
    // the undated articles first: most corpora have none, and then nothing else is read
    let mut totals: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut strike_totals: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut unresolved: BTreeSet<i64> = BTreeSet::new();
    store.reports(
        ReportFilter {
            undated: true,
            ..ReportFilter::default()
        },
        &mut |r| {
            if let Ok(rep) = serde_json::from_str::<Report>(&r.json) {
                if rep.kind == ReportKind::Tally {
                    if let Some(k) = tally_killed(&rep) {
                        totals.entry(r.article_id).or_default().push(k);
                    }
                    if let Some(k) = tally_strikes(&rep) {
                        strike_totals.entry(r.article_id).or_default().push(k);
                    }
                }
                if unresolved_date(&rep) {
                    unresolved.insert(r.article_id);
                }
            }
            true
        },
    )?;
    if totals.is_empty() && unresolved.is_empty() {
        return Ok(0);
    }
    let mut series: Vec<(NaiveDate, i64)> = Vec::new();
    let mut strike_series: Vec<(NaiveDate, i64)> = Vec::new();
    if !totals.is_empty() || !strike_totals.is_empty() {
        store.reports(
            ReportFilter {
                kind: Some("tally".into()),
                ..ReportFilter::default()
            },
            &mut |r| {
                if r.published.is_some() {
                    if let Ok(rep) = serde_json::from_str::<Report>(&r.json) {
                        let as_of = rep.date.as_deref().and_then(day);
                        if let (Some(d), Some(k)) = (as_of, tally_killed(&rep)) {
                            series.push((d, k));
                        }
                        if let (Some(d), Some(k)) = (as_of, tally_strikes(&rep)) {
                            strike_series.push((d, k));
                        }
                    }
                }
                true
            },
        )?;
    }
    let span = store
        .published_span()?
        .and_then(|(a, b)| Some((day(&a)?, day(&b)?)));
    let mut changed = Vec::new();
    let ids: BTreeSet<i64> = totals
        .keys()
        .chain(strike_totals.keys())
        .copied()
        .chain(unresolved)
        .collect();
    for id in ids {
        let mut hints = DateHints {
            span,
            ..DateHints::default()
        };
        // the largest total an article states is its latest
        let window = |t: Option<&Vec<i64>>, series: &[(NaiveDate, i64)]| {
            t.and_then(|t| t.iter().max())
                .and_then(|k| sw_ledger::dating::total_window(*k, series))
        };
        if let Some(t) = totals.get(&id) {
            hints.year_reference = sw_ledger::dating::estimate_written(t, &series);
        }
        hints.lead_window = intersect(
            window(totals.get(&id), &series),
            window(strike_totals.get(&id), &strike_series),
        );
        let Some(article) = store.article(id)? else {
            continue;
        };
        let Some(text) = store.article_text(id)? else {
            continue;
        };
        let reports = extractor.extract_undated(&text, Lang::parse(&article.lang), &hints);
        let rows: Vec<ReportRow> = rows_of(&reports);
        let mut stored: Vec<String> = Vec::new();
        store.reports(
            ReportFilter {
                article: Some(id),
                ..ReportFilter::default()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        day(s).unwrap()
    }

    #[test]
    fn two_windows_meet_in_the_days_both_hold() {
        let a = Some((d("2025-11-04"), d("2025-12-02")));
        let b = Some((d("2025-11-21"), d("2025-11-27")));
        assert_eq!(intersect(a, b), b);
        assert_eq!(intersect(a, None), a);
        assert_eq!(intersect(None, b), b);
        // totals that disagree on the time date nothing
        let c = Some((d("2025-12-10"), d("2025-12-20")));
        assert_eq!(intersect(b, c), None);
    }
}
