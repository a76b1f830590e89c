//! The built ledger as rows (migration 4): one row per incident, tally and development, with
//! the columns the read commands filter and sort on and the entry's JSON as `sw-ledger`
//! serialises it, so that a read is an indexed query streaming stored JSON, never a parse of
//! the whole ledger.
//!
//! A build writes its rows under a build number of its own ([`Store::begin_ledger`],
//! [`Store::put_ledger_rows`]), invisible to readers, in as many transactions as it likes; then
//! [`Store::publish_ledger`] orders them, numbers repeated tally and development ids, makes
//! them the ledger (recording the reports generation they were built from), and drops the
//! previous build's rows, in one transaction. A build cut short leaves the previous ledger in
//! place; the next publish clears its leftovers. Two builds at once (a server refreshing
//! beside an ingest) take distinct numbers; whichever began later wins, and the other's rows
//! are dropped.
//!
//! What order the rows are published in, and which ids get suffixes, is decided by
//! [`crate::ledger::order`]; this backend has SQLite sort the rows in that order
//! ([`crate::ledger::order_by`]), writes the positions, and serves rows by position.

use rusqlite::{params, OptionalExtension};

use super::{DbError, DbResult};
use crate::ledger::{self, day_range, EntryKeys, ALL_TABLES};
use crate::{
    ArticleRow, LedgerFilter, LedgerList, LedgerRow, SqliteStore, StoreError, StoredReport,
};

