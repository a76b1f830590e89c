//! Ledger versions, incident identities and redirects (migration 8).
//!
//! Why: a researcher cites the ledger as it was, and a link to an incident must keep working
//! when incidents merge. Every publication whose content differs from the last version's is
//! a numbered version (numbered in the publishing transaction, so two writers never leave a
//! gap or share a number) with the SHA-256 of the canonical ledger JSON and the time the
//! caller passed. Only what changed is kept: one snapshot of an incident's JSON (zstd) per
//! version in which it is new or revised, an empty one when it leaves the ledger, and one
//! change row per new, revised, merged, split or withdrawn incident, so storage grows with
//! the changes, not with the number of versions. `incidents --version N` reads, for each id,
//! its latest snapshot at or before N.
//!
//! The identity map of the published ledger (incident id -> member report keys) is kept
//! beside it for the next build; redirects (an id merged into another) are never deleted.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, OptionalExtension};

use super::compact::{unpack, Packer};
use super::ledger_rows::{drop_build, drop_older, place_rows, published_build};
use super::DbResult;
use crate::ledger::VersionHasher;
use crate::rows::{incident_change_of, version_of};
use crate::{Identities, IncidentChange, LedgerVersion, Publication, Published, SqliteStore};

pub(crate) const MIGRATION: &str = r#"
    CREATE INDEX IF NOT EXISTS ledger_incidents_id ON ledger_incidents(build, id);
    CREATE TABLE IF NOT EXISTS ledger_versions (
        version INTEGER PRIMARY KEY,
        hash TEXT NOT NULL,
        published_at TEXT NOT NULL,
        generation INTEGER NOT NULL,
        incidents INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS incident_snapshots (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        date TEXT,
        json BLOB,
        PRIMARY KEY (id, version)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS incident_snapshots_version ON incident_snapshots(version);
    CREATE TABLE IF NOT EXISTS incident_changes (
        version INTEGER NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('new', 'revised', 'merged', 'split', 'withdrawn')),
        other TEXT
    );
    CREATE INDEX IF NOT EXISTS incident_changes_version ON incident_changes(version);
    CREATE INDEX IF NOT EXISTS incident_changes_id ON incident_changes(id, version);
    CREATE TABLE IF NOT EXISTS incident_members (
        key INTEGER NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (key, id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS incident_redirects (
        id TEXT PRIMARY KEY,
        into_id TEXT NOT NULL,
        version INTEGER NOT NULL
    ) WITHOUT ROWID;
"#;

fn latest_version(tx: &rusqlite::Connection) -> DbResult<Option<i64>> {
    Ok(tx.query_row("SELECT max(version) FROM ledger_versions", [], |r| r.get(0))?)
}

/// The version hash of build `build` ([`VersionHasher`]: the framing shared with every
/// backend), its rows streamed in published order, and its number of incidents.
pub(crate) fn ledger_hash(tx: &rusqlite::Connection, build: i64) -> DbResult<(String, i64)> {
    let mut h = VersionHasher::new();
    for list in VersionHasher::LISTS {
        h.list(list);
        let mut stmt = tx.prepare(&format!(
            "SELECT json FROM {} WHERE build = ?1 ORDER BY pos",
            list.table()
        ))?;
        let mut rows = stmt.query(params![build])?;
        while let Some(r) = rows.next()? {
            h.entry(r.get_ref(0)?.as_bytes().map_err(super::ledger_rows::bad)?);
        }
    }
    Ok(h.finish())
}

impl SqliteStore {
    pub(crate) fn publish_version_db(
        &mut self,
        build: i64,
        generation: i64,
        p: &Publication,
    ) -> DbResult<Published> {
        let tx = super::write_tx(self.conn_mut())?;
        let previous = published_build(&tx)?;
        if previous.is_some_and(|b| b >= build) {
            drop_build(&tx, build)?;
            tx.commit()?;
            return Ok(Published::Dropped);
        }
        let latest = latest_version(&tx)?;
        if latest != p.base {
            // another build was published since this one read the identity map: its ids
            // would not account for that publication's; the caller builds again
            return Ok(Published::Stale);
        }
        place_rows(&tx, build, generation)?;
        let (hash, incidents) = ledger_hash(&tx, build)?;
        let last_hash: Option<String> = tx
            .query_row(
                "SELECT hash FROM ledger_versions ORDER BY version DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let outcome = if last_hash.as_deref() == Some(hash.as_str()) {
            Published::Unchanged(latest.unwrap_or(0))
        } else {
            let version = latest.unwrap_or(0) + 1;
            tx.execute(
                "INSERT INTO ledger_versions (version, hash, published_at, generation, incidents)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![version, hash, p.at, generation, incidents],
            )?;
            // compare with the previous version's rows (none before the first version: a
            // ledger published before versions existed is all new)
            let before = if latest.is_some() { previous } else { None };
            record_changes(&tx, version, build, before.unwrap_or(-1), p)?;
            Published::Version(version)
        };
        tx.execute("DELETE FROM incident_members", [])?;
        {
            let mut ins = tx.prepare_cached(
                "INSERT OR IGNORE INTO incident_members (key, id) VALUES (?1, ?2)",
            )?;
            for (id, keys) in &p.members {
                for k in keys {
                    ins.execute(params![k, id])?;
                }
            }
        }
        drop_older(&tx, build)?;
        tx.commit()?;
        Ok(outcome)
    }

    pub(crate) fn identities_db(&self) -> DbResult<Identities> {
        let conn = self.connection();
        let version = latest_version(conn)?;
        let mut members: BTreeMap<String, Vec<i64>> = BTreeMap::new();
        let mut stmt =
            conn.prepare_cached("SELECT id, key FROM incident_members ORDER BY id, key")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            members.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut stmt = conn.prepare_cached("SELECT id FROM incident_redirects")?;
        let retired: BTreeSet<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Identities {
            version,
            members,
            retired,
        })
    }

    pub(crate) fn ledger_versions_db(&self) -> DbResult<Vec<LedgerVersion>> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT v.version, v.hash, v.published_at, v.generation, v.incidents,
                    (SELECT count(*) FROM incident_changes c WHERE c.version = v.version)
             FROM ledger_versions v ORDER BY v.version",
        )?;
        let rows = stmt.query_map([], |r| version_of(r))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn incidents_at_db(
        &self,
        version: i64,
        visit: &mut dyn FnMut(&str) -> bool,
    ) -> DbResult<()> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT s.json FROM incident_snapshots s
             WHERE s.version = (SELECT max(version) FROM incident_snapshots
                                WHERE id = s.id AND version <= ?1)
               AND s.json IS NOT NULL
             ORDER BY s.date IS NULL, s.date, s.id",
        )?;
        let mut rows = stmt.query(params![version])?;
        while let Some(r) = rows.next()? {
            let json = unpack(r.get_ref(0)?, 0)?;
            if !visit(&json) {
                break;
            }
        }
        Ok(())
    }

    pub(crate) fn incident_at_db(&self, id: &str, version: i64) -> DbResult<Option<String>> {
        let v = self
            .connection()
            .query_row(
                "SELECT json FROM incident_snapshots WHERE id = ?1 AND version <= ?2
                 ORDER BY version DESC LIMIT 1",
                params![id, version],
                |r| {
                    let v = r.get_ref(0)?;
                    if v == rusqlite::types::ValueRef::Null {
                        Ok(None)
                    } else {
                        unpack(v, 0).map(Some)
                    }
                },
            )
            .optional()?;
        Ok(v.flatten())
    }

    pub(crate) fn incident_changes_db(
        &self,
        after: i64,
        through: i64,
        id: Option<&str>,
    ) -> DbResult<Vec<IncidentChange>> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT version, id, kind, other FROM incident_changes
             WHERE version > ?1 AND version <= ?2 AND (?3 IS NULL OR id = ?3 OR other = ?3)
             ORDER BY version, id, kind, other",
        )?;
        let rows = stmt.query_map(params![after, through, id], |r| incident_change_of(r))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn incident_redirect_db(&self, id: &str) -> DbResult<Option<String>> {
        Ok(self
            .connection()
            .query_row(
                "SELECT into_id FROM incident_redirects WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub(crate) fn redirects_db(&self) -> DbResult<Vec<(String, String, i64)>> {
        let mut stmt = self
            .connection()
            .prepare_cached("SELECT id, into_id, version FROM incident_redirects ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Snapshots and change rows of `version`: incidents of `build` new or changed since build
/// `before`, those of `before` gone (merged or withdrawn), and the splits `p` reports.
fn record_changes(
    tx: &rusqlite::Connection,
    version: i64,
    build: i64,
    before: i64,
    p: &Publication,
) -> DbResult<()> {
    let mut packer = Packer::new()?;
    let mut snap = tx.prepare_cached(
        "INSERT OR REPLACE INTO incident_snapshots (id, version, date, json) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut change = tx.prepare_cached(
        "INSERT INTO incident_changes (version, id, kind, other) VALUES (?1, ?2, ?3, ?4)",
    )?;
    {
        let mut stmt = tx.prepare(
            "SELECT n.id, n.date, n.json, o.rowid IS NULL FROM ledger_incidents n
             LEFT JOIN ledger_incidents o ON o.build = ?2 AND o.id = n.id
             WHERE n.build = ?1 AND (o.rowid IS NULL OR o.json <> n.json)",
        )?;
        let mut rows = stmt.query(params![build, before])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let date: Option<String> = r.get(1)?;
            let json = r.get_ref(2)?.as_str().map_err(super::ledger_rows::bad)?;
            let new: bool = r.get(3)?;
            snap.execute(params![id, version, date, packer.pack(json)?])?;
            let kind = if new { "new" } else { "revised" };
            change.execute(params![version, id, kind, Option::<String>::None])?;
        }
    }
    let gone: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT o.id FROM ledger_incidents o WHERE o.build = ?2
             AND NOT EXISTS (SELECT 1 FROM ledger_incidents n WHERE n.build = ?1 AND n.id = o.id)",
        )?;
        let rows = stmt.query_map(params![build, before], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    record_gone(tx, version, &gone, p)
}

/// The rows of version `version` for the incidents of the build before it that are `gone`
/// (an empty snapshot each; `merged`, with its redirect, or `withdrawn`, as the publication's
/// fates say) and for the splits it reports: shared by the whole publication and the
/// incremental patch (ledger_patch.rs), so both record a version alike.
pub(crate) fn record_gone(
    tx: &rusqlite::Connection,
    version: i64,
    gone: &[String],
    p: &Publication,
) -> DbResult<()> {
    let mut snap = tx.prepare_cached(
        "INSERT OR REPLACE INTO incident_snapshots (id, version, date, json) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut change = tx.prepare_cached(
        "INSERT INTO incident_changes (version, id, kind, other) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let fates: BTreeMap<&str, (&str, Option<&str>)> = p
        .fates
        .iter()
        .filter(|f| f.1 != "split")
        .map(|(id, kind, other)| (id.as_str(), (kind.as_str(), other.as_deref())))
        .collect();
    for id in gone {
        snap.execute(params![
            id,
            version,
            Option::<String>::None,
            Option::<Vec<u8>>::None
        ])?;
        match fates.get(id.as_str()) {
            Some(("merged", Some(into))) => {
                change.execute(params![version, id, "merged", into])?;
                tx.execute(
                    "INSERT OR REPLACE INTO incident_redirects (id, into_id, version) VALUES (?1, ?2, ?3)",
                    params![id, into, version],
                )?;
            }
            _ => {
                change.execute(params![version, id, "withdrawn", Option::<String>::None])?;
            }
        }
    }
    for (id, kind, other) in &p.fates {
        if kind == "split" {
            change.execute(params![version, id, "split", other])?;
        }
    }
    Ok(())
}
