//! Feeds that `watch` polls, and their state (migration 10): per feed its URL, the validators
//! the server last sent (ETag and Last-Modified, kept byte for byte as received, since a
//! server compares them as opaque strings), when it last answered and last failed, how many
//! polls in a row failed, when it is next due, and how many items it has yielded. Kept in the
//! store so that a restarted `watch` resumes where it stopped, with the same validators and
//! schedule, and fetches no item again.
//!
//! `feed_items` records every item link a feed has yielded: an item is "already stored" when
//! its link is there or an article carries it as its URL (the index on `articles(url)` this
//! migration adds makes that a lookup, not a scan).
//!
//! A feed a worker polls is claimed by it (migration 13: `claimed_by`, `lease_until_ms`)
//! until its state is written back or the lease lapses; see [`crate::Store::claim_feeds`].
//!
//! `ledger_changes` keeps the changes of the ledger `watch` saw after each batch (new
//! incident, revised figure, ...), each under its idempotency key, for the alert feeds.

use rusqlite::{params, OptionalExtension};

use super::{write_tx, DbResult};
use crate::rows::{change_of, feed_of, CHANGE_COLUMNS, FEED_COLUMNS, FEED_STATE_COLUMNS};
use crate::{FeedState, LedgerChange, SqliteStore};