/// Migration 4: the ledger as rows (the one-string cache of migration 2 goes), and a compact
/// index of article ids so that `articles --offset N` counts index entries, not table rows.
pub(crate) const MIGRATION: &str = r#"
    DROP TABLE ledger;
    CREATE TABLE ledger_incidents (
        build INTEGER NOT NULL,
        pos INTEGER,
        ord INTEGER NOT NULL,
        id TEXT NOT NULL,
        date TEXT,
        day_lo TEXT,
        day_hi TEXT,
        event_type TEXT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX ledger_incidents_pos ON ledger_incidents(build, pos);
    CREATE INDEX ledger_incidents_day ON ledger_incidents(build, day_lo);
    CREATE INDEX ledger_incidents_type ON ledger_incidents(build, event_type, pos);
    CREATE TABLE ledger_tallies (
        build INTEGER NOT NULL,
        pos INTEGER,
        ord INTEGER NOT NULL,
        id TEXT NOT NULL,
        date TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX ledger_tallies_pos ON ledger_tallies(build, pos);
    CREATE TABLE ledger_developments (
        build INTEGER NOT NULL,
        pos INTEGER,
        ord INTEGER NOT NULL,
        id TEXT NOT NULL,
        date TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX ledger_developments_pos ON ledger_developments(build, pos);
    CREATE INDEX articles_pos ON articles(id);
"#;

pub(crate) fn bad(e: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!("unreadable ledger entry: {e}"))
}

impl SqliteStore {
    fn state(&self, key: &str) -> DbResult<Option<i64>> {
        let v: Option<String> = self
            .connection()
            .query_row("SELECT value FROM state WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(v.and_then(|v| v.parse().ok()))
    }

    pub(crate) fn ledger_generation_db(&self) -> DbResult<Option<i64>> {
        self.state("ledger_generation")
    }

    /// Rows belong to a build (the `build` column); build numbers come from the state
    /// counter `ledger_next_build`, taken in a write transaction, so that two processes
    /// rebuilding at once (`serve` beside an `ingest`) never share one; the published build's
    /// number is the state `ledger_build`.
    pub(crate) fn begin_ledger_db(&mut self) -> DbResult<i64> {
        let tx = super::write_tx(self.conn_mut())?;
        let counter: Option<String> = tx
            .query_row(
                "SELECT value FROM state WHERE key = 'ledger_next_build'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let next = match counter.and_then(|v| v.parse::<i64>().ok()) {
            Some(n) => n,
            None => {
                let mut last: i64 = 0;
                for t in ALL_TABLES {
                    let m: Option<i64> =
                        tx.query_row(&format!("SELECT max(build) FROM {t}"), [], |r| r.get(0))?;
                    last = last.max(m.unwrap_or(0));
                }
                last + 1
            }
        };
        tx.execute(
            "INSERT INTO state (key, value) VALUES ('ledger_next_build', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![(next + 1).to_string()],
        )?;
        tx.commit()?;
        Ok(next)
    }

    pub(crate) fn put_ledger_rows_db(
        &mut self,
        build: i64,
        list: LedgerList,
        rows: &[LedgerRow],
    ) -> DbResult<()> {
        let tx = super::write_tx(self.conn_mut())?;
        {
            let mut ins = match list {
                LedgerList::Incidents => tx.prepare_cached(
                    "INSERT INTO ledger_incidents (build, ord, id, date, day_lo, day_hi, event_type, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?,
                LedgerList::Tallies => tx.prepare_cached(
                    "INSERT INTO ledger_tallies (build, ord, id, date, json)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?,
                LedgerList::Developments | LedgerList::Rejected => tx.prepare_cached(&format!(
                    "INSERT INTO {} (build, ord, id, date, json) VALUES (?1, ?2, ?3, ?4, ?5)",
                    list.table()
                ))?,
            };
            for row in rows {
                let k = EntryKeys::of(list, &row.json)?;
                match list {
                    LedgerList::Incidents => {
                        let (lo, hi) = day_range(k.date.as_deref());
                        ins.execute(params![
                            build,
                            row.ord,
                            k.id,
                            k.date,
                            lo,
                            hi,
                            k.event_type,
                            row.json
                        ])?;
                    }
                    LedgerList::Tallies | LedgerList::Developments | LedgerList::Rejected => {
                        ins.execute(params![build, row.ord, k.id, k.date, row.json])?;
                    }
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn publish_ledger_db(&mut self, build: i64, generation: i64) -> DbResult<()> {
        let tx = super::write_tx(self.conn_mut())?;
        if published_build(&tx)?.is_some_and(|p| p >= build) {
            drop_build(&tx, build)?;
        } else {
            place_rows(&tx, build, generation)?;
            drop_older(&tx, build)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn ledger_rows_db(
        &self,
        list: LedgerList,
        filter: &LedgerFilter,
        visit: &mut dyn FnMut(&str) -> bool,
    ) -> DbResult<()> {
        // one statement, so one snapshot: a rebuild published meanwhile is either wholly
        // seen or not at all
        const BUILD: &str = "(SELECT CAST(value AS INTEGER) FROM state WHERE key = 'ledger_build')";
        let conn = self.connection();
        let mut stmt = match list {
            LedgerList::Incidents => conn.prepare_cached(&format!(
                "SELECT json FROM ledger_incidents
                 WHERE build = {BUILD}
                   AND (?1 IS NULL OR day_hi >= ?1) AND (?2 IS NULL OR day_lo <= ?2)
                   AND ((?1 IS NULL AND ?2 IS NULL) OR date IS NOT NULL)
                   AND (?3 IS NULL OR event_type = ?3)
                 ORDER BY pos"
            ))?,
            _ => conn.prepare_cached(&format!(
                "SELECT json FROM {} WHERE build = {BUILD} ORDER BY pos",
                list.table()
            ))?,
        };
        let mut rows = match list {
            LedgerList::Incidents => {
                stmt.query(params![filter.from, filter.to, filter.event_type])?
            }
            _ => stmt.query([])?,
        };
        while let Some(r) = rows.next()? {
            let json = r.get_ref(0)?.as_str().map_err(bad)?;
            if !visit(json) {
                break;
            }
        }
        Ok(())
    }

    /// Articles in id order from the `offset`-th: the offset is counted in the compact
    /// `articles_pos` index (migration 4), never by stepping through article rows.
    pub(crate) fn articles_db(&self, limit: usize, offset: usize) -> DbResult<Vec<ArticleRow>> {
        self.article_page(
            "a.id >= (SELECT id FROM articles INDEXED BY articles_pos ORDER BY id LIMIT 1 OFFSET ?2)",
            offset as i64,
            limit,
        )
    }

    /// Articles in id order after `after` (keyset pagination: constant time).
    pub(crate) fn articles_after_db(&self, after: i64, limit: usize) -> DbResult<Vec<ArticleRow>> {
        self.article_page("a.id > ?2", after, limit)
    }

    fn article_page(&self, cond: &str, arg: i64, limit: usize) -> DbResult<Vec<ArticleRow>> {
        let mut stmt = self.connection().prepare_cached(&format!(
            "SELECT {} FROM articles a JOIN inputs i ON i.id = a.input_id
             WHERE {cond} ORDER BY a.id LIMIT ?1",
            crate::sqlite::ARTICLE_COLS
        ))?;
        let rows = stmt.query_map(params![limit as i64, arg], |r| {
            SqliteStore::row_to_article(r, false)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn reports_after_db(
        &self,
        after_article: i64,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> DbResult<()> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT r.id, r.article_id, a.story_id, a.url, a.outlet, a.published, a.lang, r.json
             FROM reports r JOIN articles a ON a.id = r.article_id
             WHERE r.article_id > ?1
             ORDER BY r.article_id, r.idx",
        )?;
        let mut rows = stmt.query(params![after_article])?;
        while let Some(r) = rows.next()? {
            if !visit(SqliteStore::stored_report(r)?) {
                break;
            }
        }
        Ok(())
    }

    /// `PRAGMA quick_check`: the file's structure without the (slow) index cross-checks.
    pub fn quick_check(&self) -> crate::Result<String> {
        Ok(self
            .connection()
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(DbError::from)?)
    }
}

/// The published build's number, if any.
pub(crate) fn published_build(tx: &rusqlite::Connection) -> DbResult<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT value FROM state WHERE key = 'ledger_build'",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok()))
}

/// Drops a build begun before the published one (a build begun later was published first).
pub(crate) fn drop_build(tx: &rusqlite::Connection, build: i64) -> DbResult<()> {
    for t in ALL_TABLES {
        tx.execute(&format!("DELETE FROM {t} WHERE build = ?1"), params![build])?;
    }
    Ok(())
}

/// Drops the previous ledger, and what older builds cut short left (a newer build still
/// being written is left alone).
pub(crate) fn drop_older(tx: &rusqlite::Connection, build: i64) -> DbResult<()> {
    for t in ALL_TABLES {
        tx.execute(&format!("DELETE FROM {t} WHERE build < ?1"), params![build])?;
    }
    Ok(())
}

/// Orders build `build`'s rows, numbers repeated tally and development ids, and makes the
/// build the published ledger of reports generation `generation` (the previous build's rows
/// stay until [`drop_older`]).
///
/// The order is [`ledger::order`]'s, computed by SQLite ([`ledger::order_by`]) rather than
/// by reading every row's keys into memory: at the report count of a million articles
/// (~690,000 tallies) those keys and their strings were ~90 MB for a moment, the peak of the
/// whole rebuild (BENCHMARKS.md, *Memory of the ledger rebuild*, sixth pass). SQLite sorts
/// within its cache size and spills the rest to temporary files, so this step's memory no
/// longer grows with the ledger. Only the repeated ids, usually none, are read back.
pub(crate) fn place_rows(tx: &rusqlite::Connection, build: i64, generation: i64) -> DbResult<()> {
    // SQLite's sorter takes as much memory as the page cache may (32 MiB here, and twice
    // that as its buffer grows), and pages the updates dirty stay in memory beyond the cache
    // until they spill: ~90 MB at ~690,000 tallies, while the rebuild still holds its
    // records. A small cache for these sorts spills both to the temporary files and the WAL
    // sooner; the store's own cache size comes back after, whatever happens.
    let cache: i64 = tx.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    tx.pragma_update(None, "cache_size", PLACING_CACHE_KIB)?;
    let placed = place_rows_in(tx, build);
    tx.pragma_update(None, "cache_size", cache)?;
    placed?;
    super::ledger_patch::set_state(tx, "ledger_build", build)?;
    super::ledger_patch::set_state(tx, "ledger_generation", generation)
}

/// The page cache while a build's rows are placed ([`place_rows`]), in KiB as `PRAGMA
/// cache_size` takes it (negative): SQLite's sorter keeps at least 250 pages in memory
/// whatever this says (4 MB of 16 KiB pages).
const PLACING_CACHE_KIB: i64 = -4096;

/// [`place_rows`]' orders and numbers.
fn place_rows_in(tx: &rusqlite::Connection, build: i64) -> DbResult<()> {
    for list in LedgerList::ALL {
        let t = list.table();
        let by = ledger::order_by(list);
        tx.execute(
            &format!(
                "UPDATE {t} SET pos = o.n
                 FROM (SELECT rowid AS r, row_number() OVER (ORDER BY {by}) AS n
                       FROM {t} WHERE build = ?1) AS o
                 WHERE {t}.rowid = o.r"
            ),
            params![build],
        )?;
        if !ledger::numbered(list) {
            continue;
        }
        // the second and later entries of one id, in the published order, take "-2", "-3"...
        let repeated: Vec<(i64, i64)> = {
            let mut stmt = tx.prepare(&format!(
                "SELECT r, k FROM (
                   SELECT rowid AS r, row_number() OVER (PARTITION BY id ORDER BY {by}) AS k
                   FROM {t}
                   WHERE build = ?1 AND id IN (
                     SELECT id FROM {t} WHERE build = ?1 GROUP BY id HAVING count(*) > 1))
                 WHERE k > 1"
            ))?;
            let rows = stmt.query_map(params![build], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut read = tx.prepare(&format!("SELECT id, json FROM {t} WHERE rowid = ?1"))?;
        let mut rename = tx.prepare(&format!(
            "UPDATE {t} SET id = ?2, json = ?3 WHERE rowid = ?1"
        ))?;
        for (row, k) in repeated {
            let (id, json): (String, String) =
                read.query_row(params![row], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let new_id = ledger::suffixed(&id, k);
            let json = ledger::with_id(&json, &id, &new_id)?;
            rename.execute(params![row, new_id, json])?;
        }
    }
    Ok(())
}
