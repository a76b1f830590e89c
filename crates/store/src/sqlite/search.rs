//! Full-text search in the SQLite backend (FTS5), behind [`Store::search`](crate::Store::search).
//!
//! The index (`articles_fts`, migration 3) holds each article's title, outlet and text, kept in
//! step with `articles` by triggers. The `unicode61` tokenizer with diacritics removed lets
//! English and Spanish queries match with or without accents ("Culiacan" finds "Culiacán"),
//! and the `porter` stemmer over it (migration 11) lets a word find its inflections
//! ("strike" finds "strikes" and "striking", though not "struck"; Spanish plurals in -s and -es fold
//! too, as Porter's suffix rules strip them). PostgreSQL stems with its English and Spanish
//! Snowball configurations, so the two backends can differ on a rare word.

use std::time::{Duration, Instant};

use rusqlite::{params, Connection, ErrorCode, OptionalExtension};

use super::DbResult;
use crate::search::{self, SearchHit, Term, MATCH_END, MATCH_START, RANKED};
use crate::{SqliteStore, StoreError};

/// Turns the words of a query ([`search::terms`]) into an FTS5 query: every word must match
/// (a prefix word as a prefix), each quoted, so that FTS5 operators are plain text; excluded
/// words follow as `NOT`s of the whole.
pub(crate) fn fts_query(terms: &[Term]) -> Option<String> {
    let quoted = |t: &Term| {
        let q = format!("\"{}\"", t.word.replace('"', ""));
        if t.prefix {
            format!("{q}*")
        } else {
            q
        }
    };
    let wanted: Vec<String> = terms.iter().filter(|t| !t.exclude).map(quoted).collect();
    if wanted.is_empty() {
        return None;
    }
    let mut q = wanted.join(" ");
    for t in terms.iter().filter(|t| t.exclude) {
        q = format!("({q}) NOT {}", quoted(t));
    }
    Some(q)
}

/// Stops the connection's statements once a time budget has passed (SQLite's progress
/// handler: checked every thousand virtual-machine steps, so the cost of a check is nil);
/// the handler is removed when the guard is dropped, so the budget applies to one search.
struct Budget<'a>(&'a Connection);

impl<'a> Budget<'a> {
    fn start(conn: &'a Connection, budget: Duration) -> Budget<'a> {
        let deadline = Instant::now() + budget;
        conn.progress_handler(1_000, Some(move || Instant::now() >= deadline));
        Budget(conn)
    }
}

impl Drop for Budget<'_> {
    fn drop(&mut self) {
        self.0.progress_handler(0, None::<fn() -> bool>);
    }
}

/// A search stopped by its [`Budget`] becomes a message for the user.
fn over_budget(e: rusqlite::Error, budget: Duration) -> super::DbError {
    match &e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::OperationInterrupted => {
            StoreError::Invalid(format!(
                "the search took longer than {:.1} s and was stopped: narrow it with more \
                 or longer words",
                budget.as_secs_f64()
            ))
            .into()
        }
        _ => e.into(),
    }
}

impl SqliteStore {
    /// Articles matching `q` (see [`search::terms`]), best match first among the [`RANKED`]
    /// most recently stored matches, and how many match (up to [`RANKED`] + 1: "more than
    /// [`RANKED`]"); stopped past its budget ([`search::budget`]).
    pub(crate) fn search_db(
        &self,
        q: &str,
        limit: usize,
        offset: usize,
    ) -> DbResult<(Vec<SearchHit>, usize)> {
        let terms = search::terms(q)?;
        self.search_within(&terms, limit, offset, search::budget(&terms))
    }

    fn search_within(
        &self,
        terms: &[Term],
        limit: usize,
        offset: usize,
        budget: Duration,
    ) -> DbResult<(Vec<SearchHit>, usize)> {
        let Some(query) = fts_query(terms) else {
            return Ok((Vec::new(), 0));
        };
        let conn = self.connection();
        let _budget = Budget::start(conn, budget);
        self.search_query(&query, limit, offset)
            .map_err(|e| over_budget(e, budget))
    }

    /// Sets the connection's page cache to `kib` KiB. Why a reader wants less than the
    /// writer: the server holds one read connection per core, each filling its own cache with
    /// the pages its searches and ledger loads touched; the operating system's file cache
    /// already holds those pages once for every connection, so a large cache per connection
    /// mostly holds copies (see `strikewatch serve --store-cache`).
    pub fn set_page_cache(&self, kib: u32) -> crate::Result<()> {
        let kib = i64::from(kib.max(64));
        let set = self.connection().pragma_update(None, "cache_size", -kib);
        Ok(set.map_err(super::DbError::from)?)
    }

