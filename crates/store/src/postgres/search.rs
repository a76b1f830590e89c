//! Full-text search in the PostgreSQL backend, behind [`Store::search`](crate::Store::search):
//! the same contract as the SQLite backend's (`sqlite/search.rs`), over PostgreSQL's own
//! full-text search.
//!
//! Each article's `search` column (a generated `tsvector`, GIN-indexed) holds its title,
//! outlet and text in the `sw_english` or `sw_spanish` configuration by its language: the
//! stock stemmers with `unaccent` first, so "Culiacan" finds "Culiacán". A query is read in
//! both configurations and an article matches either reading (the reader's language is not
//! known; an English query word stemmed as Spanish, or the reverse, simply finds nothing).
//! Every word must match; `word*` is a prefix (`:*`). The newest [`RANKED`] + 1 matches are
//! counted, the newest [`RANKED`] ranked (`ts_rank`, title above outlet above text), and
//! snippets (`ts_headline`) are made for the page only. A search runs under a
//! `statement_timeout` of its budget ([`search::budget`]) and, stopped, says so.

use std::time::Duration;

use postgres::error::SqlState;

use super::{PgError, PgResult, PostgresStore};
use crate::search::{self, SearchHit, Term, MATCH_END, MATCH_START, RANKED};
use crate::StoreError;

/// The query's words as a `to_tsquery` string: each word quoted as a lexeme (so operators and
/// punctuation are text), a prefix word with `:*`, an excluded word negated (`!`), all joined
/// by `&`.
pub(crate) fn ts_query(terms: &[Term]) -> Option<String> {
    if terms.iter().all(|t| t.exclude) {
        return None;
    }
    let words: Vec<String> = terms
        .iter()
        .map(|t| {
            let q = format!("'{}'", t.word.replace('\'', "''").replace('\\', ""));
            let q = if t.prefix { format!("{q}:*") } else { q };
            if t.exclude {
                format!("!{q}")
            } else {
                q
            }
        })
        .collect();
    Some(words.join(" & "))
}

/// The query in both configurations, ORed: `q` in the statements below.
const QUERY: &str = "(to_tsquery('sw_english', $1) || to_tsquery('sw_spanish', $1))";

impl PostgresStore {
    pub(crate) fn search_db(
        &self,
        q: &str,
        limit: usize,
        offset: usize,
    ) -> PgResult<(Vec<SearchHit>, usize)> {
        let terms = search::terms(q)?;
        self.search_within(&terms, limit, offset, search::budget(&terms))
    }

    pub(crate) fn search_within(
        &self,
        terms: &[Term],
        limit: usize,
        offset: usize,
        budget: Duration,
    ) -> PgResult<(Vec<SearchHit>, usize)> {
        let Some(query) = ts_query(terms) else {
            return Ok((Vec::new(), 0));
        };
        self.within_budget(budget, |tx| search_query(tx, &query, limit, offset))
    }

    /// Runs `f` in a read-only transaction whose statements stop after `budget`; a
    /// statement stopped so becomes a message for the user.
    pub(crate) fn within_budget<T>(
        &self,
        budget: Duration,
        f: impl FnOnce(&mut postgres::Transaction<'_>) -> Result<T, postgres::Error>,
    ) -> PgResult<T> {
        let mut c = self.client()?;
        let mut tx = c.build_transaction().read_only(true).start()?;
        // at least a millisecond: 0 would mean no limit at all
        let ms = budget.as_millis().max(1);
        tx.batch_execute(&format!("SET LOCAL statement_timeout = {ms}"))?;
        match f(&mut tx) {
            Ok(v) => {
                tx.commit()?;
                Ok(v)
            }
            Err(e) if e.code() == Some(&SqlState::QUERY_CANCELED) => {
                Err(PgError::Store(StoreError::Invalid(format!(
                    "the search took longer than {:.1} s and was stopped: narrow it with more \
                     or longer words",
                    budget.as_secs_f64()
                ))))
            }
            Err(e) => Err(e.into()),
        }
    }
}

fn search_query(
    tx: &mut postgres::Transaction<'_>,
    query: &str,
    limit: usize,
    offset: usize,
) -> Result<(Vec<SearchHit>, usize), postgres::Error> {
    // the newest RANKED + 1 matches: how many match (up to "more than RANKED"), and where
    // the ranked candidates begin
    let newest: Vec<i64> = tx
        .query(
            &format!("SELECT id FROM articles WHERE search @@ {QUERY} ORDER BY id DESC LIMIT $2"),
            &[&query, &(RANKED as i64 + 1)],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let total = newest.len();
    let from = newest.get(RANKED - 1).copied().unwrap_or(i64::MIN);
    let offset = offset.min(RANKED);
    let limit = limit.min(RANKED - offset);
    if total == 0 || limit == 0 {
        return Ok((Vec::new(), total));
    }
    let options = format!(
        "StartSel=\"{MATCH_START}\", StopSel=\"{MATCH_END}\", MaxWords=24, MinWords=10, \
         ShortWord=2, MaxFragments=1, FragmentDelimiter=\"…\""
    );
    let rows = tx.query(
        &format!(
            "WITH page AS (
                 SELECT id, ts_rank(search, {QUERY}) AS rank FROM articles
                 WHERE search @@ {QUERY} AND id >= $2
                 ORDER BY rank DESC, id LIMIT $3 OFFSET $4
             )
             SELECT a.id, a.title, a.outlet, a.published, a.lang, a.url,
                    ts_headline(CASE WHEN a.lang = 'es' THEN 'sw_spanish'::regconfig
                                     ELSE 'sw_english'::regconfig END,
                                a.text, {QUERY}, $5)
             FROM page JOIN articles a ON a.id = page.id
             ORDER BY page.rank DESC, page.id"
        ),
        &[&query, &from, &(limit as i64), &(offset as i64), &options],
    )?;
    let hits = rows
        .iter()
        .map(|r| SearchHit {
            id: r.get(0),
            title: r.get(1),
            outlet: r.get(2),
            published: r.get(3),
            lang: r.get(4),
            url: r.get(5),
            snippet: r.get(6),
        })
        .collect();
    Ok((hits, total))
}
