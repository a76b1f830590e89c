//! Stored reports as the read commands and pages show them, and one article with its
//! reports (`show ID --json`, `/api/articles/{id}`, `/articles/{id}`): read in one place.

use anyhow::Result;
use serde::Serialize;
use sw_model::Report;
use sw_store::{ArticleId, ArticleRow, ReportFilter, Store};

/// A stored report as the `reports` command shows it: the contract's fields first.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ReportOut {
    pub id: i64,
    pub article_id: i64,
    #[serde(flatten)]
    pub report: Report,
}

/// The stored reports (of one article, of one kind), at most `limit`, in (article, position)
/// order. A report that cannot be read back is an error naming it, never skipped.
pub fn stored_reports<S: Store + ?Sized>(
    store: &S,
    article: Option<ArticleId>,
    kind: Option<String>,
    limit: usize,
) -> Result<Vec<ReportOut>> {
    let mut out = Vec::new();
    let mut bad = None;
    if limit == 0 {
        return Ok(out);
    }
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
            bad.is_none() && out.len() < limit
        },
    )?;
    if let Some(b) = bad {
        anyhow::bail!(b);
    }
    Ok(out)
}

/// One article with its text and its reports.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleReports {
    #[serde(flatten)]
    pub article: ArticleRow,
    pub reports: Vec<ReportOut>,
}

/// The article `id` with its reports; `None` if there is no such article.
pub fn article_with_reports<S: Store + ?Sized>(
    store: &S,
    id: ArticleId,
) -> Result<Option<ArticleReports>> {
    let Some(article) = store.article(id)? else {
        return Ok(None);
    };
    let reports = stored_reports(store, Some(id), None, usize::MAX)?;
    Ok(Some(ArticleReports { article, reports }))
}