    /// The search itself, for an FTS5 query.
    fn search_query(
        &self,
        query: &str,
        limit: usize,
        offset: usize,
    ) -> rusqlite::Result<(Vec<SearchHit>, usize)> {
        let conn = self.connection();
        // the newest RANKED + 1 matches in one pass over the index: how many match (up to
        // "more than RANKED"), and where the ranked candidates begin; never past the cap
        let newest: Vec<i64> = {
            let mut stmt = conn.prepare_cached(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![query, RANKED as i64 + 1], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let total = newest.len();
        let from = newest.get(RANKED - 1).copied().unwrap_or(i64::MIN);
        let offset = offset.min(RANKED);
        let limit = limit.min(RANKED - offset);
        if total == 0 || limit == 0 {
            return Ok((Vec::new(), total));
        }
        // 1. the page's ids: rank the candidates (no snippet and no article row yet)
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
        Ok((hits, total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fts(q: &str) -> Option<String> {
        fts_query(&search::terms(q).unwrap())
    }

    #[test]
    fn queries_are_quoted_words() {
        assert_eq!(fts("boat strike").unwrap(), "\"boat\" \"strike\"");
        assert_eq!(fts("lancha*").unwrap(), "\"lancha\"*");
        assert_eq!(
            fts("a OR \"b\" NEAR(").unwrap(),
            "\"a\" \"OR\" \"b\" \"NEAR\""
        );
        assert_eq!(fts("  \"*()  "), None);
        assert_eq!(
            fts("strike -drill -exercise*").unwrap(),
            "((\"strike\") NOT \"drill\") NOT \"exercise\"*"
        );
    }

    /// A search through the trait, as the web app makes it.
    fn find(store: &impl crate::Store, q: &str) -> (Vec<SearchHit>, usize) {
        store.search(q, 10, 0).unwrap()
    }

    /// An in-memory store holding `texts`, one article each.
    fn store_with(texts: &[String]) -> SqliteStore {
        use crate::{Finish, NewArticle, RawInput, Store};
        let mut s = SqliteStore::open_in_memory().unwrap();
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
                    text: t.clone(),
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
        s
    }

    #[test]
    fn the_trait_searches_the_index() {
        let s = store_with(&[
            "Una lancha fue atacada cerca de Culiacán y murieron tres personas.".into(),
            "Lawmakers debated the campaign of strikes on Thursday.".into(),
        ]);
        let (hits, total) = find(&s, "culiacan lancha");
        assert_eq!((hits.len(), total), (1, 1));
        assert!(hits[0].snippet.contains(MATCH_START), "{:?}", hits[0]);
        assert_eq!(find(&s, "strike*").1, 1);
        assert_eq!(find(&s, "\"*()").1, 0);
        // a costly query is refused, with the reason
        let err = crate::Store::search(&s, "a* b* c*", 10, 0).unwrap_err();
        assert!(err.to_string().contains("too short"), "{err}");
    }

    #[test]
    fn a_search_past_its_budget_is_stopped_and_says_so() {
        let texts: Vec<String> = (0..600)
            .map(|i| format!("Informe {i}: una lancha fue atacada en el punto {}.", i * 7))
            .collect();
        let s = store_with(&texts);
        assert_eq!(find(&s, "lancha").1, 600);
        let err = s
            .search_within(&search::terms("lancha").unwrap(), 10, 0, Duration::ZERO)
            .map_err(StoreError::from)
            .unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
        assert!(err.to_string().contains("narrow it"), "{err}");
        // the budget was for that search only: the connection searches on
        assert_eq!(find(&s, "lancha").1, 600);
    }

    #[test]
    fn a_common_word_is_counted_up_to_the_cap_and_paged_within_it() {
        let texts: Vec<String> = (0..RANKED + 50)
            .map(|i| format!("Informe {i}: una lancha en el punto {}.", i * 7))
            .collect();
        let s = store_with(&texts);
        let (hits, total) = find(&s, "lancha");
        assert_eq!(hits.len(), 10);
        assert_eq!(total, RANKED + 1, "more than RANKED is said, not counted");
        assert!(search::more_than_ranked(total));
        // the ranked candidates are the newest RANKED: the 50 oldest never show
        let (all, _) = crate::Store::search(&s, "lancha", RANKED + 50, 0).unwrap();
        assert_eq!(all.len(), RANKED);
        assert!(all.iter().all(|h| h.id > 50), "only the newest are ranked");
        // a page past the cap is empty rather than a walk past it
        let (past, total) = crate::Store::search(&s, "lancha", 10, RANKED).unwrap();
        assert_eq!((past.len(), total), (0, RANKED + 1));
        // a narrower query is counted exactly
        let (_, one) = find(&s, "informe 1049");
        assert_eq!(one, 1);
        assert!(!search::more_than_ranked(one));
    }

    #[test]
    fn a_prefix_search_has_the_tighter_budget() {
        let plain = search::terms("lancha caribe").unwrap();
        let prefix = search::terms("lancha carib*").unwrap();
        assert_eq!(search::budget(&plain), search::BUDGET);
        assert_eq!(search::budget(&prefix), search::PREFIX_BUDGET);
        assert!(search::PREFIX_BUDGET < search::BUDGET);
    }

    #[test]
    fn a_reader_page_cache_can_be_set() {
        let s = store_with(&["una lancha".into()]);
        s.set_page_cache(2_048).unwrap();
        let kib: i64 = s
            .connection()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kib, -2_048);
    }
}
