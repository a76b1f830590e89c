//! Copying a whole store out of and into SQLite (see [`crate::copy`]): rows read in their
//! copy order by one statement and handed out in batches; each batch written in one write
//! transaction. Reports' and snapshots' JSON ([`Kind::Json`]) is unpacked on the way out and
//! packed on the way in; an article batch writes its LSH band entries with it, and
//! [`SqliteStore::copy_done_db`] records that the band table covers every article.

use rusqlite::types::{Value, ValueRef};

use super::bands::INDEXED_THROUGH;
use super::compact::{unpack, Packer};
use super::{write_tx, DbResult};
use crate::copy::{band_entries, Batcher, Cell, Kind, Row, Table, PRIVATE_STATE, TABLES};
use crate::{SqliteStore, StoreError};

fn bad(t: &Table, col: &str, what: &str) -> StoreError {
    StoreError::Invalid(format!("{}.{col} holds {what}", t.name))
}

impl SqliteStore {
    pub(crate) fn copy_is_empty_db(&self) -> DbResult<bool> {
        for t in TABLES.iter().filter(|t| t.name != "state") {
            let any: bool = self.connection().query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM {})", t.name),
                [],
                |r| r.get(0),
            )?;
            if any {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub(crate) fn copy_out_db(
        &self,
        t: &Table,
        visit: &mut dyn FnMut(Vec<Row>) -> bool,
    ) -> DbResult<()> {
        let mut stmt = self.connection().prepare(&format!(
            "SELECT {} FROM {} ORDER BY {}",
            t.column_list(),
            t.name,
            t.order_by("rowid")
        ))?;
        let mut rows = stmt.query([])?;
        let mut batch = Batcher::new(visit);
        while let Some(r) = rows.next()? {
            let mut row = Vec::with_capacity(t.columns.len());
            for (i, (col, kind)) in t.columns.iter().enumerate() {
                let v = r.get_ref(i)?;
                row.push(match (v, kind) {
                    (ValueRef::Null, _) => Cell::Null,
                    (_, Kind::Json) => Cell::Text(unpack(v, i)?),
                    (ValueRef::Integer(n), Kind::Int) => Cell::Int(n),
                    (ValueRef::Text(s), Kind::Text) => Cell::Text(
                        String::from_utf8(s.to_vec()).map_err(|_| bad(t, col, "text not UTF-8"))?,
                    ),
                    (ValueRef::Blob(b), Kind::Blob) => Cell::Blob(b.to_vec()),
                    (v, _) => return Err(bad(t, col, &format!("a {:?}", v.data_type())).into()),
                });
            }
            if t.name == "state" && row[0].as_text().is_some_and(|k| PRIVATE_STATE.contains(&k)) {
                continue;
            }
            if !batch.push(row) {
                break;
            }
        }
        batch.flush();
        Ok(())
    }

    pub(crate) fn copy_in_db(&mut self, t: &Table, rows: Vec<Row>) -> DbResult<()> {
        let tx = write_tx(self.conn_mut())?;
        {
            let verb = if t.name == "state" {
                "INSERT OR REPLACE"
            } else {
                "INSERT"
            };
            let marks: Vec<String> = (1..=t.columns.len()).map(|i| format!("?{i}")).collect();
            let mut ins = tx.prepare(&format!(
                "{verb} INTO {} ({}) VALUES ({})",
                t.name,
                t.column_list(),
                marks.join(", ")
            ))?;
            let mut packer = Packer::new()?;
            for row in &rows {
                let mut values = Vec::with_capacity(row.len());
                for (cell, (_, kind)) in row.iter().zip(t.columns) {
                    values.push(match (cell, kind) {
                        (Cell::Null, _) => Value::Null,
                        (Cell::Text(s), Kind::Json) => Value::Blob(packer.pack(s)?),
                        (Cell::Int(n), _) => Value::Integer(*n),
                        (Cell::Text(s), _) => Value::Text(s.clone()),
                        (Cell::Blob(b), _) => Value::Blob(b.clone()),
                    });
                }
                ins.execute(rusqlite::params_from_iter(values))?;
            }
            if t.name == "articles" {
                let mut band = tx.prepare(
                    "INSERT OR IGNORE INTO lsh_bands (band, key, article_id) VALUES (?1, ?2, ?3)",
                )?;
                let mut entries = band_entries(&rows);
                // in key order: each leaf page of the index is visited once per batch
                entries.sort_unstable();
                for (b, k, a) in entries {
                    band.execute(rusqlite::params![b, k, a])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// After the last table: the band table holds the entries of every article copied.
    pub(crate) fn copy_done_db(&mut self) -> DbResult<()> {
        let tx = write_tx(self.conn_mut())?;
        tx.execute(
            "INSERT OR REPLACE INTO state (key, value)
             SELECT ?1, CAST(COALESCE(MAX(id), 0) AS TEXT) FROM articles",
            [INDEXED_THROUGH],
        )?;
        tx.commit()?;
        self.bands.invalidate();
        Ok(())
    }
}
