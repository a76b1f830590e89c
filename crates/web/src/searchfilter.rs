//! Search narrowed by publication date, language and outlet (`/search` and `/api/search`).
//!
//! The store ranks at most the [`RANKED`] most recent matches of a query
//! (`sw_store::search`); a filter keeps those of them whose article was published in the
//! range, is in the language, or comes from the outlet. The store's answer to the plain query
//! is cached per reports generation (`cache.rs`), so trying filters on one query searches the
//! index once. When more articles match than are ranked, the answer says so (`more`): older
//! matches were not looked at, and adding words narrows the search itself.

use std::sync::Arc;

use serde::Deserialize;
use sw_store::search::{more_than_ranked, SearchHit, RANKED};

use crate::snapshot::valid_date;
use crate::{App, SearchError};

/// The filters a search takes beside its words.
#[derive(Deserialize, Default, Clone, Debug)]
pub struct SearchFilter {
    /// Published on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Published on or before this day.
    pub to: Option<String>,
    /// The article's language code (`en`, `es`).
    pub lang: Option<String>,
    /// The outlet's name, as the hits give it.
    pub outlet: Option<String>,
}

/// A page of filtered hits.
pub struct Found {
    pub hits: Vec<SearchHit>,
    /// How many hits the filters keep (of the ranked matches).
    pub total: usize,
    /// More articles match the words than were ranked: some older ones were not looked at.
    pub more: bool,
}

impl SearchFilter {
    /// Empty fields (an untouched form field) filter nothing.
    pub fn normalized(mut self) -> SearchFilter {
        for f in [
            &mut self.from,
            &mut self.to,
            &mut self.lang,
            &mut self.outlet,
        ] {
            if f.as_deref().is_some_and(|s| s.trim().is_empty()) {
                *f = None;
            }
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.from.is_none() && self.to.is_none() && self.lang.is_none() && self.outlet.is_none()
    }

    /// What is wrong with the values, each naming its field.
    pub fn problems(&self) -> Vec<String> {
        [("from", &self.from), ("to", &self.to)]
            .into_iter()
            .filter_map(|(name, d)| {
                d.as_deref()
                    .filter(|d| !valid_date(d))
                    .map(|d| format!("{name}={d:?} is not a date (expected YYYY-MM-DD)"))
            })
            .collect()
    }

    /// Whether `h` passes: an article with no publication date passes no date bound.
    pub fn keeps(&self, h: &SearchHit) -> bool {
        let day = h.published.as_deref().and_then(|p| p.get(..10));
        let after = self
            .from
            .as_deref()
            .is_none_or(|f| day.is_some_and(|d| d >= f));
        let before = self
            .to
            .as_deref()
            .is_none_or(|t| day.is_some_and(|d| d <= t));
        let lang = self.lang.as_deref().is_none_or(|l| h.lang == l);
        let outlet = self
            .outlet
            .as_deref()
            .is_none_or(|o| h.outlet.as_deref() == Some(o));
        after && before && lang && outlet
    }

    /// The query string of the filters set (`&from=...`), for links that keep them.
    pub fn query(&self) -> String {
        let mut s = String::new();
        for (k, v) in [
            ("from", &self.from),
            ("to", &self.to),
            ("lang", &self.lang),
            ("outlet", &self.outlet),
        ] {
            if let Some(v) = v {
                s.push_str(&format!("&{k}={}", crate::pages::enc(v)));
            }
        }
        s
    }
}

impl App {
    /// A page of the hits of `q` that `filter` keeps.
    pub(crate) async fn search_filtered(
        self: &Arc<Self>,
        q: String,
        filter: &SearchFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Found, SearchError> {
        if filter.is_empty() {
            let (hits, total) = self.search(q, limit, offset).await?;
            return Ok(Found {
                hits: hits.as_ref().clone(),
                total: total.min(RANKED),
                more: more_than_ranked(total),
            });
        }
        let (all, total) = self.search(q, RANKED, 0).await?;
        Ok(filter.select(&all, total, limit, offset))
    }
}

impl SearchFilter {
    /// A page of the hits in `ranked` (the store's answer for the first [`RANKED`] matches,
    /// of `total` matches in all) that the filter keeps: what the web app and the CLI's
    /// `search` both show.
    pub fn select(&self, ranked: &[SearchHit], total: usize, limit: usize, offset: usize) -> Found {
        let kept: Vec<&SearchHit> = ranked.iter().filter(|h| self.keeps(h)).collect();
        Found {
            hits: kept
                .iter()
                .skip(offset)
                .take(limit)
                .map(|h| (*h).clone())
                .collect(),
            total: kept.len(),
            more: more_than_ranked(total),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(published: Option<&str>, lang: &str, outlet: Option<&str>) -> SearchHit {
        SearchHit {
            id: 1,
            title: None,
            outlet: outlet.map(str::to_string),
            published: published.map(str::to_string),
            lang: lang.into(),
            url: None,
            snippet: String::new(),
        }
    }

    #[test]
    fn each_filter_keeps_only_what_it_names() {
        let f = SearchFilter {
            from: Some("2025-10-01".into()),
            to: Some("2025-10-31".into()),
            ..Default::default()
        };
        assert!(f.keeps(&hit(Some("2025-10-01"), "en", None)));
        assert!(f.keeps(&hit(Some("2025-10-31T23:00:00Z"), "en", None)));
        assert!(!f.keeps(&hit(Some("2025-11-01"), "en", None)));
        assert!(!f.keeps(&hit(Some("2025-09-30"), "en", None)));
        assert!(
            !f.keeps(&hit(None, "en", None)),
            "an undated article is in no range"
        );
        let es = SearchFilter {
            lang: Some("es".into()),
            outlet: Some("Diario C".into()),
            ..Default::default()
        };
        assert!(es.keeps(&hit(None, "es", Some("Diario C"))));
        assert!(!es.keeps(&hit(None, "en", Some("Diario C"))));
        assert!(!es.keeps(&hit(None, "es", Some("Wire A"))));
        assert!(SearchFilter::default().keeps(&hit(None, "en", None)));
        assert_eq!(
            SearchFilter {
                from: Some("yesterday".into()),
                ..Default::default()
            }
            .problems()
            .len(),
            1
        );
    }
}
