//! The incremental ledger's side of the SQLite store (migration 12): the reach of every event
//! and reference report the published ledger was built from, the articles whose reports
//! changed since, and the in-place update of the published ledger's rows.
//!
//! Why in place: a whole rebuild writes every row under a new build number and drops the old
//! build, so adding one day's articles to a large store rewrote every incident, tally and
//! development. An update that touches a few components deletes their incidents' rows,
//! inserts the new ones and moves only the positions that changed, in one transaction:
//! readers see the ledger before or after it, never between (the published build number
//! does not change).
//!
//! Which articles changed is recorded by triggers on the reports table (any insert or delete
//! of a report marks its article with a rising sequence number), so no writer of reports has
//! to know about the ledger; an update consumes the marks up to the one it read.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{params, OptionalExtension, Transaction};

use super::compact::Packer;
use super::ledger_rows::published_build;
use super::{DbResult, SqliteStore};
use crate::ledger::{self, day_range, EntryKeys, SortKey};
use crate::{LedgerList, LedgerPatch, LedgerRow, Patched, Published, ReachQuery, ReachRow};

/// Migration 12 (re-runnable, as the migrations after 7 are: a store whose version was set back
/// runs it again).
pub(crate) const MIGRATION: &str = r#"
    CREATE TABLE IF NOT EXISTS ledger_reach (
        report_id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        lo TEXT,
        hi TEXT,
        story INTEGER,
        key INTEGER NOT NULL,
        incident TEXT
    );
    CREATE INDEX IF NOT EXISTS ledger_reach_day ON ledger_reach(event_type, lo);
    CREATE INDEX IF NOT EXISTS ledger_reach_story ON ledger_reach(event_type, story) WHERE story IS NOT NULL;
    CREATE INDEX IF NOT EXISTS ledger_reach_article ON ledger_reach(article_id);
    CREATE TABLE IF NOT EXISTS ledger_dirty (
        article_id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ledger_dirty_seq ON ledger_dirty(seq);
    CREATE TRIGGER IF NOT EXISTS ledger_dirty_insert AFTER INSERT ON reports BEGIN
        INSERT INTO ledger_dirty (article_id, seq)
            VALUES (new.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM ledger_dirty))
            ON CONFLICT(article_id) DO UPDATE SET seq = excluded.seq;
    END;
    CREATE TRIGGER IF NOT EXISTS ledger_dirty_delete AFTER DELETE ON reports BEGIN
        INSERT INTO ledger_dirty (article_id, seq)
            VALUES (old.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM ledger_dirty))
            ON CONFLICT(article_id) DO UPDATE SET seq = excluded.seq;
    END;
"#;

/// Report ids are `article id * 2^20 + position` (migration 5), and a tally's or
/// development's `ord` is its report's id: an article's entries are one `ord` range.
const PER_ARTICLE: i64 = 1 << 20;

/// Sets one of the store's `state` values (the published build, its reports generation...).
pub(super) fn set_state(tx: &rusqlite::Connection, key: &str, value: i64) -> DbResult<()> {
    tx.execute(
        "INSERT INTO state (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value.to_string()],
    )?;
    Ok(())
}

