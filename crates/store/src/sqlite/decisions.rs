//! The review decision log (`Store::append_decisions`, `Store::decisions`): append-only.
//!
//! Why a table that refuses change: a human decision must never be overwritten, by a
//! re-run or by a mistaken command. Triggers abort any UPDATE or DELETE of a row, so even
//! SQL typed by hand cannot rewrite the log; a later decision supersedes an earlier one by
//! being appended (the ledger decides which is effective, `sw_ledger::review`).
//!
//! Why one transaction per append: the rows of one command (one decision, or a whole
//! imported log) and the bump of the reports generation that makes the ledger rebuild with
//! them commit together or not at all. A process killed mid-write leaves the journal to roll
//! back on the next open: every earlier decision is there, no half-written one is.

use rusqlite::params;

use super::{DbResult, SqliteStore};
use crate::rows::{decision_of, DECISION_COLUMNS};
use crate::DecisionRow;

/// Migration 9 (written to run again harmlessly, as tests of older stores replay it): the
/// decision log and the triggers that keep it append-only, and the rows of
/// the rejected incidents of each ledger build (laid out as the other lists' tables).
pub(crate) const MIGRATION: &str = r#"
    CREATE TABLE IF NOT EXISTS decisions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        author TEXT NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        incident TEXT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS decisions_incident ON decisions(incident);
    CREATE TRIGGER IF NOT EXISTS decisions_no_update BEFORE UPDATE ON decisions BEGIN
        SELECT RAISE(ABORT, 'the decision log is append-only');
    END;
    CREATE TRIGGER IF NOT EXISTS decisions_no_delete BEFORE DELETE ON decisions BEGIN
        SELECT RAISE(ABORT, 'the decision log is append-only');
    END;
    CREATE TABLE IF NOT EXISTS ledger_rejected (
        build INTEGER NOT NULL,
        pos INTEGER,
        ord INTEGER NOT NULL,
        id TEXT NOT NULL,
        date TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ledger_rejected_pos ON ledger_rejected(build, pos);
"#;

impl SqliteStore {
    pub(crate) fn append_decisions_db(&mut self, rows: &[DecisionRow]) -> DbResult<usize> {
        let tx = super::write_tx(self.conn_mut())?;
        let mut added = 0;
        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO decisions (id, author, at, kind, incident, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO NOTHING",
            )?;
            for r in rows {
                added += ins.execute(params![r.id, r.author, r.at, r.kind, r.incident, r.json])?;
            }
        }
        if added > 0 {
            // the ledger is a function of the reports and the decisions: rebuild it
            tx.execute(
                "UPDATE state SET value = CAST(value AS INTEGER) + 1 WHERE key = 'reports_generation'",
                [],
            )?;
        }
        tx.commit()?;
        Ok(added)
    }

    pub(crate) fn decisions_db(&self, visit: &mut dyn FnMut(DecisionRow) -> bool) -> DbResult<()> {
        let conn = self.connection();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {DECISION_COLUMNS} FROM decisions ORDER BY seq"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let row = decision_of(r, 0)?;
            if !visit(row) {
                break;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::{DecisionRow, SqliteStore, Store};

    fn row(id: &str) -> DecisionRow {
        DecisionRow {
            id: id.into(),
            author: "ana".into(),
            at: "2026-12-01T10:00:00Z".into(),
            kind: "note".into(),
            incident: "inc-000000000001".into(),
            json: format!(r#"{{"id":"{id}"}}"#),
        }
    }

    fn all(s: &SqliteStore) -> Vec<String> {
        let mut out = Vec::new();
        s.decisions(&mut |d| {
            out.push(d.id);
            true
        })
        .unwrap();
        out
    }

    /// A store whose writer died between writing decision rows and committing them reopens
    /// with every earlier decision and none of the unfinished ones: the files are copied as
    /// a killed process leaves them (its transaction open, its rows written to the page
    /// cache and, once spilled, to the WAL without a commit frame) and the copy is opened.
    #[test]
    fn an_unfinished_append_leaves_no_decision_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let crashed = dir.path().join("crashed");
        std::fs::create_dir(&crashed).unwrap();
        let mut s = SqliteStore::open(&path).unwrap();
        s.append_decisions(&[row("kept")]).unwrap();
        let c = s.conn_mut();
        c.execute_batch("PRAGMA cache_spill = 1; BEGIN IMMEDIATE")
            .unwrap();
        for i in 0..2000 {
            // enough rows that pages spill to the WAL before the commit
            c.execute(
                "INSERT INTO decisions (id, author, at, kind, incident, json)
                 VALUES (?1, 'ana', 't', 'note', 'i', ?2)",
                rusqlite::params![format!("half-{i}"), "x".repeat(500)],
            )
            .unwrap();
        }
        for f in ["s.db", "s.db-wal"] {
            if dir.path().join(f).exists() {
                std::fs::copy(dir.path().join(f), crashed.join(f)).unwrap();
            }
        }
        c.execute_batch("ROLLBACK").unwrap();
        drop(s);
        let s = SqliteStore::open(&crashed.join("s.db")).unwrap();
        assert_eq!(all(&s), ["kept"]);
    }
}