/// Migration 10: feed state, the item links feeds have yielded, and ledger changes. Written to
/// run again harmlessly (`IF NOT EXISTS`): a store whose version is set back re-runs it.
pub(crate) const MIGRATION: &str = r#"
    CREATE TABLE IF NOT EXISTS feeds (
        url TEXT PRIMARY KEY,
        added_ms INTEGER NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_success_ms INTEGER,
        last_error TEXT,
        last_error_ms INTEGER,
        failures INTEGER NOT NULL DEFAULT 0,
        next_poll_ms INTEGER,
        interval_ms INTEGER,
        items_seen INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS feed_items (
        url TEXT PRIMARY KEY,
        feed TEXT NOT NULL,
        seen_ms INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
    CREATE TABLE IF NOT EXISTS ledger_changes (
        seq INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        detected_ms INTEGER NOT NULL,
        country TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ledger_changes_country ON ledger_changes(country, seq);
"#;

/// Migration 13 adds the claim columns to `feeds` in Rust ([`add_claim_columns`], run after
/// it), since SQLite has no `ADD COLUMN IF NOT EXISTS` and a store whose version is set back
/// runs its migrations again.
pub(crate) const CLAIMS_MIGRATION: &str = "SELECT 1;";

/// Adds `claimed_by` and `lease_until_ms` to `feeds` where they are missing.
pub(crate) fn add_claim_columns(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let has: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('feeds')")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, ty) in [("claimed_by", "TEXT"), ("lease_until_ms", "INTEGER")] {
        if !has.iter().any(|h| h == name) {
            conn.execute_batch(&format!("ALTER TABLE feeds ADD COLUMN {name} {ty}"))?;
        }
    }
    Ok(())
}

impl SqliteStore {
    pub(crate) fn feeds_db(&self) -> DbResult<Vec<FeedState>> {
        let mut st = self
            .conn
            .prepare(&format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY url"))?;
        let rows = st.query_map([], |r| feed_of(r))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn feed_db(&self, url: &str) -> DbResult<Option<FeedState>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?1"),
                [url],
                |r| feed_of(r),
            )
            .optional()?)
    }

    pub(crate) fn add_feed_db(&mut self, url: &str, now_ms: i64) -> DbResult<bool> {
        let tx = write_tx(&mut self.conn)?;
        let n = tx.execute(
            "INSERT OR IGNORE INTO feeds (url, added_ms) VALUES (?1, ?2)",
            params![url, now_ms],
        )?;
        tx.commit()?;
        Ok(n == 1)
    }

    pub(crate) fn remove_feed_db(&mut self, url: &str) -> DbResult<bool> {
        let tx = write_tx(&mut self.conn)?;
        let n = tx.execute("DELETE FROM feeds WHERE url = ?1", [url])?;
        tx.commit()?;
        Ok(n == 1)
    }

    pub(crate) fn put_feed_db(&mut self, f: &FeedState) -> DbResult<()> {
        let tx = write_tx(&mut self.conn)?;
        // the claim this state names is released; another worker's is kept (the SET's
        // right-hand sides read the row as it was)
        tx.execute(
            &format!(
                "INSERT INTO feeds ({FEED_STATE_COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT(url) DO UPDATE SET added_ms = excluded.added_ms,
                     etag = excluded.etag, last_modified = excluded.last_modified,
                     last_success_ms = excluded.last_success_ms,
                     last_error = excluded.last_error, last_error_ms = excluded.last_error_ms,
                     failures = excluded.failures, next_poll_ms = excluded.next_poll_ms,
                     interval_ms = excluded.interval_ms, items_seen = excluded.items_seen,
                     claimed_by = CASE WHEN claimed_by = ?12 THEN NULL ELSE claimed_by END,
                     lease_until_ms =
                         CASE WHEN claimed_by = ?12 THEN NULL ELSE lease_until_ms END"
            ),
            params![
                f.url,
                f.added_ms,
                f.etag,
                f.last_modified,
                f.last_success_ms,
                f.last_error,
                f.last_error_ms,
                f.failures,
                f.next_poll_ms,
                f.interval_ms,
                f.items_seen,
                f.claimed_by,
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// [`crate::Store::claim_feeds`]: the choice and the claim in one write transaction, so
    /// two claimers (processes or connections) never take the same feed.
    pub(crate) fn claim_feeds_db(
        &mut self,
        worker: &str,
        among: &[String],
        now_ms: i64,
        until_ms: i64,
        limit: usize,
    ) -> DbResult<Vec<FeedState>> {
        if among.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let names = serde_json::to_string(among).map_err(|e| {
            crate::StoreError::Invalid(format!("feed URLs not encodable as JSON: {e}"))
        })?;
        let tx = write_tx(&mut self.conn)?;
        let claimed = {
            let mut st = tx.prepare(&format!(
                "UPDATE feeds SET claimed_by = ?1, lease_until_ms = ?4
                 WHERE url IN (
                     SELECT url FROM feeds
                     WHERE url IN (SELECT value FROM json_each(?2))
                       AND (next_poll_ms IS NULL OR next_poll_ms <= ?3)
                       AND (claimed_by IS NULL OR claimed_by = ?1 OR lease_until_ms < ?3)
                     ORDER BY next_poll_ms NULLS FIRST, url LIMIT ?5)
                 RETURNING {FEED_COLUMNS}"
            ))?;
            let rows = st.query_map(
                params![worker, names, now_ms, until_ms, limit as i64],
                |r| feed_of(r),
            )?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        tx.commit()?;
        Ok(crate::rows::by_due(claimed))
    }

    pub(crate) fn item_seen_db(&self, url: &str) -> DbResult<bool> {
        let seen: Option<i64> = self
            .conn
            .query_row(
                "SELECT 1 FROM feed_items WHERE url = ?1
                 UNION ALL SELECT 1 FROM articles WHERE url = ?1 LIMIT 1",
                [url],
                |r| r.get(0),
            )
            .optional()?;
        Ok(seen.is_some())
    }

    pub(crate) fn mark_items_seen_db(
        &mut self,
        feed: &str,
        urls: &[String],
        now_ms: i64,
    ) -> DbResult<()> {
        let tx = write_tx(&mut self.conn)?;
        {
            let mut st = tx.prepare(
                "INSERT OR IGNORE INTO feed_items (url, feed, seen_ms) VALUES (?1, ?2, ?3)",
            )?;
            for u in urls {
                st.execute(params![u, feed, now_ms])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

impl SqliteStore {
    pub(crate) fn put_changes_db(&mut self, changes: &[LedgerChange]) -> DbResult<usize> {
        let tx = write_tx(&mut self.conn)?;
        let mut added = 0;
        {
            let mut st = tx.prepare(
                "INSERT OR IGNORE INTO ledger_changes (key, detected_ms, country, json)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for c in changes {
                added += st.execute(params![c.key, c.detected_ms, c.country, c.json])?;
            }
        }
        tx.commit()?;
        Ok(added)
    }

    pub(crate) fn changes_db(
        &self,
        country: Option<&str>,
        limit: usize,
    ) -> DbResult<Vec<LedgerChange>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {CHANGE_COLUMNS} FROM ledger_changes
             WHERE ?1 IS NULL OR country = ?1 ORDER BY seq DESC LIMIT ?2"
        ))?;
        let rows = st.query_map(params![country, limit as i64], |r| change_of(r))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn changes_after_db(&self, after: i64, limit: usize) -> DbResult<Vec<LedgerChange>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {CHANGE_COLUMNS} FROM ledger_changes
             WHERE seq > ?1 ORDER BY seq LIMIT ?2"
        ))?;
        let rows = st.query_map(params![after, limit as i64], |r| change_of(r))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Delivery cursors live in the `state` table under `delivered:<sink>`: one small row
    /// per webhook, no table of their own.
    pub(crate) fn delivery_cursor_db(&self, sink: &str) -> DbResult<Option<i64>> {
        let v: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM state WHERE key = ?1",
                [format!("delivered:{sink}")],
                |r| r.get(0),
            )
            .optional()?;
        Ok(v.and_then(|v| v.parse().ok()))
    }

    pub(crate) fn set_delivery_cursor_db(&mut self, sink: &str, seq: i64) -> DbResult<()> {
        let tx = write_tx(&mut self.conn)?;
        tx.execute(
            "INSERT INTO state (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![format!("delivered:{sink}"), seq.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::{SqliteStore, Store};

    /// A store of schema 12 (no claim columns) gets them, its feeds kept; one set back to 12
    /// with them already there runs the migration again harmlessly.
    #[test]
    fn migration_13_adds_the_claim_columns_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let mut s = SqliteStore::open(&path).unwrap();
        s.add_feed("https://a.example/rss", 1).unwrap();
        drop(s);
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "ALTER TABLE feeds DROP COLUMN claimed_by;
             ALTER TABLE feeds DROP COLUMN lease_until_ms;
             PRAGMA user_version = 12;",
        )
        .unwrap();
        drop(c);
        for _ in 0..2 {
            let mut s = SqliteStore::open(&path).unwrap();
            assert_eq!(s.schema_version().unwrap(), 13);
            let got = s
                .claim_feeds("w", &["https://a.example/rss".into()], 5, 10, 1)
                .unwrap();
            assert_eq!(got[0].claimed_by.as_deref(), Some("w"));
            assert_eq!(got[0].added_ms, 1);
            drop(s);
            rusqlite::Connection::open(&path)
                .unwrap()
                .pragma_update(None, "user_version", 12)
                .unwrap();
        }
    }
}