fn get_state(tx: &rusqlite::Connection, key: &str) -> DbResult<Option<i64>> {
    let v: Option<String> = tx
        .query_row("SELECT value FROM state WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(v.and_then(|v| v.parse().ok()))
}

fn insert_reach(
    tx: &rusqlite::Connection,
    rows: impl IntoIterator<Item = impl std::borrow::Borrow<ReachRow>>,
) -> DbResult<()> {
    let mut ins = tx.prepare_cached(
        "INSERT OR REPLACE INTO ledger_reach
            (report_id, article_id, event_type, lo, hi, story, key, incident)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for r in rows {
        let r = r.borrow();
        ins.execute(params![
            r.report_id,
            r.article_id,
            r.event_type,
            r.lo,
            r.hi,
            r.story,
            r.key,
            r.incident
        ])?;
    }
    Ok(())
}

fn read_reach(r: &rusqlite::Row) -> rusqlite::Result<ReachRow> {
    Ok(ReachRow {
        report_id: r.get(0)?,
        article_id: r.get(1)?,
        event_type: r.get(2)?,
        lo: r.get(3)?,
        hi: r.get(4)?,
        story: r.get(5)?,
        key: r.get(6)?,
        incident: r.get(7)?,
    })
}

/// Inserts rows of `list` into build `build` (as `put_ledger_rows` does, inside `tx`).
fn insert_rows(
    tx: &rusqlite::Connection,
    build: i64,
    list: LedgerList,
    rows: &[LedgerRow],
) -> DbResult<()> {
    let mut ins = match list {
        LedgerList::Incidents => tx.prepare_cached(
            "INSERT INTO ledger_incidents (build, ord, id, date, day_lo, day_hi, event_type, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?,
        _ => tx.prepare_cached(&format!(
            "INSERT INTO {} (build, ord, id, date, json) VALUES (?1, ?2, ?3, ?4, ?5)",
            list.table()
        ))?,
    };
    for row in rows {
        let k = EntryKeys::of(list, &row.json)?;
        if list == LedgerList::Incidents {
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
        } else {
            ins.execute(params![build, row.ord, k.id, k.date, row.json])?;
        }
    }
    Ok(())
}

/// Orders build `build`'s rows of `list` again ([`ledger::order`]) and writes only the
/// positions (and suffixed ids) that changed. Returns how many rows placed before it moved
/// (or renamed).
fn replace_rows(tx: &rusqlite::Connection, build: i64, list: LedgerList) -> DbResult<usize> {
    let t = list.table();
    let mut now: HashMap<i64, Option<i64>> = HashMap::new();
    let keys: Vec<SortKey> = {
        let mut stmt = tx.prepare(&format!(
            "SELECT rowid, date, id, ord, pos FROM {t} WHERE build = ?1"
        ))?;
        let mut rows = stmt.query(params![build])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let row: i64 = r.get(0)?;
            now.insert(row, r.get(4)?);
            out.push(SortKey {
                row,
                date: r.get(1)?,
                id: r.get(2)?,
                ord: r.get(3)?,
            });
        }
        out
    };
    let mut place = tx.prepare_cached(&format!("UPDATE {t} SET pos = ?2 WHERE rowid = ?1"))?;
    let mut read = tx.prepare_cached(&format!("SELECT id, json FROM {t} WHERE rowid = ?1"))?;
    let mut rename = tx.prepare_cached(&format!(
        "UPDATE {t} SET pos = ?2, id = ?3, json = ?4 WHERE rowid = ?1"
    ))?;
    let mut moved = 0;
    for p in ledger::order(list, keys) {
        match p.new_id {
            None => {
                let was = now.get(&p.row).copied().flatten();
                if was != Some(p.pos) {
                    place.execute(params![p.row, p.pos])?;
                    // a new row is placed, not moved
                    moved += usize::from(was.is_some());
                }
            }
            Some(new_id) => {
                let (id, json): (String, String) =
                    read.query_row(params![p.row], |r| Ok((r.get(0)?, r.get(1)?)))?;
                let json = ledger::with_id(&json, &id, &new_id)?;
                rename.execute(params![p.row, p.pos, new_id, json])?;
                moved += 1;
            }
        }
    }
    Ok(moved)
}

impl SqliteStore {
    pub(crate) fn ledger_reach_generation_db(&self) -> DbResult<Option<i64>> {
        get_state(self.connection(), "ledger_reach_generation")
    }

    pub(crate) fn ledger_dirty_db(&self) -> DbResult<(Vec<i64>, i64)> {
        let conn = self.connection();
        let mut stmt =
            conn.prepare_cached("SELECT article_id, seq FROM ledger_dirty ORDER BY article_id")?;
        let mut rows = stmt.query([])?;
        let (mut ids, mut through) = (Vec::new(), 0);
        while let Some(r) = rows.next()? {
            ids.push(r.get(0)?);
            through = through.max(r.get::<_, i64>(1)?);
        }
        Ok((ids, through))
    }

    pub(crate) fn ledger_reach_db(
        &self,
        q: &ReachQuery,
        visit: &mut dyn FnMut(ReachRow) -> bool,
    ) -> DbResult<()> {
        const COLS: &str = "report_id, article_id, event_type, lo, hi, story, key, incident";
        let conn = self.connection();
        let mut each = |stmt: &mut rusqlite::CachedStatement, p: &[&dyn rusqlite::ToSql]| {
            let mut rows = stmt.query(p)?;
            while let Some(r) = rows.next()? {
                if !visit(read_reach(r)?) {
                    return Ok(false);
                }
            }
            Ok::<bool, super::DbError>(true)
        };
        match q {
            ReachQuery::Days {
                event_type,
                lo,
                hi,
                widest,
            } => {
                let from = chrono::NaiveDate::parse_from_str(lo, "%Y-%m-%d")
                    .map(|d| (d - chrono::Duration::days(*widest)).to_string())
                    .unwrap_or_default();
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT {COLS} FROM ledger_reach INDEXED BY ledger_reach_day
                     WHERE event_type = ?1 AND lo >= ?2 AND lo <= ?3 AND hi >= ?4"
                ))?;
                each(&mut stmt, &[event_type, &from, hi, lo])?;
            }
            ReachQuery::Story { event_type, story } => {
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT {COLS} FROM ledger_reach WHERE event_type = ?1 AND story = ?2"
                ))?;
                each(&mut stmt, &[event_type, story])?;
            }
            ReachQuery::Articles(ids) => {
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT {COLS} FROM ledger_reach WHERE article_id = ?1"
                ))?;
                for a in ids {
                    if !each(&mut stmt, &[a])? {
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    pub(crate) fn reset_ledger_reach_db(
        &mut self,
        build: i64,
        generation: i64,
        dirty_through: i64,
        rows: &mut dyn Iterator<Item = ReachRow>,
    ) -> DbResult<bool> {
        let tx = super::write_tx(self.conn_mut())?;
        if published_build(&tx)? != Some(build) {
            return Ok(false);
        }
        tx.execute("DELETE FROM ledger_reach", [])?;
        insert_reach(&tx, rows)?;
        tx.execute(
            "DELETE FROM ledger_dirty WHERE seq <= ?1",
            params![dirty_through],
        )?;
        set_state(&tx, "ledger_reach_generation", generation)?;
        tx.commit()?;
        Ok(true)
    }

    pub(crate) fn patch_ledger_db(&mut self, patch: &LedgerPatch) -> DbResult<Patched> {
        let tx = super::write_tx(self.conn_mut())?;
        let p = &patch.publication;
        let latest: Option<i64> =
            tx.query_row("SELECT max(version) FROM ledger_versions", [], |r| r.get(0))?;
        let Some(build) = published_build(&tx)? else {
            return Ok(stale());
        };
        if latest != p.base || p.base.is_none() {
            return Ok(stale());
        }
        let mut out = Patched {
            published: Published::Unchanged(latest.unwrap_or(0)),
            inserted: 0,
            deleted: 0,
            moved: 0,
        };
        // the replaced incidents' JSON, to tell revised from unchanged
        let mut before: BTreeMap<String, String> = BTreeMap::new();
        {
            let mut get = tx
                .prepare_cached("SELECT json FROM ledger_incidents WHERE build = ?1 AND id = ?2")?;
            let mut del =
                tx.prepare_cached("DELETE FROM ledger_incidents WHERE build = ?1 AND id = ?2")?;
            for id in &patch.gone {
                if let Some(json) = get
                    .query_row(params![build, id], |r| r.get::<_, String>(0))
                    .optional()?
                {
                    before.insert(id.clone(), json);
                }
                out.deleted += del.execute(params![build, id])?;
            }
        }
        for t in ["ledger_tallies", "ledger_developments"] {
            let mut del = tx.prepare_cached(&format!(
                "DELETE FROM {t} WHERE build = ?1 AND ord >= ?2 AND ord < ?3"
            ))?;
            for a in &patch.articles {
                out.deleted +=
                    del.execute(params![build, a * PER_ARTICLE, (a + 1) * PER_ARTICLE])?;
            }
        }
        for (list, rows) in [
            (LedgerList::Incidents, &patch.incidents),
            (LedgerList::Tallies, &patch.tallies),
            (LedgerList::Developments, &patch.developments),
        ] {
            insert_rows(&tx, build, list, rows)?;
            out.inserted += rows.len();
        }
        for list in [
            LedgerList::Incidents,
            LedgerList::Tallies,
            LedgerList::Developments,
        ] {
            out.moved += replace_rows(&tx, build, list)?;
        }
        if out.inserted + out.deleted + out.moved > 0 {
            out.published = record_version(&tx, build, patch, &before, latest)?;
        }
        {
            let mut del = tx.prepare_cached("DELETE FROM incident_members WHERE id = ?1")?;
            for id in &patch.gone {
                del.execute(params![id])?;
            }
            let mut ins = tx.prepare_cached(
                "INSERT OR IGNORE INTO incident_members (key, id) VALUES (?1, ?2)",
            )?;
            for (id, keys) in &p.members {
                del.execute(params![id])?;
                for k in keys {
                    ins.execute(params![k, id])?;
                }
            }
        }
        {
            let mut del = tx.prepare_cached("DELETE FROM ledger_reach WHERE article_id = ?1")?;
            for a in &patch.articles {
                del.execute(params![a])?;
            }
        }
        insert_reach(&tx, &patch.reach)?;
        tx.execute(
            "DELETE FROM ledger_dirty WHERE seq <= ?1",
            params![patch.dirty_through],
        )?;
        set_state(&tx, "ledger_generation", patch.generation)?;
        set_state(&tx, "ledger_reach_generation", patch.generation)?;
        tx.commit()?;
        Ok(out)
    }
}

fn stale() -> Patched {
    Patched {
        published: Published::Stale,
        inserted: 0,
        deleted: 0,
        moved: 0,
    }
}

/// Records the patched ledger as a version when its content differs from the last
/// version's: the same rows a whole publication records (`versions.rs`), for the incidents
/// the patch replaced only (the others are unchanged by construction).
fn record_version(
    tx: &Transaction,
    build: i64,
    patch: &LedgerPatch,
    before: &BTreeMap<String, String>,
    latest: Option<i64>,
) -> DbResult<Published> {
    let p = &patch.publication;
    let (hash, incidents) = super::versions::ledger_hash(tx, build)?;
    let last_hash: Option<String> = tx
        .query_row(
            "SELECT hash FROM ledger_versions ORDER BY version DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if last_hash.as_deref() == Some(hash.as_str()) {
        return Ok(Published::Unchanged(latest.unwrap_or(0)));
    }
    let version = latest.unwrap_or(0) + 1;
    tx.execute(
        "INSERT INTO ledger_versions (version, hash, published_at, generation, incidents)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![version, hash, p.at, patch.generation, incidents],
    )?;
    let mut packer = Packer::new()?;
    let mut snap = tx.prepare_cached(
        "INSERT OR REPLACE INTO incident_snapshots (id, version, date, json) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut change = tx.prepare_cached(
        "INSERT INTO incident_changes (version, id, kind, other) VALUES (?1, ?2, ?3, ?4)",
    )?;
    // new and revised, in id order as the whole publication's join visits them does not
    // matter: rows are keyed by (version, id)
    let mut now: HashSet<String> = HashSet::new();
    for row in &patch.incidents {
        let k = EntryKeys::of(LedgerList::Incidents, &row.json)?;
        now.insert(k.id.clone());
        let kind = match before.get(&k.id) {
            Some(old) if *old == row.json => continue,
            Some(_) => "revised",
            None => "new",
        };
        snap.execute(params![k.id, version, k.date, packer.pack(&row.json)?])?;
        change.execute(params![version, k.id, kind, Option::<String>::None])?;
    }
    let gone: Vec<String> = before
        .keys()
        .filter(|id| !now.contains(*id))
        .cloned()
        .collect();
    super::versions::record_gone(tx, version, &gone, p)?;
    Ok(Published::Version(version))
}
