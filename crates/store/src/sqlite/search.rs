//! Full-text search in the SQLite backend (FTS5), behind [`Store::search`](crate::Store::search).
//!
//! The index (`articles_fts`, migration 3) holds each article's title, outlet and text, kept in
//! step with `articles` by triggers. The `unicode61` tokenizer with diacritics removed lets
//! English and Spanish queries match with or without accents ("Culiacan" finds "Culiacán").

use rusqlite::{params, OptionalExtension};

use super::DbResult;
use crate::search::{SearchHit, MATCH_END, MATCH_START, RANKED};
use crate::SqliteStore;

/// Turns what a user typed into an FTS5 query: every word must match (a word ending in `*`
/// matches as a prefix); FTS5 operators and punctuation are taken as plain text.
pub(crate) fn fts_query(q: &str) -> Option<String> {
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

impl SqliteStore {
    /// Articles matching `q` (see [`fts_query`]), best match first (among the [`RANKED`]
    /// most recently stored matches), and how many match in all.
    pub(crate) fn search_db(
        &self,
        q: &str,
        limit: usize,
        offset: usize,
    ) -> DbResult<(Vec<SearchHit>, usize)> {
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

    /// A search through the trait, as the web app makes it.
    fn find(store: &impl crate::Store, q: &str) -> (Vec<SearchHit>, usize) {
        store.search(q, 10, 0).unwrap()
    }

    #[test]
    fn the_trait_searches_the_index() {
        use crate::{Finish, NewArticle, RawInput, Store};
        let mut s = SqliteStore::open_in_memory().unwrap();
        let texts = [
            "Una lancha fue atacada cerca de Culiacán y murieron tres personas.",
            "Lawmakers debated the campaign of strikes on Thursday.",
        ];
        let raws: Vec<RawInput> = texts
            .iter()
            .map(|t| RawInput {
                locator: t.to_string(),
                format: None,
                bytes: t.as_bytes().to_vec(),
                meta: None,
            })
            .collect();
        let ids = s.admit(&raws).unwrap();
        let batch = ids
            .iter()
            .zip(texts)
            .map(|(a, t)| {
                let article = sw_model::Article {
                    text: t.into(),
                    lang: sw_model::Lang::Es,
                    ..Default::default()
                };
                let signature = sw_dedup::Signature::of(t);
                let articles = vec![NewArticle {
                    item: 0,
                    article,
                    signature,
                }];
                let warnings = vec![];
                (a.id(), Finish::Parsed { articles, warnings })
            })
            .collect();
        s.finish(batch, 0.8).unwrap();
        let (hits, total) = find(&s, "culiacan lancha");
        assert_eq!((hits.len(), total), (1, 1));
        assert!(hits[0].snippet.contains(MATCH_START), "{:?}", hits[0]);
        assert_eq!(find(&s, "strike*").1, 1);
        assert_eq!(find(&s, "\"*()").1, 0);
    }
}
