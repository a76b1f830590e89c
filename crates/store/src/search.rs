//! Full-text search over articles (SQLite FTS5), for the web app's `/search`.
//!
//! The index (`articles_fts`, migration 3) holds each article's title, outlet and text, kept in
//! step with `articles` by triggers. The `unicode61` tokenizer with diacritics removed lets
//! English and Spanish queries match with or without accents ("Culiacan" finds "Culiacán").
//! A search ranks at most [`RANKED`] matches (the most recently stored) and builds snippets
//! only for the page it returns, so its cost stays bounded as the corpus grows.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::sqlite::DbResult;
use crate::{ArticleId, Result, SqliteStore};

/// Marks the start of a matched term inside [`SearchHit::snippet`] (a private-use character,
/// so that a caller can escape the snippet and then turn the markers into highlighting).
pub const MATCH_START: char = '\u{E000}';
/// Marks the end of a matched term inside [`SearchHit::snippet`].
pub const MATCH_END: char = '\u{E001}';

/// One article that matches a query.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SearchHit {
    pub id: ArticleId,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub lang: String,
    pub url: Option<String>,
    /// A passage of the text around the matches, with each match between [`MATCH_START`]
    /// and [`MATCH_END`].
    pub snippet: String,
}

/// Turns what a user typed into an FTS5 query: every word must match (a word ending in `*`
/// matches as a prefix); FTS5 operators and punctuation are taken as plain text.
pub fn fts_query(q: &str) -> Option<String> {
    let terms: Vec<String> = q
        .split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '\'' || c == '-'))
        .filter_map(|w| {
            let prefix = w.ends_with('*');
            let w: String = w
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '-')
                .collect();
            if w.is_empty() {
                return None;
            }
            let quoted = format!("\"{}\"", w.replace('"', ""));
            Some(if prefix { format!("{quoted}*") } else { quoted })
        })
        .take(16)
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

/// How many matches are ranked at most: a query matching more articles ranks the most
/// recently stored this many (ranking costs a few microseconds per match, so an unbounded
/// ranking of a common word grows with the corpus; this keeps a search in tens of
/// milliseconds at any size). The total count is always exact.
pub const RANKED: usize = 5_000;

impl SqliteStore {
    /// Articles matching `q` (see [`fts_query`]), best match first (among the [`RANKED`]
    /// most recently stored matches), and how many match in all.
    pub fn search(&self, q: &str, limit: usize, offset: usize) -> Result<(Vec<SearchHit>, usize)> {
        Ok(self.search_db(q, limit, offset)?)
    }

    fn search_db(&self, q: &str, limit: usize, offset: usize) -> DbResult<(Vec<SearchHit>, usize)> {
        let Some(query) = fts_query(q) else {
            return Ok((Vec::new(), 0));
        };
        let conn = self.connection();
        let total: i64 = conn.query_row(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1",
            params![query],
            |r| r.get(0),
        )?;
        // 1. the page's ids: rank the candidates (the matches from the RANKED-th newest on;
        //    FTS5 walks a rowid range, no snippet and no article row yet)
        let from: i64 = conn
            .query_row(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
                params![query, RANKED as i64 - 1],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(i64::MIN);
        let ids: Vec<i64> = {
            let mut stmt = conn.prepare_cached(
                "SELECT rowid FROM articles_fts
                 WHERE articles_fts MATCH ?1 AND rowid >= ?2
                 ORDER BY bm25(articles_fts, 4.0, 1.0, 1.0), rowid
                 LIMIT ?3 OFFSET ?4",
            )?;
            let rows = stmt.query_map(params![query, from, limit as i64, offset as i64], |r| {
                r.get(0)
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // 2. the page itself, with snippets
        let mut stmt = conn.prepare_cached(
            "SELECT a.id, a.title, a.outlet, a.published, a.lang, a.url,
                    snippet(articles_fts, 2, ?2, ?3, '…', 24)
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?4",
        )?;
        let mut hits = Vec::with_capacity(ids.len());
        for id in ids {
            let hit = stmt
                .query_row(
                    params![query, MATCH_START.to_string(), MATCH_END.to_string(), id],
                    |r| {
                        Ok(SearchHit {
                            id: r.get(0)?,
                            title: r.get(1)?,
                            outlet: r.get(2)?,
                            published: r.get(3)?,
                            lang: r.get(4)?,
                            url: r.get(5)?,
                            snippet: r.get(6)?,
                        })
                    },
                )
                .optional()?;
            hits.extend(hit);
        }
        Ok((hits, total as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_words() {
        assert_eq!(fts_query("boat strike").unwrap(), "\"boat\" \"strike\"");
        assert_eq!(fts_query("lancha*").unwrap(), "\"lancha\"*");
        assert_eq!(
            fts_query("a OR \"b\" NEAR(").unwrap(),
            "\"a\" \"OR\" \"b\" \"NEAR\""
        );
        assert_eq!(fts_query("  \"*()  "), None);
    }
}
